// The Influence page's table: one row per training sample over InfluenceData's column vectors
// (style guide 2.9). Sorting and filtering happen here, not in a proxy: order_ is every train row in
// the sort order (a stable sort on raw values: from the worker's prefetched ascending orders in O(n),
// else std::stable_sort), rows_ the ones that pass the filter, in that order (plain text: one memmem
// pass over InfluenceData::searchFolded; a regular expression: per row, on every core). sort() keeps the rows and emits layoutChanged with persistent indexes remapped (a selection
// stays on its samples); a filter change is one model reset. GUI thread only.
#pragma once
#include "influence_data.h"

#include <QAbstractTableModel>

#include <limits>
#include <memory>
#include <vector>

namespace rapidun::ui {

class RowRegex;

struct InfluenceFilter {
    enum class Role { Any, Forget, Retain, NoSet };   // NoSet: in neither the forget nor the retain set
    enum class Poison { Any, Poisoned, Clean };
    QString text;            // matched (case-insensitive) against id, instruction and trigger variant
    bool    regex = false;   // text is a regular expression (multi-line: ^ and $ match at each field's and
                             // line's ends); an invalid one matches no row
    QString category;        // empty = any
    Role    role = Role::Any;
    Poison  poisoned = Poison::Any;
    double  scoreMin = -std::numeric_limits<double>::infinity();   // inclusive; unranked rows fail a finite bound
    double  scoreMax = std::numeric_limits<double>::infinity();
};

class InfluenceTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Rank, Id, Score, ForgetMean, ForgetMax, RetainMean, Weight, SetRole, Category, Family, Variant, Poisoned,
                  Instruction, ColumnCount };
    enum Role { RawValueRole = Qt::UserRole + 1,   // double / int / QString as sorted; NaN for blank numbers
                SampleRowRole };                   // int: the row of train.jsonl

    explicit InfluenceTableModel(QObject * parent = nullptr);

    // Replaces everything in one reset; keeps the sort column and order and the filter.
    void setInfluence(std::shared_ptr<const InfluenceData> data, InfluenceMembership membership);
    void setMembership(InfluenceMembership membership);   // dataChanged on Weight and SetRole
    void clear();
    void setFilter(const InfluenceFilter & filter);
    const InfluenceFilter & filter() const { return filter_; }
    bool filterValid() const { return filterValid_; }   // false: the regular expression does not compile

    const InfluenceData *       influence() const { return data_.get(); }
    std::shared_ptr<const InfluenceData> influencePtr() const { return data_; }
    const InfluenceMembership & membership() const { return membership_; }
    int sampleRow(int row) const { return rows_[size_t(row)]; }   // view row -> train row
    int rowOfSample(int sample) const;                          // -1 when filtered out
    int totalRows() const { return data_ ? data_->rows() : 0; }
    int sortColumn() const { return sortColumn_; }
    Qt::SortOrder sortOrder() const { return sortOrder_; }

    int rowCount(const QModelIndex & parent = {}) const override;
    int columnCount(const QModelIndex & parent = {}) const override;
    QVariant data(const QModelIndex & index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    QString roleName(int sample) const;   // "forget", "retain", "forget + retain" or "train", translated

private:
    QVariant rawValue(int sample, int column) const;
    void sortOrderVector();   // order_ by sortColumn_ / sortOrder_; no signals
    template <class Key, class Missing>
    void fromAscending(const std::vector<int32_t> & asc, Qt::SortOrder dir, Key key, Missing missing);   // O(n)
    void applyFilter();       // rows_ from order_; no signals
    bool passesColumns(int sample) const;     // category, poison flag, set, score range
    std::vector<uint8_t> textHits() const;    // per train row: the text filter matches

    std::shared_ptr<const InfluenceData> data_;
    InfluenceMembership  membership_;
    std::vector<int32_t> order_;   // all train rows, sorted
    std::vector<int32_t> rows_;    // view row -> train row
    InfluenceFilter      filter_;
    std::shared_ptr<const RowRegex> regex_;   // compiled when filter_ is a regular expression
    QString              needle_;   // filter_.text case-folded
    bool                 filterValid_ = true;
    int                  sortColumn_ = Rank;
    Qt::SortOrder        sortOrder_ = Qt::AscendingOrder;
};

} // namespace rapidun::ui
