// The progress display of a lab build: what is being built and where, the stage, a progress bar, the
// core's detail line, the elapsed time, and a Cancel button (cancelRequested). Display only: the
// window owns the LabBuilder and forwards its progress here.
#pragma once
#include <QElapsedTimer>
#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;
class QTimer;

namespace rapidun::ui {

class LabBuildPanel : public QWidget {
    Q_OBJECT
public:
    explicit LabBuildPanel(QWidget * parent = nullptr);

    // Resets the display, starts the clock. kind: synthetic | dolly.
    void start(const QString & dir, const QString & scale, const QString & kind = QStringLiteral("synthetic"));
    void setProgress(const QString & stage, double fraction, const QString & message);
    void setCancelling();                                     // after Cancel: waits for the build to stop
    void stop();                                              // the build ended: the clock stops

    static QString stageLabel(const QString & stage);   // "train" -> "Training the model to repair", ...

Q_SIGNALS:
    void cancelRequested();

private:
    void updateElapsed();

    QLabel *       title_ = nullptr;
    QLabel *       folder_ = nullptr;
    QLabel *       stage_ = nullptr;
    QProgressBar * bar_ = nullptr;
    QLabel *       message_ = nullptr;
    QLabel *       elapsed_ = nullptr;
    QPushButton *  cancel_ = nullptr;
    QTimer *       clock_ = nullptr;
    QElapsedTimer  started_;
};

} // namespace rapidun::ui
