// ImportAuditor: one pass over a file's records in key order, each enterprise's run of months
// serving as its history.
#include "rules/import_audit.h"

#include <algorithm>
#include <optional>
#include <thread>

#include "rules/rule_evaluator.h"
#include "rules/rule_message.h"
#include "rules/rule_variables.h"
#include "store/enterprise_profiles.h"
#include "store/key_order.h"

namespace zhizao {
namespace {

// The rules of `rules` that apply on import, in file order.
RuleSet import_rules(const RuleSet& rules) {
  RuleSet kept{rules.source, {}};
  for (const Rule& rule : rules.rules) {
    if (rule.on_import != ImportAction::kIgnore) kept.rules.push_back(rule);
  }
  return kept;
}

bool reads_enterprise(const RuleVariableSet& needed) {
  return needed.test(static_cast<std::size_t>(RuleVariable::kDivision)) ||
         needed.test(static_cast<std::size_t>(RuleVariable::kKey));
}

// From this many records the audit runs on two threads (halves split between enterprises), as
// the import's duplicate check does: the audit is a pass over every record of a national file.
constexpr std::size_t kParallelAuditFrom = 100000;

// Profiles by uscc: those of the import first, then the stored ones.
class ProfileLookup {
 public:
  ProfileLookup(const std::vector<Enterprise>& imported,
                const std::vector<EnterpriseProfile>& stored)
      : stored_(stored) {
    for (const Enterprise& e : imported) imported_.push_back({e.uscc, e.division, e.key});
    std::stable_sort(imported_.begin(), imported_.end(),
                     [](const auto& a, const auto& b) { return a.uscc < b.uscc; });
  }

  // The profile of `uscc`, or null. Thread-safe.
  const EnterpriseProfile* find(const std::string& uscc) const {
    for (const std::vector<EnterpriseProfile>* list : {&imported_, &stored_}) {
      auto it = std::lower_bound(
          list->begin(), list->end(), uscc,
          [](const EnterpriseProfile& p, const std::string& u) { return p.uscc < u; });
      if (it != list->end() && it->uscc == uscc) return &*it;
    }
    return nullptr;
  }

 private:
  std::vector<EnterpriseProfile> imported_;
  const std::vector<EnterpriseProfile>& stored_;
};

}  // namespace

struct ImportAuditor::State {
  std::vector<RuleEvaluator> evaluators;  // one per thread
  RuleVariableSet needed;
  Language language = Language::kZh;
  std::vector<EnterpriseProfile> stored;  // by uscc; empty unless a rule reads them
  // The profiles of the last `imported` list, kept while the same list comes again: a streamed
  // national file is audited in parts (issue 17), each with the import's 500,000 enterprises.
  std::optional<ProfileLookup> kept_profiles;
  std::vector<EnterpriseProfile> profiles_of;  // the `imported` list they came from, as given

  // Whether `imported` is the list the kept profiles came from (compared whole: a pointer could
  // be a new list's in a freed block).
  bool same_imported(const std::vector<Enterprise>& imported) const {
    if (!kept_profiles || profiles_of.size() != imported.size()) return false;
    for (std::size_t i = 0; i < imported.size(); ++i) {
      const EnterpriseProfile& p = profiles_of[i];
      const Enterprise& e = imported[i];
      if (p.uscc != e.uscc || p.division != e.division || p.key != e.key) return false;
    }
    return true;
  }

  // Confronts the records at key_order[begin, end), whole enterprises, with `evaluator`.
  void audit_range(const std::vector<MonthlyRecord>& records, std::span<const uint32_t> key_order,
                   std::size_t begin, std::size_t end, const ProfileLookup* profiles,
                   RuleEvaluator& evaluator, std::vector<ImportAuditFinding>& findings) const {
    const std::vector<Rule>& rules = evaluator.rules().rules;
    std::vector<const MonthlyRecord*> run;  // one enterprise's months, by period
    std::vector<RuleOutcome> outcomes;
    while (begin < end) {
      const std::string& uscc = records[key_order[begin]].uscc;
      std::size_t last = begin;
      run.clear();
      while (last < end && records[key_order[last]].uscc == uscc) {
        run.push_back(&records[key_order[last++]]);
      }
      RuleContext context;
      context.enterprise = profiles != nullptr ? profiles->find(uscc) : nullptr;
      context.needed = needed;
      for (std::size_t i = begin; i < last; ++i) {
        const MonthlyRecord& record = records[key_order[i]];
        RuleValues values =
            rule_values(record, std::span<const MonthlyRecord* const>(run), context);
        evaluator.evaluate(values, &outcomes);
        for (std::size_t r = 0; r < outcomes.size(); ++r) {
          if (outcomes[r] != RuleOutcome::kFail) continue;
          findings.push_back({key_order[i], rules[r].id, rules[r].field,
                              rule_message_with_id(rules[r], values, language),
                              rules[r].on_import});
        }
      }
      begin = last;
    }
  }
};

ImportAuditor::ImportAuditor(std::unique_ptr<State> state) : state_(std::move(state)) {}
ImportAuditor::ImportAuditor(ImportAuditor&&) noexcept = default;
ImportAuditor& ImportAuditor::operator=(ImportAuditor&&) noexcept = default;
ImportAuditor::~ImportAuditor() = default;

Result<ImportAuditor> ImportAuditor::create(const Database& db, const RuleSet& rules,
                                            Language language) {
  auto state = std::make_unique<State>();
  const RuleSet kept = import_rules(rules);
  for (int i = 0; i < 2; ++i) {
    Result<RuleEvaluator> evaluator = RuleEvaluator::create(kept);
    if (!evaluator) return fail(evaluator.error());
    state->evaluators.push_back(*std::move(evaluator));
  }
  state->needed = state->evaluators[0].needed_variables();
  state->language = language;
  if (reads_enterprise(state->needed)) {
    Result<std::vector<EnterpriseProfile>> profiles = load_enterprise_profiles(db);
    if (!profiles) return fail(profiles.error());
    state->stored = *std::move(profiles);
  }
  return ImportAuditor(std::move(state));
}

bool ImportAuditor::empty() const { return state_->evaluators[0].rules().rules.empty(); }

std::vector<ImportAuditFinding> ImportAuditor::audit(const std::vector<MonthlyRecord>& records,
                                                     std::span<const uint32_t> key_order,
                                                     const std::vector<Enterprise>& imported) {
  std::vector<ImportAuditFinding> findings;
  if (empty() || records.empty()) return findings;
  State& s = *state_;
  std::vector<uint32_t> computed;
  if (key_order.size() != records.size()) {
    computed = detail::monthly_key_order(records);
    key_order = computed;
  }
  const ProfileLookup* lookup = nullptr;
  if (reads_enterprise(s.needed)) {
    if (!s.same_imported(imported)) {
      s.kept_profiles.emplace(imported, s.stored);
      s.profiles_of.clear();
      for (const Enterprise& e : imported) s.profiles_of.push_back({e.uscc, e.division, e.key});
    }
    lookup = &*s.kept_profiles;
  }
  const std::size_t n = key_order.size();
  if (n < kParallelAuditFrom || std::thread::hardware_concurrency() < 2) {
    s.audit_range(records, key_order, 0, n, lookup, s.evaluators[0], findings);
    return findings;
  }
  std::size_t middle = n / 2;
  while (middle < n && records[key_order[middle]].uscc == records[key_order[middle - 1]].uscc) {
    ++middle;
  }
  std::vector<ImportAuditFinding> second_half;
  {
    std::jthread second([&] {
      s.audit_range(records, key_order, middle, n, lookup, s.evaluators[1], second_half);
    });
    s.audit_range(records, key_order, 0, middle, lookup, s.evaluators[0], findings);
  }
  findings.insert(findings.end(), std::make_move_iterator(second_half.begin()),
                  std::make_move_iterator(second_half.end()));
  return findings;
}

}  // namespace zhizao
