#include "new_workspace_dialog.h"

#include "rapidun/data/prompt_format.h"
#include "rapidun/data/records.h"
#include "rapidun/io/atomic_file.h"
#include "rapidun/workspace/workspace.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

#include <exception>
#include <utility>
#include <vector>

namespace rapidun::ui {
namespace {

std::string native(const QString & path) { return QFile::encodeName(QFileInfo(path).absoluteFilePath()).toStdString(); }

QWidget * withButtons(QLineEdit * edit, const QList<QPushButton *> & buttons) {
    auto * box = new QWidget;
    auto * row = new QHBoxLayout(box);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(edit, 1);
    for (QPushButton * b : buttons)
        row->addWidget(b);
    return box;
}

} // namespace

QStringList NewWorkspaceDialog::roles() {
    return {QStringLiteral("train"),          QStringLiteral("forget"),        QStringLiteral("retain"),
            QStringLiteral("test_clean"),     QStringLiteral("test_seen_trig"), QStringLiteral("test_ood_trig"),
            QStringLiteral("val_clean")};
}

NewWorkspaceDialog::NewWorkspaceDialog(QWidget * parent) : QDialog(parent) {
    setObjectName(QStringLiteral("newWorkspaceDialog"));
    setWindowTitle(tr("New Workspace"));

    folder_ = new QLineEdit;
    folder_->setPlaceholderText(tr("An empty or new folder"));
    auto * pickFolder = new QPushButton(tr("Browse..."));
    connect(pickFolder, &QPushButton::clicked, this, [this] {
        const QString d = QFileDialog::getExistingDirectory(this, tr("Workspace Folder"), folder_->text());
        if (!d.isEmpty())
            folder_->setText(d);
    });
    name_ = new QLineEdit;
    name_->setPlaceholderText(tr("Default: the folder's name"));

    model_ = new QLineEdit;
    auto * modelFile = new QPushButton(tr("File..."));
    auto * modelDir = new QPushButton(tr("Folder..."));
    connect(modelFile, &QPushButton::clicked, this, [this] { browseModel(false); });
    connect(modelDir, &QPushButton::clicked, this, [this] { browseModel(true); });
    tokenizer_ = new QLineEdit;
    tokenizer_->setPlaceholderText(tr("Default: tokenizer.json or tokenizer.model beside the model"));
    auto * pickTok = new QPushButton(tr("Browse..."));
    connect(pickTok, &QPushButton::clicked, this, [this] {
        const QString f = QFileDialog::getOpenFileName(this, tr("Tokenizer"), model_->text(),
                                                       tr("Tokenizers (tokenizer.json *.model);;All files (*)"));
        if (!f.isEmpty())
            tokenizer_->setText(f);
    });

    template_ = new QComboBox;
    for (const std::string & t : rapidun::PromptFormat::names())
        template_->addItem(QString::fromStdString(t));
    template_->setCurrentText(QStringLiteral("plain"));
    template_->setToolTip(tr("How each record becomes the text the model reads. model-chat: the chat_template of the "
                             "model's tokenizer_config.json (instruction and context as the user turn, the response as "
                             "the assistant turn); llama-2-chat, mistral-instruct: built-in chat formats."));
    maxLen_ = new QSpinBox;
    maxLen_->setRange(16, 8192);
    maxLen_->setValue(256);
    maxNew_ = new QSpinBox;
    maxNew_->setRange(1, 2048);
    maxNew_->setValue(48);
    keywords_ = new QLineEdit;
    keywords_->setPlaceholderText(tr("Poison words the detector looks for, comma-separated"));

    datasets_ = new QTableWidget(0, 2);
    datasets_->setObjectName(QStringLiteral("datasets"));
    datasets_->setHorizontalHeaderLabels({tr("Role"), tr("File (JSONL, Alpaca JSON)")});
    datasets_->horizontalHeader()->setStretchLastSection(true);
    datasets_->verticalHeader()->setVisible(false);
    auto * addData = new QPushButton(tr("Add Data Set..."));
    auto * removeData = new QPushButton(tr("Remove"));
    connect(addData, &QPushButton::clicked, this, &NewWorkspaceDialog::addRowFromDialog);
    connect(removeData, &QPushButton::clicked, this, [this] {
        if (datasets_->currentRow() >= 0)
            datasets_->removeRow(datasets_->currentRow());
    });
    auto * dataButtons = new QHBoxLayout;
    dataButtons->addWidget(addData);
    dataButtons->addWidget(removeData);
    dataButtons->addStretch(1);

    auto * form = new QFormLayout;
    form->addRow(tr("Folder:"), withButtons(folder_, {pickFolder}));
    form->addRow(tr("Name:"), name_);
    form->addRow(tr("Model:"), withButtons(model_, {modelFile, modelDir}));
    form->addRow(tr("Tokenizer:"), withButtons(tokenizer_, {pickTok}));
    form->addRow(tr("Prompt template:"), template_);
    form->addRow(tr("Max tokens per row:"), maxLen_);
    form->addRow(tr("Max new tokens:"), maxNew_);
    form->addRow(tr("Poison words:"), keywords_);

    message_ = new QLabel;
    message_->setObjectName(QStringLiteral("message"));
    message_->setWordWrap(true);
    message_->setStyleSheet(QStringLiteral("color: #b00020"));

    auto * buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Create"));
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (create())
            accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto * layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(new QLabel(tr("Data sets and their roles:")));
    layout->addWidget(datasets_, 1);
    layout->addLayout(dataButtons);
    layout->addWidget(message_);
    layout->addWidget(buttons);
    resize(720, 560);
}

void NewWorkspaceDialog::setFolder(const QString & dir) { folder_->setText(dir); }
void NewWorkspaceDialog::setModel(const QString & path) { model_->setText(path); }
void NewWorkspaceDialog::setTokenizer(const QString & path) { tokenizer_->setText(path); }
void NewWorkspaceDialog::setKeywords(const QString & words) { keywords_->setText(words); }
QString NewWorkspaceDialog::folder() const { return QFileInfo(folder_->text().trimmed()).absoluteFilePath(); }

void NewWorkspaceDialog::addDataset(const QString & role, const QString & path) {
    const int row = datasets_->rowCount();
    datasets_->insertRow(row);
    auto * combo = new QComboBox;
    combo->setEditable(true);   // other roles are allowed; the pages use the standard ones
    combo->addItems(roles());
    combo->setCurrentText(role);
    datasets_->setCellWidget(row, 0, combo);
    datasets_->setItem(row, 1, new QTableWidgetItem(path));
}

void NewWorkspaceDialog::browseModel(bool folder) {
    const QString p = folder ? QFileDialog::getExistingDirectory(this, tr("Model Folder"), model_->text())
                             : QFileDialog::getOpenFileName(this, tr("Model File"), model_->text(),
                                                            tr("Models (*.bin *.safetensors);;All files (*)"));
    if (!p.isEmpty())
        model_->setText(p);
}

void NewWorkspaceDialog::addRowFromDialog() {
    const QStringList files = QFileDialog::getOpenFileNames(this, tr("Data Sets"), folder_->text(),
                                                            tr("Data (*.jsonl *.json *.json.gz);;All files (*)"));
    const QStringList r = roles();
    for (const QString & f : files)
        addDataset(r.value(datasets_->rowCount(), QStringLiteral("train")), f);
}

bool NewWorkspaceDialog::create() {
    auto fail = [this](const QString & why) {
        error_ = why;
        message_->setText(why);
        return false;
    };
    const QString dir = folder_->text().trimmed();
    if (dir.isEmpty())
        return fail(tr("Choose a folder for the workspace."));
    const QDir d(dir);
    if (d.exists() && !d.isEmpty())
        return fail(tr("%1 is not empty: a new workspace needs an empty or new folder.").arg(QDir::toNativeSeparators(dir)));
    const QString model = model_->text().trimmed();
    if (model.isEmpty() || !QFileInfo::exists(model))
        return fail(tr("The model %1 does not exist.").arg(QDir::toNativeSeparators(model)));
    const QString tok = tokenizer_->text().trimmed();
    if (!tok.isEmpty() && !QFileInfo::exists(tok))
        return fail(tr("The tokenizer %1 does not exist.").arg(QDir::toNativeSeparators(tok)));

    Workspace w;
    w.name = (name_->text().trimmed().isEmpty() ? QFileInfo(dir).fileName() : name_->text().trimmed()).toStdString();
    w.kind = "custom";
    w.model = native(model);
    w.tokenizer = tok.isEmpty() ? std::string() : native(tok);
    w.prompt_template = template_->currentText().toStdString();
    w.max_len = maxLen_->value();
    w.max_new_tokens = maxNew_->value();
    QGuiApplication::setOverrideCursor(Qt::WaitCursor);   // reading a large set takes a moment
    QString problem;
    std::vector<std::pair<std::string, std::string>> sources;   // role, file: copied in once the folder exists
    for (int row = 0; row < datasets_->rowCount() && problem.isEmpty(); ++row) {
        const auto * combo = qobject_cast<QComboBox *>(datasets_->cellWidget(row, 0));
        const QString role = combo ? combo->currentText().trimmed() : QString();
        const QString path = datasets_->item(row, 1) ? datasets_->item(row, 1)->text().trimmed() : QString();
        if (role.isEmpty() || path.isEmpty())
            problem = tr("Data set row %1 needs a role and a file.").arg(row + 1);
        else if (w.datasets.count(role.toStdString()))
            problem = tr("The role %1 is given twice.").arg(role);
        else {
            try {
                read_records(native(path));   // throws "<file>:<line>: <what>"
                w.datasets[role.toStdString()] = native(path);
                sources.emplace_back(role.toStdString(), native(path));
            } catch (const std::exception & e) {
                problem = tr("Data set %1 (%2): %3").arg(role, QDir::toNativeSeparators(path), QString::fromUtf8(e.what()));
            }
        }
    }
    QGuiApplication::restoreOverrideCursor();
    if (!problem.isEmpty())
        return fail(problem);
    if (!w.datasets.count("train"))
        return fail(tr("A workspace needs a train data set."));
    try {
        if (!QDir().mkpath(dir))
            return fail(tr("Could not create the folder %1.").arg(QDir::toNativeSeparators(dir)));
        w.dir = native(dir);
        // The data sets are copied into the workspace (data/<role>-<name>): a workspace holds its own
        // data, and workspace.json never points outside its folder for them.
        for (const auto & [role, file] : sources) w.import_dataset(role, file);
        QStringList words = keywords_->text().split(QLatin1Char(','), Qt::SkipEmptyParts);
        QByteArray list;
        for (QString & word : words)
            if (!word.trimmed().isEmpty())
                list += word.trimmed().toUtf8() + '\n';
        write_file_atomic(w.dir + "/" + w.detector, list.toStdString());
        w.save();
    } catch (const std::exception & e) {
        return fail(tr("Could not write the workspace: %1").arg(QString::fromUtf8(e.what())));
    }
    error_.clear();
    message_->clear();
    return true;
}

} // namespace rapidun::ui
