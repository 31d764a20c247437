// word/document.xml of the Word report: the body laid out from DocumentContent, and the pictures
// it refers to. Pure, thread-safe.
#pragma once

#include <string>
#include <vector>

#include "document/document_content.h"

namespace zhizao::detail {

// One chart picture: the relationship ids word/_rels/document.xml.rels must give its PNG and SVG
// parts, and its size in EMU (914 400 per inch).
struct DocxPicture {
  std::string png_relationship;  // "rIdPng1"
  std::string svg_relationship;  // "rIdSvg1"
  long long width_emu = 0;
  long long height_emu = 0;
};

// Width of the text area: A4 (11 906 twips) less two 2 cm margins, in twips (1/1440 inch).
inline constexpr int kDocxTextWidthTwips = 11906 - 2 * 1134;

// Returns word/document.xml; `pictures` has one entry per content.charts, same order. The footer
// is referenced as relationship "rIdFooter".
std::string docx_document_xml(const DocumentContent& content,
                              const std::vector<DocxPicture>& pictures);

}  // namespace zhizao::detail
