// The bounds of read_workbook (xlsx::WorkbookLimits, docs/security.md "Bounds on input"): each is
// passed by a workbook built here (small to store, large or many once unpacked) and refused with
// a message naming the part, and the sheet and cell when known.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "xlsx/workbook.h"
#include "xlsx/zip_builder.h"

namespace zhizao::xlsx {
namespace {

using testing_support::bomb_workbook;
using testing_support::fixed_part;
using testing_support::GeneratedPart;
using testing_support::sheet_part;
using testing_support::workbook_skeleton;
using testing_support::zip_generated_parts;

// Reads `bytes` with `limits` and returns the error message, "" when it was read.
std::string refusal(const std::string& bytes, const WorkbookLimits& limits = {}) {
  Result<Workbook> workbook = read_workbook(bytes, limits);
  if (workbook) return "";
  EXPECT_EQ(workbook.error().code(), StatusCode::kInvalidData);
  return workbook.error().message();
}

// A workbook of one sheet: `rows` inside <sheetData>, plus `more` parts.
std::string one_sheet(const std::string& rows, std::vector<GeneratedPart> more = {},
                      const std::string& after_data = "") {
  std::vector<GeneratedPart> parts = workbook_skeleton();
  parts.push_back(sheet_part(1, "<sheetData>", rows, 1, "</sheetData>" + after_data));
  for (GeneratedPart& part : more) parts.push_back(std::move(part));
  return zip_generated_parts(parts);
}

GeneratedPart shared_strings(const std::vector<std::string>& strings) {
  std::string xml = std::string("<sst xmlns=\"") + testing_support::kSpreadsheetMl + "\">";
  for (const std::string& text : strings) xml += "<si><t>" + text + "</t></si>";
  return fixed_part("xl/sharedStrings.xml", xml + "</sst>");
}

TEST(WorkbookBounds, ElementBombIsRefusedAtTheElementBound) {
  // The default bound is 16 Mi elements (tests/cli/input_bounds_cli_test.cc reads the issue's
  // 512 MiB bomb with it); a lower one here keeps the test quick under the sanitizers.
  EXPECT_EQ(WorkbookLimits{}.max_part_elements, uint64_t{1} << 24);
  WorkbookLimits limits;
  limits.max_part_elements = 1 << 20;
  // 8 MiB of <x/> (two million elements) in an archive of a few kilobytes.
  std::string bytes = bomb_workbook("<x/>", 2 << 20);
  ASSERT_LT(bytes.size(), 64u << 10);
  EXPECT_EQ(refusal(bytes, limits),
            "sheet Sheet1: xl/worksheets/sheet1.xml: more than 1048576 XML elements (the bound "
            "per part)");
  limits.max_part_elements = 3 << 20;
  EXPECT_EQ(refusal(bytes, limits), "");
}

TEST(WorkbookBounds, SpacesBombIsRefusedAtThePartBound) {
  WorkbookLimits limits;
  limits.max_part_bytes = 1 << 20;
  EXPECT_EQ(refusal(bomb_workbook(" ", 4 << 20), limits),
            "sheet Sheet1: xl/worksheets/sheet1.xml: unpacks to more than 1048576 bytes");
  // Below the bound the same spaces are only whitespace.
  Result<Workbook> read = read_workbook(bomb_workbook(" ", 1 << 19), limits);
  ASSERT_TRUE(read.has_value()) << read.error().message();
  EXPECT_TRUE(read->sheets[0].cells.empty());
}

// Overwrites the uncompressed size that `bytes` (a ZIP archive) declares for entry `name`, in
// its local header (offset 22) and its central directory header (offset 24).
void declare_size(std::string& bytes, const std::string& name, uint32_t size) {
  auto patch = [&](std::string_view signature, size_t name_at, size_t size_at) {
    for (size_t at = bytes.find(signature); at != std::string::npos;
         at = bytes.find(signature, at + 1)) {
      if (bytes.compare(at + name_at, name.size(), name) != 0) continue;
      for (size_t i = 0; i < 4; ++i) bytes[at + size_at + i] = static_cast<char>(size >> (8 * i));
    }
  };
  patch(std::string_view("PK\x03\x04", 4), 30, 22);
  patch(std::string_view("PK\x01\x02", 4), 46, 24);
}

TEST(WorkbookBounds, WhatInflatesIsCountedWhateverTheArchiveDeclares) {
  WorkbookLimits limits;
  limits.max_part_bytes = 1 << 20;
  std::string bytes = bomb_workbook(" ", 4 << 20);
  declare_size(bytes, "xl/worksheets/sheet1.xml", 100);  // a lie: 4 MiB inflate
  EXPECT_EQ(refusal(bytes, limits),
            "sheet Sheet1: xl/worksheets/sheet1.xml: unpacks to more than 1048576 bytes");
}

TEST(WorkbookBounds, AllPartsTogetherAreBounded) {
  WorkbookLimits limits;
  limits.max_part_bytes = 1 << 20;
  limits.max_workbook_bytes = 1 << 20;
  std::vector<GeneratedPart> parts = workbook_skeleton(2);
  parts.push_back(sheet_part(1, "<sheetData>", " ", 600 << 10, "</sheetData>"));
  parts.push_back(sheet_part(2, "<sheetData>", " ", 600 << 10, "</sheetData>"));
  EXPECT_EQ(refusal(zip_generated_parts(parts), limits),
            "sheet Sheet2: xl/worksheets/sheet2.xml: the workbook unpacks to more than 1048576 "
            "bytes (the bound per workbook)");
}

TEST(WorkbookBounds, DepthAndTokenSizeAreBounded) {
  std::string deep;
  for (int i = 0; i < 300; ++i) deep += "<a>";
  for (int i = 0; i < 300; ++i) deep += "</a>";
  EXPECT_EQ(refusal(one_sheet(deep)),
            "sheet Sheet1: xl/worksheets/sheet1.xml: elements nested deeper than 256");
  // The parser holds a tag whole: one with a 2 MiB attribute is refused before it is held.
  std::string huge_tag = "<x a=\"" + std::string(2 << 20, 'a') + "\"/>";
  EXPECT_EQ(refusal(one_sheet(huge_tag)),
            "sheet Sheet1: xl/worksheets/sheet1.xml: an XML tag, comment or processing "
            "instruction longer than 1048576 bytes");
  std::string huge_comment = "<!-- " + std::string(2 << 20, 'c') + " -->";
  EXPECT_NE(refusal(one_sheet(huge_comment)).find("longer than 1048576 bytes"), std::string::npos);
}

TEST(WorkbookBounds, DoctypeAndEntitiesAreRefused) {
  std::vector<GeneratedPart> parts = workbook_skeleton();
  parts.push_back(fixed_part(
      "xl/worksheets/sheet1.xml",
      "<?xml version=\"1.0\"?><!DOCTYPE w [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b "
      "\"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]><worksheet><sheetData>&b;</sheetData></worksheet>"));
  EXPECT_EQ(refusal(zip_generated_parts(parts)),
            "sheet Sheet1: xl/worksheets/sheet1.xml: a DOCTYPE declaration, which no OOXML part "
            "has (refused)");
}

TEST(WorkbookBounds, CellsOfTheWholeWorkbookAreBounded) {
  WorkbookLimits limits;
  limits.max_cells = 10;
  std::string row = "<row r=\"3\">";
  for (int column = 1; column <= 11; ++column)
    row += "<c><v>" + std::to_string(column) + "</v></c>";
  row += "</row>";
  EXPECT_EQ(refusal(one_sheet(row), limits),
            "sheet Sheet1: xl/worksheets/sheet1.xml: K3: more than 10 cells (the bound per "
            "workbook)");
  limits.max_cells = 11;
  EXPECT_EQ(refusal(one_sheet(row), limits), "");
}

TEST(WorkbookBounds, CharactersOfACellAreBounded) {
  auto inline_cell = [](size_t characters) {
    std::string text;
    for (size_t i = 0; i < characters; ++i) text += "中";
    return "<row r=\"2\"><c r=\"C2\" t=\"inlineStr\"><is><t>" + text + "</t></is></c></row>";
  };
  EXPECT_EQ(refusal(one_sheet(inline_cell(32'767))), "");  // Excel's own limit is admitted
  EXPECT_EQ(refusal(one_sheet(inline_cell(32'768))),
            "sheet Sheet1: xl/worksheets/sheet1.xml: C2: more than 32767 characters in a cell");
  // A <v> of a number is bounded too, and a number of 40,000 digits is no number anyway.
  std::string digits =
      "<row r=\"1\"><c r=\"A1\"><v>" + std::string(300'000, '1') + "</v></c></row>";
  EXPECT_EQ(refusal(one_sheet(digits)),
            "sheet Sheet1: xl/worksheets/sheet1.xml: A1: more than 32767 characters in a cell");
}

TEST(WorkbookBounds, SharedStringsAreBoundedByCountAndSize) {
  WorkbookLimits limits;
  limits.max_shared_strings = 3;
  std::string row = "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>";
  EXPECT_EQ(refusal(one_sheet(row, {shared_strings({"a", "b", "c"})}), limits), "");
  EXPECT_EQ(refusal(one_sheet(row, {shared_strings({"a", "b", "c", "d"})}), limits),
            "xl/sharedStrings.xml: more than 3 shared strings");
  limits = {};
  limits.max_shared_string_bytes = 10;
  EXPECT_EQ(refusal(one_sheet(row, {shared_strings({"工业", "总产值"})}), limits),
            "xl/sharedStrings.xml: shared strings of more than 10 bytes together");
  limits = {};
  limits.max_cell_chars = 4;
  EXPECT_EQ(refusal(one_sheet(row, {shared_strings({"12345"})}), limits),
            "xl/sharedStrings.xml: shared string 0: more than 4 characters");
}

TEST(WorkbookBounds, TextCopiedFromASharedStringIsBounded) {
  // One string of 1,000 characters used by 100 cells: 100,000 bytes once copied into them.
  WorkbookLimits limits;
  limits.max_cell_text_bytes = 50'000;
  std::string rows;
  for (int row = 1; row <= 100; ++row) {
    rows += "<row r=\"" + std::to_string(row) + "\"><c t=\"s\"><v>0</v></c></row>";
  }
  EXPECT_EQ(refusal(one_sheet(rows, {shared_strings({std::string(1000, 'x')})}), limits),
            "sheet Sheet1: xl/worksheets/sheet1.xml: A51: cells of more than 50000 bytes of text "
            "(the bound per workbook)");
}

TEST(WorkbookBounds, MergesSheetsAndMetadataAreBounded) {
  WorkbookLimits limits;
  limits.max_merged_ranges = 2;
  std::string merges =
      "<mergeCells><mergeCell ref=\"A1:B1\"/><mergeCell ref=\"A2:B2\"/>"
      "<mergeCell ref=\"A3:B3\"/></mergeCells>";
  EXPECT_EQ(refusal(one_sheet("", {}, merges), limits),
            "sheet Sheet1: xl/worksheets/sheet1.xml: more than 2 merged ranges (the bound per "
            "workbook)");

  limits = {};
  limits.max_sheets = 2;
  std::vector<GeneratedPart> parts = workbook_skeleton(3);
  EXPECT_EQ(refusal(zip_generated_parts(parts), limits), "xl/workbook.xml: more than 2 sheets");

  limits = {};
  limits.max_name_bytes = 8;
  EXPECT_EQ(refusal(one_sheet(""), limits).substr(0, 60),
            "_rels/.rels: a relationship type of 82 bytes, more than the ");

  limits = {};
  limits.max_relationships = 3;  // the workbook's: one sheet, shared strings, styles
  EXPECT_EQ(refusal(one_sheet(""), limits), "");
  limits.max_relationships = 2;
  EXPECT_EQ(refusal(one_sheet(""), limits),
            "xl/_rels/workbook.xml.rels: more than 2 relationships");

  std::string formats = std::string("<styleSheet xmlns=\"") + testing_support::kSpreadsheetMl +
                        "\"><numFmts><numFmt numFmtId=\"164\" formatCode=\"yyyy\"/><numFmt "
                        "numFmtId=\"165\" formatCode=\"0.0\"/></numFmts></styleSheet>";
  limits = {};
  limits.max_number_formats = 1;
  EXPECT_EQ(refusal(one_sheet("", {fixed_part("xl/styles.xml", formats)}), limits),
            "xl/styles.xml: more than 1 number formats");

  std::string styles =
      std::string("<styleSheet xmlns=\"") + testing_support::kSpreadsheetMl +
      "\"><cellXfs><xf numFmtId=\"14\"/><xf numFmtId=\"0\"/></cellXfs></styleSheet>";
  limits = {};
  limits.max_cell_formats = 1;
  EXPECT_EQ(refusal(one_sheet("", {fixed_part("xl/styles.xml", styles)}), limits),
            "xl/styles.xml: more than 1 cell formats");
}

TEST(WorkbookBounds, ZipEntriesAreBounded) {
  WorkbookLimits limits;
  limits.max_zip_entries = 4;
  std::vector<GeneratedPart> parts = workbook_skeleton();
  parts.push_back(sheet_part(1, "<sheetData>", "", 0, "</sheetData>"));
  EXPECT_EQ(refusal(zip_generated_parts(parts), limits), "");
  parts.push_back(fixed_part("docProps/app.xml", "<Properties/>"));
  EXPECT_EQ(refusal(zip_generated_parts(parts), limits),
            "not an XLSX workbook: 5 entries in the ZIP archive, more than the 4 allowed");
}

TEST(WorkbookBounds, MalformedXmlIsLocated) {
  EXPECT_EQ(refusal(one_sheet("<row><c><v>1</v></row>")),
            "sheet Sheet1: malformed XML in xl/worksheets/sheet1.xml at line 1, column 107: "
            "mismatched tag");
}

TEST(WorkbookBounds, PrefixedSpreadsheetMlIsReadByLocalName) {
  // Some generators write a prefix (x:) instead of the default namespace.
  std::vector<GeneratedPart> parts = workbook_skeleton();
  parts.push_back(fixed_part("xl/worksheets/sheet1.xml",
                             std::string("<x:worksheet xmlns:x=\"") +
                                 testing_support::kSpreadsheetMl +
                                 "\"><x:sheetData><x:row r=\"2\"><x:c r=\"B2\"><x:v>7.5</x:v></x:c>"
                                 "</x:row></x:sheetData></x:worksheet>"));
  Result<Workbook> read = read_workbook(zip_generated_parts(parts));
  ASSERT_TRUE(read.has_value()) << read.error().message();
  ASSERT_EQ(read->sheets[0].cells.size(), 1u);
  EXPECT_EQ(read->sheets[0].cells[0].row, 2);
  EXPECT_EQ(read->sheets[0].cells[0].column, 2);
  EXPECT_EQ(read->sheets[0].cells[0].number, 7.5);
}

}  // namespace
}  // namespace zhizao::xlsx
