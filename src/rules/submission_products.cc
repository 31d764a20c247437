// The products part of a submission: read, checked, stored and shown. The entry checks are those of
// product_output.csv's import (a registered code, a finite quantity ≥ 0, one row per key), each
// fault naming its entry as "products[I].FIELD" so that the form marks the right cell.
#include "rules/submission_products.h"

#include <fmt/format.h>

#include <charconv>
#include <cmath>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "base/text.h"

namespace zhizao::detail {
namespace {

using Json = nlohmann::json;

// Longer than any product code as written: beyond this a code is quoted cut.
constexpr std::size_t kLongestProductCode = 64;

std::string entry_field(std::size_t index, const char* field) {
  return fmt::format("products[{}].{}", index, field);
}

RuleViolation hard_fault(const char* rule_id, std::string field, std::string zh, std::string en) {
  return {rule_id, std::move(field), Severity::kHard, std::move(zh), std::move(en), false};
}

// Reads a quantity of entry `index`: a JSON number or a decimal string, finite and ≥ 0. Absent,
// null or "" is nullopt (a fault when `required`). Appends a fault to `faults` otherwise.
std::optional<double> read_quantity(const Json& entry, std::size_t index, const char* key,
                                    bool required, std::vector<RuleViolation>& faults) {
  std::string field = entry_field(index, key);
  auto it = entry.find(key);
  std::optional<double> value;
  if (it != entry.end() && it->is_number()) {
    value = it->get<double>();
  } else if (it != entry.end() && it->is_string()) {
    std::string text(trim(it->get_ref<const std::string&>()));
    if (!text.empty()) {
      double parsed = 0;
      auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), parsed);
      if (error != std::errc() || end != text.data() + text.size()) {
        std::string quoted = shorten_for_message(text);
        faults.push_back(hard_fault("product_quantity_invalid", field,
                                    fmt::format("{}：不是数字：\"{}\"", field, quoted),
                                    fmt::format("{}: not a number: \"{}\"", field, quoted)));
        return std::nullopt;
      }
      value = parsed;
    }
  } else if (it != entry.end() && !it->is_null()) {
    faults.push_back(hard_fault("product_quantity_invalid", field,
                                fmt::format("{}：必须是数字", field),
                                fmt::format("{}: must be a number", field)));
    return std::nullopt;
  }
  if (!value) {
    if (required) {
      faults.push_back(hard_fault("product_quantity_invalid", field,
                                  fmt::format("{}：产量必填", field),
                                  fmt::format("{}: required", field)));
    }
    return std::nullopt;
  }
  if (!std::isfinite(*value)) {
    faults.push_back(hard_fault("product_quantity_invalid", field,
                                fmt::format("{}：必须是有限的数", field),
                                fmt::format("{}: must be a finite number", field)));
    return std::nullopt;
  }
  if (*value < 0) {
    faults.push_back(hard_fault("product_quantity_negative", field,
                                fmt::format("{}：产量不能为负数（{:g}）", field, *value),
                                fmt::format("{}: must not be negative ({:g})", field, *value)));
    return std::nullopt;
  }
  return value;
}

// Reads entry `index`'s code; "" after a fault. `first_index` maps each code to its first entry.
std::string read_code(const Json& entry, std::size_t index,
                      std::map<std::string, std::size_t>& first_index,
                      std::vector<RuleViolation>& faults) {
  std::string field = entry_field(index, "product");
  auto it = entry.find("product");
  std::string code = it != entry.end() && it->is_string()
                         ? std::string(trim(it->get_ref<const std::string&>()))
                         : std::string();
  if (code.empty()) {
    faults.push_back(hard_fault("product_code_missing", field,
                                fmt::format("{}：产品代码必填（文本）", field),
                                fmt::format("{}: required (the product's code, text)", field)));
    return code;
  }
  if (code.size() > kLongestProductCode) code = shorten_for_message(code, kLongestProductCode);
  auto [first, inserted] = first_index.emplace(code, index);
  if (!inserted) {
    faults.push_back(hard_fault(
        "product_duplicate", field,
        fmt::format("{}：产品 {} 与第 {} 项重复，每个产品只填一行", field, code, first->second),
        fmt::format("{}: product {} is already entry {}; one entry per product", field, code,
                    first->second)));
  }
  return code;
}

RuleViolation divergence_violation(const ProductDivergence& flag, std::size_t index,
                                   const std::map<std::string, std::string>& explanations) {
  std::string rule_id = "product_divergence." + flag.product;
  return {
      rule_id,
      entry_field(index, "quantity"),
      Severity::kSoft,
      fmt::format("产品 {} 产量同比增长 {:.1f}%，工业总产值同比增长 {:.1f}%，相差 {:.1f} 个百分点，"
                  "超过 {:g} 个百分点，请核实并说明",
                  flag.product, flag.quantity_growth, flag.output_growth, flag.gap,
                  kDefaultDivergenceBand),
      fmt::format("product {}: quantity {:+.1f}% on a year before against output {:+.1f}%, "
                  "{:.1f} points apart, beyond the {:g}-point band; verify and explain",
                  flag.product, flag.quantity_growth, flag.output_growth, flag.gap,
                  kDefaultDivergenceBand),
      explanations.contains(rule_id)};
}

std::optional<double> optional_number(const Json& object, const char* key) {
  auto it = object.find(key);
  if (it == object.end() || !it->is_number()) return std::nullopt;
  return it->get<double>();
}

Status unreadable(long id, const char* what) {
  return Status::corruption(fmt::format("submission #{}: stored {} unreadable", id, what));
}

}  // namespace

void read_submitted_products(const nlohmann::json& body, SubmissionRequest& request,
                             std::vector<std::string>& faults) {
  auto products = body.find("products");
  if (products == body.end() || products->is_null()) return;
  if (!products->is_array()) {
    faults.push_back("products: must be a list of {product, quantity, quantity_prev}");
    return;
  }
  if (products->size() > kMaxSubmittedProducts) {
    faults.push_back(fmt::format("products: at most {} entries ({} given)", kMaxSubmittedProducts,
                                 products->size()));
    return;
  }
  std::vector<SubmittedQuantity> entries;
  entries.reserve(products->size());
  std::map<std::string, std::size_t> first_index;
  for (std::size_t i = 0; i < products->size(); ++i) {
    const Json& entry = (*products)[i];
    SubmittedQuantity quantity;
    if (!entry.is_object()) {
      std::string field = fmt::format("products[{}]", i);
      request.product_faults.push_back(hard_fault(
          "product_entry_invalid", field,
          fmt::format("{}：应为 {{product, quantity, quantity_prev}} 对象", field),
          fmt::format("{}: must be an object {{product, quantity, quantity_prev}}", field)));
      entries.push_back(std::move(quantity));
      continue;
    }
    quantity.product = read_code(entry, i, first_index, request.product_faults);
    quantity.quantity =
        read_quantity(entry, i, "quantity", true, request.product_faults).value_or(0);
    quantity.quantity_prev =
        read_quantity(entry, i, "quantity_prev", false, request.product_faults);
    entries.push_back(std::move(quantity));
  }
  request.products = std::move(entries);
}

Result<ProductCheck> check_submitted_products(const SubmissionStore& store,
                                              const SubmissionRequest& request,
                                              const std::vector<MonthlyRecord>& history) {
  ProductCheck check;
  if (!request.products || request.products->empty()) return check;
  const std::vector<SubmittedQuantity>& products = *request.products;
  std::vector<std::string> codes;
  for (const SubmittedQuantity& product : products) {
    if (!product.product.empty()) codes.push_back(product.product);
  }
  Result<std::set<std::string>> known = store.known_products(codes);
  if (!known) return fail(known.error());
  for (std::size_t i = 0; i < products.size(); ++i) {
    const std::string& code = products[i].product;
    if (code.empty() || known->contains(code)) continue;
    std::string field = entry_field(i, "product");
    std::string quoted = shorten_for_message(code);
    check.violations.push_back(hard_fault(
        "product_unknown", field,
        fmt::format("{}：产品代码 \"{}\" 不在产品目录（products.csv）中", field, quoted),
        fmt::format("{}: unknown product code \"{}\" (not in products.csv)", field, quoted)));
  }
  if (!check.violations.empty() || !request.product_faults.empty()) return check;

  const MonthlyRecord& record = request.record;
  const YearMonth year_before = record.period.plus_months(-12);
  std::optional<double> output_previous = record.output_prev;
  if (!output_previous) {
    for (const MonthlyRecord& month : history) {
      if (month.period == year_before) output_previous = month.output;
    }
  }
  Result<std::map<std::string, double>> stored = store.product_quantities(record.uscc, year_before);
  if (!stored) return fail(stored.error());
  std::vector<SubmittedProduct> submitted;
  std::map<std::string, std::size_t> index_of;
  for (std::size_t i = 0; i < products.size(); ++i) {
    std::optional<double> previous = products[i].quantity_prev;
    if (auto it = stored->find(products[i].product); !previous && it != stored->end()) {
      previous = it->second;
    }
    submitted.push_back({products[i].product, products[i].quantity, previous});
    index_of.emplace(products[i].product, i);
  }
  check.flags = diverging_products(record.output, output_previous, submitted);
  for (const ProductDivergence& flag : check.flags) {
    check.violations.push_back(
        divergence_violation(flag, index_of.at(flag.product), request.explanations));
  }
  return check;
}

std::string products_to_json_text(const std::vector<SubmittedQuantity>& products) {
  return products_to_json(products).dump();
}

std::string flags_to_json_text(const std::vector<ProductDivergence>& flags) {
  return flags_to_json(flags).dump();
}

Result<std::optional<std::vector<SubmittedQuantity>>> products_from_json_text(
    long id, const std::optional<std::string>& text) {
  if (!text) return std::optional<std::vector<SubmittedQuantity>>();
  Json list = Json::parse(*text, nullptr, false);
  if (list.is_discarded() || !list.is_array()) return fail(unreadable(id, "products"));
  std::vector<SubmittedQuantity> products;
  for (const Json& entry : list) {
    auto code = entry.is_object() ? entry.find("product") : entry.end();
    std::optional<double> quantity =
        entry.is_object() ? optional_number(entry, "quantity") : std::nullopt;
    if (!entry.is_object() || code == entry.end() || !code->is_string() || !quantity) {
      return fail(unreadable(id, "products"));
    }
    products.push_back(
        {code->get<std::string>(), *quantity, optional_number(entry, "quantity_prev")});
  }
  return std::optional<std::vector<SubmittedQuantity>>(std::move(products));
}

Result<std::vector<ProductDivergence>> flags_from_json_text(long id, const std::string& text) {
  Json list = Json::parse(text, nullptr, false);
  if (list.is_discarded() || !list.is_array()) return fail(unreadable(id, "product flags"));
  std::vector<ProductDivergence> flags;
  for (const Json& entry : list) {
    if (!entry.is_object() || !entry.contains("product") || !entry["product"].is_string()) {
      return fail(unreadable(id, "product flags"));
    }
    flags.push_back({entry["product"].get<std::string>(),
                     optional_number(entry, "quantity_growth").value_or(0),
                     optional_number(entry, "output_growth").value_or(0),
                     optional_number(entry, "gap").value_or(0)});
  }
  return flags;
}

nlohmann::json products_to_json(const std::optional<std::vector<SubmittedQuantity>>& products) {
  if (!products) return Json(nullptr);
  Json list = Json::array();
  for (const SubmittedQuantity& product : *products) {
    list.push_back(
        {{"product", product.product},
         {"quantity", product.quantity},
         {"quantity_prev", product.quantity_prev ? Json(*product.quantity_prev) : Json(nullptr)}});
  }
  return list;
}

nlohmann::json flags_to_json(const std::vector<ProductDivergence>& flags) {
  Json list = Json::array();
  for (const ProductDivergence& flag : flags) {
    list.push_back({{"product", flag.product},
                    {"quantity_growth", flag.quantity_growth},
                    {"output_growth", flag.output_growth},
                    {"gap", flag.gap}});
  }
  return list;
}

std::vector<ProductOutput> product_output_rows(const std::string& uscc, YearMonth period,
                                               const std::vector<SubmittedQuantity>& products) {
  std::vector<ProductOutput> rows;
  rows.reserve(products.size());
  for (const SubmittedQuantity& product : products) {
    rows.push_back({uscc, period, product.product, product.quantity, product.quantity_prev});
  }
  return rows;
}

}  // namespace zhizao::detail
