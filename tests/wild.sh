#!/bin/sh
# newsfold --dump on every feed in tests/fixtures/wild (shaped like feeds
# from common generators and their breakages): each must exit 0 and print
# valid JSON with no control or escape bytes, only absolute links (or ""
# where the feed has none) and dates that are null or RFC 3339 in UTC.
top=${top_srcdir:-.}
bin=${top_builddir:-.}/newsfold
py=${PYTHON3:-python3}
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0

for f in "$top"/tests/fixtures/wild/*; do
	name=${f##*/}
	if ! "$bin" --dump "$f" >"$tmp/out" 2>"$tmp/err"; then
		fail=$((fail + 1))
		echo "not ok - $name: exit $?: $(cat "$tmp/err")"
		continue
	fi
	if "$py" - "$tmp/out" <<'PY'
import json, re, sys

raw = open(sys.argv[1], "rb").read()
d = json.loads(raw.decode("utf-8"))
bad = [b for b in raw if b < 0x20 and b != 0x0A]
assert not bad, "control bytes %r" % bad[:5]
text = json.dumps(d, ensure_ascii=False)
for c in text:
    o = ord(c)
    assert not (o < 0x20 and c not in "\n\t") and not 0x7F <= o <= 0x9F, \
        "control character U+%04X" % o
    assert not 0x202A <= o <= 0x202E and not 0x2066 <= o <= 0x2069, \
        "bidi override U+%04X" % o
absolute = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:[^\s]+$")
rfc3339 = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")

def link(what, v):
    assert v == "" or absolute.match(v), "%s not absolute: %r" % (what, v)

link("feed link", d["link"])
assert d["items"], "no items"
for i, it in enumerate(d["items"]):
    link("item %d link" % i, it["link"])
    for e in it["enclosures"]:
        link("item %d enclosure" % i, e["url"])
    if it["image"] is not None:
        link("item %d image" % i, it["image"]["url"])
    for r in it["related"]:
        link("item %d related" % i, r["link"])
        for c in r["copies"]:
            link("item %d related copy" % i, c["link"])
    for k in ("published", "updated"):
        v = it[k]
        assert v is None or rfc3339.match(v), "item %d %s: %r" % (i, k, v)
PY
	then
		pass=$((pass + 1))
		echo "ok - $name"
	else
		fail=$((fail + 1))
		echo "not ok - $name"
	fi
done

echo "$pass passed, $fail failed"
[ $pass -gt 30 ] && [ $fail -eq 0 ]
