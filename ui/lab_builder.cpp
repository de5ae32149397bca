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
        // Core's stage names (data, tokenizer, train, ...) and detail lines pass through as they are.
        const LabProgressFn progress = [&h](const LabProgress & p) {
            h.report(p.fraction, QString::fromStdString(p.stage), QString::fromStdString(p.message));
        };
        const std::string out = QFile::encodeName(options.dir).toStdString();
        if (options.kind == QLatin1String("dolly")) {
            DollyLabOptions o = dolly_lab_defaults(options.scale.toStdString());
            o.out = out;
            o.release = QFile::encodeName(options.release).toStdString();
            o.retrain_reference = o.retrain_reference && options.retrainReference;
            return QFile::decodeName(QByteArray::fromStdString(build_dolly_lab(o, progress, h.tokenPtr()).dir));
        }
        SyntheticLabOptions o;
        o.out = out;
        o.scale = options.scale.toStdString();
        o.retrain_reference = options.retrainReference;
        return QFile::decodeName(QByteArray::fromStdString(build_synthetic_lab(o, progress, h.tokenPtr()).dir));
    };
    const QString title = options.kind == QLatin1String("dolly") ? tr("Building the Dolly lab") : tr("Building the synthetic lab");
    return runner_->start<QString>(title, work, [this](QString && dir) { Q_EMIT finished(dir); });
}

} // namespace rapidun::ui
