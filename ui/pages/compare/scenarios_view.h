// The Compare page's "Scenarios" tab: where do RapidUn's weights matter? It shows
// W/reports/scenarios.json (rapidun scenarios, core's run_scenarios): one table row per scenario and
// method with the seed mean +- sd after unlearning (seen-trigger ASR, OOD ASR, false-trigger rate,
// clean utility: exact match where the lab has it, else ROUGE-L; the triggered prompts against their
// clean twins; seen ASR per trigger family), a note with what each scenario chose (the family, the
// curated rows' precision) and a grouped bar chart of the seen ASR (one group per scenario, one bar
// per method). Without the file it says how to make it. Read on the GUI thread (a few KB).
#pragma once
#include <QWidget>

class QLabel;
class QStandardItemModel;
class QTableView;

namespace rapidun::ui {

class GroupedBarChart;

class ScenariosView : public QWidget {
    Q_OBJECT
public:
    enum Column { ScenarioColumn, MethodColumn, ForgetColumn, SeenColumn, OodColumn, FalseColumn, UtilityColumn, TwinColumn,
                  FamilyColumn, ColumnCount };

    explicit ScenariosView(QWidget * parent = nullptr);

    // Reads <workspaceDir>/reports/scenarios.json; returns false (the table empty, the note saying
    // why) when it is absent or unreadable.
    bool load(const QString & workspaceDir);
    void clear();

    // For tests.
    QStandardItemModel * model() const { return model_; }
    GroupedBarChart *    chart() const { return chart_; }
    QLabel *             note() const { return note_; }

private:
    QLabel *             note_ = nullptr;
    QStandardItemModel * model_ = nullptr;
    QTableView *         view_ = nullptr;
    GroupedBarChart *    chart_ = nullptr;
};

} // namespace rapidun::ui
