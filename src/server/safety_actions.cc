#include "server/safety_actions.h"

#include <fmt/format.h>

#include <algorithm>

#include "base/civil_days.h"
#include "domain/industry.h"
#include "domain/region.h"
#include "safety/safety_revisions.h"
#include "safety/safety_store.h"

namespace zhizao::server {
namespace {

using nlohmann::ordered_json;

// Texts of the registers are short fields, not documents.
constexpr std::size_t kMaxTextBytes = 4000;
constexpr std::size_t kMaxIdBytes = 64;

SafetyResult<std::optional<std::string>> text_field(const nlohmann::json& body, const char* name) {
  auto field = body.find(name);
  if (field == body.end() || field->is_null()) return std::optional<std::string>();
  if (!field->is_string()) return safety_bad_request(fmt::format("\"{}\" is a string", name));
  std::string text = field->get<std::string>();
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return std::optional<std::string>();
  text = text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
  if (text.size() > kMaxTextBytes) {
    return safety_bad_request(fmt::format("\"{}\" is longer than {} bytes", name, kMaxTextBytes));
  }
  return std::optional<std::string>(std::move(text));
}

SafetyResult<std::string> required_text(const nlohmann::json& body, const char* name) {
  SafetyResult<std::optional<std::string>> text = text_field(body, name);
  if (!text) return tl::unexpected(text.error());
  if (!*text) return safety_bad_request(fmt::format("\"{}\" is required", name));
  return **text;
}

// A date field (YYYY-MM-DD) no later than `today`; `fallback` when absent.
SafetyResult<CivilDate> date_field(const nlohmann::json& body, const char* name,
                                   const CivilDate& today, const CivilDate& fallback) {
  SafetyResult<std::optional<std::string>> text = text_field(body, name);
  if (!text) return tl::unexpected(text.error());
  if (!*text) return fallback;
  Result<CivilDate> date = parse_civil_date(**text);
  if (!date) return safety_bad_request(fmt::format("\"{}\": {}", name, date.error().message()));
  if (today < *date) {
    return safety_bad_request(
        fmt::format("\"{}\" {} is after today ({})", name, date->to_string(), today.to_string()));
  }
  return *date;
}

AuditEntry audit_of(const SafetyActor& actor, std::string_view action, const std::string& target,
                    const ordered_json& detail) {
  return {0,      "",           actor.principal.name, actor.remote, "safety." + std::string(action),
          target, detail.dump()};
}

// Writes the change; 409 when the row changed meanwhile.
SafetyResult<long> write_change(Database& db, const std::optional<SafetyRow>& before,
                                const SafetyRow& after, SafetyChangeNote note) {
  Result<long> revision = write_safety_change(db, before, after, note);
  if (!revision) return safety_internal(revision.error());
  if (*revision == 0) {
    return safety_refusal(409, "conflict",
                          fmt::format("{} {} was changed meanwhile (or exists); reload it",
                                      safety_row_kind(after), safety_row_id(after)));
  }
  return *revision;
}

// Numbers `row`, a new check or hazard dated `date` (next_safety_id), and writes it; when another
// request took the number meanwhile, the next free one is tried.
template <typename Row, typename NoteOf>
SafetyResult<long> write_numbered(Database& db, std::string_view kind, const CivilDate& date,
                                  Row& row, NoteOf note_of) {
  for (int attempt = 0; attempt < 3; ++attempt) {
    Result<std::string> id = next_safety_id(db, kind, date);
    if (!id) return safety_bad_request(id.error().message());
    row.id = *id;
    Result<long> revision = write_safety_change(db, std::nullopt, row, note_of(row));
    if (!revision) return safety_internal(revision.error());
    if (*revision != 0) return *revision;
  }
  return safety_refusal(409, "conflict", "could not number the new row; try again");
}

// A hazard, its check and its enterprise, found and checked for visibility.
struct LocatedHazard {
  Hazard hazard;
  SafetyCheck check;
  SafetyEnterprise enterprise;
};

SafetyResult<LocatedHazard> locate_hazard(SafetyAccess& access, const std::string& id) {
  Result<SafetyRegister> records = load_safety_register(access.db());
  if (!records) return safety_internal(records.error());
  auto hazard = std::find_if(records->hazards.begin(), records->hazards.end(),
                             [&id](const Hazard& h) { return h.id == id; });
  if (hazard == records->hazards.end()) return safety_absent(access.actor(), "hazard " + id);
  auto check = std::find_if(records->checks.begin(), records->checks.end(),
                            [&](const SafetyCheck& c) { return c.id == hazard->check; });
  if (check == records->checks.end()) {
    return safety_internal(Status::corruption("hazard " + id + " names no stored check"));
  }
  SafetyResult<std::optional<SafetyEnterprise>> enterprise = access.enterprise(check->uscc);
  if (!enterprise) return tl::unexpected(enterprise.error());
  if (!*enterprise || !access.sees(**enterprise)) return safety_forbidden();
  return LocatedHazard{*hazard, *check, **enterprise};
}

// The answer of a hazard change: the hazard at today and its revision number.
ordered_json changed_hazard(const LocatedHazard& located, const Hazard& after,
                            const CivilDate& today, long revision) {
  ordered_json body = hazard_json(after, located.check, located.enterprise, today);
  body["revision"] = revision;
  return body;
}

bool valid_id(const std::string& id) {
  if (id.size() > kMaxIdBytes || id.starts_with('.')) return false;
  return std::none_of(id.begin(), id.end(), [](char c) {
    return static_cast<unsigned char>(c) < 0x20 || c == 0x7F || c == '/' || c == '\\';
  });
}

}  // namespace

SafetyResult<ordered_json> create_plan(Database& db, const SafetyActor& actor,
                                       const nlohmann::json& body) {
  if (!may_read_everything(actor.principal)) return safety_forbidden();
  SafetyPlan plan;
  for (auto [name, field] :
       {std::pair{"id", &plan.id}, std::pair{"name", &plan.name}, std::pair{"kind", &plan.kind}}) {
    SafetyResult<std::string> text = required_text(body, name);
    if (!text) return tl::unexpected(text.error());
    *field = *text;
  }
  if (!valid_id(plan.id)) {
    return safety_bad_request("\"id\" has at most 64 bytes, no '/', '\\' or control character");
  }
  auto divisions = body.find("divisions");
  if (divisions == body.end() || !divisions->is_array() || divisions->empty()) {
    return safety_bad_request("\"divisions\" is a list of 2-digit divisions, e.g. [\"08\"]");
  }
  for (const auto& code : *divisions) {
    if (!code.is_string() || code.get<std::string>().size() != 2 ||
        find_division(code.get<std::string>()) == nullptr) {
      return safety_bad_request(fmt::format("not an industrial division (06–46): {}", code.dump()));
    }
    plan.divisions.push_back(code.get<std::string>());
  }
  SafetyResult<std::optional<std::string>> region = text_field(body, "region");
  if (!region) return tl::unexpected(region.error());
  plan.region = region->value_or("");
  if (!plan.region.empty() && find_region(plan.region) == nullptr) {
    return safety_bad_request(fmt::format("not a GB/T 2260 region code: \"{}\"", plan.region));
  }
  // A plan may lie ahead (the next flood season): its dates are not bounded by today.
  const CivilDate far{9999, 12, 31};
  SafetyResult<CivilDate> from = date_field(body, "from", far, {});
  SafetyResult<CivilDate> to = date_field(body, "to", far, {});
  if (!from) return tl::unexpected(from.error());
  if (!to) return tl::unexpected(to.error());
  if (from->year == 0 || to->year == 0)
    return safety_bad_request("\"from\" and \"to\" are required");
  if (*to < *from) return safety_bad_request("\"to\" is before \"from\"");
  plan.from = *from;
  plan.to = *to;
  SafetyResult<long> revision = write_change(
      db, std::nullopt, plan,
      {actor.principal.name, "plan", plan.name,
       audit_of(
           actor, "plan", plan.id,
           {{"name", plan.name}, {"from", plan.from.to_string()}, {"to", plan.to.to_string()}}),
       std::nullopt});
  if (!revision) return tl::unexpected(revision.error());
  ordered_json out = plan_json(plan);
  out["revision"] = *revision;
  return out;
}

SafetyResult<ordered_json> record_check(Database& db, const SafetyActor& actor,
                                        const nlohmann::json& body) {
  if (actor.principal.role.kind == RoleKind::kEnterprise) return safety_forbidden();
  SafetyResult<SafetyAccess> access = SafetyAccess::open(db, actor.principal);
  if (!access) return tl::unexpected(access.error());
  SafetyResult<std::string> uscc = required_text(body, "uscc");
  if (!uscc) return tl::unexpected(uscc.error());
  SafetyResult<std::optional<SafetyEnterprise>> enterprise = access->enterprise(*uscc);
  if (!enterprise) return tl::unexpected(enterprise.error());
  if (!*enterprise) return safety_absent(actor.principal, "enterprise " + *uscc);
  if (!access->handles(**enterprise)) return safety_forbidden();
  SafetyCheck check;
  check.uscc = *uscc;
  SafetyResult<std::string> plan = required_text(body, "plan");
  SafetyResult<std::string> inspector = required_text(body, "inspector");
  SafetyResult<std::optional<std::string>> findings = text_field(body, "findings");
  SafetyResult<CivilDate> date = date_field(body, "date", actor.today, actor.today);
  if (!plan) return tl::unexpected(plan.error());
  if (!inspector) return tl::unexpected(inspector.error());
  if (!findings) return tl::unexpected(findings.error());
  if (!date) return tl::unexpected(date.error());
  Result<SafetyRegister> records = load_safety_register(db);
  if (!records) return safety_internal(records.error());
  if (std::none_of(records->plans.begin(), records->plans.end(),
                   [&](const SafetyPlan& p) { return p.id == *plan; })) {
    return safety_refusal(404, "not_found", "no plan " + *plan);
  }
  check.plan = *plan;
  check.inspector = *inspector;
  check.findings = findings->value_or("");
  check.date = *date;
  SafetyResult<long> revision =
      write_numbered(db, "check", check.date, check, [&actor](const SafetyCheck& c) {
        return SafetyChangeNote{
            actor.principal.name, "check", c.findings,
            audit_of(actor, "check", c.id,
                     {{"plan", c.plan}, {"uscc", c.uscc}, {"date", c.date.to_string()}}),
            std::nullopt};
      });
  if (!revision) return tl::unexpected(revision.error());
  ordered_json out = check_json(check, **enterprise);
  out["revision"] = *revision;
  return out;
}

SafetyResult<ordered_json> record_hazard(Database& db, const SafetyActor& actor,
                                         const nlohmann::json& body) {
  if (actor.principal.role.kind == RoleKind::kEnterprise) return safety_forbidden();
  SafetyResult<SafetyAccess> access = SafetyAccess::open(db, actor.principal);
  if (!access) return tl::unexpected(access.error());
  SafetyResult<std::string> check_id = required_text(body, "check");
  if (!check_id) return tl::unexpected(check_id.error());
  Result<SafetyRegister> records = load_safety_register(db);
  if (!records) return safety_internal(records.error());
  auto check = std::find_if(records->checks.begin(), records->checks.end(),
                            [&](const SafetyCheck& c) { return c.id == *check_id; });
  if (check == records->checks.end()) return safety_absent(actor.principal, "check " + *check_id);
  SafetyResult<std::optional<SafetyEnterprise>> enterprise = access->enterprise(check->uscc);
  if (!enterprise) return tl::unexpected(enterprise.error());
  if (!*enterprise || !access->handles(**enterprise)) return safety_forbidden();
  SafetyResult<std::string> level_text = required_text(body, "level");
  if (!level_text) return tl::unexpected(level_text.error());
  std::optional<HazardLevel> level = parse_hazard_level(*level_text);
  if (!level) return safety_bad_request("\"level\" is major (重大) or ordinary (一般)");
  SafetyResult<std::optional<std::string>> description = text_field(body, "description");
  SafetyResult<CivilDate> found = date_field(body, "found", actor.today, actor.today);
  if (!description) return tl::unexpected(description.error());
  if (!found) return tl::unexpected(found.error());
  if (*found < check->date) return safety_bad_request("\"found\" is before the check's date");
  Hazard hazard;
  hazard.check = check->id;
  hazard.level = *level;
  hazard.description = description->value_or("");
  hazard.found = *found;
  // The deadline by level (docs/safety.md): data, in safety_hazard_deadline.
  Result<std::map<HazardLevel, int>> days = hazard_deadline_days(db);
  if (!days) return safety_internal(days.error());
  auto level_days = days->find(*level);
  if (level_days == days->end()) {
    return safety_internal(Status::corruption("safety_hazard_deadline has no row of the level"));
  }
  SafetyResult<CivilDate> deadline = date_field(body, "deadline", CivilDate{9999, 12, 31},
                                                civil_add_days(*found, level_days->second));
  if (!deadline) return tl::unexpected(deadline.error());
  if (*deadline < *found) return safety_bad_request("\"deadline\" is before \"found\"");
  hazard.deadline = *deadline;
  SafetyResult<long> revision =
      write_numbered(db, "hazard", hazard.found, hazard, [&actor](const Hazard& h) {
        return SafetyChangeNote{actor.principal.name, "hazard", h.description,
                                audit_of(actor, "hazard", h.id,
                                         {{"check", h.check},
                                          {"level", hazard_level_name(h.level)},
                                          {"deadline", h.deadline.to_string()}}),
                                std::nullopt};
      });
  if (!revision) return tl::unexpected(revision.error());
  return changed_hazard({hazard, *check, **enterprise}, hazard, actor.today, *revision);
}

SafetyResult<ordered_json> rectify_hazard(Database& db, const SafetyActor& actor,
                                          const std::string& id, const nlohmann::json& body) {
  SafetyResult<SafetyAccess> access = SafetyAccess::open(db, actor.principal);
  if (!access) return tl::unexpected(access.error());
  SafetyResult<LocatedHazard> located = locate_hazard(*access, id);
  if (!located) return tl::unexpected(located.error());
  if (!access->handles(located->enterprise)) return safety_forbidden();
  const Hazard& before = located->hazard;
  const bool reopened = before.reinspection == ReinspectionResult::kFailed;
  if (before.rectified && !reopened) {
    return safety_refusal(409, "conflict", "the hazard is rectified already");
  }
  if (before.proof.empty()) {
    return safety_refusal(409, "conflict",
                          "upload the proof of rectification first (POST .../proof)");
  }
  SafetyResult<CivilDate> rectified = date_field(body, "rectified", actor.today, actor.today);
  SafetyResult<std::optional<std::string>> note = text_field(body, "note");
  if (!rectified) return tl::unexpected(rectified.error());
  if (!note) return tl::unexpected(note.error());
  const CivilDate earliest = reopened ? *before.reinspected : before.found;
  if (*rectified < earliest) {
    return safety_bad_request(reopened ? "\"rectified\" is before the failed re-inspection"
                                       : "\"rectified\" is before the hazard was found");
  }
  Hazard after = before;
  after.rectified = *rectified;
  // After a failed re-inspection the new rectification awaits a new one; the failed one stays in
  // the revisions.
  after.reinspected.reset();
  after.reinspection = ReinspectionResult::kNone;
  SafetyResult<long> revision =
      write_change(db, before, after,
                   {actor.principal.name, "rectify", note->value_or(""),
                    audit_of(actor, "rectify", id,
                             {{"rectified", rectified->to_string()}, {"proof", after.proof}}),
                    std::nullopt});
  if (!revision) return tl::unexpected(revision.error());
  return changed_hazard(*located, after, actor.today, *revision);
}

SafetyResult<ordered_json> reinspect_hazard(Database& db, const SafetyActor& actor,
                                            const std::string& id, const nlohmann::json& body) {
  SafetyResult<SafetyAccess> access = SafetyAccess::open(db, actor.principal);
  if (!access) return tl::unexpected(access.error());
  SafetyResult<LocatedHazard> located = locate_hazard(*access, id);
  if (!located) return tl::unexpected(located.error());
  if (!access->handles(located->enterprise)) return safety_forbidden();
  const Hazard& before = located->hazard;
  SafetyResult<std::string> result_text = required_text(body, "result");
  if (!result_text) return tl::unexpected(result_text.error());
  std::optional<ReinspectionResult> result = parse_reinspection_result(*result_text);
  if (!result || *result == ReinspectionResult::kNone) {
    return safety_bad_request("\"result\" is passed (通过) or failed (未通过)");
  }
  if (!before.rectified || before.reinspected) {
    return safety_refusal(409, "conflict",
                          before.rectified ? "the hazard was re-inspected already; rectify it again"
                                           : "the hazard is not rectified yet");
  }
  SafetyResult<CivilDate> date = date_field(body, "date", actor.today, actor.today);
  SafetyResult<std::optional<std::string>> note = text_field(body, "note");
  if (!date) return tl::unexpected(date.error());
  if (!note) return tl::unexpected(note.error());
  if (*date < *before.rectified) {
    return safety_bad_request("\"date\" is before the rectification");
  }
  Hazard after = before;
  after.reinspected = *date;
  after.reinspection = *result;
  SafetyResult<long> revision = write_change(
      db, before, after,
      {actor.principal.name, "reinspect", note->value_or(""),
       audit_of(actor, "reinspect", id,
                {{"date", date->to_string()}, {"result", reinspection_result_name(*result)}}),
       std::nullopt});
  if (!revision) return tl::unexpected(revision.error());
  return changed_hazard(*located, after, actor.today, *revision);
}

SafetyResult<ordered_json> upload_proof(Database& db, const SafetyActor& actor,
                                        const ProofFolder& folder, const std::string& id,
                                        std::string_view bytes, std::string_view content_type) {
  SafetyResult<SafetyAccess> access = SafetyAccess::open(db, actor.principal);
  if (!access) return tl::unexpected(access.error());
  SafetyResult<LocatedHazard> located = locate_hazard(*access, id);
  if (!located) return tl::unexpected(located.error());
  if (!access->proves(located->enterprise)) return safety_forbidden();
  const Hazard& before = located->hazard;
  if (before.reinspection == ReinspectionResult::kPassed) {
    return safety_refusal(409, "conflict", "the hazard passed its re-inspection; it is closed");
  }
  ProofType type = ProofType::kPdf;
  if (std::optional<ProofRefusal> refused = check_proof(bytes, content_type, type)) {
    const int status = *refused == ProofRefusal::kTooLarge ? 413
                       : *refused == ProofRefusal::kEmpty  ? 400
                                                           : 415;
    const char* code = status == 413   ? "too_large"
                       : status == 400 ? "bad_request"
                                       : "unsupported_media_type";
    return safety_refusal(status, code, std::string(proof_refusal_message(*refused)));
  }
  const std::string name = proof_file_name(bytes, type);
  // The file first: a registered name always has its bytes (a file without a row is harmless).
  if (Status stored = folder.store(name, bytes); !stored.is_ok()) return safety_internal(stored);
  Hazard after = before;
  after.proof = name;
  SafetyProofRecord record{name, std::string(proof_media_type(type)),
                           static_cast<long>(bytes.size()), actor.principal.name};
  SafetyResult<long> revision = write_change(
      db, before, after,
      {actor.principal.name, "proof", name,
       audit_of(actor, "proof", id,
                {{"proof", name}, {"type", record.content_type}, {"bytes", bytes.size()}}),
       record});
  if (!revision) return tl::unexpected(revision.error());
  return changed_hazard(*located, after, actor.today, *revision);
}

SafetyResult<ProofDownload> download_proof(Database& db, const SafetyActor& actor,
                                           const ProofFolder& folder, const std::string& id) {
  SafetyResult<SafetyAccess> access = SafetyAccess::open(db, actor.principal);
  if (!access) return tl::unexpected(access.error());
  SafetyResult<LocatedHazard> located = locate_hazard(*access, id);
  if (!located) return tl::unexpected(located.error());
  const std::string& name = located->hazard.proof;
  std::optional<ProofType> type = parse_proof_file_name(name);
  Result<std::optional<std::string>> registered =
      type ? registered_proof_type(db, name) : Result<std::optional<std::string>>();
  if (!registered) return safety_internal(registered.error());
  if (!type || !*registered) {
    return safety_refusal(404, "not_found", "hazard " + id + " has no stored proof file");
  }
  Result<std::string> bytes = folder.read(name);
  if (!bytes) {
    if (bytes.error().code() == StatusCode::kNotFound) {
      return safety_refusal(404, "not_found", "the proof file of hazard " + id + " is missing");
    }
    return safety_internal(bytes.error());
  }
  return ProofDownload{name, *type, std::move(*bytes)};
}

}  // namespace zhizao::server
