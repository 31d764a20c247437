#include "ingest/released_pages.h"

#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>

namespace zhizao::detail {

void release_pages(const void* begin, const void* end) {
#if defined(MADV_DONTNEED)
  static const auto kPage = static_cast<std::uintptr_t>(::sysconf(_SC_PAGESIZE));
  const auto first = (reinterpret_cast<std::uintptr_t>(begin) + kPage - 1) / kPage * kPage;
  const auto last = reinterpret_cast<std::uintptr_t>(end) / kPage * kPage;
  if (first >= last) return;
  ::madvise(reinterpret_cast<void*>(first), last - first, MADV_DONTNEED);
#else
  (void)begin;
  (void)end;
#endif
}

ConsumedText::ConsumedText(std::string_view text, std::size_t from, ConsumedBytes consumed)
    : text_(text), released_(from), enabled_(consumed == ConsumedBytes::kReleased) {}

void ConsumedText::release_up_to(std::size_t position) {
  if (!enabled_ || position <= released_ || position > text_.size()) return;
  static const auto kPage = static_cast<std::uintptr_t>(::sysconf(_SC_PAGESIZE));
  const auto start = reinterpret_cast<std::uintptr_t>(text_.data());
  // Up to the page boundary before `position`: the page it is in is given back with a later step.
  const std::size_t boundary = (start + position) / kPage * kPage - start;
  if (boundary <= released_) return;
  release_pages(text_.data() + released_, text_.data() + boundary);
  released_ = boundary;
}

}  // namespace zhizao::detail
