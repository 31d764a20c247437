// SettingsStore: the installation's settings (migration 12), text values by key, that the
// operator sets with `zhizao settings` and that travel with the data (the report reads them, so
// each change moves the data version forward and the columnar snapshot is rebuilt).
#pragma once

#include <sqlite3.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "store/database.h"

namespace zhizao {

// The area the reports are about (issue 16): a GB/T 2260 code, "000000" for the country. When
// unset, the smallest region holding every enterprise (area/installation_area.h).
inline constexpr std::string_view kAreaSetting = "area";

struct Setting {
  std::string key;
  std::string value;

  bool operator==(const Setting&) const = default;
};

// The SQL of migration 12 (store/migrations.cc).
extern const char* const kCreateSettings;

// Borrows `db`, which must outlive it. Not thread-safe (one per thread, like Database). Values
// are stored as given: checking them is the caller's part (e.g. area_of_code for kAreaSetting).
class SettingsStore {
 public:
  explicit SettingsStore(Database& db) : db_(db) {}

  // Every setting, by key. Errors: kIoError.
  Result<std::vector<Setting>> list() const;
  // The value of `key`, std::nullopt when unset. Errors: kIoError.
  Result<std::optional<std::string>> get(std::string_view key) const;
  // Sets `key` to `value` and moves the data version forward, in one transaction.
  // Errors: kIoError.
  Status set(std::string_view key, std::string_view value);
  // Removes `key` (back to the default) and moves the data version forward when it was set.
  // Returns whether it was set. Errors: kIoError.
  Result<bool> clear(std::string_view key);

 private:
  Database& db_;
};

namespace detail {

// SettingsStore::get on a bare connection, for the loaders of the store (reference_tables.cc),
// which run inside the caller's read transaction. Errors: kIoError.
Result<std::optional<std::string>> read_setting(sqlite3* db, std::string_view key);

}  // namespace detail
}  // namespace zhizao
