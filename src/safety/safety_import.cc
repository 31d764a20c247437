#include "safety/safety_import.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "base/civil_days.h"
#include "base/text.h"
#include "safety/safety_columns.h"
#include "safety/safety_rows.h"
#include "safety/safety_store.h"
#include "safety/safety_table.h"

namespace zhizao {
namespace {

using detail::Finding;
using detail::ParsedSafetyFile;

constexpr std::array kSafetyKinds = {SafetyFileKind::kPlans, SafetyFileKind::kChecks,
                                     SafetyFileKind::kHazards, SafetyFileKind::kRoster};

// What the cross checks look up: the records of this import and of the database.
struct KnownRecords {
  std::map<std::string, SafetyPlan> plans;    // stored, then replaced by this import's
  std::map<std::string, SafetyCheck> checks;  // same
  std::set<std::string> enterprises;
};

void check_references(ParsedSafetyFile& file, const KnownRecords& known) {
  if (file.kind == SafetyFileKind::kChecks) {
    std::vector<SafetyCheck> kept;
    std::vector<long> lines;
    for (std::size_t i = 0; i < file.records.checks.size(); ++i) {
      const SafetyCheck& check = file.records.checks[i];
      const long line = file.lines[i];
      bool ok = true;
      auto plan = known.plans.find(check.plan);
      if (plan == known.plans.end()) {
        file.findings.errors.push_back(
            Finding{line, file.header("plan"),
                    fmt::format("unknown plan \"{}\" (not in safety_plans)", check.plan)});
        ok = false;
      } else if (check.date < plan->second.from || plan->second.to < check.date) {
        file.findings.warnings.push_back(Finding{
            line, file.header("date"),
            fmt::format("{} is outside plan {}'s season {} to {}", check.date.to_string(),
                        check.plan, plan->second.from.to_string(), plan->second.to.to_string())});
      }
      if (!known.enterprises.contains(check.uscc)) {
        file.findings.errors.push_back(
            Finding{line, file.header("uscc"),
                    fmt::format("unknown enterprise {} (not in enterprises.csv)", check.uscc)});
        ok = false;
      }
      if (ok) {
        kept.push_back(check);
        lines.push_back(line);
      }
    }
    file.records.checks = std::move(kept);
    file.lines = std::move(lines);
  }
  if (file.kind == SafetyFileKind::kHazards) {
    for (std::size_t i = 0; i < file.records.hazards.size(); ++i) {
      const Hazard& hazard = file.records.hazards[i];
      auto check = known.checks.find(hazard.check);
      if (check == known.checks.end()) {
        file.findings.errors.push_back(
            Finding{file.lines[i], file.header("check"),
                    fmt::format("unknown check \"{}\" (not in safety_checks)", hazard.check)});
      } else if (hazard.found < check->second.date) {
        file.findings.errors.push_back(
            Finding{file.lines[i], file.header("found"),
                    fmt::format("{} is before the check's date {}", hazard.found.to_string(),
                                check->second.date.to_string())});
      }
    }
  }
}

// Sorts a file's findings by line, as ingest lists them (a row's own errors come before the
// checks against other files, which run after every file is read).
void sort_findings(detail::Findings& findings) {
  auto by_line = [](const Finding& a, const Finding& b) { return a.line < b.line; };
  std::stable_sort(findings.errors.begin(), findings.errors.end(), by_line);
  std::stable_sort(findings.warnings.begin(), findings.warnings.end(), by_line);
}

void fill_deadlines(ParsedSafetyFile& file, const std::map<HazardLevel, int>& days) {
  for (std::size_t i = 0; i < file.records.hazards.size(); ++i) {
    if (file.deadline_given[i]) continue;
    Hazard& hazard = file.records.hazards[i];
    auto found = days.find(hazard.level);
    const int limit = found == days.end() ? 0 : found->second;
    hazard.deadline = civil_add_days(hazard.found, limit);
  }
}

Result<KnownRecords> known_records(const Database& db) {
  Result<SafetyRegister> stored = load_safety_register(db);
  if (!stored) return fail(stored.error());
  Result<std::set<std::string>> enterprises = stored_enterprise_codes(db);
  if (!enterprises) return fail(enterprises.error());
  KnownRecords known;
  for (SafetyPlan& plan : stored->plans) known.plans[plan.id] = std::move(plan);
  for (SafetyCheck& check : stored->checks) known.checks[check.id] = std::move(check);
  known.enterprises = std::move(*enterprises);
  return known;
}

void append_records(SafetyRegister& all, SafetyRegister&& some) {
  std::move(some.plans.begin(), some.plans.end(), std::back_inserter(all.plans));
  std::move(some.checks.begin(), some.checks.end(), std::back_inserter(all.checks));
  std::move(some.hazards.begin(), some.hazards.end(), std::back_inserter(all.hazards));
  std::move(some.roster.begin(), some.roster.end(), std::back_inserter(all.roster));
}

}  // namespace

std::string_view safety_kind_name(SafetyFileKind kind) {
  switch (kind) {
    case SafetyFileKind::kPlans:
      return "safety_plans";
    case SafetyFileKind::kChecks:
      return "safety_checks";
    case SafetyFileKind::kHazards:
      return "safety_hazards";
    case SafetyFileKind::kRoster:
      return "duty_roster";
  }
  return "";
}

std::optional<SafetyFileKind> safety_kind_from_file_name(std::string_view path) {
  std::size_t slash = path.find_last_of("/\\");
  std::string base = ascii_lower(slash == std::string_view::npos ? path : path.substr(slash + 1));
  for (SafetyFileKind kind : kSafetyKinds) {
    std::string_view stem = safety_kind_name(kind);
    if (!std::string_view(base).starts_with(stem)) continue;
    char after = base.size() > stem.size() ? base[stem.size()] : '.';
    if (after >= 'a' && after <= 'z') continue;
    return kind;
  }
  return std::nullopt;
}

Result<SafetyImportOutcome> import_safety_sources(Database& db,
                                                  const std::vector<SourceFile>& files,
                                                  std::optional<Encoding> forced) {
  Result<KnownRecords> known = known_records(db);
  if (!known) return fail(known.error());
  Result<std::map<HazardLevel, int>> days = hazard_deadline_days(db);
  if (!days) return fail(days.error());
  std::vector<ParsedSafetyFile> parsed;
  for (const SourceFile& source : files) {
    ParsedSafetyFile file;
    file.name = source.name;
    std::optional<SafetyFileKind> kind = safety_kind_from_file_name(source.name);
    if (!kind) {
      file.findings.errors.push_back(
          Finding{1, "(file)",
                  "not a safety file (safety_plans, safety_checks, safety_hazards, duty_roster)"});
      parsed.push_back(std::move(file));
      continue;
    }
    file.kind = *kind;
    auto table = detail::read_safety_table(source.bytes, forced);
    if (!table) {
      file.findings.errors.push_back(table.error());
    } else {
      detail::SafetyColumnMap columns(*kind, table->header, file.findings);
      for (const detail::SafetyColumn& column : detail::safety_columns(*kind)) {
        file.headers[std::string(column.name)] = std::string(columns.header_of(column.name));
      }
      if (file.findings.errors.empty()) detail::parse_safety_rows(*table, columns, file);
    }
    parsed.push_back(std::move(file));
  }
  // Plans first, then checks, so that a check may name a plan of the same import (and a hazard a
  // check of it); a new row of a key replaces the stored one, also for the lookups.
  std::stable_sort(parsed.begin(), parsed.end(), [](const auto& a, const auto& b) {
    return static_cast<int>(a.kind) < static_cast<int>(b.kind);
  });
  SafetyImportOutcome outcome;
  SafetyRegister all;
  for (ParsedSafetyFile& file : parsed) {
    check_references(file, *known);
    for (const SafetyPlan& plan : file.records.plans) known->plans[plan.id] = plan;
    for (const SafetyCheck& check : file.records.checks) known->checks[check.id] = check;
    if (file.kind == SafetyFileKind::kHazards) fill_deadlines(file, *days);
    sort_findings(file.findings);
    for (const Finding& f : file.findings.errors) {
      outcome.errors.push_back(detail::format_finding(file.name, f));
    }
    for (const Finding& f : file.findings.warnings) {
      outcome.warnings.push_back(detail::format_finding(file.name, f));
    }
    outcome.files.push_back({file.name, std::string(safety_kind_name(file.kind)), file.rows});
    append_records(all, std::move(file.records));
  }
  if (outcome.refused()) return outcome;
  Result<long> stored = store_safety_records(db, all);
  if (!stored) return fail(stored.error());
  outcome.stored = *stored;
  return outcome;
}

Result<std::vector<SourceFile>> read_safety_files(const std::vector<std::string>& paths,
                                                  uint64_t max_file_bytes) {
  namespace fs = std::filesystem;
  std::vector<SourceFile> sources;
  for (const std::string& path : paths) {
    std::error_code error;
    fs::file_status status = fs::status(path, error);
    if (error || !fs::exists(status)) {
      return fail(Status::not_found(fmt::format("no such file: {}", path)));
    }
    if (!fs::is_regular_file(status)) {
      return fail(Status::invalid_data(
          fmt::format("{}: not a regular file; import reads regular files only", path)));
    }
    const std::uintmax_t size = fs::file_size(path, error);
    if (error) return fail(Status::io_error(fmt::format("cannot read {}", path)));
    if (size > max_file_bytes) {
      return fail(Status::invalid_data(fmt::format(
          "{}: {} bytes, more than the {} an import reads (raise it with --max-file-size)", path,
          size, max_file_bytes)));
    }
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    if (!in) return fail(Status::io_error(fmt::format("cannot read {}", path)));
    sources.push_back(SourceFile{path, bytes.str()});
  }
  return sources;
}

Result<SafetyImportOutcome> import_safety_files(Database& db, const std::vector<std::string>& paths,
                                                std::optional<Encoding> forced,
                                                uint64_t max_file_bytes) {
  Result<std::vector<SourceFile>> sources = read_safety_files(paths, max_file_bytes);
  if (!sources) return fail(sources.error());
  return import_safety_sources(db, *sources, forced);
}

}  // namespace zhizao
