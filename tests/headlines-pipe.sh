#!/bin/sh
# newsfold --headlines into a pipe prints every headline, source and link
# whole, whatever $COLUMNS says: only a terminal gets lines cut to its
# width (SPEC), so grep on the output finds every word.
top_srcdir=${top_srcdir:-.}
top_builddir=${top_builddir:-.}
NF="$top_builddir/newsfold"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/nf-pipe.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT
unset NEWSFOLD_CONFIG
mkdir -p "$tmp/home"
HOME="$tmp/home"
XDG_CONFIG_HOME="$tmp/home/.config"
XDG_DATA_HOME="$tmp/home/.local/share"
COLUMNS=40
export HOME XDG_CONFIG_HOME XDG_DATA_HOME COLUMNS
: >"$tmp/rc"

head="Bridge over the Saltmere estuary closed to all traffic after inspectors find a"
head="$head crack in a support pier; ferries add late sailings, buses divert through"
head="$head Kestrel Road, and the council promises a plan by Friday"
link="https://estuary-news.example.org/2024/06/bridge-closed-after-crack-found-in-support-pier-ferries-add-sailings"
cat >"$tmp/feed.xml" <<XML
<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Estuary News Service of the Saltmere Valley</title>
<link>https://estuary-news.example.org/</link>
<item><title>$head</title><link>$link</link>
<description>Engineers will inspect every pier of the bridge over the next two weeks before any decision on reopening it is made.</description></item>
<item><title>$head</title><link>$link?copy=2</link>
<description>A second copy of the story, from the wire.</description></item>
<item><title>Second story: library opens late on Thursdays through the whole of the summer</title>
<link>https://estuary-news.example.org/2024/06/library-hours-for-the-summer</link></item>
</channel></rss>
XML

failures=0
fail() {
	echo "FAIL: $*"
	failures=$((failures + 1))
}

[ ${#head} -ge 200 ] || fail "the test headline is only ${#head} characters"
"$NF" -c "$tmp/rc" --headlines "$tmp/feed.xml" 2>"$tmp/err" | cat >"$tmp/out"
[ -s "$tmp/err" ] && fail "stderr: $(cat "$tmp/err")"
grep -qF "$head" "$tmp/out" || fail "the 200-character headline is cut: $(cat "$tmp/out")"
grep -qF "$link?copy=2" "$tmp/out" || fail "a copy's link is cut"
grep -qF "Estuary News Service of the Saltmere Valley" "$tmp/out" || fail "the source is cut"
grep -qF "library opens late on Thursdays through the whole of the summer" "$tmp/out" ||
	fail "a story line is cut"
grep -q '…' "$tmp/out" && fail "a line ends in an ellipsis: $(grep '…' "$tmp/out")"

# On a terminal (when script(1) can give one), lines fit $COLUMNS.
if command -v script >/dev/null 2>&1 &&
	script -qec "true" /dev/null >/dev/null 2>&1; then
	script -qec "\"$NF\" -c \"$tmp/rc\" --headlines \"$tmp/feed.xml\"" /dev/null \
		</dev/null >"$tmp/tty" 2>&1
	grep -q '…' "$tmp/tty" || fail "on a terminal, nothing was cut to 40 columns"
fi

[ $failures -eq 0 ] && echo "headlines-pipe: ok"
[ $failures -eq 0 ]
