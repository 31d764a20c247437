#include "clickhouse_servers.h"

#include <arpa/inet.h>
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <thread>

#include "clickhouse/clickhouse_client.h"

namespace zhizao::testing_clickhouse {
namespace {

constexpr const char* kServerBinary = "/usr/sbin/clickhouse-server";
constexpr auto kStartTimeout = std::chrono::seconds(60);
constexpr auto kStopTimeout = std::chrono::seconds(20);

// Four distinct free loopback ports (held open together so that they differ).
std::vector<int> free_ports(int count) {
  std::vector<int> sockets;
  std::vector<int> ports;
  for (int i = 0; i < count; ++i) {
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
    socklen_t length = sizeof address;
    getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
    sockets.push_back(fd);
    ports.push_back(ntohs(address.sin_port));
  }
  for (int fd : sockets) close(fd);
  return ports;
}

// The shard's config.xml and users.xml, written by the script `make bench-clickhouse` uses too
// (tools/clickhouse/loopback_shard.sh): 2 GB of query memory, 64 MB caches. Returns false when
// the script failed.
bool write_configs(const std::string& dir, int http_port, int tcp_port, int tcp_ports[2]) {
  std::string command =
      fmt::format("sh '{}' '{}' {} {} {} {} 2000000000 67108864", ZHIZAO_CLICKHOUSE_SHARD_SCRIPT,
                  dir, http_port, tcp_port, tcp_ports[0], tcp_ports[1]);
  return std::system(command.c_str()) == 0;
}

pid_t start_server(const std::string& dir) {
  pid_t pid = fork();
  if (pid != 0) return pid;
  prctl(PR_SET_PDEATHSIG, SIGKILL);
  std::string out = dir + "/stdout.log";
  std::FILE* log = std::freopen(out.c_str(), "w", stdout);
  if (log != nullptr) dup2(fileno(stdout), STDERR_FILENO);
  std::string config = "--config-file=" + dir + "/config.xml";
  execl(kServerBinary, "clickhouse-server", config.c_str(), static_cast<char*>(nullptr));
  _exit(127);
}

bool answers(const ClickHouseNode& node) {
  return ClickHouseClient(node, "default").query("SELECT 1", 64).has_value();
}

void stop(pid_t pid) {
  if (pid <= 0) return;
  kill(pid, SIGTERM);
  auto deadline = std::chrono::steady_clock::now() + kStopTimeout;
  int status = 0;
  while (waitpid(pid, &status, WNOHANG) == 0) {
    if (std::chrono::steady_clock::now() > deadline) {
      kill(pid, SIGKILL);
      waitpid(pid, &status, 0);
      return;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
}

class ServersEnvironment : public ::testing::Environment {
 public:
  void SetUp() override {
    Servers& s = servers();
    if (access(kServerBinary, X_OK) != 0) {
      s.failure = fmt::format("{} is missing: apt-get install clickhouse-server", kServerBinary);
      return;
    }
    std::string pattern = (std::filesystem::temp_directory_path() / "zhizao_ch_XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) {
      s.failure = "cannot create a temporary folder";
      return;
    }
    s.folder = pattern;
    std::vector<int> ports = free_ports(4);
    int tcp_ports[2] = {ports[2], ports[3]};
    for (int i = 0; i < 2; ++i) {
      std::string dir = fmt::format("{}/shard{}", s.folder, i + 1);
      if (!write_configs(dir, ports[static_cast<size_t>(i)], tcp_ports[i], tcp_ports)) {
        s.failure = fmt::format("{} could not write the configuration in {}",
                                ZHIZAO_CLICKHOUSE_SHARD_SCRIPT, dir);
        return;
      }
      s.shards[i] = {"127.0.0.1", ports[static_cast<size_t>(i)]};
      s.pids[i] = start_server(dir);
    }
    auto deadline = std::chrono::steady_clock::now() + kStartTimeout;
    for (int i = 0; i < 2; ++i) {
      while (!answers(s.shards[i])) {
        int status = 0;
        if (waitpid(s.pids[i], &status, WNOHANG) == s.pids[i]) {
          s.pids[i] = 0;
          s.failure = fmt::format("clickhouse-server {} exited at start; see {}/shard{}/", i + 1,
                                  s.folder, i + 1);
          return;
        }
        if (std::chrono::steady_clock::now() > deadline) {
          s.failure = fmt::format("clickhouse-server {} did not answer within {} s", i + 1,
                                  kStartTimeout.count());
          return;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
      }
    }
  }

  void TearDown() override {
    Servers& s = servers();
    for (pid_t& pid : s.pids) {
      stop(pid);
      pid = 0;
    }
    if (!s.folder.empty() && std::getenv("ZHIZAO_KEEP_CLICKHOUSE") == nullptr) {
      std::error_code ignored;
      std::filesystem::remove_all(s.folder, ignored);
    }
  }
};

[[maybe_unused]] ::testing::Environment* const kEnvironment =
    ::testing::AddGlobalTestEnvironment(new ServersEnvironment);

ClickHouseTarget target_of(const std::string& name, const std::string& cluster, int nodes) {
  Servers& s = servers();
  ClickHouseTarget target;
  target.cluster = cluster;
  target.database = "t_" + name;
  for (int i = 0; i < nodes; ++i) target.nodes.push_back(s.shards[i]);
  for (const ClickHouseNode& node : s.shards) {
    ClickHouseClient client(node, "default");
    EXPECT_TRUE(client.query("DROP DATABASE IF EXISTS " + target.database, 1024).has_value());
    EXPECT_TRUE(client.query("CREATE DATABASE " + target.database, 1024).has_value());
  }
  return target;
}

}  // namespace

Servers& servers() {
  static Servers running;
  return running;
}

ClickHouseTarget two_shard_target(const std::string& name) { return target_of(name, "zhizao", 2); }

ClickHouseTarget one_shard_target(const std::string& name) {
  return target_of(name, "zhizao_one", 1);
}

}  // namespace zhizao::testing_clickhouse
