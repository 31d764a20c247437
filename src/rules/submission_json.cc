// JSON of the submission API: requests in, submissions and violations out. Field names are the
// data contract's English column names (../shared/data-contract.md, monthly.csv).
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <charconv>
#include <cmath>
#include <nlohmann/json.hpp>

#include "base/text.h"
#include "domain/uscc.h"
#include "rules/submission_products.h"
#include "rules/submission_workflow.h"

namespace zhizao {
namespace {

using Json = nlohmann::json;

// Longer than any credit code or period as written (with spaces or full-width characters):
// beyond this a field is refused without being quoted whole.
constexpr std::size_t kLongestCode = 64;

// Reads an optional number: a JSON number or a decimal string; null, absent or "" is missing.
// Appends a fault to `faults` for anything else.
std::optional<double> read_number(const Json& body, const char* key,
                                  std::vector<std::string>& faults) {
  auto it = body.find(key);
  if (it == body.end() || it->is_null()) return std::nullopt;
  double value = 0;
  if (it->is_number()) {
    value = it->get<double>();
  } else if (it->is_string()) {
    std::string text(trim(it->get_ref<const std::string&>()));
    if (text.empty()) return std::nullopt;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size()) {
      faults.push_back(fmt::format("{}: not a number: \"{}\"", key, shorten_for_message(text)));
      return std::nullopt;
    }
  } else {
    faults.push_back(fmt::format("{}: must be a number", key));
    return std::nullopt;
  }
  if (!std::isfinite(value)) {
    faults.push_back(fmt::format("{}: must be a finite number", key));
    return std::nullopt;
  }
  return value;
}

Json optional_json(const std::optional<double>& value) {
  return value ? Json(*value) : Json(nullptr);
}

}  // namespace

Result<SubmissionRequest> parse_submission_request(const nlohmann::json& body) {
  if (!body.is_object()) return fail(Status::invalid_data("the request must be a JSON object"));
  std::vector<std::string> faults;
  SubmissionRequest request;
  MonthlyRecord& r = request.record;
  auto uscc = body.find("uscc");
  if (uscc == body.end() || !uscc->is_string()) {
    faults.push_back("uscc: required");
  } else if (const std::string& text = uscc->get_ref<const std::string&>();
             text.size() > kLongestCode) {
    // check_uscc quotes what it refuses whole; a long text is refused here, quoted cut.
    faults.push_back(fmt::format("uscc: not 18 characters: \"{}\"", shorten_for_message(text)));
  } else {
    Result<std::string> checked =
        check_uscc(uscc->get_ref<const std::string&>(), default_uscc_exceptions());
    if (checked) {
      r.uscc = *checked;
    } else {
      faults.push_back(fmt::format("uscc: {}", checked.error().message()));
    }
  }
  auto period = body.find("period");
  if (period == body.end() || !period->is_string()) {
    faults.push_back("period: required (YYYY-MM)");
  } else if (const std::string& text = period->get_ref<const std::string&>();
             text.size() > kLongestCode) {
    faults.push_back(fmt::format("period: not a period: \"{}\"", shorten_for_message(text)));
  } else if (Result<YearMonth> parsed = parse_year_month(period->get_ref<const std::string&>())) {
    r.period = *parsed;
  } else {
    faults.push_back(fmt::format("period: {}", parsed.error().message()));
  }
  std::optional<double> output = read_number(body, "output", faults);
  request.has_output = output.has_value();
  r.output = output.value_or(0);
  r.value_added = read_number(body, "value_added", faults);
  r.electricity = read_number(body, "electricity", faults);
  r.output_prev = read_number(body, "output_prev", faults);
  r.value_added_prev = read_number(body, "value_added_prev", faults);
  r.electricity_prev = read_number(body, "electricity_prev", faults);
  if (auto scope = body.find("in_scope"); scope != body.end() && !scope->is_null()) {
    if (scope->is_boolean()) {
      r.in_scope = scope->get<bool>();
    } else if (scope->is_number_integer() && (*scope == 0 || *scope == 1)) {
      r.in_scope = *scope == 1;
    } else {
      faults.push_back("in_scope: must be 0 or 1");
    }
  }
  if (auto explanations = body.find("explanations");
      explanations != body.end() && !explanations->is_null()) {
    if (!explanations->is_object()) {
      faults.push_back("explanations: must be an object of rule id → text");
    } else {
      for (const auto& [rule_id, text] : explanations->items()) {
        if (!text.is_string()) {
          faults.push_back(
              fmt::format("explanations.{}: must be text", shorten_for_message(rule_id)));
        } else if (!trim(text.get_ref<const std::string&>()).empty()) {
          request.explanations[rule_id] = text.get<std::string>();
        }
      }
    }
  }
  detail::read_submitted_products(body, request, faults);
  if (!faults.empty())
    return fail(Status::invalid_data(fmt::format("{}", fmt::join(faults, "\n"))));
  return request;
}

nlohmann::json violation_to_json(const RuleViolation& violation) {
  return Json{{"rule", violation.rule_id},
              {"field", violation.field},
              {"severity", severity_name(violation.severity)},
              {"message", violation.message},
              {"message_en", violation.message_en},
              {"explained", violation.explained}};
}

nlohmann::json submission_to_json(const Submission& submission,
                                  const std::vector<SubmissionEvent>* events) {
  const MonthlyRecord& r = submission.record;
  Json out{{"id", submission.id},
           {"uscc", r.uscc},
           {"period", r.period.to_string()},
           {"output", r.output},
           {"value_added", optional_json(r.value_added)},
           {"electricity", optional_json(r.electricity)},
           {"output_prev", optional_json(r.output_prev)},
           {"value_added_prev", optional_json(r.value_added_prev)},
           {"electricity_prev", optional_json(r.electricity_prev)},
           {"in_scope", r.in_scope ? 1 : 0},
           {"explanations", submission.explanations},
           {"products", detail::products_to_json(submission.products)},
           {"product_flags", detail::flags_to_json(submission.product_flags)},
           {"state", submission.state},
           {"submitted_by", submission.submitted_by},
           {"submitted_at", submission.submitted_at}};
  if (events != nullptr) {
    Json list = Json::array();
    for (const SubmissionEvent& e : *events) {
      list.push_back({{"id", e.id},
                      {"at", e.at},
                      {"user", e.user_name},
                      {"from", e.from_state},
                      {"to", e.to_state},
                      {"comment", e.comment}});
    }
    out["events"] = std::move(list);
  }
  return out;
}

}  // namespace zhizao
