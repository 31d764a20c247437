// Running figures (issue 17): an enterprise's cumulative figures from January to each month, as
// one stored cell per (month, enterprise), so that a cumulative window 1..M is read, not summed.
// A cell holds what enterprise_figures gives for the window 1..M without the two-year sums: the
// units of the year added one by one from January with add_unit (enterprise_figures.h), so the
// cell after the unit ending in M is the figures of 1..M, the same additions in the same order,
// the same bits. The columnar snapshot stores them beside the monthly columns (format 4).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>

#include "engine/enterprise_figures.h"
#include "engine/indexed_dataset.h"
#include "engine/monthly_columns.h"

namespace zhizao::detail {

// Fills `cells` (month-major as data.columns(): block s for month first_month + s, one cell per
// enterprise) for enterprises from..to: each cell the running figures of its year from January
// to its month (cell_of_figures). Cells of other enterprises are not touched, so two threads may
// fill disjoint ranges. A January cell of a year whose January and February fold into one unit
// holds the empty sum (no cumulative window ends in January).
void fill_running_figures(const IndexedDataset& data, std::size_t from, std::size_t to,
                          RunningFigures* cells);

// The cell of `figures` (two-year sums not kept) with `months_in_scope`. Every byte is set.
RunningFigures cell_of_figures(const EnterpriseFigures& figures, int months_in_scope);

// Sets `figures` to what a cell holds: enterprise_figures of the window 1..M without the two-year
// sums (those are set to zero). Field by field in place: a struct returned and copied in is
// loaded back in pieces the CPU cannot forward from the stores (see set_figures_of_periods.cc).
void set_figures_of_cell(const RunningFigures& cell, EnterpriseFigures& figures);

// Whether the figures of `window` (of enterprise e) can be read from data.columns().running:
// a window from January to a month M ≥ 2 that lies inside the columns, of columns that carry
// running figures.
bool has_running_cell(const IndexedDataset& data, const ReportWindow& window);

}  // namespace zhizao::detail
