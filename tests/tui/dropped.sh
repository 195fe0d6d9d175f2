#!/bin/sh
# A feed dropped from the dotfile keeps its items in the store, out of
# sight: the reader does not show it, mark-all-read on the front page
# leaves it alone, and when its line comes back its stories are there
# again, unread, even with its file gone.
. "${top_srcdir:-.}/tests/tui/lib.sh"

# The tests' own fixture folder, so the dotfile can change between runs.
own="$TMPDIR_TUI/fixtures"
mkdir "$own" && cp "$FIXTURES/world.rss" "$FIXTURES/wire.rss" "$own/" || exit 99
FIXTURES=$own

# dotfile FILE...: a dotfile listing these fixture feeds.
dotfile() {
	for f in "$@"; do
		echo "feed file://@FIXTURES@/$f"
	done > "$own/newsfoldrc.in"
	echo "refresh-on-start no" >> "$own/newsfoldrc.in"
}

# Quits and starts the reader again on the same store.
restart() {
	tui_keys Q
	tui_wait "EXIT=0" || return 1
	$TM kill-server >/dev/null 2>&1
	tui_start
}

both_shown() {
	tui_wait "Grain prices ease as the northern harvest comes in early" &&
	tui_wait "Harbour museum reopens with a restored lifeboat"
}

dropped_hidden() {
	dotfile world.rss
	restart || return 1
	tui_wait "Harbour museum reopens with a restored lifeboat" &&
	tui_wait "Grain prices ease" gone &&
	tui_wait "(+1 similar)" gone
}

dropped_not_in_feeds() {
	tui_keys f
	tui_wait "newsfold — Feeds — 1 feeds" && tui_wait "Coastal Wire" gone
}

mark_all_read() {
	tui_keys q A
	tui_wait "newsfold — All feeds" || return 1
	tui_keys f
	tui_wait "Lantern Post" || return 1
	grep -qE "Lantern Post +0 unread" "$TMPDIR_TUI/screen" ||
		{ echo "# Lantern Post still has unread items"; return 1; }
	tui_keys q
}

back_with_its_items() {
	rm "$own/wire.rss"
	dotfile world.rss wire.rss
	restart || return 1
	tui_wait "Grain prices ease as the northern harvest comes in early" &&
	tui_wait "(+1 similar)"
}

still_unread() {
	tui_keys f
	tui_wait "Coastal Wire" || return 1
	grep -qE "Coastal Wire +2 unread" "$TMPDIR_TUI/screen" ||
		{ echo "# Coastal Wire lost its unread items:"; grep "unread" \
		  "$TMPDIR_TUI/screen" | sed 's/^/# | /'; return 1; }
}

dotfile world.rss wire.rss
tui_start
tui_check "both feeds on the front page" both_shown
tui_check "a feed dropped from the dotfile is not shown" dropped_hidden
tui_check "nor listed on the Feeds screen" dropped_not_in_feeds
tui_check "mark-all-read on the front page" mark_all_read
tui_check "its line back, its stories are back" back_with_its_items
tui_check "and still unread" still_unread
tui_check "nothing on stderr" tui_quiet
tui_finish
