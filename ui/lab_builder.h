// Builds a lab off the GUI thread (core's build_synthetic_lab or build_dolly_lab on a JobRunner). Progress
// arrives from the worker and is forwarded to the GUI thread (queued, every stage change); cancel()
// sets the core's CancelToken, which the build polls between steps. Every start ends in exactly one
// finished(), failed() or cancelled(), all emitted on the GUI thread, unless shutdown() (or the
// destructor) came first: it cancels a running build, waits for it and drops its outcome.
#pragma once
#include <QObject>
#include <QString>

namespace rapidun::ui {

class JobRunner;

struct LabBuildOptions {
    QString kind = QStringLiteral("synthetic");  // synthetic | dolly
    QString dir;                          // workspace folder to create
    QString scale = QStringLiteral("default");   // tiny | default
    QString release;                      // dolly: the RapidUn release folder (its data and triggers)
    bool    retrainReference = true;      // also time a clean retrain (the efficiency reference)
};

class LabBuilder : public QObject {
    Q_OBJECT
public:
    explicit LabBuilder(QObject * parent = nullptr);

    bool isBusy() const;
    bool isCancelling() const;

    // Returns false (and starts nothing) while another build runs.
    bool start(const LabBuildOptions & options);
    void cancel();     // no-op when idle
    void shutdown();   // see JobRunner::shutdown

Q_SIGNALS:
    // stage: the core's stage name (data, tokenizer, train, evaluate, retrain-reference, done; the
    // Dolly lab also judge and base-data, base-tokenizer, base-train, base-done);
    // fraction of the whole build, 0..1; message: the core's detail line (English).
    void progress(const QString & stage, double fraction, const QString & message);
    void finished(const QString & dir);
    void failed(const QString & dir, const QString & error);
    void cancelled(const QString & dir);

private:
    JobRunner * runner_ = nullptr;
    QString     dir_;   // the running build's requested folder
};

} // namespace rapidun::ui
