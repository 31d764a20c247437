// The demo's enterprise service. Synthetic like the rest of the demo (docs/demo.md): cadres are
// numbered, not named ("包联干部07（演示）"); departments are the usual offices of a city; every
// finding and case title ends with （演示）. At the article's period (2021-04, cumulative) the
// service figures are, by hand from the table below: 9 cases resolved (days 6, 6, 8, 9, 14, 16,
// 24, 24, 36: median 14), 6 of them on time (66.7%), mean rating 28 / 7 = 4.0, and 3 open and
// overdue at 2021-04-30 (政策 of 03-15, 用地 of 03-20, 政策 of 04-10 resolved only on 05-10).
#include "demo/demo_service.h"

#include <fmt/format.h>

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "store/case_store.h"

namespace zhizao::detail {
namespace {

constexpr std::array<const char*, 5> kDepartments = {"市工信局", "市发改委", "市商务局",
                                                     "市自然资源和规划局", "市纪委监委"};

constexpr std::array<const char*, 6> kFindings = {
    "生产经营正常（演示）",     "反映用工紧张，已对接人社部门（演示）",
    "询问技改补贴政策（演示）", "订单饱满，产能偏紧（演示）",
    "反映物流成本上升（演示）", "无新增诉求（演示）"};

// One designed case: raised on `raised`, due `days` later, resolved `resolved_after` days after
// raising (none: open), rated or not, in workflow state `state`, escalated to the city or not.
struct DemoCase {
  const char* category;
  const char* department;
  const char* title;
  CivilDate raised;
  int days;
  std::optional<int> resolved_after;
  std::optional<int> rating;
  const char* state;
  bool escalated;
};

const std::vector<DemoCase>& demo_cases() {
  static const std::vector<DemoCase> cases = {
      {"用地",
       "市自然资源和规划局",
       "厂区扩建用地指标",
       {2021, 1, 8},
       30,
       24,
       5,
       "evaluated",
       false},
      {"融资", "市发改委", "技改项目贷款贴息", {2021, 1, 15}, 20, 36, 3, "evaluated", true},
      {"用电", "市发改委", "新增变压器接电", {2021, 2, 3}, 7, 6, 5, "evaluated", false},
      {"用工", "市工信局", "技术工人招聘", {2021, 2, 22}, 10, 9, 4, "evaluated", false},
      {"审批", "市商务局", "环评批复加快", {2021, 3, 1}, 15, 24, std::nullopt, "resolved", true},
      {"物流", "市商务局", "货运车辆通行证", {2021, 3, 10}, 10, 8, 2, "evaluated", false},
      {"政策",
       "市工信局",
       "首台套奖励申报",
       {2021, 3, 15},
       15,
       std::nullopt,
       std::nullopt,
       "in_progress",
       true},
      {"用地",
       "市自然资源和规划局",
       "不动产权证办理",
       {2021, 3, 20},
       30,
       std::nullopt,
       std::nullopt,
       "assigned",
       true},
      {"用水", "市发改委", "工业用水扩容", {2021, 4, 2}, 7, 6, 5, "evaluated", false},
      {"融资", "市发改委", "应急转贷", {2021, 4, 6}, 20, 14, std::nullopt, "resolved", false},
      {"用电", "市发改委", "错峰用电调整", {2021, 4, 12}, 7, 16, 4, "evaluated", true},
      {"审批",
       "市商务局",
       "施工许可",
       {2021, 4, 20},
       15,
       std::nullopt,
       std::nullopt,
       "in_progress",
       false},
      {"用工",
       "市工信局",
       "职业技能培训补贴",
       {2021, 4, 26},
       10,
       std::nullopt,
       std::nullopt,
       "raised",
       false},
      {"政策", "市工信局", "技改奖补资金拨付", {2021, 4, 10}, 15, 30, 3, "evaluated", true},
      {"物流", "市商务局", "铁路专用线协调", {2021, 5, 12}, 10, 8, 5, "evaluated", false},
      {"用地",
       "市自然资源和规划局",
       "二期项目用地预审",
       {2021, 6, 1},
       30,
       std::nullopt,
       std::nullopt,
       "assigned",
       false},
  };
  return cases;
}

CivilDate plus_days(const CivilDate& date, int days) {
  CivilDate out = date;
  for (int i = 0; i < days; ++i) {
    if (out.day < days_in_month(out.year, out.month)) {
      ++out.day;
    } else if (out.month < 12) {
      out = {out.year, out.month + 1, 1};
    } else {
      out = {out.year + 1, 1, 1};
    }
  }
  return out;
}

std::vector<const Enterprise*> key_enterprises(const Dataset& dataset) {
  std::vector<const Enterprise*> keys;
  for (const Enterprise& enterprise : dataset.enterprises) {
    if (enterprise.key) keys.push_back(&enterprise);
  }
  return keys;
}

std::string cadre_name(std::size_t key_index) {
  return fmt::format("包联干部{:02d}（演示）", key_index / 3 + 1);
}

std::string case_id(std::size_t index) { return fmt::format("YS2021-{:03d}", index + 1); }

ServiceCase contract_row(const DemoCase& c, std::size_t index, const std::string& uscc) {
  ServiceCase row;
  row.id = case_id(index);
  row.uscc = uscc;
  row.raised = c.raised;
  row.category = c.category;
  row.department = c.department;
  row.deadline = plus_days(c.raised, c.days);
  if (c.resolved_after) row.resolved = plus_days(c.raised, *c.resolved_after);
  row.rating = c.rating;
  return row;
}

}  // namespace

void add_demo_service(Dataset& dataset) {
  const std::vector<const Enterprise*> keys = key_enterprises(dataset);
  if (keys.empty()) return;
  for (std::size_t k = 0; k < keys.size(); ++k) {
    dataset.assignments.push_back(
        {keys[k]->uscc, cadre_name(k), kDepartments[k % (kDepartments.size() - 1)]});
    if (k % 10 == 0) {  // 纪检监察干部每人必联 (the seed's 五每), beside the bureau's cadre
      dataset.assignments.push_back(
          {keys[k]->uscc, fmt::format("纪检监察干部{:02d}（演示）", k / 10 + 1), kDepartments[4]});
    }
  }
  // Visits of January–June 2021, about one in nine missed (每月必访 with gaps).
  for (int month = 1; month <= 6; ++month) {
    for (std::size_t k = 0; k < keys.size(); ++k) {
      if ((k * 7 + static_cast<std::size_t>(month) * 3) % 9 == 0) continue;
      const int day = 3 + static_cast<int>((k * 5 + static_cast<std::size_t>(month)) % 25);
      dataset.visits.push_back(
          {keys[k]->uscc,
           {2021, month, day},
           cadre_name(k),
           kFindings[(k + static_cast<std::size_t>(month)) % kFindings.size()]});
    }
  }
  const std::vector<DemoCase>& cases = demo_cases();
  for (std::size_t i = 0; i < cases.size(); ++i) {
    ServiceCase row = contract_row(cases[i], i, keys[(i * 7) % keys.size()]->uscc);
    dataset.cases.push_back(std::move(row));
  }
}

Status add_demo_case_workflow(Database& db) {
  Result<Dataset> loaded = db.load();
  if (!loaded) return loaded.error();
  CaseStore store(db);
  const std::vector<DemoCase>& cases = demo_cases();
  for (std::size_t i = 0; i < cases.size(); ++i) {
    const DemoCase& c = cases[i];
    const std::string id = case_id(i);
    StoredCase stored;
    bool found = false;
    for (const ServiceCase& row : loaded->cases) {
      if (row.id != id) continue;
      stored.row = row;  // the contract's row as the apply stored it
      found = true;
    }
    if (!found) return Status::internal("demo case " + id + " was not stored first");
    Result<std::optional<CaseEnterprise>> enterprise = store.enterprise(stored.row.uscc);
    if (!enterprise) return enterprise.error();
    stored.region = *enterprise ? (*enterprise)->region : "";
    stored.title = std::string(c.title) + "（演示）";
    stored.description = "合成的演示诉求，非真实企业反映的问题。";
    stored.state = c.state;
    stored.assignee = std::string(c.state) == "raised" ? "" : cadre_name(i);
    stored.level = c.escalated ? "city" : "county";
    stored.escalated_at =
        c.escalated ? plus_days(stored.row.deadline, 1).to_string() + "T00:00:00Z" : "";
    stored.remind_days = 3;
    stored.raised_by = "demo";
    stored.updated_at = "2021-06-30T00:00:00Z";
    stored.revision = 1;
    Result<bool> written = store.write(
        stored,
        {0, stored.updated_at, "demo", "import", "", stored.state, "synthetic demo case", ""},
        {0, "", "demo", "cli", "case.import", id, R"({"synthetic": true})"}, ImportedCase::kAdopt);
    if (!written) return written.error();
    if (!*written) return Status::internal("demo case " + id + " was already in the workflow");
  }
  return Status::ok();
}

}  // namespace zhizao::detail
