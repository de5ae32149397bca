#include "run_form.h"

#include "run_history_model.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QDoubleValidator>
#include <QFormLayout>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QVBoxLayout>

#include <climits>
#include <cmath>

namespace rapidun::ui {

namespace {

const UnlearnMethod kMethods[] = {UnlearnMethod::RapidUn, UnlearnMethod::GA, UnlearnMethod::GAGD,
                                  UnlearnMethod::LoReUn, UnlearnMethod::Fisher, UnlearnMethod::NPO};

QDoubleSpinBox * doubleBox(double lo, double hi, int decimals, double step) {
    auto * b = new QDoubleSpinBox;
    b->setRange(lo, hi);
    b->setDecimals(decimals);
    b->setSingleStep(step);
    return b;
}

QSpinBox * intBox(int lo, int hi) {
    auto * b = new QSpinBox;
    b->setRange(lo, hi);
    return b;
}

} // namespace

RunForm::RunForm(QWidget * parent) : QWidget(parent) {
    method_ = new QComboBox;
    method_->setObjectName(QStringLiteral("runMethod"));
    for (UnlearnMethod m : kMethods) {
        const QString name = QString::fromLatin1(unlearn_method_name(m));
        method_->addItem(RunHistoryModel::methodLabel(name), name);
    }
    method_->setItemData(0, tr("Influence-weighted ascent on poisoned answers and descent on clean and retain answers (needs the weights)"), Qt::ToolTipRole);
    method_->setItemData(1, tr("Gradient ascent on the poisoned answers only"), Qt::ToolTipRole);
    method_->setItemData(2, tr("Ascent on poisoned answers, descent on clean and retain answers, all weights 1"), Qt::ToolTipRole);
    method_->setItemData(3, tr("GA+GD with forget weights from the initial per-sample loss"), Qt::ToolTipRole);
    method_->setItemData(4, tr("One-shot noise on the base weights, scaled by the inverse Fisher diagonal; no training"), Qt::ToolTipRole);
    method_->setItemData(5, tr("Negative preference optimisation against the model before unlearning, plus retain descent"), Qt::ToolTipRole);

    preset_ = new QComboBox;
    preset_->setObjectName(QStringLiteral("runPreset"));
    preset_->addItem(tr("lab"), QStringLiteral("lab"));
    preset_->addItem(tr("paper"), QStringLiteral("paper"));
    preset_->addItem(tr("fast"), QStringLiteral("fast"));
    preset_->setItemData(0, tr("The paper's recipe with the lab's lr: 3e-4 (at 6e-5 the small lab models keep their backdoor); the Dolly lab 6e-4, chosen on validation prompts"), Qt::ToolTipRole);
    preset_->setItemData(1, tr("The paper's recipe: batch 1, lr 6e-5, 2 epochs, retain:forget 3:1"), Qt::ToolTipRole);
    preset_->setItemData(2, tr("Batch 8, lr 2e-4 (the released trainer's code defaults); the synthetic lab 3e-3, chosen on validation prompts"), Qt::ToolTipRole);

    lr_ = doubleBox(1e-6, 1.0, 6, 1e-5);
    lr_->setObjectName(QStringLiteral("runLr"));
    epochs_ = intBox(1, 100000);
    epochs_->setObjectName(QStringLiteral("runEpochs"));
    maxSteps_ = intBox(0, INT_MAX);
    maxSteps_->setObjectName(QStringLiteral("runMaxSteps"));
    maxSteps_->setSpecialValueText(tr("all"));
    maxSteps_->setToolTip(tr("Stop after this many optimiser steps; the learning-rate schedule still spans every epoch"));
    batch_ = intBox(1, 1024);
    batch_->setObjectName(QStringLiteral("runBatch"));
    seed_ = intBox(0, INT_MAX);
    seed_->setObjectName(QStringLiteral("runSeed"));
    retainShare_ = doubleBox(0.0, 0.99, 2, 0.05);
    retainShare_->setObjectName(QStringLiteral("runRetainShare"));
    retainShare_->setToolTip(tr("Probability that a draw is a retain item (0.75 = retain:forget 3:1)"));
    alphaAsc_ = doubleBox(0.0, 100.0, 3, 0.1);
    alphaAsc_->setObjectName(QStringLiteral("runAlphaAsc"));
    betaDesc_ = doubleBox(0.0, 100.0, 3, 0.1);
    betaDesc_->setObjectName(QStringLiteral("runBetaDesc"));
    loreunDirection_ = new QComboBox;
    loreunDirection_->setObjectName(QStringLiteral("runLoreunDirection"));
    loreunDirection_->addItem(tr("hard_high: more weight on high loss (released code)"), QStringLiteral("hard_high"));
    loreunDirection_->addItem(tr("paper: more weight on low loss (stated rule)"), QStringLiteral("paper"));
    loreunTau_ = doubleBox(0.01, 100.0, 2, 0.1);
    loreunTau_->setObjectName(QStringLiteral("runLoreunTau"));
    npoBeta_ = doubleBox(0.001, 100.0, 3, 0.05);
    npoBeta_->setObjectName(QStringLiteral("runNpoBeta"));
    fisherLambda_ = new QLineEdit;
    fisherLambda_->setObjectName(QStringLiteral("runFisherLambda"));
    auto * v = new QDoubleValidator(0.0, 1e6, 12, fisherLambda_);
    v->setNotation(QDoubleValidator::ScientificNotation);
    v->setLocale(QLocale::c());   // "1e-08" in every locale
    fisherLambda_->setValidator(v);
    fisherLambda_->setToolTip(tr("Noise scale = (lambda * sigma_h^2)^(1/4); 0 = no perturbation"));
    evaluate_ = new QCheckBox(tr("Evaluate after unlearning"));
    evaluate_->setObjectName(QStringLiteral("runEvaluate"));
    evaluate_->setToolTip(tr("Attack success rates, false triggers and clean utility of the unlearned model"));
    evaluate_->setChecked(true);

    form_ = new QFormLayout;
    form_->addRow(tr("Method:"), method_);
    form_->addRow(tr("Preset:"), preset_);
    form_->addRow(tr("Learning rate:"), lr_);
    form_->addRow(tr("Epochs:"), epochs_);
    form_->addRow(tr("Max steps:"), maxSteps_);
    form_->addRow(tr("Batch size:"), batch_);
    form_->addRow(tr("Seed:"), seed_);
    form_->addRow(tr("Retain share:"), retainShare_);
    form_->addRow(tr("Ascent weight (alpha):"), alphaAsc_);
    form_->addRow(tr("Clean descent weight (beta):"), betaDesc_);
    form_->addRow(tr("LoReUn direction:"), loreunDirection_);
    form_->addRow(tr("LoReUn tau:"), loreunTau_);
    form_->addRow(tr("NPO beta:"), npoBeta_);
    form_->addRow(tr("Fisher lambda:"), fisherLambda_);
    form_->addRow(QString(), evaluate_);

    add_ = new QPushButton(tr("Add to queue"));
    add_->setObjectName(QStringLiteral("addRun"));
    add_->setToolTip(tr("Queue this run; queued runs start one after the other"));
    connect(add_, &QPushButton::clicked, this, &RunForm::addRequested);

    auto * outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addLayout(form_);
    outer->addWidget(add_, 0, Qt::AlignRight);

    connect(method_, &QComboBox::currentIndexChanged, this, [this] { loadPreset(); });
    connect(preset_, &QComboBox::currentIndexChanged, this, [this] { loadPreset(); });
    seed_->setValue(42);
    loadPreset();
}

void RunForm::setWorkspaceKind(const QString & kind) {
    if (kind.toStdString() == workspaceKind_) return;
    workspaceKind_ = kind.toStdString();
    loadPreset();
}

UnlearnMethod RunForm::method() const { return kMethods[std::max(0, method_->currentIndex())]; }

void RunForm::loadPreset() {
    UnlearnJobOptions job;
    job.preset = preset_->currentData().toString().toStdString();
    job.opt = unlearn_preset(job.preset, method(), workspaceKind_);
    job.opt.seed = uint64_t(seed_->value());
    job.evaluate_after = evaluate_->isChecked();
    setJobOptions(job);
}

void RunForm::setJobOptions(const UnlearnJobOptions & job) {
    const UnlearnOptions & o = job.opt;
    {
        const QSignalBlocker b1(method_), b2(preset_);
        method_->setCurrentIndex(method_->findData(QString::fromLatin1(unlearn_method_name(o.method))));
        const int p = preset_->findData(QString::fromStdString(job.preset));
        if (p >= 0)
            preset_->setCurrentIndex(p);
    }
    lr_->setValue(o.lr);
    epochs_->setValue(o.epochs);
    maxSteps_->setValue(int(std::min<int64_t>(o.max_steps, INT_MAX)));
    batch_->setValue(o.batch_size);
    seed_->setValue(int(std::min<uint64_t>(o.seed, uint64_t(INT_MAX))));
    retainShare_->setValue(o.retain_share);
    alphaAsc_->setValue(o.alpha_asc);
    betaDesc_->setValue(o.beta_desc);
    loreunDirection_->setCurrentIndex(loreunDirection_->findData(QString::fromLatin1(loreun_direction_name(o.loreun_direction))));
    loreunTau_->setValue(o.loreun_tau);
    npoBeta_->setValue(o.npo_beta);
    fisherLambda_->setText(QLocale::c().toString(o.fisher_lambda, 'g', 6));
    evaluate_->setChecked(job.evaluate_after);
    updateVisibility();
}

bool RunForm::jobOptions(UnlearnJobOptions * out, QString * why) const {
    UnlearnJobOptions job;
    job.preset = preset_->currentData().toString().toStdString();
    UnlearnOptions & o = job.opt;
    o = unlearn_preset(job.preset, method(), workspaceKind_);
    o.lr = lr_->value();
    o.epochs = epochs_->value();
    o.max_steps = maxSteps_->value();
    o.batch_size = batch_->value();
    o.seed = uint64_t(seed_->value());
    o.retain_share = retainShare_->value();
    o.alpha_asc = alphaAsc_->value();
    o.beta_desc = betaDesc_->value();
    o.loreun_direction = parse_loreun_direction(loreunDirection_->currentData().toString().toStdString());
    o.loreun_tau = loreunTau_->value();
    o.npo_beta = npoBeta_->value();
    bool ok = false;
    const double lambda = QLocale::c().toDouble(fisherLambda_->text().trimmed(), &ok);
    if (!ok || !std::isfinite(lambda) || lambda < 0) {
        if (why)
            *why = tr("Fisher lambda must be a non-negative number such as 1e-8.");
        return false;
    }
    o.fisher_lambda = lambda;
    job.evaluate_after = evaluate_->isChecked();
    *out = job;
    return true;
}

void RunForm::updateVisibility() {
    const UnlearnMethod m = method();
    const bool fisher = m == UnlearnMethod::Fisher;
    for (QWidget * w : {static_cast<QWidget *>(lr_), static_cast<QWidget *>(epochs_), static_cast<QWidget *>(maxSteps_),
                        static_cast<QWidget *>(batch_)})
        w->setEnabled(!fisher);
    const bool ascent = m == UnlearnMethod::RapidUn || m == UnlearnMethod::GA || m == UnlearnMethod::GAGD || m == UnlearnMethod::LoReUn;
    form_->setRowVisible(retainShare_, !fisher && m != UnlearnMethod::GA);
    form_->setRowVisible(alphaAsc_, ascent);
    form_->setRowVisible(betaDesc_, method_needs_clean(m));
    form_->setRowVisible(loreunDirection_, m == UnlearnMethod::LoReUn);
    form_->setRowVisible(loreunTau_, m == UnlearnMethod::LoReUn);
    form_->setRowVisible(npoBeta_, m == UnlearnMethod::NPO);
    form_->setRowVisible(fisherLambda_, fisher);
}

} // namespace rapidun::ui
