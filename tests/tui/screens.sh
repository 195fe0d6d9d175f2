#!/bin/sh
# The reader in a real terminal: front page, folds, article, resize,
# Japanese text, a hostile feed and a clean exit, checked on the pane.
. "${top_srcdir:-.}/tests/tui/lib.sh"

ESC=$(printf '\033')

lead_panel() {
	tui_wait "▌Photo: Waves spill over the sea wall at Fenwick" &&
	sed -n 2p "$TMPDIR_TUI/screen" | grep -q '^Storm Orla closes the coast road' &&
	sed -n 3p "$TMPDIR_TUI/screen" | grep -q '^Lantern Post · '
}

folded_line() {
	tui_wait "▸ Storm Orla closes the coast road between Fenwick and Dunmere — Lantern Post (+2 similar)"
}

expands() {
	tui_keys Space
	tui_wait "▾ Storm Orla closes the coast road" &&
	tui_wait "    Coastal Wire · " && tui_wait "    Bay Herald · "
}

collapses() {
	tui_keys Space
	tui_wait "▸ Storm Orla closes the coast road" &&
	tui_wait "    Coastal Wire · " gone
}

copy_opens() {
	tui_keys Space j Enter
	tui_wait "Similar News (2)" &&
	{ grep -q "The coast road is shut as Storm Orla" "$TMPDIR_TUI/screen" ||
	  grep -q "Gusts above 110 km/h shut the road" "$TMPDIR_TUI/screen"; }
}

q_returns() {
	tui_keys q
	tui_wait "newsfold — All feeds" && tui_wait "▾ Storm Orla closes the coast road"
}

japanese_intact() {
	tui_wait "  港の朝市、三年ぶりに再開へ — 湾岸日報" &&
	tui_wait "  新しい路面電車、来春から試運転 🚋 — 湾岸日報"
}

# On the Feeds screen the unread counts of every feed start in one column,
# whatever the script of the title.
feeds_aligned() {
	tui_keys f
	tui_wait "湾岸日報" || return 1
	tui_screen | grep ' unread' | while IFS= read -r line; do
		printf '%s\n' "${line%% unread*}" | LC_ALL=C.UTF-8 wc -L
	done | sort -u > "$TMPDIR_TUI/columns"
	tui_keys q
	[ "$(wc -l < "$TMPDIR_TUI/columns")" -eq 1 ] ||
		{ echo "# unread columns differ:"; cat "$TMPDIR_TUI/columns"; return 1; }
}

resized() {
	$TM resize-window -t nf -x "$1" -y "$2"
	tui_wait "$3" && tui_fits "$1" "$2" &&
	sed -n 1p "$TMPDIR_TUI/screen" | grep -q '^newsfold — All feeds'
}

hostile_title() {
	tui_wait "Escape artists red test — Odd Signals" || return 1
	[ "$($TM display -p -t nf '#{pane_title}')" = nf-test-title ] ||
		{ echo "# pane title changed"; return 1; }
	if $TM capture-pane -p -e -t nf | grep -q "$ESC]"; then
		echo "# an OSC sequence reached the pane"
		return 1
	fi
	! tui_screen | grep -q PWNED
}

# A story without a title shows the start of its summary, not a blank.
untitled_story() {
	tui_wait "  Winter timetable for the island ferries, without a headline — Odd Signals"
}

quits_clean() {
	tui_keys Q
	tui_wait "EXIT=0" && tui_wait "MODES=icanon echo" &&
	[ "$($TM display -p -t nf '#{alternate_on}')" = 0 ]
}

tui_start
tui_check "front page shows the lead panel with its caption" lead_panel
tui_check "a story told by three outlets is one folded line" folded_line
tui_check "space unfolds the story to its copies" expands
tui_check "space folds it again" collapses
tui_check "Enter on a copy opens its text" copy_opens
tui_check "q returns to the front page" q_returns
tui_check "Japanese and emoji headlines intact" japanese_intact
tui_check "Feeds screen aligned by display width" feeds_aligned
tui_check "resize to 50x12 fits" resized 50 12 "(+2 similar)"
tui_check "resize to 40x10 fits" resized 40 10 "newsfold — All"
tui_check "resize back to 100x30" resized 100 30 "Fenwick and Dunmere — Lantern Post (+2 similar)"
tui_check "hostile title leaves the pane title alone" hostile_title
tui_check "an untitled story shows its summary" untitled_story
tui_check "Q exits 0 and restores the terminal" quits_clean
tui_check "nothing on stderr" tui_quiet
tui_finish
