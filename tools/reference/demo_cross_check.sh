#!/bin/sh
# Writes the demo, exports it as the contract's files and the safety files, and cross-checks
# zhizao against the oracle on them for several cumulative and monthly periods.
# Usage: demo_cross_check.sh ZHIZAO_BINARY
set -u
zhizao=$1
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$zhizao" demo --db "$work/demo.db" > /dev/null || exit 1
"$zhizao" export --db "$work/demo.db" "$work/files" > /dev/null || exit 1
# The demo's flood-season safety files beside them (docs/safety.md; the oracle: ref_safety.py).
"$zhizao" export --db "$work/demo.db" --safety "$work/files" > /dev/null || exit 1
# Not exec: the trap above must still remove $work when the check ends.
"$here/cross_check.sh" "$zhizao" "$work/files" \
  2021-04 2021-04:monthly 2021-02 2021-02:monthly 2021-06 2020-03 2020-12:monthly 2020-04 \
  2021-06:monthly
