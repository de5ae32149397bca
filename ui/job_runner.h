// Runs one long core job at a time off the GUI thread (QtConcurrent on the global pool) and delivers
// its outcome on the GUI thread. The job gets a JobHandle: a CancelToken to poll (core's own
// cancellation) and report(), which forwards progress to the GUI thread at most every 50 ms (a new
// stage and the final done == total update are always sent). Every start() ends in exactly one finished(),
// failed() or cancelled(), all on the GUI thread; onDone runs before finished(), unless the runner
// was shut down first: shutdown() (and the destructor) cancels a running job, waits for its worker
// without running the event loop, and drops its outcome, so no continuation can reach an object
// that is being destroyed and the worker never outlives the runner.
//
//   runner->start<nlohmann::json>(tr("Influence"),
//       [opts](JobHandle & h) { return run_workspace_influence(w, opts, [&](auto & p) { h.report(...); }, &h.token()); },
//       [this](nlohmann::json && summary) { ... on the GUI thread ... });
#pragma once
#include "rapidun/job.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QMetaObject>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QtConcurrent/QtConcurrentRun>

#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>

namespace rapidun::ui {

// Returns what a finished job freed to the system (glibc keeps freed memory in per-thread arenas: a
// studio that ran the pipeline five times held ~10% more after the fifth than after the first, all
// of it freed memory (bench/soak_studio.cpp); the Influence page read a million rows and kept 1.5 GiB,
// half of it freed). Called on the worker as a job ends; a no-op without glibc.
void handBackFreedMemory();
// At most two malloc arenas for the process (glibc's default is eight per core, one per thread that
// allocates): the studio's jobs run on pool threads, and their arenas kept memory between jobs that
// the trim above could not return (the soak: +10% after the second pipeline, +1.5% with two
// arenas). $MALLOC_ARENA_MAX, where set, is left to glibc (1: flatter still, 0.4-0.5% over five
// pipelines, at a few percent of a pipeline's time). Call first thing in main(), before any thread starts.
void boundMallocArenas();

class JobRunner;

// Handed to the job on the worker thread.
class JobHandle {
public:
    JobHandle(JobRunner * runner, std::shared_ptr<CancelToken> token) : runner_(runner), token_(std::move(token)) {}
    const CancelToken & token() const { return *token_; }
    const CancelToken * tokenPtr() const { return token_.get(); }
    bool cancelled() const { return token_->cancelled(); }
    // fraction: of the whole job, 0..1; stage and message: shown as they are (translate at the caller).
    // eta_s < 0: unknown. Throttled to one update per 50 ms, except a new stage and fraction >= 1.
    void report(double fraction, const QString & stage, const QString & message = {}, double eta_s = -1);

private:
    JobRunner *                  runner_;
    std::shared_ptr<CancelToken> token_;
    std::mutex                   mutex_;
    QElapsedTimer                last_;
    QString                      lastStage_;
};

class JobRunner : public QObject {
    Q_OBJECT
public:
    explicit JobRunner(QObject * parent = nullptr) : QObject(parent) {}
    ~JobRunner() override { shutdown(); }

    bool isBusy() const { return busy_; }
    bool isShutDown() const { return shutDown_; }
    bool isCancelling() const { return busy_ && token_ && token_->cancelled(); }
    QString title() const { return title_; }
    void cancel() {
        if (busy_ && token_)
            token_->cancel();
    }
    // Blocks until the running job (if any) has ended and its signals were delivered. Runs the event
    // loop, so it is for tests only: never call it from a destructor (use shutdown()).
    void waitForIdle();
    // Cancels the running job, waits for its worker (no event loop), and drops its outcome: onDone,
    // finished/failed/cancelled/idle and queued progress never come. Later start()s are refused.
    // For owners about to be destroyed (pages, the window). Safe to call twice.
    void shutdown();

    // Returns false (and starts nothing) while a job runs. work runs on a worker thread; onDone on the
    // GUI thread with the job's result. Exceptions become failed(what()), rapidun::Cancelled cancelled().
    template <class R>
    bool start(const QString & title, std::function<R(JobHandle &)> work, std::function<void(R &&)> onDone) {
        if (busy_ || shutDown_)
            return false;
        busy_ = true;
        title_ = title;
        token_ = std::make_shared<CancelToken>();
        struct Outcome {
            std::optional<R> value;
            bool             cancelled = false;
            QString          error;
        };
        auto handle = std::make_shared<JobHandle>(this, token_);
        QFuture<Outcome> future = QtConcurrent::run([work = std::move(work), handle]() {
            Outcome out;
            try {
                out.value.emplace(work(*handle));
            } catch (const Cancelled &) {
                out.cancelled = true;
            } catch (const std::exception & e) {
                out.error = QString::fromUtf8(e.what());
            } catch (...) {
                out.error = QStringLiteral("unknown error");
            }
            handBackFreedMemory();
            return out;   // nothing is thrown across threads
        });
        auto * watcher = new QFutureWatcher<Outcome>(this);
        connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, onDone = std::move(onDone)] {
            Outcome out = watcher->result();
            watcher->deleteLater();
            watcher_ = nullptr;
            busy_ = false;
            token_.reset();
            wait_ = nullptr;
            if (out.cancelled)
                Q_EMIT cancelled();
            else if (!out.error.isEmpty())
                Q_EMIT failed(out.error);
            else {
                if (onDone)
                    onDone(std::move(*out.value));
                Q_EMIT finished();
            }
            Q_EMIT idle();
        });
        watcher->setFuture(future);   // connect first, then set the future
        watcher_ = watcher;
        wait_ = [future]() mutable { future.waitForFinished(); };
        Q_EMIT started(title);
        return true;
    }

Q_SIGNALS:
    void started(const QString & title);
    void progress(double fraction, const QString & stage, const QString & message, double etaSeconds);
    void finished();
    void failed(const QString & error);
    void cancelled();
    void idle();   // after any of the three endings

private:
    friend class JobHandle;
    bool                         busy_ = false;
    bool                         shutDown_ = false;
    QFutureWatcherBase *         watcher_ = nullptr;   // the running job's; deleting it drops the outcome
    QString                      title_;
    std::shared_ptr<CancelToken> token_;
    std::function<void()>        wait_;
};

} // namespace rapidun::ui
