#include "lab_build_panel.h"

#include <QDir>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace rapidun::ui {

LabBuildPanel::LabBuildPanel(QWidget * parent) : QWidget(parent) {
    setObjectName(QStringLiteral("labBuildPanel"));

    auto * box = new QGroupBox(tr("Synthetic lab"));
    box->setMinimumWidth(520);
    box->setMaximumWidth(720);

    title_ = new QLabel;
    title_->setObjectName(QStringLiteral("labTitle"));
    title_->setWordWrap(true);
    QFont big = title_->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.2);
    title_->setFont(big);

    auto * explain = new QLabel(
        tr("The lab is built once and then reused: generated data with a planted backdoor, a tokenizer, "
           "and a small Llama trained on the poisoned set, evaluated before unlearning."));
    explain->setWordWrap(true);

    folder_ = new QLabel;
    folder_->setObjectName(QStringLiteral("labFolder"));
    folder_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    folder_->setWordWrap(true);

    stage_ = new QLabel;
    stage_->setObjectName(QStringLiteral("labStage"));
    QFont bold = stage_->font();
    bold.setBold(true);
    stage_->setFont(bold);

    bar_ = new QProgressBar;
    bar_->setObjectName(QStringLiteral("labProgress"));
    bar_->setRange(0, 1000);
    bar_->setFormat(QStringLiteral("%p%"));

    message_ = new QLabel;
    message_->setObjectName(QStringLiteral("labMessage"));
    message_->setWordWrap(true);
    QPalette hint = message_->palette();
    hint.setColor(QPalette::WindowText, hint.color(QPalette::PlaceholderText));
    message_->setPalette(hint);

    elapsed_ = new QLabel;
    elapsed_->setObjectName(QStringLiteral("labElapsed"));

    cancel_ = new QPushButton(tr("Cancel"));
    cancel_->setObjectName(QStringLiteral("cancelLabBuild"));
    cancel_->setToolTip(tr("Stop the build; nothing is kept, the next start builds again"));
    connect(cancel_, &QPushButton::clicked, this, &LabBuildPanel::cancelRequested);

    auto * buttons = new QHBoxLayout;
    buttons->addWidget(elapsed_, 1);
    buttons->addWidget(cancel_);

    auto * inner = new QVBoxLayout(box);
    inner->setSpacing(10);
    inner->addWidget(title_);
    inner->addWidget(explain);
    inner->addWidget(folder_);
    inner->addSpacing(6);
    inner->addWidget(stage_);
    inner->addWidget(bar_);
    inner->addWidget(message_);
    inner->addLayout(buttons);

    auto * outer = new QVBoxLayout(this);
    outer->addStretch(1);
    auto * row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(box, 4);
    row->addStretch(1);
    outer->addLayout(row);
    outer->addStretch(2);

    clock_ = new QTimer(this);
    clock_->setInterval(1000);
    connect(clock_, &QTimer::timeout, this, &LabBuildPanel::updateElapsed);
}

QString LabBuildPanel::stageLabel(const QString & stage) {
    if (stage == QLatin1String("data"))
        return tr("Generating the data sets");
    if (stage == QLatin1String("tokenizer"))
        return tr("Training the tokenizer");
    if (stage == QLatin1String("train"))
        return tr("Training the backdoored model");
    if (stage == QLatin1String("evaluate"))
        return tr("Evaluating the model before unlearning");
    if (stage == QLatin1String("retrain-reference"))
        return tr("Timing a clean retrain (the reference)");
    if (stage == QLatin1String("judge"))
        return tr("Learning the judge of poisoned answers");
    if (stage == QLatin1String("base-data"))
        return tr("Reading the base model's text");
    if (stage == QLatin1String("base-tokenizer"))
        return tr("Training the base model's tokenizer");
    if (stage == QLatin1String("base-train"))
        return tr("Pretraining the base model");
    if (stage == QLatin1String("base-done"))
        return tr("Base model ready");
    if (stage == QLatin1String("done"))
        return tr("Done");
    return stage;
}

void LabBuildPanel::start(const QString & dir, const QString & scale, const QString & kind) {
    title_->setText((kind == QLatin1String("dolly") ? tr("Building the Dolly lab (%1 scale)") : tr("Building the synthetic lab (%1 scale)"))
                        .arg(scale));
    folder_->setText(tr("Folder: %1").arg(QDir::toNativeSeparators(dir)));
    folder_->setToolTip(QDir::toNativeSeparators(dir));
    stage_->setText(tr("Starting..."));
    message_->clear();
    bar_->setValue(0);
    cancel_->setEnabled(true);
    cancel_->setText(tr("Cancel"));
    started_.start();
    updateElapsed();
    clock_->start();
}

void LabBuildPanel::setProgress(const QString & stage, double fraction, const QString & message) {
    if (!cancel_->isEnabled())
        return;   // cancelling: keep saying so
    stage_->setText(stageLabel(stage));
    bar_->setValue(static_cast<int>(std::clamp(fraction, 0.0, 1.0) * 1000.0 + 0.5));
    message_->setText(message);
}

void LabBuildPanel::setCancelling() {
    cancel_->setEnabled(false);
    cancel_->setText(tr("Cancelling..."));
    stage_->setText(tr("Cancelling: waiting for the current step to finish..."));
}

void LabBuildPanel::stop() {
    clock_->stop();
    cancel_->setEnabled(false);
}

void LabBuildPanel::updateElapsed() {
    const qint64 s = started_.isValid() ? started_.elapsed() / 1000 : 0;
    elapsed_->setText(tr("Elapsed: %1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0')));
}

} // namespace rapidun::ui
