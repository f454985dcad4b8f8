#!/usr/bin/env bash
# Schemathesis (from PyPI) against the real server, as an admin: requests generated from the
# OpenAPI document for every operation, a bounded number each. It fails on a server error (5xx),
# a status the document does not list, a schema-valid request rejected, or a response that does
# not match its schema. Called by run-tests.sh after the debug build; run it alone the same way:
#   tests/tools/schemathesis.sh [max examples per operation, default 20]
set -euo pipefail
cd "$(dirname "$0")/../.."

max_examples="${1:-20}"
st="${REELHOUSE_TOOLS:-/var/tmp/reelhouse-tools}/schemathesis-4.32.5/bin/st" # tests/tools/install-deps.sh
bin="${CARGO_TARGET_DIR:-target}/debug/reelhouse"
work="$(mktemp -d /tmp/reelhouse-schemathesis.XXXXXX)"
server=""
cleanup() {
  [ -n "$server" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
export REELHOUSE_DATA_DIR="$work" REELHOUSE_BIND="127.0.0.1:$port" REELHOUSE_WORKERS=0
export REELHOUSE_PUBLIC_URL="http://127.0.0.1:$port" REELHOUSE_WEB_DIR="$work/web"
unset REELHOUSE_DATABASE_URL REELHOUSE_STORAGE REELHOUSE_SMTP_URL

echo "schemathesis-admin-password" |
  "$bin" admin create-user --email admin@schemathesis.test --name Admin --role admin \
    --password-stdin >/dev/null
token="$("$bin" admin create-token --email admin@schemathesis.test --name schemathesis)"

"$bin" serve >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 100); do
  curl -sf "http://127.0.0.1:$port/readyz" >/dev/null && break
  sleep 0.1
done

status=0
# Hooks teach Schemathesis the tus body type (tests/schemathesis_hooks.py).
# It runs in the scratch folder, where it keeps its cache.
repo="$PWD"
(cd "$work" && PYTHONPATH="$repo/tests" SCHEMATHESIS_HOOKS=schemathesis_hooks \
"$st" --config-file "$repo/tests/schemathesis.toml" run "http://127.0.0.1:$port/api/v1/openapi.json" \
  --header "Authorization: Bearer $token" \
  --checks not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance,positive_data_acceptance \
  --max-examples "$max_examples" \
  --phases examples,coverage,fuzzing \
  --generation-deterministic \
  --suppress-health-check all \
  --workers 1 \
  --no-color) || status=$?
if [ "$status" -ne 0 ]; then
  echo "--- server log (last 40 lines) ---"
  tail -n 40 "$work/server.log"
fi
exit "$status"
