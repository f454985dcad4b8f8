#!/usr/bin/env bash
# How soon a long recording becomes playable, and that memory does not grow with its length: a
# 60-minute source (320x180, as small input is allowed) is uploaded, and we time from the moment
# the upload completes (its transcode job is queued) until the video is playable, with its master
# playlist and first segments in the store. The transcode runs in a `reelhouse worker` process of
# its own, whose peak resident memory is compared with a fresh worker's on a 20-second source of
# the same size.
# Targets: playable in under 10 s; the 60-minute transcode peaks no higher than the 20-second one
# (within 10%, for the allocator's noise).
set -euo pipefail
source "$(dirname "$0")/lib.sh"

minutes="${BENCH_MINUTES:-60}"
long="$bench_dir/session.mp4"
short="$bench_dir/short.mp4"
for pair in "$long:$((minutes * 60))" "$short:20"; do
  file="${pair%%:*}" seconds="${pair##*:}"
  ffmpeg -hide_banner -loglevel error -f lavfi -i "testsrc2=size=320x180:rate=25:duration=$seconds" \
    -f lavfi -i "sine=frequency=220:duration=$seconds" \
    -c:v libx264 -preset ultrafast -g 250 -pix_fmt yuv420p -c:a aac -b:a 64k "$file"
done

port="$(free_port)"
export REELHOUSE_DATA_DIR="$bench_dir/rh" REELHOUSE_BIND="127.0.0.1:$port" RUST_LOG=warn
echo 'benchmark-password' | "$REELHOUSE_BIN" admin create-user --email bench@example.test \
  --name Bench --role trainer --password-stdin >/dev/null
RH_TOKEN="$("$REELHOUSE_BIN" admin create-token --email bench@example.test)"
"$REELHOUSE_BIN" serve --workers 0 >/dev/null 2>"$bench_dir/rh.log" &
pids+=($!)
RH_URL="http://127.0.0.1:$port"
wait_http "$RH_URL/healthz"

# upload FILE: sends it; sets VIDEO and QUEUED (when the upload completed).
upload() {
  local size; size="$(stat -c %s "$1")"
  local location
  location="$(curl -fsS -D - -o /dev/null -X POST "$RH_URL/api/v1/uploads" \
    -H "Authorization: Bearer $RH_TOKEN" -H 'Tus-Resumable: 1.0.0' \
    -H "Upload-Length: $size" -H 'Upload-Metadata: filename c2Vzc2lvbi5tcDQ=' |
    awk 'tolower($1)=="location:" {print $2}' | tr -d '\r')"
  curl -fsS -o /dev/null -X PATCH -T "$1" "$RH_URL$location" \
    -H "Authorization: Bearer $RH_TOKEN" -H 'Tus-Resumable: 1.0.0' \
    -H 'Content-Type: application/offset+octet-stream' -H 'Upload-Offset: 0'
  QUEUED="$(date +%s.%N)"
  VIDEO="$(curl -fsS "$RH_URL$location" -H "Authorization: Bearer $RH_TOKEN" |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["video_id"])')"
}
answer() { curl -fsS "$RH_URL/api/v1/videos/$VIDEO" -H "Authorization: Bearer $RH_TOKEN"; }
wait_ready() {
  until [[ "$(answer)" == *'"status":"ready"'* ]]; do
    if [[ "$(answer)" == *'"status":"failed"'* ]]; then echo "the transcode failed: $(answer)"; exit 1; fi
    sleep 1
  done
}
start_worker() {
  "$REELHOUSE_BIN" worker --concurrency 1 >/dev/null 2>>"$bench_dir/worker.log" &
  WORKER=$!; pids+=("$WORKER")
  sleep 2
}

# The 20-second source first, in a worker of its own.
start_worker
upload "$short"
wait_ready
short_peak="$(awk '/VmHWM/ {print $2}' "/proc/$WORKER/status")"
kill "$WORKER"; wait "$WORKER" 2>/dev/null || true

start_worker
upload "$long"
until [[ "$(answer)" == *'"playable":true'* ]]; do
  sleep 0.05
  if [[ "$(answer)" == *'"status":"failed"'* ]]; then echo "the transcode failed: $(answer)"; exit 1; fi
done
playable="$(date +%s.%N)"
objects="$REELHOUSE_DATA_DIR/objects/videos/$VIDEO/hls"
test -s "$objects/master.m3u8"
first_segment="$(ls "$objects"/*/seg_*.m4s | head -n 1)"
test -s "$first_segment"
wait_ready
ready="$(date +%s.%N)"
long_peak="$(awk '/VmHWM/ {print $2}' "/proc/$WORKER/status")"

python3 - "$QUEUED" "$playable" "$ready" "$minutes" "$short_peak" "$long_peak" <<'PY'
import sys
queued, playable, ready, minutes, short_peak, long_peak = map(float, sys.argv[1:])
print(f"{int(minutes)}-minute source, 320x180")
print(f"{'upload complete -> playable':<34}{playable - queued:>8.2f} s  (target < 10)")
print(f"{'upload complete -> ready':<34}{ready - queued:>8.2f} s  ({minutes * 60 / (ready - queued):.0f}x real time)")
print(f"{'worker peak, 20-second source':<34}{short_peak / 1024:>8.1f} MiB")
print(f"{'worker peak, 60-minute source':<34}{long_peak / 1024:>8.1f} MiB  (target <= 1.10x the 20-second one)")
ok = playable - queued < 10 and long_peak <= 1.10 * short_peak
print("PASS" if ok else "FAIL")
sys.exit(0 if ok else 1)
PY
