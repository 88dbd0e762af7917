#!/usr/bin/env bash
# Installs the Debian/Ubuntu libraries Qt needs, only those that are missing.
# Usage: scripts/system-packages.sh app|test
set -euo pipefail

app=(libgl1 libegl1 libfontconfig1 libfreetype6 libglib2.0-0 libdbus-1-3 libxkbcommon0
     fonts-dejavu-core libx11-xcb1 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0
     libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-render0 libxcb-shape0 libxcb-shm0
     libxcb-sync1 libxcb-util1 libxcb-xfixes0 libxcb-xkb1 python3-venv
     libpulse0)  # the last line: Qt's text to speech (read aloud) loads it
test=(hunspell hunspell-en-us hunspell-de-de hunspell-de-med poppler-utils xvfb xauth strace
      dbus at-spi2-core python3-pyatspi gir1.2-atspi-2.0  # the screen-reader test
      desktop-file-utils appstream  # validating the desktop entry and the AppStream metainfo
      speech-dispatcher speech-dispatcher-espeak-ng espeak-ng)  # the read-aloud smoke test

wanted=("${app[@]}")
[ "${1:-app}" = test ] && wanted+=("${test[@]}")

missing=()
for pkg in "${wanted[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if ! command -v apt-get >/dev/null; then
  echo "Please install these system packages with your package manager: ${missing[*]}" >&2
  exit 0
fi
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
echo "Installing system packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
