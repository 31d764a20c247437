// 重点企业: the key enterprises' output growth, each one's own growth g_e and the counts of fast
// growers (data contract, "Indicator definitions": key enterprises).
#pragma once

#include "engine/indexed_dataset.h"
#include "engine/report_data.h"
#include "engine/scoped_enterprises.h"

namespace zhizao::detail {

// Returns the figures of the key enterprises of the scope. The list holds every key enterprise,
// by increase of output (largest first), those without a comparable pair last (by uscc); pull is
// 100 × increase / Σ previous output of all key enterprises.
KeyEnterprises key_enterprise_figures(const IndexedDataset& data, const ScopedEnterprises& scoped);

}  // namespace zhizao::detail
