#!/bin/sh
# newsfold --dump on feeds in the shapes common generators write
# (tests/fixtures/shapes, made by tests/compare/shapes.py): each must give
# the format, feed title, item count, and each item's title, link and
# published date that its NAME.expect sidecar says the feed holds.
top=${top_srcdir:-.}
bin=${top_builddir:-.}/newsfold
py=${PYTHON3:-python3}
dir=${1:-$top/tests/fixtures/shapes}
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0

for expect in "$dir"/*.expect; do
	name=${expect##*/}
	name=${name%.expect}
	src=$(sed -n 's/^source //p' "$expect")
	if ! "$bin" --dump "$dir/$src" >"$tmp/out" 2>"$tmp/err"; then
		fail=$((fail + 1))
		echo "not ok - $name: exit $?: $(cat "$tmp/err")"
		continue
	fi
	if "$py" - "$tmp/out" "$expect" >"$tmp/why" <<'PY'
import json, sys

d = json.loads(open(sys.argv[1], "rb").read().decode("utf-8"))
want, items, bad = {}, {}, []
for line in open(sys.argv[2], encoding="utf-8"):
    line = line.rstrip("\n")
    if not line or line.startswith("#"):
        continue
    if line.startswith("item "):
        _, i, field, *rest = line.split(" ", 3)
        items.setdefault(int(i), {})[field] = rest[0] if rest else ""
    else:
        key, _, value = line.partition(" ")
        want[key] = value
for key in ("format", "title"):
    if d[key] != want[key]:
        bad.append("%s: %r, want %r" % (key, d[key], want[key]))
if len(d["items"]) != int(want["items"]):
    bad.append("items: %d, want %s" % (len(d["items"]), want["items"]))
for i, fields in sorted(items.items()):
    if i >= len(d["items"]):
        break
    for field, value in fields.items():
        got = d["items"][i][field]
        if field == "published" and value == "null":
            value = None
        if got != value:
            bad.append("item %d %s: %r, want %r" % (i, field, got, value))
print("\n".join(bad))
sys.exit(1 if bad else 0)
PY
	then
		pass=$((pass + 1))
		echo "ok - $name"
	else
		fail=$((fail + 1))
		echo "not ok - $name"
		sed 's/^/    /' "$tmp/why"
	fi
done

echo "$pass passed, $fail failed"
[ $pass -gt 0 ] && [ $fail -eq 0 ]
