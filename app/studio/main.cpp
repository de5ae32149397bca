// rapidun-studio: QApplication, translator, runtime, arguments, MainWindow. Nothing else lives here.
#include "main_window.h"
#include "rapidun/model/model.h"
#include "settings.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QSettings>
#include <QTimer>
#include <QTranslator>

struct Cli { Q_DECLARE_TR_FUNCTIONS(Cli) };   // the "Cli" context of the .ts files

// The stories260K default: RAPIDUN_SHARED (env) overrides the shared folder known at build time.
static QString defaultFile(const char * builtIn, const char * inShared) {
    const QString shared = qEnvironmentVariable("RAPIDUN_SHARED");
    const QString path = shared.isEmpty() ? QString::fromUtf8(builtIn)
                                          : QDir(shared).filePath(QString::fromUtf8(inShared));
    return QFileInfo::exists(path) ? path : QString();
}

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
    cli.setApplicationDescription(Cli::tr("Influence-driven unlearning workbench for Llama-family models."));
    cli.addHelpOption();
    cli.addVersionOption();
    const QCommandLineOption modelOpt(QStringLiteral("model"), Cli::tr("Model file or folder to open."), "PATH");
    const QCommandLineOption tokOpt(QStringLiteral("tokenizer"), Cli::tr("Tokenizer (.model) to use."), "PATH");
    const QCommandLineOption shotOpt(QStringLiteral("screenshot"),
                                     Cli::tr("Save the window to FILE.png after loading, then quit."), "FILE.png");
    const QCommandLineOption quitOpt(QStringLiteral("quit-after-ms"), Cli::tr("Quit after N milliseconds."), "N");
    cli.addOptions({modelOpt, tokOpt, shotOpt, quitOpt});
    cli.process(app);

    QString model = cli.value(modelOpt);
    QString tokenizer = cli.value(tokOpt);
    if (!cli.isSet(modelOpt)) {
        model = defaultFile(RAPIDUN_DEFAULT_MODEL, "models/stories260K/stories260K.bin");
        if (!model.isEmpty() && tokenizer.isEmpty())
            tokenizer = defaultFile(RAPIDUN_DEFAULT_TOKENIZER, "models/stories260K/tok512.model");
    }

    rapidun::ui::MainWindow window;
    const QString screenshot = cli.value(shotOpt);
    if (!screenshot.isEmpty()) {
        window.setInteractive(false);   // a failure goes to the status bar, never to a modal dialog
        const auto grabSoon = [&] {   // after the next layout pass
            QTimer::singleShot(200, &window, [&] {
                QApplication::exit(window.grab().save(screenshot) ? 0 : 1);
            });
        };
        QObject::connect(&window, &rapidun::ui::MainWindow::modelLoaded, &window, grabSoon);
        QObject::connect(&window, &rapidun::ui::MainWindow::loadFailed, &window, grabSoon);
        if (model.isEmpty())
            grabSoon();
    }
    if (cli.isSet(quitOpt))
        QTimer::singleShot(cli.value(quitOpt).toInt(), &app, &QApplication::quit);

    window.show();
    if (!model.isEmpty())
        window.openModel(model, tokenizer);
    return QApplication::exec();
}
