// The one place that knows QSettings keys: UI preferences (geometry, window state, recent models and
// recent workspaces) and the Preferences dialog's values.
#pragma once
#include <QByteArray>
#include <QStringList>

class QSettings;

namespace rapidun::ui {

class Settings {
public:
    static constexpr int kMaxRecentModels = 8;
    static constexpr int kWindowStateVersion = 1;
    static const char * organization();   // "RapidUn"
    static const char * application();    // "RapidUn Studio"

    explicit Settings(QSettings & store);

    QStringList recentModels() const;
    void setRecentModels(const QStringList & paths);          // trimmed to kMaxRecentModels
    static QStringList withRecent(QStringList paths, const QString & path);   // path first, no duplicates

    QStringList recentWorkspaces() const;                     // workspace folders, newest first
    void setRecentWorkspaces(const QStringList & dirs);       // trimmed to kMaxRecentModels

    // Preferences. threads: LibTorch CPU threads at start (0 = all cores but one, applied at the next
    // start: the thread pool is process-wide); labDir / labScale: empty = the defaults
    // ($RAPIDUN_LAB_DIR, $RAPIDUN_LAB_SCALE); retrainReference: a lab build also times a clean retrain.
    int threads() const;
    void setThreads(int n);
    QString labDir() const;
    void setLabDir(const QString & dir);
    QString labScale() const;
    void setLabScale(const QString & scale);
    bool retrainReference() const;
    void setRetrainReference(bool on);
    // The studio's language at the next start: "" = the system's, else a locale name ("en", "de",
    // "zh_CN"); rapidun-studio --language overrides it for one run.
    QString language() const;
    void setLanguage(const QString & code);
    static QStringList languages();   // the codes with a translation, besides "en"

    QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray & geometry);
    QByteArray windowState() const;
    void setWindowState(const QByteArray & state);

private:
    QSettings & store_;
};

} // namespace rapidun::ui
