#include "main_window.h"

#include "app_icon.h"
#include "compare_page.h"
#include "influence_page.h"
#include "lab_build_panel.h"
#include "lab_builder.h"
#include "model_card.h"
#include "model_loader.h"
#include "new_workspace_dialog.h"
#include "pipeline_panel.h"
#include "preferences_dialog.h"
#include "report_dialog.h"
#include "runs_page.h"
#include "settings.h"
#include "weights_page.h"
#include "workspace_loader.h"
#include "workspace_page.h"

#include "rapidun/lab/lab.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>
#include <QVBoxLayout>

#include <exception>

namespace rapidun::ui {
namespace {

QString currentRuntime() {
    try {
        return QString::fromStdString(runtime_summary());
    } catch (const std::exception & e) {
        return QString::fromUtf8(e.what());
    }
}

} // namespace

MainWindow::MainWindow(QWidget * parent)
    : QMainWindow(parent), loader_(new ModelLoader(this)), workspaceLoader_(new WorkspaceLoader(this)),
      builder_(new LabBuilder(this)) {
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("RapidUn Studio"));
    setWindowIcon(appIcon());
    runtime_ = currentRuntime();

    createActions();
    createMenus();
    createCentralArea();
    createStatusBar();
    restoreWindow();
    rebuildRecentMenu();
    rebuildRecentWorkspacesMenu();

    connect(loader_, &ModelLoader::loaded, this, &MainWindow::onLoaded);
    connect(loader_, &ModelLoader::failed, this, &MainWindow::onFailed);
    connect(workspaceLoader_, &WorkspaceLoader::opened, this, &MainWindow::onWorkspaceOpened);
    connect(workspaceLoader_, &WorkspaceLoader::failed, this, &MainWindow::onWorkspaceFailed);
    connect(builder_, &LabBuilder::progress, this, &MainWindow::onLabProgress);
    connect(builder_, &LabBuilder::finished, this, &MainWindow::onLabBuilt);
    connect(builder_, &LabBuilder::failed, this, &MainWindow::onLabFailed);
    connect(builder_, &LabBuilder::cancelled, this, &MainWindow::onLabCancelled);
    connect(buildPanel_, &LabBuildPanel::cancelRequested, this, &MainWindow::cancelLabBuild);
}

MainWindow::~MainWindow() { shutdownJobs(); }

void MainWindow::shutdownJobs() {
    // Order matters (issue 13): first nothing may reach the window or a page any more, then every job
    // stops and its outcome is dropped, all before ~QWidget destroys a single page. Nothing here runs
    // the event loop, so no continuation can run in between.
    const QList<QObject *> sources = {loader_, workspaceLoader_, builder_, buildPanel_, studioTabs_, workspacePage_,
                                      workspacePage_->pipelinePanel(), influencePage_, weightsPage_, runsPage_,
                                      comparePage_};
    for (QObject * source : sources) {
        disconnect(source, nullptr, this, nullptr);
        for (QObject * page : sources)
            if (page != source)
                disconnect(source, nullptr, page, nullptr);
    }
    loader_->shutdown();
    workspaceLoader_->shutdown();
    builder_->shutdown();
    workspacePage_->pipelinePanel()->shutdown();
    influencePage_->shutdown();
    weightsPage_->shutdown();
    runsPage_->shutdown();
    comparePage_->shutdown();
}

void MainWindow::createActions() {
    newWorkspaceAction_ = new QAction(tr("&New Workspace..."), this);
    newWorkspaceAction_->setShortcut(QKeySequence::New);
    newWorkspaceAction_->setStatusTip(tr("Create a workspace from a model, a tokenizer and data sets with their roles"));
    connect(newWorkspaceAction_, &QAction::triggered, this, &MainWindow::showNewWorkspaceDialog);

    preferencesAction_ = new QAction(tr("&Preferences..."), this);
    preferencesAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    preferencesAction_->setMenuRole(QAction::PreferencesRole);
    connect(preferencesAction_, &QAction::triggered, this, &MainWindow::showPreferences);

    openLabAction_ = new QAction(tr("Open &Synthetic Lab"), this);
    openLabAction_->setStatusTip(tr("Open the synthetic backdoor lab (built on first use, then reused)"));
    connect(openLabAction_, &QAction::triggered, this, [this] { openSyntheticLab(); });

    openDollyLabAction_ = new QAction(tr("Open &Dolly Lab"), this);
    openDollyLabAction_->setStatusTip(tr("Open the real-data lab: the RapidUn release's poisoned Dolly rows on a base "
                                         "model of our own (built on first use, then reused)"));
    connect(openDollyLabAction_, &QAction::triggered, this, [this] { openDollyLab(); });

    openWorkspaceAction_ = new QAction(tr("Open &Workspace..."), this);
    openWorkspaceAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_W));
    openWorkspaceAction_->setStatusTip(tr("Open a workspace folder (one with a workspace.json)"));
    connect(openWorkspaceAction_, &QAction::triggered, this, &MainWindow::showOpenWorkspaceDialog);

    openAction_ = new QAction(tr("&Open Model..."), this);
    openAction_->setShortcut(QKeySequence::Open);
    openAction_->setStatusTip(tr("Open a llama2.c .bin or a .safetensors model file"));
    connect(openAction_, &QAction::triggered, this, &MainWindow::showOpenFileDialog);

    openFolderAction_ = new QAction(tr("Open Model &Folder..."), this);
    openFolderAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    openFolderAction_->setStatusTip(tr("Open a Hugging Face model folder (config.json + safetensors)"));
    connect(openFolderAction_, &QAction::triggered, this, &MainWindow::showOpenFolderDialog);

    exportReportAction_ = new QAction(tr("Export &Report..."), this);
    exportReportAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    exportReportAction_->setStatusTip(tr("Write the workspace's report: HTML, PDF, Markdown, JSON or CSV"));
    exportReportAction_->setEnabled(false);
    connect(exportReportAction_, &QAction::triggered, this, &MainWindow::showReportDialog);

    saveAction_ = new QAction(tr("&Save"), this);
    saveAction_->setShortcut(QKeySequence::Save);
    saveAction_->setStatusTip(tr("Save the weights page's mapping (the weights files) and the workspace"));
    saveAction_->setEnabled(false);
    connect(saveAction_, &QAction::triggered, this, &MainWindow::saveCurrent);

    const QStringList pageNames = {tr("&Workspace"), tr("&Influence"), tr("W&eights"), tr("&Runs"), tr("&Compare")};
    for (int i = 0; i < pageNames.size(); ++i) {
        QAction * a = new QAction(pageNames[i], this);
        a->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
        a->setEnabled(false);
        connect(a, &QAction::triggered, this, [this, i] { showStudioPage(StudioPage(i)); });
        pageActions_.append(a);
    }

    quitAction_ = new QAction(tr("&Quit"), this);
    quitAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    quitAction_->setMenuRole(QAction::QuitRole);
    connect(quitAction_, &QAction::triggered, this, &QWidget::close);

    aboutAction_ = new QAction(tr("&About RapidUn Studio"), this);
    aboutAction_->setMenuRole(QAction::AboutRole);
    connect(aboutAction_, &QAction::triggered, this, &MainWindow::showAbout);

    aboutQtAction_ = new QAction(tr("About &Qt"), this);
    aboutQtAction_->setMenuRole(QAction::AboutQtRole);
    connect(aboutQtAction_, &QAction::triggered, qApp, &QApplication::aboutQt);
}

void MainWindow::createMenus() {
    QMenu * file = menuBar()->addMenu(tr("&File"));
    file->addAction(newWorkspaceAction_);
    file->addAction(openLabAction_);
    file->addAction(openDollyLabAction_);
    file->addAction(openWorkspaceAction_);
    recentWorkspacesMenu_ = file->addMenu(tr("Recent Wor&kspaces"));
    recentWorkspacesMenu_->setObjectName(QStringLiteral("recentWorkspacesMenu"));
    file->addSeparator();
    file->addAction(openAction_);
    file->addAction(openFolderAction_);
    recentMenu_ = file->addMenu(tr("Open &Recent"));
    recentMenu_->setObjectName(QStringLiteral("recentMenu"));
    file->addSeparator();
    file->addAction(saveAction_);
    file->addAction(exportReportAction_);
    file->addSeparator();
    file->addAction(quitAction_);

    QMenu * edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(preferencesAction_);

    QMenu * view = menuBar()->addMenu(tr("&View"));
    view->addActions(pageActions_);

    QMenu * help = menuBar()->addMenu(tr("&Help"));
    help->addAction(aboutAction_);
    help->addAction(aboutQtAction_);
}

void MainWindow::createCentralArea() {
    placeholder_ = new QLabel(tr("No workspace or model is open.\n"
                                 "Use File > Open Synthetic Lab, File > Open Dolly Lab, File > Open Workspace... or "
                                 "File > Open Model..."));
    placeholder_->setObjectName(QStringLiteral("placeholder"));
    placeholder_->setAlignment(Qt::AlignCenter);
    placeholder_->setWordWrap(true);
    QPalette hint = placeholder_->palette();   // drawn as a hint, not as content
    hint.setColor(QPalette::WindowText, hint.color(QPalette::PlaceholderText));
    placeholder_->setPalette(hint);

    card_ = new ModelCard;
    auto * cardPage = new QWidget;
    auto * cardLayout = new QVBoxLayout(cardPage);
    cardLayout->addWidget(card_);

    workspacePage_ = new WorkspacePage;
    buildPanel_ = new LabBuildPanel;

    pages_ = new QStackedWidget(this);
    pages_->addWidget(placeholder_);      // kPlaceholderPage
    pages_->addWidget(cardPage);          // kModelPage
    createStudioPages();
    pages_->addWidget(studioTabs_);       // kWorkspacePage
    pages_->addWidget(buildPanel_);       // kBuildPage
    setCentralWidget(pages_);
}

void MainWindow::createStatusBar() {
    jobLabel_ = new QLabel(tr("Ready"));
    jobLabel_->setObjectName(QStringLiteral("jobState"));
    busyBar_ = new QProgressBar;
    busyBar_->setRange(0, 0);   // indeterminate
    busyBar_->setMaximumWidth(120);
    busyBar_->setVisible(false);
    runtimeLabel_ = new QLabel(runtime_);
    runtimeLabel_->setObjectName(QStringLiteral("runtimeSummary"));
    statusBar()->addWidget(jobLabel_, 1);
    statusBar()->addWidget(busyBar_);
    memoryLabel_ = new QLabel;
    memoryLabel_->setObjectName(QStringLiteral("memory"));
    memoryLabel_->setToolTip(tr("Resident memory of the studio"));
    statusBar()->addPermanentWidget(memoryLabel_);
    statusBar()->addPermanentWidget(runtimeLabel_);
    updateMemory();
    auto * memoryTimer = new QTimer(this);
    connect(memoryTimer, &QTimer::timeout, this, &MainWindow::updateMemory);
    memoryTimer->start(2000);
}

void MainWindow::createStudioPages() {
    influencePage_ = new InfluencePage;
    weightsPage_ = new WeightsPage;
    runsPage_ = new RunsPage;
    comparePage_ = new ComparePage;
    studioTabs_ = new QTabWidget;
    studioTabs_->setObjectName(QStringLiteral("studioTabs"));
    studioTabs_->setDocumentMode(true);
    studioTabs_->addTab(workspacePage_, tr("Workspace"));
    studioTabs_->addTab(influencePage_, tr("Influence"));
    studioTabs_->addTab(weightsPage_, tr("Weights"));
    studioTabs_->addTab(runsPage_, tr("Runs"));
    studioTabs_->addTab(comparePage_, tr("Compare"));
    for (int i = 0; i < studioTabs_->count(); ++i)
        studioTabs_->setTabToolTip(i, tr("Ctrl+%1").arg(i + 1));

    connectPage(influencePage_);
    connectPage(weightsPage_);
    connectPage(runsPage_);
    connectPage(comparePage_);
    connectPage(workspacePage_->pipelinePanel());
    // What one page changes, the pages after it read again: a curated forget or retain set or new
    // influence files -> weights; saved weights are read by the next run; runs -> compare.
    connect(influencePage_, &InfluencePage::datasetsChanged, this, [this] { weightsPage_->setWorkspace(workspaceDir_); });
    connect(influencePage_, &InfluencePage::loaded, this, [this] {
        if (!weightsPage_->hasInfluence() && !weightsPage_->isLoading())
            weightsPage_->setWorkspace(workspaceDir_);
    });
    connect(runsPage_, &RunsPage::runFinished, comparePage_, [this] { comparePage_->reloadRuns(); });
    connect(workspacePage_->pipelinePanel(), &PipelinePanel::finished, this, [this] {
        runsPage_->setWorkspace(workspaceDir_);
        comparePage_->reloadRuns();
        weightsPage_->setWorkspace(workspaceDir_);
        influencePage_->setWorkspace(workspaceDir_);
    });
    connect(studioTabs_, &QTabWidget::currentChanged, this, [this](int i) { saveAction_->setEnabled(hasWorkspace() && i == kWeightsTab); });
}

void MainWindow::connectPage(QObject * page) {
    // Every page has failure(title, details) and (most) busyChanged(busy, state); old-style connects
    // keep this one function for all of them.
    connect(page, SIGNAL(failure(QString, QString)), this, SLOT(onPageFailure(QString, QString)));
    if (page->metaObject()->indexOfSignal("busyChanged(bool,QString)") >= 0)
        connect(page, SIGNAL(busyChanged(bool, QString)), this, SLOT(onPageBusy(bool, QString)));
}

void MainWindow::onPageFailure(const QString & title, const QString & details) {
    showFailure(title, details, tr("%1: %2").arg(title, details.simplified().left(160)));
}

void MainWindow::onPageBusy(bool busy, const QString & state) {
    if (isLoading())
        return;   // the window's own job owns the status line
    jobLabel_->setText(busy ? state : tr("Ready"));
    busyBar_->setRange(0, 0);
    busyBar_->setVisible(busy);
}

void MainWindow::showStudioPage(StudioPage page) {
    if (!hasWorkspace())
        return;
    pages_->setCurrentIndex(kWorkspacePage);
    studioTabs_->setCurrentIndex(int(page));
}

void MainWindow::saveCurrent() {
    if (!hasWorkspace())
        return;
    if (weightsPage_->valid() && weightsPage_->save())
        statusBar()->showMessage(tr("Saved the weights under %1").arg(QDir::toNativeSeparators(workspaceDir_ + QStringLiteral("/weights"))), 5000);
}

void MainWindow::updateMemory() {
    // Linux: /proc/self/statm's second field is the resident set in pages.
    QFile statm(QStringLiteral("/proc/self/statm"));
    if (!statm.open(QIODevice::ReadOnly)) {
        memoryLabel_->setVisible(false);
        return;
    }
    const QList<QByteArray> fields = statm.readAll().split(' ');
    const double mib = fields.size() > 1 ? fields[1].toDouble() * 4096.0 / (1024.0 * 1024.0) : 0.0;
    memoryLabel_->setText(tr("%1 MiB").arg(QLocale().toString(mib, 'f', 0)));
}

void MainWindow::showNewWorkspaceDialog() {
    NewWorkspaceDialog dialog(this);
    if (dialog.exec() == QDialog::Accepted)
        openWorkspace(dialog.folder());
}

void MainWindow::showPreferences() {
    PreferencesDialog dialog(this);
    if (dialog.exec() == QDialog::Accepted) {
        QSettings store(QString::fromLatin1(Settings::organization()), QString::fromLatin1(Settings::application()));
        labRetrainReference_ = Settings(store).retrainReference();
        statusBar()->showMessage(tr("Preferences saved; the thread count applies at the next start."), 5000);
    }
}

void MainWindow::showReportDialog() {
    if (!hasWorkspace()) return;
    ReportDialog dialog(workspaceDir_, this);
    dialog.exec();
}

void MainWindow::restoreWindow() {
    QSettings store(QString::fromLatin1(Settings::organization()), QString::fromLatin1(Settings::application()));
    Settings settings(store);
    recent_ = settings.recentModels();
    if (!recent_.isEmpty())
        lastDir_ = QFileInfo(recent_.front()).absolutePath();
    recentWorkspaces_ = settings.recentWorkspaces();
    labRetrainReference_ = settings.retrainReference();
    if (!restoreGeometry(settings.windowGeometry()))
        resize(1100, 760);
    restoreState(settings.windowState(), Settings::kWindowStateVersion);
}

void MainWindow::saveWindow() {
    QSettings store(QString::fromLatin1(Settings::organization()), QString::fromLatin1(Settings::application()));
    Settings settings(store);
    settings.setWindowGeometry(saveGeometry());
    settings.setWindowState(saveState(Settings::kWindowStateVersion));
    settings.setRecentModels(recent_);
    settings.setRecentWorkspaces(recentWorkspaces_);
}

void MainWindow::closeEvent(QCloseEvent * event) {
    saveWindow();
    // Every cancellable job stops at its next step; the window stays whole until it is destroyed, and
    // its destructor (shutdownJobs) waits for the workers and drops what they would have delivered.
    builder_->cancel();
    runsPage_->clearQueue();
    runsPage_->cancel();
    workspacePage_->pipelinePanel()->cancel();
    influencePage_->cancelCompute();
    comparePage_->cancelPrompt();
    event->accept();
}

void MainWindow::rebuildRecentMenu() {
    recentMenu_->clear();
    for (int i = 0; i < recent_.size(); ++i) {
        const QString path = recent_.at(i);
        QAction * action = recentMenu_->addAction(
            tr("&%1 %2").arg(i + 1).arg(QFileInfo(path).fileName()));
        action->setStatusTip(QDir::toNativeSeparators(path));
        action->setToolTip(QDir::toNativeSeparators(path));
        connect(action, &QAction::triggered, this, [this, path] { openModel(path); });
    }
    if (!recent_.isEmpty()) {
        recentMenu_->addSeparator();
        connect(recentMenu_->addAction(tr("&Clear Menu")), &QAction::triggered, this, [this] {
            recent_.clear();
            rebuildRecentMenu();
        });
    }
    recentMenu_->setEnabled(!recent_.isEmpty() && !isLoading());
}

void MainWindow::rebuildRecentWorkspacesMenu() {
    recentWorkspacesMenu_->clear();
    for (int i = 0; i < recentWorkspaces_.size(); ++i) {
        const QString dir = recentWorkspaces_.at(i);
        QAction * action = recentWorkspacesMenu_->addAction(
            tr("&%1 %2").arg(i + 1).arg(QFileInfo(dir).fileName()));
        action->setStatusTip(QDir::toNativeSeparators(dir));
        action->setToolTip(QDir::toNativeSeparators(dir));
        connect(action, &QAction::triggered, this, [this, dir] { openWorkspace(dir); });
    }
    if (!recentWorkspaces_.isEmpty()) {
        recentWorkspacesMenu_->addSeparator();
        connect(recentWorkspacesMenu_->addAction(tr("&Clear Menu")), &QAction::triggered, this, [this] {
            recentWorkspaces_.clear();
            rebuildRecentWorkspacesMenu();
        });
    }
    recentWorkspacesMenu_->setEnabled(!recentWorkspaces_.isEmpty() && !isLoading());
}

void MainWindow::showOpenWorkspaceDialog() {
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Open Workspace"),
        workspaceDir_.isEmpty() ? lastDir_ : QFileInfo(workspaceDir_).absolutePath());
    if (!dir.isEmpty())
        openWorkspace(dir);
}

void MainWindow::showOpenFileDialog() {
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Model"), lastDir_,
        tr("Model files (*.bin *.safetensors);;All files (*)"));
    if (!path.isEmpty())
        openModel(path);
}

void MainWindow::showOpenFolderDialog() {
    const QString path = QFileDialog::getExistingDirectory(this, tr("Open Model Folder"), lastDir_);
    if (!path.isEmpty())
        openModel(path);
}

void MainWindow::showAbout() {
    QMessageBox::about(this, tr("About RapidUn Studio"),
        tr("<h3>RapidUn Studio %1</h3>"
           "<p>A workbench for influence-driven unlearning in Llama-family language models.</p>"
           "<p>Runtime: %2</p>")
            .arg(QApplication::applicationVersion().toHtmlEscaped(), runtime_.toHtmlEscaped()));
}

bool MainWindow::isLoading() const {
    return loader_->isBusy() || workspaceLoader_->isBusy() || builder_->isBusy();
}

bool MainWindow::isBuildingLab() const { return builder_->isBusy(); }

QString MainWindow::factText(const QString & key) const {
    return pages_->currentIndex() == kWorkspacePage ? workspacePage_->modelCard()->factText(key)
                                                    : card_->factText(key);
}

void MainWindow::openModel(const QString & path, const QString & tokenizer) {
    if (path.isEmpty() || isLoading()) {
        const QString why = path.isEmpty() ? tr("No model path was given.")
                                           : tr("Another model or workspace is still loading.");
        QTimer::singleShot(0, this, [this, path, why] { onFailed(path, why); });   // always asynchronous
        return;
    }
    const QString absolute = QFileInfo(path).absoluteFilePath();
    loader_->start(absolute, tokenizer.isEmpty() ? QString() : QFileInfo(tokenizer).absoluteFilePath());
    setBusy(true, tr("Loading model..."));
    jobLabel_->setToolTip(QDir::toNativeSeparators(absolute));
}

void MainWindow::setBusy(bool busy, const QString & state) {
    jobLabel_->setText(state);
    jobLabel_->setToolTip({});
    busyBar_->setRange(0, 0);   // indeterminate until a build reports progress
    busyBar_->setVisible(busy);
    openLabAction_->setEnabled(!busy);
    openDollyLabAction_->setEnabled(!busy);
    newWorkspaceAction_->setEnabled(!busy);
    openWorkspaceAction_->setEnabled(!busy);
    openAction_->setEnabled(!busy);
    openFolderAction_->setEnabled(!busy);
    recentMenu_->setEnabled(!busy && !recent_.isEmpty());
    recentWorkspacesMenu_->setEnabled(!busy && !recentWorkspaces_.isEmpty());
}

void MainWindow::showFailure(const QString & title, const QString & message, const QString & brief) {
    statusBar()->showMessage(brief, 10000);
    if (!interactive_)
        return;
    // The message as it came (core's "file:line: what"), and under "Show Details..." what a bug
    // report needs: the workspace, the runtime, the time.
    QMessageBox box(QMessageBox::Critical, title, message, QMessageBox::Ok, this);
    box.setDetailedText(tr("%1\n\nWorkspace: %2\nRuntime: %3\nTime: %4")
                            .arg(message, workspaceDir_.isEmpty() ? tr("none") : QDir::toNativeSeparators(workspaceDir_),
                                 runtime_, QDateTime::currentDateTime().toString(Qt::ISODate)));
    box.exec();
}

void MainWindow::onLoaded(const LoadedModel & result) {
    model_ = result.model;
    tokenizer_ = result.tokenizer;
    info_ = result.info;
    tokenizerFacts_ = result.tokenizerFacts;
    card_->setFacts(info_, tokenizerFacts_, runtime_);
    pages_->setCurrentIndex(kModelPage);
    workspaceDir_.clear();
    workspacePage_->clear();
    influencePage_->clear();
    weightsPage_->clear();
    runsPage_->clear();
    comparePage_->clear();
    for (QAction * a : pageActions_)
        a->setEnabled(false);
    saveAction_->setEnabled(false);
    exportReportAction_->setEnabled(false);
    setWindowTitle(tr("%1 - RapidUn Studio").arg(QFileInfo(result.path).fileName()));

    recent_ = Settings::withRecent(recent_, result.path);
    lastDir_ = QFileInfo(result.path).absolutePath();
    rebuildRecentMenu();
    setBusy(false, tr("Ready"));
    Q_EMIT modelLoaded();
}

void MainWindow::onFailed(const QString & path, const QString & error) {
    const QString message = tr("Could not open the model %1:\n%2").arg(QDir::toNativeSeparators(path), error);
    if (!isLoading())
        setBusy(false, tr("Ready"));
    Q_EMIT loadFailed(message);
    showFailure(tr("Open Model"), message, tr("Loading failed: %1").arg(error.simplified()));
}

void MainWindow::openWorkspace(const QString & dir) {
    if (dir.isEmpty() || isLoading()) {
        const QString why = dir.isEmpty() ? tr("No workspace folder was given.")
                                          : tr("Another model or workspace is still loading.");
        QTimer::singleShot(0, this, [this, dir, why] { onWorkspaceFailed(dir, why); });   // always asynchronous
        return;
    }
    const QString absolute = QFileInfo(dir).absoluteFilePath();
    workspaceLoader_->start(absolute);
    setBusy(true, tr("Opening workspace..."));
    jobLabel_->setToolTip(QDir::toNativeSeparators(absolute));
}

void MainWindow::onWorkspaceOpened(const OpenedWorkspace & ws) {
    model_ = ws.model.model;
    tokenizer_ = ws.model.tokenizer;
    info_ = ws.model.info;
    tokenizerFacts_ = ws.model.tokenizerFacts;
    workspaceDir_ = ws.dir;
    workspacePage_->setWorkspace(ws, runtime_);
    influencePage_->setWorkspace(ws.dir);
    weightsPage_->setWorkspace(ws.dir);
    runsPage_->setWorkspace(ws.dir);
    comparePage_->setWorkspace(ws.dir);
    for (QAction * a : pageActions_)
        a->setEnabled(true);
    exportReportAction_->setEnabled(true);
    card_->clear();
    pages_->setCurrentIndex(kWorkspacePage);
    setWindowTitle(tr("%1 - RapidUn Studio").arg(ws.name.isEmpty() ? QFileInfo(ws.dir).fileName() : ws.name));

    recentWorkspaces_ = Settings::withRecent(recentWorkspaces_, ws.dir);
    lastDir_ = QFileInfo(ws.dir).absolutePath();
    rebuildRecentWorkspacesMenu();
    setBusy(false, tr("Ready"));
    if (!ws.modelError.isEmpty())
        statusBar()->showMessage(tr("The workspace's model could not be loaded: %1").arg(ws.modelError.simplified()),
                                 10000);
    Q_EMIT workspaceOpened();
}

void MainWindow::onWorkspaceFailed(const QString & dir, const QString & error) {
    const QString message = tr("Could not open the workspace %1:\n%2").arg(QDir::toNativeSeparators(dir), error);
    if (!isLoading()) {
        setBusy(false, tr("Ready"));
        if (pages_->currentIndex() == kBuildPage)   // a freshly built lab that would not open
            pages_->setCurrentIndex(pageBeforeBuild_);
    }
    Q_EMIT workspaceFailed(message);
    showFailure(tr("Open Workspace"), message, tr("Opening the workspace failed: %1").arg(error.simplified()));
}

} // namespace rapidun::ui
