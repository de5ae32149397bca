// Loads a model (and its tokenizer) off the GUI thread on a JobRunner. Exceptions never cross
// threads: the worker turns them into text and `failed` is emitted. Both signals are emitted on the
// GUI thread; shutdown() (and the destructor) waits for a running load and drops its outcome.
#pragma once
#include "model_facts.h"

#include <QObject>
#include <QString>

namespace rapidun::ui {

// The load itself, on the caller's thread (workers only: it takes seconds for large models).
// Throws std::exception with the core's message when the model (or an explicit tokenizer) fails.
LoadedModel loadModelNow(const QString & path, const QString & tokenizer = {});

class JobRunner;

class ModelLoader : public QObject {
    Q_OBJECT
public:
    explicit ModelLoader(QObject * parent = nullptr);

    bool isBusy() const;
    void shutdown();   // see JobRunner::shutdown

    // path: a .bin/.safetensors file or an HF folder. tokenizer: empty = look beside the model
    // (the core's guess, tokenizer.json, tokenizer.model, or the only *.model file); a failed look is a
    // note, not an error.
    // Returns false (and starts nothing) while another load runs.
    bool start(const QString & path, const QString & tokenizer = {});

Q_SIGNALS:
    void loaded(const rapidun::ui::LoadedModel & result);
    void failed(const QString & path, const QString & error);

private:
    JobRunner * runner_ = nullptr;
    QString     path_;   // of the running load
};

} // namespace rapidun::ui
