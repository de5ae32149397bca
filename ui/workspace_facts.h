// Plain data that crosses from the workspace loader's worker thread to the window: no QObject, no torch.
#pragma once
#include "model_facts.h"

#include <QString>
#include <QStringList>
#include <QVector>

namespace rapidun::ui {

// The roles a lab's workspace.json names, in the order the studio lists them.
inline QStringList standardDatasetRoles() {
    return {QStringLiteral("train"),          QStringLiteral("val_clean"),     QStringLiteral("test_clean"),
            QStringLiteral("test_seen_trig"), QStringLiteral("test_ood_trig"), QStringLiteral("forget"),
            QStringLiteral("retain")};
}

// Rows of one category of a data set, split by the poison flag.
struct CategoryCount {
    QString category;
    qint64  clean = 0;
    qint64  poisoned = 0;
};

// One data set of a workspace as read from its file. `error` is set (and the counts are 0) when the
// file could not be read; the other data sets are still shown.
struct DatasetSummary {
    QString role;
    QString path;                  // absolute
    qint64  rows = 0;
    qint64  poisoned = 0;
    int     triggerVariants = 0;   // distinct trigger_variant values among the poisoned rows
    QVector<CategoryCount> categories;   // by category name
    QString error;

    bool isRead() const { return error.isEmpty(); }
};

// A workspace as the window shows it: the folder's description, its data sets, the lab facts
// (JSON object text, "{}" when none) and the model. `modelError` is set when the model could not be
// loaded; the data sets and lab facts are shown anyway.
struct OpenedWorkspace {
    QString dir;
    QString name;
    QString kind;
    QString modelPath;       // absolute
    QString tokenizerPath;   // absolute; empty = beside the model
    QString detectorPath;    // absolute
    QString promptTemplate;
    int     maxLen = 0;
    int     maxAnswer = 0;   // answer tokens kept in influence and unlearning, 0 = all
    int     maxNewTokens = 0;
    QString labJson;
    QVector<DatasetSummary> datasets;   // standard roles first, then any others
    LoadedModel model;
    QString     modelError;

    const DatasetSummary * dataset(const QString & role) const {
        for (const DatasetSummary & d : datasets)
            if (d.role == role)
                return &d;
        return nullptr;
    }
};

} // namespace rapidun::ui
