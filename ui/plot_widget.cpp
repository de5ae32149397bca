// QCustomPlot chart base (see plot_widget.h).
#include "plot_widget.h"

#include <qcustomplot.h>

#include <QBuffer>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QPdfWriter>
#include <QResizeEvent>
#include <QSaveFile>
#include <QShowEvent>
#include <QSvgGenerator>

#include <algorithm>
#include <utility>

namespace rapidun::ui {

PlotWidget::PlotWidget(const QString & plotName, Title title, QWidget * parent) : QWidget(parent) {
    plot_ = new QCustomPlot(this);
    plot_->setObjectName(plotName);
    plot_->setBackground(palette().base());
    plot_->setNoAntialiasingOnDrag(true);

    const QColor text = palette().color(QPalette::Text);
    if (title != Title::None) {
        QFont titleFont = font();
        titleFont.setBold(true);
        if (title == Title::Large)
            titleFont.setPointSizeF(titleFont.pointSizeF() * 1.1);
        plot_->plotLayout()->insertRow(0);
        title_ = new QCPTextElement(plot_, QString(), titleFont);
        title_->setTextColor(text);
        plot_->plotLayout()->addElement(0, 0, title_);
    }
    for (QCPAxis * axis : {plot_->xAxis, plot_->yAxis}) {
        axis->setLabelColor(text);
        axis->setTickLabelColor(text);
        axis->setLabelFont(font());
        axis->setTickLabelFont(font());
    }
    plot_->legend->setVisible(true);
    plot_->legend->setFont(font());
    plot_->legend->setTextColor(text);
    plot_->legend->setBrush(QBrush(palette().color(QPalette::Base)));
    plot_->legend->setBorderPen(QPen(palette().color(QPalette::Mid)));
    plot_->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
    plot_->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(plot_, &QWidget::customContextMenuRequested, this, &PlotWidget::showChartMenu);
}

bool PlotWidget::saveChart(const QString & path) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    const int w = std::max(plot_->width(), 320), h = std::max(plot_->height(), 220);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    if (suffix == QLatin1String("png")) {
        if (!plot_->toPixmap(w, h, 2.0).save(&buffer, "PNG"))
            return false;
    } else if (suffix == QLatin1String("svg") || suffix == QLatin1String("pdf")) {
        QSvgGenerator svg;
        QPdfWriter pdf(&buffer);
        QPaintDevice * device = &pdf;
        if (suffix == QLatin1String("svg")) {
            svg.setOutputDevice(&buffer);
            svg.setSize(QSize(w, h));
            svg.setViewBox(QRect(0, 0, w, h));
            svg.setTitle(title_ ? title_->text() : objectName());
            device = &svg;
        } else {
            // A page the chart's size (at 96 dpi), so that the PDF is the chart, not a chart on A4.
            pdf.setResolution(96);
            pdf.setPageSize(QPageSize(QSizeF(w, h), QPageSize::Point));
            pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
            pdf.setCreator(QStringLiteral("RapidUn Studio"));
            pdf.setTitle(title_ ? title_->text() : objectName());
        }
        QCPPainter painter;
        if (!painter.begin(device))
            return false;
        painter.setMode(QCPPainter::pmVectorized);
        painter.setMode(QCPPainter::pmNoCaching);
        plot_->toPainter(&painter, w, h);
        painter.end();
    } else {
        return false;
    }
    QSaveFile out(path);   // atomic: the old file stays until the new one is whole
    return !bytes.isEmpty() && out.open(QIODevice::WriteOnly) && out.write(bytes) == bytes.size() && out.commit();
}

void PlotWidget::showChartMenu(const QPoint & pos) {
    QMenu menu(this);
    const QString base = (title_ && !title_->text().isEmpty() ? title_->text() : objectName()).simplified();
    QString stem;
    for (const QChar c : base)
        stem += c.isLetterOrNumber() ? c.toLower() : QLatin1Char('-');
    for (const auto & [label, suffix] : {std::pair<const char *, const char *>{QT_TR_NOOP("Save Chart as PNG..."), "png"},
                                        {QT_TR_NOOP("Save Chart as SVG..."), "svg"},
                                        {QT_TR_NOOP("Save Chart as PDF..."), "pdf"}}) {
        const QString ext = QString::fromLatin1(suffix);
        menu.addAction(tr(label), this, [this, stem, ext] {
            const QString path = QFileDialog::getSaveFileName(this, tr("Save Chart"), stem + QLatin1Char('.') + ext,
                                                              ext.toUpper() + QStringLiteral(" (*.") + ext + QLatin1Char(')'));
            if (!path.isEmpty() && !saveChart(path))
                QMessageBox::warning(this, tr("Save Chart"), tr("%1 could not be written.").arg(QDir::toNativeSeparators(path)));
        });
    }
    menu.exec(plot_->mapToGlobal(pos));
}

void PlotWidget::setTitle(const QString & title) {
    title_->setText(title);
    refresh();
}

QString PlotWidget::title() const { return title_->text(); }

void PlotWidget::setAxisLabels(const QString & x, const QString & y) {
    plot_->xAxis->setLabel(x);
    plot_->yAxis->setLabel(y);
    refresh();
}

QString PlotWidget::xLabel() const { return plot_->xAxis->label(); }
QString PlotWidget::yLabel() const { return plot_->yAxis->label(); }

QStringList PlotWidget::legendNames() const {
    QStringList names;
    if (!plot_->legend->visible())
        return names;
    for (int i = 0; i < plot_->legend->itemCount(); ++i)
        if (auto * item = qobject_cast<QCPPlottableLegendItem *>(plot_->legend->item(i)))
            names << item->plottable()->name();
    return names;
}

void PlotWidget::placeLegendBelow(int columns) {
    plot_->legend->setVisible(true);
    plot_->legend->setFillOrder(QCPLegend::foColumnsFirst);
    plot_->legend->setWrap(columns);
    auto * row = new QCPLayoutGrid;
    plot_->plotLayout()->addElement(plot_->plotLayout()->rowCount(), 0, row);
    row->setMargins(QMargins(5, 0, 5, 5));
    row->addElement(0, 0, plot_->legend);   // takes it out of the axis rectangle's inset layout
    plot_->plotLayout()->setRowStretchFactor(plot_->plotLayout()->rowCount() - 1, 0.001);
}

bool PlotWidget::drawable() const {
    return isVisible() && plot_->width() > 0 && plot_->height() > 0;
}

void PlotWidget::refresh() {
    beforeRefresh();
    if (drawable())
        plot_->replot(QCustomPlot::rpQueuedReplot);
}

void PlotWidget::resizeEvent(QResizeEvent * event) {
    QWidget::resizeEvent(event);
    // The plot follows the widget's size, but never to an empty one: a hidden, never-shown page is
    // laid out to sizes like 24x0, and QCustomPlot would replot into a 0-pixel buffer (warnings).
    if (!event->size().isEmpty())
        plot_->setGeometry(rect());
    refresh();
}

void PlotWidget::showEvent(QShowEvent * event) {
    QWidget::showEvent(event);
    refresh();
}

} // namespace rapidun::ui
