#include "influence_filter_bar.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleValidator>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QToolButton>

#include <cmath>
#include <limits>

namespace rapidun::ui {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

QString shortNumber(double v) { return QLocale().toString(v, 'g', 6); }

} // namespace

InfluenceFilterBar::InfluenceFilterBar(QWidget * parent) : QWidget(parent), brushLo_(kNaN), brushHi_(kNaN) {
    text_ = new QLineEdit;
    text_->setObjectName(QStringLiteral("filterText"));
    text_->setPlaceholderText(tr("Filter by id, instruction or trigger\u2026"));
    text_->setClearButtonEnabled(true);
    text_->setMinimumWidth(200);
    regex_ = new QCheckBox(tr("Regular e&xpression"));
    regex_->setObjectName(QStringLiteral("filterRegex"));

    category_ = new QComboBox;
    category_->setObjectName(QStringLiteral("filterCategory"));
    category_->addItem(tr("All categories"), QString());

    role_ = new QComboBox;
    role_->setObjectName(QStringLiteral("filterRole"));
    role_->addItem(tr("Any set"), int(InfluenceFilter::Role::Any));
    role_->addItem(tr("Forget set"), int(InfluenceFilter::Role::Forget));
    role_->addItem(tr("Retain set"), int(InfluenceFilter::Role::Retain));
    role_->addItem(tr("Neither set"), int(InfluenceFilter::Role::NoSet));

    poisoned_ = new QComboBox;
    poisoned_->setObjectName(QStringLiteral("filterPoisoned"));
    poisoned_->addItem(tr("Poisoned and clean"), int(InfluenceFilter::Poison::Any));
    poisoned_->addItem(tr("Poisoned only"), int(InfluenceFilter::Poison::Poisoned));
    poisoned_->addItem(tr("Clean only"), int(InfluenceFilter::Poison::Clean));

    auto makeBound = [this](const QString & name, const QString & placeholder) {
        auto * e = new QLineEdit;
        e->setObjectName(name);
        e->setPlaceholderText(placeholder);
        e->setValidator(new QDoubleValidator(e));
        e->setMaximumWidth(90);
        e->setClearButtonEnabled(true);
        connect(e, &QLineEdit::textEdited, this, &InfluenceFilterBar::onScoreEdited);
        return e;
    };
    scoreMin_ = makeBound(QStringLiteral("filterScoreMin"), tr("min"));
    scoreMax_ = makeBound(QStringLiteral("filterScoreMax"), tr("max"));

    reset_ = new QToolButton;
    reset_->setObjectName(QStringLiteral("filterReset"));
    reset_->setText(tr("Reset"));
    reset_->setToolTip(tr("Show every row again"));

    auto * layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(text_, 1);
    layout->addWidget(regex_);
    layout->addWidget(category_);
    layout->addWidget(role_);
    layout->addWidget(poisoned_);
    layout->addWidget(new QLabel(tr("Score:")));
    layout->addWidget(scoreMin_);
    layout->addWidget(new QLabel(QStringLiteral("\u2013")));
    layout->addWidget(scoreMax_);
    layout->addWidget(reset_);

    auto changed = [this] {
        if (!quiet_)
            Q_EMIT filterChanged();
    };
    connect(text_, &QLineEdit::textChanged, this, changed);
    connect(regex_, &QCheckBox::toggled, this, changed);
    connect(category_, &QComboBox::currentIndexChanged, this, changed);
    connect(role_, &QComboBox::currentIndexChanged, this, changed);
    connect(poisoned_, &QComboBox::currentIndexChanged, this, changed);
    connect(reset_, &QToolButton::clicked, this, &InfluenceFilterBar::reset);
}

double InfluenceFilterBar::bound(const QLineEdit * edit, double open) const {
    if (edit->text().trimmed().isEmpty())
        return open;
    bool ok = false;
    double v = QLocale().toDouble(edit->text().trimmed(), &ok);
    if (!ok)
        v = QLocale::c().toDouble(edit->text().trimmed(), &ok);
    return ok ? v : open;
}

InfluenceFilter InfluenceFilterBar::filter() const {
    InfluenceFilter f;
    f.text = text_->text();
    f.regex = regex_->isChecked();
    f.category = category_->currentData().toString();
    f.role = InfluenceFilter::Role(role_->currentData().toInt());
    f.poisoned = InfluenceFilter::Poison(poisoned_->currentData().toInt());
    f.scoreMin = std::isnan(brushLo_) ? bound(scoreMin_, -kInf) : brushLo_;
    f.scoreMax = std::isnan(brushHi_) ? bound(scoreMax_, kInf) : brushHi_;
    return f;
}

void InfluenceFilterBar::setCategories(const QStringList & categories) {
    const QString keep = category_->currentData().toString();
    quiet_ = true;
    while (category_->count() > 1)
        category_->removeItem(1);
    for (const QString & c : categories)
        category_->addItem(c.isEmpty() ? tr("(none)") : c, c);
    const int at = category_->findData(keep);
    category_->setCurrentIndex(at >= 0 ? at : 0);
    quiet_ = false;
    if (at < 0 && !keep.isEmpty())
        Q_EMIT filterChanged();
}

void InfluenceFilterBar::setPoisonFilterEnabled(bool enabled) {
    poisoned_->setEnabled(enabled);
    if (!enabled)
        poisoned_->setCurrentIndex(0);
}

void InfluenceFilterBar::setScoreRange(double lo, double hi) {
    brushLo_ = lo;
    brushHi_ = hi;
    scoreMin_->setText(shortNumber(lo));
    scoreMax_->setText(shortNumber(hi));
    Q_EMIT filterChanged();
}

void InfluenceFilterBar::clearScoreRange() {
    const bool had = !scoreMin_->text().isEmpty() || !scoreMax_->text().isEmpty();
    brushLo_ = brushHi_ = kNaN;
    scoreMin_->clear();
    scoreMax_->clear();
    if (had)
        Q_EMIT filterChanged();
}

void InfluenceFilterBar::onScoreEdited() {
    brushLo_ = brushHi_ = kNaN;   // typed bounds replace the brushed ones
    Q_EMIT scoreRangeEdited(bound(scoreMin_, -kInf), bound(scoreMax_, kInf));
    Q_EMIT filterChanged();
}

void InfluenceFilterBar::setRegexError(const QString & error) {
    text_->setStyleSheet(error.isEmpty() ? QString() : QStringLiteral("QLineEdit { border: 1px solid #c0392b; }"));
    text_->setToolTip(error.isEmpty() ? QString() : tr("Invalid regular expression: %1").arg(error));
}

void InfluenceFilterBar::reset() {
    quiet_ = true;
    text_->clear();
    regex_->setChecked(false);
    category_->setCurrentIndex(0);
    role_->setCurrentIndex(0);
    poisoned_->setCurrentIndex(0);
    brushLo_ = brushHi_ = kNaN;
    scoreMin_->clear();
    scoreMax_->clear();
    quiet_ = false;
    Q_EMIT scoreRangeEdited(-kInf, kInf);
    Q_EMIT filterChanged();
}

} // namespace rapidun::ui
