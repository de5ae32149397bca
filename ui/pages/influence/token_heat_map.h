// Token-wise influence of one training row as a heat map: the row's tokens flow left to right in
// boxes coloured by their contribution to I(forget query, row) (red raises the influence, blue
// lowers it; the strongest token is fully saturated); answer tokens are underlined. A tooltip names
// the token, its position and contribution. The widget has a height-for-width layout.
#pragma once
#include <QString>
#include <QVector>
#include <QWidget>

#include <cstdint>
#include <vector>

namespace rapidun::ui {

class TokenHeatMap : public QWidget {
    Q_OBJECT
public:
    explicit TokenHeatMap(QWidget * parent = nullptr);

    // pieces[i] as the tokenizer gives them ("▁" marks a leading space); contribution[i] sums to score.
    void setTokens(const std::vector<std::string> & pieces, const std::vector<double> & contribution,
                   const std::vector<uint8_t> & isAnswer, double score);
    void clear();

    int tokenCount() const { return int(contribution_.size()); }
    const std::vector<double> & contributions() const { return contribution_; }
    QStringList pieces() const { return pieces_; }
    double score() const { return score_; }
    int tokenAt(const QPoint & pos) const;   // -1 outside every token

    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override { return {120, 40}; }

protected:
    void paintEvent(QPaintEvent * event) override;
    bool event(QEvent * event) override;   // tooltips
    void resizeEvent(QResizeEvent * event) override;

private:
    QVector<QRect> layoutBoxes(int width) const;   // one box per token

    QStringList         pieces_;
    std::vector<double> contribution_;
    std::vector<uint8_t> answer_;
    double              score_ = 0, scale_ = 1;   // scale_: max |contribution|
    QVector<QRect>      boxes_;
};

} // namespace rapidun::ui
