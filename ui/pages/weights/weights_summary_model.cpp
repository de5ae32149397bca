// Summary table model (see weights_summary_model.h).
#include "weights_summary_model.h"

#include <QLocale>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <limits>

namespace rapidun::ui {

WeightsSummaryModel::WeightsSummaryModel(QObject * parent) : QAbstractTableModel(parent) {}

void WeightsSummaryModel::setWeights(const RapidUnWeights & w) {
    beginResetModel();
    values_.assign(NStats, {0.0, 0.0});
    int col = 0;
    std::vector<double> scratch;
    for (const GroupWeights * g : {&w.forget, &w.retain}) {
        values_[Samples][col] = double(g->weight.size());
        values_[MedianScore][col] = g->median;
        values_[Mad][col] = g->mad;
        values_[Sigma][col] = g->sigma;
        values_[AtLower][col] = double(g->n_at_min);
        values_[AtUpper][col] = double(g->n_at_max);
        if (!g->weight.empty()) {
            // O(n): no sort per knob move (52,002 weights); the median as median_of computes it.
            scratch = g->weight;
            const size_t n = scratch.size(), mid = n / 2;
            std::nth_element(scratch.begin(), scratch.begin() + long(mid), scratch.end());
            double median = scratch[mid];
            if (n % 2 == 0)
                median = 0.5 * (*std::max_element(scratch.begin(), scratch.begin() + long(mid)) + median);
            values_[MinWeight][col] = *std::min_element(g->weight.begin(), g->weight.end());
            values_[MedianWeight][col] = median;
            values_[MaxWeight][col] = *std::max_element(g->weight.begin(), g->weight.end());
            values_[MeanWeight][col] = std::accumulate(g->weight.begin(), g->weight.end(), 0.0) / double(n);
        }
        ++col;
    }
    endResetModel();
}

void WeightsSummaryModel::clear() {
    beginResetModel();
    values_.clear();
    endResetModel();
}

double WeightsSummaryModel::value(Stat stat, int group) const {
    if (values_.empty() || stat < 0 || stat >= NStats || group < 0 || group > 1)
        return std::numeric_limits<double>::quiet_NaN();
    return values_[stat][size_t(group)];
}

int WeightsSummaryModel::rowCount(const QModelIndex & parent) const {
    return parent.isValid() || values_.empty() ? 0 : NStats;
}

int WeightsSummaryModel::columnCount(const QModelIndex & parent) const {
    return parent.isValid() ? 0 : 2;
}

QVariant WeightsSummaryModel::data(const QModelIndex & index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const double v = values_[size_t(index.row())][size_t(index.column())];
    switch (role) {
    case RawValueRole: return v;
    case Qt::DisplayRole: {
        const Stat s = Stat(index.row());
        if (s == Samples || s == AtLower || s == AtUpper)
            return QLocale().toString(qint64(v));
        return QLocale().toString(v, 'g', 5);
    }
    case Qt::TextAlignmentRole: return int(Qt::AlignRight | Qt::AlignVCenter);
    default: return {};
    }
}

QVariant WeightsSummaryModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Horizontal) {
        if (section == 0)
            return tr("Forget");
        if (section == 1)
            return tr("Retain");
        return {};
    }
    switch (Stat(section)) {
    case Samples: return tr("Samples");
    case MedianScore: return tr("Median score");
    case Mad: return tr("MAD of the scores");
    case Sigma: return tr("Sigma (z = (S - median) / sigma)");
    case AtLower: return tr("Clipped at the lower bound");
    case AtUpper: return tr("Clipped at the upper bound");
    case MinWeight: return tr("Minimum weight");
    case MedianWeight: return tr("Median weight");
    case MaxWeight: return tr("Maximum weight");
    case MeanWeight: return tr("Mean weight");
    case NStats: break;
    }
    return {};
}

} // namespace rapidun::ui
