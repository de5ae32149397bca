#include "model_loader.h"

#include "job_runner.h"

#include "rapidun/data/chat_template.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <exception>

namespace rapidun::ui {
namespace {

std::string localPath(const QString & path) { return QFile::encodeName(path).toStdString(); }

TokenizerFacts factsOf(const Tokenizer & tok, const QString & path) {
    TokenizerFacts facts;
    facts.path = path;
    facts.kind = QString::fromStdString(tok.kind());
    facts.vocabSize = tok.vocab_size();
    // An HF tokenizer's folder may hold tokenizer_config.json with a Jinja chat_template: parse it
    // now, so the card says whether this model's chats can be rendered (never a wrong rendering).
    const QFileInfo info(path);
    const QString config = QDir(info.isDir() ? info.absoluteFilePath() : info.absolutePath())
                               .filePath(QStringLiteral("tokenizer_config.json"));
    if (QFileInfo(config).isFile()) {
        try {
            facts.chatTemplate = QString::fromStdString(load_chat_template(localPath(config)).origin());
        } catch (const std::exception & e) {
            facts.chatTemplateError = QString::fromUtf8(e.what());
        }
    }
    return facts;
}

// Tokenizer files worth trying beside a model when the user named none, best first: core's guess
// (an HF folder's tokenizer.json, else its tokenizer.model), then either by name, then a lone *.model.
QStringList tokenizerCandidates(const QString & modelPath, const std::string & guess) {
    const QFileInfo model(modelPath);
    const QDir dir(model.isDir() ? model.absoluteFilePath() : model.absolutePath());
    QStringList out;
    if (!guess.empty())
        out << QDir::cleanPath(dir.absoluteFilePath(QString::fromStdString(guess)));
    out << dir.absoluteFilePath(QStringLiteral("tokenizer.json")) << dir.absoluteFilePath(QStringLiteral("tokenizer.model"));
    const QStringList models = dir.entryList({QStringLiteral("*.model")}, QDir::Files);
    if (models.size() == 1)
        out << dir.absoluteFilePath(models.front());
    out.removeDuplicates();
    return out;
}

void attachTokenizer(LoadedModel & result, const QString & explicitPath) {
    if (!explicitPath.isEmpty()) {   // the user asked for this one: failing is an error
        result.tokenizer = load_tokenizer(localPath(explicitPath));
        result.tokenizerFacts = factsOf(*result.tokenizer, explicitPath);
        return;
    }
    QString lastError;
    for (const QString & candidate : tokenizerCandidates(result.path, result.info.tokenizer_guess)) {
        if (!QFileInfo(candidate).isFile())
            continue;
        try {
            result.tokenizer = load_tokenizer(localPath(candidate));
            result.tokenizerFacts = factsOf(*result.tokenizer, candidate);
            return;
        } catch (const std::exception & e) {
            lastError = QString::fromUtf8(e.what());
        }
    }
    result.tokenizerFacts.note = lastError;   // empty: nothing found
}

} // namespace

LoadedModel loadModelNow(const QString & path, const QString & tokenizer) {
    LoadedModel result;
    result.path = path;
    result.model = std::shared_ptr<Model>(Model::load(localPath(path)));
    result.info = result.model->info();
    attachTokenizer(result, tokenizer);
    return result;
}

ModelLoader::ModelLoader(QObject * parent) : QObject(parent), runner_(new JobRunner(this)) {
    connect(runner_, &JobRunner::failed, this, [this](const QString & error) { Q_EMIT failed(path_, error); });
}

bool ModelLoader::isBusy() const { return runner_->isBusy(); }
void ModelLoader::shutdown() { runner_->shutdown(); }

bool ModelLoader::start(const QString & path, const QString & tokenizer) {
    if (runner_->isBusy())
        return false;
    path_ = path;
    return runner_->start<LoadedModel>(
        tr("Loading model"), [path, tokenizer](JobHandle &) { return loadModelNow(path, tokenizer); },
        [this](LoadedModel && result) { Q_EMIT loaded(result); });
}

} // namespace rapidun::ui
