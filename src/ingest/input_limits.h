// Bounds on what one import reads, known in advance (docs/security.md, "Bounds on input"): a
// file's kind and size, a CSV record and field, and a workbook's parts and cells. The memory of
// an import then follows the rows it keeps, never what a file claims or an attacker writes.
#pragma once

#include <cstddef>
#include <cstdint>

#include "xlsx/workbook.h"

namespace zhizao {

// Bytes of one input file. The national files of `make bench` (500,000 enterprises × 60 months,
// bench/bench.sh) are the largest known: monthly.csv is 1.7 GB; 4 GiB admits twice that.
// `zhizao import --max-file-size BYTES` raises it.
inline constexpr uint64_t kDefaultMaxFileBytes = uint64_t{4} << 30;

// Bytes of one CSV record: a line, or several when quoted fields hold line breaks. A contract
// record is under 1 KB; 1 MiB stops a file without line breaks (/dev/zero, a 100 MB line) after
// reading 1 MiB of it.
inline constexpr size_t kDefaultMaxRecordBytes = size_t{1} << 20;

// Bytes of one CSV field after decoding: Excel's 32,767 characters of a cell, at up to 4 bytes
// each in UTF-8, fit.
inline constexpr size_t kDefaultMaxFieldBytes = size_t{128} << 10;

struct InputLimits {
  uint64_t max_file_bytes = kDefaultMaxFileBytes;
  size_t max_record_bytes = kDefaultMaxRecordBytes;
  size_t max_field_bytes = kDefaultMaxFieldBytes;
  xlsx::WorkbookLimits workbook;  // parts, elements and cells of an .xlsx (xlsx/workbook.h)
};

}  // namespace zhizao
