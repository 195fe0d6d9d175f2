#!/bin/sh
# s saves the story under the cursor as a text file and names it on the
# status line; b hands its link and title to bookmark-cmd, one argument
# each, without a shell.
. "${top_srcdir:-.}/tests/tui/lib.sh"

tui_dotfile() {
	sed -e "s|@FIXTURES@|$FIXTURES|g" -e "s|@BROWSER@|true|g" \
		"$FIXTURES/newsfoldrc.in" > "$TMPDIR_TUI/newsfoldrc"
	cat > "$TMPDIR_TUI/bookmark" <<EOS
#!/bin/sh
for a in "\$@"; do printf '<%s>\n' "\$a"; done > "$TMPDIR_TUI/bookmarked"
EOS
	chmod +x "$TMPDIR_TUI/bookmark"
	printf 'bookmark-cmd "%s --add %%t %%u"\n' "$TMPDIR_TUI/bookmark" \
		>> "$TMPDIR_TUI/newsfoldrc"
	cat > "$TMPDIR_TUI/podcast.rss" <<EOS
<rss version="2.0"><channel><title>Harbour Podcast</title>
<item><title>Episode 12: the night ferry</title><link>https://pod.example/12</link>
<enclosure url="https://pod.example/12.mp3" type="audio/mpeg" length="1000"/>
<enclosure url="https://pod.example/12.ogg" type="audio/ogg" length="900"/></item>
</channel></rss>
EOS
	cat > "$TMPDIR_TUI/player" <<EOS
#!/bin/sh
printf '<%s>' "\$@" >> "$TMPDIR_TUI/played"
echo >> "$TMPDIR_TUI/played"
EOS
	chmod +x "$TMPDIR_TUI/player"
	printf 'feed file://%s/podcast.rss\nplayer "%s --quiet"\n' "$TMPDIR_TUI" \
		"$TMPDIR_TUI/player" >> "$TMPDIR_TUI/newsfoldrc"
}

SAVED="$TMPDIR_TUI/.local/share/newsfold/saved"

saves() {
	tui_wait "Harbour museum reopens" || return 1
	tui_keys g s
	tui_wait "Save to: …" && tui_wait "Fenwick and Dunmere.txt" || return 1
	tui_keys Enter
	tui_wait "saved to $SAVED/Storm Orla closes the coast road" &&
	f=$(ls "$SAVED"/*.txt) &&
	head -1 "$f" | grep -qx "Storm Orla closes the coast road between Fenwick and Dunmere" &&
	grep -q "^Photo: Waves spill over the sea wall" "$f"
}

saves_again() {
	tui_keys s
	tui_wait "Fenwick and Dunmere-2.txt" || return 1
	tui_keys Enter
	deadline=$(($(date +%s) + 10))
	until [ -f "$SAVED/Storm Orla closes the coast road between Fenwick and Dunmere-2.txt" ]; do
		[ "$(date +%s)" -ge "$deadline" ] && return 1
		sleep 0.1
	done
	[ "$(ls "$SAVED" | wc -l)" -eq 2 ]
}

bookmarks() {
	tui_keys j b
	tui_wait "bookmarked https://" &&
	[ "$(sed -n 1p "$TMPDIR_TUI/bookmarked")" = "<--add>" ] &&
	sed -n 2p "$TMPDIR_TUI/bookmarked" | grep -q "^<[^<>]* [^<>]*>$" &&
	sed -n 3p "$TMPDIR_TUI/bookmarked" | grep -q "^<https://"
}

plays() {
	tui_keys f
	tui_wait "Harbour Podcast" || return 1
	tui_keys G Enter
	tui_wait "Episode 12: the night ferry" || return 1
	tui_keys e
	tui_wait "played https://pod.example/12.mp3" || return 1
	tui_keys e
	tui_wait "played https://pod.example/12.ogg" &&
	[ "$(sed -n 1p "$TMPDIR_TUI/played")" = "<--quiet><https://pod.example/12.mp3>" ] &&
	[ "$(sed -n 2p "$TMPDIR_TUI/played")" = "<--quiet><https://pod.example/12.ogg>" ]
}

quits_clean() {
	tui_keys Q
	tui_wait "EXIT=0"
}

tui_start
tui_check "s saves the story as a text file" saves
tui_check "a second s never replaces the first file" saves_again
tui_check "b runs bookmark-cmd with the title and link" bookmarks
tui_check "e hands each enclosure in turn to player" plays
tui_check "Q exits 0" quits_clean
tui_check "nothing on stderr" tui_quiet
tui_finish
