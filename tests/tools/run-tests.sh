#!/usr/bin/env bash
# `make test`: starts a throwaway PostgreSQL and an S3-compatible server, then runs the whole
# suite twice, on SQLite with local files and on PostgreSQL with S3, then the web app's checks.
# The services are stopped however the run ends.
set -euo pipefail
cd "$(dirname "$0")/../.."
source tests/tools/services.sh
trap stop_services EXIT

start_postgres
start_s3

# The web app first: the browser tests serve web/dist.
echo "=== web app: unit tests, type check and build ==="
(cd web && npm ci --no-audit --no-fund --loglevel=error && npm test && npm run build --silent)

echo "=== format and lints ==="
cargo fmt --check
cargo clippy --locked --all-targets --quiet -- -D warnings

cargo build --locked --tests --bins --quiet

echo "=== Rust tests on SQLite with the filesystem store ==="
REELHOUSE_TEST_DATABASE=sqlite REELHOUSE_TEST_STORAGE=file cargo test --locked --quiet -- --test-threads 2

echo "=== Rust tests on PostgreSQL with the S3 store ==="
REELHOUSE_TEST_DATABASE=postgres REELHOUSE_TEST_STORAGE=s3 cargo test --locked --quiet -- --test-threads 2

