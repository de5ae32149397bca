// The Influence page's detail pane: one training row in full (instruction, context, response and its
// facts) and its token-wise influence against a chosen forget query as a TokenHeatMap. Display only:
// the page runs explain_influence and hands the result here. GUI thread only.
#pragma once
#include "rapidun/data/records.h"

#include <QWidget>

#include <cstdint>
#include <string>
#include <vector>

class QComboBox;
class QLabel;
class QPlainTextEdit;

namespace rapidun::ui {

class TokenHeatMap;

class SampleDetail : public QWidget {
    Q_OBJECT
public:
    explicit SampleDetail(QWidget * parent = nullptr);

    // facts: translated "label: value" lines shown under the id (rank, score, set, category ...).
    void showSample(int trainRow, const rapidun::Record & record, const QStringList & facts);
    // The forget rows a query can be picked from; keeps the current pick when it still exists.
    void setForgetQueries(const std::vector<rapidun::Record> & forget);
    void setQuery(int forgetIndex);   // selects without emitting queryChanged
    void clear();

    // Token-wise results for (query, sample); ignored when either changed since they were asked.
    void setExplaining();
    void setExplanation(const std::vector<std::string> & pieces, const std::vector<double> & contribution,
                        const std::vector<uint8_t> & isAnswer, double score);
    void setExplainMessage(const QString & message);   // why there is no heat map

    int sample() const { return sample_; }   // train row shown, -1 = none
    int query() const;                       // forget row picked, -1 = none
    TokenHeatMap * heatMap() const { return heat_; }
    QComboBox *    queryBox() const { return query_; }
    QString        explainStatus() const;

Q_SIGNALS:
    void queryChanged(int forgetIndex);

private:
    QLabel *         title_ = nullptr;
    QLabel *         facts_ = nullptr;
    QPlainTextEdit * text_ = nullptr;
    QComboBox *      query_ = nullptr;
    QLabel *         status_ = nullptr;
    TokenHeatMap *   heat_ = nullptr;
    int              sample_ = -1;
    bool             quiet_ = false;   // setQuery in progress: no queryChanged
};

} // namespace rapidun::ui
