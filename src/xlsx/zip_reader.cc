#include "xlsx/zip_reader.h"

#include <fmt/format.h>
#include <zip.h>

namespace zhizao::xlsx {
namespace {

struct FileCloser {
  void operator()(zip_file_t* file) const { zip_fclose(file); }
};

// Inflates 64 KiB at a time: the chunk an XML parser is fed.
constexpr size_t kChunkBytes = size_t{1} << 16;

}  // namespace

void ZipReader::Closer::operator()(zip* archive) const { zip_discard(archive); }

Result<ZipReader> ZipReader::open(std::string_view bytes, uint64_t max_entries) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (source == nullptr) {
    std::string message = zip_error_strerror(&error);
    zip_error_fini(&error);
    return fail(Status::invalid_data(fmt::format("not a ZIP archive: {}", message)));
  }
  zip_t* archive = zip_open_from_source(source, ZIP_RDONLY, &error);
  if (archive == nullptr) {
    std::string message = zip_error_strerror(&error);
    zip_source_free(source);
    zip_error_fini(&error);
    return fail(Status::invalid_data(fmt::format("not a ZIP archive: {}", message)));
  }
  zip_error_fini(&error);
  ZipReader reader(archive);
  zip_int64_t entries = zip_get_num_entries(archive, 0);
  if (entries < 0 || static_cast<uint64_t>(entries) > max_entries) {
    return fail(Status::invalid_data(
        fmt::format("not an XLSX workbook: {} entries in the ZIP archive, more than the {} allowed",
                    entries, max_entries)));
  }
  return reader;
}

bool ZipReader::has(std::string_view name) const {
  return zip_name_locate(archive_.get(), std::string(name).c_str(), 0) >= 0;
}

Result<std::string> ZipReader::read(std::string_view name, size_t max_size) const {
  std::string bytes;
  Status streamed = stream(name, max_size, [&](std::string_view chunk) {
    bytes.append(chunk);
    return Status::ok();
  });
  if (!streamed.is_ok()) return fail(streamed);
  return bytes;
}

Status ZipReader::stream(std::string_view name, uint64_t max_size,
                         const std::function<Status(std::string_view chunk)>& consume) const {
  std::string path(name);
  zip_stat_t stat;
  zip_stat_init(&stat);
  if (zip_stat(archive_.get(), path.c_str(), 0, &stat) != 0) {
    return Status::not_found(fmt::format("no entry {} in the archive", name));
  }
  auto too_large = [&] {
    return Status::invalid_data(fmt::format("{}: unpacks to more than {} bytes", name, max_size));
  };
  // The size the archive declares is checked first; what inflates is counted anyway, since a
  // crafted archive may declare less than it holds.
  if ((stat.valid & ZIP_STAT_SIZE) != 0 && stat.size > max_size) return too_large();
  std::unique_ptr<zip_file_t, FileCloser> file(zip_fopen(archive_.get(), path.c_str(), 0));
  if (!file) {
    return Status::invalid_data(
        fmt::format("cannot open entry {}: {}", name, zip_strerror(archive_.get())));
  }
  auto buffer = std::make_unique<char[]>(kChunkBytes);
  uint64_t total = 0;
  while (true) {
    zip_int64_t n = zip_fread(file.get(), buffer.get(), kChunkBytes);
    if (n < 0) {
      return Status::invalid_data(
          fmt::format("cannot inflate entry {}: {}", name, zip_file_strerror(file.get())));
    }
    if (n == 0) return Status::ok();
    total += static_cast<uint64_t>(n);
    if (total > max_size) return too_large();
    ZHIZAO_RETURN_IF_ERROR(consume(std::string_view(buffer.get(), static_cast<size_t>(n))));
  }
}

}  // namespace zhizao::xlsx
