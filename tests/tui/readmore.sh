#!/bin/sh
# Feeds over HTTP from the loopback server (tests/server.py): reload in
# the background, read more on a copy whose own text is short fetches its
# page and shows the article text, and the cursor stays on its story when
# a reload adds stories above it.
. "${top_srcdir:-.}/tests/tui/lib.sh"

if [ -z "$PYTHON3" ]; then
	echo "python3 not found: skipped"
	exit 77
fi
mkdir -p "$TMPDIR_TUI/www"
cp "$FIXTURES"/http/* "$TMPDIR_TUI/www/"
trap 'kill $server 2>/dev/null; tui_cleanup' EXIT INT TERM
. "$top_srcdir/tests/server.sh"
server_start "$TMPDIR_TUI/port" --root "$TMPDIR_TUI/www" --log "$TMPDIR_TUI/requests"
port=$(head -n 1 "$TMPDIR_TUI/port")
base="http://127.0.0.1:$port/feed"

tui_start
# The fixture dotfile is replaced by one of HTTP feeds (tui_start wrote it).
printf 'feed %s/isles.rss "Isles Daily"\nfeed %s/sound.rss "Sound Gazette"\nfeed %s "Gone Gazette"\n' \
	"$base" "$base" "http://127.0.0.1:$port/status/404" > "$TMPDIR_TUI/newsfoldrc"
$TM respawn-pane -k -t nf "sh '$TMPDIR_TUI/run.sh'"

fetched() {
	tui_wait "Ferry crews end two-day strike on the island routes — Sound Gazette (+1 similar)" &&
	tui_wait "3 feeds: 3 new, 1 failed"
}

# The Feeds screen marks the failed feed, and its reason shows in the
# status line when it is selected.
feed_error() {
	tui_keys f
	tui_wait "Gone Gazette" || return 1
	grep "Gone Gazette" "$TMPDIR_TUI/screen" | grep -q "error" || return 1
	# the first dotfile's feeds stay in the store but are not listed
	! grep -q "Lantern Post" "$TMPDIR_TUI/screen" || return 1
	tui_wait "newsfold — Feeds — 3 feeds" || return 1
	tui_keys j j j
	tui_wait "error: HTTP 404" && tui_keys q && tui_wait "newsfold — All feeds"
}

read_more() {
	tui_keys Enter
	tui_wait "Similar News (1)" || return 1
	tui_keys Tab Enter
	tui_wait "voted on Saturday night to accept a new duty rota" &&
	tui_wait "Subscribe today" gone && tui_wait "Cookie settings" gone
}

back_twice() {
	tui_keys q
	tui_wait "Similar News (1)" && tui_keys q && tui_wait "newsfold — All feeds"
}

# Read more on the same copy again: the page kept in the store answers,
# and the server sees no second request for it.
page_kept() {
	tui_keys Enter
	tui_wait "Similar News (1)" || return 1
	tui_keys Tab Enter
	tui_wait "voted on Saturday night to accept a new duty rota" || return 1
	tui_keys q
	tui_wait "Similar News (1)" && tui_keys q && tui_wait "newsfold — All feeds" ||
		return 1
	n=$(grep -c '"path": "/feed/isles-ferry' "$TMPDIR_TUI/requests")
	[ "$n" -eq 1 ] || { echo "# the page was fetched $n times"; return 1; }
}

# Selects the puffin story, adds two stories above it in the feed, reloads
# and checks that the highlighted line is still the puffin story.
cursor_kept() {
	tui_keys j
	sed -e 's|<item>|<item><title>Harbour crane toppled by the gale</title><link>/feed/c</link><guid>c</guid><pubDate>Mon, 23 Nov 2026 08:00:00 +0000</pubDate></item><item><title>Island school wins the national debate prize</title><link>/feed/d</link><guid>d</guid><pubDate>Mon, 23 Nov 2026 09:00:00 +0000</pubDate></item>\n<item>|' \
		-e '1,/<item>/!b' "$FIXTURES/http/isles.rss" > "$TMPDIR_TUI/www/isles.rss.new"
	mv "$TMPDIR_TUI/www/isles.rss.new" "$TMPDIR_TUI/www/isles.rss"
	tui_keys R
	tui_wait "Island school wins the national debate prize" || return 1
	tui_wait "3 feeds: 2 new, 1 failed" || return 1
	$TM capture-pane -p -e -t nf > "$TMPDIR_TUI/attrs"
	reverse="$(printf '\033')\[([0-9]*;)*7(;[0-9]*)*m"
	grep "Puffin count" "$TMPDIR_TUI/attrs" | grep -Eq "$reverse" &&
	! grep "Island school" "$TMPDIR_TUI/attrs" | grep -Eq "$reverse"
}

tui_check "HTTP feeds fetched and folded across outlets" fetched
tui_check "Feeds screen shows a failed feed and its reason" feed_error
tui_check "read more on a short copy shows its fetched article" read_more
tui_check "q goes back step by step" back_twice
tui_check "read more again: the page kept in the store, not fetched" page_kept
tui_check "cursor stays on its story through a reload" cursor_kept
tui_keys Q
tui_check "Q exits 0" tui_wait "EXIT=0"
tui_check "nothing on stderr" tui_quiet
tui_finish
