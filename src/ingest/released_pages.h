// Returning to the system the pages of memory an import has read for the last time (issue 17:
// a national import in bounded memory). The bytes of a 1.7 GB monthly file and the moved-from
// half of its parsed records are dead long before the vectors that hold them are freed; giving
// their whole pages back (Linux madvise MADV_DONTNEED) takes them out of the resident set at once.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace zhizao::detail {

// Gives back the whole pages inside [begin, end): afterwards they read as zero bytes (private
// memory) and cost nothing until written again. The caller must not read them again and must own
// the range (no allocator bookkeeping, no live object with a destructor that reads it). A hint:
// does nothing where madvise is missing, errors are ignored. Thread-safe for disjoint ranges.
void release_pages(const void* begin, const void* end);

// Gives back the whole pages of a vector's storage beyond its size (no objects live there).
template <typename T>
void release_unused_capacity(const std::vector<T>& values) {
  release_pages(values.data() + values.size(), values.data() + values.capacity());
}

// Whether a text's bytes may be given back once parsed (SourceFile owned by the import).
enum class ConsumedBytes { kKept, kReleased };

// Follows a parser through a text it reads once, front to back, and gives back the pages behind
// it in steps of kStep bytes. With ConsumedBytes::kKept it does nothing. Not thread-safe: one per
// reading thread, over disjoint parts of the text.
class ConsumedText {
 public:
  static constexpr std::size_t kStep = std::size_t{32} << 20;

  ConsumedText() = default;
  // `from`: the first byte of `text` that may be given back (after the header, which the
  // parser's header map may still view).
  ConsumedText(std::string_view text, std::size_t from, ConsumedBytes consumed);

  // Everything before `position` is read for the last time (no view of it is still in use).
  void advance_to(std::size_t position) {
    if (enabled_ && position >= released_ + kStep) release_up_to(position);
  }
  // The same without waiting for a whole step.
  void release_up_to(std::size_t position);

 private:
  std::string_view text_;
  std::size_t released_ = 0;
  bool enabled_ = false;
};

}  // namespace zhizao::detail
