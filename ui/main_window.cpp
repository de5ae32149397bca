#include "main_window.h"

#include "app_icon.h"
#include "model_card.h"
#include "model_loader.h"
#include "settings.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
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

MainWindow::MainWindow(QWidget * parent) : QMainWindow(parent), loader_(new ModelLoader(this)) {
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

    connect(loader_, &ModelLoader::loaded, this, &MainWindow::onLoaded);
    connect(loader_, &ModelLoader::failed, this, &MainWindow::onFailed);
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions() {
    openAction_ = new QAction(tr("&Open Model..."), this);
    openAction_->setShortcut(QKeySequence::Open);
    openAction_->setStatusTip(tr("Open a llama2.c .bin or a .safetensors model file"));
    connect(openAction_, &QAction::triggered, this, &MainWindow::showOpenFileDialog);

    openFolderAction_ = new QAction(tr("Open Model &Folder..."), this);
    openFolderAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    openFolderAction_->setStatusTip(tr("Open a Hugging Face model folder (config.json + safetensors)"));
    connect(openFolderAction_, &QAction::triggered, this, &MainWindow::showOpenFolderDialog);

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
    file->addAction(openAction_);
    file->addAction(openFolderAction_);
    recentMenu_ = file->addMenu(tr("Open &Recent"));
    recentMenu_->setObjectName(QStringLiteral("recentMenu"));
    file->addSeparator();
    file->addAction(quitAction_);

    QMenu * help = menuBar()->addMenu(tr("&Help"));
    help->addAction(aboutAction_);
    help->addAction(aboutQtAction_);
}

void MainWindow::createCentralArea() {
    placeholder_ = new QLabel(tr("No model loaded. Use File > Open Model..."));
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

    pages_ = new QStackedWidget(this);
    pages_->addWidget(placeholder_);
    pages_->addWidget(cardPage);
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
    statusBar()->addPermanentWidget(runtimeLabel_);
}

void MainWindow::restoreWindow() {
    QSettings store(QString::fromLatin1(Settings::organization()), QString::fromLatin1(Settings::application()));
    Settings settings(store);
    recent_ = settings.recentModels();
    if (!recent_.isEmpty())
        lastDir_ = QFileInfo(recent_.front()).absolutePath();
    if (!restoreGeometry(settings.windowGeometry()))
        resize(880, 640);
    restoreState(settings.windowState(), Settings::kWindowStateVersion);
}

void MainWindow::saveWindow() {
    QSettings store(QString::fromLatin1(Settings::organization()), QString::fromLatin1(Settings::application()));
    Settings settings(store);
    settings.setWindowGeometry(saveGeometry());
    settings.setWindowState(saveState(Settings::kWindowStateVersion));
    settings.setRecentModels(recent_);
}

void MainWindow::closeEvent(QCloseEvent * event) {
    saveWindow();
    event->accept();   // a running load is waited for by ModelLoader's destructor
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

bool MainWindow::isLoading() const { return loader_->isBusy(); }

QString MainWindow::factText(const QString & key) const { return card_->factText(key); }

void MainWindow::openModel(const QString & path, const QString & tokenizer) {
    if (path.isEmpty() || isLoading()) {
        const QString why = path.isEmpty() ? tr("No model path was given.")
                                           : tr("Another model is still loading.");
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
    busyBar_->setVisible(busy);
    openAction_->setEnabled(!busy);
    openFolderAction_->setEnabled(!busy);
    recentMenu_->setEnabled(!busy && !recent_.isEmpty());
}

void MainWindow::onLoaded(const LoadedModel & result) {
    model_ = result.model;
    tokenizer_ = result.tokenizer;
    info_ = result.info;
    tokenizerFacts_ = result.tokenizerFacts;
    card_->setFacts(info_, tokenizerFacts_, runtime_);
    pages_->setCurrentIndex(1);

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
    statusBar()->showMessage(tr("Loading failed: %1").arg(error.simplified()), 10000);
    Q_EMIT loadFailed(message);
    if (interactive_)
        QMessageBox::critical(this, tr("Open Model"), message);
}

} // namespace rapidun::ui
