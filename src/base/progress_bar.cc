#include "base/progress_bar.h"

#include <fmt/format.h>
#include <unistd.h>

#include <cstdio>

namespace zhizao {

ProgressBar::ProgressBar(std::string label, Verbosity verbosity)
    : label_(std::move(label)),
      enabled_(verbosity == Verbosity::kNormal && ::isatty(STDERR_FILENO) == 1) {}

ProgressBar::~ProgressBar() {
  if (drawn_) fmt::print(stderr, "\r\033[K");
}

void ProgressBar::update(std::string_view stage, size_t done, size_t total) {
  if (!enabled_) return;
  constexpr size_t kWidth = 30;
  size_t filled = total == 0 ? kWidth : (done >= total ? kWidth : done * kWidth / total);
  fmt::print(stderr, "\r\033[K{} {:<9} [{}{}] {}/{}", label_, stage, std::string(filled, '#'),
             std::string(kWidth - filled, ' '), done, total);
  std::fflush(stderr);
  drawn_ = true;
}

}  // namespace zhizao
