// Finding: one located message about an input file (an error that refuses the import, or a
// warning that does not), before the file name is put in front of it.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace zhizao::detail {

struct Finding {
  long line = 0;       // 1-based physical line where the record starts (1 for file-level)
  std::string column;  // header as written in the file, or a marker such as "(header)"
  std::string reason;
};

// Findings listed per file, errors and warnings each (docs/security.md, "Bounds on input"). The
// contract lists every error; a file of millions of broken lines must still not cost a finding
// per field (a 4 MB file of "x" lines once took 1 GB). 100,000 (about 10 MB) is far beyond any
// file a person corrects by its messages; past it the findings are counted, not kept.
inline constexpr size_t kMaxListedFindings = 100'000;

// A list of findings that keeps the first kMaxListedFindings and counts the others. The subset
// of std::vector's interface that the checks use, so that they push as they did.
class FindingList {
 public:
  void push_back(Finding finding) {
    if (listed_.size() < kMaxListedFindings) {
      listed_.push_back(std::move(finding));
    } else {
      ++unlisted_;
    }
  }
  template <typename... Args>
  void emplace_back(Args&&... args) {
    push_back(Finding{std::forward<Args>(args)...});
  }
  // Appends `later` (the findings of the records after these), keeping the bound.
  void append(FindingList&& later);

  // Findings not kept because the list was full.
  size_t unlisted() const { return unlisted_; }

  bool empty() const { return listed_.empty() && unlisted_ == 0; }
  size_t size() const { return listed_.size(); }
  Finding& operator[](size_t i) { return listed_[i]; }
  const Finding& operator[](size_t i) const { return listed_[i]; }
  std::vector<Finding>::iterator begin() { return listed_.begin(); }
  std::vector<Finding>::iterator end() { return listed_.end(); }
  std::vector<Finding>::const_iterator begin() const { return listed_.begin(); }
  std::vector<Finding>::const_iterator end() const { return listed_.end(); }

 private:
  std::vector<Finding> listed_;
  size_t unlisted_ = 0;
};

// What a file's checks found, kept per file so that they can be sorted by line.
struct Findings {
  FindingList errors;
  FindingList warnings;
};

// Returns "FILE:LINE: COLUMN: reason", the data contract's format for every message, with the
// column and the reason cut by shown_column and shown_reason.
std::string format_finding(std::string_view file, const Finding& finding);

// A column name as messages show it: cut to base/text.h's readable length (a header field may
// be as long as any field).
std::string shown_column(std::string_view column);

// A reason as messages show it: whole up to kMaxReasonChars characters, else cut. Ingest's own
// reasons cut the values they quote; checks of other modules (USCC, region and industry codes,
// periods) quote a value whole, and this keeps such a message readable.
inline constexpr size_t kMaxReasonChars = 300;
std::string shown_reason(std::string_view reason);

}  // namespace zhizao::detail
