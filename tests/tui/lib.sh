# Shared by the terminal tests: runs newsfold in a private tmux server
# (its own socket, so no other tmux server is touched) and reads the pane
# as a person would see it. Source it, then call tui_start.

: "${top_srcdir:=.}"
: "${top_builddir:=.}"
if [ -z "$TMUX_BIN" ] || ! command -v "$TMUX_BIN" >/dev/null 2>&1; then
	echo "tmux not found: skipped"
	exit 77
fi
NEWSFOLD="$top_builddir/newsfold"
if [ ! -x "$NEWSFOLD" ]; then
	echo "$NEWSFOLD has not been built"
	exit 99
fi
FIXTURES="$top_srcdir/tests/tui/fixtures"
case "$FIXTURES" in /*) ;; *) FIXTURES="$(pwd)/$FIXTURES" ;; esac
TMPDIR_TUI=$(mktemp -d "${TMPDIR:-/tmp}/nf-tui.XXXXXX") || exit 99
TM="$TMUX_BIN -L nf-test-$$"
failures=0
checks=0

tui_cleanup() {
	$TM kill-server >/dev/null 2>&1
	rm -rf "$TMPDIR_TUI"
}
trap tui_cleanup EXIT INT TERM

# Starts the pane's session running run.sh. A server that a test has
# just killed may still be exiting, and a client that reaches it then
# fails ("server exited unexpectedly"): so a refused start is tried
# again, a fifth of a second later, up to ten times.
tui_new_session() {
	tries=0
	until $TM new-session -d -s nf -x 100 -y 30 "sh '$TMPDIR_TUI/run.sh'" 2>/dev/null; do
		tries=$((tries + 1))
		[ "$tries" -lt 10 ] || exit 99
		sleep 0.2
	done
}

# Writes the fixture dotfile with absolute file:// URLs.
tui_dotfile() {
	sed -e "s|@FIXTURES@|$FIXTURES|g" -e "s|@BROWSER@|$TMPDIR_TUI/fake-browser|g" \
		"$FIXTURES/newsfoldrc.in" > "$TMPDIR_TUI/newsfoldrc"
}

# Starts newsfold in a 100x30 pane; when it exits, the pane prints its
# exit status and terminal modes, then waits to be read.
tui_start() {
	tui_dotfile
	cat > "$TMPDIR_TUI/run.sh" <<EOS
export TERM=xterm-256color LANG=C.UTF-8 LC_ALL=C.UTF-8 HOME="$TMPDIR_TUI"
unset NO_COLOR BROWSER NEWSFOLD_CONFIG
"$NEWSFOLD" -c "$TMPDIR_TUI/newsfoldrc" -d "$TMPDIR_TUI/test.db" 2>"$TMPDIR_TUI/stderr"
echo "EXIT=\$?"
echo "MODES=\$(stty -a | tr ' ;' '\n\n' | grep -x -e icanon -e echo | tr '\n' ' ')"
exec sleep 600
EOS
	tui_new_session
	$TM set-option -t nf status off >/dev/null
	$TM select-pane -t nf -T nf-test-title
}

# Starts newsfold with no dotfile (a home of its own), so on the bundled
# demo feeds, in a 100x30 pane that prints its exit status when it ends.
tui_start_demo() {
	mkdir -p "$TMPDIR_TUI/home"
	cat > "$TMPDIR_TUI/run.sh" <<EOS
export TERM=xterm-256color LANG=C.UTF-8 LC_ALL=C.UTF-8 HOME="$TMPDIR_TUI/home"
unset NO_COLOR BROWSER NEWSFOLD_CONFIG XDG_CONFIG_HOME
"$NEWSFOLD" -d "$TMPDIR_TUI/test.db" 2>"$TMPDIR_TUI/stderr"
echo "EXIT=\$?"
exec sleep 600
EOS
	tui_new_session
	$TM set-option -t nf status off >/dev/null
}

tui_screen() {
	$TM capture-pane -p -t nf
}

# Polls the pane until fixed string $1 shows (or, with $2 = gone, until
# it does not), for at most 10 seconds.
tui_wait() {
	deadline=$(($(date +%s) + 10))
	while :; do
		tui_screen > "$TMPDIR_TUI/screen"
		if grep -qF -- "$1" "$TMPDIR_TUI/screen"; then
			[ "$2" != gone ] && return 0
		elif [ "$2" = gone ]; then
			return 0
		fi
		if [ "$(date +%s)" -ge "$deadline" ]; then
			echo "# timed out waiting for '$1'${2:+ ($2)}; the pane shows:"
			sed 's/^/# | /' "$TMPDIR_TUI/screen"
			return 1
		fi
		sleep 0.1
	done
}

# The reader's process: the child of the pane's shell, found through /proc
# (a minimal Debian has no ps).
tui_reader_pid() {
	pane=$($TM display -p -t nf '#{pane_pid}')
	for d in /proc/[0-9]*; do
		if [ "$(awk '/^PPid:/ { print $2 }' "$d/status" 2>/dev/null)" = "$pane" ]; then
			echo "${d#/proc/}"
			return
		fi
	done
}

tui_keys() {
	$TM send-keys -t nf "$@"
}

# Records one named check: tui_check NAME COMMAND...
tui_check() {
	name=$1
	shift
	checks=$((checks + 1))
	if "$@"; then
		echo "ok $checks - $name"
	else
		echo "not ok $checks - $name"
		failures=$((failures + 1))
	fi
}

# Every line of the pane fits in $1 columns.
tui_fits() {
	tui_screen | LC_ALL=C.UTF-8 awk -v w="$1" '{ print }' > "$TMPDIR_TUI/fit"
	max=$(LC_ALL=C.UTF-8 wc -L < "$TMPDIR_TUI/fit")
	lines=$(wc -l < "$TMPDIR_TUI/fit")
	if [ "$max" -gt "$1" ] || [ "$lines" -gt "$2" ]; then
		echo "# widest line $max > $1 or $lines lines > $2"
		return 1
	fi
}

# Nothing on stderr: no warnings, and no sanitizer reports.
tui_quiet() {
	[ ! -s "$TMPDIR_TUI/stderr" ] && return 0
	sed 's/^/# stderr: /' "$TMPDIR_TUI/stderr" | head -40
	return 1
}

tui_finish() {
	echo "# $checks checks, $failures failed"
	[ "$failures" -eq 0 ]
}
