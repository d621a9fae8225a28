#!/usr/bin/env bash
# Builds the installable Linux packages (.deb and .rpm) with the Tauri bundler, then prints
# where they are and how big. Assumes scripts/setup.sh has run (system packages, ui/node_modules).
# Usage: scripts/package.sh
# The packages land in $CARGO_TARGET_DIR/release/bundle/{deb,rpm}/.
set -euo pipefail
cd "$(dirname "$0")/.."
# The same build folder as scripts/test.sh, outside the clone, so repeated runs reuse it.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/cmalt-portfolio/target}"
export PATH="$HOME/.cargo/bin:$PATH"

# The Tauri CLI, exactly as locked in packaging/; reinstalled only when the lock file changed.
if [ ! -f packaging/node_modules/.package-lock.json ] || ! cmp -s packaging/package-lock.json packaging/node_modules/.setup-lock; then
  echo "package: installing the Tauri CLI (packaging/)"
  (cd packaging && npm ci --no-audit --no-fund --loglevel=error && cp package-lock.json node_modules/.setup-lock)
fi

# tauri.conf.json has no beforeBuildCommand: the UI is built here, then embedded in the binary.
# Only when a UI source is newer than the last build: a rewritten ui/dist, even unchanged,
# makes cargo rebuild the app with its link-time optimisation (about 2 minutes).
if [ -f ui/dist/index.html ] &&
  [ -z "$(find ui -path ui/node_modules -prune -o -path ui/dist -prune -o -type f -newer ui/dist/index.html -print -quit)" ]; then
  echo "package: the UI is up to date (ui/dist)"
else
  echo "package: building the UI"
  (cd ui && npm run --silent build)
fi

# The AppImage is left out on purpose: its bundler downloads linuxdeploy at build time.
# (--ci: never prompt.) Runs from the root, where tauri.conf.json is.
echo "package: building the release binary and the .deb and .rpm"
bundle="$CARGO_TARGET_DIR/release/bundle"
rm -f "$bundle"/deb/*.deb "$bundle"/rpm/*.rpm  # so only this build's packages are listed
# The command line is its own crate (no window toolkit): built first, then added to both
# packages as /usr/bin/cmalt-portfolio beside the window's binary.
cargo build --release --quiet -p cmalt-cli
cli="$CARGO_TARGET_DIR/release/cmalt-portfolio"
extra_files="$(printf '{"bundle":{"linux":{"deb":{"files":{"/usr/bin/cmalt-portfolio":"%s"}},"rpm":{"files":{"/usr/bin/cmalt-portfolio":"%s"}}}}}' "$cli" "$cli")"
packaging/node_modules/.bin/tauri build --ci --bundles deb,rpm --config "$extra_files"

shopt -s nullglob
packages=("$bundle"/deb/*.deb "$bundle"/rpm/*.rpm)
if [ "${#packages[@]}" -lt 2 ]; then
  echo "package: expected a .deb and an .rpm in $bundle" >&2
  exit 1
fi
for package in "${packages[@]}"; do
  printf 'package: %s (%s bytes, %s)\n' "$package" "$(stat -c %s "$package")" "$(du -h "$package" | cut -f1)"
done
