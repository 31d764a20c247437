// QualityVerificationStore: the `quality_verification` table (see migrations.cc), where a
// reviewer's verification of a data-quality finding is kept month by month, so that the finding is
// no longer raised as open for those months (docs/methodology.md, "Data quality"). Every
// verification also appends an audit_log row ("quality.verify"), in the same transaction.
#pragma once

#include <string>
#include <vector>

#include "base/result.h"
#include "base/year_month.h"
#include "store/database.h"

namespace zhizao {

// One verified month of one check of one enterprise.
struct QualityVerification {
  std::string uscc;
  std::string check;
  YearMonth month;
  std::string verified_by;  // user name; '' for the command line without --user
  std::string verified_at;  // ISO 8601 UTC
  std::string note;         // the reviewer's note
};

// Borrows `db`, which must outlive it. Not thread-safe (one per thread, like Database).
class QualityVerificationStore {
 public:
  explicit QualityVerificationStore(Database& db) : db_(db) {}

  // Marks `months` of (`uscc`, `check`) verified by `user` with `note` (a later verification of
  // the same month replaces the earlier one) and appends the audit row, all in one transaction.
  // `remote`: the client address, "cli" for the command line. Errors: kInvalidData for no months
  // or an empty note; kIoError.
  Status verify(const std::string& uscc, const std::string& check,
                const std::vector<YearMonth>& months, const std::string& user,
                const std::string& note, const std::string& remote);

  // Every verification of months from `from` to `to`, by (uscc, check, month). Errors: kIoError.
  Result<std::vector<QualityVerification>> list(YearMonth from, YearMonth to) const;

 private:
  Database& db_;
};

namespace detail {

// The SQL of the migration that creates table quality_verification (one row per enterprise,
// check and verified month).
extern const char* const kCreateQualityVerification;

}  // namespace detail

}  // namespace zhizao
