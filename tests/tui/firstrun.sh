#!/bin/sh
# The first ten minutes: a dotfile without feeds says how to add one; o
# with no browser says how to set one; a web page given as a feed says so
# and offers the feed it links (--refresh names it too); a feed broken
# before its first item is an error, not an empty feed; the title bars
# count unread stories.
. "${top_srcdir:-.}/tests/tui/lib.sh"

own="$TMPDIR_TUI/own"
mkdir -p "$own" && cp "$FIXTURES/world.rss" "$own/" || exit 99
cat > "$own/page.html" <<'EOP'
<!DOCTYPE html>
<html><head><title>Quay Notes</title>
<link rel="alternate" type="application/rss+xml" title="Quay Notes" href="https://quay.example/feed.xml">
</head><body><p>Welcome to Quay Notes.</p></body></html>
EOP
printf '<?xml version="1.0"?><rss version="2.0"><channel><title>Broken</title>\n<<<garbage' \
	> "$own/broken.rss"
rc="$TMPDIR_TUI/rc"

# run DOTFILE-LINES...: the reader on a new store with these lines, no
# browser setting, no $BROWSER and no xdg-open anywhere on its PATH.
run() {
	$TM kill-server >/dev/null 2>&1
	printf '%s\n' "$@" > "$rc"
	rm -f "$TMPDIR_TUI/test.db"
	cat > "$TMPDIR_TUI/run.sh" <<EOS
export TERM=xterm-256color LANG=C.UTF-8 LC_ALL=C.UTF-8 HOME="$TMPDIR_TUI"
unset NO_COLOR BROWSER NEWSFOLD_CONFIG
env PATH=/nonexistent "$NEWSFOLD" -c "$rc" -d "$TMPDIR_TUI/test.db" 2>"$TMPDIR_TUI/stderr"
echo "EXIT=\$?"
exec sleep 600
EOS
	tui_new_session
	$TM set-option -t nf status off >/dev/null
}

quit() {
	tui_keys Q
	tui_wait "EXIT=0"
}

no_feed_lines() {
	run "refresh-on-start no"
	tui_wait "No feeds: $rc has no feed lines." &&
	tui_wait "    feed https://example.org/news.rss" &&
	tui_wait "press R" gone && quit
}

no_browser() {
	run "feed file://$own/world.rss" "refresh-on-start yes"
	tui_wait "Harbour museum reopens" || return 1
	tui_keys o
	tui_wait "no browser to open links: set browser in $rc, or \$BROWSER" &&
	tui_wait "cannot run it" gone
}

stories_counted() {
	tui_keys f
	tui_wait "newsfold — Feeds — 1 feeds — counts are stories" || return 1
	grep -qE "^All feeds +3 unread" "$TMPDIR_TUI/screen" || return 1
	tui_keys q
	tui_wait "newsfold — All feeds — 3 stories, 3 unread" && quit
}

web_page_offers_its_feed() {
	run "feed file://$own/page.html" "feed file://$own/broken.rss" \
		"refresh-on-start yes"
	tui_wait "2 feeds: 0 new, 2 failed" || return 1
	tui_keys f j
	tui_wait "a web page, not a feed; it links the feed https://quay.example/feed.xml: press a to add it" ||
		return 1
	tui_keys a
	tui_wait "added https://quay.example/feed.xml in $rc" || return 1
	grep -qx "feed https://quay.example/feed.xml" "$rc" ||
		{ echo "# the dotfile:"; sed 's/^/# | /' "$rc"; return 1; }
}

broken_feed_is_an_error() {
	tui_keys j
	tui_wait "error: not a feed: line 2: Couldn't find end of Start Tag garbage" &&
	grep -qE "broken\.rss +0 unread +error" "$TMPDIR_TUI/screen" && quit
}

refresh_names_the_feed() {
	printf 'feed file://%s/page.html\n' "$own" > "$rc"
	"$NEWSFOLD" -c "$rc" -d "$TMPDIR_TUI/refresh.db" --refresh \
		> "$TMPDIR_TUI/refresh.out" 2>&1
	grep -qF "not a feed: the document is <html> (a web page); web page: found feed https://quay.example/feed.xml" \
		"$TMPDIR_TUI/refresh.out" ||
		{ sed 's/^/# | /' "$TMPDIR_TUI/refresh.out"; return 1; }
}

tui_check "a dotfile without feed lines says how to add one" no_feed_lines
tui_check "o without a browser says to set browser or \$BROWSER" no_browser
tui_check "the title bars count unread stories" stories_counted
tui_check "a web page given as a feed offers the feed it links" web_page_offers_its_feed
tui_check "a feed broken before its items is an error" broken_feed_is_an_error
tui_check "--refresh names the feed a web page links" refresh_names_the_feed
tui_check "nothing on stderr" tui_quiet
tui_finish
