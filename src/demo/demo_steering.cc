// The demo's campaign and targets. Synthetic, like the rest of the demo (docs/demo.md): the
// seed's two targets keep their real values (manufacturing output above one trillion yuan, 30
// manufacturing enterprises of the metropolitan area above 10 billion yuan of output, both by
// 2025), against the demo's invented output (about 5 700亿元 of manufacturing over the 12 months
// to April 2021); the county target and the campaign's plan are invented to fit the demo.
#include "demo/demo_steering.h"

namespace zhizao::detail {
namespace {

constexpr const char* kCampaignId = "bairi-2021";
constexpr CivilDate kCampaignFrom{2021, 3, 1};
constexpr CivilDate kCampaignTo{2021, 6, 8};  // 100 days

bool within_campaign(const std::optional<CivilDate>& date) {
  return date && kCampaignFrom <= *date && *date <= kCampaignTo;
}

Campaign hundred_day_campaign() {
  Campaign campaign;
  campaign.id = kCampaignId;
  campaign.name = "2021年重点项目建设百日攻坚行动（演示）";
  campaign.from = kCampaignFrom;
  campaign.to = kCampaignTo;
  campaign.planned_starts = 100;
  campaign.planned_completions = 8;
  campaign.planned_investment = 600'000;  // 万元, 60亿元
  return campaign;
}

Target target(const char* id, const char* name, TargetIndicator indicator, const char* scope,
              double value, std::optional<double> threshold) {
  Target t;
  t.id = id;
  t.name = name;
  t.indicator = indicator;
  t.scope = scope;
  t.year = 2025;
  t.value = value;
  t.threshold = threshold;
  return t;
}

}  // namespace

void add_steering_plans(Dataset& dataset) {
  dataset.campaigns.push_back(hundred_day_campaign());
  for (Project& project : dataset.projects) {
    if (within_campaign(project.planned_start) || within_campaign(project.planned_completion)) {
      project.campaign = kCampaignId;
    }
  }
  dataset.targets.push_back(target("manufacturing-trillion", "制造业总产值突破万亿元（演示）",
                                   TargetIndicator::kManufacturingOutput, "410300", 1e8,
                                   std::nullopt));
  dataset.targets.push_back(target("metro-30-over-10bn", "都市圈30家制造业企业产值超百亿元（演示）",
                                   TargetIndicator::kManufacturingEnterprisesOver, "luoyang-metro",
                                   30, 1'000'000));
  dataset.targets.push_back(target("yanshi-150bn", "偃师区规上工业总产值突破1500亿元（演示）",
                                   TargetIndicator::kOutput, "410307", 15'000'000, std::nullopt));
}

}  // namespace zhizao::detail
