#!/bin/sh
# A first run with no dotfile, on the demo feeds: an aggregator's
# " - Publisher" tail shown as the copy's source, the Similar News block
# of the aggregator's item as one entry that unfolds to its copies, and
# the keys that act on one feed or on every story.
. "${top_srcdir:-.}/tests/tui/lib.sh"

tui_start_demo

# The story's headline is the title its copies share: the three longer
# copies run on past "Lumen Lines orders six electric ferries".
LEAD="Lumen Lines orders six electric ferries"

demo_front_page() {
	tui_wait "5 feeds: " && tui_wait "▸ Lumen Lines orders six electric ferries"
}

# The lead's caption is long: it goes on a second line, each marked.
caption_two_lines() {
	tui_wait "▌electric ferries on Wednesday, Nov. 25, 2026. (Kestrel Shipyard)" &&
		sed -n 4p "$TMPDIR_TUI/screen" | grep -q "^▌In this photo provided by the Kestrel yard"
}

# The Harbour Gazette's own title ends in " - Harbour Gazette" and the
# aggregator's copy in " - Coastline Post": neither is headline.
no_publisher_tail() {
	sed -n 2p "$TMPDIR_TUI/screen" | grep -qx "$LEAD *" ||
		{ echo "# lead: $(sed -n 2p "$TMPDIR_TUI/screen")"; return 1; }
	tui_keys Space
	tui_wait "    Coastline Post via ニュースの窓 (News Window) · " || return 1
	! grep -e " - Harbour Gazette" -e " - Coastline Post" "$TMPDIR_TUI/screen"
}

# The aggregator's item: its Similar News block is one entry (six
# outlets, near-duplicates) that unfolds to its copies, each naming its
# outlet.
similar_news() {
	tui_keys Space j Enter
	tui_wait "▸ Similar News (1)" || return 1
	tui_keys Tab
	tui_wait "  ▸ Veldhaven reopens north channel to large ships, port " &&
		tui_wait "… — baltic-wire.example (+5 similar)" || return 1
	tui_keys Tab
	tui_wait "      • Veldhaven reopens north channel to large ships, port authority says — Northsea Times" &&
		tui_wait "      • Veldhaven reopens north channel to large ships, port authority says — the-meridian.example" &&
		! grep -q "read more" "$TMPDIR_TUI/screen"
}

# Enter on a copy opens it (its page cannot be fetched here: the name
# does not resolve, which the article says), and q comes back to the
# fold as it was.
copy_reads_more() {
	tui_keys j j Enter
	tui_wait "newsfold — the-meridian.example" || return 1
	sed -n 2p "$TMPDIR_TUI/screen" |
		grep -q "^Veldhaven reopens north channel to large ships, port authority says" || return 1
	tui_keys q
	tui_wait "      • Veldhaven reopens north channel to large ships, port authority says — Northsea Times" &&
		tui_keys q && tui_wait "newsfold — All feeds"
}

# r on the front page reloads the feed of the story under the cursor,
# R every feed.
reload_one() {
	tui_keys r
	tui_wait "1 feed: 0 new" && tui_keys R && tui_wait "5 feeds: 0 new"
}

mark_all_read() {
	tui_keys A
	tui_wait "14 stories, 0 unread"
}

# The line shown in reverse video (the selection) of the body.
selected_line() {
	$TM capture-pane -p -e -t nf | sed -n '2,$p' | sed '$d' |
		grep -E "$(printf '\033')\[([0-9]*;)*7(;[0-9]*)*m"
}

# Keys typed faster than a frame: Enter opens the article, Tab opens
# its fold and unfolds the entry, and j moves into the copies at once.
# A resize then keeps the selected copy in sight.
burst_and_resize() {
	tui_keys g j Enter Tab Tab j j j
	tui_wait "• VELDHAVEN REOPENS" || return 1
	selected_line | grep -q "harbourline.example" ||
		{ echo "# selected: $(selected_line | cat -v)"; return 1; }
	$TM resize-window -t nf -x 40 -y 10
	tui_wait "Similar News" && tui_fits 40 10 || return 1
	selected_line | grep -q "VELDHAVEN REOPENS" ||
		{ echo "# selected after the resize: $(selected_line | cat -v)"; return 1; }
	$TM resize-window -t nf -x 100 -y 30
	tui_wait "harbourline.example" && tui_keys q && tui_wait "newsfold — All feeds"
}

# A headline cut at a narrow width ends in one "…", not in a second one
# for the source that no longer fits.
narrow_one_ellipsis() {
	$TM resize-window -t nf -x 30 -y 8
	tui_wait "▸ 湾岸区の水上バス新路線" && tui_fits 30 8 || return 1
	! grep "……" "$TMPDIR_TUI/screen" || return 1
	$TM resize-window -t nf -x 100 -y 30
	tui_wait "(+3 similar)"
}

tui_check "no dotfile: the front page of the demo feeds" demo_front_page
tui_check "the lead's long caption wraps onto two marked lines" caption_two_lines
tui_check "a trailing publisher is the copy's source, not headline" no_publisher_tail
tui_check "Similar News: one entry that unfolds to named copies" similar_news
tui_check "Enter on a related copy reads more; q returns" copy_reads_more
tui_check "keys in one burst reach the new article; resize keeps the selection" burst_and_resize
tui_check "a narrow story line ends in one ellipsis" narrow_one_ellipsis
tui_check "r reloads the current feed only" reload_one
tui_check "A marks every story read" mark_all_read
tui_keys Q
tui_check "Q exits 0" tui_wait "EXIT=0"
tui_check "nothing on stderr" tui_quiet
tui_finish
