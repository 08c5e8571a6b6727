#!/usr/bin/env bash
# Installs everything the test suite needs, from this repository's files, then runs all of it:
# Debian's chromium and a CJK font (browser tests, Chinese text), and the pinned Python packages.
# Extra arguments go to pytest, e.g. `bash scripts/test.sh -k briefing`.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
fonts=$(fc-list 2>/dev/null || true)  # read whole: `fc-list | grep -q` fails under pipefail (SIGPIPE)
grep -qi "Noto Sans CJK" <<<"$fonts" || missing+=(fonts-noto-cjk)
grep -qi "Noto Color Emoji" <<<"$fonts" || missing+=(fonts-noto-color-emoji)
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "Installing Debian packages: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" fontconfig
fi

python3 -m pip install -q --disable-pip-version-check -r requirements-dev.txt
python3 -m ruff check .  # lint and format (pyproject.toml's [tool.ruff]) before the tests
python3 -m ruff format --check .
exec python3 -m pytest "$@"
