#include "base/prefault.h"

#include <algorithm>
#include <cstdint>
#include <thread>
#include <vector>

#if defined(__linux__)
#include <sys/mman.h>
#include <unistd.h>
#endif

namespace zhizao {

void prefault_for_writing(void* data, std::size_t bytes) {
#if defined(__linux__) && defined(MADV_POPULATE_WRITE)
  if (data == nullptr || bytes == 0) return;
  const auto page = static_cast<std::uintptr_t>(sysconf(_SC_PAGESIZE));
  // madvise takes a page-aligned start: back up to the page that holds `data`.
  const std::size_t into_page = reinterpret_cast<std::uintptr_t>(data) & (page - 1);
  char* begin = static_cast<char*>(data) - into_page;
  (void)madvise(begin, bytes + into_page, MADV_POPULATE_WRITE);
#else
  (void)data;
  (void)bytes;
#endif
}

void prefault_for_writing_in_parallel(void* data, std::size_t bytes, unsigned threads) {
  if (data == nullptr || bytes == 0) return;
  if (threads <= 1) {
    prefault_for_writing(data, bytes);
    return;
  }
  auto* bytes_at = static_cast<unsigned char*>(data);
  const std::size_t part = (bytes + threads - 1) / threads;
  std::vector<std::jthread> helpers;
  for (unsigned t = 1; t < threads && t * part < bytes; ++t) {
    std::size_t size = std::min(part, bytes - t * part);
    helpers.emplace_back([=] { prefault_for_writing(bytes_at + t * part, size); });
  }
  prefault_for_writing(bytes_at, std::min(part, bytes));
}

}  // namespace zhizao
