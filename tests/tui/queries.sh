#!/bin/sh
# Tags, queries and the killfile on the screens: an ignored item is on no
# list, a query is a line of the Feeds screen with its count and opens
# folded, `t` lists the tags and a tag opens the front page narrowed to it;
# F searches every stored item for the filter's words.
. "${top_srcdir:-.}/tests/tui/lib.sh"

tui_dotfile() {
	cat > "$TMPDIR_TUI/newsfoldrc" <<EOS
feed file://$FIXTURES/world.rss "Lantern Post" news
feed file://$FIXTURES/wire.rss "Coastal Wire" news wire
feed file://$FIXTURES/bay.atom "Bay Herald" local
feed file://$FIXTURES/tokyo.rss "湾岸日報" japan
query "Storm watch" title~storm   # every copy of the storm story
query "Japan" "tag:japan and unread"
ignore title~"swimmers" or source:"No Such Outlet"
refresh-on-start no
EOS
}

killed_on_front_page() {
	tui_wait "Harbour museum reopens" &&
	tui_wait "Bay swimmers keep their winter dip" gone
}

queries_listed() {
	tui_keys f
	tui_wait "Storm watch" &&
	grep -q "Storm watch .* 3 unread  query" "$TMPDIR_TUI/screen" &&
	grep -q "Japan .* 2 unread  query" "$TMPDIR_TUI/screen" &&
	grep -q "Bay Herald .* 1 unread" "$TMPDIR_TUI/screen"
}

query_opens_folded() {
	tui_keys j Enter
	tui_wait "newsfold — Storm watch" &&
	tui_wait "Storm Orla closes the coast road between Fenwick and Dunmere — Lantern Post (+2 similar)" &&
	tui_wait "Harbour museum reopens" gone
}

tags_listed() {
	tui_keys q
	tui_wait "Storm watch" || return 1
	tui_keys t
	tui_wait "newsfold — Tags — 4 tags" &&
	grep -q "news .* unread  tag" "$TMPDIR_TUI/screen" &&
	grep -q "japan .* 2 unread  tag" "$TMPDIR_TUI/screen" &&
	tui_wait "Lantern Post" gone
}

tag_narrows() {
	tui_keys G Enter
	tui_wait "newsfold — tag japan" &&
	tui_wait "港の朝市" && tui_wait "Storm Orla" gone
}

feeds_again() {
	tui_keys q
	tui_wait "newsfold — Tags" || return 1
	tui_keys t
	tui_wait "newsfold — Feeds — 4 feeds" && tui_wait "Lantern Post"
}

search_words() {
	tui_keys q
	tui_wait "newsfold — All feeds" || return 1
	tui_keys / && tui_keys -l "lamps march" && tui_keys Enter F
	tui_wait "newsfold — search: lamps march" &&
	tui_wait "Town council votes to light the pier" &&
	tui_wait "Harbour museum reopens" gone
}

search_japanese() {
	tui_keys q
	tui_wait "newsfold — All feeds" || return 1
	tui_keys Escape / && tui_keys -l "低床車両" && tui_keys Enter F
	tui_wait "search: 低床車両" && tui_wait "新しい路面電車" &&
	tui_wait "港の朝市" gone
}

quits_clean() {
	tui_keys Q
	tui_wait "EXIT=0"
}

tui_start
tui_check "an ignored item is on no list" killed_on_front_page
tui_check "queries on the Feeds screen with their counts" queries_listed
tui_check "a query opens folded across feeds" query_opens_folded
tui_check "t lists the tags with their counts" tags_listed
tui_check "a tag opens the front page narrowed to it" tag_narrows
tui_check "t again lists the feeds" feeds_again
tui_check "F searches the filter's words in the full text" search_words
tui_check "F finds Japanese through the trigram index" search_japanese
tui_check "Q exits 0" quits_clean
tui_check "nothing on stderr" tui_quiet
tui_finish
