// File > New Workspace: a workspace folder from a model (HF folder, .safetensors or llama2.c .bin), an
// optional tokenizer, the prompt template, the poison words of the detector, and data sets with their
// roles (train, forget, retain, test_clean, test_seen_trig, test_ood_trig, val_clean; train is
// required). Data and model files are referenced by absolute path, never copied. On OK every data
// set is read once with core's reader (a bad file is named with its line) and workspace.json is
// written atomically; the window then opens the folder.
#pragma once
#include <QDialog>
#include <QStringList>

class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QTableWidget;

namespace rapidun::ui {

class NewWorkspaceDialog : public QDialog {
    Q_OBJECT
public:
    explicit NewWorkspaceDialog(QWidget * parent = nullptr);

    void setFolder(const QString & dir);
    void setModel(const QString & path);
    void setTokenizer(const QString & path);
    void setKeywords(const QString & commaSeparated);
    void addDataset(const QString & role, const QString & path);

    // Validates and writes the workspace; on failure returns false and sets error() (shown in the
    // dialog). Called by OK; tests call it directly.
    bool create();
    QString error() const { return error_; }
    QString folder() const;

    static QStringList roles();

private:
    void browseModel(bool folder);
    void addRowFromDialog();

    QLineEdit *    folder_ = nullptr;
    QLineEdit *    name_ = nullptr;
    QLineEdit *    model_ = nullptr;
    QLineEdit *    tokenizer_ = nullptr;
    QComboBox *    template_ = nullptr;
    QSpinBox *     maxLen_ = nullptr;
    QSpinBox *     maxNew_ = nullptr;
    QLineEdit *    keywords_ = nullptr;
    QTableWidget * datasets_ = nullptr;
    QLabel *       message_ = nullptr;
    QString        error_;
};

} // namespace rapidun::ui
