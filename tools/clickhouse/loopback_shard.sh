#!/bin/sh
# Writes the configuration of one clickhouse-server (Debian's 18.16) listening on loopback only,
# as one shard of the two-shard cluster `zhizao` (and the one-shard cluster `zhizao_one`) that
# zhizao's tests (tests/clickhouse/clickhouse_servers.cc) and `make bench-clickhouse`
# (bench/clickhouse_bench.sh) start for themselves. Real installations: docs/operations.md,
# "ClickHouse".
#
# Usage: loopback_shard.sh DIR HTTP_PORT NATIVE_PORT SHARD0_NATIVE_PORT SHARD1_NATIVE_PORT
#                          MAX_MEMORY_BYTES CACHE_BYTES
# Writes DIR/config.xml and DIR/users.xml; data, temporary files and logs go under DIR.
set -eu
[ $# -eq 7 ] || { echo "usage: $0 DIR HTTP_PORT NATIVE_PORT SHARD0 SHARD1 MAX_MEMORY CACHE" >&2; exit 2; }
dir=$1 http=$2 native=$3 shard0=$4 shard1=$5 max_memory=$6 cache=$7
mkdir -p "$dir"
shard() { echo "<shard><replica><host>127.0.0.1</host><port>$1</port></replica></shard>"; }
cat > "$dir/config.xml" << XML
<?xml version="1.0"?>
<yandex>
  <logger><level>warning</level><log>$dir/server.log</log><errorlog>$dir/error.log</errorlog>
    <console>0</console></logger>
  <listen_host>127.0.0.1</listen_host>
  <http_port>$http</http_port>
  <tcp_port>$native</tcp_port>
  <path>$dir/data/</path>
  <tmp_path>$dir/tmp/</tmp_path>
  <user_files_path>$dir/user_files/</user_files_path>
  <format_schema_path>$dir/format_schemas/</format_schema_path>
  <users_config>users.xml</users_config>
  <default_profile>default</default_profile>
  <default_database>default</default_database>
  <mark_cache_size>$cache</mark_cache_size>
  <uncompressed_cache_size>$cache</uncompressed_cache_size>
  <max_concurrent_queries>50</max_concurrent_queries>
  <remote_servers>
    <zhizao>$(shard "$shard0")$(shard "$shard1")</zhizao>
    <zhizao_one>$(shard "$shard0")</zhizao_one>
  </remote_servers>
</yandex>
XML
cat > "$dir/users.xml" << XML
<?xml version="1.0"?>
<yandex>
  <profiles><default><max_memory_usage>$max_memory</max_memory_usage></default></profiles>
  <users><default><password></password><networks><ip>127.0.0.1</ip></networks>
    <profile>default</profile><quota>default</quota></default></users>
  <quotas><default><interval><duration>3600</duration><queries>0</queries><errors>0</errors>
    <result_rows>0</result_rows><read_rows>0</read_rows><execution_time>0</execution_time>
  </interval></default></quotas>
</yandex>
XML
