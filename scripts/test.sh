#!/usr/bin/env bash
# Installs what is missing, then runs every check and test: formatting, lints, the UI's
# unit tests, the Rust tests, and the end-to-end tests through the real window under Xvfb.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh test
# A build folder outside the clone, so repeated runs (and CI on the same machine) reuse it.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/cmalt-portfolio/target}"
export PATH="$HOME/.cargo/bin:$PATH"

logs="$(mktemp -d)"
trap 'rm -rf "$logs"' EXIT

echo "== UI: lint and format (Biome), type check, build, unit tests"
# build:tools bundles the editor's Markdown round trip for Node, which tests/editor_roundtrip.rs runs.
(cd ui && npm run --silent lint && npm run --silent build && npm run --silent build:tools && NO_COLOR=1 npm test --silent) 2>&1 | tee "$logs/ui.log"

echo "== Rust: formatting and lints"
cargo fmt --all --check
# Linted as the tests build it (with the test hooks) and as it ships (without them).
cargo clippy --workspace --all-targets --quiet --features cmalt-portfolio/test-hooks -- -D warnings
cargo clippy --workspace --quiet -- -D warnings

echo "== Rust: core, command line and end-to-end tests (window under Xvfb)"
# `test-hooks`: the end-to-end tests answer the native file dialogs through the environment;
# the released app is built without it (scripts/test-package.sh checks that it has none).
xvfb-run -a -s "-screen 0 1280x800x24 -nolisten tcp" \
  cargo test --workspace --features cmalt-portfolio/test-hooks 2>&1 | tee "$logs/rust.log"

echo "== Rust: fault tests that need a particular user (mounts as root; permissions as nobody)"
if [ "$(id -u)" -eq 0 ]; then
  # The tmpfs tests mount a small disk: root only.
  cargo test -p cmalt-core --test disk_full --test read_only_folder -- --ignored 2>&1 | tee -a "$logs/rust.log"
  # Root ignores permissions, so the read-only folder test runs as nobody, from a copy of
  # its binary that nobody can read (the build folder is root's own).
  store_faults="$(cargo test -p cmalt-core --test store_faults --no-run 2>&1 | sed -n 's/.*Executable.*(\(.*\)).*/\1/p' | tail -n 1)"
  as_nobody="$(mktemp -d)"
  cp "$store_faults" "$as_nobody/store_faults"
  chmod 755 "$as_nobody" "$as_nobody/store_faults"
  (cd "$as_nobody" && runuser -u nobody -- env TMPDIR=/tmp ./store_faults --ignored 2>&1) | tee -a "$logs/rust.log"
  rm -rf "$as_nobody"
else
  cargo test -p cmalt-core --test store_faults -- --ignored 2>&1 | tee -a "$logs/rust.log"
  echo "tests: the tmpfs fault tests need root and were not run here (CI runs them)"
fi

echo "== Packages: the .deb and .rpm, the .deb installed and the sample checked with the installed app"
scripts/test-package.sh 2>&1 | tee "$logs/package.log"

echo "== Fuzzing: each target for a bounded time from its seeds (scripts/fuzz.sh 600 hunts longer)"
scripts/fuzz.sh "${CMALT_FUZZ_SECONDS:-15}" 2>&1 | tee "$logs/fuzz.log"

# One closing line for every suite together (the last cargo line is an empty doc-test run).
ui_passed=$(sed -n 's/^ *Tests *\([0-9][0-9]*\) passed.*/\1/p' "$logs/ui.log" | tail -n 1)
rust_passed=$(sed -n 's/^test result: ok\. \([0-9][0-9]*\) passed.*/\1/p' "$logs/rust.log" | awk '{ total += $1 } END { print total + 0 }')
echo "tests: $((${ui_passed:-0} + ${rust_passed:-0})) passed, 0 failed"
