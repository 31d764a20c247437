// A tiny STREAM-like memory bandwidth bench (docs/performance.md): how many bytes per second this
// machine reads (a sum, what a report does over its columns), copies and "triads" from memory,
// on 1 and on 2 threads. Arrays of 32 Mi doubles (256 MiB each) are far beyond any cache.
// Build and run: g++ -O2 -std=c++20 -pthread bench/memory_bandwidth.cc -o /tmp/membw && /tmp/membw
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <thread>
#include <vector>

namespace {

constexpr std::size_t kCount = std::size_t{32} << 20;
constexpr int kRepeats = 5;

template <typename Kernel>
double best_gb_per_s(int threads, double bytes_per_element, Kernel kernel) {
  double best = 0;
  for (int r = 0; r < kRepeats; ++r) {
    auto start = std::chrono::steady_clock::now();
    std::vector<std::thread> workers;
    std::size_t slice = kCount / static_cast<std::size_t>(threads);
    for (int t = 0; t < threads; ++t) {
      std::size_t from = slice * static_cast<std::size_t>(t);
      std::size_t to = t + 1 == threads ? kCount : from + slice;
      workers.emplace_back(kernel, from, to);
    }
    for (auto& worker : workers) worker.join();
    double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    best = std::max(best, bytes_per_element * static_cast<double>(kCount) / seconds / 1e9);
  }
  return best;
}

}  // namespace

int main() {
  std::vector<double> a(kCount, 1.0), b(kCount, 2.0), c(kCount, 0.0);
  std::vector<double> sums(2, 0.0);
  for (int threads : {1, 2}) {
    double read = best_gb_per_s(threads, 8, [&](std::size_t from, std::size_t to) {
      // Four sums, so the loop waits on memory rather than on one chain of additions.
      double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
      std::size_t i = from;
      for (; i + 4 <= to; i += 4) {
        s0 += a[i];
        s1 += a[i + 1];
        s2 += a[i + 2];
        s3 += a[i + 3];
      }
      for (; i < to; ++i) s0 += a[i];
      sums[from == 0 ? 0 : 1] += s0 + s1 + s2 + s3;
    });
    double copy = best_gb_per_s(threads, 16, [&](std::size_t from, std::size_t to) {
      std::copy(a.begin() + static_cast<std::ptrdiff_t>(from),
                a.begin() + static_cast<std::ptrdiff_t>(to),
                c.begin() + static_cast<std::ptrdiff_t>(from));
    });
    double triad = best_gb_per_s(threads, 24, [&](std::size_t from, std::size_t to) {
      for (std::size_t i = from; i < to; ++i) c[i] = a[i] + 3.0 * b[i];
    });
    std::printf("threads %d: read %.1f GB/s, copy %.1f GB/s, triad %.1f GB/s\n", threads, read,
                copy, triad);
  }
  std::printf("(checksum %.0f)\n", sums[0] + sums[1] + c[kCount / 2]);
  return 0;
}
