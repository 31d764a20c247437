// Helpers shared by the fuzz targets: invariant checks that abort (so that libFuzzer, or the
// replay driver, reports the input) and a cursor that takes selector bytes off the front of an
// input. Header-only: each target is one translation unit plus this header.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace zhizao::fuzz {

// Aborts with `what` when `condition` is false. Not assert(): it must hold in NDEBUG builds too.
inline void check(bool condition, std::string_view what) {
  if (condition) return;
  std::fprintf(stderr, "fuzz invariant failed: %.*s\n", static_cast<int>(what.size()), what.data());
  std::abort();
}

// The input of one run: a few selector bytes first (each 0 once the input is used up), then the
// rest as text. Views the fuzzer's buffer, which outlives the run.
class FuzzInput {
 public:
  FuzzInput(const uint8_t* data, size_t size) : rest_(reinterpret_cast<const char*>(data), size) {}

  // Takes one byte off the front; 0 when nothing is left.
  uint8_t byte() {
    if (rest_.empty()) return 0;
    auto value = static_cast<uint8_t>(rest_.front());
    rest_.remove_prefix(1);
    return value;
  }

  // Everything not taken yet.
  std::string_view rest() const { return rest_; }

 private:
  std::string_view rest_;
};

}  // namespace zhizao::fuzz

// libFuzzer's entry point, defined by each target (and called by replay_main.cc).
extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);
