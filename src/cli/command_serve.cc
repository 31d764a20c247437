// zhizao serve: the HTTP API and the dashboard (docs/api.md).
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <csignal>
#include <filesystem>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "cli/clickhouse_option.h"
#include "cli/commands.h"
#include "cli/exit_code.h"
#include "cli/options_file.h"
#include "cli/warning_rules_option.h"
#include "quality/quality_thresholds.h"
#include "server/access_log.h"
#include "server/api_server.h"

#ifndef ZHIZAO_VERSION
#define ZHIZAO_VERSION "dev"
#endif

namespace zhizao {
namespace {

struct ServeArgs {
  std::string db;
  std::string bind = "127.0.0.1";
  int port = 8080;
  std::string web_root;
  std::string rules;
  std::string warning_rules;  // --warning-rules FILE (cli/warning_rules_option.h)
  std::string quality_rules;  // --quality-rules FILE (quality/quality_thresholds.h)
  std::string proof_dir;      // --proof-dir DIR (safety proof files)
  std::string clickhouse;     // --clickhouse URL (cli/clickhouse_option.h)
  std::string tls_cert;
  std::string tls_key;
  int login_limit = 10;               // login attempts a minute per client address; 0: no limit
  int connections_per_address = 128;  // open connections per client address; 0: no cap
  std::vector<std::string> allowed_hosts;    // empty: localhost names and --bind
  std::vector<std::string> allowed_origins;  // e.g. the https:// origin of a proxy in front
  double publish_threshold = kDefaultPublishThreshold;  // % of expected reports (api.md)
  std::string access_log = "off";                       // off | json
  std::string config;                                   // TOML file of these options
};

// A private key others may read is a key others may copy: say so at start (docs/security.md).
void warn_about_key_permissions(const std::string& key_path) {
  namespace fs = std::filesystem;
  std::error_code error;
  fs::perms perms = fs::status(key_path, error).permissions();
  if (error) return;
  if ((perms & (fs::perms::group_read | fs::perms::others_read)) != fs::perms::none) {
    fmt::print(stderr,
               "zhizao serve: warning: the TLS key {} is readable by other users (chmod 600)\n",
               key_path);
  }
}

std::string executable_path() {
  std::error_code error;
  std::filesystem::path path = std::filesystem::read_symlink("/proc/self/exe", error);
  return error ? "" : path.string();
}

// The thresholds of --quality-rules (the defaults without one). A faulty file is a usage error
// (exit 1) listing every fault as FILE:LINE: reason, found before the server listens.
Result<QualityThresholds> quality_thresholds_of(const std::string& path) {
  if (path.empty()) return QualityThresholds{};
  Result<QualityThresholds> loaded = load_quality_thresholds(path);
  if (!loaded && loaded.error().code() == StatusCode::kInvalidData) {
    return fail(Status::usage(loaded.error().message()));
  }
  return loaded;
}

int run_serve(const ServeArgs& args) {
  if (Status rules = use_warning_rules(args.warning_rules); !rules.is_ok()) {
    return report_failure(rules);
  }
  Result<QualityThresholds> thresholds = quality_thresholds_of(args.quality_rules);
  if (!thresholds) return report_failure(thresholds.error());
  ServerOptions options;
  options.quality_thresholds = *thresholds;
  options.proof_dir = args.proof_dir;
  options.clickhouse = args.clickhouse;
  options.db_path = args.db;
  options.bind = args.bind;
  options.port = args.port;
  options.web_root = args.web_root.empty() ? default_web_root(executable_path()) : args.web_root;
  options.rules_path = args.rules;
  options.version = ZHIZAO_VERSION;
  options.tls_cert_path = args.tls_cert;
  options.tls_key_path = args.tls_key;
  options.allowed_hosts = args.allowed_hosts;
  options.allowed_origins = args.allowed_origins;
  options.publish_threshold = args.publish_threshold;
  options.access_log = args.access_log == "json" ? AccessLog::kJsonLines : AccessLog::kOff;
  options.login_limit.burst = args.login_limit;
  options.max_connections_per_address = args.connections_per_address;
  if (args.login_limit > 0) {
    options.login_limit.refill = std::chrono::milliseconds(60000 / args.login_limit);
  }
  if (!args.tls_key.empty()) warn_about_key_permissions(args.tls_key);
  ApiServer server(options);

  // SIGINT and SIGTERM end the server cleanly: blocked here (and so in every thread started
  // from now on) and awaited by one thread with sigwait, which then stops the server.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  Result<int> port = server.bind();
  if (!port) return report_failure(port.error());
  fmt::print(stderr, "zhizao serve: {}://{}:{}/ (database {}, dashboard {})\n",
             options.tls_cert_path.empty() ? "http" : "https", options.bind, *port, options.db_path,
             options.web_root.empty() ? "not built" : options.web_root);
  std::vector<std::string> hosts =
      options.allowed_hosts.empty() ? default_allowed_hosts(options.bind) : options.allowed_hosts;
  fmt::print(stderr, "zhizao serve: answering for host names {}{}\n", fmt::join(hosts, ", "),
             options.allowed_hosts.empty() && (options.bind == "0.0.0.0" || options.bind == "::")
                 ? " (listening on every address: add --allowed-host NAME for the names users "
                   "type)"
                 : "");
  std::thread waiter([&server, signals] {
    int received = 0;
    sigwait(&signals, &received);
    server.stop();
  });
  if (options.access_log == AccessLog::kJsonLines) {
    server::write_log_line(server::event_log_line(
        "listening", fmt::format("{}:{} database {}", options.bind, *port, options.db_path)));
  }
  Status served = server.listen();
  // listen() may also end on an error: wake the waiter so that it can be joined.
  pthread_kill(waiter.native_handle(), SIGTERM);
  waiter.join();
  if (options.access_log == AccessLog::kJsonLines) {
    server::write_log_line(
        server::event_log_line("stopped", served.is_ok() ? "on a signal" : served.to_string()));
  }
  return served.is_ok() ? kExitDone : report_failure(served);
}

}  // namespace

void add_serve_command(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<ServeArgs>();
  CLI::App* cmd = app.add_subcommand("serve", "Serve the JSON API and the dashboard over HTTP");
  // Required, from the command line or --config (checked in the callback, after the file).
  cmd->add_option("--db", args->db, "Database file (required here or in --config)");
  cmd->add_option("--bind", args->bind, "Address to listen on (default 127.0.0.1)");
  cmd->add_option("--port", args->port, "Port (default 8080; 0 picks a free one)")
      ->check(CLI::Range(0, 65535));
  cmd->add_option("--web-root", args->web_root,
                  "The dashboard's files (default: web/dist of the source tree)");
  cmd->add_option("--rules", args->rules, "Audit rules file for submissions (default: built-in)");
  add_warning_rules_option(cmd, &args->warning_rules);
  cmd->add_option("--quality-rules", args->quality_rules,
                  "Data-quality thresholds file (TOML) for /api/quality and the documents' "
                  "appendix (default: built-in; as zhizao quality --quality-rules)");
  add_clickhouse_option(cmd, &args->clickhouse);
  cmd->add_option("--proof-dir", args->proof_dir,
                  "Folder of the safety proof files (default: the database's path + .files)");
  cmd->add_option("--tls-cert", args->tls_cert,
                  "PEM certificate (chain) file: serve HTTPS only (with --tls-key)");
  cmd->add_option("--tls-key", args->tls_key, "PEM private key file of --tls-cert (chmod 600)");
  cmd->add_option("--login-limit", args->login_limit,
                  "Login attempts a minute per client address, in bursts of as many (default 10; "
                  "0: no limit)")
      ->check(CLI::Range(0, 60000));
  cmd->add_option("--connections-per-address", args->connections_per_address,
                  "Connections open at once from one client address, of the 512 the server "
                  "keeps (default 128; 0: no cap, e.g. behind a reverse proxy)")
      ->check(CLI::Range(0, 512));
  cmd->add_option("--allowed-host", args->allowed_hosts,
                  "A host name browsers use to reach this server (repeatable; default: localhost, "
                  "127.0.0.1, [::1] and --bind); requests naming another get 421")
      ->take_all();
  cmd->add_option("--allowed-origin", args->allowed_origins,
                  "Another origin (scheme://host[:port]) allowed to send writes, e.g. the "
                  "https:// name of a TLS proxy in front (repeatable)")
      ->take_all();
  cmd->add_option("--publish-threshold", args->publish_threshold,
                  "Percent of the expected reports a month needs to be publishable (default 90; "
                  "GET /api/periods)")
      ->check(CLI::Range(0.0, 100.0));
  cmd->add_option("--access-log", args->access_log,
                  "off (default) or json: one JSON line per answered request on stdout, for "
                  "the system journal")
      ->check(CLI::IsMember({"off", "json"}));
  // Every option above may come from a file instead (TOML, `key = value` with the long option
  // names, e.g. the package's /etc/zhizao/zhizao.toml); the command line wins over the file.
  cmd->add_option("--config", args->config,
                  "Read options from this TOML file, `key = value` with the long option names "
                  "(e.g. /etc/zhizao/zhizao.toml); the command line wins over it");
  cmd->footer(
      "Example:\n  zhizao user add --db city.db admin --role admin < password.txt\n"
      "  zhizao serve --db city.db --port 8080\n"
      "  zhizao serve --db city.db --port 8443 --tls-cert cert.pem --tls-key key.pem\n"
      "  zhizao serve --db city.db --bind 0.0.0.0 --allowed-host zhizao.example.gov.cn\n"
      "API: docs/api.md; security and certificates: docs/security.md. Ctrl-C stops it.");
  cmd->callback([cmd, args, exit_code] {
    if (!args->config.empty()) {
      Status applied = apply_options_file(*cmd, args->config);
      if (!applied.is_ok()) {
        *exit_code = report_failure(applied);
        return;
      }
    }
    if (args->db.empty()) {
      *exit_code = report_failure(Status::usage("--db is required (or db in --config FILE)"));
      return;
    }
    *exit_code = run_serve(*args);
  });
}

}  // namespace zhizao
