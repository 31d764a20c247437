// Fuzz target: an uploaded .xlsx through the workbook reader (xlsx/workbook.h) and the sheet
// parser of ingest (ingest/sheet_parser.h: kinds, headers, units, every row).
// Input, two forms:
// - bytes starting with "PK": the file itself (fuzzes the ZIP layer);
// - otherwise a packed list of parts, each "NAME\n" then its content, parts separated by the
//   byte 0x01; they are stored into a real ZIP archive before reading, so mutations reach the
//   XML (a mutated ZIP would mostly fail its CRC). fuzz/pack_xlsx.py packs a workbook so.
// Each input is read twice: with the default WorkbookLimits, and with tight ones (kTight) that
// small inputs reach, so that every bound's refusal is exercised (docs/security.md).
// Invariants: errors are kInvalidData with a message; cells are 1-based, within their sheet's
// merges sensibly and their A1 references round-trip; what is read stays within the limits;
// every finding of the sheet parser is located and explained.
#include <zip.h>

#include <memory>
#include <string>
#include <vector>

#include "fuzz_support.h"
#include "ingest/sheet_parser.h"
#include "parsed_file_checks.h"
#include "xlsx/workbook.h"

namespace {

using zhizao::fuzz::check;

struct Part {
  std::string name;
  std::string_view content;
};

std::vector<Part> unpack_parts(std::string_view packed) {
  std::vector<Part> parts;
  while (!packed.empty()) {
    size_t end = packed.find('\x01');
    std::string_view part = packed.substr(0, end);
    packed = end == std::string_view::npos ? std::string_view() : packed.substr(end + 1);
    size_t newline = part.find('\n');
    if (newline == std::string_view::npos || newline == 0) continue;
    parts.push_back({std::string(part.substr(0, newline)), part.substr(newline + 1)});
  }
  return parts;
}

// Stores `parts` uncompressed into a ZIP archive in memory (libzip). Returns "" when libzip
// refuses (e.g. two parts of the same name), which the reader then reports as not a ZIP.
std::string zip_parts(const std::vector<Part>& parts) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
  if (buffer == nullptr) return "";
  zip_t* archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
  if (archive == nullptr) {
    zip_source_free(buffer);
    return "";
  }
  zip_source_keep(buffer);
  for (const Part& part : parts) {
    zip_source_t* content = zip_source_buffer(archive, part.content.data(), part.content.size(), 0);
    if (content == nullptr) continue;
    zip_int64_t index = zip_file_add(archive, part.name.c_str(), content, ZIP_FL_ENC_UTF_8);
    if (index < 0) {
      zip_source_free(content);
      continue;
    }
    zip_set_file_compression(archive, static_cast<zip_uint64_t>(index), ZIP_CM_STORE, 0);
  }
  std::string bytes;
  if (zip_close(archive) != 0) {
    zip_discard(archive);
    zip_source_free(buffer);
    return "";
  }
  zip_stat_t stat;
  if (zip_source_open(buffer) == 0) {
    if (zip_source_stat(buffer, &stat) == 0 && (stat.valid & ZIP_STAT_SIZE) != 0) {
      bytes.resize(stat.size);
      zip_int64_t read = zip_source_read(buffer, bytes.data(), stat.size);
      bytes.resize(read < 0 ? 0 : static_cast<size_t>(read));
    }
    zip_source_close(buffer);
  }
  zip_source_free(buffer);
  return bytes;
}

// Limits that a fuzzer's small inputs pass.
zhizao::xlsx::WorkbookLimits tight_limits() {
  zhizao::xlsx::WorkbookLimits limits;
  limits.max_zip_entries = 16;
  limits.max_part_bytes = 4096;
  limits.max_workbook_bytes = 16384;
  limits.max_part_elements = 256;
  limits.max_depth = 12;
  limits.max_token_bytes = 512;
  limits.max_cells = 64;
  limits.max_cell_chars = 32;
  limits.max_cell_text_bytes = 512;
  limits.max_shared_strings = 16;
  limits.max_shared_string_bytes = 256;
  limits.max_sheets = 4;
  limits.max_merged_ranges = 8;
  limits.max_relationships = 16;
  limits.max_number_formats = 8;
  limits.max_cell_formats = 16;
  limits.max_name_bytes = 64;
  return limits;
}

void check_workbook(const zhizao::xlsx::Workbook& workbook,
                    const zhizao::xlsx::WorkbookLimits& limits) {
  check(workbook.sheets.size() <= limits.max_sheets, "no more sheets than the bound");
  size_t cells = 0;
  size_t merges = 0;
  uint64_t text_bytes = 0;
  for (const zhizao::xlsx::Sheet& sheet : workbook.sheets) {
    check(sheet.name.size() <= limits.max_name_bytes, "a sheet name within the bound");
    cells += sheet.cells.size();
    merges += sheet.merges.size();
    for (const zhizao::xlsx::Cell& cell : sheet.cells) text_bytes += cell.text.size();
  }
  check(cells <= limits.max_cells, "no more cells than the bound");
  check(merges <= limits.max_merged_ranges, "no more merged ranges than the bound");
  check(text_bytes <= limits.max_cell_text_bytes, "no more cell text than the bound");
  for (const zhizao::xlsx::Sheet& sheet : workbook.sheets) {
    for (const zhizao::xlsx::Cell& cell : sheet.cells) {
      check(cell.row >= 1 && cell.column >= 1, "cells are 1-based");
      int row = 0;
      int column = 0;
      check(zhizao::xlsx::parse_cell_reference(zhizao::xlsx::cell_reference(cell.row, cell.column),
                                               row, column) &&
                row == cell.row && column == cell.column,
            "a cell's A1 reference round-trips");
      if (cell.type == zhizao::xlsx::CellType::kBoolean) {
        check(cell.number == 0 || cell.number == 1, "a boolean is 0 or 1");
      }
    }
    for (const zhizao::xlsx::MergedRange& merge : sheet.merges) {
      check(merge.first_row >= 1 && merge.first_column >= 1, "merges are 1-based");
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  std::string bytes = input.starts_with("PK") ? std::string(input) : zip_parts(unpack_parts(input));

  zhizao::SourceFile source{"upload.xlsx", std::move(bytes)};
  check(zhizao::detail::is_workbook(source), "an .xlsx name is a workbook");
  for (const zhizao::xlsx::WorkbookLimits& limits :
       {zhizao::xlsx::WorkbookLimits{}, tight_limits()}) {
    zhizao::Result<zhizao::xlsx::Workbook> workbook =
        zhizao::xlsx::read_workbook(source.bytes, limits);
    if (workbook) {
      check_workbook(*workbook, limits);
    } else {
      check(workbook.error().code() == zhizao::StatusCode::kInvalidData, "errors are kInvalidData");
      check(!workbook.error().message().empty(), "an error has a message");
    }
    zhizao::ImportOptions options;
    options.limits.workbook = limits;
    std::vector<zhizao::detail::ParsedFile> sheets =
        zhizao::detail::parse_workbook(source, options);
    check(!sheets.empty() || workbook.has_value(), "an unreadable workbook gives its error");
    for (const zhizao::detail::ParsedFile& sheet : sheets) zhizao::fuzz::check_parsed_file(sheet);
  }
  return 0;
}
