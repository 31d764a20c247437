// Prefaulting memory that is about to be written. Filling fresh memory costs a page fault per
// 4 KiB page, and on a virtual machine the first touch of a page can be far slower than writing
// it (the host backs it then): moving the second half of a national file's parsed records (1.9
// GB) into place took 6 s on one core. Populating the pages first, on both cores, halves that.
#pragma once

#include <cstddef>

namespace zhizao {

// Asks the kernel to map the pages of [data, data + bytes) writable now (Linux madvise
// MADV_POPULATE_WRITE, 5.14 and later) without changing their contents. A hint: does nothing on
// other systems or older kernels, and errors are ignored. Thread-safe, also while other threads
// write to the same range.
void prefault_for_writing(void* data, std::size_t bytes);

// The same for [data, data + bytes) on `threads` threads (the calling one included), each a
// contiguous part.
void prefault_for_writing_in_parallel(void* data, std::size_t bytes, unsigned threads);

}  // namespace zhizao
