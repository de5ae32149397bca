// ReportDialog (report_dialog.h).
#include "report_dialog.h"

#include "report_pdf.h"

#include "rapidun/report/report.h"
#include "rapidun/workspace/workspace.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QTextBrowser>
#include <QVBoxLayout>

#include <exception>
#include <stdexcept>

namespace rapidun::ui {

namespace {

struct FormatInfo {
    const char * key;
    const char * label;
    const char * filter;
};
const FormatInfo kFormats[] = {
    {"html", QT_TRANSLATE_NOOP("rapidun::ui::ReportDialog", "HTML (one self-contained file)"), "HTML (*.html)"},
    {"pdf", QT_TRANSLATE_NOOP("rapidun::ui::ReportDialog", "PDF (A4 pages)"), "PDF (*.pdf)"},
    {"md", QT_TRANSLATE_NOOP("rapidun::ui::ReportDialog", "Markdown (with a folder of SVG charts)"), "Markdown (*.md)"},
    {"json", QT_TRANSLATE_NOOP("rapidun::ui::ReportDialog", "JSON (the report's content)"), "JSON (*.json)"},
    {"csv", QT_TRANSLATE_NOOP("rapidun::ui::ReportDialog", "CSV (a folder, one file per table)"), ""},
};

} // namespace

ReportDialog::ReportDialog(const QString & workspaceDir, QWidget * parent) : QDialog(parent), workspaceDir_(workspaceDir) {
    setWindowTitle(tr("Export Report"));
    auto * form = new QFormLayout;
    auto * boxes = new QVBoxLayout;
    const QStringList titles = {tr("Workspace and data"), tr("Influence ranking and detection"), tr("Mapping and weights"),
                                tr("Unlearning runs"), tr("Methods compared"), tr("Generations before and after"),
                                tr("Environment")};
    const auto & names = report_section_names();
    for (size_t i = 0; i < names.size(); ++i) {
        auto * box = new QCheckBox(titles.value(int(i), QString::fromStdString(names[i])));
        box->setObjectName(QString::fromStdString(names[i]));
        box->setChecked(true);
        connect(box, &QCheckBox::toggled, this, [this] { refreshPreview(); });
        sectionBoxes_.append(box);
        boxes->addWidget(box);
    }
    form->addRow(tr("Sections:"), boxes);
    topK_ = new QSpinBox;
    topK_->setRange(1, 100000);
    topK_->setValue(50);
    topK_->setToolTip(tr("How many of the ranked training rows the report lists"));
    connect(topK_, &QSpinBox::editingFinished, this, [this] { refreshPreview(); });
    form->addRow(tr("Ranked rows listed:"), topK_);
    heatMaps_ = new QSpinBox;
    heatMaps_->setRange(0, 50);
    heatMaps_->setValue(3);
    heatMaps_->setToolTip(tr("Token heat maps of this many top-ranked rows, computed with the model on export; "
                             "every explanation opened on the Influence page is included as well"));
    form->addRow(tr("Heat maps of top rows:"), heatMaps_);
    format_ = new QComboBox;
    for (const FormatInfo & f : kFormats) format_->addItem(tr(f.label), QString::fromLatin1(f.key));
    form->addRow(tr("Format:"), format_);

    preview_ = new QTextBrowser;
    preview_->setMinimumSize(640, 420);
    status_ = new QLabel;
    auto * buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    QPushButton * exportButton = buttons->addButton(tr("&Export..."), QDialogButtonBox::AcceptRole);
    connect(exportButton, &QPushButton::clicked, this, &ReportDialog::chooseAndExport);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto * layout = new QHBoxLayout;
    auto * left = new QVBoxLayout;
    left->addLayout(form);
    left->addStretch();
    layout->addLayout(left);
    layout->addWidget(preview_, 1);
    auto * outer = new QVBoxLayout(this);
    outer->addLayout(layout, 1);
    outer->addWidget(status_);
    outer->addWidget(buttons);
    refreshPreview();
}

QStringList ReportDialog::sections() const {
    QStringList out;
    for (QCheckBox * b : sectionBoxes_)
        if (b->isChecked()) out << b->objectName();
    return out;
}

void ReportDialog::setSections(const QStringList & names) {
    for (QCheckBox * b : sectionBoxes_) {
        const QSignalBlocker block(b);
        b->setChecked(names.contains(b->objectName()));
    }
    refreshPreview();
}

QString ReportDialog::format() const { return format_->currentData().toString(); }

void ReportDialog::setFormat(const QString & format) { format_->setCurrentIndex(format_->findData(format)); }

void ReportDialog::setTopK(int k) {
    topK_->setValue(k);
    refreshPreview();
}

void ReportDialog::setHeatMaps(int n) { heatMaps_->setValue(n); }

ReportOptions ReportDialog::options(bool compute) const {
    ReportOptions o;
    for (const QString & s : sections()) o.sections.push_back(s.toStdString());
    o.top_k = size_t(topK_->value());
    o.heat_maps = size_t(heatMaps_->value());
    o.compute_heat_maps = compute;
    return o;
}

bool ReportDialog::refreshPreview() {
    if (sections().isEmpty()) {
        preview_->document()->clear();
        status_->setText(tr("Tick at least one section."));
        return false;
    }
    try {
        // On the GUI thread: the report reads the workspace's files only (a lab's in well under a second).
        // The preview does not load the model: the top rows' heat maps are computed on export.
        const Report r = build_report(Workspace::load(workspaceDir_.toStdString()), options(false));
        fill_report_document(r, *preview_->document());
        status_->setText(tr("%n section(s)", nullptr, int(r.sections.size())));
        return true;
    } catch (const std::exception & e) {
        preview_->document()->clear();
        status_->setText(QString::fromStdString(e.what()));
        return false;
    }
}

bool ReportDialog::exportTo(const QString & path, bool quiet) {
    try {
        if (sections().isEmpty()) throw std::runtime_error(tr("Tick at least one section.").toStdString());
        const QGuiApplication * app = qGuiApp;
        if (app) QGuiApplication::setOverrideCursor(Qt::WaitCursor);   // heat maps run the model
        const Report r = [&] {
            try {
                Report built = build_report(Workspace::load(workspaceDir_.toStdString()), options(true));
                if (app) QGuiApplication::restoreOverrideCursor();
                return built;
            } catch (...) {
                if (app) QGuiApplication::restoreOverrideCursor();
                throw;
            }
        }();
        if (format() == QLatin1String("pdf")) write_report_pdf(r, path.toStdString());
        else write_report(r, format().toStdString(), path.toStdString());
        status_->setText(tr("Wrote %1").arg(QDir::toNativeSeparators(path)));
        return true;
    } catch (const std::exception & e) {
        status_->setText(QString::fromStdString(e.what()));
        if (!quiet) QMessageBox::warning(this, tr("Export Report"), QString::fromStdString(e.what()));
        return false;
    }
}

void ReportDialog::chooseAndExport() {
    const QString f = format();
    QString path;
    if (f == QLatin1String("csv")) {
        path = QFileDialog::getExistingDirectory(this, tr("Folder for the CSV tables"), workspaceDir_);
    } else {
        QString filter;
        for (const FormatInfo & fi : kFormats)
            if (f == QLatin1String(fi.key)) filter = QString::fromLatin1(fi.filter);
        path = QFileDialog::getSaveFileName(this, tr("Export Report"), workspaceDir_ + QStringLiteral("/report.") + f, filter);
    }
    if (!path.isEmpty()) exportTo(path);
}

} // namespace rapidun::ui
