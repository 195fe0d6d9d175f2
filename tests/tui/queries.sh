#!/bin/sh
# Tags, queries and the killfile on the screens: an ignored item is on no
# list, a query is a line of the Feeds screen with its count and opens
# folded, `t` lists the tags and a tag opens the front page narrowed to it.
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
tui_check "Q exits 0" quits_clean
tui_check "nothing on stderr" tui_quiet
tui_finish
