// The filter bar above the Influence table: text or regular expression (id, instruction, trigger
// variant), category, set membership, poisoned flag and a score range (empty bound = open; the
// histogram's brush fills both). Emits filterChanged() on every edit (each keystroke: the model
// filters 52k rows well inside a keystroke's budget). GUI thread only.
#pragma once
#include "influence_table_model.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QToolButton;

namespace rapidun::ui {

class InfluenceFilterBar : public QWidget {
    Q_OBJECT
public:
    explicit InfluenceFilterBar(QWidget * parent = nullptr);

    InfluenceFilter filter() const;
    void setCategories(const QStringList & categories);   // keeps the pick when it still exists
    void setPoisonFilterEnabled(bool enabled);            // off when no row carries is_poisoned
    void setScoreRange(double lo, double hi);             // the brush: fills both bounds, emits filterChanged
    void clearScoreRange();                               // emits filterChanged when a bound was set
    void setRegexError(const QString & error);            // empty: the pattern is fine
    void reset();                                         // everything open; emits filterChanged once

    QLineEdit * textEdit() const { return text_; }
    QCheckBox * regexBox() const { return regex_; }
    QComboBox * categoryBox() const { return category_; }
    QComboBox * roleBox() const { return role_; }
    QComboBox * poisonBox() const { return poisoned_; }
    QLineEdit * scoreMinEdit() const { return scoreMin_; }
    QLineEdit * scoreMaxEdit() const { return scoreMax_; }

Q_SIGNALS:
    void filterChanged();
    void scoreRangeEdited(double lo, double hi);   // typed bounds (open = +-inf), for the histogram

private:
    void onScoreEdited();
    double bound(const QLineEdit * edit, double open) const;

    QLineEdit *   text_ = nullptr;
    QCheckBox *   regex_ = nullptr;
    QComboBox *   category_ = nullptr;
    QComboBox *   role_ = nullptr;
    QComboBox *   poisoned_ = nullptr;
    QLineEdit *   scoreMin_ = nullptr;
    QLineEdit *   scoreMax_ = nullptr;
    QToolButton * reset_ = nullptr;
    // The brushed bounds exactly (the edits show them rounded); NaN when typed.
    double brushLo_, brushHi_;
    bool   quiet_ = false;
};

} // namespace rapidun::ui
