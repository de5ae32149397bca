#include "token_heat_map.h"

#include "rapidun/text/token_display.h"

#include <QHelpEvent>
#include <QLocale>
#include <QPainter>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace rapidun::ui {
namespace {

constexpr int kPadX = 3, kPadY = 2, kGap = 2, kMargin = 4;

QColor heat(double value, double scale) {
    const auto c = heat_rgb(value, scale);
    return QColor(c[0], c[1], c[2]);
}

} // namespace

TokenHeatMap::TokenHeatMap(QWidget * parent) : QWidget(parent) {
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    setAttribute(Qt::WA_Hover);
}

void TokenHeatMap::setTokens(const std::vector<std::string> & pieces, const std::vector<double> & contribution,
                             const std::vector<uint8_t> & isAnswer, double score) {
    pieces_.clear();
    for (const std::string & p : pieces)
        pieces_ << QString::fromStdString(display_piece(p));
    contribution_ = contribution;
    contribution_.resize(size_t(pieces_.size()), 0.0);
    answer_ = isAnswer;
    answer_.resize(size_t(pieces_.size()), 0);
    score_ = score;
    scale_ = 0;
    for (double c : contribution_)
        scale_ = std::max(scale_, std::abs(c));
    boxes_ = layoutBoxes(width());
    updateGeometry();
    update();
}

void TokenHeatMap::clear() { setTokens({}, {}, {}, 0); }

QVector<QRect> TokenHeatMap::layoutBoxes(int width) const {
    QVector<QRect> out;
    const QFontMetrics fm(font());
    const int h = fm.height() + 2 * kPadY;
    int x = kMargin, y = kMargin;
    for (const QString & p : pieces_) {
        const int w = std::max(fm.horizontalAdvance(p), fm.averageCharWidth()) + 2 * kPadX;
        if (x > kMargin && x + w > width - kMargin) {
            x = kMargin;
            y += h + kGap;
        }
        out << QRect(x, y, w, h);
        x += w + kGap;
    }
    return out;
}

int TokenHeatMap::heightForWidth(int width) const {
    const QVector<QRect> b = layoutBoxes(width);
    return b.isEmpty() ? 2 * kMargin : b.back().bottom() + kMargin;
}

QSize TokenHeatMap::sizeHint() const { return {480, std::max(60, heightForWidth(480))}; }

int TokenHeatMap::tokenAt(const QPoint & pos) const {
    for (int i = 0; i < boxes_.size(); i++)
        if (boxes_[i].contains(pos))
            return i;
    return -1;
}

void TokenHeatMap::resizeEvent(QResizeEvent * event) {
    QWidget::resizeEvent(event);
    boxes_ = layoutBoxes(width());
}

void TokenHeatMap::paintEvent(QPaintEvent *) {
    QPainter p(this);
    p.fillRect(rect(), palette().base());
    for (int i = 0; i < boxes_.size() && i < pieces_.size(); i++) {
        const QRect & r = boxes_[i];
        p.fillRect(r, heat(contribution_[size_t(i)], scale_));
        p.setPen(QColor(20, 20, 20));   // dark text on the light end of both colour ramps
        p.drawText(r.adjusted(kPadX, 0, -kPadX, 0), Qt::AlignVCenter | Qt::AlignLeft, pieces_[i]);
        if (answer_[size_t(i)]) {
            p.setPen(QPen(palette().color(QPalette::Text), 2));
            p.drawLine(r.bottomLeft(), r.bottomRight());
        }
    }
}

bool TokenHeatMap::event(QEvent * e) {
    if (e->type() == QEvent::ToolTip) {
        auto * help = static_cast<QHelpEvent *>(e);
        const int i = tokenAt(help->pos());
        if (i < 0) {
            QToolTip::hideText();
            e->ignore();
            return true;
        }
        const QString part = answer_[size_t(i)] ? tr("answer") : tr("prompt");
        QToolTip::showText(help->globalPos(), tr("'%1' (position %2, %3): %4")
                                                  .arg(pieces_[i])
                                                  .arg(i)
                                                  .arg(part)
                                                  .arg(QLocale().toString(contribution_[size_t(i)], 'g', 4)),
                           this, boxes_[i]);
        return true;
    }
    return QWidget::event(e);
}

} // namespace rapidun::ui
