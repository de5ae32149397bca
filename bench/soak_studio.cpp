// The studio's one-click pipeline, run ROUNDS times in one process (the window, offscreen, set up as
// the studio's main() does): the resident memory after each round (the window idle again) and what
// each round produced (the RapidUn run's metrics after
// unlearning, the weights files and the adapter, by SHA-256), so that growth and drift show.
//   soak_studio WORKSPACE [ROUNDS=5]
// Prints one line per round, then "soak-studio rss_growth <max % over round 1> identical <yes|no>";
// exits 1 when the memory grew by more than 5% after the first round or a round differs.
#include "job_runner.h"
#include "main_window.h"
#include "pipeline_panel.h"
#include "workspace_page.h"

#include <QApplication>
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>

namespace {

// VmRSS (resident now) and VmHWM (peak) of this process, MiB.
std::pair<double, double> rss_mib() {
    std::ifstream in("/proc/self/status");
    std::string key;
    double rss = 0, hwm = 0, kb = 0;
    while (in >> key) {
        if (key == "VmRSS:" && in >> kb) rss = kb / 1024.0;
        else if (key == "VmHWM:" && in >> kb) hwm = kb / 1024.0;
    }
    return {rss, hwm};
}

QString sha256(const QString & path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) return QStringLiteral("(absent)");
    return QString::fromLatin1(QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256).toHex().left(16));
}

// Waits for `done` with the event loop running; false after `ms`.
template <typename Pred> bool waitFor(Pred done, int ms) {
    QElapsedTimer t;
    t.start();
    while (!done() && t.elapsed() < ms) {
        QEventLoop loop;
        QTimer::singleShot(20, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return done();
}

} // namespace

int main(int argc, char ** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: soak_studio WORKSPACE [ROUNDS=5]\n");
        return 2;
    }
    rapidun::ui::boundMallocArenas();   // as the studio's main() does
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const QString dir = QString::fromLocal8Bit(argv[1]);
    const int rounds = argc > 2 ? std::atoi(argv[2]) : 5;

    rapidun::ui::MainWindow w;
    w.setInteractive(false);
    w.resize(1100, 760);
    w.show();
    QString failure;
    QObject::connect(&w, &rapidun::ui::MainWindow::workspaceFailed, [&](const QString & m) { failure = m; });
    bool opened = false;
    QObject::connect(&w, &rapidun::ui::MainWindow::workspaceOpened, [&] { opened = true; });
    w.openWorkspace(dir);
    if (!waitFor([&] { return opened || !failure.isEmpty(); }, 120000) || !failure.isEmpty()) {
        std::fprintf(stderr, "soak_studio: %s does not open: %s\n", qPrintable(dir), qPrintable(failure));
        return 1;
    }
    rapidun::ui::PipelinePanel * p = w.workspacePage()->pipelinePanel();
    QObject::connect(p, &rapidun::ui::PipelinePanel::failure, [&](const QString &, const QString & d) { failure = d; });
    waitFor([&] { return !w.isLoading(); }, 120000);

    QString first;
    double rss1 = 0, growth = 0;
    bool identical = true;
    std::printf("round  seconds  rss_MiB  peak_MiB  seen_after  ood_after  false_after  clean_em_after  twin_rouge_after  "
                "weights+adapter\n");
    for (int r = 1; r <= rounds; r++) {
        bool done = false;
        const QMetaObject::Connection c = QObject::connect(p, &rapidun::ui::PipelinePanel::finished, [&] { done = true; });
        QElapsedTimer t;
        t.start();
        if (!p->start()) {
            std::fprintf(stderr, "soak_studio: the pipeline did not start\n");
            return 1;
        }
        waitFor([&] { return done || !failure.isEmpty(); }, 3600000);
        QObject::disconnect(c);
        if (!failure.isEmpty()) {
            std::fprintf(stderr, "soak_studio: round %d failed: %s\n", r, qPrintable(failure));
            return 1;
        }
        const double secs = t.elapsed() / 1000.0;
        // The pages react to the new run (history, comparison, influence views) with jobs of their
        // own: memory is read once they are done (2 s of the event loop, then the window idle).
        waitFor([] { return false; }, 2000);
        waitFor([&] { return !w.isLoading(); }, 60000);
        const auto [rss, hwm] = rss_mib();
        QFile f(dir + QStringLiteral("/reports/pipeline.json"));
        f.open(QIODevice::ReadOnly);
        const QJsonObject run = QJsonDocument::fromJson(f.readAll()).object()[QStringLiteral("methods")].toObject()
                                    [QStringLiteral("rapidun")].toObject()[QStringLiteral("runs")].toArray().at(0).toObject();
        auto num = [&](const char * k) { return run.value(QLatin1String(k)).toDouble(-1); };
        const QString id = run.value(QStringLiteral("run")).toString();
        const QString digest = sha256(dir + QStringLiteral("/weights/forget_weights.jsonl")) + QLatin1Char('/') +
                               sha256(dir + QStringLiteral("/weights/retain_weights.jsonl")) + QLatin1Char('/') +
                               sha256(dir + QStringLiteral("/runs/") + id + QStringLiteral("/adapter_model.safetensors"));
        const QString line = QString::asprintf("%.4f %.4f %.4f %.4f %.4f", num("seen_asr_after"), num("ood_asr_after"),
                                               num("false_trigger_rate_after"), num("clean_exact_match_after"),
                                               num("twin_rouge_l_after")) + QLatin1Char(' ') + digest;
        std::printf("%5d  %7.1f  %7.1f  %8.1f  %s\n", r, secs, rss, hwm, qPrintable(line));
        std::fflush(stdout);
        if (r == 1) {
            first = line;
            rss1 = rss;
        } else {
            growth = std::max(growth, 100.0 * (rss / rss1 - 1.0));
            identical = identical && line == first;
        }
    }
    std::printf("soak-studio rss_growth %.1f%% identical %s\n", growth, identical ? "yes" : "no");
    return growth <= 5.0 && identical ? 0 : 1;
}
