#include "job_runner.h"

#include <QCoreApplication>
#include <QEventLoop>

namespace rapidun::ui {

void JobHandle::report(double fraction, const QString & stage, const QString & message, double eta_s) {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        if (fraction < 1.0 && last_.isValid() && last_.elapsed() < 50)
            return;
        last_.start();
    }
    // Queued to the GUI thread; the runner outlives the worker (its destructor waits), and a call still
    // queued when the runner is destroyed is dropped with it.
    JobRunner * r = runner_;
    QMetaObject::invokeMethod(
        r, [r, fraction, stage, message, eta_s] { Q_EMIT r->progress(fraction, stage, message, eta_s); }, Qt::QueuedConnection);
}

void JobRunner::waitForIdle() {
    if (!busy_)
        return;
    if (wait_)
        wait_();
    // Deliver the watcher's finished() and the queued progress calls.
    while (busy_)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
}

} // namespace rapidun::ui
