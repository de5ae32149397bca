#include "model_card.h"

#include <QHeaderView>
#include <QLocale>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace rapidun::ui {
namespace {

constexpr int kKeyRole = Qt::UserRole;

// Integers with thousands separators in the user's locale ("260,032" in English).
QString count(int64_t n) {
    QLocale locale;
    locale.setNumberOptions(locale.numberOptions() & ~QLocale::OmitGroupSeparator);
    return locale.toString(static_cast<qlonglong>(n));
}

QString real(double x) { return QString::number(x, 'g', 10); }
QString text(const std::string & s) { return QString::fromStdString(s); }

} // namespace

ModelCard::ModelCard(QWidget * parent) : QGroupBox(tr("Model"), parent) {
    setObjectName(QStringLiteral("modelCard"));
    tree_ = new QTreeWidget(this);
    tree_->setObjectName(QStringLiteral("modelFacts"));
    tree_->setColumnCount(2);
    tree_->setHeaderLabels({tr("Property"), tr("Value")});
    tree_->setRootIsDecorated(false);
    tree_->setAlternatingRowColors(true);
    tree_->setUniformRowHeights(true);
    tree_->setSelectionMode(QAbstractItemView::SingleSelection);
    tree_->setTextElideMode(Qt::ElideMiddle);
    tree_->header()->setStretchLastSection(true);

    auto * layout = new QVBoxLayout(this);
    layout->addWidget(tree_);
}

void ModelCard::clear() { tree_->clear(); }

void ModelCard::setFacts(const ModelInfo & info, const TokenizerFacts & tokenizer, const QString & runtime) {
    tree_->clear();
    addFileFacts(info);
    addArchitectureFacts(info.config);
    addTokenizerFacts(tokenizer, info.config.vocab_size);
    addFact(addGroup(tr("Runtime")), QStringLiteral("runtime"), tr("Device and threads"), runtime);
    tree_->expandAll();
    tree_->resizeColumnToContents(0);
    tree_->setColumnWidth(0, tree_->columnWidth(0) + 24);   // breathing room before the values
}

QString ModelCard::factText(const QString & key) const {
    for (int g = 0; g < tree_->topLevelItemCount(); ++g) {
        const QTreeWidgetItem * group = tree_->topLevelItem(g);
        for (int i = 0; i < group->childCount(); ++i)
            if (group->child(i)->data(0, kKeyRole).toString() == key)
                return group->child(i)->text(1);
    }
    return {};
}

QTreeWidgetItem * ModelCard::addGroup(const QString & title) {
    auto * group = new QTreeWidgetItem(tree_, {title});
    group->setFirstColumnSpanned(true);
    group->setFlags(Qt::ItemIsEnabled);
    QFont font = group->font(0);
    font.setBold(true);
    group->setFont(0, font);
    return group;
}

void ModelCard::addFact(QTreeWidgetItem * group, const QString & key, const QString & label,
                        const QString & value, const QString & toolTip) {
    auto * item = new QTreeWidgetItem(group, {label, value});
    item->setData(0, kKeyRole, key);
    item->setToolTip(1, toolTip.isEmpty() ? value : toolTip);
}

void ModelCard::addFileFacts(const ModelInfo & info) {
    QTreeWidgetItem * g = addGroup(tr("File"));
    addFact(g, QStringLiteral("source"), tr("Source"), text(info.source));
    addFact(g, QStringLiteral("format"), tr("Format"), text(info.format));
    addFact(g, QStringLiteral("precision"), tr("Precision"), text(info.precision));
    addFact(g, QStringLiteral("parameters"), tr("Parameters"), count(info.n_params));
}

void ModelCard::addArchitectureFacts(const ModelConfig & c) {
    QTreeWidgetItem * g = addGroup(tr("Architecture"));
    addFact(g, QStringLiteral("architecture"), tr("Architecture"), text(c.architecture));
    addFact(g, QStringLiteral("dim"), tr("Dim (hidden size)"), count(c.dim));
    addFact(g, QStringLiteral("layers"), tr("Layers"), count(c.n_layers));
    addFact(g, QStringLiteral("heads"), tr("Attention heads"), count(c.n_heads));
    addFact(g, QStringLiteral("kv_heads"), tr("KV heads"), count(c.n_kv_heads));
    addFact(g, QStringLiteral("head_dim"), tr("Head dim"), count(c.head_dim));
    addFact(g, QStringLiteral("hidden_dim"), tr("Hidden (intermediate) size"), count(c.hidden_dim));
    addFact(g, QStringLiteral("vocab_size"), tr("Vocab size"), count(c.vocab_size));
    addFact(g, QStringLiteral("max_positions"), tr("Max positions"), count(c.max_seq_len));
    addFact(g, QStringLiteral("rope_theta"), tr("RoPE theta"), real(c.rope_theta));
    const RopeScaling & rs = c.rope_scaling;
    QString scaling = tr("none");
    if (rs.type == "llama3")
        scaling = tr("llama3, factor %1 over %2 original positions").arg(real(rs.factor), count(rs.original_max_position_embeddings));
    else if (!rs.type.empty())
        scaling = tr("%1, factor %2").arg(text(rs.type), real(rs.factor));
    addFact(g, QStringLiteral("rope_scaling"), tr("RoPE scaling"), scaling);
    addFact(g, QStringLiteral("sliding_window"), tr("Sliding window"), c.sliding_window > 0 ? count(c.sliding_window) : tr("none"));
    addFact(g, QStringLiteral("biases"), tr("Projection biases"), text(c.bias_summary()));
    addFact(g, QStringLiteral("norm_eps"), tr("RMSNorm eps"), real(c.norm_eps));
    addFact(g, QStringLiteral("tied_head"), tr("Tied head"), c.tie_embeddings ? tr("yes") : tr("no"));
    addFact(g, QStringLiteral("dtype"), tr("Stored dtype"), text(c.torch_dtype));
}

void ModelCard::addTokenizerFacts(const TokenizerFacts & t, int64_t modelVocab) {
    QTreeWidgetItem * g = addGroup(tr("Tokenizer"));
    if (!t.isLoaded()) {
        addFact(g, QStringLiteral("tokenizer"), tr("Path"), tr("none loaded"),
                t.note.isEmpty() ? tr("No tokenizer file was found beside the model.") : t.note);
        return;
    }
    addFact(g, QStringLiteral("tokenizer"), tr("Path"), t.path);
    addFact(g, QStringLiteral("tokenizer_kind"), tr("Kind"), t.kind);
    QString vocab = count(t.vocabSize);
    if (modelVocab > 0 && t.vocabSize != modelVocab)
        vocab = tr("%1 (the model expects %2)").arg(vocab, count(modelVocab));
    addFact(g, QStringLiteral("tokenizer_vocab"), tr("Vocab size"), vocab);
    if (!t.chatTemplateError.isEmpty())
        addFact(g, QStringLiteral("chat_template"), tr("Chat template"), tr("cannot be used"), t.chatTemplateError);
    else
        addFact(g, QStringLiteral("chat_template"), tr("Chat template"), t.chatTemplate.isEmpty() ? tr("none") : t.chatTemplate);
}

} // namespace rapidun::ui
