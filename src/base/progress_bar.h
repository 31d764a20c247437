// ProgressBar: a one-line progress bar on standard error for long work (import, export), drawn
// only when standard error is a terminal and the user did not ask for quiet, so that logs and
// pipes never receive control characters. Not thread-safe: one bar per thread.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace zhizao {

enum class Verbosity { kNormal, kQuiet };

class ProgressBar {
 public:
  // `label` names the work, e.g. "import". Draws nothing unless stderr is a terminal and
  // verbosity is kNormal.
  ProgressBar(std::string label, Verbosity verbosity);
  ~ProgressBar();  // clears the line if anything was drawn
  ProgressBar(const ProgressBar&) = delete;
  ProgressBar& operator=(const ProgressBar&) = delete;

  // Redraws "label stage [#####     ] done/total".
  void update(std::string_view stage, size_t done, size_t total);

  // True when the bar draws (terminal and not quiet).
  bool enabled() const { return enabled_; }

 private:
  std::string label_;
  bool enabled_;
  bool drawn_ = false;
};

}  // namespace zhizao
