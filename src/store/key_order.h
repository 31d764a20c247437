// The order in which an import stores a batch's rows: the order of the table's primary key.
// SQLite keeps a WITHOUT ROWID table as a B-tree on that key; rows that arrive in key order are
// appended to the right-most leaf (full pages, no splits in the middle, every page written once),
// whereas the file order of a national monthly file (enterprise after enterprise, USCCs in no
// order) touches a random leaf per enterprise: at 500,000 enterprises the tree outgrows the page
// cache and each spill rewrites pages that later rows dirty again.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "domain/records.h"
#include "store/database.h"

namespace zhizao::detail {

// Returns the positions of `rows` sorted by (uscc, period), the monthly records' key, bytewise as
// SQLite's BINARY collation compares text. Rows with equal keys keep their file order. Costs
// O(n + r log r) for a file made of r runs of one enterprise's months in ascending order (what
// every export and the contract's template produce), and otherwise about O(n + e log e) for e
// enterprises (a counting sort on the enterprises' ranks). When `distinct` is given it says
// whether the keys were found to be all different on the way (kYes), else kUnknown.
// Thread-safe.
enum class KeysDistinct { kUnknown, kYes };
std::vector<uint32_t> monthly_key_order(const std::vector<MonthlyRecord>& rows,
                                        KeysDistinct* distinct = nullptr);

// Returns the key order of batch.rows.monthly: batch.monthly_order when it has one position per
// row, else monthly_key_order(batch.rows.monthly) computed into `scratch`. The span refers to
// one of the two. Thread-safe as monthly_key_order.
std::span<const uint32_t> monthly_key_order(const SourcedBatch& batch,
                                            std::vector<uint32_t>& scratch);

// Returns the positions of `rows` sorted by uscc (the enterprise table's key), equal keys in file
// order. Thread-safe.
std::vector<uint32_t> enterprise_key_order(const std::vector<Enterprise>& rows);

}  // namespace zhizao::detail
