// A helper for tests/fault_injection.py: saves the studio's settings the way the window does (a
// QSettings of the studio's organisation and application, written and synced as the store goes out of
// scope), over and over, so that SIGKILL lands inside a save. Every save writes one generation g:
// eight recent workspaces "/ws/g-0".."/ws/g-7", recent models likewise, the thread count g % 64 + 1,
// and a 64 KiB window geometry of the byte g % 251 (so a save takes several writes).
//   settings_writer write N    saves generations 0..N-1 (exit 1 where QSettings reports an error)
//   settings_writer check      reads the settings; prints "generation g" when they are one whole
//                              generation (or "none" when nothing was saved yet), else what is mixed
// The config folder is XDG_CONFIG_HOME, as for the studio.
#include "settings.h"

#include <QCoreApplication>
#include <QSettings>

#include <cstdio>
#include <cstring>

using rapidun::ui::Settings;

namespace {

QStringList generation_list(const char * prefix, int g) {
    QStringList out;
    for (int i = 0; i < Settings::kMaxRecentModels; i++) out << QStringLiteral("/%1/%2-%3").arg(QLatin1String(prefix)).arg(g).arg(i);
    return out;
}

QByteArray geometry_of(int g) { return QByteArray(64 * 1024, char(g % 251)); }

QSettings::Status save(int g) {
    QSettings store(QString::fromLatin1(Settings::organization()), QString::fromLatin1(Settings::application()));
    Settings s(store);
    s.setRecentWorkspaces(generation_list("ws", g));
    s.setRecentModels(generation_list("models", g));
    s.setThreads(g % 64 + 1);
    s.setWindowGeometry(geometry_of(g));
    store.sync();
    return store.status();
}

int check() {
    QSettings store(QString::fromLatin1(Settings::organization()), QString::fromLatin1(Settings::application()));
    if (store.status() != QSettings::NoError) {
        std::printf("unreadable: QSettings status %d\n", int(store.status()));
        return 1;
    }
    const Settings s(store);
    const QStringList ws = s.recentWorkspaces();
    if (ws.isEmpty() && s.recentModels().isEmpty() && s.windowGeometry().isEmpty()) {
        std::puts("none");
        return 0;
    }
    bool ok = false;
    const int g = ws.value(0).section(QLatin1Char('/'), 2).section(QLatin1Char('-'), 0, 0).toInt(&ok);
    if (!ok) {
        std::printf("mixed: recent workspaces %s\n", qPrintable(ws.join(QLatin1Char(','))));
        return 1;
    }
    const char * wrong = ws != generation_list("ws", g)                  ? "recent workspaces"
                         : s.recentModels() != generation_list("models", g) ? "recent models"
                         : s.threads() != g % 64 + 1                        ? "threads"
                         : s.windowGeometry() != geometry_of(g)             ? "window geometry"
                                                                            : nullptr;
    if (wrong) {
        std::printf("mixed: generation %d but its %s differ\n", g, wrong);
        return 1;
    }
    std::printf("generation %d\n", g);
    return 0;
}

} // namespace

int main(int argc, char ** argv) {
    QCoreApplication app(argc, argv);
    QSettings::setDefaultFormat(QSettings::IniFormat);   // as the studio's main
    if (argc == 2 && std::strcmp(argv[1], "check") == 0) return check();
    if (argc == 3 && std::strcmp(argv[1], "write") == 0) {
        const int n = std::atoi(argv[2]);
        for (int g = 0; g < n; g++)
            if (save(g) != QSettings::NoError) {
                std::printf("save %d: QSettings reported an error\n", g);
                return 1;
            }
        return 0;
    }
    std::fputs("usage: settings_writer write N | check\n", stderr);
    return 2;
}
