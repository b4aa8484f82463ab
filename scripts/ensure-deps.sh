#!/usr/bin/env bash
# Makes sure the Debian/Ubuntu packages HeartGuard needs are present: installs them when run as root,
# otherwise prints the exact command and fails. Usage: ensure-deps.sh [--test]
set -euo pipefail
if ! command -v dotnet >/dev/null 2>&1; then
  echo "HeartGuard needs the .NET 10 SDK: https://dotnet.microsoft.com/download" >&2; exit 1
fi
missing=()
# OpenCvSharp's native library links against GTK 3.
ldconfig -p 2>/dev/null | grep -q 'libgtk-3.so.0' || missing+=(libgtk-3-0)
# SkiaSharp draws text through fontconfig; without a font, labels are silently not drawn.
fc-list 2>/dev/null | grep -qi dejavu || missing+=(fontconfig fonts-dejavu-core)
if [[ "${1:-}" == "--test" ]]; then
  # Browser tests drive Debian's Chromium through Playwright; no browser download is needed.
  [[ -x /usr/bin/chromium ]] || missing+=(chromium)
fi
if ((${#missing[@]})); then
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing ${missing[*]} ..." >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null && apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "HeartGuard needs these packages. Run:" >&2
    echo "  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
fi
