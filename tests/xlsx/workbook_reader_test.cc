// read_workbook on workbooks written by libxlsxwriter, and the small parts it is built from.
#include <gtest/gtest.h>

#include "workbook_fixture.h"
#include "xlsx/workbook.h"
#include "xlsx/xml_text.h"
#include "xlsx/zip_reader.h"

namespace zhizao::xlsx {
namespace {

using testing_support::build_workbook;

const Cell* find_cell(const Sheet& sheet, std::string_view reference) {
  int row = 0;
  int column = 0;
  if (!parse_cell_reference(reference, row, column)) return nullptr;
  for (const Cell& cell : sheet.cells) {
    if (cell.row == row && cell.column == column) return &cell;
  }
  return nullptr;
}

TEST(CellReference, LettersAndParsing) {
  EXPECT_EQ(column_letters(1), "A");
  EXPECT_EQ(column_letters(26), "Z");
  EXPECT_EQ(column_letters(27), "AA");
  EXPECT_EQ(column_letters(16384), "XFD");
  EXPECT_EQ(cell_reference(17, 4), "D17");
  int row = 0;
  int column = 0;
  ASSERT_TRUE(parse_cell_reference("$AB$12", row, column));
  EXPECT_EQ(row, 12);
  EXPECT_EQ(column, 28);
  EXPECT_FALSE(parse_cell_reference("12", row, column));
  EXPECT_FALSE(parse_cell_reference("A", row, column));
  EXPECT_FALSE(parse_cell_reference("A0", row, column));
  EXPECT_FALSE(parse_cell_reference("XFE1", row, column));
  EXPECT_FALSE(parse_cell_reference("A1x", row, column));
}

TEST(ExcelDate, SerialsOfThe1900And1904Systems) {
  // 2021-04-01 is 44287 days after 1899-12-30.
  EXPECT_EQ(date_from_serial(44287, false)->to_string(), "2021-04-01");
  EXPECT_EQ(date_from_serial(44287.75, false)->to_string(), "2021-04-01");  // time dropped
  EXPECT_EQ(date_from_serial(1, false)->to_string(), "1900-01-01");
  EXPECT_EQ(date_from_serial(59, false)->to_string(), "1900-02-28");
  EXPECT_EQ(date_from_serial(61, false)->to_string(), "1900-03-01");
  EXPECT_FALSE(date_from_serial(60, false).has_value());  // Lotus's 1900-02-29
  EXPECT_FALSE(date_from_serial(0, false).has_value());
  EXPECT_FALSE(date_from_serial(3e6, false).has_value());
  EXPECT_EQ(date_from_serial(0, true)->to_string(), "1904-01-01");
  EXPECT_EQ(date_from_serial(42825, true)->to_string(), "2021-04-01");  // 1462 days less
  EXPECT_EQ(serial_from_date({2021, 4, 1}), 44287);
  EXPECT_EQ(serial_from_date({1900, 1, 1}), 1);
  EXPECT_EQ(serial_from_date({1900, 3, 1}), 61);
}

TEST(NumberFormat, DatesAreToldFromBuiltInIdsAndCodes) {
  EXPECT_TRUE(is_date_format(14, ""));
  EXPECT_TRUE(is_date_format(22, ""));
  EXPECT_TRUE(is_date_format(31, ""));  // East Asian yyyy"年"m"月"d"日"
  EXPECT_FALSE(is_date_format(0, ""));
  EXPECT_FALSE(is_date_format(4, ""));
  EXPECT_FALSE(is_date_format(49, ""));  // "@"
  EXPECT_TRUE(is_date_format(164, "yyyy-mm-dd"));
  EXPECT_TRUE(is_date_format(165, "yyyy\"年\"m\"月\""));
  EXPECT_TRUE(is_date_format(166, "[$-804]mmm d, yyyy;@"));
  EXPECT_TRUE(is_date_format(167, "mmm-yy"));
  EXPECT_FALSE(is_date_format(168, "General"));
  EXPECT_FALSE(is_date_format(169, "#,##0.00_);[Red](#,##0.00)"));
  EXPECT_FALSE(is_date_format(170, "h:mm:ss"));
  EXPECT_FALSE(is_date_format(171, "[h]:mm"));
  EXPECT_FALSE(is_date_format(172, "0.0\"万元\""));
  EXPECT_FALSE(is_date_format(173, "\"day\"0"));  // quoted text is not a format letter
}

TEST(XmlText, OoxmlEscapes) {
  EXPECT_EQ(unescape_ooxml("a_x000D_b"), "a\rb");
  EXPECT_EQ(unescape_ooxml("_x005F_x"), "_x");
  EXPECT_EQ(unescape_ooxml("_x4E2D_"), "中");
  EXPECT_EQ(unescape_ooxml("_xZZZZ_"), "_xZZZZ_");
  EXPECT_EQ(unescape_ooxml("plain"), "plain");
}

TEST(ReadWorkbook, SheetsCellsTypesAndMerges) {
  std::string bytes = build_workbook([](lxw_workbook* wb) {
    lxw_worksheet* first = workbook_add_worksheet(wb, "2021年4月");
    lxw_worksheet* second = workbook_add_worksheet(wb, "企业名录");
    lxw_format* date = workbook_add_format(wb);
    format_set_num_format(date, "yyyy-mm-dd");
    lxw_format* builtin_date = workbook_add_format(wb);
    format_set_num_format_index(builtin_date, 14);
    lxw_format* bold = workbook_add_format(wb);
    format_set_bold(bold);
    worksheet_merge_range(first, 0, 0, 0, 3, "洛阳市规上工业企业月报", nullptr);
    worksheet_write_string(first, 2, 0, "统一社会信用代码", nullptr);
    worksheet_write_number(first, 2, 1, 1234.5, nullptr);
    worksheet_write_string(first, 2, 2, "1,234.5", nullptr);  // a number stored as text
    worksheet_write_boolean(first, 2, 3, 1, nullptr);
    lxw_datetime day = {2021, 4, 15, 0, 0, 0};
    worksheet_write_datetime(first, 3, 0, &day, date);
    worksheet_write_number(first, 3, 1, 44287, builtin_date);
    worksheet_write_formula_num(first, 3, 2, "=B3*2", nullptr, 2469);
    char first_run[] = "工业";
    char second_run[] = "总产值";
    lxw_rich_string_tuple run1 = {bold, first_run};
    lxw_rich_string_tuple run2 = {nullptr, second_run};
    lxw_rich_string_tuple* runs[] = {&run1, &run2, nullptr};
    worksheet_write_rich_string(first, 4, 0, runs, nullptr);
    worksheet_write_string(first, 4, 1, "", nullptr);  // an empty string is no value
    worksheet_write_blank(first, 4, 2, bold);          // a styled blank neither
    worksheet_write_string(second, 0, 0, "id", nullptr);
    worksheet_hide(second);
  });
  Result<Workbook> workbook = read_workbook(bytes);
  ASSERT_TRUE(workbook.has_value()) << workbook.error().to_string();
  ASSERT_EQ(workbook->sheets.size(), 2u);
  const Sheet& sheet = workbook->sheets[0];
  EXPECT_EQ(sheet.name, "2021年4月");
  EXPECT_FALSE(sheet.hidden);
  EXPECT_TRUE(workbook->sheets[1].hidden);
  EXPECT_EQ(workbook->sheets[1].name, "企业名录");

  ASSERT_NE(find_cell(sheet, "A1"), nullptr);
  EXPECT_EQ(find_cell(sheet, "A1")->text, "洛阳市规上工业企业月报");
  ASSERT_EQ(sheet.merges.size(), 1u);
  EXPECT_EQ(sheet.merges[0].first_row, 1);
  EXPECT_EQ(sheet.merges[0].last_column, 4);
  EXPECT_TRUE(sheet.merges[0].contains(1, 3));
  EXPECT_FALSE(sheet.merges[0].contains(2, 1));

  EXPECT_EQ(find_cell(sheet, "A3")->text, "统一社会信用代码");  // a shared string
  EXPECT_EQ(find_cell(sheet, "B3")->type, CellType::kNumber);
  EXPECT_EQ(find_cell(sheet, "B3")->number, 1234.5);
  EXPECT_FALSE(find_cell(sheet, "B3")->date);
  EXPECT_EQ(find_cell(sheet, "C3")->type, CellType::kText);
  EXPECT_EQ(find_cell(sheet, "C3")->text, "1,234.5");
  EXPECT_EQ(find_cell(sheet, "D3")->type, CellType::kBoolean);
  EXPECT_EQ(find_cell(sheet, "D3")->number, 1);

  const Cell* custom_date = find_cell(sheet, "A4");
  ASSERT_NE(custom_date, nullptr);
  EXPECT_TRUE(custom_date->date);
  EXPECT_EQ(date_from_serial(custom_date->number, false)->to_string(), "2021-04-15");
  EXPECT_TRUE(find_cell(sheet, "B4")->date);
  EXPECT_EQ(find_cell(sheet, "C4")->number, 2469);        // a formula's cached value
  EXPECT_EQ(find_cell(sheet, "A5")->text, "工业总产值");  // rich text runs joined
  EXPECT_EQ(find_cell(sheet, "B5"), nullptr);
  EXPECT_EQ(find_cell(sheet, "C5"), nullptr);
}

TEST(ReadWorkbook, InlineStringsOfConstantMemoryMode) {
  std::string bytes = build_workbook(
      [](lxw_workbook* wb) {
        lxw_worksheet* sheet = workbook_add_worksheet(wb, "月报");
        worksheet_write_string(sheet, 0, 0, "工业总产值", nullptr);
        worksheet_write_number(sheet, 1, 0, 7, nullptr);
      },
      true);
  Result<ZipReader> zip = ZipReader::open(bytes);
  ASSERT_TRUE(zip.has_value());
  Result<std::string> sheet_xml = zip->read("xl/worksheets/sheet1.xml");
  ASSERT_TRUE(sheet_xml.has_value());
  ASSERT_NE(sheet_xml->find("inlineStr"), std::string::npos);  // what this test is about
  Result<Workbook> workbook = read_workbook(bytes);
  ASSERT_TRUE(workbook.has_value()) << workbook.error().to_string();
  EXPECT_EQ(find_cell(workbook->sheets[0], "A1")->text, "工业总产值");
  EXPECT_EQ(find_cell(workbook->sheets[0], "A2")->number, 7);
}

TEST(ReadWorkbook, XmlEscapesAreDecodedInSharedAndInlineStrings) {
  for (bool constant_memory : {false, true}) {  // shared strings, then inline strings
    std::string bytes = build_workbook(
        [](lxw_workbook* wb) {
          lxw_worksheet* sheet = workbook_add_worksheet(wb, "A&B");
          worksheet_write_string(sheet, 0, 0, "R&D <甲> \"乙\" 'x'", nullptr);
          worksheet_write_string(sheet, 1, 0, "  两边有空格  ", nullptr);
        },
        constant_memory);
    Result<Workbook> workbook = read_workbook(bytes);
    ASSERT_TRUE(workbook.has_value()) << workbook.error().to_string();
    EXPECT_EQ(workbook->sheets[0].name, "A&B");
    EXPECT_EQ(find_cell(workbook->sheets[0], "A1")->text, "R&D <甲> \"乙\" 'x'");
    EXPECT_EQ(find_cell(workbook->sheets[0], "A2")->text, "  两边有空格  ");
  }
}

TEST(ReadWorkbook, RefusesWhatIsNotAWorkbook) {
  Result<Workbook> csv = read_workbook("uscc,period\n");
  ASSERT_FALSE(csv.has_value());
  EXPECT_EQ(csv.error().code(), StatusCode::kInvalidData);
  EXPECT_NE(csv.error().message().find("not a ZIP archive"), std::string::npos);
  EXPECT_FALSE(read_workbook("").has_value());
}

}  // namespace
}  // namespace zhizao::xlsx
