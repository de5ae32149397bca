#include "lab_builder.h"

#include "job_runner.h"

#include "rapidun/lab/lab.h"

#include <QFile>

namespace rapidun::ui {

LabBuilder::LabBuilder(QObject * parent) : QObject(parent), runner_(new JobRunner(this)) {
    connect(runner_, &JobRunner::progress, this,
            [this](double fraction, const QString & stage, const QString & message, double) {
                Q_EMIT progress(stage, fraction, message);
            });
    connect(runner_, &JobRunner::failed, this, [this](const QString & error) { Q_EMIT failed(dir_, error); });
    connect(runner_, &JobRunner::cancelled, this, [this] { Q_EMIT cancelled(dir_); });
}

bool LabBuilder::isBusy() const { return runner_->isBusy(); }
bool LabBuilder::isCancelling() const { return runner_->isCancelling(); }
void LabBuilder::cancel() { runner_->cancel(); }
void LabBuilder::shutdown() { runner_->shutdown(); }

bool LabBuilder::start(const LabBuildOptions & options) {
    if (runner_->isBusy())
        return false;
    dir_ = options.dir;
    auto work = [options](JobHandle & h) {
        SyntheticLabOptions o;
        o.out = QFile::encodeName(options.dir).toStdString();
        o.scale = options.scale.toStdString();
        o.seed = options.seed;
        o.retrain_reference = options.retrainReference;
        // Core's stage names (data, tokenizer, train, ...) and detail lines pass through as they are.
        const Workspace w = build_synthetic_lab(
            o,
            [&h](const LabProgress & p) {
                h.report(p.fraction, QString::fromStdString(p.stage), QString::fromStdString(p.message));
            },
            h.tokenPtr());
        return QFile::decodeName(QByteArray::fromStdString(w.dir));
    };
    return runner_->start<QString>(tr("Building the synthetic lab"), work,
                                   [this](QString && dir) { Q_EMIT finished(dir); });
}

} // namespace rapidun::ui
