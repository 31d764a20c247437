// SubmissionStore: the `submission` and `submission_event` tables (migration 3), which hold the
// months enterprises submit and their review trail, plus the reads the workflow needs (an
// enterprise's region and stored months). The workflow's rules live in rules/submission_workflow.h;
// this class only reads and writes rows, each write with its event and audit row in one
// transaction.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "domain/records.h"
#include "store/database.h"

namespace zhizao {

struct StoredSubmission {
  long id = 0;
  std::string uscc;
  YearMonth period;
  std::string record_json;        // the monthly record, contract column names
  std::string explanations_json;  // object: soft rule id → explanation
  // The products part (migration 10): JSON array [{"product", "quantity", "quantity_prev"}], or
  // nullopt when the submission had none.
  std::optional<std::string> products_json;
  std::string product_flags_json = "[]";  // array of the products flagged when submitted
  std::string state;
  std::string submitted_by;
  std::string submitted_at;  // ISO 8601 UTC
  std::string region;        // the enterprise's region from `enterprise`, empty when unknown
};

struct StoredSubmissionEvent {
  long id = 0;
  long submission_id = 0;
  std::string at;
  std::string user_name;
  std::string from_state;  // "" for the creation
  std::string to_state;
  std::string comment;
};

// A state change to write: the submission moves from `from_state` to `to_state`.
struct StateChange {
  long submission_id = 0;
  std::string from_state;
  std::string to_state;
  std::string user_name;
  std::string comment;
  // When a publish wrote the submission's products part: how many product_output rows it
  // stored (named in the audit row's detail as "products").
  std::optional<std::size_t> published_products{};
};

// Borrows `db`, which must outlive it. Not thread-safe (one per thread, like Database).
class SubmissionStore {
 public:
  explicit SubmissionStore(Database& db) : db_(db) {}

  // The enterprise's region, or nullopt when it is not registered. Errors: kIoError.
  Result<std::optional<std::string>> enterprise_region(std::string_view uscc) const;

  // The stored region groups (with members in order), for county roles naming a group.
  // Errors: kIoError.
  Result<std::vector<RegionGroup>> region_groups() const;

  // The enterprise's stored monthly records, by period. Errors: kIoError.
  Result<std::vector<MonthlyRecord>> monthly_history(std::string_view uscc) const;

  // Which of `codes` are registered products (products.csv). Errors: kIoError.
  Result<std::set<std::string>> known_products(const std::vector<std::string>& codes) const;

  // The enterprise's stored product_output quantities of `period`, by product code (the base of
  // a submitted quantity without quantity_prev). Errors: kIoError.
  Result<std::map<std::string, double>> product_quantities(std::string_view uscc,
                                                           YearMonth period) const;

  // Inserts a submission in state "submitted" with its creation event, moves every pending
  // submission ("submitted", "county_approved") of the same uscc and period to "rejected" with
  // the comment `superseded by #ID`, and appends the audit row (action "submission.create", from
  // `remote`); all in one transaction. Fills id and submitted_at; returns the id.
  // Errors: kIoError.
  Result<long> insert(StoredSubmission* submission, std::string_view remote);

  // Applies `change` if the submission is still in change.from_state, with its event and audit
  // row ("submission.review") in one transaction. Returns false (and writes nothing) when the
  // state was no longer from_state (a concurrent review). Errors: kIoError.
  Result<bool> change_state(const StateChange& change, std::string_view remote);

  // One submission, or nullopt. Errors: kIoError.
  Result<std::optional<StoredSubmission>> find(long id) const;

  // All submissions, newest first, optionally only those in `state`. Errors: kIoError.
  Result<std::vector<StoredSubmission>> list(const std::optional<std::string>& state) const;

  // The events of one submission, oldest first. Errors: kIoError.
  Result<std::vector<StoredSubmissionEvent>> events(long submission_id) const;

 private:
  Database& db_;
};

}  // namespace zhizao
