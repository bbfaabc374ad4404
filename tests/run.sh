#!/usr/bin/env bash
# Runs every test of the solution on a fresh machine: installs what the tests need (Debian's
# chromium for the Web Chat page test; LibreOffice (Writer and Calc), poppler-utils and a small free CJK font for
# the Word export's rendering tests; npm fetches Web Chat during the build), then builds and
# tests. Usage: bash tests/run.sh
set -euo pipefail
cd "$(dirname "$0")/.."

packages=()
command -v chromium >/dev/null 2>&1 || packages+=(chromium)
command -v soffice >/dev/null 2>&1 || packages+=(libreoffice-writer-nogui)
# The spreadsheet tests open the .xlsx files the bot sends in LibreOffice Calc.
dpkg -s libreoffice-calc-nogui >/dev/null 2>&1 || packages+=(libreoffice-calc-nogui)
command -v pdftotext >/dev/null 2>&1 || packages+=(poppler-utils)
# Without a Chinese font LibreOffice draws (and poppler extracts) no Chinese text.
[ -n "$(fc-list :lang=zh 2>/dev/null)" ] || packages+=(fonts-wqy-microhei)
if [ "${#packages[@]}" -gt 0 ]; then
  echo "Installing ${packages[*]} for the browser and Word rendering tests..."
  if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${packages[@]}" >/dev/null
fi

log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
dotnet test MeetingBot.sln --nologo 2>&1 | tee "$log" || status=$?

# One closing line for the whole run, summed over the test assemblies.
awk '/^(Passed|Failed)! +- +Failed:/ {
       gsub(",", ""); for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1) }
     }
     END { printf "%d passed, %d failed\n", p, f }' "$log"
exit "$status"
