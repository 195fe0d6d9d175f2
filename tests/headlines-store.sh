#!/bin/sh
# newsfold --headlines without sources: the configured feeds through the
# store (a quiet refresh first when it holds none of their items, none
# after), the same page as with the feeds given as sources, the dotfile's
# fold-threshold, dotfile and store errors, and the HTTP charset.
top_srcdir=${top_srcdir:-.}
top_builddir=${top_builddir:-.}
PYTHON3=${PYTHON3:-python3}
NF="$top_builddir/newsfold"
FOLD="$top_srcdir/tests/fixtures/fold"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/nf-headlines.XXXXXX") || exit 99
server=
cleanup() {
	[ -n "$server" ] && kill "$server" 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 99' INT TERM HUP
unset http_proxy HTTP_PROXY https_proxy HTTPS_PROXY all_proxy ALL_PROXY
unset NEWSFOLD_CONFIG
# No dotfile or store of the user's is ever read or written.
mkdir -p "$tmp/home" "$tmp/feeds" "$tmp/www"
HOME="$tmp/home"
XDG_CONFIG_HOME="$tmp/home/.config"
XDG_DATA_HOME="$tmp/home/.local/share"
COLUMNS=100
export HOME XDG_CONFIG_HOME XDG_DATA_HOME COLUMNS

failures=0
fail() {
	echo "FAIL: $*"
	failures=$((failures + 1))
}

# run NAME ARGS...: stdout in $tmp/NAME.out, stderr in .err, status in .rc
run() {
	name=$1
	shift
	"$NF" "$@" >"$tmp/$name.out" 2>"$tmp/$name.err"
	echo $? >"$tmp/$name.rc"
}

# status NAME WANT
status() {
	[ "$(cat "$tmp/$1.rc")" = "$2" ] ||
		fail "$1: exit $(cat "$tmp/$1.rc"), want $2 (stderr: $(cat "$tmp/$1.err"))"
}

# The feeds are copies, so the test can change one behind the store's back.
for f in harbor-wire.rss daily-lantern.rss asanagi.rss meridian-post.atom; do
	cp "$FOLD/$f" "$tmp/feeds/$f" || exit 99
done
sources="$tmp/feeds/harbor-wire.rss $tmp/feeds/daily-lantern.rss"
sources="$sources $tmp/feeds/asanagi.rss $tmp/feeds/meridian-post.atom"
for f in $sources; do
	echo "feed file://$f"
done >"$tmp/rc"

# 1. An empty store: refreshed quietly, then the folded page.
run first -c "$tmp/rc" -d "$tmp/db" --headlines
status first 0
[ -s "$tmp/first.err" ] && fail "first: stderr: $(cat "$tmp/first.err")"
[ -f "$tmp/db" ] || fail "first: no database at $tmp/db"
grep -q '^▸ .* (+[0-9]* similar)$' "$tmp/first.out" ||
	fail "first: no folded story line"
grep -q 'ok [0-9]* new' "$tmp/first.out" && fail "first: refresh lines on stdout"

# 2. The same page as with the feeds given as sources.
# shellcheck disable=SC2086
run direct -c "$tmp/rc" --headlines $sources
status direct 0
cmp -s "$tmp/first.out" "$tmp/direct.out" ||
	fail "store page differs from the sources page: $(diff "$tmp/direct.out" "$tmp/first.out" | head -5)"

# 3. A second call reads the store and fetches nothing: a feed changed on
# disk does not show, and the database file is not written.
before=$(ls -l --full-time "$tmp/db")
sleep 1
sed 's/Harbor city council approves new ferry line to the outer islands/Lighthouse keeper retires after forty years on the rock/' \
	"$FOLD/harbor-wire.rss" >"$tmp/feeds/harbor-wire.rss"
grep -q 'Lighthouse keeper' "$tmp/feeds/harbor-wire.rss" || { echo "sed had no effect"; exit 99; }
run second -c "$tmp/rc" -d "$tmp/db" --headlines
status second 0
cmp -s "$tmp/first.out" "$tmp/second.out" || fail "second page differs from the first"
[ "$(ls -l --full-time "$tmp/db")" = "$before" ] || fail "second call wrote the database"
ls "$tmp"/db-wal >/dev/null 2>&1 && [ -s "$tmp/db-wal" ] && fail "second call left a write-ahead log"

# 4. After --refresh the store has the change.
run refresh -c "$tmp/rc" -d "$tmp/db" --refresh
status refresh 0
run third -c "$tmp/rc" -d "$tmp/db" --headlines
status third 0
grep -q 'Lighthouse keeper retires' "$tmp/third.out" || fail "third: the refreshed item is missing"

# 5. fold-threshold from the dotfile, with and without sources.
folded() {
	grep -c '(+[0-9]* similar)$' "$1"
}
cp "$tmp/rc" "$tmp/rc-strict"
echo "fold-threshold 0.95" >>"$tmp/rc-strict"
# shellcheck disable=SC2086
run strict-direct -c "$tmp/rc-strict" --headlines $sources
run strict-store -c "$tmp/rc-strict" -d "$tmp/db" --headlines
# shellcheck disable=SC2086
run default-direct -c "$tmp/rc" --headlines $sources
status strict-direct 0
status strict-store 0
[ "$(folded "$tmp/strict-direct.out")" -lt "$(folded "$tmp/default-direct.out")" ] ||
	fail "fold-threshold 0.95 folds as much as the default with sources"
[ "$(folded "$tmp/strict-store.out")" -lt "$(folded "$tmp/third.out")" ] ||
	fail "fold-threshold 0.95 folds as much as the default from the store"

# 6. A broken dotfile: FILE:LINE and exit 2, with and without sources.
cp "$tmp/rc" "$tmp/rc-bad"
echo "fold-threshold lots" >>"$tmp/rc-bad"
bad_line=$(wc -l <"$tmp/rc-bad" | tr -d ' ')
run bad-store -c "$tmp/rc-bad" -d "$tmp/db" --headlines
run bad-direct -c "$tmp/rc-bad" --headlines "$tmp/feeds/asanagi.rss"
for r in bad-store bad-direct; do
	status $r 2
	# the message is "FILE:LINE: what is wrong", from its first byte
	case "$(head -n 1 "$tmp/$r.err")" in
	"$tmp/rc-bad:$bad_line: "*) ;;
	*) fail "$r: no FILE:LINE: in $(cat "$tmp/$r.err")" ;;
	esac
	[ -s "$tmp/$r.out" ] && fail "$r: printed a page"
done

# 7. No dotfile at all: sources still work with the compiled defaults; a
# dotfile named with -c must exist.
run nodot --headlines "$tmp/feeds/asanagi.rss"
status nodot 0
grep -q '朝凪新聞' "$tmp/nodot.out" || fail "nodot: no page"
run missing -c "$tmp/no-such-rc" --headlines "$tmp/feeds/asanagi.rss"
status missing 2

# 8. A feed that cannot be read during the quiet refresh: named on
# stderr, exit 1, the others still on the page.
cp "$tmp/rc" "$tmp/rc-gone"
echo "feed file://$tmp/feeds/gone.rss \"Gone Gazette\"" >>"$tmp/rc-gone"
run gone -c "$tmp/rc-gone" -d "$tmp/db-gone" --headlines
status gone 1
grep -q '^Gone Gazette: ' "$tmp/gone.err" || fail "gone: stderr: $(cat "$tmp/gone.err")"
grep -q '(+[0-9]* similar)$' "$tmp/gone.out" || fail "gone: no page"

# 9. A store that is not a database: exit 1, naming its path.
echo "this is not a database, only some text long enough to be read" >"$tmp/junk.db"
run junk -c "$tmp/rc" -d "$tmp/junk.db" --headlines
status junk 1
grep -qF "$tmp/junk.db" "$tmp/junk.err" || fail "junk: path not named: $(cat "$tmp/junk.err")"

# 10. The HTTP charset reaches the parser: an ISO-8859-1 feed without an
# encoding declaration, served as charset=iso-8859-1.
printf '<rss version="2.0"><channel><title>Caf\351 Gazette</title>\n<item><title>Caf\351 owners open a harbour terrace</title><link>https://cafe.example/1</link><description>Seats for 40.</description></item>\n</channel></rss>\n' \
	>"$tmp/www/latin.xml"
. "$top_srcdir/tests/server.sh"
server_start "$tmp/port" --root "$tmp/www"
port=$(head -n 1 "$tmp/port")
run latin --headlines "http://127.0.0.1:$port/feed/latin.xml?charset=iso-8859-1"
status latin 0
grep -q '^Café owners open a harbour terrace$' "$tmp/latin.out" ||
	fail "latin: $(head -2 "$tmp/latin.out")"
grep -q '^Café Gazette' "$tmp/latin.out" || fail "latin: feed title not decoded"

# 11. A feed dropped from the dotfile stays in the store, off the page;
# its line back brings its stories back from the store, file or no file.
grep -q '朝凪新聞' "$tmp/third.out" || fail "dropped: 朝凪新聞 was never on the page"
grep -v asanagi "$tmp/rc" >"$tmp/rc-dropped"
run dropped -c "$tmp/rc-dropped" -d "$tmp/db" --headlines
status dropped 0
grep -q '朝凪新聞' "$tmp/dropped.out" && fail "dropped: the dropped feed is still shown"
rm "$tmp/feeds/asanagi.rss"
run back -c "$tmp/rc" -d "$tmp/db" --headlines
status back 0
cmp -s "$tmp/third.out" "$tmp/back.out" ||
	fail "back: $(diff "$tmp/third.out" "$tmp/back.out" | head -5)"

# 12. Text that reached the database by other means (a hand edit, another
# program) passes the gate on its way out: no escape sequence or control
# byte reaches stdout.
"$PYTHON3" - "$tmp/db" <<'PY' || fail "hostile: could not edit the database"
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("UPDATE items SET title = 'Quay crane \x1b]0;owned\x07 back in \x1b[2Jservice'"
           " WHERE id = (SELECT MIN(id) FROM items)")
db.execute("UPDATE items SET summary = 'Cranes\x1b[31m work\x9b again.'"
           " WHERE id = (SELECT MIN(id) FROM items)")
db.commit()
PY
run hostile -c "$tmp/rc" -d "$tmp/db" --headlines
status hostile 0
grep -q 'Quay crane' "$tmp/hostile.out" || fail "hostile: the edited title is not on the page"
if LC_ALL=C grep -q "$(printf '[\033\007]')" "$tmp/hostile.out"; then
	fail "hostile: an escape or bell byte reached stdout"
fi

# 12. A feed whose items share one address under other titles (a GUID
# "1", a front page link): every item is stored and listed apart.
{
	printf '<rss version="2.0"><channel><title>Quay Notices</title><link>https://quay.example/</link>\n'
	printf '<item><title>Ferry timetable changes on Monday</title><link>https://quay.example/</link><pubDate>Mon, 02 Nov 2026 08:00:00 GMT</pubDate></item>\n'
	printf '<item><title>Storm closes the harbour wall walk</title><link>https://quay.example/</link><pubDate>Mon, 02 Nov 2026 09:00:00 GMT</pubDate></item>\n'
	printf '<item><title>Museum opens its new boat hall</title><guid>1</guid><pubDate>Mon, 02 Nov 2026 10:00:00 GMT</pubDate></item>\n'
	printf '<item><title>Lifeboat crew welcomes two volunteers</title><guid>1</guid><pubDate>Mon, 02 Nov 2026 11:00:00 GMT</pubDate></item>\n'
	printf '</channel></rss>\n'
} >"$tmp/feeds/site.rss"
echo "feed file://$tmp/feeds/site.rss" >"$tmp/rc-site"
run site -c "$tmp/rc-site" -d "$tmp/db-site" --headlines
status site 0
for t in 'Ferry timetable' 'Storm closes' 'Museum opens' 'Lifeboat crew'; do
	n=$(grep -c "$t" "$tmp/site.out")
	[ "$n" = 1 ] || fail "site: \"$t\" listed $n times: $(cat "$tmp/site.out")"
done
grep -q 'similar)$' "$tmp/site.out" && fail "site: a shared address folded: $(cat "$tmp/site.out")"

[ $failures -eq 0 ] || exit 1
exit 0
