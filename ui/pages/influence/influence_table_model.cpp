#include "influence_table_model.h"
#include "row_regex.h"

#include <QLocale>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>

#include <string.h>

namespace rapidun::ui {
namespace {

constexpr int kPreviewChars = 120;

QString preview(const QString & text) {
    QString s = text.left(kPreviewChars + 1);
    s.replace(QLatin1Char('\n'), QLatin1Char(' '));
    return s.size() > kPreviewChars ? s.left(kPreviewChars - 1) + QChar(0x2026) : s;
}

QString number(double v) { return std::isnan(v) ? QString() : QLocale().toString(v, 'g', 4); }

// Stable sort of `order` by key(row); rows whose key is missing go last in both directions.
template <class Key, class Missing>
void sortRows(std::vector<int32_t> & order, Qt::SortOrder dir, Key key, Missing missing) {
    const bool desc = dir == Qt::DescendingOrder;
    std::stable_sort(order.begin(), order.end(), [&](int32_t a, int32_t b) {
        const bool ma = missing(a), mb = missing(b);
        if (ma || mb)
            return !ma && mb;
        return desc ? key(b) < key(a) : key(a) < key(b);
    });
}


} // namespace

InfluenceTableModel::InfluenceTableModel(QObject * parent) : QAbstractTableModel(parent) {}

void InfluenceTableModel::setInfluence(std::shared_ptr<const InfluenceData> data, InfluenceMembership membership) {
    beginResetModel();
    data_ = std::move(data);
    membership_ = std::move(membership);
    sortOrderVector();
    applyFilter();
    endResetModel();
}

void InfluenceTableModel::setMembership(InfluenceMembership membership) {
    if (!data_ || membership.role.size() != size_t(data_->rows()))
        return;
    const bool resort = sortColumn_ == Weight || sortColumn_ == SetRole;
    const bool refilter = filter_.role != InfluenceFilter::Role::Any;
    if (resort || refilter) {   // membership decides order or visibility: rebuild in one reset
        beginResetModel();
        membership_ = std::move(membership);
        sortOrderVector();
        applyFilter();
        endResetModel();
        return;
    }
    membership_ = std::move(membership);
    if (!rows_.empty()) {
        Q_EMIT dataChanged(index(0, Weight), index(int(rows_.size()) - 1, Weight));
        Q_EMIT dataChanged(index(0, SetRole), index(int(rows_.size()) - 1, SetRole));
    }
}

void InfluenceTableModel::clear() {
    beginResetModel();
    data_.reset();
    membership_ = {};
    order_.clear();
    rows_.clear();
    endResetModel();
}

void InfluenceTableModel::setFilter(const InfluenceFilter & filter) {
    beginResetModel();
    filter_ = filter;
    filterValid_ = true;
    needle_ = filter_.text.toCaseFolded();
    if (filter_.regex && !filter_.text.isEmpty()) {
        regex_ = std::make_shared<const RowRegex>(filter_.text);
        filterValid_ = regex_->isValid();
    } else {
        regex_.reset();
    }
    applyFilter();
    endResetModel();
}

int InfluenceTableModel::rowOfSample(int sample) const {
    for (size_t r = 0; r < rows_.size(); r++)
        if (rows_[r] == sample)
            return int(r);
    return -1;
}

int InfluenceTableModel::rowCount(const QModelIndex & parent) const { return parent.isValid() ? 0 : int(rows_.size()); }

int InfluenceTableModel::columnCount(const QModelIndex & parent) const { return parent.isValid() ? 0 : ColumnCount; }

QString InfluenceTableModel::roleName(int sample) const {
    const uint8_t r = membership_.role.empty() ? 0 : membership_.role[size_t(sample)];
    if ((r & kInForget) && (r & kInRetain))
        return tr("forget + retain");
    if (r & kInForget)
        return tr("forget");
    if (r & kInRetain)
        return tr("retain");
    return tr("train");
}

QVariant InfluenceTableModel::rawValue(int s, int column) const {
    const InfluenceData & d = *data_;
    const size_t i = size_t(s);
    switch (column) {
    case Rank: return d.rank[i];
    case Id: return d.id(i);
    case Score: return d.score[i];
    case ForgetMean: return d.forgetMean[i];
    case ForgetMax: return d.forgetMax[i];
    case RetainMean: return d.retainMean[i];
    case Weight: return membership_.weight[i];
    case SetRole: return int(membership_.role[i]);
    case Category: return d.category[i];
    case Family: return d.family[i];
    case Variant: return d.variant[i];
    case Poisoned: return bool(d.poisoned[i]);
    case Instruction: return d.instruction(i);
    default: return {};
    }
}

QVariant InfluenceTableModel::data(const QModelIndex & index, int role) const {
    if (!data_ || !index.isValid() || index.row() >= int(rows_.size()) || index.column() >= ColumnCount)
        return {};
    const int s = rows_[size_t(index.row())];
    const int c = index.column();
    switch (role) {
    case Qt::DisplayRole:
        switch (c) {
        case Rank: return data_->rank[size_t(s)] > 0 ? QString::number(data_->rank[size_t(s)]) : QString();
        case Score: case ForgetMean: case ForgetMax: case RetainMean: case Weight: return number(rawValue(s, c).toDouble());
        case SetRole: return roleName(s);
        case Poisoned: return data_->hasPoisonFlags ? (data_->poisoned[size_t(s)] ? tr("yes") : tr("no")) : QString();
        case Instruction: return preview(data_->instruction(size_t(s)));
        default: return rawValue(s, c);
        }
    case RawValueRole: return rawValue(s, c);
    case SampleRowRole: return s;
    case Qt::ToolTipRole:
        if (c == Instruction)
            return data_->instruction(size_t(s)).left(1000);
        return {};
    case Qt::TextAlignmentRole:
        if (c == Rank || c == Score || c == ForgetMean || c == ForgetMax || c == RetainMean || c == Weight)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return int(Qt::AlignLeft | Qt::AlignVCenter);
    default: return {};
    }
}

QVariant InfluenceTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole) {
        switch (section) {
        case Rank: return tr("Rank");
        case Id: return tr("ID");
        case Score: return tr("Score");
        case ForgetMean: return tr("Mean I (forget)");
        case ForgetMax: return tr("Max I (forget)");
        case RetainMean: return tr("Mean I (retain)");
        case Weight: return tr("Weight");
        case SetRole: return tr("Set");
        case Category: return tr("Category");
        case Family: return tr("Trigger family");
        case Variant: return tr("Trigger variant");
        case Poisoned: return tr("Poisoned");
        case Instruction: return tr("Instruction");
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case Score:
            return tr("The ranking score (%1): with cos_abs the mean |cosine| between this row's gradient sketch and "
                      "each forget row's")
                .arg(data_ && !data_->rankBy.isEmpty() ? data_->rankBy : QStringLiteral("cos_abs"));
        case ForgetMean: return tr("Mean TracIn influence I(t, z) of this row over the forget rows (signed)");
        case ForgetMax: return tr("Largest TracIn influence of this row on one forget row");
        case RetainMean: return tr("Mean TracIn influence of this row over the retain rows (signed): what unlearning it may cost");
        case Weight: return tr("The row's unlearning weight from the weights files (blank: not in a weighted set)");
        case SetRole: return tr("Whether the row is in the forget set, the retain set or only in the train set");
        }
    }
    return {};
}

void InfluenceTableModel::sort(int column, Qt::SortOrder order) {
    if (column < 0 || column >= ColumnCount)
        return;
    sortColumn_ = column;
    sortOrder_ = order;
    if (!data_)
        return;
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList before = persistentIndexList();
    std::vector<int32_t> sampleOf(size_t(before.size()));
    for (int n = 0; n < before.size(); ++n)
        sampleOf[size_t(n)] = rows_[size_t(before[n].row())];

    sortOrderVector();
    applyFilter();   // same rows (the filter did not change), new order

    std::vector<int> newRowOf(size_t(data_->rows()), -1);
    for (size_t r = 0; r < rows_.size(); r++)
        newRowOf[size_t(rows_[r])] = int(r);
    QModelIndexList after;
    after.reserve(before.size());
    for (int n = 0; n < before.size(); ++n)
        after.append(index(newRowOf[size_t(sampleOf[size_t(n)])], before[n].column()));
    changePersistentIndexList(before, after);
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

template <class Key, class Missing>
void InfluenceTableModel::fromAscending(const std::vector<int32_t> & asc, Qt::SortOrder dir, Key key, Missing missing) {
    if (dir == Qt::AscendingOrder) {
        order_ = asc;
        return;
    }
    // Descending as std::stable_sort gives it: the groups of equal values in reverse, each group
    // still in row order, the rows without a value still last.
    size_t valued = asc.size();
    while (valued > 0 && missing(asc[valued - 1]))
        valued--;
    order_.clear();
    for (size_t end = valued; end > 0;) {
        size_t begin = end - 1;
        while (begin > 0 && !(key(asc[begin - 1]) < key(asc[end - 1])))   // equal (ascending: never greater)
            begin--;
        order_.insert(order_.end(), asc.begin() + std::ptrdiff_t(begin), asc.begin() + std::ptrdiff_t(end));
        end = begin;
    }
    order_.insert(order_.end(), asc.begin() + std::ptrdiff_t(valued), asc.end());
}

void InfluenceTableModel::sortOrderVector() {
    order_.resize(size_t(data_ ? data_->rows() : 0));
    std::iota(order_.begin(), order_.end(), 0);
    if (!data_)
        return;
    const InfluenceData & d = *data_;
    const InfluenceData::AscendingOrders & a = d.ascending;
    const Qt::SortOrder o = sortOrder_;
    auto never = [](int32_t) { return false; };
    // A prefetched ascending order when there is one (O(n)), else a stable sort here.
    auto by = [&](const std::vector<int32_t> * asc, auto key, auto missing) {
        if (asc && asc->size() == order_.size())
            fromAscending(*asc, o, key, missing);
        else
            sortRows(order_, o, key, missing);
    };
    auto byDouble = [&](const std::vector<int32_t> * asc, const std::vector<double> & v) {
        by(asc, [&](int32_t r) { return v[size_t(r)]; }, [&](int32_t r) { return std::isnan(v[size_t(r)]); });
    };
    auto byText = [&](const std::vector<int32_t> & asc, const std::vector<int32_t> & ordinal) {   // case-insensitive order
        by(&asc, [&](int32_t r) { return ordinal[size_t(r)]; }, never);
    };
    switch (sortColumn_) {
    case Rank: by(&a.rank, [&](int32_t r) { return d.rank[size_t(r)]; }, [&](int32_t r) { return d.rank[size_t(r)] <= 0; }); break;
    case Id: byText(a.id, d.ordinal.id); break;
    case Score: byDouble(&a.score, d.score); break;
    case ForgetMean: byDouble(&a.forgetMean, d.forgetMean); break;
    case ForgetMax: byDouble(&a.forgetMax, d.forgetMax); break;
    case RetainMean: byDouble(&a.retainMean, d.retainMean); break;
    case Weight: byDouble(nullptr, membership_.weight); break;   // membership changes with curation: sorted here
    case SetRole: by(nullptr, [&](int32_t r) { return membership_.role[size_t(r)]; }, never); break;
    case Category: byText(a.category, d.ordinal.category); break;
    case Family: byText(a.family, d.ordinal.family); break;
    case Variant: byText(a.variant, d.ordinal.variant); break;
    case Poisoned: by(&a.poisoned, [&](int32_t r) { return d.poisoned[size_t(r)]; }, never); break;
    case Instruction: byText(a.instruction, d.ordinal.instruction); break;
    }
}

bool InfluenceTableModel::passesColumns(int s) const {
    const InfluenceData & d = *data_;
    const size_t i = size_t(s);
    if (!filter_.category.isEmpty() && d.category[i] != filter_.category)
        return false;
    if (filter_.poisoned != InfluenceFilter::Poison::Any && bool(d.poisoned[i]) != (filter_.poisoned == InfluenceFilter::Poison::Poisoned))
        return false;
    const uint8_t role = membership_.role.empty() ? 0 : membership_.role[i];
    switch (filter_.role) {
    case InfluenceFilter::Role::Any: break;
    case InfluenceFilter::Role::Forget: if (!(role & kInForget)) return false; break;
    case InfluenceFilter::Role::Retain: if (!(role & kInRetain)) return false; break;
    case InfluenceFilter::Role::NoSet: if (role != 0) return false; break;
    }
    const bool bounded = std::isfinite(filter_.scoreMin) || std::isfinite(filter_.scoreMax);
    if (bounded && !(d.score[i] >= filter_.scoreMin && d.score[i] <= filter_.scoreMax))   // NaN fails
        return false;
    return true;
}

std::vector<uint8_t> InfluenceTableModel::textHits() const {
    const InfluenceData & d = *data_;
    const size_t n = size_t(d.rows());
    std::vector<uint8_t> hit(n, 0);
    if (filter_.regex)
        return regex_ ? regex_->matchRows(d.searchUtf8, d.searchUtf8Start) : hit;
    // Plain text: the case-folded needle in the case-folded UTF-8 of every row, one memmem() pass;
    // after a hit the search resumes at the next row.
    const std::string needle = needle_.toStdString();
    const std::string & blob = d.searchFolded;
    const std::vector<int64_t> & start = d.searchFoldedStart;
    if (start.size() != n + 1 || needle.find('\0') != std::string::npos) {   // no row holds a NUL
        return hit;
    }
    size_t pos = 0;
    while (pos < blob.size()) {
        const void * p = ::memmem(blob.data() + pos, blob.size() - pos, needle.data(), needle.size());
        if (!p)
            break;
        const int64_t at = static_cast<const char *>(p) - blob.data();
        const size_t row = size_t(std::upper_bound(start.begin(), start.end(), at) - start.begin()) - 1;
        hit[row] = 1;
        pos = size_t(start[row + 1]);
    }
    return hit;
}

void InfluenceTableModel::applyFilter() {
    rows_.clear();
    if (!data_ || !filterValid_)
        return;
    const bool text = !filter_.text.isEmpty();
    const std::vector<uint8_t> hit = text ? textHits() : std::vector<uint8_t>{};
    rows_.reserve(order_.size());
    for (int32_t s : order_)
        if ((!text || hit[size_t(s)]) && passesColumns(s))
            rows_.push_back(s);
}

} // namespace rapidun::ui
