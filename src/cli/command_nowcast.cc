// zhizao nowcast: the month's value-added growth estimated from daily electricity, with its
// interval and back-tested error (data contract "v2 additions", docs/methodology.md "Nowcast").
#include <fmt/format.h>

#include <memory>

#include "cli/clickhouse_option.h"
#include "cli/commands.h"
#include "cli/exit_code.h"
#include "cli/report_options.h"
#include "clickhouse/daily_readings_of.h"
#include "signals/division_nowcast.h"
#include "signals/nowcast_render.h"

namespace zhizao {
namespace {

struct NowcastArgs {
  std::string db;
  std::string period;
  bool json = false;
  std::string lang = "zh";
  bool no_snapshot = false;
  std::string clickhouse;     // --clickhouse URL: the readings are read there
  std::string day_weighting;  // --day-weighting none|fitted; empty: the default model
  int cut_day = 0;            // --cut-day D: as if read up to day D (measurements); 0: off
};

int run_nowcast(const NowcastArgs& args) {
  Result<YearMonth> period = parse_year_month(args.period);
  if (!period) return report_failure(Status::usage(period.error().message()));
  auto db = Database::open(args.db, OpenMode::kMustExist);
  if (!db) return report_failure(db.error());
  auto input =
      open_report_input(**db, args.db, args.no_snapshot ? SnapshotUse::kOff : SnapshotUse::kAuto);
  if (!input) return report_failure(input.error());
  auto store = daily_readings_of(**db, args.clickhouse);
  if (!store) return report_failure(store.error());
  NowcastOptions options;
  if (!args.day_weighting.empty()) {
    options.day_weighting =
        args.day_weighting == "fitted" ? DayWeighting::kFitted : DayWeighting::kNone;
  }
  if (args.cut_day != 0) options.cut_day = args.cut_day;
  Result<Nowcast> nowcast = compute_nowcast(
      **store,
      window_statistics_from([&](const ReportRequest& request) { return input->report(request); }),
      manufacturing_division_members(input->tables().enterprises), *period, options);
  if (!nowcast) return report_failure(nowcast.error());
  if (nowcast->days == 0) {
    fmt::print(stderr, "note: no daily electricity reading of {}: nothing to estimate from\n",
               period->to_string());
  }
  std::string text =
      args.json ? nowcast_json(*nowcast, NowcastJson::kContract).dump(2) + "\n"
                : nowcast_text(*nowcast, args.lang == "en" ? Language::kEn : Language::kZh);
  Status written = write_output("", text);
  return written.is_ok() ? kExitDone : report_failure(written);
}

}  // namespace

void add_nowcast_command(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<NowcastArgs>();
  CLI::App* cmd = app.add_subcommand(
      "nowcast", "Estimate the month's value-added growth from daily electricity");
  cmd->add_option("--db", args->db, "The database")->required();
  cmd->add_option("--period", args->period, "The month, YYYY-MM")->required();
  cmd->add_flag("--json", args->json, "Write the contract's JSON");
  cmd->add_option("--lang", args->lang, "Language of the text")->check(CLI::IsMember({"zh", "en"}));
  cmd->add_flag("--no-snapshot", args->no_snapshot,
                "Read the monthly records from SQLite, not the columnar snapshot");
  add_clickhouse_option(cmd, &args->clickhouse);
  cmd->add_option("--day-weighting", args->day_weighting,
                  "Regressor: none (the window so far, fitted on whole windows) or fitted "
                  "(so far and the previous month, weighted; docs/methodology.md)")
      ->check(CLI::IsMember({"none", "fitted"}));
  cmd->add_option("--cut-day", args->cut_day,
                  "Estimate as if the month were read up to this day (back-test measurements)")
      ->check(CLI::Range(1, 31));
  cmd->footer(
      "Examples:\n  zhizao nowcast --db city.db --period 2021-06\n"
      "  zhizao nowcast --db city.db --period 2021-06 --json\n"
      "The model and its back-test: docs/methodology.md, \"Nowcast\".");
  cmd->callback([args, exit_code] { *exit_code = run_nowcast(*args); });
}

}  // namespace zhizao
