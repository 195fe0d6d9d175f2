#!/bin/sh
# --import-newsboat: a newsboat folder (urls with tags, "~Title", a query,
# exec: and lines that have no equivalent; config settings; a cache.db of
# items with read flags) becomes dotfile lines and stored items, read as
# they were, story by story; newsboat's files are not touched; a second
# run adds nothing twice.
. "${top_srcdir:-.}/tests/shtest.sh"
shtest_start newsboat
mkdir -p "$tmp/home/.newsboat"
NB="$tmp/home/.newsboat"

cat > "$NB/urls" <<EOF2
# newsboat's feed list
file://$DEMO/front-page.rss local "~Harbour Gazette" harbour
file://$DEMO/tokyo-wangan.rss japan !hidden
"query:Unread local:unread = \"yes\" and tags # \"local\""
"query:Regex:title =~ \"^Tide.*\""
"exec:cat $DEMO/valley-courier.atom" "~Courier"
gopher://old.example/feed
EOF2
cat > "$NB/config" <<'EOF2'
reload-time 45
refresh-on-startup yes
browser "firefox %u"
show-read-articles no
ignore-article "*" "title =~ \"goalkeeper\""
articlelist-format "%4i %f %D %t"
EOF2

# newsboat's cache: every demo item of the first feed, two of them read,
# and the Japanese feed's items, one read.
"$PYTHON3" - "$NB/cache.db" "$DEMO" <<'EOF2' || exit 99
import re, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("CREATE TABLE rss_item (id INTEGER PRIMARY KEY, guid VARCHAR, title VARCHAR,"
           " author VARCHAR, url VARCHAR, feedurl VARCHAR, pubDate INTEGER, content VARCHAR,"
           " unread INTEGER, enclosure_url VARCHAR, enclosure_type VARCHAR, enqueued INTEGER,"
           " flags VARCHAR, deleted INTEGER DEFAULT 0, base VARCHAR)")
def items(name):
    text = open(sys.argv[2] + "/" + name, encoding="utf-8").read()
    for block in re.findall(r"<item>(.*?)</item>", text, re.S):
        get = lambda tag: (re.search("<%s>(.*?)</%s>" % (tag, tag), block, re.S) or [None, ""])[1]
        yield get("title"), get("link"), get("guid") or get("link")
read = {"Night market returns to the fish quay after three years",
        "Council approves cycle lane on Rope Walk after long debate",
        "旧倉庫街の再開発、第1期の商業棟が完成"}
for name in ("front-page.rss", "tokyo-wangan.rss"):
    for i, (title, link, guid) in enumerate(items(name)):
        db.execute("INSERT INTO rss_item (guid, title, author, url, feedurl, pubDate,"
                   " content, unread) VALUES (?, ?, '', ?, ?, ?, ?, ?)",
                   (guid, title, link, "file://" + sys.argv[2] + "/" + name,
                    1795000000 + i, "<p>From the cache: " + title + "</p>",
                    0 if title in read else 1))
db.commit()
EOF2
sums() {
	(cd "$NB" && ls -a && cat urls config cache.db | cksum)
}
sums > "$tmp/before"

import() {
	"$NF" -d "$tmp/db" --import-newsboat > "$tmp/out" 2> "$tmp/err"
}
DOT="$XDG_CONFIG_HOME/newsfold/config"

imports() {
	import && grep -q "3 feeds and 6 other lines added to $DOT, 3 items marked read" "$tmp/out"
}
dotfile_lines() {
	grep -qx "feed file://$DEMO/front-page.rss \"Harbour Gazette\" local harbour" "$DOT" &&
	grep -qx "feed file://$DEMO/tokyo-wangan.rss japan" "$DOT" &&
	grep -qx "query \"Unread local\" unread and tag:\"local\"" "$DOT" &&
	grep -qx "exec \"cat $DEMO/valley-courier.atom\" \"Courier\"" "$DOT" &&
	grep -qx "reload-interval 45m" "$DOT" && grep -qx "refresh-on-start yes" "$DOT" &&
	grep -qx 'browser "firefox %u"' "$DOT" && grep -qx "show-read no" "$DOT" &&
	grep -qx 'ignore title~"goalkeeper"' "$DOT"
}
skipped_reported() {
	grep -q "^urls:.*: skipped: no equivalent for title =~ \"^Tide" "$tmp/out" &&
	grep -q "^urls:7: skipped: not an http, https, file, exec:, filter: or query: URL (gopher://old.example/feed)" "$tmp/out" &&
	grep -q "^config:6: skipped: no equivalent (articlelist-format)" "$tmp/out" &&
	grep -q "^config:3: note: browser is run as an argument list here, never by a shell" "$tmp/out"
}
read_state() {
	"$PYTHON3" - "$tmp/db" <<'EOF2'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
rows = dict(db.execute("SELECT title, read FROM items"))
want_read = {"Night market returns to the fish quay after three years",
             "Council approves cycle lane on Rope Walk after long debate",
             "旧倉庫街の再開発、第1期の商業棟が完成"}
assert len(rows) == 9, rows
for title, read in rows.items():
    assert read == (title in want_read), (title, read)
EOF2
}
offline_page() {
	"$NF" -d "$tmp/db" --headlines > "$tmp/page" 2>&1 &&
	grep -q "Tide barrier at Saltmere" "$tmp/page" && grep -q "湾岸区" "$tmp/page"
}
untouched() {
	sums > "$tmp/after" && cmp -s "$tmp/before" "$tmp/after"
}
twice() {
	cp "$DOT" "$tmp/dot1"
	import && grep -q "0 feeds and 0 other lines" "$tmp/out" &&
	grep -q "^show-read no: skipped: already in the dotfile" "$tmp/out" &&
	cmp -s "$DOT" "$tmp/dot1"
}

check "--import-newsboat adds the feeds, queries and settings" imports
check "the dotfile lines as newsboat meant them" dotfile_lines
check "what has no equivalent is reported, line by line" skipped_reported
check "read state comes from cache.db, story by story" read_state
check "the imported stories are there before any fetch" offline_page
check "newsboat's files are not touched" untouched
check "a second run adds no feed twice" twice
echo "# $n checks, $failures failed"
[ "$failures" -eq 0 ]
