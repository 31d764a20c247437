#include "engine/key_enterprises.h"

#include <algorithm>

#include "engine/set_aggregation.h"
#include "engine/shares.h"

namespace zhizao::detail {

KeyEnterprises key_enterprise_figures(const IndexedDataset& data, const ScopedEnterprises& scoped) {
  KeyEnterprises key;
  SumsAccumulator total;
  for (std::size_t i = 0; i < scoped.members.size(); ++i) {
    const Enterprise& enterprise = data.enterprises()[scoped.members[i]];
    if (!enterprise.key) continue;
    ++key.count;
    const ComparableSums& output = scoped.figures[i].output;
    total.add(output);
    KeyEnterpriseFigures figures;
    figures.uscc = enterprise.uscc;
    figures.name = enterprise.name;
    figures.division = enterprise.division;
    figures.region = enterprise.region;
    figures.output = output;
    figures.output_growth = output.growth();
    if (std::optional<double> g = figures.output_growth) {
      if (*g > 30) ++key.over_30;
      if (*g > 50) ++key.over_50;
      if (*g >= 100) ++key.doubled;
      if (*g > 0) ++key.growing;
      if (*g < 0) ++key.declining;
    }
    key.enterprises.push_back(std::move(figures));
  }
  key.output = total.sums();
  key.output_growth = key.output.growth();
  for (KeyEnterpriseFigures& figures : key.enterprises) {
    figures.pull = pull_on(figures.output, key.output);
  }
  std::stable_sort(key.enterprises.begin(), key.enterprises.end(),
                   [](const KeyEnterpriseFigures& a, const KeyEnterpriseFigures& b) {
                     bool a_pairs = a.output.pairs > 0;
                     bool b_pairs = b.output.pairs > 0;
                     if (a_pairs != b_pairs) return a_pairs;
                     if (a_pairs && a.output.increase() != b.output.increase()) {
                       return a.output.increase() > b.output.increase();
                     }
                     return a.uscc < b.uscc;
                   });
  return key;
}

}  // namespace zhizao::detail
