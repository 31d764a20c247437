#include "ingest/uscc_fast_path.h"

#include <array>
#include <cstdint>

namespace zhizao::detail {
namespace {

constexpr std::string_view kCodeSet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
constexpr std::array<int, 17> kWeights = {1,  3,  9,  27, 19, 26, 16, 17, 20,
                                          29, 25, 13, 8,  24, 10, 30, 28};

// The value of each byte in the code set, or -1.
constexpr std::array<int8_t, 256> make_values() {
  std::array<int8_t, 256> values{};
  for (int8_t& v : values) v = -1;
  for (size_t i = 0; i < kCodeSet.size(); ++i) {
    values[static_cast<unsigned char>(kCodeSet[i])] = static_cast<int8_t>(i);
  }
  return values;
}
constexpr std::array<int8_t, 256> kValues = make_values();

}  // namespace

bool is_canonical_valid_uscc(std::string_view code) {
  if (code.size() != 18) return false;
  int sum = 0;
  for (size_t i = 0; i < 17; ++i) {
    int value = kValues[static_cast<unsigned char>(code[i])];
    if (value < 0) return false;
    sum += value * kWeights[i];
  }
  int check = 31 - sum % 31;
  return code[17] == kCodeSet[check == 31 ? 0 : static_cast<size_t>(check)];
}

}  // namespace zhizao::detail
