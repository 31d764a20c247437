#include "report/table_writer.h"

#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "base/text.h"

namespace zhizao::detail {
namespace {

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

Table mixed_table() {
  return Table{"表1 分行业",
               {{"代码"}, {"行业"}, {"增速(%)", Align::kRight}},
               {{"13", "农副食品加工业", "9.1"},
                {"34", "通用设备制造业", "25.1"},
                {"36", "汽车制造业*", "—"}},
               {"* 现价"}};
}

TEST(TextTable, AlignsChineseByDisplayWidth) {
  auto lines = lines_of(write_text_table(mixed_table()));
  ASSERT_EQ(lines.size(), 7u);
  EXPECT_EQ(lines[0], "表1 分行业");
  EXPECT_EQ(lines[1], "代码  行业            增速(%)");
  EXPECT_EQ(lines[2], std::string(4 + 2 + 14 + 2 + 7, '-'));
  EXPECT_EQ(lines[3], "13    农副食品加工业      9.1");
  EXPECT_EQ(lines[4], "34    通用设备制造业     25.1");
  EXPECT_EQ(lines[5], "36    汽车制造业*           —");
  EXPECT_EQ(lines[6], "* 现价");
  // Every row ends at the same display column: the right-aligned column lines up.
  for (size_t i = 1; i < 6; ++i) {
    if (i == 2) continue;
    EXPECT_EQ(display_width(lines[i]), 29) << lines[i];
  }
}

TEST(TextTable, ShortRowsAreBlankFilledAndTrailingSpacesTrimmed) {
  Table table{"", {{"a"}, {"名称"}}, {{"x"}}, {}};
  auto lines = lines_of(write_text_table(table));
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0], "a  名称");
  EXPECT_EQ(lines[2], "x");
}

TEST(MarkdownTable, WritesPipeTableWithAlignmentAndEscapes) {
  std::string md = write_markdown_table(mixed_table());
  EXPECT_EQ(md,
            "### 表1 分行业\n\n"
            "| 代码 | 行业 | 增速(%) |\n"
            "| --- | --- | ---: |\n"
            "| 13 | 农副食品加工业 | 9.1 |\n"
            "| 34 | 通用设备制造业 | 25.1 |\n"
            "| 36 | 汽车制造业\\* | — |\n"
            "\n\\* 现价\n");
  Table piped{"", {{"a"}}, {{"x|y"}}, {}};
  EXPECT_NE(write_markdown_table(piped).find("| x\\|y |"), std::string::npos);
}

}  // namespace
}  // namespace zhizao::detail
