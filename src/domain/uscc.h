// GB 32100-2015 unified social credit codes (统一社会信用代码): 18 characters from the 31-character
// set 0-9 A-H J-N P-R T U W-Y, the last one a check character (weights 3^i mod 31).
#pragma once

#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "base/result.h"

namespace zhizao {

// Returns the check character for the first 17 characters of a code, or nullopt when they are
// not 17 characters of the code set.
std::optional<char> uscc_check_character(std::string_view first17);

// Codes that fail their own check digit but are genuine (issued in early pilot regions).
// The compiled-in list can be extended by the caller (e.g. from a file). Not thread-safe to mutate.
struct UsccExceptions {
  std::set<std::string, std::less<>> codes;
};

// Returns the compiled-in exception list.
const UsccExceptions& default_uscc_exceptions();

// Returns `first17` followed by its check character, e.g. for generating demo codes.
// Precondition: first17 is 17 characters of the code set (uscc_check_character succeeds);
// otherwise returns first17 unchanged. Pure, thread-safe.
std::string complete_uscc(std::string_view first17);

// Normalises (trims, upper-cases) and checks a code.
// Returns the normalised code. Errors: kInvalidData with the reason, e.g.
// `bad check character: "91410300MA44XXXX1X" (expected 7)` or `not 18 characters: "123"`.
Result<std::string> check_uscc(std::string_view code, const UsccExceptions& exceptions);

}  // namespace zhizao
