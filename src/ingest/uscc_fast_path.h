// A fast test for the common case of a USCC field: already canonical (18 characters of the code
// set, upper case, no spaces) with the right check character. Used before check_uscc
// (domain/uscc.h), which normalises, allocates and words the errors: a national monthly file
// has 30 million codes, nearly all of them canonical and valid.
#pragma once

#include <string_view>

namespace zhizao::detail {

// True when `code` is a canonical USCC whose check character is right (GB 32100-2015: values
// 0–30 in code-set order, weights 3^(i-1) mod 31, check 31 − Σ mod 31 with 31 written '0').
// Whenever this returns true, check_uscc(code, any exceptions) returns `code` unchanged; when
// it returns false the caller must ask check_uscc. Thread-safe.
bool is_canonical_valid_uscc(std::string_view code);

}  // namespace zhizao::detail
