#include "scenarios_view.h"

#include "grouped_bar_chart.h"

#include "rapidun/io/atomic_file.h"

#include <QDir>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

#include <nlohmann/json.hpp>

#include <cmath>
#include <exception>
#include <limits>

namespace rapidun::ui {

using nlohmann::json;

namespace {

// Okabe-Ito: told apart with every common colour-vision deficiency; the methods in file order.
const QColor kMethodColors[] = {QColor(0x00, 0x72, 0xB2), QColor(0xE6, 0x9F, 0x00), QColor(0x00, 0x9E, 0x73),
                                QColor(0xCC, 0x79, 0xA7), QColor(0x56, 0xB4, 0xE9), QColor(0xD5, 0x5E, 0x00)};

double number(const json & j, const std::string & key) {
    return j.is_object() && j.contains(key) && j[key].is_number() ? j[key].get<double>() : std::numeric_limits<double>::quiet_NaN();
}

QString meanSd(const json & j, const std::string & key) {
    const double m = number(j, key), sd = number(j, key + "_sd");
    if (std::isnan(m)) return QStringLiteral("n/a");
    return std::isnan(sd) ? QString::number(m, 'f', 3) : QStringLiteral("%1 ± %2").arg(m, 0, 'f', 3).arg(sd, 0, 'f', 3);
}

QStandardItem * cell(const QString & text, double sortValue = std::numeric_limits<double>::quiet_NaN()) {
    auto * item = new QStandardItem(text);
    item->setEditable(false);
    if (!std::isnan(sortValue)) item->setData(sortValue, Qt::UserRole);
    return item;
}

} // namespace

ScenariosView::ScenariosView(QWidget * parent) : QWidget(parent) {
    note_ = new QLabel(this);
    note_->setObjectName(QStringLiteral("scenariosNote"));
    note_->setWordWrap(true);
    note_->setTextFormat(Qt::PlainText);   // family names come from the data set
    model_ = new QStandardItemModel(0, ColumnCount, this);
    model_->setHorizontalHeaderLabels({tr("Scenario"), tr("Method"), tr("Forget rows"), tr("Seen ASR"), tr("OOD ASR"),
                                       tr("False triggers"), tr("Clean utility"), tr("Triggered vs clean twin"),
                                       tr("Seen ASR by trigger family")});
    view_ = new QTableView(this);
    view_->setObjectName(QStringLiteral("scenariosTable"));
    view_->setModel(model_);
    view_->setSelectionBehavior(QAbstractItemView::SelectRows);
    view_->verticalHeader()->hide();
    view_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    view_->horizontalHeader()->setStretchLastSection(true);
    chart_ = new GroupedBarChart(this);
    chart_->setObjectName(QStringLiteral("scenariosChart"));
    chart_->setTitle(tr("Seen-trigger ASR after unlearning, by scenario"));
    chart_->setAxisLabels(tr("Scenario"), tr("Seen ASR (0-1)"));
    auto * split = new QSplitter(Qt::Vertical, this);
    split->addWidget(view_);
    split->addWidget(chart_);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    auto * layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(note_);
    layout->addWidget(split, 1);
    clear();
}

void ScenariosView::clear() {
    model_->removeRows(0, model_->rowCount());
    chart_->clear();
    note_->setText(tr("No scenarios have been run on this workspace. They rerun the pipeline with a small, a "
                      "one-family and a curated forget set and a quarter of the steps: "
                      "rapidun scenarios --workspace <this folder>"));
}

bool ScenariosView::load(const QString & workspaceDir) {
    clear();
    const QString path = QDir(workspaceDir).filePath(QStringLiteral("reports/scenarios.json"));
    if (!QFile::exists(path)) return false;
    json s;
    try {
        s = json::parse(read_file_text(QFile::encodeName(path).toStdString()));
        if (!s.contains("scenarios") || !s["scenarios"].is_array()) throw std::runtime_error("no \"scenarios\" list");
    } catch (const std::exception & e) {
        note_->setText(tr("%1 cannot be read: %2").arg(path, QString::fromUtf8(e.what())));
        return false;
    }
    QStringList notes;
    const json & before = s.value("before", json::object());
    notes << tr("Before unlearning: seen ASR %1, OOD ASR %2. Seed mean ± sd over %3 seeds, preset %4.")
                 .arg(number(before, "seen_asr"), 0, 'f', 3)
                 .arg(number(before, "ood_asr"), 0, 'f', 3)
                 .arg(s.value("seeds", 0))
                 .arg(QString::fromStdString(s.value("preset", std::string("?"))));
    QStringList categories, methods;
    QVector<QVector<double>> seen;   // [method][scenario]
    for (const json & sc : s["scenarios"]) {
        const QString name = QString::fromStdString(sc.value("name", std::string("?")));
        categories << name;
        for (QVector<double> & v : seen) v.push_back(std::numeric_limits<double>::quiet_NaN());
        if (sc.contains("family") && sc["family"].is_string())
            notes << tr("%1: the forget rows of trigger family %2 only.").arg(name, QString::fromStdString(sc["family"].get<std::string>()));
        if (sc.contains("precision"))
            notes << tr("%1: %2 of the %3 curated rows are poisoned (precision %4).")
                         .arg(name)
                         .arg(sc.value("poisoned", 0))
                         .arg(sc.value("n_forget", 0))
                         .arg(number(sc, "precision"), 0, 'f', 3);
        if (number(sc, "budget") < 1.0) notes << tr("%1: %2 of the steps.").arg(name).arg(number(sc, "budget"));
        if (!sc.contains("methods") || !sc["methods"].is_object()) continue;
        for (const auto & [m, v] : sc["methods"].items()) {
            const QString method = QString::fromStdString(m);
            int mi = int(methods.indexOf(method));
            if (mi < 0) {
                methods << method;
                seen.push_back(QVector<double>(categories.size(), std::numeric_limits<double>::quiet_NaN()));
                mi = int(methods.size()) - 1;
            }
            seen[mi][categories.size() - 1] = number(v, "seen_asr_after");
            const bool em = !std::isnan(number(v, "twin_exact_match_after"));
            QStringList fam;
            if (v.contains("seen_asr_by_family") && v["seen_asr_by_family"].is_object())
                for (const auto & [f, x] : v["seen_asr_by_family"].items())
                    if (x.is_number()) fam << QStringLiteral("%1 %2").arg(QString::fromStdString(f)).arg(x.get<double>(), 0, 'f', 3);
            QList<QStandardItem *> row;
            row << cell(name) << cell(method) << cell(QString::number(sc.value("n_forget", 0)), number(sc, "n_forget"))
                << cell(meanSd(v, "seen_asr_after"), number(v, "seen_asr_after"))
                << cell(meanSd(v, "ood_asr_after"), number(v, "ood_asr_after"))
                << cell(meanSd(v, "false_trigger_rate_after"), number(v, "false_trigger_rate_after"))
                << cell((em ? tr("EM ") : tr("ROUGE-L ")) + meanSd(v, em ? "clean_exact_match_after" : "clean_rouge_l_after"))
                << cell((em ? tr("EM ") : tr("ROUGE-L ")) + meanSd(v, em ? "twin_exact_match_after" : "twin_rouge_l_after"))
                << cell(fam.join(QStringLiteral(", ")));
            model_->appendRow(row);
        }
    }
    QVector<GroupedBarChart::Series> series;
    for (int i = 0; i < methods.size(); i++)
        series.push_back({methods[i], kMethodColors[size_t(i) % std::size(kMethodColors)], seen[i]});
    chart_->setData(categories, series);
    note_->setText(notes.join(QLatin1Char(' ')));
    return true;
}

} // namespace rapidun::ui
