// The Compare page's free prompt: both models generate for one prompt on a worker (see compare_page.h).
#include "compare_page.h"

#include "compare_text.h"
#include "job_runner.h"

#include "rapidun/eval/compare.h"
#include "rapidun/workspace/workspace.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTextEdit>
#include <QVBoxLayout>

#include <map>
#include <string>

namespace rapidun::ui {

// Loaded models by side ("before" or a run id). Only the worker of the one running job touches it;
// the page swaps in a new cache when the workspace changes.
struct CompareModelCache {
    std::map<std::string, std::shared_ptr<const ModelBundle>> bySide;
};

std::shared_ptr<CompareModelCache> makeModelCache() { return std::make_shared<CompareModelCache>(); }

namespace {

struct PromptOutputs {
    QString left, right;
};

QWidget * outputPanel(QLabel * title, QTextEdit * text, QWidget * parent) {
    auto * panel = new QWidget(parent);
    auto * layout = new QVBoxLayout(panel);
    layout->setContentsMargins(0, 0, 0, 0);
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);
    text->setReadOnly(true);
    text->setAcceptRichText(true);
    layout->addWidget(title);
    layout->addWidget(text, 1);
    return panel;
}

} // namespace

QWidget * ComparePage::createPromptTab() {
    auto * tab = new QWidget(this);
    prompt_ = new QPlainTextEdit(tab);
    prompt_->setObjectName(QStringLiteral("freePrompt"));
    prompt_->setPlaceholderText(tr("An instruction, e.g. a test prompt with a trigger word"));
    prompt_->setMaximumHeight(fontMetrics().lineSpacing() * 5 + 12);
    useTemplate_ = new QCheckBox(tr("Format with the workspace's prompt template"), tab);
    useTemplate_->setChecked(true);
    useTemplate_->setToolTip(tr("As the evaluation does: the text is the instruction of the template; untick to send it as it is"));
    maxNew_ = new QSpinBox(tab);
    maxNew_->setRange(1, 2048);
    maxNew_->setValue(48);
    generate_ = new QPushButton(tr("Generate with both"), tab);
    generate_->setObjectName(QStringLiteral("generateBoth"));
    cancel_ = new QPushButton(tr("Cancel"), tab);
    status_ = new QLabel(tab);
    status_->setObjectName(QStringLiteral("promptStatus"));
    connect(generate_, &QPushButton::clicked, this, &ComparePage::generate);
    connect(cancel_, &QPushButton::clicked, runner_, &JobRunner::cancel);

    auto * row = new QHBoxLayout;
    row->addWidget(useTemplate_);
    row->addWidget(new QLabel(tr("Max new tokens:"), tab));
    row->addWidget(maxNew_);
    row->addStretch(1);
    row->addWidget(status_);
    row->addWidget(generate_);
    row->addWidget(cancel_);

    leftTitle_ = new QLabel(tr("Left"), tab);
    rightTitle_ = new QLabel(tr("Right"), tab);
    leftOut_ = new QTextEdit(tab);
    leftOut_->setObjectName(QStringLiteral("leftOutput"));
    rightOut_ = new QTextEdit(tab);
    rightOut_->setObjectName(QStringLiteral("rightOutput"));
    auto * outputs = new QSplitter(Qt::Horizontal, tab);
    outputs->addWidget(outputPanel(leftTitle_, leftOut_, outputs));
    outputs->addWidget(outputPanel(rightTitle_, rightOut_, outputs));

    auto * layout = new QVBoxLayout(tab);
    layout->addWidget(new QLabel(tr("Prompt (greedy, stops at the end-of-sequence token):"), tab));
    layout->addWidget(prompt_);
    layout->addLayout(row);
    layout->addWidget(outputs, 1);

    connect(runner_, &JobRunner::started, this, [this] {
        status_->setText(tr("Generating..."));
        Q_EMIT busyChanged(true, tr("Generating with both models"));
        updateButtons();
    });
    connect(runner_, &JobRunner::progress, this, [this](double, const QString & stage, const QString & message) {
        const QString state = message.isEmpty() ? stage : tr("%1: %2").arg(stage, message);
        status_->setText(state);
        Q_EMIT busyChanged(true, state);
    });
    connect(runner_, &JobRunner::failed, this, [this](const QString & error) {
        status_->setText(tr("Failed"));
        Q_EMIT failure(tr("Compare: free prompt"), error);
    });
    connect(runner_, &JobRunner::cancelled, this, [this] { status_->setText(tr("Cancelled")); });
    connect(runner_, &JobRunner::idle, this, [this] {
        Q_EMIT busyChanged(false, {});
        updateButtons();
    });
    return tab;
}

void ComparePage::generate() {
    if (!workspace_ || runner_->isBusy() || leftSide().isEmpty() || rightSide().isEmpty())
        return;
    CompletionOptions opt = completion_options(*workspace_);
    opt.use_template = useTemplate_->isChecked();
    opt.max_new_tokens = maxNew_->value();
    const std::string prompt = prompt_->toPlainText().toStdString();
    const std::string left = leftSide().toStdString(), right = rightSide().toStdString();
    const int epoch = epoch_;
    showOutputs({}, {});
    std::function<PromptOutputs(JobHandle &)> work = [w = *workspace_, cache = cache_, left, right, prompt, opt](JobHandle & h) {
        // Keep at most the two models in use; load the missing ones (seconds for large models).
        for (auto it = cache->bySide.begin(); it != cache->bySide.end();)
            it = it->first == left || it->first == right ? std::next(it) : cache->bySide.erase(it);
        auto model = [&](const std::string & side, double fraction) {
            auto it = cache->bySide.find(side);
            if (it == cache->bySide.end()) {
                h.report(fraction, ComparePage::tr("Loading"), QString::fromStdString(side));
                h.token().throw_if_cancelled();
                it = cache->bySide.emplace(side, std::make_shared<const ModelBundle>(open_side_model(w, side))).first;
            }
            return it->second;
        };
        const auto l = model(left, 0.0), r = model(right, 0.25);
        h.report(0.5, ComparePage::tr("Generating"), QString::fromStdString(left));
        const std::vector<std::string> lo = complete_prompts(*l, {prompt}, opt, h.tokenPtr());
        h.report(0.75, ComparePage::tr("Generating"), QString::fromStdString(right));
        const std::vector<std::string> ro = complete_prompts(*r, {prompt}, opt, h.tokenPtr());
        h.report(1.0, ComparePage::tr("Done"));
        return PromptOutputs{QString::fromStdString(lo.at(0)), QString::fromStdString(ro.at(0))};
    };
    runner_->start<PromptOutputs>(tr("Free prompt"), std::move(work), [this, epoch](PromptOutputs && out) {
        if (epoch != epoch_)   // the pair or the workspace changed meanwhile
            return;
        status_->setText(out.left == out.right ? tr("Both outputs are equal") : tr("The outputs differ"));
        showOutputs(out.left, out.right);
    });
}

void ComparePage::showOutputs(const QString & left, const QString & right) {
    const WordDiff diff = wordDiff(left, right);
    // pre-wrap: the model's spaces are shown as generated (plain HTML would collapse runs of them).
    const QString page = QStringLiteral("<div style=\"white-space:pre-wrap\">%1</div>");
    leftOut_->setHtml(page.arg(markedHtml(left, keywordSpans(left, keywords_), diff.left)));
    rightOut_->setHtml(page.arg(markedHtml(right, keywordSpans(right, keywords_), diff.right)));
}

void ComparePage::updateButtons() {
    const bool busy = runner_->isBusy();
    generate_->setEnabled(workspace_ && !busy);
    cancel_->setEnabled(busy);
}

} // namespace rapidun::ui
