// The columnar snapshot's file: a header, the encoded tables (table_codec.h), then the monthly
// columns of engine/monthly_columns.h, each on a page boundary, so the file is mapped as it is
// and a report's pages are read on first touch. Native byte order and doubles: it is a cache of
// this machine's database, rebuilt whenever its header does not fit.
#pragma once

#include <array>
#include <cstdint>
#include <string>

#include "base/result.h"
#include "engine/monthly_columns.h"

namespace zhizao::detail {

inline constexpr std::array<char, 8> kSnapshotMagic = {'Z', 'H', 'Z', 'C', 'O', 'L', 'S', '\0'};
// 2: the tables carry the v2 inputs (table_codec.h) and Project::campaign.
// 3: the tables end with the installation's area setting (Dataset::area_code, issue 16).
// 4: the running figures after the columns (engine/running_figures.h, issue 17).
inline constexpr std::uint32_t kSnapshotFormat = 4;
inline constexpr std::uint32_t kByteOrderMark = 0x01020304;
inline constexpr std::uint64_t kSnapshotAlignment = 4096;

struct SnapshotHeader {
  std::array<char, 8> magic = kSnapshotMagic;
  std::uint32_t format = kSnapshotFormat;
  std::uint32_t byte_order = kByteOrderMark;
  std::int64_t data_version = 0;    // Database::data_version() of the data it holds
  std::int32_t schema_version = 0;  // Database::schema_version() of the binary that wrote it
  std::int32_t first_month = 0;     // MonthlyColumns::first_month
  std::int32_t months = 0;
  std::uint32_t reserved = 0;
  std::uint64_t enterprises = 0;
  std::uint64_t tables_offset = 0;
  std::uint64_t tables_size = 0;
  std::uint64_t presence_offset = 0;
  std::array<std::uint64_t, kMonthlyColumnCount> value_offsets{};
  std::uint64_t running_offset = 0;  // months × enterprises RunningFigures
  std::uint64_t file_size = 0;
};

// Where everything goes for a snapshot of `enterprises` × `months` with `tables_size` bytes of
// tables: fills the offsets and file_size of `header`.
void lay_out(SnapshotHeader& header, std::uint64_t tables_size);

// Checks that `header` is one this binary wrote for a file of `file_size` bytes: magic, format,
// byte order, and every part inside the file. Errors: kCorruption saying what does not fit.
Status check_header(const SnapshotHeader& header, std::uint64_t file_size);

// The monthly columns and running figures of a snapshot whose file (or mapping) starts at `base`,
// as `header` lays them out (the header already checked).
MonthlyColumns columns_at(const SnapshotHeader& header, const unsigned char* base);

// A read-only private mapping of a whole file; unmaps on destruction. Move-only.
class FileMapping {
 public:
  // Errors: kNotFound when there is no file; kIoError otherwise.
  static Result<FileMapping> map(const std::string& path);
  FileMapping(FileMapping&& other) noexcept;
  FileMapping& operator=(FileMapping&& other) noexcept;
  FileMapping(const FileMapping&) = delete;
  FileMapping& operator=(const FileMapping&) = delete;
  ~FileMapping();

  const unsigned char* data() const { return data_; }
  std::uint64_t size() const { return size_; }

 private:
  FileMapping(const unsigned char* data, std::uint64_t size) : data_(data), size_(size) {}
  const unsigned char* data_ = nullptr;
  std::uint64_t size_ = 0;
};

}  // namespace zhizao::detail
