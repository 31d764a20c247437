#include "base/text.h"

#include <gtest/gtest.h>

#include "base/progress_bar.h"
#include "base/status.h"

#include <unistd.h>

namespace zhizao {
namespace {

TEST(Text, DisplayWidthCountsChineseAsTwoColumns) {
  EXPECT_EQ(display_width("abc"), 3);
  EXPECT_EQ(display_width("洛阳"), 4);
  EXPECT_EQ(display_width("12.7%（同比）"), 5 + 8);
  EXPECT_EQ(pad_to_width("洛阳", 6, Align::kLeft), "洛阳  ");
  EXPECT_EQ(pad_to_width("7", 3, Align::kRight), "  7");
}

TEST(Text, ValidUtf8AndTrimAndSplit) {
  EXPECT_TRUE(is_valid_utf8("统一社会信用代码"));
  EXPECT_FALSE(is_valid_utf8("\xC0\xAF"));      // overlong
  EXPECT_FALSE(is_valid_utf8("\xED\xA0\x80"));  // surrogate
  EXPECT_FALSE(is_valid_utf8("\xB3\xC9"));      // GB18030 bytes
  EXPECT_EQ(trim(" \t a b \r\n"), "a b");
  EXPECT_EQ(split("a;;b", ';').size(), 3u);
  EXPECT_EQ(ascii_lower("USCC 代码"), "uscc 代码");
  // The eight-bytes-at-a-time ASCII path: a bad byte at every offset after a long ASCII run, and
  // valid sequences straddling the eight-byte steps.
  for (size_t ascii = 0; ascii < 20; ++ascii) {
    std::string text(ascii, 'a');
    EXPECT_TRUE(is_valid_utf8(text + "统计")) << ascii;
    EXPECT_FALSE(is_valid_utf8(text + "\xB3\xC9" + std::string(9, 'b'))) << ascii;
    EXPECT_FALSE(is_valid_utf8(text + "\xE7\xBB")) << ascii;  // cut short at the end
  }
}

TEST(Status, NamesItsCode) {
  EXPECT_EQ(Status::invalid_data("x").to_string(), "invalid data: x");
  EXPECT_TRUE(Status::ok().is_ok());
}

TEST(ProgressBar, DrawsNothingWhenQuietOrNotOnATerminal) {
  ProgressBar quiet("import", Verbosity::kQuiet);
  EXPECT_FALSE(quiet.enabled());
  // Under ctest standard error is a pipe, so even a normal bar stays silent.
  ProgressBar normal("import", Verbosity::kNormal);
  EXPECT_EQ(normal.enabled(), ::isatty(2) == 1);
  normal.update("reading", 1, 2);
}

}  // namespace
}  // namespace zhizao
