#!/bin/sh
# Sort orders and show-read on the screens: S cycles the order, V turns
# it around, H hides the stories already read; each screen keeps its own,
# and the dotfile's show-read and sort are where every screen starts.
. "${top_srcdir:-.}/tests/tui/lib.sh"

# The line of the pane that shows fixed string $1.
line_of() {
	grep -nF -- "$1" "$TMPDIR_TUI/screen" | head -1 | cut -d: -f1
}

# Whether $1 shows above $2. The pane is read again until it does or 10 s
# pass: a screen's header can be in a capture before its list is.
above() {
	deadline=$(($(date +%s) + 10))
	while :; do
		tui_screen > "$TMPDIR_TUI/screen"
		a=$(line_of "$1")
		b=$(line_of "$2")
		[ -n "$a" ] && [ -n "$b" ] && [ "$a" -lt "$b" ] && return 0
		if [ "$(date +%s)" -ge "$deadline" ]; then
			echo "# '$1' is not above '$2'; the pane shows:"
			sed 's/^/# | /' "$TMPDIR_TUI/screen"
			return 1
		fi
		sleep 0.1
	done
}

by_title() {
	tui_wait "Harbour museum reopens" || return 1
	tui_keys S S S
	tui_wait "— by title" &&
	above "  Grain prices ease" "  Harbour museum reopens" &&
	above "  Harbour museum reopens" "  Town council votes"
}

reversed() {
	tui_keys V
	tui_wait "— by title reversed" &&
	above "  Town council votes" "  Harbour museum reopens" &&
	above "  Harbour museum reopens" "  Grain prices ease"
}

hides_read() {
	tui_keys g m H
	tui_wait "— unread only" &&
	tui_wait "▸ Storm Orla closes the coast road" gone
}

shows_read_again() {
	tui_keys H
	tui_wait "▸ Storm Orla closes the coast road" &&
	tui_wait "— unread only" gone
}

per_screen() {
	tui_keys f
	tui_wait "All feeds " || return 1
	tui_keys j Enter
	tui_wait "newsfold — Lantern Post" &&
	tui_wait "— by title" gone
}

quits_clean() {
	tui_keys Q
	tui_wait "EXIT=0"
}

tui_start
tui_check "S sorts by title after page, date and feed" by_title
tui_check "V reverses the order" reversed
tui_check "H hides the stories already read" hides_read
tui_check "H again shows them" shows_read_again
tui_check "another screen keeps its own order" per_screen
tui_check "Q exits 0" quits_clean
tui_check "nothing on stderr" tui_quiet

# The dotfile's sort and show-read are where a screen starts.
$TM kill-server >/dev/null 2>&1
tui_dotfile() {
	sed -e "s|@FIXTURES@|$FIXTURES|g" -e "s|@BROWSER@|true|g" \
		"$FIXTURES/newsfoldrc.in" > "$TMPDIR_TUI/newsfoldrc"
	printf 'sort title reverse\nshow-read no\n' >> "$TMPDIR_TUI/newsfoldrc"
}
from_dotfile() {
	tui_wait "— unread only — by title reversed" &&
	above "  Town council votes" "  Harbour museum reopens"
}
tui_start
tui_check "the dotfile's sort and show-read apply" from_dotfile
tui_check "Q exits 0 again" quits_clean
tui_finish
