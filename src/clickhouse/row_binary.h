// ClickHouse's RowBinary format (https://clickhouse.com/docs/en/interfaces/formats#rowbinary):
// values back to back, little-endian; String as its length (unsigned LEB128) and bytes; Date as
// UInt16 days since 1970-01-01; Float64 as its 8 IEEE 754 bytes. zhizao sends and reads the
// readings in it rather than as text because a Float64 read from text by ClickHouse 18.16 is not
// always the correctly rounded value (its fast parser; `precise_float_parsing` came in 23.x),
// while 8 bytes are the reading itself: the readings through ClickHouse equal the embedded
// store's to the last bit.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "base/result.h"

namespace zhizao::detail {

// Appends values to a RowBinary body. Value type.
class RowBinaryWriter {
 public:
  void string(std::string_view value);
  void uint16(std::uint16_t value);
  void uint64(std::uint64_t value);
  void float64(double value);

  const std::string& bytes() const { return bytes_; }
  std::size_t size() const { return bytes_.size(); }
  void clear() { bytes_.clear(); }

 private:
  std::string bytes_;
};

// Reads values from a RowBinary answer, every read checked against its end. Borrows the bytes.
class RowBinaryReader {
 public:
  explicit RowBinaryReader(std::string_view bytes) : bytes_(bytes) {}

  bool at_end() const { return at_ == bytes_.size(); }
  // Errors: kCorruption when the answer ends inside the value or a string is longer than
  // `max_length`.
  Result<std::string> string(std::size_t max_length);
  // The same without a copy: a view into the answer, valid while its bytes are.
  Result<std::string_view> string_view(std::size_t max_length);
  Result<std::uint16_t> uint16();
  Result<std::uint64_t> uint64();
  Result<double> float64();

 private:
  Result<std::uint64_t> fixed(std::size_t width);

  std::string_view bytes_;
  std::size_t at_ = 0;
};

}  // namespace zhizao::detail
