// rapidun-studio: QApplication, translator, runtime, arguments, MainWindow. Nothing else lives here.
// No arguments: the synthetic lab (built on first use); --workspace DIR; --model PATH [--tokenizer PATH];
// --language CODE and --page NAME for one run (screenshots of every page in every language).
#include "job_runner.h"
#include "main_window.h"
#include "rapidun/model/model.h"
#include "settings.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QLocale>
#include <QSettings>
#include <QTimer>
#include <QTranslator>

#include <QElapsedTimer>
#include <QFile>

#include <cstdio>

namespace {

// Milliseconds since the process started (Linux: /proc/self/stat field 22 in clock ticks since boot,
// against /proc/uptime), so the dynamic loading of LibTorch and Qt before main() counts too.
// -1 where /proc is not there.
double msSinceProcessStart() {
    QFile stat(QStringLiteral("/proc/self/stat")), uptime(QStringLiteral("/proc/uptime"));
    if (!stat.open(QIODevice::ReadOnly) || !uptime.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray s = stat.readAll();
    const QList<QByteArray> f = s.mid(s.lastIndexOf(')') + 2).split(' ');   // fields from 3 on
    const double ticks = f.size() > 19 ? f[19].toDouble() : -1;
    const double up = uptime.readAll().split(' ').value(0).toDouble();
    return ticks < 0 ? -1 : (up - ticks / 100.0) * 1000.0;   // USER_HZ is 100 on Linux
}

// Prints the time of the window's first paint once, then removes itself.
class FirstPaintReporter : public QObject {
public:
    using QObject::QObject;
    bool eventFilter(QObject * watched, QEvent * event) override {
        if (event->type() == QEvent::Paint) {
            std::fprintf(stderr, "rapidun-studio: first paint %.0f ms after the process started\n", msSinceProcessStart());
            watched->removeEventFilter(this);
        }
        return false;
    }
};

} // namespace

struct Cli { Q_DECLARE_TR_FUNCTIONS(Cli) };   // the "Cli" context of the .ts files

int main(int argc, char ** argv) {
    rapidun::ui::boundMallocArenas();   // before any thread: memory stays flat over many jobs
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QString::fromLatin1(rapidun::ui::Settings::organization()));
    QApplication::setApplicationName(QString::fromLatin1(rapidun::ui::Settings::application()));
    QApplication::setApplicationVersion(QStringLiteral(RAPIDUN_VERSION));
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QString language;   // Preferences' choice, or --language for this run ("" = the system's)
    {
        QSettings store(QString::fromLatin1(rapidun::ui::Settings::organization()),
                        QString::fromLatin1(rapidun::ui::Settings::application()));
        const rapidun::ui::Settings settings(store);
        rapidun::init_runtime(settings.threads());   // 0: RAPIDUN_THREADS, else every core
        language = settings.language();
    }
    // Read before the parser, whose help texts are already translated.
    const QStringList args = QCoreApplication::arguments();
    for (int i = 1; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--language") && i + 1 < args.size())
            language = args[i + 1];
        else if (args[i].startsWith(QLatin1String("--language=")))
            language = args[i].mid(11);
    }
    if (!language.isEmpty())
        QLocale::setDefault(QLocale(language));   // numbers and dates too, not only the words
    QTranslator translator;
    if (translator.load(QLocale(), QStringLiteral("rapidun_studio"), QStringLiteral("_"),
                        QStringLiteral(":/i18n")))
        QApplication::installTranslator(&translator);

    QCommandLineParser cli;
    cli.setApplicationDescription(
        Cli::tr("Influence-driven unlearning workbench for Llama-family models.\n"
                "Without arguments the studio opens the synthetic lab in %1 (RAPIDUN_LAB_DIR), building it "
                "first when it is not there yet (scale: RAPIDUN_LAB_SCALE, tiny or default).")
            .arg(QDir::toNativeSeparators(rapidun::ui::MainWindow::defaultLabDir())));
    cli.addHelpOption();
    cli.addVersionOption();
    const QCommandLineOption workspaceOpt(QStringLiteral("workspace"), Cli::tr("Workspace folder to open."), "DIR");
    const QCommandLineOption modelOpt(QStringLiteral("model"),
                                      Cli::tr("Model file or folder to open (the model card only, no workspace)."),
                                      "PATH");
    const QCommandLineOption tokOpt(QStringLiteral("tokenizer"), Cli::tr("Tokenizer (.model) to use with --model."),
                                    "PATH");
    const QCommandLineOption shotOpt(QStringLiteral("screenshot"),
                                     Cli::tr("Save the window to FILE.png once the workspace or model is open (or "
                                             "failed), then quit."),
                                     "FILE.png");
    const QCommandLineOption startupOpt(QStringLiteral("startup-report"),
                                        Cli::tr("Print the time from process start to the first paint and to the "
                                                "open workspace (stderr)."));
    const QCommandLineOption quitOpt(QStringLiteral("quit-after-ms"), Cli::tr("Quit after N milliseconds."), "N");
    const QCommandLineOption languageOpt(QStringLiteral("language"),
                                         Cli::tr("The language of this run (en, de, zh_CN), instead of the one chosen "
                                                 "in Preferences."),
                                         "CODE");
    const QCommandLineOption pageOpt(QStringLiteral("page"),
                                     Cli::tr("The page to show once the workspace is open: workspace, influence, "
                                             "weights, runs or compare."),
                                     "PAGE");
    cli.addOptions({workspaceOpt, modelOpt, tokOpt, shotOpt, startupOpt, quitOpt, languageOpt, pageOpt});
    cli.process(app);
    if (cli.isSet(workspaceOpt) && cli.isSet(modelOpt)) {
        std::fprintf(stderr, "%s\n", qPrintable(Cli::tr("rapidun-studio: --workspace and --model exclude each other")));
        return 2;
    }
    if (cli.isSet(tokOpt) && !cli.isSet(modelOpt)) {
        std::fprintf(stderr, "%s\n", qPrintable(Cli::tr("rapidun-studio: --tokenizer needs --model")));
        return 2;
    }

    using rapidun::ui::MainWindow;
    const QStringList pages = {QStringLiteral("workspace"), QStringLiteral("influence"), QStringLiteral("weights"),
                               QStringLiteral("runs"), QStringLiteral("compare")};
    const int page = cli.isSet(pageOpt) ? int(pages.indexOf(cli.value(pageOpt))) : 0;
    if (page < 0) {
        std::fprintf(stderr, "%s\n", qPrintable(Cli::tr("rapidun-studio: --page must be one of %1").arg(pages.join(QStringLiteral(", ")))));
        return 2;
    }
    MainWindow window;
    if (page > 0)
        QObject::connect(&window, &MainWindow::workspaceOpened, &window,
                         [&window, page] { window.showStudioPage(MainWindow::StudioPage(page)); });
    const QString screenshot = cli.value(shotOpt);
    if (!screenshot.isEmpty()) {
        window.setInteractive(false);   // a failure goes to the status bar, never to a modal dialog
        window.resize(1180, 800);       // the same size on every machine
        // After the next layout pass; another page than the workspace's loads its rows in a job
        // first (the influence ranking, the runs): give it time to show them.
        const auto grabSoon = [&] {
            QTimer::singleShot(page > 0 ? 3000 : 300, &window, [&] {
                QApplication::exit(window.grab().save(screenshot) ? 0 : 1);
            });
        };
        const auto reportAndGrab = [&](const QString & message) {
            std::fprintf(stderr, "rapidun-studio: failed: %s\n", qPrintable(message.simplified()));
            grabSoon();
        };
        QObject::connect(&window, &MainWindow::modelLoaded, &window, grabSoon);
        QObject::connect(&window, &MainWindow::workspaceOpened, &window, grabSoon);
        QObject::connect(&window, &MainWindow::loadFailed, &window, reportAndGrab);
        QObject::connect(&window, &MainWindow::workspaceFailed, &window, reportAndGrab);
        QObject::connect(&window, &MainWindow::labBuildCancelled, &window, grabSoon);
        QObject::connect(&window, &MainWindow::labProgress, &window,
                         [](const QString & stage, double fraction, const QString & message) {
                             std::fprintf(stderr, "[%3d%%] %s: %s\n", int(fraction * 100), qPrintable(stage),
                                          qPrintable(message));
                         });
    }
    if (cli.isSet(quitOpt))
        QTimer::singleShot(cli.value(quitOpt).toInt(), &app, &QApplication::quit);

    FirstPaintReporter firstPaint;
    if (cli.isSet(startupOpt)) {
        window.installEventFilter(&firstPaint);
        QObject::connect(&window, &MainWindow::workspaceOpened, &window, [] {
            std::fprintf(stderr, "rapidun-studio: workspace open %.0f ms after the process started\n", msSinceProcessStart());
        });
    }
    window.show();
    if (cli.isSet(modelOpt))
        window.openModel(cli.value(modelOpt), cli.value(tokOpt));
    else if (cli.isSet(workspaceOpt))
        window.openWorkspace(cli.value(workspaceOpt));
    else
        window.openSyntheticLab();
    return QApplication::exec();
}
