# Throwaway test services, sourced by run-tests.sh and run-bench.sh:
#   start_postgres  initdb in a temporary folder, listening on a free loopback port;
#   start_s3        s3s-fs on a free loopback port, with the bucket `reelhouse`.
# Both are stopped, and their folders removed, by stop_services (set as an EXIT trap).
# They export what the tests read: REELHOUSE_TEST_POSTGRES (an admin URL) and, for S3,
# REELHOUSE_TEST_S3_BUCKET with the AWS_* settings of the server.

services_dir="$(mktemp -d /tmp/reelhouse-services.XXXXXX)"
chmod 755 "$services_dir"
pg_bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
pg_data=""
s3_pid=""

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

# Runs a command as the `postgres` user when we are root (PostgreSQL refuses to run as root).
as_pg() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

wait_for_port() { # port, what
  for _ in $(seq 1 100); do
    (echo >"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
    sleep 0.1
  done
  echo "$2 did not start on port $1" >&2
  return 1
}

start_postgres() {
  local port; port="$(free_port)"
  pg_data="$services_dir/pg"
  mkdir -p "$pg_data" "$services_dir/pgsock"
  [ "$(id -u)" -eq 0 ] && chown postgres "$pg_data" "$services_dir/pgsock"
  as_pg "$pg_bin/initdb" -D "$pg_data" -U postgres --auth=trust -E UTF8 >/dev/null
  as_pg "$pg_bin/pg_ctl" -D "$pg_data" -l "$pg_data/server.log" -w -o \
    "-p $port -k $services_dir/pgsock -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
    start >/dev/null
  export REELHOUSE_TEST_POSTGRES="postgres://postgres@127.0.0.1:$port/postgres"
  echo "PostgreSQL on 127.0.0.1:$port"
}

start_s3() {
  local port; port="$(free_port)"
  local root="$services_dir/s3"
  mkdir -p "$root/reelhouse"
  "${REELHOUSE_TOOLS:-/var/tmp/reelhouse-tools}/bin/s3s-fs" --host 127.0.0.1 --port "$port" \
    --access-key reelhouse-test --secret-key reelhouse-test-secret "$root" \
    >"$services_dir/s3.log" 2>&1 &
  s3_pid=$!
  wait_for_port "$port" s3s-fs
  export REELHOUSE_TEST_S3_BUCKET=reelhouse
  export AWS_ENDPOINT_URL="http://127.0.0.1:$port" AWS_REGION=us-east-1
  export AWS_ACCESS_KEY_ID=reelhouse-test AWS_SECRET_ACCESS_KEY=reelhouse-test-secret
  export REELHOUSE_S3_PATH_STYLE=true
  echo "s3s-fs on 127.0.0.1:$port"
}

# Keeps the exit status of the run it ends: a test failure stays a failure, a pass a pass.
stop_services() {
  local status=$?
  if [ -n "$s3_pid" ]; then kill "$s3_pid" 2>/dev/null || true; wait "$s3_pid" 2>/dev/null || true; fi
  if [ -n "$pg_data" ]; then as_pg "$pg_bin/pg_ctl" -D "$pg_data" -m immediate stop >/dev/null 2>&1 || true; fi
  rm -rf "$services_dir" || true
  return "$status"
}
