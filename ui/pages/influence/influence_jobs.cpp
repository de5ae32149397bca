// InfluencePage, second half: the jobs. Loading the rows, computing influence and the token-wise
// explanation each run on their own JobRunner; their results reach the page on the GUI thread.
#include "influence_page.h"

#include "influence_filter_bar.h"
#include "job_runner.h"
#include "sample_detail.h"
#include "score_histogram.h"

#include "rapidun/influence/workspace_influence.h"
#include "rapidun/workspace/workspace.h"

#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QStackedWidget>
#include <QTableView>

#include <cmath>

namespace rapidun::ui {
namespace {

QString stageName(const std::string & stage) {
    if (stage == "forget") return InfluencePage::tr("Sketching the forget set");
    if (stage == "retain") return InfluencePage::tr("Sketching the retain set");
    if (stage == "train") return InfluencePage::tr("Sketching the train set");
    if (stage == "views") return InfluencePage::tr("Influence views");
    if (stage == "rank") return InfluencePage::tr("Ranking");
    return InfluencePage::tr("Influence");
}

} // namespace

void InfluencePage::setWorkspace(const QString & dir) {
    dir_ = dir;
    stale_ = false;
    queryPicked_ = false;
    if (loadRunner_->isBusy()) {   // the running load is for another folder: cancel, reload when idle
        reloadPending_ = true;
        loadRunner_->cancel();
        return;
    }
    startLoad();
}

void InfluencePage::clear() {
    dir_.clear();
    loadRunner_->cancel();
    reloadPending_ = false;
    model_->clear();
    histogram_->clear();
    detail_->clear();
    detail_->setForgetQueries({});
    filterBar_->setCategories({});
    stale_ = false;
    updateSummary();
    showEmptyState(tr("No workspace is open."), false);
}

bool InfluencePage::isBusy() const { return loadRunner_->isBusy() || computeRunner_->isBusy(); }

bool InfluencePage::hasRanking() const { return model_->influence() && model_->influence()->hasRanking; }

void InfluencePage::refreshBusy() {
    const bool busy = isBusy();
    if (busy != wasBusy_ || busy) {
        wasBusy_ = busy;
        Q_EMIT busyChanged(busy, computeRunner_->isBusy() ? tr("Computing influence\u2026")
                                 : loadRunner_->isBusy()  ? tr("Loading influence\u2026")
                                                          : QString());
    }
    updateActions();
}

void InfluencePage::startLoad() {
    if (dir_.isEmpty())
        return;
    if (!model_->influence())
        showEmptyState(tr("Loading the training rows and their influence\u2026"), false);
    const QString dir = dir_;
    loadRunner_->start<LoadedInfluence>(
        tr("Loading influence"), [dir](JobHandle & h) { return loadInfluenceData(dir, h.tokenPtr()); },
        [this](LoadedInfluence && loaded) { showLoaded(std::move(loaded)); });
    refreshBusy();
}

void InfluencePage::connectRunners() {
    connect(loadRunner_, &JobRunner::idle, this, [this] {
        if (reloadPending_) {
            reloadPending_ = false;
            startLoad();
        }
    });
    connect(loadRunner_, &JobRunner::failed, this, [this](const QString & error) {
        if (reloadPending_)
            return;   // a newer folder is on its way
        model_->clear();
        showEmptyState(tr("The workspace's rows could not be read."), false);
        Q_EMIT failure(tr("Could not load influence"), error);
        Q_EMIT loaded();
    });
    connect(computeRunner_, &JobRunner::progress, this,
            [this](double fraction, const QString & stage, const QString & message, double eta) {
                progress_->setValue(int(std::lround(fraction * 1000)));
                progressStage_->setText(stage + QStringLiteral("  ") + message);
                progressEta_->setText(eta > 0 ? tr("about %1 s left").arg(std::ceil(eta)) : QString());
            });
    connect(computeRunner_, &JobRunner::failed, this,
            [this](const QString & error) { Q_EMIT failure(tr("Influence computation failed"), error); });
    connect(computeRunner_, &JobRunner::idle, this, [this] {
        progressPanel_->setVisible(false);
        computeButton_->setEnabled(true);
        if (!explainRunner_->isBusy() && pendingSample_ >= 0)
            startExplain(pendingSample_, pendingQuery_);
    });
    connect(explainRunner_, &JobRunner::failed, this, [this](const QString & error) {
        if (detail_->sample() == explainSample_ && detail_->query() == explainQuery_) {
            detail_->setExplainMessage(tr("No token-wise influence for this row: %1").arg(error));
            Q_EMIT explained();
        }
    });
    connect(explainRunner_, &JobRunner::idle, this, [this] {
        if (pendingSample_ >= 0 && !computeRunner_->isBusy())
            startExplain(pendingSample_, pendingQuery_);
    });
    for (JobRunner * r : {loadRunner_, computeRunner_})
        connect(r, &JobRunner::idle, this, &InfluencePage::refreshBusy);
}

void InfluencePage::showLoaded(LoadedInfluence && result) {
    if (reloadPending_ || result.data->dir != dir_)
        return;   // a later setWorkspace() wins
    const InfluenceData & d = *result.data;
    stale_ = d.stale;
    detail_->setForgetQueries(result.membership.forget);
    filterBar_->setCategories(d.categories);
    filterBar_->setPoisonFilterEnabled(d.hasPoisonFlags);
    const QModelIndex current = table_->selectionModel()->currentIndex();
    const int keep = current.isValid() ? model_->sampleRow(current.row()) : -1;
    model_->clear();   // so that the filter below is not applied to the rows being replaced
    model_->setFilter(filterBar_->filter());
    model_->setInfluence(result.data, std::move(result.membership));
    histogram_->setScores(d.score, d.poisoned);
    updateSummary();
    if (!d.hasRanking) {
        showEmptyState(tr("This workspace has no influence ranking yet. Computing it sketches the gradients of "
                          "all %1 training rows and ranks them by their influence on the forget set.")
                           .arg(QLocale().toString(d.rows())),
                       true);
    } else {
        stack_->setCurrentWidget(content_);
        table_->resizeColumnsToContents();   // samples rows; once per load (style guide 2.9)
        if (keep >= 0 && keep < d.rows())
            selectSamples({keep});
        else
            detail_->clear();
    }
    Q_EMIT loaded();
}

bool InfluencePage::computeInfluence() {
    if (dir_.isEmpty() || computeRunner_->isBusy())
        return false;
    const QString dir = dir_;
    auto work = [dir](JobHandle & h) {
        const rapidun::Workspace w = rapidun::Workspace::load(dir.toStdString());
        const rapidun::WorkspaceInfluenceOptions o = rapidun::last_influence_options(w);
        auto progress = [&h](const rapidun::InfluenceJobProgress & p) {
            h.report(p.fraction, stageName(p.stage), QStringLiteral("%1 / %2").arg(p.done).arg(p.total), p.eta_seconds);
        };
        return QString::fromStdString(rapidun::run_workspace_influence(w, o, progress, h.tokenPtr()).dump());
    };
    const bool started = computeRunner_->start<QString>(tr("Computing influence"), work, [this](QString &&) {
        stale_ = false;
        startLoad();
    });
    if (!started)
        return false;
    progress_->setValue(0);
    progressStage_->setText(tr("Starting\u2026"));
    progressEta_->clear();
    cancelButton_->setEnabled(true);
    progressPanel_->setVisible(true);
    computeButton_->setEnabled(false);
    refreshBusy();
    return true;
}

void InfluencePage::cancelCompute() {
    if (!computeRunner_->isBusy())
        return;
    computeRunner_->cancel();
    cancelButton_->setEnabled(false);
    progressStage_->setText(tr("Cancelling\u2026"));
}

// ---------------------------------------------------------------------------------------------
// Detail pane and token-wise influence

void InfluencePage::showCurrentSample() {
    const QModelIndex current = table_->selectionModel()->currentIndex();
    const InfluenceData * d = model_->influence();
    if (!current.isValid() || !d) {
        detail_->clear();
        return;
    }
    const int s = model_->sampleRow(current.row());
    const QLocale l;
    QStringList facts;
    if (d->rank[size_t(s)] > 0)
        facts << tr("rank %1").arg(d->rank[size_t(s)]);
    if (!std::isnan(d->score[size_t(s)]))
        facts << tr("score %1").arg(l.toString(d->score[size_t(s)], 'g', 4));
    facts << tr("set: %1").arg(model_->roleName(s));
    const double w = model_->membership().weight[size_t(s)];
    if (!std::isnan(w))
        facts << tr("weight %1").arg(l.toString(w, 'g', 4));
    if (!d->category[size_t(s)].isEmpty())
        facts << tr("category: %1").arg(d->category[size_t(s)]);
    if (d->poisoned[size_t(s)])
        facts << tr("poisoned (%1, %2)").arg(d->family[size_t(s)], d->variant[size_t(s)]);
    detail_->showSample(s, d->train[size_t(s)], facts);
    if (!queryPicked_ && d->topForget[size_t(s)] >= 0)
        detail_->setQuery(d->topForget[size_t(s)]);
    requestExplain();
}

void InfluencePage::requestExplain() {
    const int s = detail_->sample(), q = detail_->query();
    if (s < 0)
        return;
    if (q < 0) {
        detail_->setExplainMessage(tr("The forget set is empty: there is no query to explain against."));
        Q_EMIT explained();
        return;
    }
    detail_->setExplaining();
    if (explainRunner_->isBusy() || computeRunner_->isBusy()) {
        pendingSample_ = s;   // the newest request replaces an older waiting one
        pendingQuery_ = q;
        return;
    }
    startExplain(s, q);
}

void InfluencePage::startExplain(int sample, int query) {
    pendingSample_ = pendingQuery_ = -1;
    const QString dir = dir_;
    auto work = [dir, sample, query](JobHandle &) {
        const rapidun::Workspace w = rapidun::Workspace::load(dir.toStdString());
        // Saved in the workspace (influence/explanations/), so that the rows looked at are in the report.
        return rapidun::saved_explanation(w, "forget", size_t(query), "train", size_t(sample));
    };
    auto done = [this, sample, query](rapidun::TokenExplanation && e) {
        if (detail_->sample() != sample || detail_->query() != query)
            return;   // the user moved on; the pending request covers the new pair
        detail_->setExplanation(e.pieces, e.contribution, e.is_answer, e.score);
        Q_EMIT explained();
    };
    explainSample_ = sample;
    explainQuery_ = query;
    explainRunner_->start<rapidun::TokenExplanation>(tr("Token-wise influence"), work, done);
}

} // namespace rapidun::ui
