// The submission workflow: audit, store, review, publish. Who may do what is decided by
// accounts/authorization.h, so the server and the workflow never disagree.
#include "rules/submission_workflow.h"

#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "accounts/authorization.h"
#include "rules/rule_evaluator.h"
#include "rules/rule_message.h"
#include "rules/rule_variables.h"
#include "rules/submission_products.h"
#include "store/enterprise_profiles.h"
#include "store/record_keys.h"
#include "store/submission_store.h"

namespace zhizao {
namespace {

using Json = nlohmann::json;

constexpr const char* kStates[] = {"submitted", "county_approved", "published", "rejected"};

Result<Principal> principal_of(const Actor& actor) {
  Result<Role> role = parse_role(actor.role);
  if (!role) return fail(role.error());
  return Principal{actor.name, *role};
}

bool may_see(const Principal& principal, const StoredSubmission& stored,
             const std::vector<RegionGroup>& groups) {
  Enterprise enterprise;
  enterprise.uscc = stored.uscc;
  enterprise.region = stored.region;
  return may_read_enterprise(principal, enterprise, groups);
}

Status not_visible(long id) {
  return Status::not_found(fmt::format("submission #{} not found", id));
}

// The rules `values` fails, as violations; soft ones are marked explained when `explanations`
// holds a text for them.
Result<std::vector<RuleViolation>> failed_rules(const RuleSet& rules, const RuleValues& values,
                                                const std::map<std::string, std::string>& given) {
  Result<RuleEvaluator> evaluator = RuleEvaluator::create(rules);
  if (!evaluator) return fail(evaluator.error());
  std::vector<RuleOutcome> outcomes = evaluator->evaluate(values);
  std::vector<RuleViolation> violations;
  for (std::size_t i = 0; i < outcomes.size(); ++i) {
    if (outcomes[i] != RuleOutcome::kFail) continue;
    const Rule& rule = rules.rules[i];
    violations.push_back({rule.id, rule.field, rule.severity,
                          rule_message(rule, values, Language::kZh),
                          rule_message(rule, values, Language::kEn),
                          rule.severity == Severity::kSoft && given.contains(rule.id)});
  }
  return violations;
}

Result<Submission> to_submission(const StoredSubmission& stored) {
  Json record = Json::parse(stored.record_json, nullptr, false);
  Json explanations = Json::parse(stored.explanations_json, nullptr, false);
  if (record.is_discarded() || explanations.is_discarded() || !explanations.is_object()) {
    return fail(
        Status::corruption(fmt::format("submission #{}: stored JSON unreadable", stored.id)));
  }
  Result<SubmissionRequest> parsed = parse_submission_request(record);
  if (!parsed) {
    return fail(Status::corruption(fmt::format("submission #{}: stored record unreadable: {}",
                                               stored.id, parsed.error().message())));
  }
  Submission out;
  out.id = stored.id;
  out.record = parsed->record;
  for (const auto& [rule_id, text] : explanations.items()) {
    if (text.is_string()) out.explanations[rule_id] = text.get<std::string>();
  }
  Result<std::optional<std::vector<SubmittedQuantity>>> products =
      detail::products_from_json_text(stored.id, stored.products_json);
  if (!products) return fail(products.error());
  out.products = *std::move(products);
  Result<std::vector<ProductDivergence>> flags =
      detail::flags_from_json_text(stored.id, stored.product_flags_json);
  if (!flags) return fail(flags.error());
  out.product_flags = *std::move(flags);
  out.state = stored.state;
  out.submitted_by = stored.submitted_by;
  out.submitted_at = stored.submitted_at;
  return out;
}

// The stored submission `id` if `principal` may see it; kNotFound otherwise.
Result<StoredSubmission> find_visible(const SubmissionStore& store, const Principal& principal,
                                      long id, const std::vector<RegionGroup>& groups) {
  Result<std::optional<StoredSubmission>> found = store.find(id);
  if (!found) return fail(found.error());
  if (!*found || !may_see(principal, **found, groups)) return fail(not_visible(id));
  return **std::move(found);
}

}  // namespace

Result<SubmissionResult> submit(Database& db, const RuleSet& rules, const Actor& actor,
                                const SubmissionRequest& request, std::string_view remote) {
  Result<Principal> principal = principal_of(actor);
  if (!principal) return fail(principal.error());
  SubmissionResult result;
  if (!may_submit_for(*principal, request.record.uscc)) {
    result.verdict = SubmitVerdict::kForbidden;
    return result;
  }
  SubmissionStore store(db);
  Result<std::optional<std::string>> region = store.enterprise_region(request.record.uscc);
  if (!region) return fail(region.error());
  if (!*region) {
    return fail(Status::not_found(
        fmt::format("enterprise {} is not registered (enterprises.csv)", request.record.uscc)));
  }
  Result<std::optional<EnterpriseProfile>> profile =
      find_enterprise_profile(db, request.record.uscc);
  if (!profile) return fail(profile.error());
  Result<std::vector<MonthlyRecord>> history = store.monthly_history(request.record.uscc);
  if (!history) return fail(history.error());
  RuleContext context;
  context.enterprise = profile->has_value() ? &**profile : nullptr;
  context.output = request.has_output ? OutputPresence::kPresent : OutputPresence::kAbsent;
  RuleValues values = rule_values(request.record, *history, context);
  Result<std::vector<RuleViolation>> violations = failed_rules(rules, values, request.explanations);
  if (!violations) return fail(violations.error());
  Result<detail::ProductCheck> products =
      detail::check_submitted_products(store, request, *history);
  if (!products) return fail(products.error());
  violations->insert(violations->end(), request.product_faults.begin(),
                     request.product_faults.end());
  violations->insert(violations->end(), products->violations.begin(), products->violations.end());
  bool refused = false;
  Json explanations = Json::object();
  for (const RuleViolation& v : *violations) {
    refused = refused || v.severity == Severity::kHard || !v.explained;
    if (v.explained) explanations[v.rule_id] = request.explanations.at(v.rule_id);
  }
  if (refused) {
    result.verdict = SubmitVerdict::kRefused;
    result.violations = *std::move(violations);
    return result;
  }
  StoredSubmission stored;
  stored.uscc = request.record.uscc;
  stored.period = request.record.period;
  stored.record_json = detail::to_json_text(request.record);
  stored.explanations_json = explanations.dump();
  if (request.products) stored.products_json = detail::products_to_json_text(*request.products);
  stored.product_flags_json = detail::flags_to_json_text(products->flags);
  stored.submitted_by = actor.name;
  Result<long> id = store.insert(&stored, remote);
  if (!id) return fail(id.error());
  result.verdict = SubmitVerdict::kAccepted;
  result.id = *id;
  result.state = stored.state;
  result.warnings = *std::move(violations);
  return result;
}

Result<Submission> review(Database& db, const Actor& actor, long submission_id, Decision decision,
                          std::string_view comment, std::string_view remote) {
  std::optional<PublishedApply> published;
  return review(db, actor, submission_id, decision, comment, remote, &published);
}

Result<Submission> review(Database& db, const Actor& actor, long submission_id, Decision decision,
                          std::string_view comment, std::string_view remote,
                          std::optional<PublishedApply>* published) {
  Result<Principal> principal = principal_of(actor);
  if (!principal) return fail(principal.error());
  SubmissionStore store(db);
  Result<std::vector<RegionGroup>> groups = store.region_groups();
  if (!groups) return fail(groups.error());
  Result<StoredSubmission> stored = find_visible(store, *principal, submission_id, *groups);
  if (!stored) return fail(stored.error());
  ReviewLevel level = ReviewLevel::kCounty;
  if (stored->state == "county_approved") {
    level = ReviewLevel::kCity;
  } else if (stored->state != "submitted") {
    return fail(Status::usage(fmt::format("submission #{} is {}; it cannot be reviewed again",
                                          submission_id, stored->state)));
  }
  if (!may_review(*principal, level, stored->region, *groups)) {
    return fail(Status::usage(
        fmt::format("submission #{} awaits the {} review, which is not {}'s", submission_id,
                    level == ReviewLevel::kCounty ? "county" : "city", actor.name)));
  }
  std::string to = "rejected";
  if (decision == Decision::kApprove)
    to = level == ReviewLevel::kCounty ? "county_approved" : "published";
  std::optional<std::size_t> published_products;
  if (to == "published") {
    Result<Submission> submission = to_submission(*stored);
    if (!submission) return fail(submission.error());
    SourcedBatch batch{fmt::format("submission #{} by {}", submission_id, stored->submitted_by),
                       {}};
    batch.rows.monthly.push_back(submission->record);
    if (submission->products) {
      // The products part replaces the month's product_output rows in the same apply (issue 15).
      batch.rows.product_output = detail::product_output_rows(
          submission->record.uscc, submission->record.period, *submission->products);
      batch.product_output_replaced.push_back({submission->record.uscc, submission->record.period});
      published_products = submission->products->size();
    }
    std::vector<SourcedBatch> batches{std::move(batch)};
    Result<ApplySummary> applied = db.apply(batches);
    if (!applied) return fail(applied.error());
    *published = PublishedApply{std::move(batches), *applied};
  }
  StateChange change{submission_id, stored->state, to, actor.name, std::string(comment)};
  change.published_products = published_products;
  Result<bool> changed = store.change_state(change, remote);
  if (!changed) return fail(changed.error());
  if (!*changed) {
    return fail(Status::usage(
        fmt::format("submission #{} was changed by someone else meanwhile", submission_id)));
  }
  stored->state = to;
  return to_submission(*stored);
}

Result<std::vector<Submission>> list_submissions(Database& db, const Actor& actor,
                                                 const std::optional<std::string>& state) {
  Result<Principal> principal = principal_of(actor);
  if (!principal) return fail(principal.error());
  if (state && std::find(std::begin(kStates), std::end(kStates), *state) == std::end(kStates)) {
    return fail(Status::usage(fmt::format(
        "unknown state \"{}\" (submitted, county_approved, published, rejected)", *state)));
  }
  SubmissionStore store(db);
  Result<std::vector<RegionGroup>> groups = store.region_groups();
  if (!groups) return fail(groups.error());
  Result<std::vector<StoredSubmission>> stored = store.list(state);
  if (!stored) return fail(stored.error());
  std::vector<Submission> out;
  for (const StoredSubmission& s : *stored) {
    if (!may_see(*principal, s, *groups)) continue;
    Result<Submission> submission = to_submission(s);
    if (!submission) return fail(submission.error());
    out.push_back(*std::move(submission));
  }
  return out;
}

Result<SubmissionDetail> get_submission(Database& db, const Actor& actor, long submission_id) {
  Result<Principal> principal = principal_of(actor);
  if (!principal) return fail(principal.error());
  SubmissionStore store(db);
  Result<std::vector<RegionGroup>> groups = store.region_groups();
  if (!groups) return fail(groups.error());
  Result<StoredSubmission> stored = find_visible(store, *principal, submission_id, *groups);
  if (!stored) return fail(stored.error());
  Result<Submission> submission = to_submission(*stored);
  if (!submission) return fail(submission.error());
  Result<std::vector<StoredSubmissionEvent>> events = store.events(submission_id);
  if (!events) return fail(events.error());
  SubmissionDetail detail{*std::move(submission), {}};
  for (const StoredSubmissionEvent& e : *events) {
    detail.events.push_back(
        {e.id, e.submission_id, e.at, e.user_name, e.from_state, e.to_state, e.comment});
  }
  return detail;
}

}  // namespace zhizao
