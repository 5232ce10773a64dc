#!/usr/bin/env bash
# Makes sure the browser tests have their browser, before `npm test` runs them: Debian's Chromium at
# $AGORA_CHROMIUM (default /usr/bin/chromium). When it is missing, root on a Debian-like machine gets it
# from apt; anyone else gets a message saying how, and a failure: the browser tests are never skipped.
#   --dry-run  say what would be installed, install nothing.
set -euo pipefail

dry_run=0
for arg in "$@"; do
  case "$arg" in
    --dry-run) dry_run=1 ;;
    *)
      echo "ensure-chromium: unknown argument $arg (usage: ensure-chromium.sh [--dry-run])" >&2
      exit 2
      ;;
  esac
done

browser="${AGORA_CHROMIUM:-/usr/bin/chromium}"
# Chromium, and fonts with Latin and Arabic glyphs (DejaVu: 1 MB, where Noto is 12 MB), so pages and their screenshots show real text.
packages=(chromium fonts-dejavu-core)

if [ -x "$browser" ]; then
  exit 0
fi

if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  cat >&2 <<EOF
ensure-chromium: the browser tests need Chromium, and there is none at $browser.
  On Debian or Ubuntu, as root:  apt-get update && apt-get install -y ${packages[*]}
  Elsewhere, install Chromium (or Chrome) and point AGORA_CHROMIUM at its executable.
EOF
  exit 1
fi

echo "ensure-chromium: no browser at $browser; installing Debian's ${packages[*]}" >&2
if [ "$dry_run" -eq 1 ]; then
  echo "ensure-chromium: --dry-run: would run apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ${packages[*]}" >&2
  exit 0
fi
apt-get update -qq
# Recommends (Mesa's drivers, upower, a printing dialogue) serve a desktop, not a headless test run.
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${packages[@]}"

if [ ! -x "$browser" ]; then
  echo "ensure-chromium: installed ${packages[*]}, but there is still no browser at $browser (AGORA_CHROMIUM=${AGORA_CHROMIUM:-}); unset AGORA_CHROMIUM to use /usr/bin/chromium." >&2
  exit 1
fi
echo "ensure-chromium: $("$browser" --version 2>/dev/null)" >&2
