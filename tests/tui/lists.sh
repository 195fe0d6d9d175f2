#!/bin/sh
# Every screen that shows a list moves the same way: g and G go to its
# first and last line on the Help and Feeds screens too. The pane is made
# short, so that the list scrolls and the move shows on screen.
. "${top_srcdir:-.}/tests/tui/lib.sh"

short_pane() {
	tui_wait "Odd Signals" || return 1
	$TM resize-window -t nf -x 100 -y 6
	tui_wait "newsfold — All feeds"
}

help_bottom() {
	tui_keys '?'
	tui_wait "move up one line" || return 1
	tui_keys G
	tui_wait "show the keys" && tui_wait "move up one line" gone
}

help_top() {
	tui_keys g
	tui_wait "move up one line" && tui_wait "show the keys" gone
}

help_space_pages() {
	tui_keys Space
	tui_wait "move up one line" gone
}

feeds_bottom() {
	tui_keys q
	tui_wait "newsfold — All feeds" || return 1
	tui_keys f
	tui_wait "All feeds " || return 1
	tui_keys G
	tui_wait "Odd Signals" && tui_wait "All feeds " gone
}

feeds_top() {
	tui_keys g
	tui_wait "All feeds " && tui_wait "Odd Signals" gone
}

quits_clean() {
	tui_keys Q
	tui_wait "EXIT=0"
}

tui_start
tui_check "a six-line pane shows the front page" short_pane
tui_check "G goes to the last line of Help" help_bottom
tui_check "g goes back to the first line of Help" help_top
tui_check "space pages down in Help" help_space_pages
tui_check "G goes to the last feed on the Feeds screen" feeds_bottom
tui_check "g goes back to All feeds" feeds_top
tui_check "Q exits 0" quits_clean
tui_check "nothing on stderr" tui_quiet
tui_finish
