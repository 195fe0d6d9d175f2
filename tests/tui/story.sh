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

# A fresh store, or the same one again (keep), with the front page shown
# ($2, else the storm story, in sight).
start() {
	tui_keys Q
	tui_wait "EXIT=0" || return 1
	$TM kill-server >/dev/null 2>&1
	[ "$1" = keep ] || rm -f "$TMPDIR_TUI/test.db"
	tui_start
	tui_wait "${2:-$storm}"
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

# A story folded low on a short screen: unfolding it with the cursor on
# the last line brings its copies into view.
unfold_in_view() {
	for f in a b; do
		{
			echo '<?xml version="1.0"?><rss version="2.0"><channel>'
			echo "<title>Pier $f</title>"
			if [ $f = a ]; then
				for i in 1 2 3 4 5 6 7 8; do
					echo "<item><title>Harbour note number $i of the week</title><guid>n$i</guid>"
					echo "<pubDate>Mon, 23 Nov 2026 0$i:00:00 +0000</pubDate></item>"
				done
			fi
			echo "<item><title>Old pier closes for repairs until spring</title><guid>p$f</guid>"
			echo "<pubDate>Mon, 02 Nov 2026 08:00:00 +0000</pubDate></item>"
			echo '</channel></rss>'
		} > "$own/pier-$f.rss"
	done
	dotfile pier-a.rss pier-b.rss
	start new "Old pier closes" || return 1
	$TM resize-window -t nf -x 100 -y 12
	tui_wait "Old pier closes" gone || return 1
	tui_keys G
	tui_wait "▸ Old pier closes for repairs until spring" || return 1
	tui_keys Space
	tui_wait "▾ Old pier closes for repairs until spring" &&
	tui_wait "    Pier b · Nov 02 08:00  Old pier closes for repairs until spring"
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
tui_check "unfolding at the bottom edge brings the copies into view" unfold_in_view
tui_check "nothing on stderr" tui_quiet
tui_finish
