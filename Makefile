# Reelhouse: `make run` starts a server on http://127.0.0.1:8080, `make test` runs every test,
# `make bench` prints the benchmark tables. Each installs what it needs first.

# Build outside the clone so a fresh clone (and CI) reuses compiled dependencies.
export CARGO_TARGET_DIR ?= /var/tmp/reelhouse-target
# Test services (the S3-compatible server) are installed here, also outside the clone.
export REELHOUSE_TOOLS ?= /var/tmp/reelhouse-tools

.PHONY: run test bench deps run-deps web build check

# What the tests and benchmarks need (servers, browsers, load tools) ...
deps:
	tests/tools/install-deps.sh

# ... and the much smaller part that building and running the server needs.
run-deps:
	tests/tools/install-deps.sh run

web: run-deps
	cd web && npm ci --no-audit --no-fund && npm run build

build: web
	cargo build --release --locked

run: build
	REELHOUSE_DATA_DIR=$${REELHOUSE_DATA_DIR:-./data} $(CARGO_TARGET_DIR)/release/reelhouse serve

test: deps
	tests/tools/run-tests.sh

bench: deps
	tests/tools/run-bench.sh

# Formatting and lints, as a developer runs them before committing.
check:
	cargo fmt --check
	cargo clippy --all-targets --locked -- -D warnings
