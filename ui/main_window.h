// The studio's main window: menus, the "Model" card, the status bar. Wiring only: loading lives in
// ModelLoader, the facts view in ModelCard, settings keys in Settings.
#pragma once
#include "model_facts.h"

#include <QMainWindow>
#include <QStringList>

#include <memory>

class QAction;
class QLabel;
class QMenu;
class QProgressBar;
class QStackedWidget;

namespace rapidun::ui {

class ModelCard;
class ModelLoader;

class MainWindow : public QMainWindow {
    Q_OBJECT
    Q_PROPERTY(bool interactive READ isInteractive WRITE setInteractive)
public:
    explicit MainWindow(QWidget * parent = nullptr);
    ~MainWindow() override;

    // Starts loading off the GUI thread; ends in exactly one modelLoaded() or loadFailed().
    // tokenizer: empty = look beside the model.
    void openModel(const QString & path, const QString & tokenizer = {});
    bool hasModel() const { return model_ != nullptr; }
    bool isLoading() const;
    QString factText(const QString & key) const;   // see ModelCard for the keys

    // false: failures are only signalled and shown in the status bar, never in a modal dialog.
    void setInteractive(bool interactive) { interactive_ = interactive; }
    bool isInteractive() const { return interactive_; }

    std::shared_ptr<Model> model() const { return model_; }
    std::shared_ptr<Tokenizer> tokenizer() const { return tokenizer_; }
    const ModelInfo & modelInfo() const { return info_; }
    QStringList recentModels() const { return recent_; }

Q_SIGNALS:
    void modelLoaded();
    void loadFailed(const QString & message);

protected:
    void closeEvent(QCloseEvent * event) override;

private:
    void createActions();
    void createMenus();
    void createCentralArea();
    void createStatusBar();
    void restoreWindow();
    void saveWindow();
    void rebuildRecentMenu();
    void showOpenFileDialog();
    void showOpenFolderDialog();
    void showAbout();
    void setBusy(bool busy, const QString & state);
    void onLoaded(const LoadedModel & result);
    void onFailed(const QString & path, const QString & error);

    ModelLoader *    loader_ = nullptr;
    QStackedWidget * pages_ = nullptr;
    QLabel *         placeholder_ = nullptr;
    ModelCard *      card_ = nullptr;
    QLabel *         jobLabel_ = nullptr;
    QLabel *         runtimeLabel_ = nullptr;
    QProgressBar *   busyBar_ = nullptr;
    QMenu *          recentMenu_ = nullptr;
    QAction *        openAction_ = nullptr;
    QAction *        openFolderAction_ = nullptr;
    QAction *        quitAction_ = nullptr;
    QAction *        aboutAction_ = nullptr;
    QAction *        aboutQtAction_ = nullptr;

    bool        interactive_ = true;
    QString     runtime_;
    QStringList recent_;
    QString     lastDir_;

    std::shared_ptr<Model>     model_;      // kept for later pages; used by one job at a time
    std::shared_ptr<Tokenizer> tokenizer_;
    ModelInfo                  info_;       // plain facts of the loaded model
    TokenizerFacts             tokenizerFacts_;
};

} // namespace rapidun::ui
