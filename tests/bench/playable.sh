#!/usr/bin/env bash
# How soon a long recording becomes playable: a 60-minute source (320x180, as small input is
# allowed) is uploaded, and we time from the moment the upload completes (its transcode job is
# queued) until the video is playable, with its master playlist and first segments in the store.
# Target: under 10 s. Also prints how long the whole transcode takes, for reference.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

minutes="${BENCH_MINUTES:-60}"
file="$bench_dir/session.mp4"
ffmpeg -hide_banner -loglevel error -f lavfi -i "testsrc2=size=320x180:rate=25:duration=$((minutes * 60))" \
  -f lavfi -i "sine=frequency=220:duration=$((minutes * 60))" \
  -c:v libx264 -preset ultrafast -g 250 -pix_fmt yuv420p -c:a aac -b:a 64k "$file"
size="$(stat -c %s "$file")"

export REELHOUSE_WORKERS=1
start_reelhouse_with_workers() {
  local port; port="$(free_port)"
  export REELHOUSE_DATA_DIR="$bench_dir/rh" REELHOUSE_BIND="127.0.0.1:$port" RUST_LOG=warn
  echo 'benchmark-password' | "$REELHOUSE_BIN" admin create-user --email bench@example.test \
    --name Bench --role trainer --password-stdin >/dev/null
  RH_TOKEN="$("$REELHOUSE_BIN" admin create-token --email bench@example.test)"
  "$REELHOUSE_BIN" serve --workers 1 >/dev/null 2>"$bench_dir/rh.log" &
  RH_PID=$!; pids+=("$RH_PID")
  RH_URL="http://127.0.0.1:$port"
  wait_http "$RH_URL/healthz"
}
start_reelhouse_with_workers

location="$(curl -fsS -D - -o /dev/null -X POST "$RH_URL/api/v1/uploads" \
  -H "Authorization: Bearer $RH_TOKEN" -H 'Tus-Resumable: 1.0.0' \
  -H "Upload-Length: $size" -H 'Upload-Metadata: filename c2Vzc2lvbi5tcDQ=' |
  awk 'tolower($1)=="location:" {print $2}' | tr -d '\r')"
curl -fsS -o /dev/null -X PATCH -T "$file" "$RH_URL$location" \
  -H "Authorization: Bearer $RH_TOKEN" -H 'Tus-Resumable: 1.0.0' \
  -H 'Content-Type: application/offset+octet-stream' -H 'Upload-Offset: 0'
queued="$(date +%s.%N)"
video="$(curl -fsS "$RH_URL$location" -H "Authorization: Bearer $RH_TOKEN" | python3 -c 'import json,sys; print(json.load(sys.stdin)["video_id"])')"

field() { curl -fsS "$RH_URL/api/v1/videos/$video" -H "Authorization: Bearer $RH_TOKEN" | python3 -c "import json,sys; print(json.load(sys.stdin)['$1'])"; }
until [ "$(field playable)" = "True" ]; do
  sleep 0.05
  if [ "$(field status)" = "failed" ]; then echo "the transcode failed: $(field error)"; exit 1; fi
done
playable="$(date +%s.%N)"
objects="$REELHOUSE_DATA_DIR/objects/videos/$video/hls"
test -s "$objects/master.m3u8"
first_segment="$(ls "$objects"/*/seg_*.m4s | head -n 1)"
test -s "$first_segment"

until [ "$(field status)" = "ready" ]; do sleep 1; done
ready="$(date +%s.%N)"

python3 - "$queued" "$playable" "$ready" "$minutes" <<'PY'
import sys
queued, playable, ready, minutes = map(float, sys.argv[1:])
print(f"{int(minutes)}-minute source, 320x180")
print(f"{'upload complete -> playable':<32}{playable - queued:>8.2f} s  (target < 10)")
print(f"{'upload complete -> ready':<32}{ready - queued:>8.2f} s  ({minutes * 60 / (ready - queued):.0f}x real time)")
ok = playable - queued < 10
print("PASS" if ok else "FAIL")
sys.exit(0 if ok else 1)
PY
