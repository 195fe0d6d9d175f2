#!/bin/sh
# newsfold --refresh against the loopback server (tests/server.py): one
# line per feed with its reason, the exit status, conditional requests on
# the second run, and a database that reopens after kill -9 mid-refresh.
top_srcdir=${top_srcdir:-.}
top_builddir=${top_builddir:-.}
PYTHON3=${PYTHON3:-python3}
NF="$top_builddir/newsfold"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/nf-refresh.XXXXXX") || exit 99
server=
cleanup() {
	[ -n "$server" ] && kill "$server" 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 99' INT TERM HUP
# The loopback server must not be reached through a proxy.
unset http_proxy HTTP_PROXY https_proxy HTTPS_PROXY all_proxy ALL_PROXY

. "$top_srcdir/tests/server.sh"
server_start "$tmp/port" --log "$tmp/log.json"
port=$(head -n 1 "$tmp/port")
base=$server_url

failures=0
fail() {
	echo "FAIL: $*"
	failures=$((failures + 1))
}

# expect FILE LINE: the output holds that exact line.
expect() {
	grep -qxF -- "$2" "$1" || fail "missing line: $2 (in $1: $(tr '\n' '|' <"$1"))"
}

cat >"$tmp/rc" <<EOF
# every kind of feed the server can give
feed $base/feed/world.xml "World"
feed $base/status/404
feed "$base/slow?seconds=30" "Slow"
feed "$base/redirect?to=file:///etc/passwd" "Sneaky"
feed $base/gzip/tokyo.atom
feed $base/html "Town page"
feed $base/feed/weather.json
timeout 1s
EOF
cat >"$tmp/good" <<EOF
feed $base/feed/world.xml "World"
feed $base/gzip/tokyo.atom
feed $base/feed/weather.json "Weather"
EOF

run() {	# run NAME DOTFILE: output in $tmp/NAME.out, status in $tmp/NAME.rc
	"$NF" -c "$2" -d "$tmp/db" --refresh >"$tmp/$1.out" 2>"$tmp/$1.err"
	echo $? >"$tmp/$1.rc"
}

# First run: every reason, exit 1, within the timeout's bounds.
start=$(date +%s)
run first "$tmp/rc"
elapsed=$(($(date +%s) - start))
[ "$(cat "$tmp/first.rc")" = 1 ] || fail "first run exit $(cat "$tmp/first.rc"), want 1"
[ $elapsed -le 6 ] || fail "first run took $elapsed s with a 1 s timeout"
[ "$(wc -l <"$tmp/first.out")" -eq 7 ] || fail "first run: want 7 lines"
# stderr is a file here, not a terminal: no progress lines.
[ -s "$tmp/first.err" ] && fail "stderr not empty without a terminal: $(cat "$tmp/first.err")"
expect "$tmp/first.out" "$base/status/404: error: HTTP 404"
expect "$tmp/first.out" "Slow: error: timeout after 1 s"
expect "$tmp/first.out" "Sneaky: error: redirect to a non-http URL refused"
expect "$tmp/first.out" "Town page: error: not a feed: the document is <html> (a web page)"
grep -q 'root:' "$tmp/first.out" "$tmp/first.err" && fail "a local file was read"
# Dotfile order: line 1 is World, line 7 the JSON feed.
sed -n 1p "$tmp/first.out" | grep -q '^World: ' || fail "first line is not World"

parser=yes
if grep -q "^World: error: not a feed" "$tmp/first.out"; then
	parser=no	# the feed parsers have not landed in this tree
else
	expect "$tmp/first.out" "World: ok 3 new"
	expect "$tmp/first.out" "みなと新聞: ok 2 new"
	expect "$tmp/first.out" "Valley Weather Desk: ok 1 new"

	# Second run: conditional requests, unchanged, validators sent.
	run second "$tmp/good"
	[ "$(cat "$tmp/second.rc")" = 0 ] || fail "second run exit $(cat "$tmp/second.rc"), want 0"
	expect "$tmp/second.out" "World: unchanged"
	expect "$tmp/second.out" "みなと新聞: unchanged"
	expect "$tmp/second.out" "Weather: unchanged"
	n=$(grep '"/feed/world.xml"' "$tmp/log.json" | grep -c '"If-None-Match"')
	[ "$n" -ge 1 ] || fail "no If-None-Match in the log for world.xml"
	n=$(grep '"/gzip/tokyo.atom"' "$tmp/log.json" | grep -c '"If-None-Match"')
	[ "$n" -ge 1 ] || fail "no If-None-Match in the log for tokyo.atom"
fi
first_ua=$(grep -c '"User-Agent": "newsfold/' "$tmp/log.json")
[ "$first_ua" -ge 6 ] || fail "requests without the newsfold User-Agent"

# kill -9 in the middle of a long refresh, then the database still opens
# and holds what earlier runs stored.
{
	i=0
	while [ $i -lt 40 ]; do
		echo "feed \"$base/latency?ms=50&items=200&seed=$i\""
		i=$((i + 1))
	done
	echo "max-parallel 4"
} >"$tmp/many"
"$NF" -c "$tmp/many" -d "$tmp/db" --refresh >"$tmp/killed.out" 2>&1 &
victim=$!
sleep 0.4
kill -9 $victim 2>/dev/null
wait $victim 2>/dev/null
run after "$tmp/many"
if [ $parser = yes ]; then
	[ "$(cat "$tmp/after.rc")" = 0 ] || fail "rerun after kill -9: exit $(cat "$tmp/after.rc"): $(head -3 "$tmp/after.err")"
	[ "$(grep -c ': ok \|: unchanged$' "$tmp/after.out")" -eq 40 ] ||
		fail "rerun after kill -9: not every feed read"
	run again "$tmp/good"
	expect "$tmp/again.out" "World: unchanged"
else
	# Without a parser every feed fails, but the store must open.
	[ "$(wc -l <"$tmp/after.out")" -eq 40 ] || fail "rerun after kill -9: want 40 lines: $(head -3 "$tmp/after.err")"
	grep -q 'database\|store\|sqlite' "$tmp/after.err" && fail "rerun after kill -9: $(cat "$tmp/after.err")"
fi

if [ $failures -gt 0 ]; then
	echo "$failures failure(s)"
	exit 1
fi
if [ $parser = no ]; then
	echo "SKIP: error cases pass; the feed parser is not available, so the ok/unchanged cases were not run"
	exit 77
fi
echo "refresh: all cases pass"
exit 0
