// The application icon from :/icons (resources/icons). The SVG is used when Qt can read SVG
// (the qt6-svg plug-in); otherwise the PNG renderings of the same drawing.
#pragma once
#include <QIcon>

namespace rapidun::ui {

QIcon appIcon();

} // namespace rapidun::ui
