// The Runs page's form: presets and methods load core's values, the seed and "evaluate after" stay
// as set, method-specific rows show only for their method, Fisher's training fields are disabled,
// an invalid Fisher lambda is refused, and a configuration survives setJobOptions -> jobOptions.
#include "run_form.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLineEdit>
#include <QSpinBox>
#include <QTest>

using rapidun::LoReUnDirection;
using rapidun::UnlearnJobOptions;
using rapidun::UnlearnMethod;
using rapidun::ui::RunForm;

namespace {

template <class W> W * child(RunForm & f, const char * name) {
    W * w = f.findChild<W *>(QString::fromLatin1(name));
    if (!w)
        qFatal("no child %s", name);
    return w;
}

UnlearnJobOptions options(RunForm & f) {
    UnlearnJobOptions job;
    QString why;
    if (!f.jobOptions(&job, &why))
        qFatal("jobOptions refused: %s", qPrintable(why));
    return job;
}

void selectData(QComboBox * box, const QString & data) { box->setCurrentIndex(box->findData(data)); }

} // namespace

class TestRunForm : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void presetsAndMethodsLoadCoreValues();
    void methodSpecificFields();
    void roundTrip();
};

void TestRunForm::presetsAndMethodsLoadCoreValues() {
    RunForm f;
    UnlearnJobOptions j = options(f);
    QCOMPARE(j.opt.method, UnlearnMethod::RapidUn);
    QCOMPARE(j.preset, std::string("lab"));
    QCOMPARE(j.opt.lr, 3e-4);
    QCOMPARE(j.opt.epochs, 2);
    QCOMPARE(j.opt.batch_size, 1);
    QCOMPARE(j.opt.seed, uint64_t(42));
    QVERIFY(j.evaluate_after);

    child<QSpinBox>(f, "runSeed")->setValue(7);
    child<QCheckBox>(f, "runEvaluate")->setChecked(false);
    child<QSpinBox>(f, "runEpochs")->setValue(5);
    selectData(child<QComboBox>(f, "runPreset"), QStringLiteral("fast"));
    j = options(f);
    QCOMPARE(j.preset, std::string("fast"));
    QCOMPARE(j.opt.batch_size, 8);
    QCOMPARE(j.opt.lr, 2e-4);
    QCOMPARE(j.opt.epochs, 2);               // the preset's again
    QCOMPARE(j.opt.seed, uint64_t(7));       // kept
    QVERIFY(!j.evaluate_after);              // kept

    selectData(child<QComboBox>(f, "runMethod"), QStringLiteral("npo"));
    j = options(f);
    QCOMPARE(j.opt.method, UnlearnMethod::NPO);
    QCOMPARE(j.opt.npo_beta, rapidun::unlearn_preset("fast", UnlearnMethod::NPO).npo_beta);
    QCOMPARE(j.opt.seed, uint64_t(7));

    // The lab preset follows the open workspace: the Dolly lab's lr (chosen on validation prompts).
    selectData(child<QComboBox>(f, "runPreset"), QStringLiteral("lab"));
    QCOMPARE(options(f).opt.lr, 3e-4);
    f.setWorkspaceKind(QStringLiteral("dolly"));
    QCOMPARE(options(f).opt.lr, 6e-4);
    QCOMPARE(options(f).opt.lr, rapidun::unlearn_preset("lab", UnlearnMethod::NPO, "dolly").lr);
    f.setWorkspaceKind(QStringLiteral("synthetic"));
    QCOMPARE(options(f).opt.lr, 3e-4);
    // and the fast preset: the synthetic lab's batch-8 lr (chosen on validation prompts)
    selectData(child<QComboBox>(f, "runPreset"), QStringLiteral("fast"));
    QCOMPARE(options(f).opt.lr, 3e-3);
    QCOMPARE(options(f).opt.batch_size, 8);
}

void TestRunForm::methodSpecificFields() {
    RunForm f;
    f.show();
    auto * method = child<QComboBox>(f, "runMethod");
    selectData(method, QStringLiteral("npo"));
    QVERIFY(child<QDoubleSpinBox>(f, "runNpoBeta")->isVisible());
    QVERIFY(!child<QLineEdit>(f, "runFisherLambda")->isVisible());
    QVERIFY(!child<QComboBox>(f, "runLoreunDirection")->isVisible());
    QVERIFY(!child<QDoubleSpinBox>(f, "runAlphaAsc")->isVisible());   // NPO has no ascent weight

    selectData(method, QStringLiteral("ga"));
    QVERIFY(child<QDoubleSpinBox>(f, "runAlphaAsc")->isVisible());
    QVERIFY(!child<QDoubleSpinBox>(f, "runBetaDesc")->isVisible());    // no clean descent
    QVERIFY(!child<QDoubleSpinBox>(f, "runRetainShare")->isVisible()); // forget draws only

    selectData(method, QStringLiteral("loreun"));
    QVERIFY(child<QComboBox>(f, "runLoreunDirection")->isVisible());
    selectData(child<QComboBox>(f, "runLoreunDirection"), QStringLiteral("paper"));
    QCOMPARE(options(f).opt.loreun_direction, LoReUnDirection::Paper);

    selectData(method, QStringLiteral("fisher"));
    QVERIFY(child<QLineEdit>(f, "runFisherLambda")->isVisible());
    QVERIFY(!child<QDoubleSpinBox>(f, "runLr")->isEnabled());
    QVERIFY(!child<QSpinBox>(f, "runEpochs")->isEnabled());
    QCOMPARE(options(f).opt.fisher_lambda, 1e-8);
    child<QLineEdit>(f, "runFisherLambda")->setText(QStringLiteral("2e-6"));
    QCOMPARE(options(f).opt.fisher_lambda, 2e-6);
    child<QLineEdit>(f, "runFisherLambda")->setText(QStringLiteral("lots"));
    UnlearnJobOptions j;
    QString why;
    QVERIFY(!f.jobOptions(&j, &why));
    QVERIFY(why.contains(QStringLiteral("lambda")));

    selectData(method, QStringLiteral("rapidun"));
    QVERIFY(child<QDoubleSpinBox>(f, "runLr")->isEnabled());
    QVERIFY(child<QDoubleSpinBox>(f, "runBetaDesc")->isVisible());
}

void TestRunForm::roundTrip() {
    UnlearnJobOptions in;
    in.preset = "paper";
    in.opt = rapidun::unlearn_preset("paper", UnlearnMethod::GAGD);
    in.opt.lr = 1.5e-4;
    in.opt.epochs = 3;
    in.opt.max_steps = 17;
    in.opt.batch_size = 4;
    in.opt.seed = 123;
    in.opt.retain_share = 0.5;
    in.opt.alpha_asc = 0.7;
    in.opt.beta_desc = 0.25;
    in.evaluate_after = false;
    RunForm f;
    f.setJobOptions(in);
    const UnlearnJobOptions out = options(f);
    QCOMPARE(out.preset, in.preset);
    QCOMPARE(out.opt.method, in.opt.method);
    QCOMPARE(out.opt.lr, in.opt.lr);
    QCOMPARE(out.opt.epochs, in.opt.epochs);
    QCOMPARE(out.opt.max_steps, in.opt.max_steps);
    QCOMPARE(out.opt.batch_size, in.opt.batch_size);
    QCOMPARE(out.opt.seed, in.opt.seed);
    QCOMPARE(out.opt.retain_share, in.opt.retain_share);
    QCOMPARE(out.opt.alpha_asc, in.opt.alpha_asc);
    QCOMPARE(out.opt.beta_desc, in.opt.beta_desc);
    QCOMPARE(out.evaluate_after, in.evaluate_after);
}

QTEST_MAIN(TestRunForm)
#include "test_run_form.moc"
