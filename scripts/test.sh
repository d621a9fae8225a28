#!/usr/bin/env bash
# Installs what is missing, then runs every check and test: formatting, lints, the UI's
# unit tests, the Rust tests, and the end-to-end tests through the real window under Xvfb.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh test
# A build folder outside the clone, so repeated runs (and CI on the same machine) reuse it.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/cmalt-portfolio/target}"
export PATH="$HOME/.cargo/bin:$PATH"

echo "== UI: type check, build, unit tests"
(cd ui && npm run --silent build && npm test --silent)

echo "== Rust: formatting and lints"
cargo fmt --all --check
cargo clippy --workspace --all-targets --quiet -- -D warnings

echo "== Rust: core, command line and end-to-end tests (window under Xvfb)"
xvfb-run -a -s "-screen 0 1280x800x24 -nolisten tcp" cargo test --workspace
