// Rasterizes zhizao's SVG charts to PNG with librsvg and cairo (Debian librsvg2-dev), for the
// Word file: LibreOffice and older Word versions show a PNG picture, newer Word the SVG beside it.
// Thread-safe (librsvg handles are per call).
#pragma once

#include <string>

#include "base/result.h"

namespace zhizao {

// Returns the PNG bytes of `svg` drawn at `scale` × its width and height attributes (px), on
// white. Errors: kInvalidData when librsvg refuses the SVG; kInternal when cairo fails.
Result<std::string> svg_to_png(const std::string& svg, double scale);

}  // namespace zhizao
