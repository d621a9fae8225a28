#!/usr/bin/env bash
# Installs what building, running and testing CMALT Portfolio needs on Debian/Ubuntu,
# skipping anything already present so a second run costs a few seconds.
# Usage: scripts/setup.sh [app|test]   (default: app)
set -euo pipefail
cd "$(dirname "$0")/.."
purpose="${1:-app}"

# Packages the app needs to build and run (WebKitGTK and friends).
app_packages=(libwebkit2gtk-4.1-dev libgtk-3-dev librsvg2-dev libayatana-appindicator3-dev
  libssl-dev pkg-config build-essential patchelf file curl
  hunspell-en-gb  # the dictionary the editor's spelling underlines use (British English)
  fonts-liberation2)  # the fonts the PDF export sets its text in (read from the system, not bundled)
# Packages only the tests need: a virtual display, the WebDriver for WebKitGTK, screenshots.
test_packages=(xvfb xauth webkit2gtk-driver imagemagick xdotool pandoc rpm
  chromium poppler-utils default-jre-headless  # export checks: axe + PDF, pdfinfo/pdftotext, vnu
  libreoffice-writer-nogui  # import tests: .docx as LibreOffice Writer saves it
  python3-uno  # review tests: a reviewer's comments and tracked changes made in LibreOffice itself
  libimage-exiftool-perl icc-profiles-free  # photo tests: GPS, serial and owner tags written by exiftool, an sRGB profile
  qpdf)  # PDF export tests: bookmarks, links and the file's structure checked

wanted=("${app_packages[@]}")
if [ "$purpose" = test ]; then wanted+=("${test_packages[@]}"); fi

missing=()
for package in "${wanted[@]}"; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "setup: installing system packages: ${missing[*]}"
  sudo_cmd=()
  if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if ! command -v cargo >/dev/null 2>&1; then
  echo "setup: Rust is missing; install it from https://rustup.rs and run this again" >&2
  exit 1
fi
if ! command -v npm >/dev/null 2>&1; then
  echo "setup: Node.js and npm are missing; install them (apt-get install nodejs npm) and run this again" >&2
  exit 1
fi

# The UI's packages, exactly as locked; reinstalled only when the lock file changed.
if [ ! -f ui/node_modules/.package-lock.json ] || ! cmp -s ui/package-lock.json ui/node_modules/.setup-lock; then
  echo "setup: installing the UI's npm packages"
  (cd ui && npm ci --no-audit --no-fund --loglevel=error && cp package-lock.json node_modules/.setup-lock)
fi

# The export checks' npm packages (Nu HTML Checker, axe-core), exactly as locked.
if [ "$purpose" = test ] && { [ ! -f tests/tools/node_modules/.package-lock.json ] || ! cmp -s tests/tools/package-lock.json tests/tools/node_modules/.setup-lock; }; then
  echo "setup: installing the export checks' npm packages"
  (cd tests/tools && npm ci --no-audit --no-fund --loglevel=error && cp package-lock.json node_modules/.setup-lock)
fi

if [ "$purpose" = test ] && ! command -v tauri-driver >/dev/null 2>&1; then
  echo "setup: installing tauri-driver (WebDriver bridge for the end-to-end tests)"
  cargo install tauri-driver --locked --quiet
fi
