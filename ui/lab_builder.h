// Builds the synthetic lab off the GUI thread (core's build_synthetic_lab). Progress arrives from the
// worker and is forwarded to the GUI thread (queued); cancel() sets the core's CancelToken, which the
// build polls between steps. Every start ends in exactly one finished(), failed() or cancelled(), all
// emitted on the GUI thread. The destructor cancels a running build and waits for it.
#pragma once
#include <QObject>
#include <QString>

#include <functional>
#include <memory>

namespace rapidun {
class CancelToken;
}

namespace rapidun::ui {

struct LabBuildOptions {
    QString dir;                          // workspace folder to create
    QString scale = QStringLiteral("default");   // tiny | default
    quint64 seed = 1234;
    bool    retrainReference = true;      // also time a clean retrain (the efficiency reference)
};

class LabBuilder : public QObject {
    Q_OBJECT
public:
    explicit LabBuilder(QObject * parent = nullptr);
    ~LabBuilder() override;

    bool isBusy() const { return busy_; }
    bool isCancelling() const { return busy_ && cancelling_; }

    // Returns false (and starts nothing) while another build runs.
    bool start(const LabBuildOptions & options);
    void cancel();   // no-op when idle

Q_SIGNALS:
    // stage: the core's stage name (data, tokenizer, train, evaluate, retrain-reference, done);
    // fraction of the whole build, 0..1; message: the core's detail line (English).
    void progress(const QString & stage, double fraction, const QString & message);
    void finished(const QString & dir);
    void failed(const QString & dir, const QString & error);
    void cancelled(const QString & dir);

private:
    bool busy_ = false;
    bool cancelling_ = false;
    std::shared_ptr<CancelToken> token_;
    std::function<void()> wait_;
};

} // namespace rapidun::ui
