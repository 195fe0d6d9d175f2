#!/bin/sh
# The Article screen as a place to read in: n and N go through the unread
# stories (round past the end), m and A work there, an enclosure is
# listed with its type and size and plays with the dotfile's player,
# text-width narrows the text, the percentage is right on the first
# frame, <pre> keeps its spaces (cut, not wrapped), and help is the
# article's own, left with Esc.
. "${top_srcdir:-.}/tests/tui/lib.sh"

cat > "$TMPDIR_TUI/player" <<EOS
#!/bin/sh
echo "\$@" > "$TMPDIR_TUI/played"
EOS
chmod +x "$TMPDIR_TUI/player"
tui_dotfile
{
	echo "feed file://$FIXTURES/pod.rss"
	echo "player \"$TMPDIR_TUI/player %u\""
	echo "text-width 40"
} >> "$TMPDIR_TUI/newsfoldrc"
# tui_start writes the dotfile again: keep ours.
cp "$TMPDIR_TUI/newsfoldrc" "$TMPDIR_TUI/rc.keep"
tui_dotfile() { cp "$TMPDIR_TUI/rc.keep" "$TMPDIR_TUI/newsfoldrc"; }

# The headline on the article's second line.
headline() {
	tui_screen | sed -n 2p | sed 's/ *$//'
}

first_frame_share() {
	tui_wait "newsfold — All feeds" && tui_wait "Episode 12" || return 1
	$TM resize-window -t nf -x 100 -y 12
	tui_keys / E p i s o d e Enter
	tui_wait "filter: Episode" || return 1
	tui_keys Enter
	tui_wait "newsfold — Quay Podcast — " || return 1
	if grep -q "newsfold — Quay Podcast — 100%" "$TMPDIR_TUI/screen"; then
		echo "# a long article in 10 lines starts at 100%"
		return 1
	fi
	$TM resize-window -t nf -x 100 -y 60
	tui_wait "newsfold — Quay Podcast — 100%"
}

text_width_and_enclosure() {
	tui_wait "  ▶ audio/mpeg, 12.0 MB — https://quay.example/audio/ep12.mp3" ||
		return 1
	# the text lines (not the link or enclosure lines) fit in 40 columns
	wide=$(tui_screen | sed -n '5,/^Enclosures/p' | grep -v "^Enclosures" |
		LC_ALL=C.UTF-8 wc -L)
	[ "$wide" -le 40 ] || { echo "# text $wide columns wide"; return 1; }
	tui_keys Tab Enter
	tui_wait "opened https://quay.example/audio/ep12.mp3" &&
	grep -qx "https://quay.example/audio/ep12.mp3" "$TMPDIR_TUI/played"
}

# <pre> keeps its spaces and is cut at the edge with "…", never wrapped.
pre_kept() {
	tui_keys g
	tui_wait "Port      High   Low" &&
	tui_wait "Fenwick   06:12  12:30" &&
	tui_wait "    indented line that is rather long a…" &&
	tui_wait "goes on past the edge" gone
}

own_help() {
	tui_keys '?'
	tui_wait "newsfold — Keys on the Article screen (q or Esc to go back)" &&
	tui_wait "space pages down" || return 1
	tui_keys Escape
	tui_wait "newsfold — Quay Podcast"
}

m_in_article() {
	tui_keys m
	tui_wait "story marked unread" || return 1
	tui_keys m
	tui_wait "story marked read"
}

# From the podcast (the filter gone), n reads every other story in turn,
# each once, then says there are no more.
n_through_unread() {
	tui_keys q
	tui_wait "newsfold — All feeds" || return 1
	tui_keys Escape g
	tui_wait "filter:" gone || return 1
	total=$(sed -n '1s/.* — \([0-9]*\) stories, .*/\1/p' "$TMPDIR_TUI/screen")
	tui_keys Enter
	tui_wait "newsfold — " && tui_wait "newsfold — All feeds" gone || return 1
	seen="$TMPDIR_TUI/seen"
	headline > "$seen"
	i=0
	while [ $i -lt 20 ]; do
		before=$(headline)
		tui_keys n
		sleep 0.3
		tui_wait "newsfold — All feeds" gone || return 1
		tui_screen > "$TMPDIR_TUI/screen"
		grep -q "no more unread stories" "$TMPDIR_TUI/screen" && break
		[ "$(headline)" != "$before" ] || continue
		headline >> "$seen"
		i=$((i + 1))
	done
	[ "$(sort "$seen" | uniq -d | wc -l)" -eq 0 ] ||
		{ echo "# a story came twice:"; sed 's/^/# | /' "$seen"; return 1; }
	[ "$(wc -l < "$seen")" -eq "$total" ] ||
		{ echo "# read $(wc -l < "$seen") stories:"; sed 's/^/# | /' "$seen"; return 1; }
	tui_keys q
	tui_wait "$total stories, 0 unread"
}

# One story unread again above the cursor: n from the last story goes
# round to it.
n_goes_round() {
	tui_keys g m G Enter
	tui_wait "newsfold — All feeds" gone || return 1
	tui_keys n
	tui_wait "went round to the top"
}

a_in_article() {
	tui_keys q
	tui_wait "newsfold — All feeds" || return 1
	tui_keys m j Enter
	tui_wait "newsfold — All feeds" gone || return 1
	tui_keys A
	tui_wait "u undoes" || return 1
	tui_keys q
	tui_wait "stories, 0 unread"
}

tui_start
tui_check "the percentage is right on the first frame and after a resize" first_frame_share
tui_check "text-width, and an enclosure played by the player" text_width_and_enclosure
tui_check "preformatted text keeps its spaces, cut not wrapped" pre_kept
tui_check "help is the article's own; Esc leaves it" own_help
tui_check "m marks the story shown" m_in_article
tui_check "n reads through the unread stories" n_through_unread
tui_check "n goes round past the end" n_goes_round
tui_check "A in an article marks the list" a_in_article
tui_check "nothing on stderr" tui_quiet
tui_finish
