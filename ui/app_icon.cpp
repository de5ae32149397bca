#include "app_icon.h"

#include <QImageReader>

namespace rapidun::ui {

QIcon appIcon() {
    if (QImageReader::supportedImageFormats().contains("svg"))
        return QIcon(QStringLiteral(":/icons/rapidun-studio.svg"));
    QIcon icon;
    for (int size : {32, 64, 256})
        icon.addFile(QStringLiteral(":/icons/rapidun-studio-%1.png").arg(size), QSize(size, size));
    return icon;
}

} // namespace rapidun::ui
