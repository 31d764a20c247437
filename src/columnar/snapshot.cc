#include "columnar/snapshot.h"

#include <cstring>
#include <string_view>
#include <utility>

#include "columnar/table_codec.h"

namespace zhizao {

using detail::FileMapping;
using detail::SnapshotHeader;

ColumnarSnapshot::ColumnarSnapshot(FileMapping mapping, const SnapshotHeader& header,
                                   Dataset tables)
    : mapping_(std::move(mapping)),
      header_(header),
      tables_(std::move(tables)),
      columns_(detail::columns_at(header_, mapping_.data())) {}

Result<std::unique_ptr<ColumnarSnapshot>> ColumnarSnapshot::open(const std::string& path) {
  Result<FileMapping> mapping = FileMapping::map(path);
  if (!mapping) return fail(mapping.error());
  SnapshotHeader header;
  if (mapping->size() < sizeof header) return fail(Status::corruption("a truncated snapshot"));
  std::memcpy(&header, mapping->data(), sizeof header);
  Status checked = detail::check_header(header, mapping->size());
  if (!checked.is_ok()) return fail(Status(checked.code(), path + ": " + checked.message()));
  Result<Dataset> tables = detail::decode_tables(std::string_view(
      reinterpret_cast<const char*>(mapping->data() + header.tables_offset), header.tables_size));
  if (!tables) return fail(Status(tables.error().code(), path + ": " + tables.error().message()));
  if (tables->enterprises.size() != header.enterprises) {
    return fail(Status::corruption(path + ": the snapshot's enterprises do not match its columns"));
  }
  return std::unique_ptr<ColumnarSnapshot>(
      new ColumnarSnapshot(std::move(*mapping), header, std::move(*tables)));
}

std::string snapshot_path_for(const std::string& db_path) { return db_path + ".zhizao-snapshot"; }

Result<std::unique_ptr<ColumnarSnapshot>> open_or_rebuild_snapshot(Database& db,
                                                                   const std::string& path) {
  Result<std::int64_t> version = db.data_version();
  if (!version) return fail(version.error());
  Result<std::unique_ptr<ColumnarSnapshot>> snapshot = ColumnarSnapshot::open(path);
  // A missing, damaged or foreign file is rebuilt like a stale one; only an I/O error stops here.
  if (!snapshot && snapshot.error().code() == StatusCode::kIoError) return snapshot;
  if (snapshot && (*snapshot)->data_version() == *version &&
      (*snapshot)->schema_version() == Database::schema_version()) {
    return snapshot;
  }
  snapshot = std::unique_ptr<ColumnarSnapshot>();  // unmap before replacing the file
  Status rebuilt = rebuild_snapshot(db, path);
  if (!rebuilt.is_ok()) return fail(std::move(rebuilt));
  return ColumnarSnapshot::open(path);
}

}  // namespace zhizao
