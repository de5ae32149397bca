// rapidun-studio: QApplication, translator, runtime, arguments, MainWindow. Nothing else lives here.
// No arguments: the synthetic lab (built on first use); --workspace DIR; --model PATH [--tokenizer PATH].
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

#include <cstdio>

struct Cli { Q_DECLARE_TR_FUNCTIONS(Cli) };   // the "Cli" context of the .ts files

int main(int argc, char ** argv) {
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QString::fromLatin1(rapidun::ui::Settings::organization()));
    QApplication::setApplicationName(QString::fromLatin1(rapidun::ui::Settings::application()));
    QApplication::setApplicationVersion(QStringLiteral(RAPIDUN_VERSION));
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QTranslator translator;
    if (translator.load(QLocale(), QStringLiteral("rapidun_studio"), QStringLiteral("_"),
                        QStringLiteral(":/i18n")))
        QApplication::installTranslator(&translator);
    rapidun::init_runtime();

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
    const QCommandLineOption quitOpt(QStringLiteral("quit-after-ms"), Cli::tr("Quit after N milliseconds."), "N");
    cli.addOptions({workspaceOpt, modelOpt, tokOpt, shotOpt, quitOpt});
    cli.process(app);
    if (cli.isSet(workspaceOpt) && cli.isSet(modelOpt)) {
        std::fprintf(stderr, "%s\n", qPrintable(Cli::tr("rapidun-studio: --workspace and --model exclude each other")));
        return 2;
    }
    if (cli.isSet(tokOpt) && !cli.isSet(modelOpt)) {
        std::fprintf(stderr, "%s\n", qPrintable(Cli::tr("rapidun-studio: --tokenizer needs --model")));
        return 2;
    }

    rapidun::ui::MainWindow window;
    using rapidun::ui::MainWindow;
    const QString screenshot = cli.value(shotOpt);
    if (!screenshot.isEmpty()) {
        window.setInteractive(false);   // a failure goes to the status bar, never to a modal dialog
        window.resize(1180, 800);       // the same size on every machine
        const auto grabSoon = [&] {     // after the next layout pass
            QTimer::singleShot(300, &window, [&] {
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

    window.show();
    if (cli.isSet(modelOpt))
        window.openModel(cli.value(modelOpt), cli.value(tokOpt));
    else if (cli.isSet(workspaceOpt))
        window.openWorkspace(cli.value(workspaceOpt));
    else
        window.openSyntheticLab();
    return QApplication::exec();
}
