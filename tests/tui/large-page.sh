#!/bin/sh
# A kept page larger than the first frame reads (its first stories): the
# first frame shows them, then the whole page is read, and a key sent at
# once (before the rest is read) acts on the whole page.
. "${top_srcdir:-.}/tests/tui/lib.sh"

if [ -z "$PYTHON3" ] || ! "$PYTHON3" -c "import sqlite3" 2>/dev/null; then
	echo "python3 with sqlite3 not found: skipped"
	exit 77
fi
db="$TMPDIR_TUI/test.db"
"$top_builddir/tests/tui/startup-bench" "$db" 3000 > "$TMPDIR_TUI/rc" || exit 99
printf 'refresh-on-start no\n' >> "$TMPDIR_TUI/rc"

cat > "$TMPDIR_TUI/run.sh" <<EOS
export TERM=xterm-256color LANG=C.UTF-8 LC_ALL=C.UTF-8 HOME="$TMPDIR_TUI"
unset NO_COLOR BROWSER NEWSFOLD_CONFIG
printf '\033[H\033[2J'
"$NEWSFOLD" -c "$TMPDIR_TUI/rc" -d "$db" 2>"$TMPDIR_TUI/stderr"
echo "EXIT=\$?"
exec sleep 600
EOS

# sql STATEMENT: the first column of its first row
sql() {
	"$PYTHON3" - "$db" "$1" <<'PY'
import sqlite3, sys
con = sqlite3.connect(sys.argv[1])
print(con.execute(sys.argv[2]).fetchone()[0])
con.close()
PY
}

start() {
	tui_new_session
	$TM set-option -t nf status off >/dev/null
}

again() {
	$TM respawn-pane -k -t nf "sh '$TMPDIR_TUI/run.sh'" || exit 99
}

# The title counts every story of the kept page once it is read whole.
whole_page() {
	tui_wait "────" || return 1
	n=$(sql "SELECT count(*) FROM stories")
	[ "$n" -gt 512 ] || { echo "# only $n stories"; return 1; }
	tui_wait "— $n stories, $n unread"
}

# G shows the page's last story at the bottom of the list.
last_story() {
	last=$(sql "SELECT head FROM stories ORDER BY place DESC LIMIT 1")
	tui_keys G
	tui_wait "$last"
}

quits_clean() {
	tui_keys Q
	tui_wait "EXIT=0"
}

start
tui_check "the first frame, then the whole page" whole_page
tui_check "G reaches the last story" last_story
tui_check "Q exits 0" quits_clean
again
tui_check "G sent at once reaches the last story" last_story
tui_check "the title counts the whole page" whole_page
tui_check "Q exits 0 again" quits_clean
tui_check "nothing on stderr" tui_quiet
tui_finish
