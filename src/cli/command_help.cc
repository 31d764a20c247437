// zhizao help TOPIC: the short manual, in the binary so that it is always the right version.
#include <fmt/format.h>

#include <map>
#include <memory>
#include <string_view>

#include "cli/commands.h"
#include "cli/exit_code.h"

namespace zhizao {
namespace {

constexpr std::string_view kFiles = R"txt(The data files (../shared/data-contract.md)

CSV per RFC 4180, one header row, columns in any order; UTF-8 (with or without BOM) or
GB18030/GBK as Excel and WPS write them (detected; force with --encoding); English or Chinese
headers; a unit in brackets after a header is ignored ("工业总产值(万元)"). Money in 万元,
electricity in 万千瓦时. Periods YYYY-MM, YYYYMM or YYYY年M月; dates YYYY-MM-DD.

  enterprises.csv       uscc* name* industry* region* park chains key
  monthly.csv           uscc* period* output* value_added electricity output_prev
                        value_added_prev electricity_prev in_scope
  deflators.csv         industry* period* ppi*        (same month of last year = 100)
  va_ratios.csv         industry* year* ratio*        (0 < ratio <= 1)
  parks.csv             id* name* region category
  chains.csv            id* name*
  projects.csv          id* name* region* total_investment* industry chain park
                        year_plan_investment planned_start actual_start
                        planned_completion actual_completion
  project_progress.csv  id* period* investment*
  region_groups.csv     id* name* members*         (zhizao's own: codes separated by ;)

v2 files (the contract's "v2 additions"; quantities in the product's unit, dates YYYY-MM-DD):
  products.csv          code* name* unit* division
  product_output.csv    uscc* period* product* quantity* quantity_prev unit
                        (unit, when given, must be the product's unit)
  targets.csv           id* name* indicator* scope* year* value* threshold
                        (indicator: output, manufacturing_output, enterprises_over,
                        manufacturing_enterprises_over; threshold in 万元 for the counts;
                        scope: a region code, region group, park, chain or all)
  campaigns.csv         id* name* from* to* planned_starts planned_completions
                        planned_investment
  electricity_daily.csv uscc* date* kwh*
  assignments.csv       uscc* cadre* department*
  visits.csv            uscc* date* cadre* findings
  cases.csv             id* uscc* raised* category* department* deadline* resolved rating
  projects.csv gains an optional column campaign (a campaign id).

The kind of a file comes from its name: the name (any folder dropped, case ignored) is the
kind's stem, alone or followed by "." or by anything that does not begin with a letter
(monthly.csv, monthly_2021-04.csv, campaigns-2021.csv; not campaign.csv or mycases.csv).
A name that names a kind wins over the header. Only when the name names no kind does the header
decide, and only when it fits exactly one kind (that kind's required columns, and of several
such kinds the only one that knows every column): "id,name" fits chains and parks alike and is
refused with the kinds it could be. Rename such a file after its kind.

An import is all or nothing: every error of every file is printed as FILE:LINE: COLUMN: reason
and nothing is stored (exit 2). Re-importing a key replaces it; `zhizao revisions` lists the
old values.

`zhizao export` writes these files. A text cell that a spreadsheet would take for a formula
(OWASP "CSV Injection": it begins with = + - @ tab CR LF or ＝ ＋ － ＠, after any apostrophes)
gets one apostrophe in front: =HYPERLINK(...) is written '=HYPERLINK(...), and '=x (whose
apostrophe is data) ''=x. The import removes that one apostrophe again from a text cell that
begins with apostrophes and then such a character, so export -> import (also through
LibreOffice, saved again as CSV) gives back the same data; '=x in a hand-made file is read
=x. Other cells, numbers (-5) and workbooks (.xlsx, whose cells are text already) are read and
written as they are.
)txt";

constexpr std::string_view kIndicators = R"txt(The indicators (docs/methodology.md)

  window        cumulative 1..M of year Y (default) or month M (--monthly); January is
                released with February (1-2月), so a report for January alone is refused
  va            value_added, else output x ratio(division, Y)
  prev_va       value_added_prev, else output_prev x ratio(division, Y-1), else the
                enterprise's own va of month m-12
  cva           va / (ppi / 100): comparable prices (ppi 100 when missing, flagged)
  comparable    in scope in month m, and both the current and the previous value exist
  growth        100 x (sum cva / sum prev_va - 1) over comparable pairs
  contribution  100 x increase of the part / increase of industry (贡献率, %)
  pull          100 x increase of the part / base of industry (拉动, percentage points)
  breadth       of the 31 manufacturing divisions with data: growing, >= 10%, share
  key           #{key=1}; their output growth; #{g_e > 50}; #{g_e >= 100} (翻番)
  two-year      sqrt((1+g_Y)(1+g_Y-1)) - 1 over the same enterprise-months
  projects      year to date: investment, starts and completions against plan

A rate without a denominator is null (JSON) or "—", never 0.
)txt";

constexpr std::string_view kExitCodes = R"txt(Exit codes

  0  done
  1  wrong usage: a bad flag, a malformed period, January alone, a missing database or file
  2  the data was refused: every error is printed as FILE:LINE: COLUMN: reason
  3  zhizao check: the database file is damaged (integrity or foreign-key check
     failed) or is not a zhizao database; restore a backup (zhizao restore)
)txt";

constexpr std::string_view kExamples = R"txt(Examples

  zhizao demo --db demo.db                         the synthetic Luoyang demo
  zhizao import --db city.db data/*.csv            import the month's files
  zhizao report --db city.db --period 2021-04      1-4月 analysis in Chinese
  zhizao report --db city.db --period 2021-04 --monthly --lang en
  zhizao report --db city.db --period 2021-04 --json
  zhizao report --db city.db --period 2021-04 --scope 410305
  zhizao explain --db city.db --period 2021-04 --division 34
  zhizao revisions --db city.db --uscc 91410302MA400001XM
  zhizao export --db city.db out/
)txt";

const std::map<std::string_view, std::string_view>& topics() {
  static const std::map<std::string_view, std::string_view> kTopics = {{"files", kFiles},
                                                                       {"indicators", kIndicators},
                                                                       {"exit-codes", kExitCodes},
                                                                       {"examples", kExamples}};
  return kTopics;
}

int run_help(const std::string& topic) {
  auto found = topics().find(topic);
  if (found == topics().end()) {
    std::string names;
    for (const auto& [name, text] : topics()) names += fmt::format(" {}", name);
    if (!topic.empty()) fmt::print(stderr, "zhizao: no help topic \"{}\"\n", topic);
    fmt::print("help topics:{}\nfor a command: zhizao COMMAND --help\n", names);
    return topic.empty() ? kExitDone : kExitUsage;
  }
  fmt::print("{}", found->second);
  return kExitDone;
}

}  // namespace

void add_help_command(CLI::App& app, int* exit_code) {
  auto topic = std::make_shared<std::string>();
  CLI::App* cmd = app.add_subcommand("help", "The manual: files, indicators, exit-codes, examples");
  cmd->add_option("topic", *topic, "files, indicators, exit-codes or examples");
  cmd->footer("Example:\n  zhizao help indicators");
  cmd->callback([topic, exit_code] { *exit_code = run_help(*topic); });
}

}  // namespace zhizao
