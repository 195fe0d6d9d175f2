#!/bin/sh
# Tags, queries and the killfile from the command line: --refresh counts
# the new items ignore lines hide, --headlines leaves them out, --tag and
# --query narrow the page, and what they name must exist.
. "${top_srcdir:-.}/tests/shtest.sh"
shtest_start narrow

cat > "$tmp/rc" <<EOF2
feed file://$DEMO/front-page.rss "Harbour Gazette" local harbour
feed file://$DEMO/tokyo-wangan.rss "Tokyo Wangan" japan
feed file://$DEMO/valley-courier.atom "Valley Courier" local
query "Ferries" title~ferr or title~"night market"
ignore title~goalkeeper
EOF2
run() {
	"$NF" -c "$tmp/rc" -d "$tmp/db" "$@" > "$tmp/out" 2> "$tmp/err"
	echo $? > "$tmp/status"
}

refresh_counts() {
	run --refresh &&
	grep -qx "Harbour Gazette: ok 5 new, 1 ignored" "$tmp/out" &&
	grep -qx "Tokyo Wangan: ok 4 new" "$tmp/out"
}
page_leaves_out() {
	run --headlines && grep -q "Night market" "$tmp/out" &&
	! grep -qi "goalkeeper" "$tmp/out"
}
tag_narrows() {
	run --headlines --tag japan && grep -q "湾岸" "$tmp/out" &&
	! grep -q "Harbour Gazette" "$tmp/out"
}
query_narrows() {
	run --headlines --query Ferries && grep -q "Night market" "$tmp/out" &&
	grep -q "electric ferries" "$tmp/out" && ! grep -q "Tide barrier" "$tmp/out"
}
unknown_tag() {
	run --headlines --tag nope
	[ "$(cat "$tmp/status")" = 2 ] &&
	grep -q 'no feed of .* carries the tag "nope"' "$tmp/err"
}
unknown_query() {
	run --headlines --query Nope
	[ "$(cat "$tmp/status")" = 2 ] && grep -q 'has no query titled "Nope"' "$tmp/err"
}
tag_needs_headlines() {
	run --refresh --tag japan
	[ "$(cat "$tmp/status")" = 2 ]
}
bad_expression() {
	printf 'query "Broken" unread and (tag:x\n' >> "$tmp/rc"
	run --headlines
	[ "$(cat "$tmp/status")" = 2 ] &&
	grep -qx "$tmp/rc:6: query: column 27: unbalanced parenthesis" "$tmp/err" &&
	[ ! -s "$tmp/out" ]
}

check "--refresh counts the ignored new items" refresh_counts
check "--headlines leaves ignored items out" page_leaves_out
check "--headlines --tag narrows to the tagged feeds" tag_narrows
check "--headlines --query prints the query's stories" query_narrows
check "an unknown tag is a usage error" unknown_tag
check "an unknown query is a usage error" unknown_query
check "--tag belongs to --headlines" tag_needs_headlines
check "a malformed expression is FILE:LINE and nothing runs" bad_expression
echo "# $n checks, $failures failed"
[ "$failures" -eq 0 ]
