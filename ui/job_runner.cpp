#include "job_runner.h"

#include <QCoreApplication>
#include <QEventLoop>

#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace rapidun::ui {

void handBackFreedMemory() {
#ifdef __GLIBC__
    malloc_trim(0);
#endif
}

void boundMallocArenas() {
#ifdef __GLIBC__
    if (!qEnvironmentVariableIsSet("MALLOC_ARENA_MAX"))   // glibc's own variable, where the user set it, wins
        mallopt(M_ARENA_MAX, 2);
#endif
}

void JobHandle::report(double fraction, const QString & stage, const QString & message, double eta_s) {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        if (fraction < 1.0 && stage == lastStage_ && last_.isValid() && last_.elapsed() < 50)
            return;
        last_.start();
        lastStage_ = stage;
    }
    // Queued to the GUI thread; the runner outlives the worker (shutdown() waits), a call still queued
    // when the runner is destroyed is dropped with it, and one delivered after shutdown() is ignored.
    JobRunner * r = runner_;
    QMetaObject::invokeMethod(
        r,
        [r, fraction, stage, message, eta_s] {
            if (!r->shutDown_)
                Q_EMIT r->progress(fraction, stage, message, eta_s);
        },
        Qt::QueuedConnection);
}

void JobRunner::shutdown() {
    shutDown_ = true;
    if (!busy_)
        return;
    if (token_)
        token_->cancel();
    if (wait_)
        wait_();            // the worker polls the token; no event loop runs here
    delete watcher_;        // its pending finished() and the continuation in it go with it
    watcher_ = nullptr;
    wait_ = nullptr;
    token_.reset();
    busy_ = false;
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
