#include "domain/uscc.h"

#include <gtest/gtest.h>

#include <string>

namespace zhizao {
namespace {

// Real codes printed in public text: 中航重机股份有限公司; the example of a CSDN article on
// GB 32100-2015 (a Jiangsu public institution); a Beijing company shown on the national
// enterprise credit information system.
constexpr const char* kRealCodes[] = {"91520000214434146R", "11320000MB151840XJ",
                                      "91110112MAE7E8FC0K"};

TEST(Uscc, CheckCharacterOfTheStandardsWorkedExample) {
  // GB 32100-2015's example: Σ C_i·W_i = 1640, 1640 mod 31 = 28, 31 − 28 = 3.
  EXPECT_EQ(uscc_check_character("91350100M000100Y4"), '3');
}

TEST(Uscc, CheckCharacterThirtyOneIsZero) {
  // Σ = 0 → 31 − 0 = 31 → '0'.
  EXPECT_EQ(uscc_check_character("00000000000000000"), '0');
  // Σ = 30·1 = 30 → 31 − 30 = 1.
  EXPECT_EQ(uscc_check_character("Y0000000000000000"), '1');
  // Σ = 1·1 = 1 → 31 − 1 = 30 → 'Y'.
  EXPECT_EQ(uscc_check_character("10000000000000000"), 'Y');
}

TEST(Uscc, CheckCharacterRejectsBadInput) {
  EXPECT_EQ(uscc_check_character("9135010"), std::nullopt);
  EXPECT_EQ(uscc_check_character("91350100I000100Y4"), std::nullopt);  // I is not in the set
  EXPECT_EQ(uscc_check_character("91350100m000100Y4"), std::nullopt);  // lower case
}

TEST(Uscc, RealCodesPass) {
  for (const char* code : kRealCodes) {
    const Result<std::string> result = check_uscc(code, default_uscc_exceptions());
    ASSERT_TRUE(result.has_value()) << code << ": " << result.error().message();
    EXPECT_EQ(*result, code);
  }
}

TEST(Uscc, NormalisesSpacesAndCase) {
  const Result<std::string> result =
      check_uscc("  91110112mae7e8fc0k\t", default_uscc_exceptions());
  ASSERT_TRUE(result.has_value());
  EXPECT_EQ(*result, "91110112MAE7E8FC0K");
}

void expect_uscc_refused(std::string_view code, std::string_view message) {
  const Result<std::string> result = check_uscc(code, default_uscc_exceptions());
  ASSERT_FALSE(result.has_value()) << code;
  EXPECT_EQ(result.error().code(), StatusCode::kInvalidData);
  EXPECT_EQ(result.error().message(), message);
}

TEST(Uscc, Errors) {
  expect_uscc_refused("123", "not 18 characters: \"123\"");
  expect_uscc_refused("", "not 18 characters: \"\"");
  expect_uscc_refused("91520000214434146R0", "not 18 characters: \"91520000214434146R0\"");
  expect_uscc_refused(
      "9152000021443414OR",
      "bad character at position 17: \"9152000021443414OR\" ('O' is not in the code "
      "set 0-9 A-H J-N P-R T U W-Y)");
  expect_uscc_refused(
      "91520000214434146Z",
      "bad character at position 18: \"91520000214434146Z\" ('Z' is not in the code "
      "set 0-9 A-H J-N P-R T U W-Y)");
  expect_uscc_refused(
      "91350100M000100Y4Z",
      "bad character at position 18: \"91350100M000100Y4Z\" ('Z' is not in the code "
      "set 0-9 A-H J-N P-R T U W-Y)");
  expect_uscc_refused("91350100M000100Y4X",
                      "bad check character: \"91350100M000100Y4X\" (expected 3)");
  expect_uscc_refused("91520000214434146T",
                      "bad check character: \"91520000214434146T\" (expected R)");
  // Two digits swapped: Σ = 754, 754 mod 31 = 10, 31 − 10 = 21 → M.
  expect_uscc_refused("91520000214434164R",
                      "bad check character: \"91520000214434164R\" (expected M)");
}

TEST(Uscc, ExceptionsAcceptCodesFailingTheirCheck) {
  // Reported on a public forum as issued Fujian codes that fail their check character.
  const char* reported = "91350211M0000XUF46";
  EXPECT_TRUE(default_uscc_exceptions().codes.empty());
  EXPECT_FALSE(check_uscc(reported, default_uscc_exceptions()).has_value());
  UsccExceptions exceptions = default_uscc_exceptions();
  exceptions.codes.insert(reported);
  const Result<std::string> result = check_uscc(" 91350211m0000xuf46 ", exceptions);
  ASSERT_TRUE(result.has_value());
  EXPECT_EQ(*result, reported);
  // Other codes are still checked.
  EXPECT_FALSE(check_uscc("91350100M000100Y4X", exceptions).has_value());
}

TEST(Uscc, CompleteRoundTrip) {
  EXPECT_EQ(complete_uscc("91350100M000100Y4"), "91350100M000100Y43");
  EXPECT_EQ(complete_uscc("91520000214434146"), "91520000214434146R");
  for (const char* body : {"91410300MA44XXXX1", "91410302317455209", "12410300000000000"}) {
    const std::string code = complete_uscc(body);
    ASSERT_EQ(code.size(), 18u);
    EXPECT_TRUE(check_uscc(code, default_uscc_exceptions()).has_value()) << code;
  }
  EXPECT_EQ(complete_uscc("short"), "short");  // precondition violated: unchanged
}

}  // namespace
}  // namespace zhizao
