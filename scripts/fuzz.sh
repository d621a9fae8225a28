#!/usr/bin/env bash
# Fuzzes cmalt-core's untrusted inputs (a portfolio.json, Markdown and Word drafts, an
# exported zip, Markdown rendered to HTML) for a bounded time each, with cargo-fuzz and
# libFuzzer on the stable toolchain. Fails if any target crashes, hangs or runs out of memory.
#
#   scripts/fuzz.sh [SECONDS_PER_TARGET]     (default 20; e.g. 600 for a longer hunt)
#
# Each run starts from the committed seeds (fuzz/seeds/<target>/), copied to a scratch
# folder so the clone stays clean; inputs that once crashed (fuzz/regressions/<target>/)
# are replayed first. A crashing input is saved and its path printed.
set -euo pipefail

seconds="${1:-20}"
if ! [[ "$seconds" =~ ^[1-9][0-9]*$ ]]; then
  echo "usage: scripts/fuzz.sh [SECONDS_PER_TARGET]" >&2
  exit 2
fi

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
fuzz_dir="$repo/fuzz"
export PATH="$HOME/.cargo/bin:$PATH"
# Stable only (CI has no nightly). cargo-fuzz passes -Z flags (sanitizer coverage, the
# address sanitizer); RUSTC_BOOTSTRAP=1 lets the stable compiler accept them.
export RUSTUP_TOOLCHAIN=stable
export RUSTC_BOOTSTRAP=1
target_dir="${CMALT_FUZZ_TARGET_DIR:-$HOME/.cache/cmalt-portfolio/fuzz-target}"
# No sanitizer by default: the code fuzzed is safe Rust with no C underneath, so the address
# sanitizer finds little more, while without it the build takes a third of the time and each
# target runs 4 to 16 times more inputs in the same seconds. CMALT_FUZZ_SANITIZER=address
# turns it on (the stable toolchain ships its runtime).
sanitizer="${CMALT_FUZZ_SANITIZER:-none}"
cargo_fuzz_version=0.13.2

if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "fuzz: installing cargo-fuzz $cargo_fuzz_version"
  cargo install cargo-fuzz --version "$cargo_fuzz_version" --locked
fi

# The checker that decides whether rendered HTML could run code has tests of its own.
checker_tests="$(mktemp -d)"
rustc --edition 2024 --test -o "$checker_tests/live_html" "$fuzz_dir/fuzz_targets/live_html/mod.rs"
"$checker_tests/live_html" -q >/dev/null
rm -rf "$checker_tests"

cd "$repo"
targets=$(cargo fuzz list --fuzz-dir "$fuzz_dir")
build_start=$SECONDS
cargo fuzz build --fuzz-dir "$fuzz_dir" --target-dir "$target_dir" --sanitizer "$sanitizer"
echo "fuzz: built $(wc -w <<<"$targets") targets in $((SECONDS - build_start)) s ($sanitizer sanitizer)"
host="$(rustc -vV | sed -n 's/^host: //p')"
bin_dir="$target_dir/$host/release"

# Scratch in memory where there is some: the targets write and remove small files per input.
scratch_parent="${TMPDIR:-/tmp}"
[ -w /dev/shm ] && scratch_parent=/dev/shm
work="$(mktemp -d "$scratch_parent/cmalt-fuzz.XXXXXX")"
trap 'rm -rf "$work"' EXIT
export TMPDIR="$work/tmp"
mkdir -p "$TMPDIR"

# Per input: 10 s before it counts as a hang, 2 GB before it counts as running out of memory.
libfuzzer_limits=(-timeout=10 -rss_limit_mb=2048 -malloc_limit_mb=2048)
crashes=0
count=0
for target in $targets; do
  count=$((count + 1))
  binary="$bin_dir/$target"
  regressions="$fuzz_dir/regressions/$target"
  if [ -d "$regressions" ] && [ -n "$(ls -A "$regressions")" ]; then
    if ! "$binary" "${libfuzzer_limits[@]}" "$regressions"/* >"$work/$target.replay.log" 2>&1; then
      echo "fuzz: $target crashes again on an input in fuzz/regressions/$target:"
      tail -n 30 "$work/$target.replay.log"
      crashes=$((crashes + 1))
      continue
    fi
  fi
  corpus="$work/corpus/$target"
  artifacts="$work/artifacts/$target"
  mkdir -p "$corpus" "$artifacts"
  cp "$fuzz_dir/seeds/$target"/* "$corpus"/
  log="$work/$target.log"
  start=$SECONDS
  status=0
  "$binary" "$corpus" "${libfuzzer_limits[@]}" -max_total_time="$seconds" \
    -artifact_prefix="$artifacts/" -print_final_stats=1 >"$log" 2>&1 || status=$?
  took=$((SECONDS - start))
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
  if [ "$status" -eq 0 ]; then
    echo "fuzz: $target $took s, ${runs:-0} runs, no crash"
  else
    crashes=$((crashes + 1))
    echo "fuzz: $target $took s, ${runs:-?} runs, CRASH (exit $status)"
    tail -n 40 "$log"
    kept="${CMALT_FUZZ_KEEP:-$HOME/.cache/cmalt-portfolio/fuzz-crashes}/$target"
    mkdir -p "$kept"
    cp "$artifacts"/* "$kept"/ 2>/dev/null || true
    echo "fuzz: the input is kept in $kept; replay it with: $binary $kept/<file>"
    echo "fuzz: once fixed, add it to fuzz/regressions/$target/ so it is replayed every run"
  fi
done

echo "fuzz: $count targets, $crashes crashes"
[ "$crashes" -eq 0 ]
