// Two clickhouse-server processes (Debian's clickhouse-server 18.16) on loopback for the tests of
// src/clickhouse: configs, data and logs under a fresh temporary folder, free ports picked at
// start, a cluster "zhizao" of two shards (one server each) in both configs. Started once for the
// test binary (a gtest Environment), stopped after the last test, also when tests fail; a child
// dies with the test process (PR_SET_PDEATHSIG) if that is killed.
#pragma once

#include <sys/types.h>
#include <string>

#include "clickhouse/clickhouse_target.h"

namespace zhizao::testing_clickhouse {

// The folder of the hand-checked daily readings (enterprises.csv, electricity_daily.csv).
inline const std::string kHandReadings = std::string(ZHIZAO_TEST_DATA) + "/reference_daily/hand/";

// The running servers. Valid between the environment's SetUp and TearDown.
struct Servers {
  ClickHouseNode shards[2];
  std::string folder;
  pid_t pids[2] = {0, 0};
  std::string failure;  // why they could not start ("" when they run)
};

// The servers of this test process.
Servers& servers();

// A target over both shards (cluster "zhizao") with a database of its own, created on both, named
// after `name` (letters, digits, _).
ClickHouseTarget two_shard_target(const std::string& name);
// The same over the first shard only (cluster "zhizao_one").
ClickHouseTarget one_shard_target(const std::string& name);

}  // namespace zhizao::testing_clickhouse
