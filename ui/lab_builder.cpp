#include "lab_builder.h"

#include "rapidun/error.h"
#include "rapidun/job.h"
#include "rapidun/lab/lab.h"

#include <QFile>
#include <QFutureWatcher>
#include <QMetaObject>
#include <QtConcurrent/QtConcurrentRun>

#include <exception>

namespace rapidun::ui {
namespace {

enum class Ending { Finished, Failed, Cancelled };

struct BuildOutcome {
    Ending  ending = Ending::Failed;
    QString dir;     // the built workspace's folder (absolute)
    QString error;
};

BuildOutcome buildWork(const LabBuildOptions & options, const std::shared_ptr<CancelToken> & token,
                       const LabProgressFn & progress) {
    BuildOutcome out;
    try {
        SyntheticLabOptions o;
        o.out = QFile::encodeName(options.dir).toStdString();
        o.scale = options.scale.toStdString();
        o.seed = options.seed;
        o.retrain_reference = options.retrainReference;
        const Workspace w = build_synthetic_lab(o, progress, token.get());
        out.dir = QFile::decodeName(QByteArray::fromStdString(w.dir));
        out.ending = Ending::Finished;
    } catch (const Cancelled &) {
        out.ending = Ending::Cancelled;
    } catch (const std::exception & e) {
        out.error = QString::fromUtf8(e.what());
    } catch (...) {
        out.error = QStringLiteral("unknown error");
    }
    return out;
}

} // namespace

LabBuilder::LabBuilder(QObject * parent) : QObject(parent) {}

LabBuilder::~LabBuilder() {
    if (token_)
        token_->cancel();
    if (wait_)
        wait_();   // the worker never outlives the builder
}

void LabBuilder::cancel() {
    if (!busy_ || !token_)
        return;
    cancelling_ = true;
    token_->cancel();
}

bool LabBuilder::start(const LabBuildOptions & options) {
    if (busy_)
        return false;
    busy_ = true;
    cancelling_ = false;
    token_ = std::make_shared<CancelToken>();

    // Called on the worker's thread: copy, then hand over to the GUI thread. The builder outlives the
    // worker (its destructor waits), and a call still queued when it is destroyed is dropped with it.
    LabBuilder * self = this;
    LabProgressFn forward = [self](const LabProgress & p) {
        const QString stage = QString::fromStdString(p.stage);
        const QString message = QString::fromStdString(p.message);
        const double fraction = p.fraction;
        QMetaObject::invokeMethod(
            self, [self, stage, fraction, message] { Q_EMIT self->progress(stage, fraction, message); },
            Qt::QueuedConnection);
    };

    QFuture<BuildOutcome> future = QtConcurrent::run(buildWork, options, token_, forward);
    auto * watcher = new QFutureWatcher<BuildOutcome>(this);
    const QString requested = options.dir;
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, requested] {
        const BuildOutcome out = watcher->result();
        watcher->deleteLater();
        busy_ = false;
        cancelling_ = false;
        token_.reset();
        wait_ = nullptr;
        switch (out.ending) {
        case Ending::Finished: Q_EMIT finished(out.dir); break;
        case Ending::Cancelled: Q_EMIT cancelled(requested); break;
        case Ending::Failed: Q_EMIT failed(requested, out.error); break;
        }
    });
    watcher->setFuture(future);   // connect first, then set the future
    wait_ = [future]() mutable { future.waitForFinished(); };
    return true;
}

} // namespace rapidun::ui
