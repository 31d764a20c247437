#include "engine/scoped_enterprises.h"

#include <algorithm>
#include <thread>

#include "engine/running_figures.h"

namespace zhizao::detail {
namespace {

// How many members ahead the cells are prefetched: two cache lines of a column.
constexpr std::size_t kPrefetchAhead = 16;

// Prefetches the cells enterprise_figures reads for `enterprise`: the window's months of its
// year and the year before (the year-ago records) and, for the two-year average, of the year
// before that.
void prefetch_window(const IndexedDataset& data, std::size_t enterprise, const ReportWindow& window,
                     TwoYearAverage two_year) {
  int years = two_year == TwoYearAverage::kCompute ? 3 : 2;
  for (int back = 0; back < years; ++back) {
    int year = window.year() - back;
    data.prefetch(enterprise, {year, window.from.month}, {year, window.to.month});
  }
}

// Returns the figures of every member, computed in contiguous slices on up to one thread per
// core (issue 3: both cores where it pays). Each enterprise's figures depend on its own records
// only, and the sets add them up afterwards in member order, so the result is the same bits as
// one thread's.
// With `shorter` (a prefix window of `window`), also fills `shorter_figures` from the same units.
std::vector<EnterpriseFigures> figures_of_members(
    const IndexedDataset& data, const std::vector<std::size_t>& members, const ReportWindow& window,
    TwoYearAverage two_year, const std::optional<ReportWindow>& shorter = std::nullopt,
    std::vector<EnterpriseFigures>* shorter_figures = nullptr) {
  std::vector<EnterpriseFigures> figures(members.size());
  if (shorter) shorter_figures->assign(members.size(), EnterpriseFigures{});
  auto compute = [&](std::size_t from, std::size_t to) {
    for (std::size_t i = from; i < to; ++i) {
      if (i + kPrefetchAhead < to) {
        prefetch_window(data, members[i + kPrefetchAhead], window, two_year);
      }
      figures[i] = shorter ? enterprise_figures(data, members[i], window, two_year, *shorter,
                                                (*shorter_figures)[i])
                           : enterprise_figures(data, members[i], window, two_year);
    }
  };
  std::size_t threads = std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, 8);
  if (members.size() < kParallelFrom || threads == 1) {
    compute(0, members.size());
    return figures;
  }
  std::vector<std::jthread> workers;
  std::size_t slice = (members.size() + threads - 1) / threads;
  for (std::size_t from = slice; from < members.size(); from += slice) {
    workers.emplace_back(compute, from, std::min(members.size(), from + slice));
  }
  compute(0, slice);
  for (std::jthread& worker : workers) worker.join();  // before `figures` is moved out
  return figures;
}

}  // namespace

Result<ScopedEnterprises> scoped_enterprises(const IndexedDataset& data,
                                             const ReportRequest& request,
                                             PreviousReport previous) {
  Result<ReportWindow> window = report_window(request.period, request.window);
  if (!window) return fail(window.error());
  Result<RegionScope> scope = RegionScope::resolve(data.dataset(), request.scope);
  if (!scope) return fail(scope.error());
  ScopedEnterprises scoped{*window, *scope, members_in_scope(data, *scope), {}, std::nullopt};
  std::optional<ReportWindow> shorter;
  if (previous == PreviousReport::kComputeWhenPrefix) {
    shorter = previous_report_window(request.period, request.window);
    if (shorter && !is_prefix_window(*shorter, *window)) shorter.reset();
    // Read from the stored running figures instead (engine.cc): a second vector of every
    // member's figures was a tenth of a national report's time, most of it first touches of
    // fresh memory.
    if (shorter && has_running_cell(data, *shorter)) shorter.reset();
  }
  if (shorter) scoped.previous_figures.emplace();
  scoped.figures = figures_of_members(data, scoped.members, *window, TwoYearAverage::kCompute,
                                      shorter, shorter ? &*scoped.previous_figures : nullptr);
  return scoped;
}

std::vector<std::size_t> members_in_scope(const IndexedDataset& data, const RegionScope& scope) {
  std::vector<std::size_t> members;
  for (std::size_t i = 0; i < data.enterprises().size(); ++i) {
    if (scope.contains(data.enterprises()[i].region)) members.push_back(i);
  }
  return members;
}

std::vector<EnterpriseFigures> figures_for_window(const IndexedDataset& data,
                                                  const std::vector<std::size_t>& members,
                                                  const ReportWindow& window) {
  return figures_of_members(data, members, window, TwoYearAverage::kSkip);
}

}  // namespace zhizao::detail
