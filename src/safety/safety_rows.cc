#include "safety/safety_rows.h"

#include <fmt/format.h>

#include <map>
#include <tuple>

#include "base/text.h"
#include "domain/industry.h"
#include "domain/region.h"

namespace zhizao::detail {
namespace {

// The fields of one row, with its errors collected under the columns' headers as written.
class RowFields {
 public:
  RowFields(const SafetyColumnMap& columns, const SafetyTableRow& row, Findings& findings)
      : columns_(columns), row_(row), findings_(findings) {}

  long line() const { return row_.line; }
  bool failed() const { return failed_; }

  void error(std::string_view column, std::string reason) {
    findings_.errors.push_back(
        Finding{row_.line, std::string(columns_.header_of(column)), std::move(reason)});
    failed_ = true;
  }

  std::string text(std::string_view column) const {
    return std::string(columns_.field(row_.fields, column));
  }

  // The field, or an error when it is empty.
  std::string required(std::string_view column) {
    std::string value = text(column);
    if (value.empty()) error(column, "required, empty");
    return value;
  }

  std::optional<CivilDate> date(std::string_view column, Presence presence) {
    std::string value = presence == Presence::kRequired ? required(column) : text(column);
    if (value.empty()) return std::nullopt;
    Result<CivilDate> parsed = parse_civil_date(value);
    if (!parsed) {
      error(column, parsed.error().message());
      return std::nullopt;
    }
    return *parsed;
  }

  // Fields beyond the header's columns hold data nobody named.
  void check_width(std::size_t header_width) {
    for (std::size_t i = header_width; i < row_.fields.size(); ++i) {
      if (!row_.fields[i].empty()) {
        error("(row)",
              fmt::format("{} fields, the header has {}", row_.fields.size(), header_width));
        return;
      }
    }
  }

 private:
  const SafetyColumnMap& columns_;
  const SafetyTableRow& row_;
  Findings& findings_;
  bool failed_ = false;
};

// A proof file is named, not uploaded here: a plain file name, never a path (docs/safety.md).
std::optional<std::string> bad_file_name(std::string_view name) {
  if (name.size() > 255) return "a file name of more than 255 bytes";
  for (char c : name) {
    if (c == '/' || c == '\\') return "a file name, not a path (no / or \\)";
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) return "a control character";
  }
  if (name.starts_with('.')) return "a file name may not start with .";
  return std::nullopt;
}

std::string upper_ascii(std::string text) {
  for (char& c : text) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return text;
}

bool plausible_phone(std::string_view phone) {
  for (char c : phone) {
    bool allowed = (c >= '0' && c <= '9') || c == '+' || c == '-' || c == ' ' || c == '(' ||
                   c == ')' || c == '#';
    if (!allowed) return false;
  }
  return true;
}

// Remembers the line of each key, reporting a key given twice in the file.
template <typename Key>
class KeyLines {
 public:
  // Returns the earlier line of `key`, remembering this one when it is new.
  std::optional<long> repeat(const Key& key, long line) {
    auto [it, inserted] = lines_.emplace(key, line);
    if (inserted) return std::nullopt;
    return it->second;
  }

 private:
  std::map<Key, long> lines_;
};

void parse_plan(RowFields& row, ParsedSafetyFile& parsed, KeyLines<std::string>& keys) {
  SafetyPlan plan;
  plan.id = row.required("id");
  plan.name = row.required("name");
  plan.kind = row.required("kind");
  std::string divisions = row.required("divisions");
  bool any_code = false;
  for (std::string_view code : split(divisions, ';')) {
    code = trim(code);
    if (code.empty()) continue;
    any_code = true;
    const Division* division = find_division(code);
    if (code.size() != 2 || division == nullptr) {
      row.error("divisions", fmt::format("not an industrial division (06–46): \"{}\"", code));
      continue;
    }
    plan.divisions.emplace_back(code);
  }
  if (!divisions.empty() && !any_code) {
    row.error("divisions", "no division given");
  }
  plan.region = row.text("region");
  if (!plan.region.empty() && find_region(plan.region) == nullptr) {
    row.error("region", fmt::format("not a GB/T 2260 region code: \"{}\"", plan.region));
  }
  std::optional<CivilDate> from = row.date("from", Presence::kRequired);
  std::optional<CivilDate> to = row.date("to", Presence::kRequired);
  if (from && to && *to < *from) {
    row.error("to", fmt::format("{} is before from {}", to->to_string(), from->to_string()));
  }
  if (!plan.id.empty()) {
    if (std::optional<long> earlier = keys.repeat(plan.id, row.line())) {
      row.error("id", fmt::format("plan {} given twice (also line {})", plan.id, *earlier));
    }
  }
  if (row.failed()) return;
  plan.from = *from;
  plan.to = *to;
  parsed.records.plans.push_back(std::move(plan));
  parsed.lines.push_back(row.line());
}

void parse_check(RowFields& row, ParsedSafetyFile& parsed, KeyLines<std::string>& keys) {
  SafetyCheck check;
  check.id = row.required("id");
  check.plan = row.required("plan");
  check.uscc = upper_ascii(row.required("uscc"));
  std::optional<CivilDate> date = row.date("date", Presence::kRequired);
  check.inspector = row.required("inspector");
  check.findings = row.text("findings");
  if (!check.id.empty()) {
    if (std::optional<long> earlier = keys.repeat(check.id, row.line())) {
      row.error("id", fmt::format("check {} given twice (also line {})", check.id, *earlier));
    }
  }
  if (row.failed()) return;
  check.date = *date;
  parsed.records.checks.push_back(std::move(check));
  parsed.lines.push_back(row.line());
}

void parse_hazard(RowFields& row, ParsedSafetyFile& parsed, KeyLines<std::string>& keys) {
  Hazard hazard;
  hazard.id = row.required("id");
  hazard.check = row.required("check");
  std::string level = row.required("level");
  if (!level.empty()) {
    std::optional<HazardLevel> parsed_level = parse_hazard_level(level);
    if (!parsed_level) {
      row.error("level",
                fmt::format("not a hazard level (major/重大, ordinary/一般): \"{}\"", level));
    } else {
      hazard.level = *parsed_level;
    }
  }
  hazard.description = row.text("description");
  std::optional<CivilDate> found = row.date("found", Presence::kRequired);
  std::optional<CivilDate> deadline = row.date("deadline", Presence::kOptional);
  hazard.rectified = row.date("rectified", Presence::kOptional);
  hazard.reinspected = row.date("reinspected", Presence::kOptional);
  std::string result = row.text("reinspection_result");
  std::optional<ReinspectionResult> parsed_result = parse_reinspection_result(result);
  if (!parsed_result) {
    row.error("reinspection_result",
              fmt::format("not a result (passed/通过, failed/未通过): \"{}\"", result));
  } else {
    hazard.reinspection = *parsed_result;
  }
  if (found && deadline && *deadline < *found) {
    row.error("deadline",
              fmt::format("{} is before found {}", deadline->to_string(), found->to_string()));
  }
  if (found && hazard.rectified && *hazard.rectified < *found) {
    row.error("rectified", fmt::format("{} is before found {}", hazard.rectified->to_string(),
                                       found->to_string()));
  }
  if (hazard.reinspected && !hazard.rectified) {
    row.error("reinspected", "a re-inspection needs the rectified date");
  } else if (hazard.reinspected && *hazard.reinspected < *hazard.rectified) {
    row.error("reinspected",
              fmt::format("{} is before rectified {}", hazard.reinspected->to_string(),
                          hazard.rectified->to_string()));
  }
  if (parsed_result &&
      (*parsed_result == ReinspectionResult::kNone) == hazard.reinspected.has_value()) {
    row.error("reinspection_result", hazard.reinspected ? "required with a re-inspection date"
                                                        : "given without a re-inspection date");
  }
  hazard.proof = row.text("proof");
  if (std::optional<std::string> bad = bad_file_name(hazard.proof); bad && !hazard.proof.empty()) {
    row.error("proof", *bad);
  }
  if (!hazard.id.empty()) {
    if (std::optional<long> earlier = keys.repeat(hazard.id, row.line())) {
      row.error("id", fmt::format("hazard {} given twice (also line {})", hazard.id, *earlier));
    }
  }
  if (row.failed()) return;
  hazard.found = *found;
  hazard.deadline = deadline.value_or(*found);  // filled by the level's days when not given
  parsed.records.hazards.push_back(std::move(hazard));
  parsed.lines.push_back(row.line());
  parsed.deadline_given.push_back(deadline.has_value());
}

void parse_duty(RowFields& row, ParsedSafetyFile& parsed,
                KeyLines<std::tuple<CivilDate, std::string, std::string>>& keys) {
  DutyShift duty;
  std::optional<CivilDate> date = row.date("date", Presence::kRequired);
  duty.shift = row.required("shift");
  duty.person = row.required("person");
  duty.phone = row.text("phone");
  duty.handover = row.text("handover");
  if (!plausible_phone(duty.phone)) {
    row.error("phone",
              fmt::format("not a telephone number (digits, + - ( ) #): \"{}\"", duty.phone));
  }
  if (date && !duty.shift.empty() && !duty.person.empty()) {
    if (std::optional<long> earlier = keys.repeat({*date, duty.shift, duty.person}, row.line())) {
      row.error("person", fmt::format("{} on shift {} of {} given twice (also line {})",
                                      duty.person, duty.shift, date->to_string(), *earlier));
    }
  }
  if (row.failed()) return;
  duty.date = *date;
  parsed.records.roster.push_back(std::move(duty));
  parsed.lines.push_back(row.line());
}

}  // namespace

void parse_safety_rows(const SafetyTable& table, const SafetyColumnMap& columns,
                       ParsedSafetyFile& parsed) {
  KeyLines<std::string> ids;
  KeyLines<std::tuple<CivilDate, std::string, std::string>> duties;
  for (const SafetyTableRow& row : table.rows) {
    ++parsed.rows;
    RowFields fields(columns, row, parsed.findings);
    fields.check_width(table.header.size());
    switch (parsed.kind) {
      case SafetyFileKind::kPlans:
        parse_plan(fields, parsed, ids);
        break;
      case SafetyFileKind::kChecks:
        parse_check(fields, parsed, ids);
        break;
      case SafetyFileKind::kHazards:
        parse_hazard(fields, parsed, ids);
        break;
      case SafetyFileKind::kRoster:
        parse_duty(fields, parsed, duties);
        break;
    }
  }
}

}  // namespace zhizao::detail
