// Summary numbers of the current weights: rows = statistics (samples, median score, MAD, sigma,
// clipped at the lower / upper bound, min / median / max / mean weight), columns = forget, retain.
// DisplayRole formats; RawValueRole gives the double. Replaced in one reset per recompute.
#pragma once
#include "rapidun/unlearn/weights.h"

#include <QAbstractTableModel>

#include <array>
#include <vector>

namespace rapidun::ui {

class WeightsSummaryModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Role { RawValueRole = Qt::UserRole + 1 };
    enum Stat { Samples, MedianScore, Mad, Sigma, AtLower, AtUpper, MinWeight, MedianWeight, MaxWeight, MeanWeight, NStats };

    explicit WeightsSummaryModel(QObject * parent = nullptr);

    void setWeights(const RapidUnWeights & w);
    void clear();
    double value(Stat stat, int group) const;   // group 0 forget, 1 retain; NaN when empty

    int      rowCount(const QModelIndex & parent = {}) const override;
    int      columnCount(const QModelIndex & parent = {}) const override;
    QVariant data(const QModelIndex & index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<std::array<double, 2>> values_;   // [NStats] x (forget, retain); empty when nothing computed
};

} // namespace rapidun::ui
