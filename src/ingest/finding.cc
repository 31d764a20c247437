#include "ingest/finding.h"

#include <fmt/format.h>

#include "base/text.h"

namespace zhizao::detail {

void FindingList::append(FindingList&& later) {
  for (Finding& finding : later.listed_) push_back(std::move(finding));
  unlisted_ += later.unlisted_;
  later.listed_.clear();
  later.unlisted_ = 0;
}

std::string format_finding(std::string_view file, const Finding& finding) {
  return fmt::format("{}:{}: {}: {}", file, finding.line, shown_column(finding.column),
                     shown_reason(finding.reason));
}

std::string shown_column(std::string_view column) { return shorten_for_message(column); }

std::string shown_reason(std::string_view reason) {
  return shorten_for_message(reason, kMaxReasonChars);
}

}  // namespace zhizao::detail
