// Edit > Preferences: CPU threads and the language (both applied at the next start), the synthetic
// lab's folder and scale, and whether a lab build also times a clean retrain. Reads and writes through Settings only.
#pragma once
#include <QDialog>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QSpinBox;

namespace rapidun::ui {

class PreferencesDialog : public QDialog {
    Q_OBJECT
public:
    explicit PreferencesDialog(QWidget * parent = nullptr);
    void load();    // from QSettings
    void store();   // to QSettings (called on OK)

    QSpinBox *  threads() const { return threads_; }
    QLineEdit * labDir() const { return labDir_; }
    QComboBox * labScale() const { return labScale_; }
    QCheckBox * retrainReference() const { return retrain_; }
    QComboBox * language() const { return language_; }

private:
    QSpinBox *  threads_ = nullptr;
    QLineEdit * labDir_ = nullptr;
    QComboBox * labScale_ = nullptr;
    QCheckBox * retrain_ = nullptr;
    QComboBox * language_ = nullptr;
};

} // namespace rapidun::ui
