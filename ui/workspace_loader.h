// Opens a workspace folder off the GUI thread: workspace.json, a summary of every data set (all rows
// are read), the model and its tokenizer, on a JobRunner like ModelLoader. Both signals are emitted
// on the GUI thread; shutdown() (and the destructor) waits for a running open and drops its outcome.
#pragma once
#include "workspace_facts.h"

#include <QObject>
#include <QString>

namespace rapidun::ui {

// The work itself, on the caller's thread (tests and workers). Throws std::exception when
// workspace.json cannot be read; a data set or model that fails is recorded in the result instead.
OpenedWorkspace openWorkspaceNow(const QString & dir);

class JobRunner;

class WorkspaceLoader : public QObject {
    Q_OBJECT
public:
    explicit WorkspaceLoader(QObject * parent = nullptr);

    bool isBusy() const;
    void shutdown();   // see JobRunner::shutdown

    // dir: a folder with workspace.json. Returns false (and starts nothing) while another open runs.
    bool start(const QString & dir);

Q_SIGNALS:
    void opened(const rapidun::ui::OpenedWorkspace & workspace);
    void failed(const QString & dir, const QString & error);

private:
    JobRunner * runner_ = nullptr;
    QString     dir_;   // of the running open
};

} // namespace rapidun::ui
