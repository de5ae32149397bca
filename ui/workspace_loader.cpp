#include "workspace_loader.h"

#include "job_runner.h"
#include "model_loader.h"

#include "rapidun/data/records.h"
#include "rapidun/workspace/workspace.h"

#include <QDir>
#include <QFile>
#include <QMap>
#include <QSet>

#include <exception>
#include <vector>

namespace rapidun::ui {
namespace {

std::string localPath(const QString & path) { return QFile::encodeName(path).toStdString(); }
QString fromLocal(const std::string & path) { return QFile::decodeName(QByteArray::fromStdString(path)); }
QString text(const std::string & s) { return QString::fromStdString(s); }

DatasetSummary summarize(const QString & role, const QString & path) {
    DatasetSummary d;
    d.role = role;
    d.path = path;
    try {
        const std::vector<Record> rows = read_records(localPath(path));
        QMap<QString, CategoryCount> byCategory;
        QSet<QString> variants;
        for (const Record & r : rows) {
            CategoryCount & c = byCategory[text(r.category)];
            c.category = text(r.category);
            if (r.is_poisoned) {
                ++d.poisoned;
                ++c.poisoned;
                if (!r.trigger_variant.empty())
                    variants.insert(text(r.trigger_variant));
            } else {
                ++c.clean;
            }
        }
        d.rows = static_cast<qint64>(rows.size());
        d.triggerVariants = static_cast<int>(variants.size());
        d.categories = QVector<CategoryCount>(byCategory.cbegin(), byCategory.cend());
    } catch (const std::exception & e) {
        d.error = QString::fromUtf8(e.what());
    }
    return d;
}

} // namespace

OpenedWorkspace openWorkspaceNow(const QString & dir) {
    const Workspace w = Workspace::load(localPath(dir));
    OpenedWorkspace ws;
    ws.dir = fromLocal(w.dir);
    ws.name = text(w.name);
    ws.kind = text(w.kind);
    ws.modelPath = fromLocal(w.resolve(w.model));
    ws.tokenizerPath = w.tokenizer.empty() ? QString() : fromLocal(w.resolve(w.tokenizer));
    ws.detectorPath = w.detector.empty() ? QString() : fromLocal(w.resolve(w.detector));
    ws.promptTemplate = text(w.prompt_template);
    ws.maxLen = w.max_len;
    ws.maxNewTokens = w.max_new_tokens;
    ws.maxAnswer = w.max_answer;
    ws.labJson = text(w.lab_json);

    QStringList roles = standardDatasetRoles();
    for (const auto & entry : w.datasets)
        if (!roles.contains(text(entry.first)))
            roles << text(entry.first);
    for (const QString & role : roles) {
        const auto it = w.datasets.find(role.toStdString());
        if (it != w.datasets.end())
            ws.datasets << summarize(role, fromLocal(w.resolve(it->second)));
    }

    try {
        ws.model = loadModelNow(ws.modelPath, ws.tokenizerPath);
    } catch (const std::exception & e) {
        ws.model = {};
        ws.modelError = QString::fromUtf8(e.what());
    }
    return ws;
}

WorkspaceLoader::WorkspaceLoader(QObject * parent) : QObject(parent), runner_(new JobRunner(this)) {
    connect(runner_, &JobRunner::failed, this, [this](const QString & error) { Q_EMIT failed(dir_, error); });
}

bool WorkspaceLoader::isBusy() const { return runner_->isBusy(); }
void WorkspaceLoader::shutdown() { runner_->shutdown(); }

bool WorkspaceLoader::start(const QString & dir) {
    if (runner_->isBusy())
        return false;
    dir_ = dir;
    return runner_->start<OpenedWorkspace>(
        tr("Opening workspace"), [dir](JobHandle &) { return openWorkspaceNow(dir); },
        [this](OpenedWorkspace && workspace) { Q_EMIT opened(workspace); });
}

} // namespace rapidun::ui
