#!/usr/bin/env bash
# Segment delivery under load: 64 concurrent clients (wrk) fetch 720p segments of a transcoded
# video through Reelhouse's proxy mode (filesystem store, bearer token, access check on every
# request), then the same files from nginx, in the same run. Targets: at least 0.7 of nginx's
# requests per second; Reelhouse's resident memory flat over the run (grows < 20 MiB).
set -euo pipefail
source "$(dirname "$0")/lib.sh"

duration="${BENCH_SECONDS:-10}"
clip="$bench_dir/lesson.mp4"
ffmpeg -hide_banner -loglevel error -f lavfi -i "testsrc2=size=1280x720:rate=30:duration=24" \
  -f lavfi -i "sine=duration=24" -c:v libx264 -preset ultrafast -pix_fmt yuv420p -c:a aac "$clip"
size="$(stat -c %s "$clip")"

port="$(free_port)"
export REELHOUSE_DATA_DIR="$bench_dir/rh" REELHOUSE_BIND="127.0.0.1:$port" RUST_LOG=warn
echo 'benchmark-password' | "$REELHOUSE_BIN" admin create-user --email bench@example.test \
  --name Bench --role trainer --password-stdin >/dev/null
RH_TOKEN="$("$REELHOUSE_BIN" admin create-token --email bench@example.test)"
# The server under test serves only; a separate worker process transcodes the clip.
"$REELHOUSE_BIN" serve --workers 0 >/dev/null 2>"$bench_dir/rh.log" &
RH_PID=$!; pids+=("$RH_PID")
"$REELHOUSE_BIN" worker --concurrency 1 >/dev/null 2>"$bench_dir/worker.log" &
pids+=($!)
RH_URL="http://127.0.0.1:$port"
wait_http "$RH_URL/healthz"

location="$(curl -fsS -D - -o /dev/null -X POST "$RH_URL/api/v1/uploads" \
  -H "Authorization: Bearer $RH_TOKEN" -H 'Tus-Resumable: 1.0.0' \
  -H "Upload-Length: $size" -H 'Upload-Metadata: filename bGVzc29uLm1wNA==' |
  awk 'tolower($1)=="location:" {print $2}' | tr -d '\r')"
curl -fsS -o /dev/null -X PATCH -T "$clip" "$RH_URL$location" -H "Authorization: Bearer $RH_TOKEN" \
  -H 'Tus-Resumable: 1.0.0' -H 'Content-Type: application/offset+octet-stream' -H 'Upload-Offset: 0'
video="$(curl -fsS "$RH_URL$location" -H "Authorization: Bearer $RH_TOKEN" | python3 -c 'import json,sys; print(json.load(sys.stdin)["video_id"])')"
until curl -fsS "$RH_URL/api/v1/videos/$video" -H "Authorization: Bearer $RH_TOKEN" | grep -q '"status":"ready"'; do sleep 0.5; done

hls="$REELHOUSE_DATA_DIR/objects/videos/$video/hls/720p"
mkdir -p "$bench_dir/www/hls"
cp "$hls"/seg_*.m4s "$bench_dir/www/hls/"
start_nginx "$bench_dir/www"
segments=$(ls "$hls"/seg_*.m4s | wc -l)
segment_bytes=$(stat -c %s "$hls/seg_00001.m4s")

cat >"$bench_dir/paths.lua" <<LUA
local n = $segments
local i = 0
request = function()
  i = (i % n)
  local path = string.format(prefix .. "seg_%05d.m4s", i)
  i = i + 1
  return wrk.format("GET", path)
end
function setup(thread) end
LUA
run_wrk() { # server URL, path prefix, extra wrk arguments...
  local server="$1" prefix="$2"; shift 2
  (echo "prefix = '$prefix'"; cat "$bench_dir/paths.lua") >"$bench_dir/run.lua"
  wrk -t 2 -c 64 -d "${duration}s" --latency -s "$bench_dir/run.lua" "$@" "$server/"
}

nginx_out="$(run_wrk "$NGINX_URL" /hls/)"
# A first run warms Reelhouse up (connections, buffers); memory must then stay flat over the
# measured run.
run_wrk "$RH_URL" "/api/v1/videos/$video/hls/720p/" -H "Authorization: Bearer $RH_TOKEN" >/dev/null
rss_before="$(awk '/VmRSS/ {print $2}' /proc/$RH_PID/status)"
rh_out="$(run_wrk "$RH_URL" "/api/v1/videos/$video/hls/720p/" -H "Authorization: Bearer $RH_TOKEN")"
rss_after="$(awk '/VmRSS/ {print $2}' /proc/$RH_PID/status)"

python3 - "$nginx_out" "$rh_out" "$rss_before" "$rss_after" "$segment_bytes" "$duration" <<'PY'
import re, sys
nginx, rh, before, after, seg, duration = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]), sys.argv[6]
def parse(out):
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p99 = re.search(r"99%\s+([\d.]+)(us|ms|s)", out)
    scale = {"us": 0.001, "ms": 1.0, "s": 1000.0}[p99.group(2)]
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return rps, float(p99.group(1)) * scale, int(errors.group(1)) if errors else 0
n_rps, n_p99, n_err = parse(nginx)
r_rps, r_p99, r_err = parse(rh)
ratio = r_rps / n_rps
growth = (after - before) / 1024
print(f"segment delivery, 64 connections, {duration} s each, {seg/1e6:.2f} MB segments")
print(f"{'server':<28}{'req/s':>10}{'p99 ms':>10}{'errors':>8}")
print(f"{'nginx (reference)':<28}{n_rps:>10.0f}{n_p99:>10.1f}{n_err:>8}")
print(f"{'reelhouse proxy, fs store':<28}{r_rps:>10.0f}{r_p99:>10.1f}{r_err:>8}")
print(f"throughput ratio {ratio:.2f} (target >= 0.70); reelhouse RSS {before/1024:.1f} -> {after/1024:.1f} MiB (growth {growth:.1f} MiB, target < 20)")
ok = ratio >= 0.7 and growth < 20 and r_err == 0
print("PASS" if ok else "FAIL")
sys.exit(0 if ok else 1)
PY
