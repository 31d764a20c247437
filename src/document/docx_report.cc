// render_docx_report: the Word package put together from its parts.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "document/docx_body.h"
#include "document/docx_styles.h"
#include "document/office_report.h"
#include "document/svg_png.h"
#include "document/zip_package.h"

namespace zhizao {
namespace {

constexpr long long kEmuPerPixel = 9525;  // 914 400 EMU per inch / 96 px per inch
constexpr long long kEmuPerTwip = 635;    // 914 400 / 1 440
constexpr double kPngScale = 2.5;         // 240 dpi: sharp in print, small enough to mail

std::string document_relationships(size_t pictures) {
  std::string out =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
      "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
      "<Relationship Id=\"rIdStyles\" Type=\"http://schemas.openxmlformats.org/officeDocument/"
      "2006/relationships/styles\" Target=\"styles.xml\"/>"
      "<Relationship Id=\"rIdSettings\" Type=\"http://schemas.openxmlformats.org/officeDocument/"
      "2006/relationships/settings\" Target=\"settings.xml\"/>"
      "<Relationship Id=\"rIdFooter\" Type=\"http://schemas.openxmlformats.org/officeDocument/"
      "2006/relationships/footer\" Target=\"footer1.xml\"/>";
  for (size_t i = 1; i <= pictures; ++i) {
    for (const char* kind : {"png", "svg"}) {
      out += fmt::format(
          "<Relationship Id=\"rId{}{}\" Type=\"http://schemas.openxmlformats.org/officeDocument/"
          "2006/relationships/image\" Target=\"media/chart{}.{}\"/>",
          kind[0] == 'p' ? "Png" : "Svg", i, i, kind);
    }
  }
  return out + "</Relationships>";
}

}  // namespace

Result<std::string> render_docx_report(const ReportData& report,
                                       const std::vector<TrendPoint>& trend,
                                       const OfficeOptions& options) {
  detail::DocumentContent content = detail::document_content(report, trend, options);
  detail::ZipPackage package;
  package.add("[Content_Types].xml", detail::docx_content_types_xml());
  package.add("_rels/.rels", detail::docx_package_relationships_xml());
  std::vector<detail::DocxPicture> pictures;
  const long long text_width_emu = detail::kDocxTextWidthTwips * kEmuPerTwip;
  for (size_t i = 0; i < content.charts.size(); ++i) {
    const SvgChart& chart = content.charts[i];
    auto png = svg_to_png(chart.svg, kPngScale);
    if (!png) return fail(Status::internal("chart " + chart.title + ": " + png.error().message()));
    detail::DocxPicture picture;
    picture.png_relationship = fmt::format("rIdPng{}", i + 1);
    picture.svg_relationship = fmt::format("rIdSvg{}", i + 1);
    double fit = std::min(1.0, static_cast<double>(text_width_emu) /
                                   (chart.width * static_cast<double>(kEmuPerPixel)));
    picture.width_emu = std::llround(chart.width * kEmuPerPixel * fit);
    picture.height_emu = std::llround(chart.height * kEmuPerPixel * fit);
    pictures.push_back(picture);
    package.add(fmt::format("word/media/chart{}.png", i + 1), std::move(*png));
    package.add(fmt::format("word/media/chart{}.svg", i + 1),
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + chart.svg);
  }
  package.add("word/document.xml", detail::docx_document_xml(content, pictures));
  package.add("word/_rels/document.xml.rels", document_relationships(pictures.size()));
  package.add("word/styles.xml", detail::docx_styles_xml());
  package.add("word/settings.xml", detail::docx_settings_xml());
  package.add("word/footer1.xml", detail::docx_footer_xml());
  package.add("docProps/core.xml", detail::docx_core_properties_xml(
                                       content.document.narrative.title, content.language_tag));
  package.add("docProps/app.xml", detail::docx_app_properties_xml());
  return package.bytes();
}

}  // namespace zhizao
