#include "xlsx/zip_reader.h"

#include <fmt/format.h>
#include <zip.h>

namespace zhizao::xlsx {
namespace {

struct FileCloser {
  void operator()(zip_file_t* file) const { zip_fclose(file); }
};

}  // namespace

void ZipReader::Closer::operator()(zip* archive) const { zip_discard(archive); }

Result<ZipReader> ZipReader::open(std::string_view bytes) {
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
  return ZipReader(archive);
}

bool ZipReader::has(std::string_view name) const {
  return zip_name_locate(archive_.get(), std::string(name).c_str(), 0) >= 0;
}

Result<std::string> ZipReader::read(std::string_view name, size_t max_size) const {
  std::string path(name);
  zip_stat_t stat;
  zip_stat_init(&stat);
  if (zip_stat(archive_.get(), path.c_str(), 0, &stat) != 0) {
    return fail(Status::not_found(fmt::format("no entry {} in the archive", name)));
  }
  if ((stat.valid & ZIP_STAT_SIZE) != 0 && stat.size > max_size) {
    return fail(Status::invalid_data(fmt::format("entry {} is too large", name)));
  }
  std::unique_ptr<zip_file_t, FileCloser> file(zip_fopen(archive_.get(), path.c_str(), 0));
  if (!file) {
    return fail(Status::invalid_data(
        fmt::format("cannot open entry {}: {}", name, zip_strerror(archive_.get()))));
  }
  std::string bytes;
  char buffer[1 << 16];
  while (true) {
    zip_int64_t n = zip_fread(file.get(), buffer, sizeof buffer);
    if (n < 0) {
      return fail(Status::invalid_data(
          fmt::format("cannot inflate entry {}: {}", name, zip_file_strerror(file.get()))));
    }
    if (n == 0) break;
    bytes.append(buffer, static_cast<size_t>(n));
    if (bytes.size() > max_size) {
      return fail(Status::invalid_data(fmt::format("entry {} is too large", name)));
    }
  }
  return bytes;
}

}  // namespace zhizao::xlsx
