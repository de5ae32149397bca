// MainWindow's labs: opening the synthetic or the Dolly lab, building it on first use (LabBuilder on
// the build page) and the build's outcomes. The rest of the window is in main_window.cpp.
#include "main_window.h"

#include "lab_build_panel.h"
#include "lab_builder.h"
#include "settings.h"

#include "rapidun/lab/lab.h"

#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QProgressBar>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTimer>

namespace rapidun::ui {

// A lab that is complete (its workspace.json exists) is opened, never rebuilt; while another job
// runs, openWorkspace refuses asynchronously. Returns whether it took the request.
bool MainWindow::openIfBuilt(const QString & target) {
    if (!QFileInfo::exists(QDir(target).filePath(QStringLiteral("workspace.json"))) && !isLoading())
        return false;
    openWorkspace(target);
    return true;
}

QString MainWindow::defaultLabDir() {
    return QFile::decodeName(QByteArray::fromStdString(default_synthetic_lab_dir()));
}

QString MainWindow::defaultDollyLabDir() {
    return QFile::decodeName(QByteArray::fromStdString(default_dolly_lab_dir()));
}

QString MainWindow::defaultReleaseDir() {
    const QString env = qEnvironmentVariable("RAPIDUN_RELEASE").trimmed();
    if (!env.isEmpty())
        return env;
    QSettings store(QString::fromLatin1(Settings::organization()), QString::fromLatin1(Settings::application()));
    return store.value(QStringLiteral("dollyLab/release")).toString();
}

QString MainWindow::defaultLabScale() {
    const QString scale = qEnvironmentVariable("RAPIDUN_LAB_SCALE").trimmed();
    return scale.isEmpty() ? QStringLiteral("default") : scale;
}

void MainWindow::openSyntheticLab(const QString & dir, const QString & scale) {
    QSettings store(QString::fromLatin1(Settings::organization()), QString::fromLatin1(Settings::application()));
    const Settings prefs(store);   // Preferences win over the environment's defaults when set
    const QString chosen = !dir.isEmpty() ? dir : !prefs.labDir().isEmpty() ? prefs.labDir() : defaultLabDir();
    const QString target = QFileInfo(chosen).absoluteFilePath();
    if (openIfBuilt(target))
        return;
    LabBuildOptions options;
    options.dir = target;
    options.scale = !scale.isEmpty() ? scale : !prefs.labScale().isEmpty() ? prefs.labScale() : defaultLabScale();
    options.retrainReference = labRetrainReference_;
    startLabBuild(options);
}

void MainWindow::openDollyLab(const QString & dir, const QString & scale, const QString & release) {
    const QString target = QFileInfo(!dir.isEmpty() ? dir : defaultDollyLabDir()).absoluteFilePath();
    if (openIfBuilt(target))
        return;
    QString rel = !release.isEmpty() ? release : defaultReleaseDir();
    if (rel.isEmpty() && interactive_)
        rel = QFileDialog::getExistingDirectory(this, tr("The RapidUn release folder (it holds dolly_triggers_out/)"));
    if (rel.isEmpty()) {   // asynchronous, as every outcome of an open
        const QString why = tr("no release folder: choose the RapidUn release (the folder with dolly_triggers_out/) "
                               "or set RAPIDUN_RELEASE");
        const QString message = tr("Could not build the Dolly lab in %1:\n%2").arg(QDir::toNativeSeparators(target), why);
        QTimer::singleShot(0, this, [this, message, why] {
            Q_EMIT workspaceFailed(message);
            showFailure(tr("Open Dolly Lab"), message, tr("Lab build failed: %1").arg(why));
        });
        return;
    }
    QSettings store(QString::fromLatin1(Settings::organization()), QString::fromLatin1(Settings::application()));
    store.setValue(QStringLiteral("dollyLab/release"), QFileInfo(rel).absoluteFilePath());
    LabBuildOptions options;
    options.kind = QStringLiteral("dolly");
    options.dir = target;
    options.release = QFileInfo(rel).absoluteFilePath();
    options.scale = !scale.isEmpty() ? scale : defaultLabScale();
    options.retrainReference = labRetrainReference_;
    startLabBuild(options);
}

void MainWindow::startLabBuild(const LabBuildOptions & options) {
    labKind_ = options.kind;
    builder_->start(options);
    if (pages_->currentIndex() != kBuildPage)
        pageBeforeBuild_ = pages_->currentIndex();
    buildPanel_->start(options.dir, options.scale, options.kind);
    pages_->setCurrentIndex(kBuildPage);
    setBusy(true, labKind_ == QLatin1String("dolly") ? tr("Building the Dolly lab...") : tr("Building the synthetic lab..."));
    jobLabel_->setToolTip(QDir::toNativeSeparators(options.dir));
    Q_EMIT labBuildStarted(options.dir);
}

void MainWindow::cancelLabBuild() {
    if (!builder_->isBusy() || builder_->isCancelling())
        return;
    builder_->cancel();
    buildPanel_->setCancelling();
    jobLabel_->setText(tr("Cancelling the lab build..."));
}

void MainWindow::onLabProgress(const QString & stage, double fraction, const QString & message) {
    buildPanel_->setProgress(stage, fraction, message);
    if (!builder_->isCancelling()) {
        busyBar_->setRange(0, 1000);
        busyBar_->setValue(static_cast<int>(qBound(0.0, fraction, 1.0) * 1000.0));
        jobLabel_->setText((labKind_ == QLatin1String("dolly") ? tr("Building the Dolly lab: %1") : tr("Building the synthetic lab: %1"))
                               .arg(LabBuildPanel::stageLabel(stage)));
    }
    Q_EMIT labProgress(stage, fraction, message);
}

void MainWindow::onLabBuilt(const QString & dir) {
    buildPanel_->stop();
    setBusy(false, tr("Ready"));
    openWorkspace(dir);   // the page stays on the build panel until the workspace is open
}

void MainWindow::onLabFailed(const QString & dir, const QString & error) {
    buildPanel_->stop();
    pages_->setCurrentIndex(pageBeforeBuild_);
    setBusy(false, tr("Ready"));
    const bool dolly = labKind_ == QLatin1String("dolly");
    const QString message = (dolly ? tr("Could not build the Dolly lab in %1:\n%2") : tr("Could not build the synthetic lab in %1:\n%2"))
                                .arg(QDir::toNativeSeparators(dir), error);
    Q_EMIT workspaceFailed(message);
    showFailure(dolly ? tr("Open Dolly Lab") : tr("Open Synthetic Lab"), message, tr("Lab build failed: %1").arg(error.simplified()));
}

void MainWindow::onLabCancelled(const QString & dir) {
    buildPanel_->stop();
    pages_->setCurrentIndex(pageBeforeBuild_);
    setBusy(false, tr("Ready"));
    // The Dolly lab keeps its finished stages in <dir>.partial and continues from them next time.
    statusBar()->showMessage(labKind_ == QLatin1String("dolly")
                                 ? tr("The lab build was cancelled; its finished stages are kept in %1.partial and the "
                                      "next open continues from them.").arg(QDir::toNativeSeparators(dir))
                                 : tr("The lab build was cancelled; nothing was kept in %1.").arg(QDir::toNativeSeparators(dir)),
                             10000);
    Q_EMIT labBuildCancelled();
}

} // namespace rapidun::ui
