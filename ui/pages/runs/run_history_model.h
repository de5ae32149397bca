// The finished runs of a workspace: one row per W/runs/<id>/run.json (run_unlearn_job's record; a
// folder without a readable run.json, e.g. a run still being written or one that failed before its
// record, is skipped). The files are small (a few kB each), so reload() reads them on the GUI thread.
//
// Columns: id, method, preset, seed, status (finished / stopped early by a guard / cancelled / not
// evaluated), seen-trigger ASR before -> after, OOD ASR after, false-trigger rate after, clean exact
// match after, steps taken, unlearning seconds. Rates are fractions in [0, 1], shown as percent;
// a value the record lacks (no evaluation after) is NaN, shown as a dash.
//
// Sorting happens inside the model (style guide 2.9): a permutation rows_ of records_ is stable-sorted
// by RawValueRole (numbers as numbers; the seen-ASR column by its "after" value; NaN after every
// number in ascending order), and persistent indexes (the selection) follow their run.
#pragma once
#include <QAbstractTableModel>
#include <QString>
#include <QVector>
#include <QtNumeric>

#include <vector>

namespace rapidun::ui {

struct RunRecord {
    enum class Status { Finished, StoppedEarly, Cancelled, NotEvaluated };
    QString id, dir;          // dir: the run's folder (absolute)
    QString method, preset;   // core names: "rapidun", "lab"
    qint64  seed = 0;
    Status  status = Status::Finished;
    QString reason;           // why a guard stopped it; empty otherwise
    double  seenBefore = qQNaN(), seenAfter = qQNaN();   // fractions
    double  oodAfter = qQNaN(), falseTriggerAfter = qQNaN(), cleanEmAfter = qQNaN();
    qint64  steps = 0, totalSteps = 0;
    double  unlearnSeconds = qQNaN(), evaluateSeconds = qQNaN();
    qint64  modified = 0;     // run.json's modification time, ms since the epoch (load order)
};

class RunHistoryModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Id = 0, Method, Preset, Seed, Status, SeenAsr, OodAsr, FalseTrigger, CleanEm, Steps, Seconds, ColumnCount };
    enum Role { RawValueRole = Qt::UserRole + 1, RunIdRole };

    explicit RunHistoryModel(QObject * parent = nullptr);

    // Reads <workspaceDir>/runs/*/run.json (one reset; the current sort is kept). Returns the number
    // of folders skipped for an unreadable record.
    int reload(const QString & workspaceDir);
    void clear();
    QString workspaceDir() const { return workspace_; }

    int rowOfRun(const QString & id) const;   // -1 when absent
    const RunRecord & recordAt(int row) const { return records_[size_t(rows_[size_t(row)])]; }

    static QString methodLabel(const QString & method);   // "gagd" -> "GA+GD"
    static QString statusLabel(RunRecord::Status s);

    int rowCount(const QModelIndex & parent = {}) const override;
    int columnCount(const QModelIndex & parent = {}) const override;
    QVariant data(const QModelIndex & index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

private:
    QVariant rawValue(const RunRecord & r, int column) const;
    QString display(const RunRecord & r, int column) const;
    void sortRows();   // std::stable_sort of rows_ by (sortColumn_, sortOrder_); no signals

    QString                workspace_;
    std::vector<RunRecord> records_;   // load order: by run.json's modification time
    std::vector<int>       rows_;      // view row -> index into records_
    int                    sortColumn_ = -1;
    Qt::SortOrder          sortOrder_ = Qt::AscendingOrder;
};

// One run's evaluation curve from its metrics.jsonl (steps and nats; NaN where the file has null).
// False (and empty vectors) when the file is missing or unreadable.
struct RunCurve {
    QVector<double> step, forgetPoisoned, forgetClean, retain;   // metrics.jsonl (nats)
    QVector<double> lossStep, loss;                              // loss.jsonl (older runs: none)
};
bool readRunCurve(const QString & runDir, RunCurve * out);

} // namespace rapidun::ui
