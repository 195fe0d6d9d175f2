#!/bin/sh
# --headlines over the page the store keeps folded: after a refresh it
# prints the kept page, which is the page folded in memory (the kept one
# made stale behind the program's back, through Python's sqlite3), and
# it never writes to the database, whether the kept page is current or
# stale; another fold-threshold makes it stale until the next refresh.
top_srcdir=${top_srcdir:-.}
top_builddir=${top_builddir:-.}
PYTHON3=${PYTHON3:-python3}
NF="$top_builddir/newsfold"
FOLD="$top_srcdir/tests/fixtures/fold"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/nf-kept.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT
trap 'exit 99' INT TERM HUP
unset NEWSFOLD_CONFIG http_proxy HTTP_PROXY https_proxy HTTPS_PROXY
mkdir -p "$tmp/home"
HOME="$tmp/home"
XDG_CONFIG_HOME="$tmp/home/.config"
XDG_DATA_HOME="$tmp/home/.local/share"
COLUMNS=100
export HOME XDG_CONFIG_HOME XDG_DATA_HOME COLUMNS
"$PYTHON3" -c "import sqlite3" 2>/dev/null || { echo "no sqlite3 in python3"; exit 77; }

failures=0
fail() {
	echo "FAIL: $*"
	failures=$((failures + 1))
}

for f in harbor-wire.rss daily-lantern.rss asanagi.rss meridian-post.atom; do
	echo "feed file://$(cd "$FOLD" && pwd)/$f"
done >"$tmp/rc"
db="$tmp/news.db"

# sql STATEMENT: run on the database, printing the first column's rows
sql() {
	"$PYTHON3" - "$db" "$1" <<'PY'
import sqlite3, sys
con = sqlite3.connect(sys.argv[1])
for row in con.execute(sys.argv[2]):
    print(row[0])
con.commit()
con.close()
PY
}

# headlines NAME: --headlines into $tmp/NAME, checking the file is untouched
headlines() {
	cksum <"$db" >"$tmp/sum.before"
	ls "$tmp" >"$tmp/files.before"
	"$NF" -c "$tmp/rc" -d "$db" --headlines >"$tmp/$1" 2>"$tmp/$1.err" ||
		fail "$1: exit $? ($(cat "$tmp/$1.err"))"
	cksum <"$db" | cmp -s - "$tmp/sum.before" ||
		fail "$1: --headlines wrote to the database"
	ls "$tmp" | grep -v "^$1" | cmp -s - "$tmp/files.before" ||
		fail "$1: --headlines left files beside the database"
}

"$NF" -c "$tmp/rc" -d "$db" --refresh >/dev/null 2>&1 || { echo "refresh failed"; exit 99; }
[ "$(sql 'SELECT folded_gen = gen FROM fold_state')" = 1 ] ||
	fail "the refresh did not keep the page"
[ "$(sql 'SELECT count(*) > 0 FROM stories')" = 1 ] || fail "no kept stories"

# 1. The kept page.
headlines kept
grep -q "similar" "$tmp/kept" || fail "kept: no folded story on the page"

# 2. Stale (as after a change the page has not seen): folded in memory,
# the same page, and still nothing written.
sql 'UPDATE fold_state SET gen = gen + 1' >/dev/null
headlines memory
cmp -s "$tmp/kept" "$tmp/memory" || {
	fail "the kept page differs from the page folded in memory"
	diff "$tmp/kept" "$tmp/memory" | head -20
}
[ "$(sql 'SELECT folded_gen = gen FROM fold_state')" = 0 ] ||
	fail "--headlines kept the page again: it must not write"

# 3. A refresh keeps it again; another threshold in the dotfile makes it
# stale, and --headlines folds in memory at that threshold.
"$NF" -c "$tmp/rc" -d "$db" --refresh >/dev/null 2>&1 || fail "second refresh failed"
[ "$(sql 'SELECT folded_gen = gen FROM fold_state')" = 1 ] ||
	fail "the second refresh did not keep the page"
headlines kept2
cmp -s "$tmp/kept" "$tmp/kept2" || fail "the page changed across a refresh"
echo "fold-threshold 0.99" >>"$tmp/rc"
headlines strict
cmp -s "$tmp/kept" "$tmp/strict" && fail "fold-threshold 0.99 gave the same page"
"$NF" -c "$tmp/rc" -d "$db" --refresh >/dev/null 2>&1 || fail "third refresh failed"
headlines strict-kept
cmp -s "$tmp/strict" "$tmp/strict-kept" || fail "the kept page at 0.99 differs"

# 4. Kept lines that reached the database by other means (the fold's
# generation does not move for its own tables) pass the text gate on
# their way out; a printable line is printed as it is.
sql "UPDATE stories SET head = 'Quay crane ' || char(27) || ']0;owned' ||
     char(7) || ' back', source = 'Wire ' || char(27) || '[2J desk'
     WHERE place = 1" >/dev/null
sql "UPDATE story_members SET head = 'Copy ' || char(27) || '[31m red',
     link = 'https://example.org/' || char(155) || 'x' WHERE story = 0 AND place = 1" >/dev/null
sql "UPDATE stories SET head = 'Plain  line	with a tab' WHERE place = 2" >/dev/null
headlines hostile
grep -q 'Quay crane' "$tmp/hostile" || fail "hostile: the edited line is not on the page"
grep -q 'Wire ' "$tmp/hostile" || fail "hostile: the edited source is not on the page"
if LC_ALL=C grep -q "$(printf '[\033\007]')" "$tmp/hostile"; then
	fail "hostile: an escape or bell byte reached stdout"
fi
grep -q 'Plain  line with a tab' "$tmp/hostile" ||
	fail "hostile: a tab is not printed as a space"

[ "$failures" -eq 0 ] || exit 1
echo "ok"
