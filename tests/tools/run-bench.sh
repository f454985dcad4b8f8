#!/usr/bin/env bash
# `make bench`: builds the release binary and runs every benchmark in tests/bench, each of which
# prints a comparison table against its reference server, measured in the same run, and exits
# non-zero when a target is missed.
set -euo pipefail
cd "$(dirname "$0")/../.."
cargo build --release --locked --quiet
export REELHOUSE_BIN="${CARGO_TARGET_DIR:-target}/release/reelhouse"
status=0
for bench in tests/bench/*.sh; do
  [ "$(basename "$bench")" = lib.sh ] && continue
  echo "=== $(basename "$bench" .sh) ==="
  bash "$bench" || status=1
done
exit "$status"
