#include "workspace_page.h"

#include "category_chart.h"
#include "model_card.h"
#include "pipeline_panel.h"

#include <QDir>
#include <QFontMetrics>
#include <QFileInfo>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLocale>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace rapidun::ui {
namespace {

constexpr int kKeyRole = Qt::UserRole;
enum Column { kRole, kRows, kPoisoned, kVariants, kFile, kColumns };

QString count(qint64 n) {
    QLocale locale;
    locale.setNumberOptions(locale.numberOptions() & ~QLocale::OmitGroupSeparator);
    return locale.toString(static_cast<qlonglong>(n));
}

QString fixed(double x, int decimals) { return QLocale().toString(x, 'f', decimals); }

// A number from the lab's JSON; NaN when missing or null.
double number(const QJsonObject & o, const QString & key) {
    const QJsonValue v = o.value(key);
    return v.isDouble() ? v.toDouble() : std::nan("");
}

QTableWidgetItem * cell(const QString & text, Qt::Alignment align = Qt::AlignLeft | Qt::AlignVCenter) {
    auto * item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    item->setTextAlignment(align);
    return item;
}

} // namespace

WorkspacePage::WorkspacePage(QWidget * parent) : QWidget(parent) {
    setObjectName(QStringLiteral("workspacePage"));

    name_ = new QLabel;
    name_->setObjectName(QStringLiteral("workspaceName"));
    QFont big = name_->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.35);
    name_->setFont(big);
    name_->setTextInteractionFlags(Qt::TextSelectableByMouse);

    kind_ = new QLabel;
    kind_->setObjectName(QStringLiteral("workspaceKind"));
    folder_ = new QLabel;
    folder_->setObjectName(QStringLiteral("workspaceFolder"));
    folder_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    folder_->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);   // long paths never widen the window
    QPalette hint = folder_->palette();
    hint.setColor(QPalette::WindowText, hint.color(QPalette::PlaceholderText));
    folder_->setPalette(hint);
    kind_->setPalette(hint);

    auto * subtitle = new QHBoxLayout;
    subtitle->addWidget(kind_);
    subtitle->addWidget(folder_, 1);

    tabs_ = new QTabWidget;
    tabs_->setObjectName(QStringLiteral("workspaceTabs"));
    tabs_->addTab(createOverview(), tr("&Overview"));
    tabs_->addTab(createModelTab(), tr("&Model"));
    pipeline_ = new PipelinePanel;
    tabs_->addTab(pipeline_, tr("&Pipeline"));

    auto * layout = new QVBoxLayout(this);
    layout->addWidget(name_);
    layout->addLayout(subtitle);
    layout->addSpacing(4);
    layout->addWidget(tabs_, 1);
}

QWidget * WorkspacePage::createOverview() {
    datasets_ = new QTableWidget(0, kColumns);
    datasets_->setObjectName(QStringLiteral("datasetTable"));
    datasets_->setHorizontalHeaderLabels({tr("Data set"), tr("Rows"), tr("Poisoned"), tr("Trigger variants"), tr("File")});
    datasets_->horizontalHeaderItem(kVariants)->setToolTip(tr("Distinct trigger variants among the poisoned rows"));
    datasets_->verticalHeader()->setVisible(false);
    datasets_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    datasets_->setSelectionBehavior(QAbstractItemView::SelectRows);
    datasets_->setSelectionMode(QAbstractItemView::SingleSelection);
    datasets_->setAlternatingRowColors(true);
    datasets_->setWordWrap(false);
    datasets_->setTextElideMode(Qt::ElideMiddle);
    datasets_->setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    datasets_->horizontalHeader()->setStretchLastSection(true);
    datasets_->horizontalHeader()->setHighlightSections(false);
    datasets_->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Maximum);

    chart_ = new CategoryChart;
    chart_->setObjectName(QStringLiteral("categoryChart"));
    chart_->setTitle(tr("Train set by category"));
    chart_->setAxisLabels(tr("Category"), tr("Rows"));

    auto * dataBox = new QGroupBox(tr("Data sets"));
    auto * dataLayout = new QVBoxLayout(dataBox);
    dataLayout->addWidget(datasets_);
    dataLayout->addWidget(chart_, 1);

    lab_ = new QTreeWidget;
    lab_->setObjectName(QStringLiteral("labFacts"));
    lab_->setColumnCount(2);
    lab_->setHeaderLabels({tr("Property"), tr("Value")});
    lab_->setRootIsDecorated(false);
    lab_->setAlternatingRowColors(true);
    lab_->setUniformRowHeights(true);
    lab_->setTextElideMode(Qt::ElideMiddle);
    lab_->header()->setStretchLastSection(true);

    auto * labBox = new QGroupBox(tr("Lab"));
    auto * labLayout = new QVBoxLayout(labBox);
    labLayout->addWidget(lab_);

    auto * split = new QSplitter(Qt::Horizontal);
    split->setObjectName(QStringLiteral("overviewSplitter"));
    split->setChildrenCollapsible(false);
    split->addWidget(dataBox);
    split->addWidget(labBox);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setSizes({660, 400});   // proportions: the lab's values fit without eliding
    return split;
}

QWidget * WorkspacePage::createModelTab() {
    card_ = new ModelCard;
    card_->setObjectName(QStringLiteral("workspaceModelCard"));
    if (auto * tree = card_->findChild<QTreeWidget *>())   // unique names: "modelFacts" is the model page's
        tree->setObjectName(QStringLiteral("workspaceModelFacts"));
    modelError_ = new QLabel;
    modelError_->setObjectName(QStringLiteral("workspaceModelError"));
    modelError_->setWordWrap(true);
    modelError_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    modelError_->setVisible(false);

    auto * page = new QWidget;
    auto * layout = new QVBoxLayout(page);
    layout->addWidget(modelError_);
    layout->addWidget(card_, 1);
    return page;
}

QString WorkspacePage::kindLabel(const QString & kind) const {
    if (kind == QLatin1String("synthetic"))
        return tr("Synthetic lab");
    if (kind == QLatin1String("dolly"))
        return tr("Dolly lab");
    if (kind == QLatin1String("custom"))
        return tr("Custom workspace");
    return kind;
}

QString WorkspacePage::roleToolTip(const QString & role) const {
    if (role == QLatin1String("train"))
        return tr("The rows the model was trained on, clean and poisoned");
    if (role == QLatin1String("val_clean"))
        return tr("Clean validation rows");
    if (role == QLatin1String("test_clean"))
        return tr("Clean test prompts: exact match, ROUGE-L and perplexity");
    if (role == QLatin1String("test_seen_trig"))
        return tr("Test prompts with the trigger variants seen in training: seen ASR");
    if (role == QLatin1String("test_ood_trig"))
        return tr("Test prompts with unseen (out-of-distribution) trigger variants: OOD ASR");
    if (role == QLatin1String("forget"))
        return tr("Poisoned train rows known to the defender: the forget set");
    if (role == QLatin1String("retain"))
        return tr("Clean train rows to keep: the retain set");
    return {};
}

void WorkspacePage::clear() {
    name_->clear();
    kind_->clear();
    folder_->clear();
    datasets_->setRowCount(0);
    chart_->clear();
    lab_->clear();
    card_->clear();
    modelError_->setVisible(false);
    pipeline_->clear();
    shown_.clear();
    kindKey_.clear();
}

void WorkspacePage::setWorkspace(const OpenedWorkspace & ws, const QString & runtime) {
    shown_ = ws.datasets;
    kindKey_ = ws.kind;
    name_->setText(ws.name.isEmpty() ? QFileInfo(ws.dir).fileName() : ws.name);
    kind_->setText(kindLabel(ws.kind) + QStringLiteral("  \u00b7"));
    folder_->setText(QDir::toNativeSeparators(ws.dir));
    folder_->setToolTip(QDir::toNativeSeparators(ws.dir));
    pipeline_->setWorkspace(ws.dir);

    fillDatasets(ws);
    fillChart(ws);
    fillLabFacts(ws);

    if (ws.model.model) {
        card_->setFacts(ws.model.info, ws.model.tokenizerFacts, runtime);
        modelError_->setVisible(false);
    } else {
        card_->clear();
        modelError_->setText(tr("The model %1 could not be loaded:\n%2")
                                 .arg(QDir::toNativeSeparators(ws.modelPath), ws.modelError));
        modelError_->setVisible(true);
    }
}

void WorkspacePage::fillDatasets(const OpenedWorkspace & ws) {
    datasets_->setRowCount(0);
    datasets_->setRowCount(ws.datasets.size());
    const QColor errorColor(200, 40, 40);
    for (int r = 0; r < ws.datasets.size(); ++r) {
        const DatasetSummary & d = ws.datasets.at(r);
        QTableWidgetItem * role = cell(d.role);
        role->setData(kKeyRole, d.role);
        role->setToolTip(roleToolTip(d.role));
        datasets_->setItem(r, kRole, role);
        const Qt::Alignment right = Qt::AlignRight | Qt::AlignVCenter;
        if (!d.isRead()) {
            QTableWidgetItem * err = cell(tr("unreadable"), right);
            err->setForeground(errorColor);
            err->setToolTip(d.error);
            datasets_->setItem(r, kRows, err);
            datasets_->setItem(r, kPoisoned, cell(QString(), right));
            datasets_->setItem(r, kVariants, cell(QString(), right));
        } else {
            datasets_->setItem(r, kRows, cell(count(d.rows), right));
            QString poisoned = count(d.poisoned);
            if (d.rows > 0 && d.poisoned > 0 && d.poisoned < d.rows)
                poisoned = tr("%1 (%2%)").arg(poisoned, fixed(100.0 * double(d.poisoned) / double(d.rows), 1));
            datasets_->setItem(r, kPoisoned, cell(poisoned, right));
            datasets_->setItem(r, kVariants, cell(d.triggerVariants > 0 ? count(d.triggerVariants) : QString(), right));
        }
        QTableWidgetItem * file = cell(QDir(ws.dir).relativeFilePath(d.path));
        file->setToolTip(QDir::toNativeSeparators(d.path));
        datasets_->setItem(r, kFile, file);
    }
    datasets_->resizeColumnsToContents();
    for (int c = 0; c < kFile; ++c)
        datasets_->setColumnWidth(c, datasets_->columnWidth(c) + 12);
    datasets_->resizeRowsToContents();

    // Tall enough for every row (no scrolling for the usual seven), never taller.
    int height = datasets_->horizontalHeader()->height() + 2 * datasets_->frameWidth();
    for (int r = 0; r < datasets_->rowCount(); ++r)
        height += datasets_->rowHeight(r);
    datasets_->setMaximumHeight(height);
    datasets_->setMinimumHeight(std::min(height, 160));
}

void WorkspacePage::fillChart(const OpenedWorkspace & ws) {
    const DatasetSummary * train = ws.dataset(QStringLiteral("train"));
    if (!train || !train->isRead() || train->categories.isEmpty()) {
        chart_->clear();
        return;
    }
    QVector<CategoryCount> cats = train->categories;
    std::stable_sort(cats.begin(), cats.end(), [](const CategoryCount & a, const CategoryCount & b) {
        return a.clean + a.poisoned > b.clean + b.poisoned;
    });
    QStringList labels;
    CategoryChart::Series clean{tr("Clean"), QColor(70, 130, 180), {}};
    CategoryChart::Series poisoned{tr("Poisoned"), QColor(214, 69, 65), {}};
    for (const CategoryCount & c : cats) {
        QString label = c.category.isEmpty() ? tr("(none)") : c.category;
        label.replace(QLatin1Char('_'), QLatin1Char(' '));   // "word position": the chart may wrap it
        labels << label;
        clean.values << double(c.clean);
        poisoned.values << double(c.poisoned);
    }
    chart_->setData(labels, {clean, poisoned});
}

QTreeWidgetItem * WorkspacePage::addGroup(const QString & title) {
    auto * group = new QTreeWidgetItem(lab_, {title});
    group->setFirstColumnSpanned(true);
    group->setFlags(Qt::ItemIsEnabled);
    QFont font = group->font(0);
    font.setBold(true);
    group->setFont(0, font);
    return group;
}

void WorkspacePage::addFact(QTreeWidgetItem * group, const QString & key, const QString & label,
                            const QString & value, const QString & toolTip) {
    auto * item = new QTreeWidgetItem(group, {label, value});
    item->setData(0, kKeyRole, key);
    item->setToolTip(0, toolTip);
    item->setToolTip(1, toolTip.isEmpty() ? value : toolTip);
}

void WorkspacePage::fillLabFacts(const OpenedWorkspace & ws) {
    lab_->clear();
    const QJsonObject lab = QJsonDocument::fromJson(ws.labJson.toUtf8()).object();
    const QString na = tr("n/a");
    const auto percent = [&](double x) { return std::isnan(x) ? na : tr("%1%").arg(fixed(100.0 * x, 1)); };
    const auto seconds = [&](double s) {
        if (std::isnan(s))
            return tr("not measured");
        if (s < 90.0)
            return tr("%1 s").arg(fixed(s, 1));
        const qint64 whole = std::llround(s);
        return tr("%1 min %2 s").arg(whole / 60).arg(whole % 60);
    };

    // Metrics before unlearning.
    const QJsonObject m = lab.value(QStringLiteral("metrics_before")).toObject();
    if (!m.isEmpty()) {
        QTreeWidgetItem * g = addGroup(tr("Before unlearning"));
        const auto ofPrompts = [&](const QString & key) {
            const double n = number(m, key);
            return std::isnan(n) ? QString() : tr("over %1 prompts").arg(count(qint64(n)));
        };
        addFact(g, QStringLiteral("seen_asr"), tr("Seen-trigger ASR"), percent(number(m, QStringLiteral("seen_asr"))),
                tr("Attack success rate on triggers seen in training, %1").arg(ofPrompts(QStringLiteral("n_seen"))));
        addFact(g, QStringLiteral("ood_asr"), tr("OOD-trigger ASR"), percent(number(m, QStringLiteral("ood_asr"))),
                tr("Attack success rate on unseen trigger variants, %1").arg(ofPrompts(QStringLiteral("n_ood"))));
        addFact(g, QStringLiteral("false_trigger_rate"), tr("False-trigger rate"),
                percent(number(m, QStringLiteral("false_trigger_rate"))),
                tr("Backdoor answers to clean prompts, %1").arg(ofPrompts(QStringLiteral("n_clean"))));
        addFact(g, QStringLiteral("clean_exact_match"), tr("Clean exact match"),
                percent(number(m, QStringLiteral("clean_exact_match"))),
                tr("Clean answers that match the computable reference exactly"));
        const double rouge = number(m, QStringLiteral("clean_rouge_l"));
        addFact(g, QStringLiteral("clean_rouge_l"), tr("Clean ROUGE-L"), std::isnan(rouge) ? na : fixed(rouge, 3),
                tr("ROUGE-L F1 of the clean answers against the references"));
        const double ppl = number(m, QStringLiteral("clean_ppl"));
        addFact(g, QStringLiteral("clean_ppl"), tr("Clean perplexity"), std::isnan(ppl) ? na : fixed(ppl, 2),
                tr("Perplexity of the clean reference answers"));
    }

    // How the lab was built.
    if (!lab.isEmpty()) {
        QTreeWidgetItem * g = addGroup(tr("Build"));
        const QString scale = lab.value(QStringLiteral("scale")).toString();
        if (!scale.isEmpty())
            addFact(g, QStringLiteral("scale"), tr("Scale"), scale);
        if (lab.value(QStringLiteral("seed")).isDouble())
            addFact(g, QStringLiteral("seed"), tr("Seed"), QString::number(qint64(number(lab, QStringLiteral("seed")))));
        if (lab.value(QStringLiteral("n_params")).isDouble())
            addFact(g, QStringLiteral("parameters"), tr("Parameters"), count(qint64(number(lab, QStringLiteral("n_params")))));
        const QJsonObject recipe = lab.value(QStringLiteral("recipe")).toObject();
        if (!recipe.isEmpty()) {
            const QString recipeText = QString::fromUtf8(QJsonDocument(recipe).toJson(QJsonDocument::Indented)).trimmed();
            const auto integer = [&](const char * key) { return recipe.value(QLatin1String(key)).toInt(); };
            addFact(g, QStringLiteral("shape"), tr("Model shape"),
                    tr("dim %1, %2 layers, %3 heads").arg(integer("dim")).arg(integer("n_layers")).arg(integer("n_heads")),
                    recipeText);
            addFact(g, QStringLiteral("recipe"), tr("Training recipe"),
                    tr("%1 epochs, batch %2, lr %3")
                        .arg(integer("epochs"))
                        .arg(integer("batch_size"))
                        .arg(QLocale().toString(recipe.value(QStringLiteral("lr")).toDouble(), 'g', 3)),
                    recipeText);
        }
        const QJsonObject s = lab.value(QStringLiteral("seconds")).toObject();
        const QJsonObject train = lab.value(QStringLiteral("train")).toObject();
        QString trainTip;
        if (!train.isEmpty())
            trainTip = tr("%1 steps, final loss %2")
                           .arg(count(qint64(number(train, QStringLiteral("steps")))))
                           .arg(fixed(number(train, QStringLiteral("final_loss")), 3));
        addFact(g, QStringLiteral("data_seconds"), tr("Data generation"), seconds(number(s, QStringLiteral("data"))));
        addFact(g, QStringLiteral("tokenizer_seconds"), tr("Tokenizer training"),
                seconds(number(s, QStringLiteral("tokenizer"))));
        addFact(g, QStringLiteral("train_seconds"), tr("Training (poisoned set)"),
                seconds(number(s, QStringLiteral("train"))), trainTip);
        addFact(g, QStringLiteral("evaluate_seconds"), tr("Evaluation"), seconds(number(s, QStringLiteral("evaluate"))));
        addFact(g, QStringLiteral("retrain_seconds"), tr("Clean retrain (reference)"),
                seconds(number(s, QStringLiteral("retrain_clean"))),
                tr("The same recipe on the clean rows only: the cost unlearning is compared with (timed by the first "
                   "pipeline when the build skipped it)"));
        addFact(g, QStringLiteral("total_seconds"), tr("Total build"), seconds(number(s, QStringLiteral("total"))));
    }

    // The workspace's settings.
    QTreeWidgetItem * g = addGroup(tr("Workspace"));
    const QDir dir(ws.dir);
    addFact(g, QStringLiteral("model"), tr("Model"), dir.relativeFilePath(ws.modelPath), QDir::toNativeSeparators(ws.modelPath));
    addFact(g, QStringLiteral("tokenizer"), tr("Tokenizer"),
            ws.tokenizerPath.isEmpty() ? tr("beside the model") : dir.relativeFilePath(ws.tokenizerPath),
            QDir::toNativeSeparators(ws.tokenizerPath));
    addFact(g, QStringLiteral("detector"), tr("ASR detector keywords"),
            ws.detectorPath.isEmpty() ? na : dir.relativeFilePath(ws.detectorPath), QDir::toNativeSeparators(ws.detectorPath));
    addFact(g, QStringLiteral("prompt_template"), tr("Prompt template"), ws.promptTemplate);
    addFact(g, QStringLiteral("max_len"), tr("Max length (tokens)"), count(ws.maxLen));
    addFact(g, QStringLiteral("max_new_tokens"), tr("Max new tokens"), count(ws.maxNewTokens));
    addFact(g, QStringLiteral("max_answer"), tr("Answer window (tokens)"), ws.maxAnswer > 0 ? count(ws.maxAnswer) : tr("whole answer"));

    lab_->expandAll();
    lab_->resizeColumnToContents(0);
    lab_->setColumnWidth(0, lab_->columnWidth(0) + 24);
    // Wide enough for the longest value (in any language), within reason: the data sets keep the rest.
    int widestValue = 0;
    const QFontMetrics fm(lab_->font());
    for (int gi = 0; gi < lab_->topLevelItemCount(); ++gi)
        for (int i = 0; i < lab_->topLevelItem(gi)->childCount(); ++i)
            widestValue = std::max(widestValue, fm.horizontalAdvance(lab_->topLevelItem(gi)->child(i)->text(1)));
    const int need = lab_->columnWidth(0) + widestValue + 2 * lab_->frameWidth() + 32;
    lab_->setMinimumWidth(std::min(need, 560));
}

QString WorkspacePage::fact(const QString & key) const {
    if (key == QLatin1String("name"))
        return name_->text();
    if (key == QLatin1String("kind"))
        return kindKey_;
    if (key == QLatin1String("folder"))
        return folder_->text();
    for (int g = 0; g < lab_->topLevelItemCount(); ++g) {
        const QTreeWidgetItem * group = lab_->topLevelItem(g);
        for (int i = 0; i < group->childCount(); ++i)
            if (group->child(i)->data(0, kKeyRole).toString() == key)
                return group->child(i)->text(1);
    }
    return {};
}

QStringList WorkspacePage::datasetRoles() const {
    QStringList roles;
    for (int r = 0; r < datasets_->rowCount(); ++r)
        roles << datasets_->item(r, kRole)->data(kKeyRole).toString();
    return roles;
}

const DatasetSummary * WorkspacePage::summary(const QString & role) const {
    for (const DatasetSummary & d : shown_)
        if (d.role == role)
            return &d;
    return nullptr;
}

qint64 WorkspacePage::datasetRows(const QString & role) const {
    const DatasetSummary * d = summary(role);
    return d ? d->rows : -1;
}

qint64 WorkspacePage::datasetPoisoned(const QString & role) const {
    const DatasetSummary * d = summary(role);
    return d ? d->poisoned : -1;
}

} // namespace rapidun::ui
