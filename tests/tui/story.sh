#!/bin/sh
# Read state belongs to the story. "Storm Orla closes the coast road" is
# carried by three feeds (Lantern Post, Coastal Wire, Bay Herald); each
# way of reading it (Enter, m, A in one feed, A with a filter) marks the
# copy in every feed, u undoes A, a copy that arrives later joins the
# story read, and all of it holds across a restart.
. "${top_srcdir:-.}/tests/tui/lib.sh"

own="$TMPDIR_TUI/fixtures"
mkdir "$own" && cp "$FIXTURES/world.rss" "$FIXTURES/wire.rss" \
	"$FIXTURES/bay.atom" "$own/" || exit 99
FIXTURES=$own
storm="Storm Orla closes the coast road between Fenwick and Dunmere"

# dotfile FILE...: a dotfile listing these fixture feeds.
dotfile() {
	for f in "$@"; do
		echo "feed file://@FIXTURES@/$f"
	done > "$own/newsfoldrc.in"
	echo "refresh-on-start no" >> "$own/newsfoldrc.in"
}

# A fresh store, or the same one again (keep), with the front page shown.
start() {
	tui_keys Q
	tui_wait "EXIT=0" || return 1
	$TM kill-server >/dev/null 2>&1
	[ "$1" = keep ] || rm -f "$TMPDIR_TUI/test.db"
	tui_start
	tui_wait "$storm"
}

# unread LANTERN WIRE BAY: the Feeds screen's counts, then back.
unread() {
	tui_keys f
	tui_wait "newsfold — Feeds" || return 1
	for pair in "Lantern Post:$1" "Coastal Wire:$2" "Bay Herald:$3"; do
		feed=${pair%:*}
		want=${pair#*:}
		[ "$want" = - ] && continue
		if ! grep -qE "^$feed +$want unread" "$TMPDIR_TUI/screen"; then
			echo "# $feed: want $want unread; the pane shows:"
			sed 's/^/# | /' "$TMPDIR_TUI/screen"
			tui_keys q
			return 1
		fi
	done
	tui_keys q
	tui_wait "newsfold — Feeds" gone
}

read_by_enter() {
	start && unread 3 2 2 || return 1
	tui_keys Enter
	tui_wait "Similar News" || return 1
	tui_keys q
	unread 2 1 1
}

read_by_m() {
	start || return 1
	tui_keys m
	unread 2 1 1 || return 1
	tui_keys m
	unread 3 2 2
}

all_read_in_one_feed() {
	start || return 1
	tui_keys f
	tui_wait "Coastal Wire" || return 1
	tui_keys j j Enter
	tui_wait "newsfold — Coastal Wire" || return 1
	tui_keys A
	tui_wait "u undoes" || return 1
	tui_keys q
	tui_wait "newsfold — Feeds" || return 1
	tui_keys q
	unread 2 0 1
}

undo_all_read() {
	tui_keys u
	tui_wait "unread again" || return 1
	unread 3 2 2
}

all_read_with_a_filter() {
	start || return 1
	tui_keys / S t o r m Enter
	tui_wait "filter: Storm" || return 1
	tui_keys A
	tui_wait "u undoes" || return 1
	unread 2 1 1
}

late_copy_joins_read() {
	dotfile world.rss wire.rss
	start || return 1
	tui_keys m
	unread 2 1 - || return 1
	dotfile world.rss wire.rss bay.atom
	start keep || return 1
	tui_keys R
	tui_wait "Bay swimmers keep their winter dip" || return 1
	tui_wait "(+2 similar)" || return 1
	unread 2 1 1
}

holds_after_restart() {
	start keep || return 1
	unread 2 1 1
}

dotfile world.rss wire.rss bay.atom
tui_start
tui_check "Enter reads the story in every feed" read_by_enter
tui_check "m reads and unreads it in every feed" read_by_m
tui_check "A in one feed reads its stories' copies elsewhere" all_read_in_one_feed
tui_check "u undoes the mark-all" undo_all_read
tui_check "A with a filter marks the filtered stories only" all_read_with_a_filter
tui_check "a copy arriving later joins the read story" late_copy_joins_read
tui_check "read state holds across a restart" holds_after_restart
tui_check "nothing on stderr" tui_quiet
tui_finish
