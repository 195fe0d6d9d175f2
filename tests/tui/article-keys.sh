#!/bin/sh
# What leaves the reader from the Article screen: s asks where to save
# (the default path shown, edited by whole UTF-8 characters, Enter
# writes, Esc writes nothing), b runs bookmark-cmd, e with no player set
# downloads the enclosure from the loopback server into download-dir with
# its progress on the status line while keys still answer, and D
# continues a download cut by quitting the reader with a range request.
. "${top_srcdir:-.}/tests/tui/lib.sh"

if [ -z "$PYTHON3" ]; then
	echo "python3 not found: skipped"
	exit 77
fi
trap 'kill $server 2>/dev/null; tui_cleanup' EXIT INT TERM
. "$top_srcdir/tests/server.sh"
server_start "$TMPDIR_TUI/port" --log "$TMPDIR_TUI/requests"
port=$(head -n 1 "$TMPDIR_TUI/port")
blob="http://127.0.0.1:$port/blob"

cat > "$TMPDIR_TUI/bookmark" <<EOS
#!/bin/sh
for a in "\$@"; do printf '<%s>\n' "\$a"; done > "$TMPDIR_TUI/bookmarked"
EOS
chmod +x "$TMPDIR_TUI/bookmark"
body="The lock keeper tells how the gates are worked at every tide, how the"
body="$body water is let in and out, and why the boats wait in line at dawn."
cat > "$TMPDIR_TUI/pod.rss" <<EOS
<rss version="2.0"><channel><title>Lock Podcast</title>
<item><title>Episode 7: the lock keeper</title><link>https://lock.example/7</link>
<guid>ep7</guid>
<description>$body $body $body $body $body</description>
<enclosure url="$blob/ep7.mp3?size=3000000&amp;slow=80" type="audio/mpeg" length="3000000"/>
</item>
<item><title>Episode 8: the weir</title><link>https://lock.example/8</link>
<guid>ep8</guid>
<description>$body $body $body $body $body</description>
<enclosure url="$blob/ep8.ogg?size=600000&amp;cut=1" type="audio/ogg" length="600000"/>
</item>
</channel></rss>
EOS
tui_dotfile() {
	{
		echo "feed file://$TMPDIR_TUI/pod.rss \"Lock Podcast\""
		echo "bookmark-cmd \"$TMPDIR_TUI/bookmark %u %t\""
		echo "download-dir \"~/Pods\""
		echo "browser true"
	} > "$TMPDIR_TUI/newsfoldrc"
}

SAVED="$TMPDIR_TUI/.local/share/newsfold/saved"
PODS="$TMPDIR_TUI/Pods"

opens_article() {
	tui_wait "Episode 7: the lock keeper" || return 1
	tui_keys / E p i s o d e Space 7 Enter Enter
	tui_wait "newsfold — Lock Podcast" && tui_wait "Enclosures (1)"
}

prompt_shows_default() {
	tui_keys s
	tui_wait "Save to: $SAVED/Episode 7: the lock keeper.txt"
}

# Backspace takes ".txt" away a character at a time, then "é" whole:
# a byte left of it would be in the file's name.
prompt_edits_and_saves() {
	tui_keys BSpace BSpace BSpace BSpace && tui_keys -l " é" &&
	tui_keys BSpace && tui_keys -l "notes.txt" &&
	tui_wait "Save to: $SAVED/Episode 7: the lock keeper notes.txt" || return 1
	tui_keys Enter
	tui_wait "saved to $SAVED/Episode 7: the lock keeper notes.txt" &&
	head -1 "$SAVED/Episode 7: the lock keeper notes.txt" |
		grep -qx "Episode 7: the lock keeper" &&
	grep -q "The lock keeper tells how" "$SAVED/Episode 7: the lock keeper notes.txt"
}

escape_saves_nothing() {
	tui_keys s
	tui_wait "Save to: " || return 1
	tui_keys Escape
	tui_wait "not saved" && [ "$(ls "$SAVED" | wc -l)" -eq 1 ]
}

bookmarks_in_article() {
	tui_keys b
	tui_wait "bookmarked https://lock.example/7" &&
	[ "$(sed -n 1p "$TMPDIR_TUI/bookmarked")" = "<https://lock.example/7>" ] &&
	[ "$(sed -n 2p "$TMPDIR_TUI/bookmarked")" = "<Episode 7: the lock keeper>" ]
}

# While it downloads, the help screen opens and closes: the loop answers.
downloads_with_progress() {
	tui_keys e
	tui_wait "downloading ep7.mp3: " && tui_wait "B of 3.0 MB)" || return 1
	grep -q "downloading ep7.mp3: [0-9]*% ([0-9.]* [kM]B of 3.0 MB)" \
		"$TMPDIR_TUI/screen" || { echo "# no percent and size"; return 1; }
	tui_keys '?'
	tui_wait "download-enclos" || return 1
	tui_keys q
	tui_wait "downloaded $PODS/ep7.mp3" &&
	[ "$(wc -c < "$PODS/ep7.mp3")" -eq 3000000 ] && [ ! -e "$PODS/ep7.mp3.part" ]
}

help_lists_keys() {
	tui_keys '?'
	tui_wait "save this story as it reads now; asks where" &&
	tui_wait "download the selected enclosure" && tui_keys q
}

# The server cuts ep8 in half: the part stays; D again asks for the rest.
cut_then_continued() {
	tui_keys q
	tui_wait "newsfold — All feeds" || return 1
	tui_keys / E p i s o d e Space 8 Enter D
	tui_wait "download of ep8.ogg failed" || return 1
	[ "$(wc -c < "$PODS/ep8.ogg.part")" -eq 300000 ] || return 1
	tui_keys D
	tui_wait "downloaded $PODS/ep8.ogg" &&
	[ "$(wc -c < "$PODS/ep8.ogg")" -eq 600000 ] &&
	grep -q '"Range": "bytes=300000-"' "$TMPDIR_TUI/requests"
}

quits_clean() {
	tui_keys Q
	tui_wait "EXIT=0"
}

tui_start
tui_check "Enter opens the podcast's article" opens_article
tui_check "s shows the default path under XDG_DATA_HOME" prompt_shows_default
tui_check "the prompt edits by characters and Enter writes the file" prompt_edits_and_saves
tui_check "Esc at the prompt writes nothing" escape_saves_nothing
tui_check "b in the article runs bookmark-cmd" bookmarks_in_article
tui_check "e without a player downloads, with progress, keys answering" downloads_with_progress
tui_check "the article's help lists save and download" help_lists_keys
tui_check "a cut download continues with a range" cut_then_continued
tui_check "Q exits 0" quits_clean
tui_check "nothing on stderr" tui_quiet
tui_finish
