#include "clickhouse/row_binary.h"

#include <fmt/format.h>

#include <bit>
#include <cstring>

namespace zhizao::detail {
namespace {

Status truncated(std::size_t at) {
  return Status::corruption(
      fmt::format("ClickHouse's RowBinary answer ends inside a value at byte {}", at));
}

void append_fixed(std::string& bytes, std::uint64_t value, std::size_t width) {
  for (std::size_t i = 0; i < width; ++i) {
    bytes.push_back(static_cast<char>((value >> (8 * i)) & 0xFF));
  }
}

}  // namespace

void RowBinaryWriter::string(std::string_view value) {
  std::uint64_t length = value.size();
  do {
    auto byte = static_cast<unsigned char>(length & 0x7F);
    length >>= 7;
    if (length != 0) byte |= 0x80;
    bytes_.push_back(static_cast<char>(byte));
  } while (length != 0);
  bytes_.append(value);
}

void RowBinaryWriter::uint16(std::uint16_t value) { append_fixed(bytes_, value, 2); }

void RowBinaryWriter::uint64(std::uint64_t value) { append_fixed(bytes_, value, 8); }

void RowBinaryWriter::float64(double value) {
  append_fixed(bytes_, std::bit_cast<std::uint64_t>(value), 8);
}

Result<std::uint64_t> RowBinaryReader::fixed(std::size_t width) {
  if (bytes_.size() - at_ < width) return fail(truncated(at_));
  std::uint64_t value = 0;
  for (std::size_t i = 0; i < width; ++i) {
    value |= std::uint64_t{static_cast<unsigned char>(bytes_[at_ + i])} << (8 * i);
  }
  at_ += width;
  return value;
}

Result<std::string> RowBinaryReader::string(std::size_t max_length) {
  Result<std::string_view> view = string_view(max_length);
  if (!view) return fail(view.error());
  return std::string(*view);
}

Result<std::string_view> RowBinaryReader::string_view(std::size_t max_length) {
  std::uint64_t length = 0;
  for (int shift = 0;; shift += 7) {
    if (at_ == bytes_.size() || shift > 56) return fail(truncated(at_));
    auto byte = static_cast<unsigned char>(bytes_[at_++]);
    length |= std::uint64_t{byte & 0x7Fu} << shift;
    if ((byte & 0x80) == 0) break;
  }
  if (length > max_length) {
    return fail(Status::corruption(
        fmt::format("ClickHouse's answer has a string of {} bytes where at most {} are expected",
                    length, max_length)));
  }
  if (bytes_.size() - at_ < length) return fail(truncated(at_));
  std::string_view value = bytes_.substr(at_, static_cast<std::size_t>(length));
  at_ += static_cast<std::size_t>(length);
  return value;
}

Result<std::uint16_t> RowBinaryReader::uint16() {
  Result<std::uint64_t> value = fixed(2);
  if (!value) return fail(value.error());
  return static_cast<std::uint16_t>(*value);
}

Result<std::uint64_t> RowBinaryReader::uint64() { return fixed(8); }

Result<double> RowBinaryReader::float64() {
  Result<std::uint64_t> value = fixed(8);
  if (!value) return fail(value.error());
  return std::bit_cast<double>(*value);
}

}  // namespace zhizao::detail
