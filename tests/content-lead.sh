#!/bin/sh
# Items whose only text is their content (a JSON Feed's content_html or
# content_text, an Atom entry's content, an RSS item's content:encoded)
# fold by the lead of that content as others fold by their summary's:
# under one generic title ("Update"), the copies that tell one town's
# news are one story, two towns never are. Checked on the three paths
# that fold: --dump of one feed, the refresh's kept fold read back from
# the store, and --headlines folding in memory once the kept fold is
# stale, which must print the kept page.
top_srcdir=${top_srcdir:-.}
top_builddir=${top_builddir:-.}
PYTHON3=${PYTHON3:-python3}
NF="$top_builddir/newsfold"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/nf-content.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT
trap 'exit 99' INT TERM HUP
unset NEWSFOLD_CONFIG http_proxy HTTP_PROXY https_proxy HTTPS_PROXY
HOME="$tmp"
COLUMNS=100
export HOME COLUMNS
"$PYTHON3" -c "import sqlite3" 2>/dev/null || { echo "no sqlite3 in python3"; exit 77; }

failures=0
fail() {
	echo "FAIL: $*"
	failures=$((failures + 1))
}

# Each town's news, told by every feed that carries it: the lead names
# the town; the later sentences differ from copy to copy.
"$PYTHON3" - "$tmp" <<'PY'
import json, sys
out = sys.argv[1]
LEADS = {
    "elmford": "The ferry between Elmford and the outer islands is suspended until Friday after a storm damaged the landing stage.",
    "harwick": "Harwick council has closed the old market hall while engineers inspect cracks found in its roof beams.",
    "tolbury": "A water main burst under the high street in Tolbury on Monday morning, leaving two hundred homes without supply.",
    "wenmoor": "Wenmoor library reopens on Saturday with a new children's wing and longer evening hours.",
}
TAILS = ["Repairs are under way.", "More details are expected later.",
         "Residents were advised to check for updates."]
# (feed, town, hour): Elmford and Harwick in all three feeds, Tolbury
# in two, Wenmoor in one
CARRY = [("json", "elmford", 1), ("atom", "elmford", 2), ("rss", "elmford", 3),
         ("json", "harwick", 4), ("atom", "harwick", 5), ("rss", "harwick", 6),
         ("json", "tolbury", 7), ("rss", "tolbury", 8),
         ("json", "wenmoor", 9), ("json", "elmford", 10)]
def date(h):
    return "2026-11-20T%02d:00:00Z" % h
items = {"json": [], "atom": [], "rss": []}
for n, (feed, town, hour) in enumerate(CARRY):
    items[feed].append(("%s-%s-%d" % (town, feed, n), town, hour,
                        LEADS[town] + " " + TAILS[n % len(TAILS)]))
truth = open(out + "/truth", "w")
for n, (feed, town, hour) in enumerate(CARRY):
    truth.write("%s-%s-%d\t%s\n" % (town, feed, n, town))
jf = {"version": "https://jsonfeed.org/version/1.1", "title": "Coast Bulletin",
      "home_page_url": "https://coast.example/", "items": []}
for i, (guid, town, hour, text) in enumerate(items["json"]):
    it = {"id": guid, "url": "https://coast.example/" + guid, "title": "Update",
          "date_published": date(hour)}
    # one item with plain content_text, the others HTML
    if i == 0:
        it["content_text"] = text
    else:
        it["content_html"] = "<p>%s</p><p>Photo: staff.</p>" % text.replace("'", "&#8217;")
    jf["items"].append(it)
json.dump(jf, open(out + "/coast.json", "w"))
with open(out + "/valley.atom", "w") as f:
    f.write('<?xml version="1.0" encoding="utf-8"?>\n'
            '<feed xmlns="http://www.w3.org/2005/Atom"><title>Valley Times</title>'
            '<id>urn:valley</id><updated>2026-11-20T12:00:00Z</updated>\n')
    for guid, town, hour, text in items["atom"]:
        f.write('<entry><title>Update</title><id>urn:%s</id>'
                '<link href="https://valley.example/%s"/><updated>%s</updated>'
                '<content type="html">&lt;p&gt;%s&lt;/p&gt;</content></entry>\n'
                % (guid, guid, date(hour), text))
    f.write("</feed>\n")
with open(out + "/harbour.rss", "w") as f:
    f.write('<?xml version="1.0" encoding="utf-8"?>\n'
            '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
            '<channel><title>Harbour Post</title><link>https://harbour.example/</link>'
            '<description>news</description>\n')
    for guid, town, hour, text in items["rss"]:
        f.write('<item><title>Update</title><guid isPermaLink="false">%s</guid>'
                '<link>https://harbour.example/%s</link>'
                '<pubDate>Fri, 20 Nov 2026 %02d:00:00 +0000</pubDate>'
                '<content:encoded><![CDATA[<div><p>%s</p></div>]]></content:encoded></item>\n'
                % (guid, guid, hour, text))
    f.write("</channel></rss>\n")
PY
[ -f "$tmp/truth" ] || { echo "fixtures not written"; exit 99; }

# 1. --dump of each feed: a story a town (the JSON feed carries Elmford
# twice, as an aggregator would), and no summary made up in the JSON.
for f in coast.json valley.atom harbour.rss; do
	"$NF" --dump "$tmp/$f" >"$tmp/$f.dump" 2>"$tmp/$f.err" ||
		fail "--dump $f: exit $? ($(cat "$tmp/$f.err"))"
done
"$PYTHON3" - "$tmp" <<'PY' || fail "--dump: stories do not follow the content's leads"
import json, sys
out = sys.argv[1]
ok = True
for name in ("coast.json", "valley.atom", "harbour.rss"):
    d = json.load(open("%s/%s.dump" % (out, name)))
    towns = [it["id"].split(":")[-1].split("-")[0] for it in d["items"]]
    for s in d["stories"]:
        members = [s["lead"]] + s["similar"]
        if len({towns[m] for m in members}) != 1:
            print("%s: a story mixes %s" % (name, [towns[m] for m in members]))
            ok = False
    if len(d["stories"]) != len(set(towns)):
        print("%s: %d stories for %d towns" % (name, len(d["stories"]), len(set(towns))))
        ok = False
    if any(it["summary"] for it in d["items"]):
        print("%s: an item without a summary was given one" % name)
        ok = False
sys.exit(0 if ok else 1)
PY

# 2. Every feed into one store: each town is one story, whole.
for f in coast.json valley.atom harbour.rss; do
	echo "feed file://$tmp/$f"
done >"$tmp/rc"
db="$tmp/news.db"
"$NF" -c "$tmp/rc" -d "$db" --refresh >"$tmp/refresh.out" 2>&1 ||
	fail "--refresh: exit $? ($(cat "$tmp/refresh.out"))"

# stories DB: each kept story's towns, one line a story
stories() {
	"$PYTHON3" - "$db" "$tmp/truth" <<'PY'
import sqlite3, sys
truth = dict(l.rstrip("\n").split("\t") for l in open(sys.argv[2]))
con = sqlite3.connect("file:%s?mode=ro" % sys.argv[1], uri=True)
rows = con.execute("SELECT m.story, i.guid FROM story_members m"
                   " JOIN items i ON i.id = m.item ORDER BY m.story, i.guid")
story = {}
for s, guid in rows:
    story.setdefault(s, []).append(truth[guid.split(":")[-1]])
for s in sorted(story):
    print(" ".join(story[s]))
PY
}
stories >"$tmp/kept" || fail "cannot read the kept stories"
printf '%s\n' "elmford elmford elmford elmford" "harwick harwick harwick" \
	"tolbury tolbury" "wenmoor" | sort >"$tmp/want"
sort "$tmp/kept" | cmp -s - "$tmp/want" || {
	fail "the kept stories are not one a town"
	cat "$tmp/kept"
}

# 3. The page folded in memory is the kept page.
"$NF" -c "$tmp/rc" -d "$db" --headlines >"$tmp/page.kept" 2>&1 ||
	fail "--headlines (kept): exit $?"
"$PYTHON3" -c "import sqlite3, sys
con = sqlite3.connect(sys.argv[1])
con.execute('UPDATE fold_state SET gen = gen + 1')
con.commit()" "$db" || fail "cannot make the kept fold stale"
"$NF" -c "$tmp/rc" -d "$db" --headlines >"$tmp/page.memory" 2>&1 ||
	fail "--headlines (in memory): exit $?"
cmp -s "$tmp/page.kept" "$tmp/page.memory" || {
	fail "the page folded in memory differs from the kept page"
	diff "$tmp/page.kept" "$tmp/page.memory" | head -20
}
[ "$(grep -c 'similar' "$tmp/page.kept")" -eq 3 ] || {
	fail "the page does not show three folded stories"
	cat "$tmp/page.kept"
}

[ "$failures" -eq 0 ] || exit 1
echo "ok"
