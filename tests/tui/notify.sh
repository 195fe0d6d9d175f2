#!/bin/sh
# notify runs after a reload that brought new stories, with %n and %f as
# arguments and no shell; a reload that brings nothing runs nothing.
. "${top_srcdir:-.}/tests/tui/lib.sh"

tui_dotfile() {
	cp "$FIXTURES/world.rss" "$TMPDIR_TUI/world.rss"
	cat > "$TMPDIR_TUI/notify" <<EOS
#!/bin/sh
printf '<%s>' "\$@" >> "$TMPDIR_TUI/notified"
echo >> "$TMPDIR_TUI/notified"
EOS
	chmod +x "$TMPDIR_TUI/notify"
	cat > "$TMPDIR_TUI/newsfoldrc" <<EOS
feed file://$TMPDIR_TUI/world.rss "Lantern Post"
notify "$TMPDIR_TUI/notify --new=%n %f \$(touch $TMPDIR_TUI/PWNED)"
EOS
}

# Waits up to 10 s for the notify log to have $1 lines.
notified_lines() {
	deadline=$(($(date +%s) + 10))
	while [ "$(cat "$TMPDIR_TUI/notified" 2>/dev/null | wc -l)" -lt "$1" ]; do
		[ "$(date +%s)" -ge "$deadline" ] && return 1
		sleep 0.1
	done
}

nothing_new() {
	tui_wait "Harbour museum reopens" || return 1
	rm -f "$TMPDIR_TUI/notified"
	tui_keys R
	tui_wait "1 feed: 0 new" && sleep 0.5 && [ ! -e "$TMPDIR_TUI/notified" ]
}

new_stories() {
	sed 's|<item>|<item><title>Pier lights switched on early</title><link>https://lantern.example/pier-lights</link><guid>pier-lights</guid></item><item>|' \
		"$FIXTURES/world.rss" > "$TMPDIR_TUI/world.rss"
	tui_keys R
	tui_wait "1 feed: 1 new" && notified_lines 1 &&
	[ "$(cat "$TMPDIR_TUI/notified")" = "<--new=1><1><\$(touch><$TMPDIR_TUI/PWNED)>" ] &&
	[ ! -e "$TMPDIR_TUI/PWNED" ]
}

quits_clean() {
	tui_keys Q
	tui_wait "EXIT=0"
}

tui_start
tui_check "a reload with nothing new notifies nobody" nothing_new
tui_check "a reload with new stories runs notify with %n and %f" new_stories
tui_check "Q exits 0" quits_clean
tui_check "nothing on stderr" tui_quiet
tui_finish
