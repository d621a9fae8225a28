#!/usr/bin/env bash
# Builds the packages (scripts/package.sh), installs the .deb on this machine with apt, and
# checks the installed app: its files, `--version` and `--help`, then imports the shared
# sample draft and runs `check` on it, all with the installed binary and a throwaway HOME.
# The package is removed again afterwards, even when a step fails, unless it was installed
# before this script ran. Needs root or sudo.
# Usage: scripts/test-package.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/cmalt-portfolio/target}"
root="$PWD"
sample="$root/tests/fixtures/sample/sample-cmalt.md"

fail() {
  echo "test-package: $*" >&2
  exit 1
}

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi
[ -f "$sample" ] || fail "the sample is missing: $sample"

scripts/package.sh

shopt -s nullglob
debs=("$CARGO_TARGET_DIR"/release/bundle/deb/*.deb)
[ "${#debs[@]}" -eq 1 ] || fail "expected one .deb in $CARGO_TARGET_DIR/release/bundle/deb, found ${#debs[@]}"
name="$(dpkg-deb -f "${debs[0]}" Package)"
version="$(dpkg-deb -f "${debs[0]}" Version)"

# The .rpm cannot be installed on Debian, but rpm (when present) checks its digests and says
# what it holds and needs.
rpm_result="rpm not checked (no rpm tool here)"
rpms=("$CARGO_TARGET_DIR"/release/bundle/rpm/*.rpm)
[ "${#rpms[@]}" -eq 1 ] || fail "expected one .rpm in $CARGO_TARGET_DIR/release/bundle/rpm, found ${#rpms[@]}"
if command -v rpm >/dev/null 2>&1; then
  rpm -K --nosignature "${rpms[0]}" >/dev/null || fail "the .rpm's digests do not match"
  [ "$(rpm -qp --qf '%{NAME} %{VERSION}' "${rpms[0]}")" = "$name $version" ] ||
    fail "the .rpm is not $name $version"
  # (grep reads whole captured outputs: `rpm ... | grep -q` fails under pipefail when grep
  # stops reading early.)
  for installed_binary in /usr/bin/cmalt-portfolio /usr/bin/cmalt-portfolio-window; do
    grep -qx "$installed_binary" <<<"$(rpm -qlp "${rpms[0]}")" || fail "the .rpm holds no $installed_binary"
  done
  grep -q '^libwebkit2gtk-4\.1\.so\.0' <<<"$(rpm -qpR "${rpms[0]}")" || fail "the .rpm does not require WebKitGTK 4.1"
  rpm_result="rpm digests, name, binary and requirements checked"
fi

work="$(mktemp -d)"
# apt reads a local .deb as its unprivileged _apt user: a copy in a readable folder avoids
# its "unsandboxed download" notice (and the space in the bundle's file name).
chmod 755 "$work"
cp "${debs[0]}" "$work/$name.deb"
chmod 644 "$work/$name.deb"

installed_before=false
if dpkg-query -W -f='${Status}' "$name" 2>/dev/null | grep -q 'install ok installed'; then
  installed_before=true
  echo "test-package: $name was already installed; it is replaced by this build and left installed"
fi

cleanup() {
  if [ "$installed_before" = false ] && dpkg-query -W -f='${Status}' "$name" 2>/dev/null | grep -q 'install ok installed'; then
    DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get remove -y -qq "$name" >/dev/null
  fi
  rm -rf "$work"
}
trap cleanup EXIT

echo "test-package: installing $name $version with apt"
# --reinstall: a copy of the same version already installed is replaced by this build.
DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --reinstall "$work/$name.deb" >"$work/apt.log" 2>&1 ||
  fail "apt could not install the .deb: $(cat "$work/apt.log")"

# What the package put on the machine: the binary, the menu entry and the icons.
binary=/usr/bin/cmalt-portfolio
window_binary=/usr/bin/cmalt-portfolio-window
[ -x "$window_binary" ] || fail "$window_binary is not installed"
[ -x "$binary" ] || fail "$binary is not installed"
files="$(dpkg -L "$name")"
grep -q '^/usr/share/applications/.*\.desktop$' <<<"$files" || fail "the package installs no desktop file"
grep -q '^Exec=cmalt-portfolio-window' "$(grep '^/usr/share/applications/.*\.desktop$' <<<"$files" | head -n 1)" ||
  fail "the desktop file does not start cmalt-portfolio-window"
desktop_file="$(grep '^/usr/share/applications/.*\.desktop$' <<<"$files" | head -n 1)"
# "Open with" in a file manager: the window takes the folder it is given.
grep -q '^Exec=cmalt-portfolio-window %f$' "$desktop_file" || fail "the desktop file does not pass the folder to open (%f)"
grep -q '^MimeType=inode/directory;$' "$desktop_file" || fail "the desktop file does not offer to open folders"
# Spelling underlines need a dictionary: British English is recommended with the app.
dpkg-deb -f "${debs[0]}" Recommends | grep -q 'hunspell-en-gb' || fail "the .deb does not recommend hunspell-en-gb"
# Check links online speaks TLS through the system's OpenSSL (its certificates, its proxy).
dpkg-deb -f "${debs[0]}" Depends | grep -q 'libssl3' || fail "the .deb does not depend on libssl3"
# The PDF export sets its text in the system's Liberation fonts.
dpkg-deb -f "${debs[0]}" Depends | grep -q 'fonts-liberation2' || fail "the .deb does not depend on fonts-liberation2"
for size in 32x32 128x128 512x512; do
  grep -qx "/usr/share/icons/hicolor/$size/apps/cmalt-portfolio-window.png" <<<"$files" ||
    fail "the package installs no $size icon"
done

# The installed binary, with nothing of this machine's user: its own HOME and XDG folders,
# no display and no session bus.
home="$work/home"
mkdir -p "$home/run"
chmod 700 "$home/run"
installed() {
  env -u DISPLAY -u WAYLAND_DISPLAY -u DBUS_SESSION_BUS_ADDRESS \
    HOME="$home" XDG_DATA_HOME="$home/.local/share" XDG_CONFIG_HOME="$home/.config" \
    XDG_CACHE_HOME="$home/.cache" XDG_STATE_HOME="$home/.local/state" XDG_RUNTIME_DIR="$home/run" \
    "$binary" "$@"
}

reported_version="$(installed --version)"
[ "$reported_version" = "cmalt-portfolio $version" ] ||
  fail "--version says \"$reported_version\", the package is $version"
grep -q 'check' <<<"$(installed --help)" || fail "--help does not list the check command"

# The command line links no window toolkit: it runs on a server without WebKit or GTK.
if grep -Eq 'libwebkit|libgtk|libgdk|libjavascriptcore' <<<"$(ldd "$binary")"; then
  fail "the installed command line links the window toolkit: $(ldd "$binary" | grep -E 'webkit|gtk|gdk')"
fi

# No test hooks in the released app: the variables the end-to-end tests answer dialogs with
# are not even in the binary (the test build's `test-hooks` feature adds them), so nothing
# that launches the installed app can attach files without a dialog.
for hook in CMALT_PORTFOLIO_PICK_FILES CMALT_PORTFOLIO_HANDED_OVER_LOG; do
  if grep -qa "$hook" "$window_binary"; then fail "the installed window still reads $hook"; fi
  # The test build has them, or this check could not tell the two apart.
  grep -qa "$hook" "$CARGO_TARGET_DIR/debug/cmalt-portfolio-window" ||
    fail "the test build does not read $hook, so this check proves nothing"
done

# The sample draft, with the evidence files beside it, into a new portfolio.
installed import "$sample" --out "$work/portfolio" >"$work/import.txt" ||
  fail "importing the sample failed: $(cat "$work/import.txt")"
evidence_files=$(find "$work/portfolio/evidence" -type f | wc -l)
[ "$evidence_files" -gt 0 ] || fail "the import attached none of the sample's evidence files"

# The sample is an assessor-ready portfolio: check must run, find no errors and exit 0 (1 is
# errors found, 2 could not read it), listing as warnings what its prose lets it propose.
set +e
installed check "$work/portfolio" >"$work/check.txt" 2>&1
status=$?
set -e
[ "$status" -eq 0 ] || fail "check exited $status, expected 0 (ready): $(cat "$work/check.txt")"
summary="$(tail -n 1 "$work/check.txt")"
warnings="$(sed -n 's/^no errors, \([0-9][0-9]*\) warnings\{0,1\}.*/\1/p' <<<"$summary")"
[ -n "$warnings" ] || fail "check's summary is not 'no errors, N warnings': $summary"
listed=$(grep -c '^  warning: ' "$work/check.txt" || true)
[ "$listed" -eq "$warnings" ] || fail "check counts $warnings warnings but lists $listed"
grep -q "writing names Public Sector Bodies Accessibility Regulations 2018" "$work/check.txt" ||
  fail "check does not propose 3a's topic from its prose: $(cat "$work/check.txt")"

# The installed command line makes the PDF (with the fonts the package depends on) and the
# Word document, with no display, as the window asks it to.
installed export "$work/portfolio" --format pdf --out "$work/portfolio.pdf" >"$work/pdf.txt" 2>&1 ||
  fail "the installed command line made no PDF: $(cat "$work/pdf.txt")"
pages="$(pdfinfo "$work/portfolio.pdf" | sed -n 's/^Pages: *//p')"
[ "${pages:-0}" -gt 1 ] || fail "the installed command line's PDF has ${pages:-no} pages"
installed export "$work/portfolio" --format docx --out "$work/portfolio.docx" >"$work/docx.txt" 2>&1 ||
  fail "the installed command line made no Word document: $(cat "$work/docx.txt")"

cleanup
trap - EXIT
left="removed again"
if [ "$installed_before" = true ]; then left="left installed, as it was before"; fi
echo "package: .deb installed ($name $version), no test hooks in the binary, the installed binary imported the sample ($evidence_files evidence files), checked it (ready, $warnings warnings, exit 0 as expected) and exported it as a $pages-page PDF and a Word document, $left"
echo "package: .rpm built, $rpm_result"
