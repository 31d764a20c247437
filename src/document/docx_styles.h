// The fixed parts of the Word report package: styles, settings, footer, relationships, content
// types and properties (ECMA-376 Part 1 and Part 2, Open Packaging Conventions).
#pragma once

#include <string>

namespace zhizao::detail {

// word/styles.xml: A4 body in 宋体/Times New Roman 12 pt, 黑体 headings, a bordered table style.
std::string docx_styles_xml();

// word/settings.xml.
std::string docx_settings_xml();

// word/footer1.xml: the page number, centred ("— 3 —", as Chinese official documents number).
std::string docx_footer_xml();

// [Content_Types].xml for parts word/document.xml, styles, settings, footer1, PNG and SVG media.
std::string docx_content_types_xml();

// _rels/.rels.
std::string docx_package_relationships_xml();

// docProps/core.xml with the title and language; docProps/app.xml.
std::string docx_core_properties_xml(const std::string& title, const std::string& language);
std::string docx_app_properties_xml();

}  // namespace zhizao::detail
