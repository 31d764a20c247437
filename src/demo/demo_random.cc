#include "demo/demo_random.h"

#include <cmath>

namespace zhizao::detail {

uint64_t DemoRandom::next_bits() {
  state_ += 0x9E3779B97F4A7C15ULL;
  uint64_t z = state_;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

uint64_t DemoRandom::below(uint64_t bound) {
  // bound < 2^32 here, so the 32 × 32-bit product fits in 64 bits.
  return ((next_bits() >> 32) * bound) >> 32;
}

double DemoRandom::unit() { return static_cast<double>(next_bits() >> 11) * 0x1.0p-53; }

size_t DemoRandom::weighted(std::span<const int> weights) {
  uint64_t total = 0;
  for (int w : weights) total += static_cast<uint64_t>(w);
  uint64_t pick = below(total);
  for (size_t i = 0; i < weights.size(); ++i) {
    const auto w = static_cast<uint64_t>(weights[i]);
    if (pick < w) return i;
    pick -= w;
  }
  return weights.size() - 1;
}

double round_tenth(double value) { return std::round(value * 10.0) / 10.0; }

}  // namespace zhizao::detail
