// ZipReader: read-only access to the entries of a ZIP archive held in memory (libzip), the
// container of an Office Open XML workbook (ECMA-376 Part 2, Open Packaging Conventions).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "base/result.h"

struct zip;

namespace zhizao::xlsx {

// Owns an open archive over a view of bytes that must outlive it. Not thread-safe.
class ZipReader {
 public:
  // Opens `bytes` as a ZIP archive. Errors: kInvalidData "not a ZIP archive: ..." when the bytes
  // are not one, or when it lists more than `max_entries` entries (libzip keeps a record of each).
  static Result<ZipReader> open(std::string_view bytes, uint64_t max_entries = kDefaultMaxEntries);

  // True when the archive has an entry named exactly `name` ("xl/workbook.xml").
  bool has(std::string_view name) const;

  // Returns the uncompressed bytes of entry `name`. Errors: kNotFound when there is no such
  // entry; kInvalidData when it cannot be inflated or is larger than `max_size` bytes (a guard
  // against ZIP bombs).
  Result<std::string> read(std::string_view name, size_t max_size = kDefaultMaxSize) const;

  // Hands the uncompressed bytes of entry `name` to `consume` in chunks of at most 64 KiB, so
  // that the entry is never held whole (a part may unpack a thousand times larger than the file).
  // Stops at the first chunk that would take the entry past `max_size` bytes, before handing it
  // on. Errors: kNotFound when there is no such entry; kInvalidData "NAME: unpacks to more than
  // MAX bytes" or when it cannot be inflated; otherwise the first failure `consume` returns.
  Status stream(std::string_view name, uint64_t max_size,
                const std::function<Status(std::string_view chunk)>& consume) const;

  static constexpr size_t kDefaultMaxSize = size_t{1} << 30;
  static constexpr uint64_t kDefaultMaxEntries = 10'000;

 private:
  struct Closer {
    void operator()(zip* archive) const;
  };
  explicit ZipReader(zip* archive) : archive_(archive) {}

  std::unique_ptr<zip, Closer> archive_;
};

}  // namespace zhizao::xlsx
