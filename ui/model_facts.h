// Plain data that crosses from the loader's worker thread to the window: no QObject, no torch.
#pragma once
#include "rapidun/model/model.h"
#include "rapidun/text/tokenizer.h"

#include <QString>

#include <memory>

namespace rapidun::ui {

// What the window shows about the tokenizer; `note` explains why none is loaded (empty when loaded).
struct TokenizerFacts {
    QString path;
    QString kind;
    int     vocabSize = 0;
    QString note;
    // The chat template found beside the tokenizer (tokenizer_config.json's chat_template): where it
    // comes from, "" when there is none; chatTemplateError: why one that exists cannot be used.
    QString chatTemplate;
    QString chatTemplateError;

    bool isLoaded() const { return vocabSize > 0; }
};

// One finished load: the model (shared with later pages), its facts, and the tokenizer if found.
struct LoadedModel {
    QString                    path;
    std::shared_ptr<Model>     model;
    ModelInfo                  info;
    std::shared_ptr<Tokenizer> tokenizer;
    TokenizerFacts             tokenizerFacts;
};

} // namespace rapidun::ui
