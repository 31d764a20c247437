#include "engine/set_figures_of_periods.h"

#include <algorithm>
#include <array>
#include <thread>

#include "engine/comparable_pair.h"
#include "engine/enterprise_figures.h"
#include "engine/region_scope.h"
#include "engine/report_sets.h"
#include "engine/running_figures.h"
#include "engine/scoped_enterprises.h"
#include "engine/set_membership.h"
#include "engine/window.h"

namespace zhizao::detail {
namespace {

// Members whose figures are held at a time, per window: 2,048 × 11 windows × 136 bytes ≈ 3 MB,
// about what the caches hold (8,192 spent a tenth of the runs storing figures to memory).
constexpr std::size_t kChunk = 2048;

// How many members ahead the cells are prefetched (as in scoped_enterprises.cc).
constexpr std::size_t kPrefetchAhead = 16;

// The windows of one year and the months their units must cover.
struct YearOfWindows {
  int year = 0;
  int first_month = 12;
  int last_month = 1;
  std::vector<std::size_t> windows;  // positions in the periods
  // The windows that start at first_month, by last month: prefixes of the year's units, whose
  // figures are taken from one running sum (see figures_of_chunk); the others are summed alone.
  std::vector<std::size_t> prefixes;
  std::vector<std::size_t> others;
  // The windows read from the stored running figures (engine/running_figures.h), apart from
  // the above; a year with only these reads no units at all.
  std::vector<std::size_t> stored;

  bool needs_units() const { return !prefixes.empty() || !others.empty(); }
};

std::vector<YearOfWindows> years_of(const IndexedDataset& data,
                                    const std::vector<ReportWindow>& windows) {
  std::vector<YearOfWindows> years;
  for (std::size_t w = 0; w < windows.size(); ++w) {
    auto year = std::find_if(years.begin(), years.end(),
                             [&](const YearOfWindows& y) { return y.year == windows[w].year(); });
    if (year == years.end())
      year = years.insert(years.end(), {windows[w].year(), 12, 1, {}, {}, {}, {}});
    if (has_running_cell(data, windows[w])) {
      year->stored.push_back(w);
      continue;
    }
    year->first_month = std::min(year->first_month, windows[w].from.month);
    year->last_month = std::max(year->last_month, windows[w].to.month);
    year->windows.push_back(w);
  }
  for (YearOfWindows& year : years) {
    for (std::size_t w : year.windows) {
      (windows[w].from.month == year.first_month ? year.prefixes : year.others).push_back(w);
    }
    std::stable_sort(year.prefixes.begin(), year.prefixes.end(), [&](std::size_t a, std::size_t b) {
      return windows[a].to.month < windows[b].to.month;
    });
  }
  return years;
}

// The stored running figures of `enterprise` for `window` (has_running_cell(data, window)).
const RunningFigures* running_cell(const IndexedDataset& data, const ReportWindow& window,
                                   std::size_t enterprise) {
  return data.columns().running + data.columns().offset(window.to.index(), enterprise);
}

// Returns the months in scope of `window` (flags by month number).
int months_in_scope(const ReportWindow& window, const std::array<bool, 13>& in_scope) {
  int months = 0;
  for (int month = window.from.month; month <= window.to.month; ++month) {
    if (in_scope[static_cast<std::size_t>(month)]) ++months;
  }
  return months;
}

// Stores `figures` with `months` in scope at `to`. Copied first and the count written after: a
// copy made just after the count was stored into the source loaded it back in 16-byte pieces,
// which the CPU cannot forward from the 4-byte store — most of this file's time at national
// scale (perf annotate).
void store_figures(const EnterpriseFigures& figures, int months, EnterpriseFigures& to) {
  to = figures;
  to.months_in_scope = months;
}

// Fills figures[w][i - from] for members from..to of every window w.
void figures_of_chunk(const IndexedDataset& data, const std::vector<std::size_t>& members,
                      const std::vector<ReportWindow>& windows,
                      const std::vector<YearOfWindows>& years, std::size_t chunk_from,
                      std::size_t from, std::size_t to,
                      std::vector<std::vector<EnterpriseFigures>>& figures) {
  std::vector<PairUnit> units;  // one buffer for every member and year
  for (std::size_t i = from; i < to; ++i) {
    std::size_t enterprise = members[i];
    if (i + kPrefetchAhead < to) {
      // As scoped_enterprises.cc does: the cells of a member ahead, of each year and the year
      // before it (the year-ago records), so that record() does not wait on memory.
      for (const YearOfWindows& year : years) {
        for (std::size_t w : year.stored) {
          __builtin_prefetch(running_cell(data, windows[w], members[i + kPrefetchAhead]));
        }
        if (!year.needs_units()) continue;
        for (int back = 0; back < 2; ++back) {
          data.prefetch(members[i + kPrefetchAhead], {year.year - back, year.first_month},
                        {year.year - back, year.last_month});
        }
      }
    }
    for (const YearOfWindows& year : years) {
      // A stored cell is figures_of_units over the year's units from January to the window's
      // last month with the months in scope of that window: the same bits as summed below.
      for (std::size_t w : year.stored) {
        set_figures_of_cell(*running_cell(data, windows[w], enterprise),
                            figures[w][i - chunk_from]);
      }
      if (!year.needs_units()) continue;
      pair_units(data, enterprise, year.year, year.first_month, year.last_month,
                 ScopeRule::kInScopeOnly, units);
      std::array<bool, 13> in_scope{};
      for (int month = year.first_month; month <= year.last_month; ++month) {
        in_scope[static_cast<std::size_t>(month)] =
            data.has_record_in_scope(enterprise, {year.year, month});
      }
      // The units are in month order and start at the year's first month, so a window from that
      // month holds the units up to its last month: the running figures after adding them are
      // figures_of_units' for that window — the same additions in the same order, the same bits.
      EnterpriseFigures running;
      std::size_t next = 0;
      for (std::size_t w : year.prefixes) {
        const ReportWindow& window = windows[w];
        for (; next < units.size() && units[next].last_month <= window.to.month; ++next) {
          add_unit(units[next], running);
        }
        store_figures(running, months_in_scope(window, in_scope), figures[w][i - chunk_from]);
      }
      for (std::size_t w : year.others) {
        const ReportWindow& window = windows[w];
        store_figures(figures_of_units(units, window.from.month, window.to.month),
                      months_in_scope(window, in_scope), figures[w][i - chunk_from]);
      }
    }
  }
}

// Runs work(0, n) on this thread, or work(0, n/2) here and work(n/2, n) on a second one.
template <typename Work>
void on_two_threads_if(bool parallel, std::size_t n, Work work) {
  if (!parallel || n < 2) {
    work(std::size_t{0}, n);
    return;
  }
  std::jthread second(work, n / 2, n);
  work(std::size_t{0}, n / 2);
}

}  // namespace

Result<std::vector<ReportData>> set_figures_of_periods(const IndexedDataset& data,
                                                       const ReportRequest& request,
                                                       std::span<const YearMonth> periods,
                                                       SetFamilies families) {
  std::vector<ReportWindow> windows;
  for (YearMonth period : periods) {
    Result<ReportWindow> window = report_window(period, request.window);
    if (!window) return fail(window.error());
    windows.push_back(*window);
  }
  Result<RegionScope> scope = RegionScope::resolve(data.dataset(), request.scope);
  if (!scope) return fail(scope.error());
  const std::vector<std::size_t> members = members_in_scope(data, *scope);
  const std::vector<YearOfWindows> years = years_of(data, windows);

  SetMembership membership(data, members);
  std::vector<ReportSetSums> sums;
  sums.reserve(windows.size());
  for (std::size_t w = 0; w < windows.size(); ++w) sums.emplace_back(membership, families);
  const bool parallel = members.size() >= kParallelFrom && std::thread::hardware_concurrency() > 1;
  std::vector<std::vector<EnterpriseFigures>> figures(
      windows.size(), std::vector<EnterpriseFigures>(std::min(kChunk, members.size())));
  for (std::size_t chunk = 0; chunk < members.size(); chunk += kChunk) {
    const std::size_t end = std::min(members.size(), chunk + kChunk);
    on_two_threads_if(parallel, end - chunk, [&](std::size_t from, std::size_t to) {
      figures_of_chunk(data, members, windows, years, chunk, chunk + from, chunk + to, figures);
    });
    // Each window's sets get the chunk's members in member order; windows are independent.
    on_two_threads_if(parallel, windows.size(), [&](std::size_t from, std::size_t to) {
      for (std::size_t w = from; w < to; ++w) {
        for (std::size_t i = chunk; i < end; ++i) {
          sums[w].add_to_industry_sets(i, figures[w][i - chunk]);
          sums[w].add_to_regional_sets(i, figures[w][i - chunk]);
        }
      }
    });
  }

  std::vector<ReportData> reports(windows.size());
  for (std::size_t w = 0; w < windows.size(); ++w) {
    ReportData& report = reports[w];
    report.period = periods[w];
    report.window = request.window;
    report.window_from = windows[w].from;
    report.window_to = windows[w].to;
    report.scope = request.scope;
    sums[w].fill(report);
    finish_report_sets(report);
  }
  return reports;
}

}  // namespace zhizao::detail
