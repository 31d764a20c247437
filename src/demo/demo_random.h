// A small, fixed pseudo-random generator for the demo: SplitMix64 (Steele, Lea, Flood 2014,
// "Fast splittable pseudorandom number generators"). Written out here rather than taken from
// <random> because std:: distributions differ between library versions and the demo must give the
// same bytes everywhere; every derived value uses integer steps or exact IEEE arithmetic only.
#pragma once

#include <cstdint>
#include <span>

namespace zhizao::detail {

class DemoRandom {
 public:
  explicit DemoRandom(uint64_t seed) : state_(seed) {}

  // Returns the next 64 random bits.
  uint64_t next_bits();

  // Returns an integer uniform in [0, bound), 0 < bound < 2^32 (Lemire's multiply-shift;
  // the bias, below bound / 2^32, is irrelevant for the small bounds used here).
  uint64_t below(uint64_t bound);

  // Returns a double uniform in [0, 1) with 53 random bits.
  double unit();

  // Returns a double uniform in [low, high).
  double between(double low, double high) { return low + (high - low) * unit(); }

  // True with probability `p`.
  bool chance(double p) { return unit() < p; }

  // Returns an index drawn with the given non-negative integer weights (sum > 0).
  size_t weighted(std::span<const int> weights);

 private:
  uint64_t state_;
};

// Rounds to one decimal, the precision of the demo's money and electricity figures.
double round_tenth(double value);

}  // namespace zhizao::detail
