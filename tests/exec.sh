#!/bin/sh
# exec and filter sources from the dotfile, with hostile programs: a feed
# made by a program, a body rewritten by a filter, escape sequences in a
# program's output, a program that hangs (killed at the timeout, with
# what it started), one that floods (cut at max-size), a failing filter,
# shell syntax that must stay text, and malformed lines (FILE:LINE).
. "${top_srcdir:-.}/tests/shtest.sh"
shtest_start exec

# A program whose feed carries terminal escapes and a bell in its title.
cat > "$tmp/hostile" <<'EOS'
#!/bin/sh
printf '<rss><channel><title>Hostile</title><item><title>Calm \033]0;owned\007\033[2Jheadline</title><link>https://e.org/h</link></item></channel></rss>'
echo "noise on stderr" >&2
EOS
# A program that hangs after starting a child that holds its output.
cat > "$tmp/hang" <<EOS
#!/bin/sh
sleep 60 &
echo \$! > "$tmp/hang.child"
sleep 60
EOS
chmod +x "$tmp/hostile" "$tmp/hang"

cat > "$tmp/rc" <<EOF2
exec "cat $DEMO/front-page.rss" "Exec Gazette" local
filter "sed s/Lumen/LUMEN/g" file://$DEMO/valley-courier.atom "Filtered Courier"
exec "$tmp/hostile" "Hostile"
exec "$tmp/hang" "Hanging"
exec "yes <rss>" "Flood"
filter "false" file://$DEMO/tokyo-wangan.rss "Broken filter"
exec "printf %s \$(touch $tmp/PWNED);touch\${IFS}$tmp/PWNED2 \`touch $tmp/PWNED3\`" "Not a shell"
timeout 2s
max-size 64K
EOF2

refresh() {
	start=$(date +%s)
	"$NF" -c "$tmp/rc" -d "$tmp/db" --refresh > "$tmp/out" 2> "$tmp/err"
	echo $? > "$tmp/status"
	echo $(($(date +%s) - start)) > "$tmp/took"
}

exec_feed() {
	refresh
	grep -qx "Exec Gazette: ok 5 new" "$tmp/out"
}
filter_feed() {
	grep -qx "Filtered Courier: ok 3 new" "$tmp/out" &&
	"$NF" -c "$tmp/rc" -d "$tmp/db" --headlines > "$tmp/page" 2>/dev/null
	grep -q "LUMEN Lines" "$tmp/page" && ! grep -q "Lumen Lines orders six electric ferries for estuary" "$tmp/page"
}
escapes_gone() {
	grep -q "Calm .*headline" "$tmp/page" &&
	! grep -q "$(printf '\033')" "$tmp/page" && ! grep -q "$(printf '\007')" "$tmp/page" &&
	! grep -q "noise on stderr" "$tmp/out" "$tmp/err"
}
# Gone, or a zombie nobody has reaped yet: either way it no longer runs.
is_dead() {
	state=$(awk '/^State:/ { print $2 }' "/proc/$1/status" 2>/dev/null)
	[ -z "$state" ] || [ "$state" = Z ]
}
hang_killed() {
	grep -qx "Hanging: error: timed out after 2s" "$tmp/out" &&
	[ "$(cat "$tmp/took")" -le 8 ] &&
	child=$(cat "$tmp/hang.child") && is_dead "$child"
}
flood_cut() {
	grep -qx "Flood: error: output too large (over 64 KiB)" "$tmp/out"
}
filter_fails() {
	grep -qx "Broken filter: error: filter: false exited with status 1" "$tmp/out" &&
	[ "$(cat "$tmp/status")" = 1 ]
}
no_shell() {
	grep -q "^Not a shell: error: not a feed" "$tmp/out" &&
	[ ! -e "$tmp/PWNED" ] && [ ! -e "$tmp/PWNED2" ] && [ ! -e "$tmp/PWNED3" ]
}
bad_line() {
	printf '%s\n' "$1" > "$tmp/bad.rc"
	"$NF" -c "$tmp/bad.rc" -d "$tmp/bad.db" --refresh > /dev/null 2> "$tmp/bad.err"
	[ $? = 2 ] && grep -qxF "$tmp/bad.rc:1: $2" "$tmp/bad.err"
}
bad_lines() {
	bad_line 'exec' 'exec: missing argument (exec "COMMAND ARG..." ["TITLE"] [TAG...])' &&
	bad_line 'exec "unterminated' 'unterminated quote' &&
	bad_line 'exec ""' 'exec: empty command' &&
	bad_line 'filter "sed s/a/b/"' 'filter: missing argument (filter "COMMAND" URL ["TITLE"] [TAG...])' &&
	bad_line 'filter "x" ftp://e.org/a' 'feed: "ftp://e.org/a" is not an http, https or file URL'
}

# --export-opml writes them as newsboat does (exec:CMD, filter:CMD:URL),
# escaped; --import-opml of that list skips both: an OPML from anywhere
# never makes the reader run a program.
opml_round_trip() {
	"$NF" -c "$tmp/rc" -d "$tmp/db" --export-opml > "$tmp/out.opml" &&
	grep -qF "xmlUrl=\"exec:cat $DEMO/front-page.rss\"" "$tmp/out.opml" &&
	grep -qF "xmlUrl=\"filter:sed s/Lumen/LUMEN/g:file://$DEMO/valley-courier.atom\"" "$tmp/out.opml" &&
	grep -qF 'xmlUrl="exec:printf %s $(touch' "$tmp/out.opml" &&
	: > "$tmp/imported.rc" &&
	"$NF" -c "$tmp/imported.rc" -d "$tmp/imported.db" --import-opml "$tmp/out.opml" \
		> "$tmp/import.out" 2>&1 &&
	grep -q "7 skipped: not http or https" "$tmp/import.out" &&
	! grep -q "exec\|filter" "$tmp/imported.rc"
}

check "an exec source is a feed" exec_feed
check "a filter rewrites the body before parsing" filter_feed
check "a program's escapes never reach the page, nor its stderr" escapes_gone
check "a hanging program and its child are killed at the timeout" hang_killed
check "a flood is cut at max-size" flood_cut
check "a failing filter fails its feed" filter_fails
check "the command is an argument list, never a shell" no_shell
check "malformed exec and filter lines are FILE:LINE errors" bad_lines
check "--export-opml writes exec: and filter: as newsboat does; importing skips them" opml_round_trip
echo "# $n checks, $failures failed"
[ "$failures" -eq 0 ]
