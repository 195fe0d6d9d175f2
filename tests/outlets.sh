#!/bin/sh
# The outlet-tail rule (SPEC, "Titles stay whole"): a trailing " - X" is an
# outlet only where the feed says so (an RSS <source> equal to X, an
# aggregator's <font> naming X beside the headline, or X the feed's own
# title). Otherwise the title stays whole, in --dump and --headlines.
top_srcdir=${top_srcdir:-.}
top_builddir=${top_builddir:-.}
NF="$top_builddir/newsfold"
fx="$top_srcdir/tests/fixtures/outlets"
py=${PYTHON3:-python3}

tmp=$(mktemp -d "${TMPDIR:-/tmp}/nf-outlets.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT
unset NEWSFOLD_CONFIG
HOME="$tmp"
XDG_CONFIG_HOME="$tmp/.config"
XDG_DATA_HOME="$tmp/.local/share"
export HOME XDG_CONFIG_HOME XDG_DATA_HOME
: >"$tmp/rc"
failures=0
fail() {
	echo "FAIL: $*"
	failures=$((failures + 1))
}

# has FEED LINE: --headlines on FEED prints LINE (whole, as a line).
has() {
	"$NF" -c "$tmp/rc" --headlines "$fx/$1" >"$tmp/out" 2>"$tmp/err" ||
		fail "$1: exit $? $(cat "$tmp/err")"
	grep -qxF -- "$2" "$tmp/out" || { fail "$1: no line '$2' in:"; cat "$tmp/out"; }
}

# Sports and event titles: the tail is the other team, or the day.
has scoreline.rss "MATCHDAY Kestrel FC - Dunmore Athletic"
has scoreline.rss "  MATCHDAY Kestrel FC - Saltmere Rovers — Scoreline"
has scoreline.rss "  Harbour Regatta 2026 - Day Two — Scoreline"
# An aggregator: <source> and <font> name the outlet; a title whose tail
# is not the named outlet stays whole.
has roundup.rss "Cup final: Kestrel FC - Saltmere Rovers"
has roundup.rss "Harbor Wire via Coast News Roundup · 2026-12-04 10:00 UTC"
has roundup.rss "  Ferry line to the outer islands approved — Harbor Wire via Coast News Roundup"
has roundup.rss "  Night market returns to the fish quay — Coastline Post via Coast News Roundup"
# The feed's own title as the tail goes; another tail stays.
has gazette.rss "Night ferry timetable changes from Monday"
has gazette.rss "  Lighthouse keepers' cottage - Open Day — The Harbour Gazette"

# --dump keeps every title whole.
for f in scoreline roundup gazette; do
	"$NF" --dump "$fx/$f.rss" >"$tmp/dump.json" || fail "$f: --dump failed"
	"$py" - "$tmp/dump.json" <<'PY' || fail "$f: a title lost its tail in --dump"
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
whole = {"MATCHDAY Kestrel FC - Saltmere Rovers", "Harbour Regatta 2026 - Day Two",
         "Ferry line to the outer islands approved - Harbor Wire",
         "Cup final: Kestrel FC - Saltmere Rovers",
         "Night ferry timetable changes from Monday - Harbour Gazette"}
titles = {i["title"] for i in d["items"]}
sys.exit(0 if all(" - " in t for t in titles) and (titles & whole) else 1)
PY
done

[ $failures -eq 0 ] || exit 1
echo "outlet tails: every check passed"
