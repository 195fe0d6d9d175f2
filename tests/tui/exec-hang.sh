#!/bin/sh
# An exec feed whose program hangs never freezes the reader: while it
# runs (a timeout of 60 s), the screens answer their keys, and quitting
# ends it at once instead of waiting out its timeout.
. "${top_srcdir:-.}/tests/tui/lib.sh"

cat > "$TMPDIR_TUI/hang" <<EOS
#!/bin/sh
sleep 120 &
echo \$! > "$TMPDIR_TUI/hang.child"
sleep 120
EOS
chmod +x "$TMPDIR_TUI/hang"
tui_dotfile() {
	{
		echo "feed file://$FIXTURES/world.rss \"Lantern Post\""
		echo "exec \"$TMPDIR_TUI/hang\" \"Hanging\""
		echo "refresh-on-start yes"
		echo "timeout 60s"
	} > "$TMPDIR_TUI/newsfoldrc"
}

hang_runs() {
	deadline=$(($(date +%s) + 10))
	until [ -s "$TMPDIR_TUI/hang.child" ]; do
		[ "$(date +%s)" -ge "$deadline" ] && return 1
		sleep 0.1
	done
	tui_wait "fetching 2/2"
}

keys_answer() {
	tui_keys f
	tui_wait "newsfold — Feeds" || return 1
	tui_keys '?'
	tui_wait "(q or Esc to go back)" || return 1
	tui_keys q q
	tui_wait "newsfold — All feeds" && tui_wait "fetching 2/2"
}

# Gone, or a zombie nobody has reaped yet: either way it no longer runs.
is_dead() {
	state=$(awk '/^State:/ { print $2 }' "/proc/$1/status" 2>/dev/null)
	[ -z "$state" ] || [ "$state" = Z ]
}

quits_at_once() {
	start=$(date +%s)
	tui_keys Q
	tui_wait "EXIT=0" && [ $(($(date +%s) - start)) -le 8 ] &&
	is_dead "$(cat "$TMPDIR_TUI/hang.child")"
}

tui_start
tui_check "the exec feed's program runs" hang_runs
tui_check "keys answer while it hangs" keys_answer
tui_check "Q quits at once and ends the program" quits_at_once
tui_check "nothing on stderr" tui_quiet
tui_finish
