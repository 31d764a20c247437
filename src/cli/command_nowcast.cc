// zhizao nowcast: the month's value-added growth estimated from daily electricity, with its
// interval and back-tested error (data contract "v2 additions", docs/methodology.md "Nowcast").
#include <fmt/format.h>

#include <memory>

#include "cli/clickhouse_option.h"
#include "cli/commands.h"
#include "cli/exit_code.h"
#include "cli/report_options.h"
#include "clickhouse/daily_readings_of.h"
#include "signals/nowcast_render.h"

namespace zhizao {
namespace {

struct NowcastArgs {
  std::string db;
  std::string period;
  bool json = false;
  std::string lang = "zh";
  bool no_snapshot = false;
  std::string clickhouse;  // --clickhouse URL: the readings are read there
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
  Result<Nowcast> nowcast = compute_nowcast(
      **store,
      value_added_growth_from([&](const ReportRequest& request) { return input->report(request); }),
      *period);
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
  cmd->footer(
      "Examples:\n  zhizao nowcast --db city.db --period 2021-06\n"
      "  zhizao nowcast --db city.db --period 2021-06 --json\n"
      "The model and its back-test: docs/methodology.md, \"Nowcast\".");
  cmd->callback([args, exit_code] { *exit_code = run_nowcast(*args); });
}

}  // namespace zhizao
