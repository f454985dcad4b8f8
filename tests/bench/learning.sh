#!/usr/bin/env bash
# The learning benchmarks (tests/bench/learning.rs): 1,000 viewers reporting progress every 5 s
# for 2 minutes, and library search over 100,000 items, each on SQLite and on PostgreSQL, against
# the release `reelhouse serve`. Targets: p99 under 50 ms, no failed or lost report.
# BENCH_VIEWERS, BENCH_SECONDS, BENCH_ITEMS and BENCH_SEARCHES shrink it for a quick look;
# BENCH_DATABASES="postgres" runs one database only.
set -euo pipefail
cd "$(dirname "$0")/../.."
source tests/tools/services.sh
trap stop_services EXIT
start_postgres
# The load generator is a cargo bench target (harness = false), built in release like the server.
cargo bench --locked --quiet --bench learning
