#include "settings.h"

#include <QSettings>

namespace rapidun::ui {
namespace {
const QString kRecentModels = QStringLiteral("recent/models");
const QString kRecentWorkspaces = QStringLiteral("recent/workspaces");
const QString kGeometry = QStringLiteral("window/geometry");
const QString kState = QStringLiteral("window/state");
const QString kThreads = QStringLiteral("runtime/threads");
const QString kLabDir = QStringLiteral("lab/dir");
const QString kLabScale = QStringLiteral("lab/scale");
const QString kRetrain = QStringLiteral("lab/retrain_reference");
const QString kLanguage = QStringLiteral("ui/language");
} // namespace

const char * Settings::organization() { return "RapidUn"; }
const char * Settings::application() { return "RapidUn Studio"; }

Settings::Settings(QSettings & store) : store_(store) {}

QStringList Settings::recentModels() const {
    QStringList paths = store_.value(kRecentModels).toStringList();
    paths.removeAll(QString());
    paths.removeDuplicates();
    return paths.mid(0, kMaxRecentModels);
}

void Settings::setRecentModels(const QStringList & paths) {
    store_.setValue(kRecentModels, paths.mid(0, kMaxRecentModels));
}

QStringList Settings::withRecent(QStringList paths, const QString & path) {
    paths.removeAll(path);
    paths.prepend(path);
    return paths.mid(0, kMaxRecentModels);
}

QStringList Settings::recentWorkspaces() const {
    QStringList dirs = store_.value(kRecentWorkspaces).toStringList();
    dirs.removeAll(QString());
    dirs.removeDuplicates();
    return dirs.mid(0, kMaxRecentModels);
}

void Settings::setRecentWorkspaces(const QStringList & dirs) {
    store_.setValue(kRecentWorkspaces, dirs.mid(0, kMaxRecentModels));
}

int Settings::threads() const { return qMax(0, store_.value(kThreads, 0).toInt()); }
void Settings::setThreads(int n) { store_.setValue(kThreads, qMax(0, n)); }
QString Settings::labDir() const { return store_.value(kLabDir).toString(); }
void Settings::setLabDir(const QString & dir) { store_.setValue(kLabDir, dir); }
QString Settings::labScale() const { return store_.value(kLabScale).toString(); }
void Settings::setLabScale(const QString & scale) { store_.setValue(kLabScale, scale); }
bool Settings::retrainReference() const { return store_.value(kRetrain, false).toBool(); }
void Settings::setRetrainReference(bool on) { store_.setValue(kRetrain, on); }
QString Settings::language() const { return store_.value(kLanguage).toString(); }
void Settings::setLanguage(const QString & code) { store_.setValue(kLanguage, code); }
QStringList Settings::languages() { return {QStringLiteral("de"), QStringLiteral("zh_CN")}; }

QByteArray Settings::windowGeometry() const { return store_.value(kGeometry).toByteArray(); }
void Settings::setWindowGeometry(const QByteArray & geometry) { store_.setValue(kGeometry, geometry); }
QByteArray Settings::windowState() const { return store_.value(kState).toByteArray(); }
void Settings::setWindowState(const QByteArray & state) { store_.setValue(kState, state); }

} // namespace rapidun::ui
