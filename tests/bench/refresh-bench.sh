#!/bin/sh
# Benchmark, not a test: wall time of `newsfold --refresh` over 100 feeds
# of 100 items each, served by tests/server.py on 127.0.0.1 with 50 ms of
# latency per request. Two figures, each the median of several hyperfine
# runs:
#   cold  a new database every run: 100 full downloads, parsed and stored
#   warm  the same database again: 100 conditional requests, all 304
#
# usage: tests/bench/refresh-bench.sh [BUILDDIR] [RUNS]
#   BUILDDIR holds the newsfold binary (default: .); RUNS default 5.
#   FEEDS, ITEMS, LATENCY_MS and PARALLEL in the environment change the load.
here=$(cd "$(dirname "$0")" && pwd)
builddir=${1:-.}
runs=${2:-5}
feeds=${FEEDS:-100}
items=${ITEMS:-100}
latency=${LATENCY_MS:-50}
parallel=${PARALLEL:-8}
NF=$(cd "$builddir" && pwd)/newsfold
PYTHON3=${PYTHON3:-python3}

[ -x "$NF" ] || { echo "no newsfold binary in $builddir" >&2; exit 2; }
command -v hyperfine >/dev/null || { echo "hyperfine is needed" >&2; exit 2; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/nf-bench.XXXXXX") || exit 2
server=
cleanup() {
	[ -n "$server" ] && kill "$server" 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 2' INT TERM HUP

top_srcdir="$here/../.."
. "$top_srcdir/tests/server.sh"
server_start "$tmp/port"
port=$(head -n 1 "$tmp/port")

i=0
while [ $i -lt "$feeds" ]; do
	echo "feed \"http://127.0.0.1:$port/latency?ms=$latency&items=$items&seed=$i\""
	i=$((i + 1))
done >"$tmp/rc"
echo "max-parallel $parallel" >>"$tmp/rc"

cmd="'$NF' -c '$tmp/rc' -d '$tmp/db' --refresh >/dev/null"
echo "newsfold --refresh: $feeds feeds x $items items, ${latency} ms latency, max-parallel $parallel"
hyperfine --style basic --runs "$runs" --ignore-failure \
	--prepare "rm -f '$tmp/db' '$tmp/db-wal' '$tmp/db-shm'" \
	--export-json "$tmp/cold.json" -n cold "$cmd"
"$NF" -c "$tmp/rc" -d "$tmp/db" --refresh >/dev/null
hyperfine --style basic --runs "$runs" --ignore-failure \
	--export-json "$tmp/warm.json" -n warm "$cmd"

# The same load through newsboat, when it is installed, side by side in
# this run: its own cache, the same URLs, the same number of parallel
# downloads (reload-threads).
jsons="$tmp/cold.json $tmp/warm.json"
if command -v newsboat >/dev/null; then
	sed -n 's/^feed "\(.*\)"$/\1/p' "$tmp/rc" >"$tmp/urls"
	printf 'reload-threads %s\n' "$parallel" >"$tmp/nbconf"
	nb="newsboat -x reload -u '$tmp/urls' -c '$tmp/nb.db' -C '$tmp/nbconf' >/dev/null 2>&1"
	hyperfine --style basic --runs "$runs" --ignore-failure \
		--prepare "rm -f '$tmp/nb.db'" \
		--export-json "$tmp/nbcold.json" -n newsboat-cold "$nb"
	hyperfine --style basic --runs "$runs" --ignore-failure \
		--export-json "$tmp/nbwarm.json" -n newsboat-warm "$nb"
	jsons="$jsons $tmp/nbcold.json $tmp/nbwarm.json"
fi

# shellcheck disable=SC2086
"$PYTHON3" - $jsons <<'PY'
import json, statistics, sys
for path in sys.argv[1:]:
    r = json.load(open(path))["results"][0]
    print("%-13s median %.3f s  (min %.3f, max %.3f, %d runs)" % (
        r["command"], statistics.median(r["times"]), min(r["times"]),
        max(r["times"]), len(r["times"])))
PY
