#include "model_loader.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

#include <exception>
#include <optional>

namespace rapidun::ui {
namespace {

struct LoadOutcome {
    std::optional<LoadedModel> value;
    QString error;
};

std::string localPath(const QString & path) { return QFile::encodeName(path).toStdString(); }

TokenizerFacts factsOf(const Tokenizer & tok, const QString & path) {
    TokenizerFacts facts;
    facts.path = path;
    facts.kind = QString::fromStdString(tok.kind());
    facts.vocabSize = tok.vocab_size();
    return facts;
}

// Tokenizer files worth trying beside a model when the user named none, best first.
QStringList tokenizerCandidates(const QString & modelPath, const std::string & guess) {
    const QFileInfo model(modelPath);
    const QDir dir(model.isDir() ? model.absoluteFilePath() : model.absolutePath());
    QStringList out;
    if (!guess.empty())
        out << QDir::cleanPath(dir.absoluteFilePath(QString::fromStdString(guess)));
    out << dir.absoluteFilePath(QStringLiteral("tokenizer.model"));
    const QStringList models = dir.entryList({QStringLiteral("*.model")}, QDir::Files);
    if (models.size() == 1)
        out << dir.absoluteFilePath(models.front());
    out.removeDuplicates();
    return out;
}

void attachTokenizer(LoadedModel & result, const QString & explicitPath) {
    if (!explicitPath.isEmpty()) {   // the user asked for this one: failing is an error
        result.tokenizer = load_sentencepiece(localPath(explicitPath));
        result.tokenizerFacts = factsOf(*result.tokenizer, explicitPath);
        return;
    }
    QString lastError;
    for (const QString & candidate : tokenizerCandidates(result.path, result.info.tokenizer_guess)) {
        if (!QFileInfo(candidate).isFile())
            continue;
        try {
            result.tokenizer = load_sentencepiece(localPath(candidate));
            result.tokenizerFacts = factsOf(*result.tokenizer, candidate);
            return;
        } catch (const std::exception & e) {
            lastError = QString::fromUtf8(e.what());
        }
    }
    result.tokenizerFacts.note = lastError;   // empty: nothing found
}

LoadOutcome loadWork(const QString & path, const QString & tokenizer) {
    LoadOutcome out;
    try {
        out.value = loadModelNow(path, tokenizer);
    } catch (const std::exception & e) {
        out.error = QString::fromUtf8(e.what());
    } catch (...) {
        out.error = QStringLiteral("unknown error");
    }
    return out;
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

ModelLoader::ModelLoader(QObject * parent) : QObject(parent) {}

ModelLoader::~ModelLoader() {
    if (wait_)
        wait_();   // the worker never outlives the loader
}

bool ModelLoader::start(const QString & path, const QString & tokenizer) {
    if (busy_)
        return false;
    busy_ = true;
    QFuture<LoadOutcome> future = QtConcurrent::run(loadWork, path, tokenizer);
    auto * watcher = new QFutureWatcher<LoadOutcome>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, path] {
        LoadOutcome out = watcher->result();
        watcher->deleteLater();
        busy_ = false;
        wait_ = nullptr;
        if (out.value)
            Q_EMIT loaded(*out.value);
        else
            Q_EMIT failed(path, out.error);
    });
    watcher->setFuture(future);   // connect first, then set the future
    wait_ = [future]() mutable { future.waitForFinished(); };
    return true;
}

} // namespace rapidun::ui
