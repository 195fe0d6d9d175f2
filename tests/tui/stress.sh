#!/bin/sh
# Rough handling: keys held down while a refresh waits on slow servers,
# the window resized hard (down to 1x1) in the middle of it, an idle
# reader that uses no CPU, and a clean exit afterwards.
. "${top_srcdir:-.}/tests/tui/lib.sh"

if [ -z "$PYTHON3" ]; then
	echo "python3 not found: skipped"
	exit 77
fi
mkdir -p "$TMPDIR_TUI/www"
cp "$FIXTURES"/http/* "$TMPDIR_TUI/www/"
trap 'kill $server 2>/dev/null; tui_cleanup' EXIT INT TERM
. "$top_srcdir/tests/server.sh"
server_start "$TMPDIR_TUI/port" --root "$TMPDIR_TUI/www"
url="http://127.0.0.1:$(head -n 1 "$TMPDIR_TUI/port")"

tui_start
{
	printf 'feed %s/feed/isles.rss "Isles Daily"\n' "$url"
	printf 'feed %s/latency?ms=1500&feed=sound.rss "Sound Gazette"\n' "$url"
	printf 'feed %s/latency?ms=1200&items=150&seed=7 "Parish Notes"\n' "$url"
	printf 'feed %s/slow?seconds=2 "Slow Times"\n' "$url"
	printf 'refresh-on-start no\n'
} > "$TMPDIR_TUI/newsfoldrc"
$TM respawn-pane -k -t nf "sh '$TMPDIR_TUI/run.sh'"

cpu_ticks() {
	awk '{ print $14 + $15 }' "/proc/$1/stat"
}

first_fetch() {
	tui_wait "4 feeds: " && tui_wait "Ferry crews end two-day strike"
}

# 200 keys sent at once while R waits on the slow feeds: every key is
# taken, none is lost to the refresh, and the screen stays whole.
keys_during_refresh() {
	keys=""
	for i in $(seq 50); do
		keys="$keys j k Space Tab"
	done
	tui_keys g R
	tui_wait "fetching " || return 1
	tui_keys $keys
	keys=""
	for i in $(seq 40); do
		keys="$keys j"
	done
	tui_keys $keys
	tui_wait "fetching " gone || return 1
	tui_wait "4 feeds: 0 new" || return 1
	sed -n 1p "$TMPDIR_TUI/screen" | grep -q "^newsfold — All feeds" &&
		tui_fits 100 30 && [ -n "$(tui_reader_pid)" ]
}

# Many sizes in a row, some of them tiny, while a refresh runs; then a
# usable size again shows the whole front page.
resize_during_refresh() {
	# From the top of the list, so that the story looked for at the end
	# is in view whatever the earlier check left selected.
	tui_keys g R
	tui_wait "fetching " || return 1
	for size in 40x10 20x5 1x1 3x2 120x40 10x3 60x15 2x1 80x24 20x5; do
		$TM resize-window -t nf -x "${size%x*}" -y "${size#*x}"
	done
	tui_wait "newsfold — All" || return 1
	tui_fits 20 5 || return 1
	$TM resize-window -t nf -x 100 -y 30
	tui_wait "4 feeds: 0 new" && tui_wait "Ferry crews end two-day strike" &&
		tui_fits 100 30
}

# With nothing to do the reader sleeps in one wait: no CPU time at all
# in five seconds.
idle_no_cpu() {
	pid=$(tui_reader_pid)
	[ -n "$pid" ] || { echo "# no reader process"; return 1; }
	before=$(cpu_ticks "$pid")
	sleep 5
	after=$(cpu_ticks "$pid")
	[ "$before" = "$after" ] ||
		{ echo "# CPU ticks went from $before to $after while idle"; return 1; }
}

quits_clean() {
	tui_keys Q
	tui_wait "EXIT=0" && tui_wait "MODES=icanon echo" &&
		[ "$($TM display -p -t nf '#{alternate_on}')" = 0 ]
}

tui_check "feeds fetched over slow servers" first_fetch
tui_check "200 keys during a slow refresh" keys_during_refresh
tui_check "hard resizes during a refresh" resize_during_refresh
tui_check "an idle reader uses no CPU" idle_no_cpu
tui_check "Q exits 0 and restores the terminal" quits_clean
tui_check "nothing on stderr" tui_quiet
tui_finish
