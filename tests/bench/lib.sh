# Shared by the benchmarks: a scratch folder, a Reelhouse server with a signed-in token, an nginx
# reference server, and medians. Everything started is stopped on exit.

bench_dir="$(mktemp -d /var/tmp/reelhouse-bench.XXXXXX)"
chmod 755 "$bench_dir"
pids=()
cleanup() {
  local status=$?
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  rm -rf "$bench_dir"
  return "$status"
}
trap cleanup EXIT
trap 'echo "benchmark failed at line $LINENO: $BASH_COMMAND" >&2' ERR

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

wait_http() { # url
  for _ in $(seq 1 200); do curl -fs -o /dev/null "$1" && return 0; sleep 0.05; done
  echo "nothing answers at $1" >&2; return 1
}

# start_reelhouse: serve on a free port with SQLite and local files; sets RH_URL, RH_PID, RH_TOKEN.
start_reelhouse() {
  local port; port="$(free_port)"
  export REELHOUSE_DATA_DIR="$bench_dir/rh" REELHOUSE_BIND="127.0.0.1:$port" REELHOUSE_WORKERS=0
  export RUST_LOG=warn
  echo 'benchmark-password' | "$REELHOUSE_BIN" admin create-user --email bench@example.test \
    --name Bench --role trainer --password-stdin >/dev/null
  RH_TOKEN="$("$REELHOUSE_BIN" admin create-token --email bench@example.test)"
  "$REELHOUSE_BIN" serve >/dev/null 2>"$bench_dir/rh.log" &
  RH_PID=$!; pids+=("$RH_PID")
  RH_URL="http://127.0.0.1:$port"
  wait_http "$RH_URL/healthz"
}

# start_nginx ROOT: nginx-light serving ROOT with sendfile and accepting PUT; sets NGINX_URL.
start_nginx() {
  local root="$1" port; port="$(free_port)"
  local dir="$bench_dir/nginx"
  mkdir -p "$dir"/{body,proxy,fastcgi,uwsgi,scgi} "$root"
  chmod -R 777 "$dir" "$root"
  cat >"$dir/nginx.conf" <<CONF
daemon off;
worker_processes 1;
pid $dir/nginx.pid;
error_log $dir/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  client_max_body_size 0;
  client_body_temp_path $dir/body;
  proxy_temp_path $dir/proxy;
  fastcgi_temp_path $dir/fastcgi;
  uwsgi_temp_path $dir/uwsgi;
  scgi_temp_path $dir/scgi;
  types { video/mp4 m4s mp4; application/vnd.apple.mpegurl m3u8; }
  server {
    listen 127.0.0.1:$port;
    root $root;
    location / { dav_methods PUT; create_full_put_path on; }
  }
}
CONF
  /usr/sbin/nginx -c "$dir/nginx.conf" -e "$dir/error.log" &
  pids+=($!)
  NGINX_URL="http://127.0.0.1:$port"
  wait_port "$port"
}

wait_port() { # port
  for _ in $(seq 1 200); do (echo >"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0; sleep 0.05; done
  echo "nothing listens on port $1" >&2; return 1
}

median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

# peak_rss_mib PID: the process's peak resident memory so far (VmHWM), in MiB.
peak_rss_mib() { awk '/VmHWM/ {printf "%.1f", $2/1024}' "/proc/$1/status"; }
