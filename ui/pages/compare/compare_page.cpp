// The Compare page's views and records (see compare_page.h); the free prompt is in compare_prompt.cpp.
#include "compare_page.h"

#include "compare_models.h"
#include "grouped_bar_chart.h"
#include "job_runner.h"
#include "scenarios_view.h"

#include "rapidun/eval/compare.h"
#include "rapidun/workspace/workspace.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTextEdit>
#include <QVBoxLayout>

#include <cmath>
#include <exception>
#include <limits>

namespace rapidun::ui {

std::shared_ptr<CompareModelCache> makeModelCache();   // compare_prompt.cpp

namespace {

const QString kBefore = QString::fromLatin1(kBeforeSide);
const QColor  kLeftColor(0x1f, 0x77, 0xb4);    // blue
const QColor  kRightColor(0xff, 0x7f, 0x0e);   // orange

std::string localPath(const QString & path) { return QFile::encodeName(path).toStdString(); }

QTableView * newTable(QAbstractItemModel * model, const QString & name, QWidget * parent) {
    auto * view = new QTableView(parent);
    view->setObjectName(name);
    view->setModel(model);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setWordWrap(true);
    view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);   // never ResizeToContents (style 2.9)
    view->verticalHeader()->hide();
    return view;
}

} // namespace

ComparePage::ComparePage(QWidget * parent) : QWidget(parent), cache_(makeModelCache()) {
    metrics_ = new MetricsModel(this);
    generations_ = new GenerationsModel(this);
    runner_ = new JobRunner(this);

    leftCombo_ = new QComboBox(this);
    leftCombo_->setObjectName(QStringLiteral("leftSide"));
    rightCombo_ = new QComboBox(this);
    rightCombo_->setObjectName(QStringLiteral("rightSide"));
    for (QComboBox * combo : {leftCombo_, rightCombo_}) {
        combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
        connect(combo, &QComboBox::currentIndexChanged, this, [this] {
            if (!filling_)
                refresh();
        });
    }
    auto * swap = new QPushButton(tr("Swap"), this);
    swap->setToolTip(tr("Exchange the left and the right model"));
    connect(swap, &QPushButton::clicked, this, [this] { setModels(rightSide(), leftSide()); });
    auto * reload = new QPushButton(tr("Reload runs"), this);
    connect(reload, &QPushButton::clicked, this, &ComparePage::reloadRuns);

    auto * bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Left:"), this));
    bar->addWidget(leftCombo_);
    bar->addWidget(swap);
    bar->addWidget(new QLabel(tr("Right:"), this));
    bar->addWidget(rightCombo_);
    bar->addWidget(reload);
    bar->addStretch(1);

    note_ = new QLabel(this);
    note_->setObjectName(QStringLiteral("compareNote"));
    note_->setWordWrap(true);
    note_->hide();

    tabs_ = new QTabWidget(this);
    tabs_->addTab(createMetricsTab(), tr("Metrics"));
    tabs_->addTab(createGenerationsTab(), tr("Generations"));
    tabs_->addTab(createPromptTab(), tr("Free prompt"));
    scenarios_ = new ScenariosView(this);
    tabs_->addTab(scenarios_, tr("Scenarios"));

    auto * layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(note_);
    layout->addWidget(tabs_, 1);
    updateButtons();
}

ComparePage::~ComparePage() { shutdown(); }   // before the widgets the continuation touches go

void ComparePage::shutdown() { runner_->shutdown(); }

void ComparePage::cancelPrompt() { runner_->cancel(); }

QWidget * ComparePage::createMetricsTab() {
    auto * tab = new QWidget(this);
    metricsView_ = newTable(metrics_, QStringLiteral("metricsTable"), tab);
    metricsView_->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    // All seven metric rows visible without scrolling.
    metricsView_->setMinimumHeight(metricsView_->verticalHeader()->defaultSectionSize() * MetricsModel::MetricCount +
                                   metricsView_->horizontalHeader()->sizeHint().height() + 2 * metricsView_->frameWidth());
    ratesChart_ = new GroupedBarChart(tab);
    ratesChart_->setObjectName(QStringLiteral("ratesChart"));
    ratesChart_->setTitle(tr("Attack and utility rates"));
    ratesChart_->setAxisLabels(tr("Metric"), tr("Rate (0-1)"));
    costChart_ = new GroupedBarChart(tab);
    costChart_->setObjectName(QStringLiteral("costChart"));
    costChart_->setTitle(tr("Perplexity and time"));
    costChart_->setAxisLabels(tr("Metric"), tr("Perplexity; seconds"));
    auto * charts = new QSplitter(Qt::Horizontal, tab);
    charts->addWidget(ratesChart_);
    charts->addWidget(costChart_);
    charts->setStretchFactor(0, 3);
    charts->setStretchFactor(1, 2);
    auto * split = new QSplitter(Qt::Vertical, tab);
    split->addWidget(metricsView_);
    split->addWidget(charts);
    split->setStretchFactor(1, 1);
    auto * layout = new QVBoxLayout(tab);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(split);
    return tab;
}

QWidget * ComparePage::createGenerationsTab() {
    auto * tab = new QWidget(this);
    seenBox_ = new QCheckBox(tr("Seen trigger"), tab);
    oodBox_ = new QCheckBox(tr("OOD trigger"), tab);
    cleanBox_ = new QCheckBox(tr("Clean"), tab);
    differingBox_ = new QCheckBox(tr("Only rows whose outputs differ"), tab);
    for (QCheckBox * box : {seenBox_, oodBox_, cleanBox_}) {
        box->setChecked(true);
        connect(box, &QCheckBox::toggled, this, &ComparePage::applyFilterBoxes);
    }
    connect(differingBox_, &QCheckBox::toggled, this, &ComparePage::applyFilterBoxes);
    counts_ = new QLabel(tab);
    counts_->setObjectName(QStringLiteral("generationCounts"));
    auto * legend = new QLabel(tr("<span style=\"%1\">poison word</span> &nbsp; <span style=\"%2\">differs</span>")
                                   .arg(QLatin1String(kKeywordStyle), QLatin1String(kChangedStyle)),
                               tab);
    auto * filters = new QHBoxLayout;
    filters->addWidget(new QLabel(tr("Show:"), tab));
    for (QWidget * w : std::initializer_list<QWidget *>{seenBox_, oodBox_, cleanBox_, differingBox_, counts_})
        filters->addWidget(w);
    filters->addStretch(1);
    filters->addWidget(legend);

    generationsView_ = newTable(generations_, QStringLiteral("generationsTable"), tab);
    generationsView_->setItemDelegate(new HtmlDelegate(generationsView_));
    generationsView_->verticalHeader()->setDefaultSectionSize(fontMetrics().lineSpacing() * 3 + 8);   // 3 lines
    QHeaderView * header = generationsView_->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(GenerationsModel::LeftColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(GenerationsModel::RightColumn, QHeaderView::Stretch);
    header->resizeSection(GenerationsModel::SetColumn, fontMetrics().horizontalAdvance(QStringLiteral("OOD trigger__")));
    header->resizeSection(GenerationsModel::PromptColumn, fontMetrics().averageCharWidth() * 40);

    auto * layout = new QVBoxLayout(tab);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(filters);
    layout->addWidget(generationsView_, 1);
    return tab;
}

void ComparePage::setWorkspace(const QString & dir) {
    clear();
    try {
        workspace_ = std::make_unique<Workspace>(Workspace::load(localPath(QDir(dir).absolutePath())));
    } catch (const std::exception & e) {
        Q_EMIT failure(tr("Compare: cannot open the workspace"), QString::fromUtf8(e.what()));
        return;
    }
    try {
        for (const std::string & word : Detector::load(workspace_->resolve(workspace_->detector)).words)
            keywords_.insert(QString::fromStdString(word));
    } catch (const std::exception & e) {   // the page still compares; only the highlighting is missing
        Q_EMIT failure(tr("Compare: no poison words to highlight"), QString::fromUtf8(e.what()));
    }
    maxNew_->setValue(workspace_->max_new_tokens);
    scenarios_->load(dir);
    // Default pair: before against the most recently written run.
    QString latest;
    QDateTime latestTime;
    for (const std::string & id : list_runs(*workspace_)) {
        const QDateTime t = QFileInfo(QString::fromStdString(workspace_->resolve("runs/" + id + "/run.json"))).lastModified();
        if (latest.isEmpty() || t >= latestTime) {
            latest = QString::fromStdString(id);
            latestTime = t;
        }
    }
    fillCombos(kBefore, latest.isEmpty() ? kBefore : latest);
    refresh();
}

void ComparePage::reloadRuns() {
    if (!workspace_)
        return;
    fillCombos(leftSide(), rightSide());
    refresh();
    scenarios_->load(QFile::decodeName(QByteArray::fromStdString(workspace_->dir)));
}

void ComparePage::clear() {
    runner_->cancel();
    ++epoch_;
    cache_ = makeModelCache();   // a running job keeps its own reference until it ends
    workspace_.reset();
    keywords_.clear();
    filling_ = true;
    leftCombo_->clear();
    rightCombo_->clear();
    filling_ = false;
    metrics_->clear();
    generations_->clear();
    ratesChart_->clear();
    costChart_->clear();
    scenarios_->clear();
    note_->clear();
    note_->hide();
    showOutputs({}, {});
    updateCounts();
    updateButtons();
}

void ComparePage::setModels(const QString & left, const QString & right) {
    const QStringList known = sides();
    for (const QString & side : {left, right})
        if (!known.contains(side)) {
            Q_EMIT failure(tr("Compare: unknown model"),
                           tr("'%1' is neither \"before\" nor a run of this workspace (runs: %2)")
                               .arg(side, known.mid(1).join(QStringLiteral(", "))));
            return;
        }
    filling_ = true;
    leftCombo_->setCurrentIndex(leftCombo_->findData(left));
    rightCombo_->setCurrentIndex(rightCombo_->findData(right));
    filling_ = false;
    refresh();
}

QString ComparePage::leftSide() const { return leftCombo_->currentData().toString(); }
QString ComparePage::rightSide() const { return rightCombo_->currentData().toString(); }

QStringList ComparePage::sides() const {
    QStringList out;
    for (int i = 0; i < leftCombo_->count(); ++i)
        out << leftCombo_->itemData(i).toString();
    return out;
}

QString ComparePage::sideLabel(const QString & side, const QString & method) const {
    if (side == kBefore)
        return tr("Before unlearning");
    return method.isEmpty() ? side : tr("%1 (%2)").arg(side, method);
}

void ComparePage::fillCombos(const QString & left, const QString & right) {
    filling_ = true;
    leftCombo_->clear();
    rightCombo_->clear();
    QStringList ids{kBefore};
    QStringList labels{sideLabel(kBefore, {})};
    for (const std::string & id : list_runs(*workspace_)) {
        ids << QString::fromStdString(id);
        labels << ids.back();
    }
    for (int i = 0; i < ids.size(); ++i) {
        leftCombo_->addItem(labels.at(i), ids.at(i));
        rightCombo_->addItem(labels.at(i), ids.at(i));
    }
    leftCombo_->setCurrentIndex(std::max(0, leftCombo_->findData(left)));
    rightCombo_->setCurrentIndex(std::max(0, rightCombo_->findData(right)));
    filling_ = false;
}

void ComparePage::refresh() {
    ++epoch_;   // outputs of a generation for the previous pair are dropped
    showOutputs({}, {});
    if (!workspace_ || leftSide().isEmpty() || rightSide().isEmpty())
        return;
    CompareSide left, right;
    try {
        left = load_compare_side(*workspace_, localPath(leftSide()));
        right = load_compare_side(*workspace_, localPath(rightSide()));
    } catch (const std::exception & e) {
        metrics_->clear();
        generations_->clear();
        ratesChart_->clear();
        costChart_->clear();
        updateCounts();
        Q_EMIT failure(tr("Compare: cannot read a model's record"), QString::fromUtf8(e.what()));
        return;
    }
    const QString leftName = sideLabel(leftSide(), QString::fromStdString(left.method));
    const QString rightName = sideLabel(rightSide(), QString::fromStdString(right.method));
    metrics_->setSides(leftName, left.metrics, rightName, right.metrics);
    generations_->setSides(leftName, left.generations, rightName, right.generations, keywords_);
    fillCharts(leftName, rightName);
    QStringList notes;
    for (const CompareSide * s : {&left, &right})
        if (!s->note.empty())
            notes << QString::fromStdString(s->note);
    if (list_runs(*workspace_).empty())
        notes << tr("This workspace has no unlearning runs yet: run one on the Runs page (or `rapidun unlearn`).");
    notes.removeDuplicates();
    note_->setText(notes.join(QLatin1Char('\n')));
    note_->setVisible(!notes.isEmpty());
    leftTitle_->setText(leftName);
    rightTitle_->setText(rightName);
    updateCounts();
    updateButtons();
}

void ComparePage::fillCharts(const QString & leftName, const QString & rightName) {
    auto series = [&](int first, int last) {
        GroupedBarChart::Series l{leftName, kLeftColor, {}}, r{rightName, kRightColor, {}};
        if (leftName == rightName)
            r.name = tr("%1 (right)").arg(rightName);
        for (int m = first; m <= last; ++m) {
            l.values << metrics_->leftValue(m);
            r.values << metrics_->rightValue(m);
        }
        return QVector<GroupedBarChart::Series>{l, r};
    };
    QStringList rates, costs;
    for (int m = MetricsModel::SeenAsr; m <= MetricsModel::TwinRougeL; ++m)
        rates << metrics_->metricName(m);
    costs << metrics_->metricName(MetricsModel::CleanPpl) << tr("Unlearning time (s)");
    ratesChart_->setData(rates, series(MetricsModel::SeenAsr, MetricsModel::TwinRougeL));
    costChart_->setData(costs, series(MetricsModel::CleanPpl, MetricsModel::UnlearnSeconds));
}

void ComparePage::setSetFilter(const QSet<QString> & sets, bool onlyDiffering) {
    const QSignalBlocker b1(seenBox_), b2(oodBox_), b3(cleanBox_), b4(differingBox_);
    seenBox_->setChecked(sets.contains(QStringLiteral("seen")));
    oodBox_->setChecked(sets.contains(QStringLiteral("ood")));
    cleanBox_->setChecked(sets.contains(QStringLiteral("clean")));
    differingBox_->setChecked(onlyDiffering);
    applyFilterBoxes();
}

void ComparePage::applyFilterBoxes() {
    QSet<QString> sets;
    if (seenBox_->isChecked())
        sets.insert(QStringLiteral("seen"));
    if (oodBox_->isChecked())
        sets.insert(QStringLiteral("ood"));
    if (cleanBox_->isChecked())
        sets.insert(QStringLiteral("clean"));
    generations_->setFilter(sets, differingBox_->isChecked());
    updateCounts();
}

void ComparePage::updateCounts() {
    counts_->setText(tr("%1 of %2 rows shown; %3 differ")
                         .arg(generations_->rowCount())
                         .arg(generations_->totalRows())
                         .arg(generations_->differingRows()));
}

} // namespace rapidun::ui
