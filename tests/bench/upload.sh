#!/usr/bin/env bash
# Upload throughput of a 2 GiB file over loopback: Reelhouse's tus PATCH (one request, as a
# client on a good network sends it) against the same bytes PUT to nginx, alternating runs, median
# of each. Targets: at least 0.8 of nginx's throughput; Reelhouse's peak RSS under 100 MiB.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

size=$((2 * 1024 * 1024 * 1024))
runs="${BENCH_RUNS:-5}"
file="$bench_dir/source.bin"
head -c "$size" /dev/urandom >"$file"

start_reelhouse
start_nginx "$bench_dir/www"

upload_reelhouse() {
  local location
  location="$(curl -fsS -D - -o /dev/null -X POST "$RH_URL/api/v1/uploads" \
    -H "Authorization: Bearer $RH_TOKEN" -H 'Tus-Resumable: 1.0.0' \
    -H "Upload-Length: $size" -H 'Upload-Metadata: filename YmVuY2gubXA0' |
    awk 'tolower($1)=="location:" {print $2}' | tr -d '\r')"
  curl -fsS -o /dev/null -w '%{time_total}\n' -X PATCH -T "$file" "$RH_URL$location" \
    -H "Authorization: Bearer $RH_TOKEN" -H 'Tus-Resumable: 1.0.0' \
    -H 'Content-Type: application/offset+octet-stream' -H 'Upload-Offset: 0'
}

upload_nginx() {
  curl -fsS -o /dev/null -w '%{time_total}\n' -T "$file" "$NGINX_URL/upload-$1.bin"
}

# Each upload starts with no dirty pages pending (sync), and the order alternates, so neither
# server pays for the other's writeback.
rh_times=(); nginx_times=()
for run in $(seq 1 "$runs"); do
  if ((run % 2)); then
    sync; nginx_times+=("$(upload_nginx "$run")")
    sync; rh_times+=("$(upload_reelhouse)")
  else
    sync; rh_times+=("$(upload_reelhouse)")
    sync; nginx_times+=("$(upload_nginx "$run")")
  fi
  rm -f "$bench_dir/www/upload-$run.bin"
  rm -rf "$REELHOUSE_DATA_DIR/objects/uploads"
done
rh="$(printf '%s\n' "${rh_times[@]}" | median)"
ng="$(printf '%s\n' "${nginx_times[@]}" | median)"
rss="$(peak_rss_mib "$RH_PID")"

python3 - "$size" "$rh" "$ng" "$rss" "$runs" <<'PY'
import sys
size, rh, ng, rss, runs = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4]), sys.argv[5]
rh_rate, ng_rate = size / rh / 1e6, size / ng / 1e6
ratio = rh_rate / ng_rate
print(f"2 GiB upload over loopback, median of {runs} runs each")
print(f"{'server':<24}{'seconds':>10}{'MB/s':>10}")
print(f"{'nginx PUT (reference)':<24}{ng:>10.2f}{ng_rate:>10.0f}")
print(f"{'reelhouse tus PATCH':<24}{rh:>10.2f}{rh_rate:>10.0f}")
print(f"throughput ratio {ratio:.2f} (target >= 0.80); reelhouse peak RSS {rss:.1f} MiB (target < 100)")
ok = ratio >= 0.8 and rss < 100
print("PASS" if ok else "FAIL")
sys.exit(0 if ok else 1)
PY
