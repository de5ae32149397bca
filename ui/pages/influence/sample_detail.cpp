#include "sample_detail.h"

#include "token_heat_map.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QScrollArea>
#include <QSplitter>
#include <QVBoxLayout>

namespace rapidun::ui {
namespace {

QString utf8(const std::string & s) { return QString::fromUtf8(s.data(), qsizetype(s.size())); }

QString queryLabel(size_t k, const rapidun::Record & r) {
    QString text = utf8(r.instruction).simplified();
    if (text.size() > 70)
        text = text.left(69) + QChar(0x2026);
    return QStringLiteral("%1  %2  %3").arg(k).arg(utf8(r.id), text);
}

} // namespace

SampleDetail::SampleDetail(QWidget * parent) : QWidget(parent) {
    title_ = new QLabel;
    title_->setObjectName(QStringLiteral("sampleTitle"));
    QFont bold = title_->font();
    bold.setBold(true);
    title_->setFont(bold);
    title_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    facts_ = new QLabel;
    facts_->setObjectName(QStringLiteral("sampleFacts"));
    facts_->setWordWrap(true);
    facts_->setTextInteractionFlags(Qt::TextSelectableByMouse);

    text_ = new QPlainTextEdit;
    text_->setObjectName(QStringLiteral("sampleText"));
    text_->setReadOnly(true);

    query_ = new QComboBox;
    query_->setObjectName(QStringLiteral("forgetQuery"));
    query_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    query_->setMinimumContentsLength(24);
    query_->setToolTip(tr("The forget row whose influence the heat map splits over this sample's tokens"));
    connect(query_, &QComboBox::currentIndexChanged, this, [this](int i) {
        if (!quiet_)
            Q_EMIT queryChanged(i);
    });

    status_ = new QLabel;
    status_->setObjectName(QStringLiteral("explainStatus"));
    status_->setWordWrap(true);
    status_->setTextInteractionFlags(Qt::TextSelectableByMouse);

    heat_ = new TokenHeatMap;
    heat_->setObjectName(QStringLiteral("tokenHeatMap"));
    auto * scroll = new QScrollArea;
    scroll->setWidget(heat_);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::StyledPanel);

    auto * legend = new QLabel(tr("Red tokens raise the sample's influence on the forget query, blue ones lower it; "
                                  "answer tokens are underlined."));
    legend->setWordWrap(true);
    QPalette hint = legend->palette();
    hint.setColor(QPalette::WindowText, hint.color(QPalette::PlaceholderText));
    legend->setPalette(hint);

    auto * top = new QWidget;
    auto * topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addWidget(title_);
    topLayout->addWidget(facts_);
    topLayout->addWidget(text_, 1);

    auto * bottom = new QWidget;
    auto * bottomLayout = new QVBoxLayout(bottom);
    bottomLayout->setContentsMargins(0, 0, 0, 0);
    auto * form = new QFormLayout;
    form->addRow(tr("Forget query:"), query_);
    bottomLayout->addLayout(form);
    bottomLayout->addWidget(status_);
    bottomLayout->addWidget(scroll, 1);
    bottomLayout->addWidget(legend);

    auto * split = new QSplitter(Qt::Vertical);
    split->setChildrenCollapsible(false);
    split->addWidget(top);
    split->addWidget(bottom);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);

    auto * layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(split);
    clear();
}

void SampleDetail::showSample(int trainRow, const rapidun::Record & r, const QStringList & facts) {
    sample_ = trainRow;
    title_->setText(r.id.empty() ? tr("Train row %1").arg(trainRow) : utf8(r.id));
    facts_->setText(facts.join(QStringLiteral("   ")));
    QString text = tr("Instruction") + QLatin1Char('\n') + utf8(r.instruction);
    if (!r.context.empty())
        text += QStringLiteral("\n\n") + tr("Context") + QLatin1Char('\n') + utf8(r.context);
    text += QStringLiteral("\n\n") + tr("Response") + QLatin1Char('\n') + utf8(r.response);
    if (r.is_poisoned && !r.response_clean.empty())
        text += QStringLiteral("\n\n") + tr("Clean response") + QLatin1Char('\n') + utf8(r.response_clean);
    text_->setPlainText(text);
    heat_->clear();
}

void SampleDetail::setForgetQueries(const std::vector<rapidun::Record> & forget) {
    const int keep = query_->currentIndex();
    quiet_ = true;
    query_->clear();
    for (size_t k = 0; k < forget.size(); k++)
        query_->addItem(queryLabel(k, forget[k]));
    query_->setCurrentIndex(keep >= 0 && keep < query_->count() ? keep : (query_->count() > 0 ? 0 : -1));
    quiet_ = false;
}

void SampleDetail::setQuery(int forgetIndex) {
    quiet_ = true;
    if (forgetIndex >= 0 && forgetIndex < query_->count())
        query_->setCurrentIndex(forgetIndex);
    quiet_ = false;
}

int SampleDetail::query() const { return query_->currentIndex(); }

void SampleDetail::clear() {
    sample_ = -1;
    title_->setText(tr("No sample selected"));
    facts_->clear();
    text_->clear();
    heat_->clear();
    status_->setText(tr("Select a row to see it in full and its token-wise influence."));
}

void SampleDetail::setExplaining() {
    heat_->clear();
    status_->setText(tr("Computing the token-wise influence\u2026"));
}

void SampleDetail::setExplanation(const std::vector<std::string> & pieces, const std::vector<double> & contribution,
                                  const std::vector<uint8_t> & isAnswer, double score) {
    heat_->setTokens(pieces, contribution, isAnswer, score);
    double sum = 0;
    for (double c : contribution)
        sum += c;
    const QLocale l;
    status_->setText(tr("I(query, sample) = %1 over %2 tokens (their contributions sum to %3)")
                         .arg(l.toString(score, 'g', 5))
                         .arg(contribution.size())
                         .arg(l.toString(sum, 'g', 5)));
}

void SampleDetail::setExplainMessage(const QString & message) {
    heat_->clear();
    status_->setText(message);
}

QString SampleDetail::explainStatus() const { return status_->text(); }

} // namespace rapidun::ui
