#!/bin/sh
# `o` runs the dotfile's browser command as an argument vector: the link
# is one argument, never seen by a shell, and the screen comes back.
. "${top_srcdir:-.}/tests/tui/lib.sh"

cat > "$TMPDIR_TUI/fake-browser" <<EOS
#!/bin/sh
for a in "\$@"; do printf '%s\n' "\$a"; done > "$TMPDIR_TUI/argv"
EOS
chmod +x "$TMPDIR_TUI/fake-browser"

filters() {
	tui_wait "Town council votes to light the pier" || return 1
	tui_keys / p i e r Enter
	tui_wait "Harbour museum reopens" gone &&
	tui_wait "Town council votes to light the pier"
}

opens_link() {
	tui_keys o
	deadline=$(($(date +%s) + 10))
	while [ ! -s "$TMPDIR_TUI/argv" ] && [ "$(date +%s)" -lt "$deadline" ]; do
		sleep 0.1
	done
	printf '%s\n' --new-tab 'https://lantern-post.example/pier-lights?x=1&y=$(id);z' \
		> "$TMPDIR_TUI/expected"
	cmp -s "$TMPDIR_TUI/expected" "$TMPDIR_TUI/argv" ||
		{ echo "# argv was:"; sed 's/^/# | /' "$TMPDIR_TUI/argv"; return 1; }
}

screen_back() {
	tui_wait "Town council votes to light the pier" &&
	tui_wait "newsfold — All feeds"
}

esc_clears() {
	tui_keys Escape
	tui_wait "Harbour museum reopens"
}

# A link that is not http(s) (here javascript:) never reaches the
# browser: the status line says why.
refuses_script_link() {
	rm -f "$TMPDIR_TUI/argv"
	tui_keys / p r i z e Enter
	tui_wait "Claim your ferry prize" && tui_wait "Town council votes" gone ||
		return 1
	tui_keys o
	tui_wait "not opening a link that is not http(s): javascript:" || return 1
	tui_keys Escape
	tui_wait "Harbour museum reopens" && [ ! -e "$TMPDIR_TUI/argv" ]
}

help_lists_keys() {
	tui_keys '?'
	tui_wait "toggle-fold" && tui_wait "space tab" && tui_keys q &&
	tui_wait "newsfold — All feeds"
}

tui_start
tui_check "/ filters the headlines as you type" filters
tui_check "o runs the browser with the link as one argument" opens_link
tui_check "the screen is restored after the browser" screen_back
tui_check "Esc clears the filter" esc_clears
tui_check "a javascript: link is not opened" refuses_script_link
tui_check "? lists the bound keys" help_lists_keys
tui_keys Q
tui_check "Q exits 0" tui_wait "EXIT=0"
tui_check "nothing on stderr" tui_quiet
tui_finish
