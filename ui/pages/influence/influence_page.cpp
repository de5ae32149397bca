#include "influence_page.h"

#include "influence_filter_bar.h"
#include "influence_sets.h"
#include "job_runner.h"
#include "sample_detail.h"
#include "score_histogram.h"

#include <QAction>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace rapidun::ui {

InfluencePage::InfluencePage(QWidget * parent) : QWidget(parent) {
    setObjectName(QStringLiteral("influencePage"));
    model_ = new InfluenceTableModel(this);
    loadRunner_ = new JobRunner(this);
    computeRunner_ = new JobRunner(this);
    explainRunner_ = new JobRunner(this);
    selectionTimer_ = new QTimer(this);
    selectionTimer_->setSingleShot(true);
    selectionTimer_->setInterval(100);
    connect(selectionTimer_, &QTimer::timeout, this, &InfluencePage::showCurrentSample);

    stack_ = new QStackedWidget;
    stack_->addWidget(createEmptyState());
    stack_->addWidget(createContent());
    auto * layout = new QVBoxLayout(this);
    layout->addWidget(stack_, 1);
    layout->addWidget(createProgressPanel());

    connectRunners();
    showEmptyState(tr("No workspace is open."), false);
}

InfluencePage::~InfluencePage() { shutdown(); }   // before the widgets the continuations touch go

void InfluencePage::shutdown() {
    reloadPending_ = false;
    pendingSample_ = pendingQuery_ = -1;
    selectionTimer_->stop();
    for (JobRunner * r : {computeRunner_, explainRunner_, loadRunner_})
        r->cancel();   // all three stop at once; then wait for each
    for (JobRunner * r : {computeRunner_, explainRunner_, loadRunner_})
        r->shutdown();
}

QWidget * InfluencePage::createEmptyState() {
    empty_ = new QWidget;
    empty_->setObjectName(QStringLiteral("influenceEmptyState"));
    emptyText_ = new QLabel;
    emptyText_->setObjectName(QStringLiteral("influenceEmptyText"));
    emptyText_->setAlignment(Qt::AlignCenter);
    emptyText_->setWordWrap(true);
    computeButton_ = new QPushButton(tr("&Compute influence"));
    computeButton_->setObjectName(QStringLiteral("computeInfluence"));
    computeButton_->setToolTip(tr("Sketch the gradients of every train, forget and retain row and rank the train "
                                  "rows by their influence on the forget set (cached: a second run is fast)"));
    connect(computeButton_, &QPushButton::clicked, this, &InfluencePage::computeInfluence);
    auto * layout = new QVBoxLayout(empty_);
    layout->addStretch(1);
    layout->addWidget(emptyText_);
    layout->addWidget(computeButton_, 0, Qt::AlignHCenter);
    layout->addStretch(1);
    return empty_;
}

QWidget * InfluencePage::createContent() {
    filterBar_ = new InfluenceFilterBar;
    connect(filterBar_, &InfluenceFilterBar::filterChanged, this, &InfluencePage::applyFilter);

    auto * bar = new QToolBar;
    bar->setObjectName(QStringLiteral("influenceActions"));
    bar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    createActions(bar);

    summary_ = new QLabel;
    summary_->setObjectName(QStringLiteral("influenceSummary"));
    staleBanner_ = new QLabel(tr("The forget set changed after influence was computed: the scores still rank "
                                 "against the old set. Use \"Recompute influence\" to update them."));
    staleBanner_->setObjectName(QStringLiteral("influenceStale"));
    staleBanner_->setWordWrap(true);
    staleBanner_->setStyleSheet(QStringLiteral("QLabel { background: #fff3cd; color: #5c4400; padding: 4px; }"));
    staleBanner_->setVisible(false);

    table_ = new QTableView;
    table_->setObjectName(QStringLiteral("influenceTable"));
    table_->setModel(model_);
    table_->setSortingEnabled(true);
    table_->sortByColumn(InfluenceTableModel::Rank, Qt::AscendingOrder);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::ExtendedSelection);
    table_->setAlternatingRowColors(true);
    table_->setWordWrap(false);
    table_->verticalHeader()->setVisible(false);
    table_->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);   // style guide 2.9: never ResizeToContents
    table_->verticalHeader()->setDefaultSectionSize(table_->fontMetrics().height() + 6);
    table_->horizontalHeader()->setStretchLastSection(true);
    table_->horizontalHeader()->setSectionsMovable(true);
    connect(table_->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &InfluencePage::onCurrentChanged);
    connect(table_->selectionModel(), &QItemSelectionModel::selectionChanged, this, &InfluencePage::updateActions);
    connect(model_, &QAbstractItemModel::modelReset, this, &InfluencePage::updateActions);

    histogram_ = new ScoreHistogram;
    histogram_->setObjectName(QStringLiteral("scoreHistogram"));
    histogram_->setLabels(tr("Ranking scores"), tr("Score"), tr("Rows"), tr("Poisoned"), tr("Clean"));
    histogram_->setToolTip(tr("Drag across the histogram to filter the table to a score range; click to clear it"));
    connect(histogram_, &ScoreHistogram::rangeBrushed, filterBar_, &InfluenceFilterBar::setScoreRange);
    connect(histogram_, &ScoreHistogram::brushCleared, filterBar_, &InfluenceFilterBar::clearScoreRange);
    connect(filterBar_, &InfluenceFilterBar::scoreRangeEdited, histogram_, &ScoreHistogram::showRange);

    detail_ = new SampleDetail;
    detail_->setObjectName(QStringLiteral("sampleDetail"));
    connect(detail_, &SampleDetail::queryChanged, this, [this](int) {
        queryPicked_ = true;
        requestExplain();
    });

    auto * left = new QSplitter(Qt::Vertical);
    left->setChildrenCollapsible(false);
    left->addWidget(table_);
    left->addWidget(histogram_);
    left->setStretchFactor(0, 3);
    left->setStretchFactor(1, 1);
    auto * split = new QSplitter(Qt::Horizontal);
    split->setObjectName(QStringLiteral("influenceSplitter"));
    split->setChildrenCollapsible(false);
    split->addWidget(left);
    split->addWidget(detail_);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);

    content_ = new QWidget;
    auto * layout = new QVBoxLayout(content_);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(filterBar_);
    auto * row = new QHBoxLayout;
    row->addWidget(bar);
    row->addStretch(1);
    row->addWidget(summary_);
    layout->addLayout(row);
    layout->addWidget(staleBanner_);
    layout->addWidget(split, 1);
    return content_;
}

void InfluencePage::createActions(QToolBar * bar) {
    auto make = [this, bar](const QString & text, const QString & tip, auto slot) {
        QAction * a = bar->addAction(text);
        a->setToolTip(tip);
        connect(a, &QAction::triggered, this, slot);
        return a;
    };
    addForget_ = make(tr("Add to forget set"), tr("Append the selected rows to the forget set (forget.jsonl)"),
                      [this] { addToForget(selectedSamples()); });
    removeForget_ = make(tr("Remove from forget set"), tr("Remove the selected rows from the forget set"),
                         [this] { removeFromForget(selectedSamples()); });
    addRetain_ = make(tr("Add to retain set"), tr("Append the selected rows to the retain set (retain.jsonl)"),
                      [this] { addToRetain(selectedSamples()); });
    removeRetain_ = make(tr("Remove from retain set"), tr("Remove the selected rows from the retain set"),
                         [this] { removeFromRetain(selectedSamples()); });
    bar->addSeparator();
    exportJsonl_ = make(tr("Export JSONL\u2026"), tr("Save the selected rows as a data set (JSONL)"),
                        [this] { exportSelection(ExportFormat::Jsonl); });
    exportCsv_ = make(tr("Export CSV\u2026"), tr("Save the selected rows with their scores as CSV"),
                      [this] { exportSelection(ExportFormat::Csv); });
    bar->addSeparator();
    recompute_ = make(tr("Recompute influence"), tr("Run the influence computation again (cached sketches are reused)"),
                      [this] { computeInfluence(); });
}

QWidget * InfluencePage::createProgressPanel() {
    progressPanel_ = new QWidget;
    progressPanel_->setObjectName(QStringLiteral("influenceProgress"));
    progressStage_ = new QLabel;
    progress_ = new QProgressBar;
    progress_->setObjectName(QStringLiteral("influenceProgressBar"));
    progress_->setRange(0, 1000);
    progress_->setTextVisible(false);
    progressEta_ = new QLabel;
    progressEta_->setObjectName(QStringLiteral("influenceEta"));
    cancelButton_ = new QPushButton(tr("Cancel"));
    cancelButton_->setObjectName(QStringLiteral("cancelInfluence"));
    connect(cancelButton_, &QPushButton::clicked, this, &InfluencePage::cancelCompute);
    auto * layout = new QHBoxLayout(progressPanel_);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(progressStage_);
    layout->addWidget(progress_, 1);
    layout->addWidget(progressEta_);
    layout->addWidget(cancelButton_);
    progressPanel_->setVisible(false);
    return progressPanel_;
}

void InfluencePage::showEmptyState(const QString & message, bool offerCompute) {
    emptyText_->setText(message);
    computeButton_->setVisible(offerCompute);
    computeButton_->setEnabled(offerCompute && !computeRunner_->isBusy());
    stack_->setCurrentWidget(empty_);
}

void InfluencePage::applyFilter() {
    const QModelIndex current = table_->selectionModel()->currentIndex();
    const int sample = current.isValid() ? model_->sampleRow(current.row()) : -1;
    const std::vector<int> selected = selectedSamples();
    model_->setFilter(filterBar_->filter());
    filterBar_->setRegexError(model_->filterValid() ? QString() : tr("the pattern does not compile"));
    std::vector<int> keep;
    if (sample >= 0)
        keep.push_back(sample);
    for (int s : selected)
        if (s != sample)
            keep.push_back(s);
    selectSamples(keep);   // the reset dropped the selection; rows still shown keep it
    updateSummary();
}

void InfluencePage::updateSummary() {
    const InfluenceData * d = model_->influence();
    if (!d) {
        summary_->clear();
        return;
    }
    const QLocale l;
    QString text = tr("%1 of %2 rows").arg(l.toString(model_->rowCount())).arg(l.toString(d->rows()));
    if (!d->rankBy.isEmpty())
        text += QStringLiteral(" \u00b7 ") + tr("ranked by %1").arg(d->rankBy);
    if (d->detectionAuc >= 0)
        text += QStringLiteral(" \u00b7 ") + tr("poison detection AUC %1").arg(l.toString(d->detectionAuc, 'f', 3));
    summary_->setText(text);
    staleBanner_->setVisible(stale_);
}

void InfluencePage::updateActions() {
    const bool any = !selectedSamples().empty();
    const bool idle = !computeRunner_->isBusy() && !loadRunner_->isBusy();
    for (QAction * a : {addForget_, removeForget_, addRetain_, removeRetain_, exportJsonl_, exportCsv_})
        a->setEnabled(any && idle);
    recompute_->setEnabled(idle && !dir_.isEmpty());
}

std::vector<int> InfluencePage::selectedSamples() const {
    std::vector<int> out;
    QModelIndexList rows = table_->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(), [](const QModelIndex & a, const QModelIndex & b) { return a.row() < b.row(); });
    for (const QModelIndex & i : rows)
        out.push_back(model_->sampleRow(i.row()));
    return out;
}

void InfluencePage::selectSamples(const std::vector<int> & rows) {
    std::vector<int> viewRowOf(size_t(model_->totalRows()), -1);   // O(n) once, not O(n) per sample
    for (int r = 0; r < model_->rowCount(); r++)
        viewRowOf[size_t(model_->sampleRow(r))] = r;
    std::vector<int> viewRows;
    for (int s : rows)
        if (s >= 0 && s < int(viewRowOf.size()) && viewRowOf[size_t(s)] >= 0)
            viewRows.push_back(viewRowOf[size_t(s)]);
    QItemSelectionModel * sm = table_->selectionModel();
    if (viewRows.empty()) {
        sm->clearSelection();
        return;
    }
    const int first = viewRows.front();
    std::sort(viewRows.begin(), viewRows.end());
    QItemSelection selection;   // contiguous view rows as one range each
    const int last = InfluenceTableModel::ColumnCount - 1;
    for (size_t k = 0; k < viewRows.size();) {
        size_t e = k;
        while (e + 1 < viewRows.size() && viewRows[e + 1] <= viewRows[e] + 1)
            e++;
        selection.select(model_->index(viewRows[k], 0), model_->index(viewRows[e], last));
        k = e + 1;
    }
    sm->setCurrentIndex(model_->index(first, 0), QItemSelectionModel::NoUpdate);
    sm->select(selection, QItemSelectionModel::ClearAndSelect);
    table_->scrollTo(model_->index(first, 0));
}

void InfluencePage::setForgetQuery(int forgetIndex) {
    detail_->setQuery(forgetIndex);
    queryPicked_ = true;
    requestExplain();
}

void InfluencePage::onCurrentChanged() { selectionTimer_->start(); }

bool InfluencePage::addToForget(const std::vector<int> & rows) { return editSet("forget", true, rows); }
bool InfluencePage::removeFromForget(const std::vector<int> & rows) { return editSet("forget", false, rows); }
bool InfluencePage::addToRetain(const std::vector<int> & rows) { return editSet("retain", true, rows); }
bool InfluencePage::removeFromRetain(const std::vector<int> & rows) { return editSet("retain", false, rows); }

bool InfluencePage::editSet(const std::string & role, bool add, const std::vector<int> & rows) {
    const std::shared_ptr<const InfluenceData> data = model_->influencePtr();
    if (!data || rows.empty() || computeRunner_->isBusy())
        return false;
    const QString set = role == "forget" ? tr("forget set") : tr("retain set");
    try {
        const int n = add ? addToSet(*data, role, rows) : removeFromSet(*data, role, rows);
        if (n == 0)
            return false;
        model_->setMembership(loadMembership(*data));
        detail_->setForgetQueries(model_->membership().forget);
        if (role == "forget")
            stale_ = stale_ || data->hasRanking;
        updateSummary();
        showCurrentSample();   // the row's set and weight changed
    } catch (const std::exception & e) {
        Q_EMIT failure(add ? tr("Could not add to the %1").arg(set) : tr("Could not remove from the %1").arg(set),
                       QString::fromUtf8(e.what()));
        return false;
    }
    Q_EMIT datasetsChanged();
    return true;
}

bool InfluencePage::exportRows(const std::vector<int> & rows, const QString & path, ExportFormat format) {
    const InfluenceData * data = model_->influence();
    if (!data || path.isEmpty())
        return false;
    try {
        if (format == ExportFormat::Jsonl)
            exportJsonl(path, *data, rows);
        else
            exportCsv(path, *data, model_->membership(), rows);
    } catch (const std::exception & e) {
        Q_EMIT failure(tr("Could not export the rows"), QString::fromUtf8(e.what()));
        return false;
    }
    return true;
}

void InfluencePage::exportSelection(ExportFormat format) {
    const bool jsonl = format == ExportFormat::Jsonl;
    const QString path = QFileDialog::getSaveFileName(
        this, jsonl ? tr("Export rows as JSONL") : tr("Export rows as CSV"),
        dir_ + (jsonl ? QStringLiteral("/selection.jsonl") : QStringLiteral("/selection.csv")),
        jsonl ? tr("JSON Lines (*.jsonl)") : tr("CSV (*.csv)"));
    if (!path.isEmpty())
        exportRows(selectedSamples(), path, format);
}

} // namespace rapidun::ui
