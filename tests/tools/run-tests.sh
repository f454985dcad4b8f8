#!/usr/bin/env bash
# `make test`: starts a throwaway PostgreSQL and an S3-compatible server, then runs the whole
# suite twice, on SQLite with local files and on PostgreSQL with S3. Before them: formatting and
# lints, the web app (its API types checked against the server's OpenAPI document, its unit tests
# and build), and Schemathesis against the real server.
# The services are stopped however the run ends.
set -euo pipefail
cd "$(dirname "$0")/../.."
source tests/tools/services.sh
trap stop_services EXIT

start_postgres
start_s3

echo "=== format and lints ==="
cargo fmt --check
cargo clippy --locked --all-targets --quiet -- -D warnings

echo "=== deployment files: alert rules, Kubernetes manifests, Dockerfile ==="
promtool check rules deploy/monitoring/alerts.yaml >/dev/null
checks="${REELHOUSE_TOOLS:-/var/tmp/reelhouse-tools}/manifest-checks/bin"
"$checks/kubernetes-validate" --strict --quiet $(ls deploy/k8s/*.yaml | grep -v kustomization.yaml)
# DL3008 (pin apt versions) is left out: Debian's security updates should reach the image.
"$checks/hadolint" --ignore DL3008 deploy/Dockerfile

cargo build --locked --tests --bins --quiet
reelhouse="${CARGO_TARGET_DIR:-target}/debug/reelhouse"

# The web app's API types must follow the server's OpenAPI document; the browser tests serve
# web/dist, built here.
echo "=== web app: API types from the server's document, unit tests, type check and build ==="
"$reelhouse" openapi >"$services_dir/openapi.json"
(cd web && npm ci --no-audit --no-fund --loglevel=error &&
  OPENAPI="$services_dir/openapi.json" npm run --silent api:check &&
  OPENAPI="$services_dir/openapi.json" npm test && npm run build --silent)

echo "=== Schemathesis against the server ==="
tests/tools/schemathesis.sh

echo "=== Rust tests on SQLite with the filesystem store ==="
REELHOUSE_TEST_DATABASE=sqlite REELHOUSE_TEST_STORAGE=file cargo test --locked --quiet -- --test-threads 2

echo "=== Rust tests on PostgreSQL with the S3 store (the browser tests of tests/web.rs once, above) ==="
# The browser tests drive the web app against the server; they ran in the SQLite pass, and what
# the server does behind them is tested on both databases by the other tests.
postgres_targets=(--lib --bins)
for file in tests/*.rs; do
  name="$(basename "$file" .rs)"
  [ "$name" = web ] || postgres_targets+=(--test "$name")
done
REELHOUSE_TEST_DATABASE=postgres REELHOUSE_TEST_STORAGE=s3 \
  cargo test --locked --quiet "${postgres_targets[@]}" -- --test-threads 2

