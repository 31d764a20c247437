// The body of the Word report: masthead, title, narrative, charts, then the tables with borders
// (ECMA-376 Part 1, WordprocessingML and DrawingML pictures).
#include "document/docx_body.h"

#include <fmt/format.h>

#include <algorithm>
#include <pugixml.hpp>
#include <sstream>

#include "base/text.h"
#include "document/svg_canvas.h"

namespace zhizao::detail {
namespace {

constexpr const char* kSvgBlipExtension = "{96DAC541-7B7A-43D3-8B79-37D633B846F1}";

pugi::xml_node child(pugi::xml_node parent, const char* name) { return parent.append_child(name); }

void set(pugi::xml_node node, const char* name, const std::string& value) {
  node.append_attribute(name) = value.c_str();
}

pugi::xml_node valued(pugi::xml_node parent, const char* name, const std::string& value) {
  pugi::xml_node node = child(parent, name);
  set(node, "w:val", value);
  return node;
}

// A paragraph with style `style` and one run of `text`.
pugi::xml_node paragraph(pugi::xml_node body, const std::string& style, const std::string& text) {
  pugi::xml_node p = child(body, "w:p");
  if (!style.empty()) valued(child(p, "w:pPr"), "w:pStyle", style);
  if (!text.empty()) {
    pugi::xml_node t = child(child(p, "w:r"), "w:t");
    set(t, "xml:space", "preserve");
    t.text().set(xml_text(text).c_str());
  }
  return p;
}

void add_picture(pugi::xml_node body, const DocxPicture& picture, int id,
                 const std::string& description) {
  pugi::xml_node p = paragraph(body, "Figure", "");
  pugi::xml_node inline_node = child(child(child(p, "w:r"), "w:drawing"), "wp:inline");
  for (const char* side : {"distT", "distB", "distL", "distR"}) set(inline_node, side, "0");
  pugi::xml_node extent = child(inline_node, "wp:extent");
  set(extent, "cx", std::to_string(picture.width_emu));
  set(extent, "cy", std::to_string(picture.height_emu));
  pugi::xml_node doc_pr = child(inline_node, "wp:docPr");
  set(doc_pr, "id", std::to_string(id));
  set(doc_pr, "name", fmt::format("Chart {}", id));
  set(doc_pr, "descr", xml_text(description));
  set(child(child(inline_node, "wp:cNvGraphicFramePr"), "a:graphicFrameLocks"), "noChangeAspect",
      "1");
  pugi::xml_node data = child(child(inline_node, "a:graphic"), "a:graphicData");
  set(data, "uri", "http://schemas.openxmlformats.org/drawingml/2006/picture");
  pugi::xml_node pic = child(data, "pic:pic");
  pugi::xml_node nv = child(pic, "pic:nvPicPr");
  pugi::xml_node c_nv = child(nv, "pic:cNvPr");
  set(c_nv, "id", std::to_string(id));
  set(c_nv, "name", fmt::format("chart{}.png", id));
  child(nv, "pic:cNvPicPr");
  pugi::xml_node fill = child(pic, "pic:blipFill");
  pugi::xml_node blip = child(fill, "a:blip");
  set(blip, "r:embed", picture.png_relationship);
  pugi::xml_node ext = child(child(blip, "a:extLst"), "a:ext");
  set(ext, "uri", kSvgBlipExtension);
  pugi::xml_node svg_blip = child(ext, "asvg:svgBlip");
  set(svg_blip, "xmlns:asvg", "http://schemas.microsoft.com/office/drawing/2016/SVG/main");
  set(svg_blip, "r:embed", picture.svg_relationship);
  child(child(fill, "a:stretch"), "a:fillRect");
  pugi::xml_node sp = child(pic, "pic:spPr");
  pugi::xml_node xfrm = child(sp, "a:xfrm");
  pugi::xml_node off = child(xfrm, "a:off");
  set(off, "x", "0");
  set(off, "y", "0");
  pugi::xml_node size = child(xfrm, "a:ext");
  set(size, "cx", std::to_string(picture.width_emu));
  set(size, "cy", std::to_string(picture.height_emu));
  pugi::xml_node geometry = child(sp, "a:prstGeom");
  set(geometry, "prst", "rect");
  child(geometry, "a:avLst");
}

// Column widths in twips: each column gets what its widest cell needs at 9 pt (a display column
// is half an em, 90 twips, plus the cell margins); what is left of the text width is shared in
// proportion, and when the need exceeds the width every column shrinks in proportion.
std::vector<int> column_widths(const Table& table) {
  constexpr int kTwipsPerColumn = 90;
  constexpr int kCellMargins = 200;
  std::vector<int> needs(table.columns.size(), 0);
  int total = 0;
  for (size_t c = 0; c < table.columns.size(); ++c) {
    int widest = std::max(4, display_width(table.columns[c].header));
    for (const auto& row : table.rows) {
      if (c < row.size()) widest = std::max(widest, display_width(row[c]));
    }
    needs[c] = widest * kTwipsPerColumn + kCellMargins;
    total += needs[c];
  }
  std::vector<int> widths;
  for (int need : needs) {
    widths.push_back(
        static_cast<int>(static_cast<long long>(need) * kDocxTextWidthTwips / std::max(total, 1)));
  }
  return widths;
}

void add_cell(pugi::xml_node row, const std::string& text, int width, bool numeric, bool header) {
  pugi::xml_node cell = child(row, "w:tc");
  pugi::xml_node properties = child(cell, "w:tcPr");
  pugi::xml_node cell_width = child(properties, "w:tcW");
  set(cell_width, "w:w", std::to_string(width));
  set(cell_width, "w:type", "dxa");
  if (header) {
    pugi::xml_node shading = child(properties, "w:shd");
    set(shading, "w:val", "clear");
    set(shading, "w:color", "auto");
    set(shading, "w:fill", "E7ECF4");
  }
  valued(properties, "w:vAlign", "center");
  paragraph(cell, header ? "TableHeader" : (numeric ? "TableNumber" : "TableText"), text);
}

void add_table(pugi::xml_node body, const Table& table) {
  paragraph(body, "TableCaption", table.title);
  pugi::xml_node tbl = child(body, "w:tbl");
  pugi::xml_node properties = child(tbl, "w:tblPr");
  valued(properties, "w:tblStyle", "ReportTable");
  pugi::xml_node width = child(properties, "w:tblW");
  set(width, "w:w", std::to_string(kDocxTextWidthTwips));
  set(width, "w:type", "dxa");
  valued(properties, "w:jc", "center");
  std::vector<int> widths = column_widths(table);
  pugi::xml_node grid = child(tbl, "w:tblGrid");
  for (int w : widths) set(child(grid, "w:gridCol"), "w:w", std::to_string(w));
  pugi::xml_node header = child(tbl, "w:tr");
  pugi::xml_node header_properties = child(header, "w:trPr");
  child(header_properties, "w:tblHeader");  // repeated on every page the table runs onto
  child(header_properties, "w:cantSplit");
  for (size_t c = 0; c < table.columns.size(); ++c) {
    add_cell(header, table.columns[c].header, widths[c], false, true);
  }
  for (const auto& cells : table.rows) {
    pugi::xml_node row = child(tbl, "w:tr");
    child(child(row, "w:trPr"), "w:cantSplit");
    for (size_t c = 0; c < table.columns.size(); ++c) {
      add_cell(row, c < cells.size() ? cells[c] : "", widths[c], numeric_column(table, c), false);
    }
  }
  for (const std::string& note : table.footnotes) paragraph(body, "TableNote", note);
  if (table.footnotes.empty()) paragraph(body, "TableNote", "");
}

void add_section_properties(pugi::xml_node body) {
  pugi::xml_node sect = child(body, "w:sectPr");
  pugi::xml_node footer = child(sect, "w:footerReference");
  set(footer, "w:type", "default");
  set(footer, "r:id", "rIdFooter");
  pugi::xml_node size = child(sect, "w:pgSz");  // A4 portrait
  set(size, "w:w", "11906");
  set(size, "w:h", "16838");
  pugi::xml_node margins = child(sect, "w:pgMar");
  for (auto [name, value] : {std::pair{"w:top", "1418"},
                             {"w:right", "1134"},
                             {"w:bottom", "1304"},
                             {"w:left", "1134"},
                             {"w:header", "851"},
                             {"w:footer", "680"},
                             {"w:gutter", "0"}}) {
    set(margins, name, value);
  }
}

}  // namespace

std::string docx_document_xml(const DocumentContent& content,
                              const std::vector<DocxPicture>& pictures) {
  pugi::xml_document xml;
  pugi::xml_node declaration = xml.append_child(pugi::node_declaration);
  set(declaration, "version", "1.0");
  set(declaration, "encoding", "UTF-8");
  set(declaration, "standalone", "yes");
  pugi::xml_node root = xml.append_child("w:document");
  set(root, "xmlns:w", "http://schemas.openxmlformats.org/wordprocessingml/2006/main");
  set(root, "xmlns:r", "http://schemas.openxmlformats.org/officeDocument/2006/relationships");
  set(root, "xmlns:wp", "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing");
  set(root, "xmlns:a", "http://schemas.openxmlformats.org/drawingml/2006/main");
  set(root, "xmlns:pic", "http://schemas.openxmlformats.org/drawingml/2006/picture");
  pugi::xml_node body = child(root, "w:body");
  const Narrative& narrative = content.document.narrative;
  paragraph(body, "Masthead", content.kind);
  paragraph(body, "Title", narrative.title);
  std::string meta = content.period_line;
  if (!content.date_line.empty()) meta += "　　" + content.date_line;
  paragraph(body, "Meta", meta);
  for (const NarrativeSection& section : narrative.sections) {
    paragraph(body, "Heading1", section.heading);
    for (const std::string& text : section.paragraphs) paragraph(body, "BodyText", text);
  }
  if (!content.charts.empty()) {
    paragraph(body, "Heading1", content.charts_heading);
    for (size_t i = 0; i < content.charts.size() && i < pictures.size(); ++i) {
      add_picture(body, pictures[i], static_cast<int>(i + 1), content.charts[i].title);
      paragraph(body, "Caption", content.chart_captions[i]);
    }
  }
  if (!content.document.tables.empty()) {
    paragraph(body, "Heading1", content.document.tables_heading);
    for (const Table& table : content.document.tables) add_table(body, table);
  }
  add_section_properties(body);
  std::ostringstream out;
  xml.save(out, "", pugi::format_raw, pugi::encoding_utf8);
  return out.str();
}

}  // namespace zhizao::detail
