#!/bin/sh
# newsfold --dump on the fixtures: valid JSON with the expected fields, the
# exit status and the "SOURCE: reason" message for input that is no feed.
top=${top_srcdir:-.}
bin=${top_builddir:-.}/newsfold
py=${PYTHON3:-python3}
fx="$top/tests/fixtures/feeds"
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0

ok() { pass=$((pass + 1)); echo "ok - $1"; }
not_ok() { fail=$((fail + 1)); echo "not ok - $1"; }

# check NAME SOURCE PYTHON-EXPRESSION: dumps SOURCE, which must exit 0 and
# print JSON for which the expression (over d = the object) is true.
check() {
	name=$1 src=$2 expr=$3
	if ! "$bin" --dump "$src" >"$tmp/out" 2>"$tmp/err"; then
		not_ok "$name: exit $? $(cat "$tmp/err")"
		return
	fi
	if "$py" - "$tmp/out" "$expr" <<'PY'
import json, sys
raw = open(sys.argv[1], 'rb').read()
d = json.loads(raw.decode('utf-8'))
keys = ["source", "format", "title", "link", "description", "items", "stories"]
assert list(d) == keys, list(d)
ikeys = ["id", "title", "link", "author", "published", "updated", "summary",
         "content", "image", "enclosures", "categories", "related"]
for it in d["items"]:
    assert list(it) == ikeys, list(it)
seen = sorted([s["lead"] for s in d["stories"]] + [i for s in d["stories"] for i in s["similar"]])
assert seen == list(range(len(d["items"]))), seen
assert b"\x1b" not in raw and b"\x07" not in raw
sys.exit(0 if eval(sys.argv[2]) else 1)
PY
	then ok "$name"; else not_ok "$name: $expr"; cat "$tmp/out"; fi
}

# fails NAME SOURCE MESSAGE: must exit 1 with exactly MESSAGE on stderr.
fails() {
	name=$1 src=$2 want=$3
	"$bin" --dump "$src" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	if [ $rc -eq 1 ] && [ "$(cat "$tmp/err")" = "$want" ]; then
		ok "$name"
	else
		not_ok "$name: exit $rc, stderr '$(cat "$tmp/err")', want '$want'"
	fi
}

check "rss 2.0" "$fx/rss20.xml" \
	'd["format"] == "rss" and len(d["items"]) == 3 and d["items"][0]["image"]["credit"] == "Northfield Council" and d["items"][2]["published"] is None'
check "atom 1.0" "$fx/atom10.xml" \
	'd["format"] == "atom" and d["items"][1]["link"] == "https://archive.example.com/2023/lighthouse" and d["items"][1]["published"] == "2023-11-30T18:00:00Z"'
check "rdf" "$fx/rdf.xml" 'd["format"] == "rdf" and d["items"][0]["title"] == "紅葉まつりに三万人"'
check "json feed" "$fx/jsonfeed11.json" \
	'd["format"] == "jsonfeed" and d["items"][0]["image"]["caption"] == "湖上に上がる花火"'
check "Shift_JIS" "$fx/sjis.xml" 'd["title"] == "駅前新聞"'
check "escape sequences" "$fx/escapes.xml" 'len(d["items"]) == 2'
check "xxe" "$fx/xxe.xml" '"XXE-SECRET" not in json.dumps(d)'
check "truncated" "$fx/truncated.xml" 'len(d["items"]) == 3 and d["items"][2]["link"] == "https://cut.example.com/3"'
check "& in an attribute" "$fx/atom10-text.xml" \
	'd["link"] == "https://markup.example.com/?page=1&lang=en" and d["items"][0]["title"] == "A guide to the <blink> and <font> tags"'
check "a stray byte in CDATA loses nothing after it" "$fx/cp1252-in-utf8.xml" \
	'len(d["items"]) == 4 and d["items"][0]["summary"] == "Residents don\u2019t agree \u2013 yet"'
check "atom 0.3 base64" "$fx/atom03-base64.xml" \
	'd["title"] == "Lantern Street Diary" and "alert" not in d["items"][0]["content"]'

mkdir "$tmp/a dir" && cp "$fx/rss091.xml" "$tmp/a dir/feed.xml"
check "file URL with %20" "file://$tmp/a%20dir/feed.xml" 'len(d["items"]) == 2'
check "stdin" - 'd["source"] == "-" and d["title"] == "Coastline Report"' <"$fx/atom10.xml"
"$bin" --dump - <"$fx/atom10.xml" >/dev/null 2>&1 && ok "stdin exit" || not_ok "stdin exit"

fails "empty file" "$fx/empty.xml" "$fx/empty.xml: not a feed: the document is empty"
fails "HTML page" "$fx/html-page.html" \
	"$fx/html-page.html: not a feed: the document is <html> (a web page)"
fails "garbage" "$fx/garbage.bin" "$fx/garbage.bin: not a feed: neither XML nor JSON"
fails "missing file" "$tmp/nope.xml" "$tmp/nope.xml: cannot open: No such file or directory"

# Embedded media, scripts, odd comments and "<!" never take the text
# around them; references to 128-159 are windows-1252; an SVG's title and
# description are its text.
em="$fx/embedded-media.xml"
check "embed in feed title" "$em" 'd["title"] == "Harbour Weekly" and d["description"] == "Tides and ferries"'
check "comment with markup in a title" "$em" 'd["items"][0]["title"] == "Quayside market"'
check "embed in a description" "$em" 'd["items"][0]["summary"] == "Stalls open at dawn"'
check "iframe, object, applet in content" "$em" \
	'd["items"][0]["content"] == "The fish market opens at six.\n\nBring a bag and cash."'
check "numeric references as windows-1252" "$em" \
	'd["items"][1]["summary"] == "The ferry don\u2019t run at night \u2013 check the board."'
check "not a doctype" "$em" 'd["items"][2]["summary"] == "<!\x27 a notice that looks like markup" and d["items"][2]["content"] == "<!DOCTYPE"'
check "svg title and desc" "$em" 'd["items"][3]["summary"] == "Today\x27s tides: Tide chart High water at noon as usual."'

# A conversion error deep in libxml2 must not print its own message: on
# the reader's screen it would be garbage.
printf '<?xml version="1.0" encoding="ISO-2022-JP"?><rss><channel><title>\000\377\376</title><item><title>a</title></item></channel></rss>' \
	>"$tmp/conv.xml"
"$bin" --dump "$tmp/conv.xml" >/dev/null 2>"$tmp/conv.err"
if [ -s "$tmp/conv.err" ]; then
	not_ok "libxml2 kept quiet: $(cat "$tmp/conv.err")"
else
	ok "libxml2 kept quiet"
fi

# A root end tag cut short after the channel closed is noise, not a
# broken feed: the channel is read (no item, yet no error).
printf '<rss>\n<channel>\n<title>Tidewater &#8216;Notes&#8217;</title>\n</channel>\n</rss' >"$tmp/cut-root.xml"
check "root end tag cut short" "$tmp/cut-root.xml" 'd["title"] == "Tidewater \u2018Notes\u2019" and d["items"] == []'

# A field over max-size is left out, and --dump says so on stderr; the
# JSON stays whole and the other items keep their text.
printf 'max-size 64K\n' >"$tmp/small.rc"
"${PYTHON3:-python3}" -c "import sys; sys.stdout.write('<rss version=\"2.0\"><channel><title>Long Reads</title><item><title>A long essay</title><link>https://long.example/1</link><description>' + 'word ' * 30000 + '</description></item><item><title>A short note</title><link>https://long.example/2</link><description>Brief.</description></item></channel></rss>')" \
	>"$tmp/long.xml"
if "$bin" -c "$tmp/small.rc" --dump "$tmp/long.xml" >"$tmp/long.json" 2>"$tmp/long.err" &&
	grep -qx "$tmp/long.xml: 1 field over max-size left out" "$tmp/long.err" &&
	"${PYTHON3:-python3}" -c 'import json, sys
d = json.load(open(sys.argv[1]))
assert [i["summary"] for i in d["items"]] == ["", "Brief."]' "$tmp/long.json"; then
	ok "a field over max-size is left out, and said"
else
	not_ok "a field over max-size: $(cat "$tmp/long.err")"
fi

# Items that share a GUID or a link are one story, however long the
# address (--dump keeps long ones as digests) and however far apart the
# dates (18 days: the title alone would not join them); an address one
# character off joins nothing.
g="https://harbour.example/stories/2023/10/ferry-service-resumes-after-storm"
l="https://harbour.example/stories/2023/10/council-budget-quarterly-report"
printf '<rss version="2.0"><channel><title>Harbour Desk</title>
<item><title>Ferry service resumes</title><guid>%s</guid><link>https://harbour.example/a</link><pubDate>Mon, 02 Oct 2023 08:00:00 GMT</pubDate></item>
<item><title>Quarterly budget passes</title><guid>budget-1</guid><link>%s</link><pubDate>Tue, 03 Oct 2023 08:00:00 GMT</pubDate></item>
<item><title>Ferry service resumes</title><guid>%s</guid><link>https://harbour.example/c</link><pubDate>Fri, 20 Oct 2023 08:00:00 GMT</pubDate></item>
<item><title>Quarterly budget passes</title><guid>orchard-1</guid><link>%s</link><pubDate>Sat, 21 Oct 2023 08:00:00 GMT</pubDate></item>
<item><title>Station timetable revised</title><guid>%sx</guid><link>%sx</link><pubDate>Mon, 02 Oct 2023 09:00:00 GMT</pubDate></item>
</channel></rss>' "$g" "$l" "$g" "$l" "$g" "$l" >"$tmp/addr.xml"
check "long shared GUIDs and links join stories" "$tmp/addr.xml" \
	'sorted(sorted([s["lead"]] + s["similar"]) for s in d["stories"]) == [[0, 2], [1, 3], [4]]'

# A site's address that a feed gives items of other titles (its front
# page, a GUID of "1") proves nothing: each item is its own story.
printf '<rss version="2.0"><channel><title>Quay Notices</title>
<item><title>Ferry timetable changes on Monday</title><link>https://quay.example/</link><pubDate>Mon, 02 Nov 2026 08:00:00 GMT</pubDate></item>
<item><title>Storm closes the harbour wall walk</title><link>https://quay.example/</link><pubDate>Mon, 02 Nov 2026 09:00:00 GMT</pubDate></item>
<item><title>Museum opens its new boat hall</title><guid>1</guid><pubDate>Mon, 02 Nov 2026 10:00:00 GMT</pubDate></item>
<item><title>Lifeboat crew welcomes two volunteers</title><guid>1</guid><pubDate>Mon, 02 Nov 2026 11:00:00 GMT</pubDate></item>
</channel></rss>' >"$tmp/site.xml"
check "a site's address shared by other titles joins nothing" "$tmp/site.xml" \
	'len(d["items"]) == 4 and all(s["similar"] == [] for s in d["stories"])'

echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
