// The form of one unlearning run: method, preset, and the UnlearnOptions a user tunes. Choosing a
// method or a preset loads that preset's values (core's unlearn_preset) into every field except the
// seed and "evaluate after", which stay as the user set them; edits after that are kept.
//
// Fields (UnlearnOptions): lr, epochs, max_steps (0 = the whole schedule), batch_size, seed,
// retain_share (RapidUn, GA+GD, LoReUn, NPO: GA draws forget items only), alpha_asc (every method
// with an ascent term: RapidUn, GA, GA+GD, LoReUn), beta_desc (RapidUn, GA+GD, LoReUn), LoReUn's
// direction and tau, NPO's beta, Fisher's lambda (no training loop: lr, epochs, steps, batch and
// retain share are disabled for it), and UnlearnJobOptions::evaluate_after. LoRA shape, optimiser
// betas, clipping, warm-up and the guards stay at the preset's values (the CLI does not expose them
// either).
#pragma once
#include "rapidun/unlearn/unlearn_job.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace rapidun::ui {

class RunForm : public QWidget {
    Q_OBJECT
public:
    explicit RunForm(QWidget * parent = nullptr);

    // The run as configured (run_id left empty: the page names runs when they start). False, with
    // a translated reason, when a field holds no valid value.
    bool jobOptions(UnlearnJobOptions * out, QString * why) const;
    // Shows a configuration (method, preset, every field of the form).
    void setJobOptions(const UnlearnJobOptions & job);

    QPushButton * addButton() const { return add_; }
    // The open workspace's kind ("dolly", "synthetic", "custom"): the "lab" preset's lr depends on it
    // (core's unlearn_preset). Reloads the preset's values when it changes.
    void setWorkspaceKind(const QString & kind);

Q_SIGNALS:
    void addRequested();   // "Add to queue"

private:
    void loadPreset();        // the current method's and preset's values into the fields
    void updateVisibility();  // method-specific rows, Fisher's disabled training fields
    UnlearnMethod method() const;

    QFormLayout *    form_ = nullptr;
    QComboBox *      method_ = nullptr;
    QComboBox *      preset_ = nullptr;
    QDoubleSpinBox * lr_ = nullptr;
    QSpinBox *       epochs_ = nullptr;
    QSpinBox *       maxSteps_ = nullptr;
    QSpinBox *       batch_ = nullptr;
    QSpinBox *       seed_ = nullptr;
    QDoubleSpinBox * retainShare_ = nullptr;
    QDoubleSpinBox * alphaAsc_ = nullptr;
    QDoubleSpinBox * betaDesc_ = nullptr;
    QComboBox *      loreunDirection_ = nullptr;
    QDoubleSpinBox * loreunTau_ = nullptr;
    QDoubleSpinBox * npoBeta_ = nullptr;
    QLineEdit *      fisherLambda_ = nullptr;
    QCheckBox *      evaluate_ = nullptr;
    QPushButton *    add_ = nullptr;
    std::string      workspaceKind_;
};

} // namespace rapidun::ui
