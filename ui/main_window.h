// The studio's main window: menus, the central pages (placeholder, model card, the studio's tabs once a
// workspace is open: Workspace, Influence, Weights, Runs, Compare; lab build progress), the status bar
// (job state, memory, runtime: threads and device). Wiring only: loading lives in ModelLoader / WorkspaceLoader, lab
// builds in LabBuilder, the views in ModelCard / WorkspacePage / LabBuildPanel, settings keys in
// Settings. One window job (model load, workspace open, lab build) runs at a time, never on the GUI thread;
// the pages run their own jobs (influence, unlearning runs, generation) and report failures here.
#pragma once
#include "model_facts.h"
#include "workspace_facts.h"

#include <QMainWindow>
#include <QStringList>

#include <memory>

class QAction;
class QLabel;
class QMenu;
class QProgressBar;
class QStackedWidget;
class QTabWidget;

namespace rapidun::ui {

class ComparePage;
class InfluencePage;
class LabBuildPanel;
class LabBuilder;
struct LabBuildOptions;
class RunsPage;
class WeightsPage;
class ModelCard;
class ModelLoader;
class WorkspaceLoader;
class WorkspacePage;

class MainWindow : public QMainWindow {
    Q_OBJECT
    Q_PROPERTY(bool interactive READ isInteractive WRITE setInteractive)
public:
    explicit MainWindow(QWidget * parent = nullptr);
    ~MainWindow() override;

    // Starts loading off the GUI thread; ends in exactly one modelLoaded() or loadFailed().
    // tokenizer: empty = look beside the model. Shows the model card only (no workspace).
    void openModel(const QString & path, const QString & tokenizer = {});

    // Opens a workspace folder (workspace.json) off the GUI thread: data set summaries, lab facts, the
    // model. Ends in exactly one workspaceOpened() or workspaceFailed().
    void openWorkspace(const QString & dir);

    // The synthetic lab: opens it when dir/workspace.json exists, else builds it first in the
    // background (labProgress(), Cancel in the page), then opens it. Ends in exactly one
    // workspaceOpened(), workspaceFailed() (also for a failed build) or labBuildCancelled().
    // dir: empty = defaultLabDir(); scale: empty = defaultLabScale().
    void openSyntheticLab(const QString & dir = {}, const QString & scale = {});
    // The Dolly lab (the RapidUn release's poisoned Dolly rows on a base of our own; core's
    // build_dolly_lab), the same way: opened when built, else built (tens of minutes at the default
    // scale; a cancelled build keeps its finished stages and the next open continues it).
    // dir: empty = defaultDollyLabDir(); release: empty = defaultReleaseDir(), else asked for.
    void openDollyLab(const QString & dir = {}, const QString & scale = {}, const QString & release = {});
    void cancelLabBuild();   // no-op when no build runs

    static QString defaultLabDir();     // core's default_synthetic_lab_dir() ($RAPIDUN_LAB_DIR, ~/.cache/...)
    static QString defaultLabScale();   // $RAPIDUN_LAB_SCALE, else "default"
    static QString defaultDollyLabDir();   // core's default_dolly_lab_dir() ($RAPIDUN_DOLLY_LAB_DIR, ~/.cache/...)
    // $RAPIDUN_RELEASE, else the release folder last used (settings), else "".
    static QString defaultReleaseDir();

    // Whether a build also times a clean retrain (the efficiency reference); default true.
    void setLabRetrainReference(bool on) { labRetrainReference_ = on; }
    bool labRetrainReference() const { return labRetrainReference_; }

    bool hasModel() const { return model_ != nullptr; }
    bool hasWorkspace() const { return !workspaceDir_.isEmpty(); }
    QAction * exportReportAction() const { return exportReportAction_; }   // File > Export Report (tests)
    QString workspaceDir() const { return workspaceDir_; }
    bool isLoading() const;       // any job: model load, workspace open or lab build
    bool isBuildingLab() const;
    QString factText(const QString & key) const;   // the shown model card's facts (see ModelCard)
    WorkspacePage * workspacePage() const { return workspacePage_; }
    InfluencePage * influencePage() const { return influencePage_; }
    WeightsPage *   weightsPage() const { return weightsPage_; }
    RunsPage *      runsPage() const { return runsPage_; }
    ComparePage *   comparePage() const { return comparePage_; }

    // The studio's pages once a workspace is open, in tab order (Ctrl+1 .. Ctrl+5).
    enum StudioPage { kWorkspaceTab, kInfluenceTab, kWeightsTab, kRunsTab, kCompareTab };
    void showStudioPage(StudioPage page);
    QTabWidget * studioTabs() const { return studioTabs_; }

    // false: failures are only signalled and shown in the status bar, never in a modal dialog.
    void setInteractive(bool interactive) { interactive_ = interactive; }
    bool isInteractive() const { return interactive_; }

    std::shared_ptr<Model> model() const { return model_; }
    std::shared_ptr<Tokenizer> tokenizer() const { return tokenizer_; }
    const ModelInfo & modelInfo() const { return info_; }
    QStringList recentModels() const { return recent_; }
    QStringList recentWorkspaces() const { return recentWorkspaces_; }

Q_SIGNALS:
    void modelLoaded();
    void loadFailed(const QString & message);
    void workspaceOpened();
    void workspaceFailed(const QString & message);
    void labBuildStarted(const QString & dir);
    void labProgress(const QString & stage, double fraction, const QString & message);
    void labBuildCancelled();

private Q_SLOTS:
    void onPageFailure(const QString & title, const QString & details);
    void onPageBusy(bool busy, const QString & state);

protected:
    void closeEvent(QCloseEvent * event) override;

private:
    void shutdownJobs();   // the destructor's first step: disconnect, cancel, wait, drop (see .cpp)
    enum Page { kPlaceholderPage, kModelPage, kWorkspacePage, kBuildPage };

    void createActions();
    void createMenus();
    void createCentralArea();
    void createStatusBar();
    void restoreWindow();
    void saveWindow();
    void rebuildRecentMenu();
    void rebuildRecentWorkspacesMenu();
    void showOpenFileDialog();
    void showOpenFolderDialog();
    void showOpenWorkspaceDialog();
    void showAbout();
    void showNewWorkspaceDialog();
    void showPreferences();
    void showReportDialog();
    void updateMemory();
    void createStudioPages();
    void connectPage(QObject * page);
    void saveCurrent();
    void setBusy(bool busy, const QString & state);
    void showFailure(const QString & title, const QString & message, const QString & brief);
    void onLoaded(const LoadedModel & result);
    void onFailed(const QString & path, const QString & error);
    void onWorkspaceOpened(const OpenedWorkspace & workspace);
    void onWorkspaceFailed(const QString & dir, const QString & error);
    void onLabProgress(const QString & stage, double fraction, const QString & message);
    void onLabBuilt(const QString & dir);
    bool openIfBuilt(const QString & labDir);               // main_window_labs.cpp
    void startLabBuild(const LabBuildOptions & options);   // shows the build page; see openSyntheticLab
    void onLabFailed(const QString & dir, const QString & error);
    void onLabCancelled(const QString & dir);

    ModelLoader *     loader_ = nullptr;
    WorkspaceLoader * workspaceLoader_ = nullptr;
    LabBuilder *      builder_ = nullptr;
    QStackedWidget *  pages_ = nullptr;
    QLabel *          placeholder_ = nullptr;
    ModelCard *       card_ = nullptr;
    WorkspacePage *   workspacePage_ = nullptr;
    QTabWidget *      studioTabs_ = nullptr;   // the workspace page and the four pages after it
    InfluencePage *   influencePage_ = nullptr;
    WeightsPage *     weightsPage_ = nullptr;
    RunsPage *        runsPage_ = nullptr;
    ComparePage *     comparePage_ = nullptr;
    QAction *         saveAction_ = nullptr;
    QAction *         exportReportAction_ = nullptr;
    QList<QAction *>  pageActions_;
    LabBuildPanel *   buildPanel_ = nullptr;
    QLabel *          jobLabel_ = nullptr;
    QLabel *          runtimeLabel_ = nullptr;
    QLabel *          memoryLabel_ = nullptr;   // resident memory, every 2 s
    QProgressBar *    busyBar_ = nullptr;
    QMenu *           recentMenu_ = nullptr;
    QMenu *           recentWorkspacesMenu_ = nullptr;
    QAction *         openLabAction_ = nullptr;
    QAction *         openDollyLabAction_ = nullptr;
    QString           labKind_;   // the running build's kind (synthetic | dolly), for its messages
    QAction *         openWorkspaceAction_ = nullptr;
    QAction *         openAction_ = nullptr;
    QAction *         openFolderAction_ = nullptr;
    QAction *         quitAction_ = nullptr;
    QAction *         newWorkspaceAction_ = nullptr;
    QAction *         preferencesAction_ = nullptr;
    QAction *         aboutAction_ = nullptr;
    QAction *         aboutQtAction_ = nullptr;

    bool        interactive_ = true;
    bool        labRetrainReference_ = false;   // the first pipeline measures it (core run_pipeline)
    int         pageBeforeBuild_ = kPlaceholderPage;
    QString     runtime_;
    QStringList recent_;
    QStringList recentWorkspaces_;
    QString     lastDir_;
    QString     workspaceDir_;   // the open workspace; empty when none (or only a model) is open

    std::shared_ptr<Model>     model_;      // kept for later pages; used by one job at a time
    std::shared_ptr<Tokenizer> tokenizer_;
    ModelInfo                  info_;       // plain facts of the loaded model
    TokenizerFacts             tokenizerFacts_;
};

} // namespace rapidun::ui
