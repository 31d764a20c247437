// GB 32100-2015 (法人和其他组织统一社会信用代码编码规则), clause 5 and annex: the code set of 31
// characters (no I, O, S, V, Z), character values 0–30 in code-set order, weights
// W_i = 3^(i-1) mod 31, and check value C18 = 31 − (Σ C_i·W_i mod 31), where 31 is written '0'.
// Checked against the standard's worked example (91350100M000100Y4 → check character 3).
#include "domain/uscc.h"

#include <fmt/format.h>
#include <array>

#include "base/text.h"

namespace zhizao {
namespace {

constexpr std::string_view kCodeSet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
constexpr std::array<int, 17> kWeights = {1,  3,  9,  27, 19, 26, 16, 17, 20,
                                          29, 25, 13, 8,  24, 10, 30, 28};
constexpr std::size_t kLength = 18;

// Returns the value (0–30) of a code character, or -1 when it is not in the code set.
int character_value(char c) {
  const std::size_t position = kCodeSet.find(c);
  return position == std::string_view::npos ? -1 : static_cast<int>(position);
}

std::string normalise(std::string_view code) {
  std::string out(trim(code));
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

}  // namespace

std::optional<char> uscc_check_character(std::string_view first17) {
  if (first17.size() != kWeights.size()) return std::nullopt;
  int sum = 0;
  for (std::size_t i = 0; i < kWeights.size(); ++i) {
    const int value = character_value(first17[i]);
    if (value < 0) return std::nullopt;
    sum += value * kWeights[i];
  }
  const int check = 31 - sum % 31;
  return kCodeSet[check == 31 ? 0 : static_cast<std::size_t>(check)];
}

std::string complete_uscc(std::string_view first17) {
  std::string code(first17);
  if (const std::optional<char> check = uscc_check_character(first17)) code.push_back(*check);
  return code;
}

const UsccExceptions& default_uscc_exceptions() {
  // Empty on purpose: no list of genuine codes failing their check character is published with
  // the standard, and guessing codes would let typos through. Callers add the codes they verify.
  static const UsccExceptions kExceptions;
  return kExceptions;
}

Result<std::string> check_uscc(std::string_view code, const UsccExceptions& exceptions) {
  std::string normalised = normalise(code);
  if (exceptions.codes.contains(normalised)) return normalised;
  if (normalised.size() != kLength) {
    return fail(Status::invalid_data(fmt::format("not 18 characters: \"{}\"", normalised)));
  }
  for (std::size_t i = 0; i < kLength; ++i) {
    if (character_value(normalised[i]) < 0) {
      const char c = normalised[i];
      const std::string shown = c > ' ' && c < 127 ? fmt::format("'{}'", c) : "non-ASCII";
      return fail(Status::invalid_data(
          fmt::format("bad character at position {}: \"{}\" ({} is not in the code set "
                      "0-9 A-H J-N P-R T U W-Y)",
                      i + 1, normalised, shown)));
    }
  }
  const char expected = *uscc_check_character(std::string_view(normalised).substr(0, 17));
  if (normalised[17] != expected) {
    return fail(Status::invalid_data(
        fmt::format("bad check character: \"{}\" (expected {})", normalised, expected)));
  }
  return normalised;
}

}  // namespace zhizao
