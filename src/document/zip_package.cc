#include "document/zip_package.h"

#include <zip.h>

#include <memory>

namespace zhizao::detail {
namespace {

struct SourceFree {
  void operator()(zip_source_t* source) const { zip_source_free(source); }
};

Status zip_failure(const char* what, zip_error_t* error) {
  return Status::internal(std::string(what) + ": " + zip_error_strerror(error));
}

}  // namespace

void ZipPackage::add(std::string name, std::string bytes) {
  parts_.emplace_back(std::move(name), std::move(bytes));
}

Result<std::string> ZipPackage::bytes() const {
  zip_error_t error;
  zip_error_init(&error);
  std::unique_ptr<zip_source_t, SourceFree> buffer(zip_source_buffer_create(nullptr, 0, 0, &error));
  if (!buffer) return fail(zip_failure("cannot create a zip buffer", &error));
  // The archive takes a reference on close; keep ours to read the result afterwards.
  zip_source_keep(buffer.get());
  zip_t* archive = zip_open_from_source(buffer.get(), ZIP_TRUNCATE, &error);
  if (archive == nullptr) {
    zip_source_free(buffer.get());  // the reference zip_open_from_source did not take
    return fail(zip_failure("cannot open a zip archive", &error));
  }
  for (const auto& [name, data] : parts_) {
    zip_source_t* part = zip_source_buffer(archive, data.data(), data.size(), 0);
    if (part == nullptr ||
        zip_file_add(archive, name.c_str(), part, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE) < 0) {
      if (part != nullptr) zip_source_free(part);
      Status status = Status::internal("cannot add " + name + ": " + zip_strerror(archive));
      zip_discard(archive);
      return fail(status);
    }
  }
  if (zip_close(archive) < 0) {
    Status status = Status::internal(std::string("cannot write zip: ") + zip_strerror(archive));
    zip_discard(archive);
    return fail(status);
  }
  zip_stat_t stat;
  if (zip_source_open(buffer.get()) < 0) {
    return fail(zip_failure("cannot read zip", zip_source_error(buffer.get())));
  }
  zip_stat_init(&stat);
  if (zip_source_stat(buffer.get(), &stat) < 0) {
    zip_source_close(buffer.get());
    return fail(zip_failure("cannot stat zip", zip_source_error(buffer.get())));
  }
  std::string out(stat.size, '\0');
  zip_int64_t read = zip_source_read(buffer.get(), out.data(), out.size());
  zip_source_close(buffer.get());
  if (read < 0 || static_cast<zip_uint64_t>(read) != stat.size) {
    return fail(Status::internal("cannot read the zip buffer"));
  }
  return out;
}

}  // namespace zhizao::detail
