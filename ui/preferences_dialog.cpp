#include "preferences_dialog.h"

#include "settings.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QThread>
#include <QVBoxLayout>

namespace rapidun::ui {

PreferencesDialog::PreferencesDialog(QWidget * parent) : QDialog(parent) {
    setObjectName(QStringLiteral("preferencesDialog"));
    setWindowTitle(tr("Preferences"));

    threads_ = new QSpinBox;
    threads_->setObjectName(QStringLiteral("threads"));
    threads_->setRange(0, qMax(1, QThread::idealThreadCount()) * 2);
    threads_->setSpecialValueText(tr("Automatic (RAPIDUN_THREADS, else every core)"));
    threads_->setToolTip(tr("LibTorch CPU threads; takes effect at the next start"));

    labDir_ = new QLineEdit;
    labDir_->setObjectName(QStringLiteral("labDir"));
    labDir_->setPlaceholderText(QDir::toNativeSeparators(tr("Default (RAPIDUN_LAB_DIR or the cache folder)")));
    auto * browse = new QPushButton(tr("Browse..."));
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Synthetic Lab Folder"), labDir_->text());
        if (!dir.isEmpty())
            labDir_->setText(dir);
    });
    auto * dirRow = new QHBoxLayout;
    dirRow->addWidget(labDir_, 1);
    dirRow->addWidget(browse);

    labScale_ = new QComboBox;
    labScale_->setObjectName(QStringLiteral("labScale"));
    labScale_->addItem(tr("Default (8,000 train rows, about 4 minutes)"), QStringLiteral("default"));
    labScale_->addItem(tr("Tiny (600 train rows, under a minute)"), QStringLiteral("tiny"));

    retrain_ = new QCheckBox(tr("Time the clean retrain while building a lab (else the first pipeline times it: the efficiency reference)"));
    retrain_->setObjectName(QStringLiteral("retrainReference"));

    // Each language by its own name (a user who cannot read the current one still finds theirs).
    language_ = new QComboBox;
    language_->setObjectName(QStringLiteral("language"));
    language_->addItem(tr("System language (%1)").arg(QLocale::system().nativeLanguageName()), QString());
    language_->addItem(QStringLiteral("English"), QStringLiteral("en"));
    for (const QString & code : Settings::languages()) {
        const QLocale l(code);
        QString name = l.nativeLanguageName();
        if (l.script() == QLocale::SimplifiedHanScript)
            name = QString::fromUtf8("\xe7\xae\x80\xe4\xbd\x93\xe4\xb8\xad\xe6\x96\x87");   // 简体中文
        else if (!name.isEmpty())
            name[0] = name[0].toUpper();
        language_->addItem(name, code);
    }
    language_->setToolTip(tr("The language of the studio; takes effect at the next start"));

    auto * form = new QFormLayout;
    form->addRow(tr("CPU threads:"), threads_);
    form->addRow(tr("Language:"), language_);
    form->addRow(tr("Synthetic lab folder:"), dirRow);
    form->addRow(tr("Synthetic lab scale:"), labScale_);
    form->addRow(QString(), retrain_);

    auto * buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        store();
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto * layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
    load();
}

void PreferencesDialog::load() {
    QSettings store(QString::fromLatin1(Settings::organization()), QString::fromLatin1(Settings::application()));
    Settings s(store);
    threads_->setValue(s.threads());
    labDir_->setText(s.labDir());
    const int scale = labScale_->findData(s.labScale().isEmpty() ? QStringLiteral("default") : s.labScale());
    labScale_->setCurrentIndex(qMax(0, scale));
    retrain_->setChecked(s.retrainReference());
    language_->setCurrentIndex(qMax(0, language_->findData(s.language())));
}

void PreferencesDialog::store() {
    QSettings store(QString::fromLatin1(Settings::organization()), QString::fromLatin1(Settings::application()));
    Settings s(store);
    s.setThreads(threads_->value());
    s.setLabDir(labDir_->text().trimmed());
    s.setLabScale(labScale_->currentData().toString());
    s.setRetrainReference(retrain_->isChecked());
    s.setLanguage(language_->currentData().toString());
}

} // namespace rapidun::ui
