#include "base/text.h"

#include <gtest/gtest.h>

#include <algorithm>

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

TEST(Text, CountByteAgreesWithStdCountAtEveryLengthAndOffset) {
  // Lengths around the eight-byte steps, the byte at every position, bytes with the high bit
  // set (as in UTF-8 and GB18030 text) and neighbours that differ in one bit.
  using namespace std::string_literals;  // the pool holds a NUL byte
  const std::string pool = "a\nb\n\n\xC3\x89\x0B\x8A\"\n\"\xFF\x00x\n\n\n\n\n\n\n\n\n\x0A\x8A"s;
  for (char byte : {'\n', '"', '\x8A', '\x00', '\xFF', 'z'}) {
    for (size_t from = 0; from < pool.size(); ++from) {
      for (size_t length = 0; from + length <= pool.size(); ++length) {
        std::string_view part = std::string_view(pool).substr(from, length);
        EXPECT_EQ(count_byte(part, byte),
                  static_cast<size_t>(std::count(part.begin(), part.end(), byte)))
            << "byte " << static_cast<int>(byte) << " from " << from << " length " << length;
      }
    }
  }
  EXPECT_EQ(count_byte(std::string(1000, '\n'), '\n'), 1000u);
  EXPECT_EQ(count_byte(std::string(1000, '\n'), '\r'), 0u);
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

TEST(Text, ShortenForMessageCutsLongValuesAtACharacter) {
  EXPECT_EQ(shorten_for_message("abc"), "abc");
  EXPECT_EQ(shorten_for_message(std::string(60, 'x')), std::string(60, 'x'));
  EXPECT_EQ(shorten_for_message(std::string(1'000'000, 'x')),
            std::string(60, 'x') + "…(1000000 bytes)");
  // Three characters of Chinese (3 bytes each) kept whole, never half a character.
  EXPECT_EQ(shorten_for_message("工业总产值", 3), "工业总…(15 bytes)");
  EXPECT_EQ(shorten_for_message("", 3), "");
}

}  // namespace
}  // namespace zhizao
