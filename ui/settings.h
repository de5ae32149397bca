// The one place that knows QSettings keys: UI preferences only (geometry, window state, recent models
// and recent workspaces).
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

    QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray & geometry);
    QByteArray windowState() const;
    void setWindowState(const QByteArray & state);

private:
    QSettings & store_;
};

} // namespace rapidun::ui
