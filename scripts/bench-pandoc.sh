#!/usr/bin/env bash
# Times our export of the generated large portfolio against pandoc (Debian's package) turning
# the same text, as one Markdown draft, into a standalone HTML page: side by side in one run,
# median of N runs each; and the command line as a whole process (`--version`, `export`).
# Prints the figures and the ratios; exits 1 when our export of the text, in-process or as a
# whole `cmalt-portfolio export`, is not at least 20 times faster, or `--version` takes 5 ms.
#
#   scripts/bench-pandoc.sh [--runs N]      (default 11)
#
# Builds crates/core's export-bench tool and the command line (crates/cli) with the app's
# release profile into
# $CARGO_TARGET_DIR (default ~/.cache/cmalt-portfolio/target-bench).
set -euo pipefail

cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/cmalt-portfolio/target-bench}"

if ! command -v pandoc >/dev/null 2>&1; then
  echo "Installing pandoc (Debian's package)..."
  if [ "$(id -u)" -eq 0 ]; then
    apt-get install -y -qq pandoc >/dev/null
  else
    sudo apt-get install -y -qq pandoc >/dev/null
  fi
fi

echo "Building export-bench and the command line (release profile)..."
cargo build --release --quiet -p cmalt-core --bin export-bench
cargo build --release --quiet -p cmalt-cli

exec "$CARGO_TARGET_DIR/release/export-bench" --pandoc "$(command -v pandoc)" --min-ratio 20 \
  --cli "$CARGO_TARGET_DIR/release/cmalt-portfolio" "$@"
