#!/usr/bin/env bash
# Installs what is missing, builds the UI and the app, and opens CMALT Portfolio.
# Any arguments are passed to the app (e.g. `scripts/run.sh new ~/my-portfolio --pathway cmalt`).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh app
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/cmalt-portfolio/target}"
(cd ui && npm run --silent build)
# The window and the command line (which, with no verb, starts the window beside it).
cargo build --release --quiet -p cmalt-portfolio -p cmalt-cli
exec "$CARGO_TARGET_DIR/release/cmalt-portfolio" "$@"
