// The "Model" card: the facts of the loaded model, its tokenizer and the runtime, as a two-column tree.
// Each fact row carries a stable key (Qt::UserRole on column 0) that tests and later pages look up:
// source, format, precision, parameters, architecture, dim, layers, heads, kv_heads, head_dim,
// hidden_dim, vocab_size, max_positions, rope_theta, rope_scaling, sliding_window, biases, norm_eps,
// tied_head, dtype, tokenizer, tokenizer_kind, tokenizer_vocab, chat_template, runtime.
#pragma once
#include "model_facts.h"

#include <QGroupBox>

class QTreeWidget;
class QTreeWidgetItem;

namespace rapidun::ui {

class ModelCard : public QGroupBox {
    Q_OBJECT
public:
    explicit ModelCard(QWidget * parent = nullptr);

    void setFacts(const ModelInfo & info, const TokenizerFacts & tokenizer, const QString & runtime);
    void clear();
    QString factText(const QString & key) const;   // empty when the key is unknown

private:
    QTreeWidgetItem * addGroup(const QString & title);
    void addFact(QTreeWidgetItem * group, const QString & key, const QString & label,
                 const QString & value, const QString & toolTip = {});
    void addFileFacts(const ModelInfo & info);
    void addArchitectureFacts(const ModelConfig & config);
    void addTokenizerFacts(const TokenizerFacts & tokenizer, int64_t modelVocab);

    QTreeWidget * tree_ = nullptr;
};

} // namespace rapidun::ui
