#!/usr/bin/env bash
# The Debian package (issue #16, item 2): builds it with CPack from this build tree, checks its
# control data, its contents and its systemd unit, then unpacks it under a temporary root and
# serves the dashboard from the installed layout with the packaged configuration.
# Usage: package_test.sh BUILD_DIR
set -euo pipefail
build_dir=$1
work=$(mktemp -d)
server_pid=
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2> /dev/null || true; wait "$server_pid" 2> /dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "package_test: $*" >&2; exit 1; }

(cd "$work" && cpack -G DEB --config "$build_dir/CPackConfig.cmake" -B "$work/out" > "$work/cpack.log" 2>&1) ||
  { cat "$work/cpack.log" >&2; fail "cpack failed"; }
deb=$(ls "$work"/out/zhizao_*.deb 2> /dev/null | head -1)
[ -n "$deb" ] || fail "no zhizao_*.deb in $work/out"

# Control data: name, dependencies found by dpkg-shlibdeps, maintainer scripts, the conffile.
dpkg-deb -I "$deb" > "$work/info"
grep -q '^ Package: zhizao$' "$work/info" || fail "Package field"
grep -q '^ Depends:.*adduser' "$work/info" || fail "Depends lacks adduser"
grep -q '^ Depends:.*libsqlite3' "$work/info" || fail "Depends lacks libsqlite3 (dpkg-shlibdeps)"
dpkg-deb -e "$deb" "$work/control"
for script in postinst prerm postrm; do
  [ -x "$work/control/$script" ] || fail "maintainer script $script missing or not executable"
  sh -n "$work/control/$script" || fail "$script is not valid sh"
done
grep -qx '/etc/zhizao/zhizao.toml' "$work/control/conffiles" || fail "zhizao.toml is not a conffile"

# Contents: Debian's layout.
dpkg-deb -c "$deb" | awk '{print $6}' > "$work/contents"
for path in ./usr/bin/zhizao ./usr/share/zhizao/web/index.html ./usr/share/zhizao/default_rules.toml \
  ./etc/zhizao/zhizao.toml ./lib/systemd/system/zhizao.service ./usr/share/doc/zhizao/operations.md \
  ./usr/share/zhizao/web/maps/100000.json ./usr/share/zhizao/web/maps/410000.json \
  ./usr/share/zhizao/web/maps/410300.json; do
  grep -qx "$path" "$work/contents" || fail "$path is not in the package"
done
if grep -v -E '^\./(usr/bin|usr/share/zhizao|usr/share/doc/zhizao|etc/zhizao|lib/systemd/system)(/|$)|^\./$|^\./(usr|usr/share|usr/share/doc|etc|lib|lib/systemd)/$' "$work/contents"; then
  fail "files outside the package's folders (listed above)"
fi

# The unit: the hardening the issue asks for, and systemd's own check of it.
unit="$work/root/lib/systemd/system/zhizao.service"
dpkg-deb -x "$deb" "$work/root"
for option in '^User=zhizao$' '^ProtectSystem=strict$' '^PrivateTmp=true$' '^NoNewPrivileges=true$' \
  '^ReadWritePaths=/var/lib/zhizao$' '^ExecStart=/usr/bin/zhizao serve --config /etc/zhizao/zhizao.toml$'; do
  grep -q "$option" "$unit" || fail "unit lacks $option"
done
if command -v systemd-analyze > /dev/null && [ -d /lib/systemd/system ]; then
  # In a copy of the root with the system's own units (the targets the unit's ordering names);
  # systemd-analyze exits 0 on an unknown key, so any word about the unit is a failure.
  cp -a "$work/root" "$work/verify-root"
  cp -rn /lib/systemd/system/. "$work/verify-root/lib/systemd/system/" 2> /dev/null || true
  systemd-analyze verify --man=no --root="$work/verify-root" /lib/systemd/system/zhizao.service \
    > "$work/verify" 2>&1 || { cat "$work/verify" >&2; fail "systemd-analyze verify refused the unit"; }
  if grep -q 'zhizao.service' "$work/verify"; then cat "$work/verify" >&2; fail "systemd-analyze verify warned about the unit"; fi
fi

# The installed layout serves: the packaged configuration with its paths under the temporary
# root, as an administrator would edit it; the dashboard comes from /usr/share/zhizao/web.
bin="$work/root/usr/bin/zhizao"
mkdir -p "$work/root/var/lib/zhizao"  # postinst's work on a real machine
"$bin" demo --db "$work/root/var/lib/zhizao/zhizao.db" --force > /dev/null
sed -e "s#\"/var/lib/zhizao#\"$work/root/var/lib/zhizao#" -e "s#\"/usr/share/zhizao#\"$work/root/usr/share/zhizao#" \
  -e 's#^port = .*#port = 0#' "$work/root/etc/zhizao/zhizao.toml" > "$work/zhizao.toml"
"$bin" serve --config "$work/zhizao.toml" > "$work/stdout" 2> "$work/stderr" &
server_pid=$!
port=
for _ in $(seq 1 100); do
  port=$(sed -n 's/.*"event": *"listening".*:\([0-9][0-9]*\) database.*/\1/p' "$work/stdout" | head -1)
  [ -n "$port" ] && break
  kill -0 "$server_pid" 2> /dev/null || { cat "$work/stderr" >&2; fail "serve ended"; }
  sleep 0.2
done
[ -n "$port" ] || { cat "$work/stdout" "$work/stderr" >&2; fail "no listening event on stdout"; }
python3 - "$port" "$work/root/usr/share/zhizao/web/index.html" << 'PY' || fail "the installed server did not serve the dashboard"
import sys, urllib.request
port, index = sys.argv[1], sys.argv[2]
page = urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=10).read()
assert page == open(index, "rb").read(), "GET / is not the packaged index.html"
# The area maps (issue 16) are fetched by the dashboard from maps/ beside index.html.
area_map = urllib.request.urlopen(f"http://127.0.0.1:{port}/maps/410300.json", timeout=10).read()
assert area_map == open(index.replace("index.html", "maps/410300.json"), "rb").read(), "maps/410300.json"
health = urllib.request.urlopen(f"http://127.0.0.1:{port}/api/health", timeout=10).read()
assert b'"ok"' in health, health
PY
kill "$server_pid"; wait "$server_pid" || true; server_pid=
# One JSON line per event on stdout: the two requests above, the start and the stop.
python3 - "$work/stdout" << 'PY' || fail "the log on stdout is not one JSON object per line"
import json, sys
lines = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
events = [l["event"] for l in lines]
assert events[0] == "listening" and events[-1] == "stopped", events
paths = [(l["method"], l["path"], l["status"]) for l in lines if l["event"] == "request"]
assert ("GET", "/", 200) in paths and ("GET", "/api/health", 200) in paths, paths
PY
echo "package_test: $(basename "$deb") passed"
