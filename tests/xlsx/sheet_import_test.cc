// Importing workbooks: the layouts the bureau's tables have (title rows, merged and two-row
// headers, units rows, totals), values as Excel stores them, and errors located by cell.
#include <gtest/gtest.h>

#include <initializer_list>
#include <variant>

#include "ingest/import_fixture.h"
#include "workbook_fixture.h"

namespace zhizao::testing_support {
namespace {

// kU1 with a wrong check character.
const std::string kBad = kU1.substr(0, 17) + (kU1.back() == '0' ? '1' : '0');

using Value = std::variant<std::monostate, std::string, double>;

// Writes `values` into row `row` (0-based) from column A.
void put_row(lxw_worksheet* sheet, int row, std::initializer_list<Value> values) {
  lxw_col_t column = 0;
  for (const Value& value : values) {
    if (const std::string* text = std::get_if<std::string>(&value)) {
      worksheet_write_string(sheet, static_cast<lxw_row_t>(row), column, text->c_str(), nullptr);
    } else if (const double* number = std::get_if<double>(&value)) {
      worksheet_write_number(sheet, static_cast<lxw_row_t>(row), column, *number, nullptr);
    }
    ++column;
  }
}

// An enterprises sheet with kU1 and kU2: header on the first row, codes as numbers.
void enterprises_sheet(lxw_workbook* wb, const char* name = "企业") {
  lxw_worksheet* sheet = workbook_add_worksheet(wb, name);
  put_row(sheet, 0,
          {std::string("统一社会信用代码"), std::string("企业名称"), std::string("行业代码"),
           std::string("区划代码")});
  put_row(sheet, 1, {kU1, std::string("甲公司"), 3411.0, 410302.0});
  put_row(sheet, 2, {kU2, std::string("乙公司"), 610.0, 410305.0});
}

class SheetImportTest : public ImportTest {};

TEST_F(SheetImportTest, TitleRowsTwoRowHeaderUnitsRowTotalsAndDates) {
  std::string bytes = build_workbook([](lxw_workbook* wb) {
    enterprises_sheet(wb);
    lxw_worksheet* s = workbook_add_worksheet(wb, "月报");
    lxw_format* month = workbook_add_format(wb);
    format_set_num_format(month, "yyyy\"年\"m\"月\"");
    worksheet_merge_range(s, 0, 0, 0, 6, "2021年4月规上工业企业主要指标", nullptr);
    worksheet_merge_range(s, 1, 0, 1, 6, "填报单位：洛阳市统计局", nullptr);
    // Row 3–4: a two-row header; the code and period cells are merged down, the output and
    // electricity group headers across their 本期/上年同期 sub-headers.
    worksheet_merge_range(s, 2, 0, 3, 0, "统一社会信用代码", nullptr);
    worksheet_merge_range(s, 2, 1, 3, 1, "时 期", nullptr);
    worksheet_merge_range(s, 2, 2, 2, 3, "工业总产值", nullptr);
    worksheet_merge_range(s, 2, 4, 2, 5, "用电量", nullptr);
    worksheet_merge_range(s, 2, 6, 3, 6, "备注", nullptr);
    put_row(s, 3,
            {Value(), Value(), std::string("本期"), std::string("上年同期"), std::string("本期"),
             std::string("上年同期")});
    put_row(s, 4,
            {Value(), Value(), std::string("亿元"), std::string("万元"), std::string("千瓦时"),
             std::string("万千瓦时")});
    lxw_datetime april = {2021, 4, 1, 0, 0, 0};
    put_row(s, 5, {kU1, Value(), 1.5, std::string("1,234.5"), 123456.0, std::string("—")});
    worksheet_write_datetime(s, 5, 1, &april, month);
    put_row(s, 6, {kU2, std::string("2021-04"), std::string("0.25"), 2000.0, Value(), 3.5});
    put_row(s, 7, {std::string("合 计"), Value(), 1.75, 3234.5});
    put_row(s, 8, {std::string("注：本表数据为快报数。")});
  });
  ImportOutcome outcome = import_ok({{"data.xlsx", bytes}});
  ASSERT_EQ(outcome.files.size(), 2u);
  EXPECT_EQ(outcome.files[1].name, "data.xlsx!月报");
  EXPECT_EQ(outcome.files[1].kind, "monthly");
  EXPECT_EQ(outcome.files[1].rows, 2);
  EXPECT_EQ(outcome.warnings,
            (std::vector<std::string>{"data.xlsx!月报!G3: unknown column, ignored",
                                      "data.xlsx!月报!A8: totals row, skipped",
                                      "data.xlsx!月报!A9: note below the table, skipped"}));
  Dataset d = stored();
  ASSERT_EQ(d.enterprises.size(), 2u);
  EXPECT_EQ(d.enterprises[0].industry, "3411");
  EXPECT_EQ(d.enterprises[1].industry, "0610");  // the number 610 got back its zero
  EXPECT_EQ(d.enterprises[1].division, "06");
  EXPECT_EQ(d.enterprises[1].region, "410305");
  ASSERT_EQ(d.monthly.size(), 2u);
  const MonthlyRecord& a = d.monthly[0];
  EXPECT_EQ(a.uscc, kU1);
  EXPECT_EQ(a.period.to_string(), "2021-04");   // a date serial in a period column
  EXPECT_EQ(a.output, 15000);                   // 1.5 亿元
  EXPECT_EQ(a.output_prev, 1234.5);             // text with a thousands separator, 万元
  EXPECT_EQ(a.electricity, 12.3456);            // 123456 千瓦时
  EXPECT_EQ(a.electricity_prev, std::nullopt);  // "—" means missing
  const MonthlyRecord& b = d.monthly[1];
  EXPECT_EQ(b.output, 2500);  // "0.25" stored as text, in 亿元
  EXPECT_EQ(b.output_prev, 2000);
  EXPECT_EQ(b.electricity_prev, 3.5);
}

TEST_F(SheetImportTest, ErrorsAreLocatedByFileSheetAndCell) {
  std::string bytes = build_workbook([](lxw_workbook* wb) {
    lxw_worksheet* s = workbook_add_worksheet(wb, "2021年4月");
    put_row(s, 0, {std::string("2021年4月企业月报")});
    put_row(s, 1,
            {std::string("统一社会信用代码"), std::string("时期"),
             std::string("工业总产值（万元）"), std::string("工业增加值（万元）")});
    for (int row = 2; row < 16; ++row) {
      YearMonth period = YearMonth{2020, 1}.plus_months(row - 2);
      put_row(s, row, {kU1, period.to_string(), 10.0, 3.0});
    }
    put_row(s, 16, {kU1, std::string("2021-04"), 10.0, std::string("12,3a")});
    put_row(s, 17, {kBad, std::string("2021-13"), -1.0});
  });
  std::string csv = "uscc,name,industry,region\n" + kU1 + ",甲,3411,410302\n";
  std::vector<std::string> errors = errors_of({{"enterprises.csv", csv}, {"monthly.xlsx", bytes}});
  std::string bad_uscc_reason = check_uscc(kBad, default_uscc_exceptions()).error().message();
  EXPECT_EQ(errors, (std::vector<std::string>{
                        "monthly.xlsx!2021年4月!D17: not a number: \"12,3a\"",
                        "monthly.xlsx!2021年4月!A18: " + bad_uscc_reason,
                        "monthly.xlsx!2021年4月!B18: not a period: \"2021-13\"",
                        "monthly.xlsx!2021年4月!C18: must not be negative: \"-1\"",
                    }));
  EXPECT_EQ(stored(), empty_dataset());  // all or nothing
}

TEST_F(SheetImportTest, DuplicateKeysAndReferencesAcrossCsvAndWorkbook) {
  std::string bytes = build_workbook([](lxw_workbook* wb) {
    enterprises_sheet(wb, "enterprises");
    lxw_worksheet* s = workbook_add_worksheet(wb, "项目进度");
    put_row(s, 0, {std::string("项目编号"), std::string("时期"), std::string("本月完成投资")});
    put_row(s, 1, {std::string("X9"), std::string("2021-04"), 5.0});
  });
  std::string csv = "uscc,name,industry,region\n" + kU2 + ",乙,3411,410302\n";
  std::vector<std::string> errors = errors_of({{"enterprises.csv", csv}, {"book.xlsx", bytes}});
  EXPECT_EQ(errors, (std::vector<std::string>{
                        "book.xlsx!enterprises!A3: duplicate key \"" + kU2 +
                            "\" (first in enterprises.csv:2)",
                        "book.xlsx!项目进度!A2: unknown project: \"X9\"",
                    }));
  EXPECT_EQ(stored(), empty_dataset());
}

TEST_F(SheetImportTest, HeaderProblemsAndUnits) {
  std::string bytes = build_workbook([](lxw_workbook* wb) {
    enterprises_sheet(wb);
    lxw_worksheet* s = workbook_add_worksheet(wb, "月度数据");
    put_row(s, 0,
            {std::string("统一社会信用代码"), std::string("时期"), std::string("工业总产值"),
             std::string("用电量")});
    put_row(s, 1, {Value(), Value(), std::string("万元/月"), std::string("万元")});
    put_row(s, 2, {kU1, std::string("2021-04"), 1.0, 2.0});
    lxw_worksheet* t = workbook_add_worksheet(wb, "价格指数");
    put_row(t, 0, {std::string("行业代码"), std::string("时期")});
  });
  EXPECT_EQ(errors_of({{"u.xlsx", bytes}}),
            (std::vector<std::string>{
                "u.xlsx!月度数据!C2: unknown unit \"万元/月\"",
                "u.xlsx!月度数据!D2: unit \"万元\" does not fit 用电量",
                "u.xlsx!价格指数!A1: no header row with the required columns of deflators in "
                "the first 30 rows",
            }));
}

TEST_F(SheetImportTest, KindFromHeaderUnitNoteAndSkippedSheets) {
  std::string bytes = build_workbook([](lxw_workbook* wb) {
    workbook_add_worksheet(wb, "Sheet1");  // empty: left out
    lxw_worksheet* help = workbook_add_worksheet(wb, "填表说明");
    put_row(help, 0, {std::string("金额以万元计")});
    enterprises_sheet(wb, "Sheet2");
    lxw_worksheet* p = workbook_add_worksheet(wb, "Sheet3");
    put_row(p, 0, {std::string("项目投资情况表")});
    put_row(p, 1, {Value(), Value(), Value(), std::string("单位：亿元")});
    put_row(p, 2,
            {std::string("项目编号"), std::string("项目名称"), std::string("区划代码"),
             std::string("计划总投资"), std::string("计划开工日期")});
    put_row(p, 3, {std::string("X1"), std::string("轴承项目"), 410302.0, 2.5, 44287.0});
    lxw_worksheet* hidden = workbook_add_worksheet(wb, "lists");
    put_row(hidden, 0, {std::string("whatever")});
    worksheet_hide(hidden);
  });
  ImportOutcome outcome = import_ok({{"k.xlsx", bytes}});
  EXPECT_EQ(outcome.warnings,
            (std::vector<std::string>{"k.xlsx!填表说明: instructions sheet, skipped",
                                      "k.xlsx!lists: hidden sheet, skipped"}));
  Dataset d = stored();
  EXPECT_EQ(d.enterprises.size(), 2u);
  ASSERT_EQ(d.projects.size(), 1u);
  EXPECT_EQ(d.projects[0].total_investment, 25000);  // 2.5 亿元 by the note above the table
  EXPECT_EQ(d.projects[0].planned_start, (CivilDate{2021, 4, 1}));  // a plain serial
}

TEST_F(SheetImportTest, UnreadableWorkbooks) {
  EXPECT_EQ(errors_of({{"old.xls", std::string("\xD0\xCF\x11\xE0rest", 8)}}),
            (std::vector<std::string>{"old.xls: an Excel 97-2003 (.xls) file: save it as .xlsx "
                                      "(Excel workbook) and import that"}));
  std::vector<std::string> broken = errors_of({{"broken.xlsx", "PK\x03\x04garbage"}});
  ASSERT_EQ(broken.size(), 1u);
  EXPECT_TRUE(broken[0].starts_with("broken.xlsx: not a ZIP archive")) << broken[0];
}

}  // namespace
}  // namespace zhizao::testing_support
