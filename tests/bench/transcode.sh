#!/usr/bin/env bash
# Transcoding memory and speed against the FFmpeg command line, in the same run, on the phone
# videos users upload: a 20 s 1080p30 H.264 clip, and a 10 s 2160p HEVC 10-bit HLG clip recorded
# rotated (as phones store portrait video). Each goes through a `reelhouse worker` process of its
# own (its resident memory sampled from /proc), then through one `ffmpeg` process making the same
# rungs (sizes and bitrates read from Reelhouse's master playlist) with decode once, split,
# x264 veryfast, AAC and fMP4 HLS (zscale/tonemap for HDR; the CLI turns rotated video itself).
# Targets:
#   memory: the worker's peak above its idle size <= 1.25x the CLI's peak, for both sources;
#   given back: 5 s after the job the worker is within 150 MiB of its idle size;
#   time: the ladder's wall time <= 1.10x the CLI's (each the faster of two runs, taken in turn),
#         with the top rung's SSIM >= the CLI's. Both are measured against the same ideal picture:
#         the source tone-mapped and turned in full-resolution RGB, scaled, then made 4:2:0. (The
#         CLI turns 4:2:0 video before tone-mapping, which moves the chroma half a pixel;
#         Reelhouse tone-maps first.)
set -euo pipefail
source "$(dirname "$0")/lib.sh"

hd="$bench_dir/phone-1080p.mp4"
ffmpeg -hide_banner -loglevel error -f lavfi -i "testsrc2=size=1920x1080:rate=30:duration=20" \
  -f lavfi -i "sine=frequency=440:duration=20" -c:v libx264 -preset veryfast -pix_fmt yuv420p \
  -c:a aac "$hd"
uhd_flat="$bench_dir/phone-2160p-flat.mov"
uhd="$bench_dir/phone-2160p-hlg-rotated.mov"
ffmpeg -hide_banner -loglevel error -f lavfi -i "testsrc2=size=3840x2160:rate=30:duration=10" \
  -f lavfi -i "sine=duration=10" -c:v libx265 -preset ultrafast -pix_fmt yuv420p10le -tag:v hvc1 \
  -x265-params log-level=error -color_primaries bt2020 -color_trc arib-std-b67 \
  -colorspace bt2020nc -c:a aac -shortest "$uhd_flat"
# FFmpeg 5 writes a display matrix when the rotate tag is set on a stream copy.
ffmpeg -hide_banner -loglevel error -i "$uhd_flat" -c copy -metadata:s:v rotate=90 "$uhd"

# Tone-mapping as the CLI spells it (FFmpeg's own documentation of zscale/tonemap).
TONEMAP="zscale=t=linear:npl=100,format=gbrpf32le,zscale=p=bt709,tonemap=hable:desat=0,zscale=t=bt709:m=bt709:r=tv,format=yuv420p"
# The ideal pictures the top rungs are compared with, at WxH, from the source as stored
# (-noautorotate): FFmpeg 5 stores rotate=90 as a display matrix that turns the picture
# counter-clockwise (a wrong turn would show as an SSIM near 0).
IDEAL_SDR="fps=30,scale=W:H:flags=bicubic,format=yuv420p"
IDEAL_HLG="zscale=tin=arib-std-b67:min=bt2020nc:pin=bt2020:rin=tv:t=linear:npl=100,format=gbrpf32le,zscale=p=bt709,tonemap=hable:desat=0,zscale=t=bt709:m=bt709:r=tv,format=gbrpf32le,transpose=cclock,fps=30,zscale=w=W:h=H:f=bicubic,zscale=m=bt709:r=tv,format=yuv420p"

# reelhouse_transcode NAME SOURCE: one upload through a fresh server and worker process.
# Prints "idle_kib peak_kib after_kib wall_s objects_dir".
reelhouse_transcode() {
  local name="$1" source="$2" port; port="$(free_port)"
  export REELHOUSE_DATA_DIR="$bench_dir/rh-$name" REELHOUSE_BIND="127.0.0.1:$port" RUST_LOG=warn
  echo 'benchmark-password' | "$REELHOUSE_BIN" admin create-user --email bench@example.test \
    --name Bench --role trainer --password-stdin >/dev/null
  local token; token="$("$REELHOUSE_BIN" admin create-token --email bench@example.test)"
  "$REELHOUSE_BIN" serve --workers 0 >/dev/null 2>"$bench_dir/serve-$name.log" &
  local serve=$!; pids+=("$serve")
  "$REELHOUSE_BIN" worker --concurrency 1 >/dev/null 2>"$bench_dir/worker-$name.log" &
  local worker=$!; pids+=("$worker")
  local url="http://127.0.0.1:$port"
  wait_http "$url/healthz"
  sleep 2
  local idle; idle="$(awk '/VmRSS/ {print $2}' "/proc/$worker/status")"
  local size; size="$(stat -c %s "$source")"
  local location
  location="$(curl -fsS -D - -o /dev/null -X POST "$url/api/v1/uploads" \
    -H "Authorization: Bearer $token" -H 'Tus-Resumable: 1.0.0' \
    -H "Upload-Length: $size" -H 'Upload-Metadata: filename cGhvbmUubW92' |
    awk 'tolower($1)=="location:" {print $2}' | tr -d '\r')"
  curl -fsS -o /dev/null -X PATCH -T "$source" "$url$location" -H "Authorization: Bearer $token" \
    -H 'Tus-Resumable: 1.0.0' -H 'Content-Type: application/offset+octet-stream' -H 'Upload-Offset: 0'
  local started; started="$(date +%s.%N)"
  local video
  video="$(curl -fsS "$url$location" -H "Authorization: Bearer $token" |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["video_id"])')"
  # Polled lightly (curl and grep, four times a second): the machine's two cores are the
  # transcode's.
  local answer=""
  until [[ "$answer" == *'"status":"ready"'* ]]; do
    sleep 0.25
    answer="$(curl -fsS "$url/api/v1/videos/$video" -H "Authorization: Bearer $token")"
    if [[ "$answer" == *'"status":"failed"'* ]]; then
      echo "the $name transcode failed: $answer" >&2
      return 1
    fi
  done
  local finished; finished="$(date +%s.%N)"
  local peak; peak="$(awk '/VmHWM/ {print $2}' "/proc/$worker/status")"
  sleep 5
  local after; after="$(awk '/VmRSS/ {print $2}' "/proc/$worker/status")"
  kill "$serve" "$worker"; wait "$serve" "$worker" 2>/dev/null || true
  echo "$idle $peak $after $(python3 -c "print($finished - $started)") $REELHOUSE_DATA_DIR/objects/videos/$video/hls"
}

# cli_transcode NAME SOURCE HLS_DIR PREFILTER: the same rungs as Reelhouse made in HLS_DIR, by one
# ffmpeg process. Prints "peak_kib wall_s output_dir".
cli_transcode() {
  local name="$1" source="$2" hls="$3" prefilter="$4"
  local out="$bench_dir/cli-$name"
  mkdir -p "$out"
  local rungs
  rungs="$(python3 - "$hls/master.m3u8" <<'PY'
import re, sys
for line in open(sys.argv[1]):
    m = re.search(r"AVERAGE-BANDWIDTH=(\d+),RESOLUTION=(\d+)x(\d+)", line)
    if m:
        print(f"{m.group(2)}:{m.group(3)}:{max(100000, int(m.group(1)) - 128000)}")
PY
)"
  local labels="" chains="" i=0 outs=()
  for rung in $rungs; do
    IFS=: read -r w h b <<<"$rung"
    labels="$labels[s$i]"
    chains="$chains;[s$i]scale=$w:$h:flags=bicubic[v$i]"
    mkdir -p "$out/$i"
    outs+=(-map "[v$i]" -map 0:a -c:v libx264 -preset veryfast -profile:v high -b:v "$b"
      -maxrate "$((b * 3 / 2))" -bufsize "$((b * 3))" -g 120 -keyint_min 120 -sc_threshold 0
      -c:a aac -b:a 128k -ac 2 -ar 48000 -f hls -hls_time 4 -hls_segment_type fmp4
      -hls_playlist_type vod -hls_fmp4_init_filename init.mp4
      -hls_segment_filename "$out/$i/seg_%05d.m4s" "$out/$i/index.m3u8")
    i=$((i + 1))
  done
  local graph="[0:v]${prefilter}fps=30,format=yuv420p,split=$i$labels$chains"
  local timing
  timing="$( { /usr/bin/time -f '%M %e' ffmpeg -hide_banner -loglevel error -y -i "$source" \
    -filter_complex "$graph" "${outs[@]}"; } 2>&1 | tail -n 1)"
  echo "$timing $out/$((i - 1))"
}

# top_ssim PLAYLIST SOURCE IDEAL: SSIM of a rendition against the ideal picture at its size.
top_ssim() {
  local playlist="$1" source="$2" ideal="$3"
  local size w h
  size="$(ffprobe -v error -select_streams v:0 -show_entries stream=width,height -of csv=p=0:s=x "$playlist" | head -n 1)"
  w="${size%x*}" h="${size#*x}"
  ideal="${ideal//W/$w}"
  ideal="${ideal//H/$h}"
  ffmpeg -hide_banner -nostats -i "$playlist" -noautorotate -i "$source" -lavfi \
    "[1:v]${ideal}[ref];[0:v]format=yuv420p[out];[out][ref]ssim" \
    -f null - 2>&1 | sed -n 's/.*All:\([0-9.]*\).*/\1/p' | tail -n 1
}

faster() { python3 -c "import sys; print(min(float(a) for a in sys.argv[1:]))" "$@"; }

results=()
for case in "1080p30 H.264|$hd||$IDEAL_SDR" "2160p HEVC HLG rot|$uhd|$TONEMAP,|$IDEAL_HLG"; do
  IFS='|' read -r label source prefilter ideal <<<"$case"
  name="$(echo "$label" | tr -c 'a-zA-Z0-9\n' '-')"
  # (redirected, not substituted: the functions run in this shell, whose exit trap stops what
  # they started). Memory from the first run of each; time the faster of two, taken in turn.
  reelhouse_transcode "$name-1" "$source" >"$bench_dir/rh.out"
  read -r idle peak after wall hls <"$bench_dir/rh.out"
  top_rung="$(grep -v '^#' "$hls/master.m3u8" | tail -n 1)"
  cli_transcode "$name-1" "$source" "$hls" "$prefilter" >"$bench_dir/cli.out"
  read -r cli_peak cli_wall cli_top <"$bench_dir/cli.out"
  reelhouse_transcode "$name-2" "$source" >"$bench_dir/rh.out"
  read -r _ _ _ wall2 _ <"$bench_dir/rh.out"
  cli_transcode "$name-2" "$source" "$hls" "$prefilter" >"$bench_dir/cli.out"
  read -r _ cli_wall2 _ <"$bench_dir/cli.out"
  ssim="$(top_ssim "$hls/$top_rung" "$source" "$ideal")"
  cli_ssim="$(top_ssim "$cli_top/index.m3u8" "$source" "$ideal")"
  results+=("$label|$idle|$peak|$after|$(faster "$wall" "$wall2")|$cli_peak|$(faster "$cli_wall" "$cli_wall2")|$ssim|$cli_ssim")
done

python3 - "${results[@]}" <<'PY'
import sys
rows = [r.split("|") for r in sys.argv[1:]]
print("transcode: a worker process vs one ffmpeg process making the same rungs")
print(f"{'source':<20}{'idle MiB':>9}{'peak-idle':>10}{'CLI peak':>9}{'ratio':>7}{'after-idle':>11}"
      f"{'time s':>8}{'CLI s':>7}{'ratio':>7}{'SSIM':>8}{'CLI SSIM':>9}")
ok = True
for label, idle, peak, after, wall, cli_peak, cli_wall, ssim, cli_ssim in rows:
    idle, peak, after, cli_peak = (int(x) / 1024 for x in (idle, peak, after, cli_peak))
    wall, cli_wall, ssim, cli_ssim = float(wall), float(cli_wall), float(ssim), float(cli_ssim)
    mem_ratio = (peak - idle) / cli_peak
    time_ratio = wall / cli_wall
    given_back = after - idle
    print(f"{label:<20}{idle:>9.0f}{peak - idle:>10.0f}{cli_peak:>9.0f}{mem_ratio:>7.2f}{given_back:>11.0f}"
          f"{wall:>8.1f}{cli_wall:>7.1f}{time_ratio:>7.2f}{ssim:>8.4f}{cli_ssim:>9.4f}")
    ok &= mem_ratio <= 1.25 and given_back <= 150 and time_ratio <= 1.10 and ssim >= cli_ssim
print("targets: memory ratio <= 1.25, after-idle <= 150 MiB, time ratio <= 1.10, SSIM >= CLI's")
print("PASS" if ok else "FAIL")
sys.exit(0 if ok else 1)
PY
