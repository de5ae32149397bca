// File > Export Report: which sections, how many ranked rows and heat maps, the format; a preview
// of the report as it will read (without computing heat maps: those saved are shown); Export
// writes it (core/report builds the content, ui/report_pdf lays out PDF).
#pragma once
#include <QDialog>
#include <QStringList>

class QCheckBox;
class QComboBox;
class QLabel;
class QSpinBox;
class QTextBrowser;

namespace rapidun {
struct ReportOptions;
}

namespace rapidun::ui {

class ReportDialog : public QDialog {
    Q_OBJECT
public:
    explicit ReportDialog(const QString & workspaceDir, QWidget * parent = nullptr);

    QStringList sections() const;                 // the ticked ones, in report order
    void setSections(const QStringList & names);  // ticks exactly these
    QString format() const;                       // html | pdf | md | json | csv
    void setFormat(const QString & format);
    void setTopK(int k);
    void setHeatMaps(int n);                      // heat maps of the top n rows (computed on export)
    // Builds the report for the current choices and shows it; false (and the message shown) on an error.
    bool refreshPreview();
    QTextBrowser * preview() const { return preview_; }
    // Writes the report to path in the current format; false (and a message box unless quiet) on an error.
    bool exportTo(const QString & path, bool quiet = false);

private:
    void chooseAndExport();
    ReportOptions options(bool computeHeatMaps) const;

    QString workspaceDir_;
    QList<QCheckBox *> sectionBoxes_;
    QComboBox * format_ = nullptr;
    QSpinBox * topK_ = nullptr;
    QSpinBox * heatMaps_ = nullptr;
    QTextBrowser * preview_ = nullptr;
    QLabel * status_ = nullptr;
};

} // namespace rapidun::ui
