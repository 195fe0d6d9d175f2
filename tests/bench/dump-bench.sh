#!/bin/sh
# Benchmark (not a test): newsfold --dump on a large generated RSS feed,
# side by side with xmllint --stream and sfeed, with hyperfine, and the
# peak memory of each with /usr/bin/time -v.
#
# Usage: tests/bench/dump-bench.sh [BUILDDIR] [FEED]
#   BUILDDIR holds the newsfold binary (an optimised build, not one with
#   sanitizers); default "."; FEED default /tmp/newsfold-bench.xml, written
#   by genfeed.py when missing.
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-.}
feed=${2:-/tmp/newsfold-bench.xml}
bin=$build/newsfold

for tool in hyperfine xmllint sfeed /usr/bin/time; do
	command -v "$tool" >/dev/null 2>&1 || {
		echo "dump-bench: $tool is missing (apt-get install hyperfine libxml2-utils sfeed time)" >&2
		exit 1
	}
done
[ -x "$bin" ] || { echo "dump-bench: no $bin" >&2; exit 1; }
[ -f "$feed" ] || python3 "$here/genfeed.py" "$feed" || exit 1
echo "feed: $feed, $(wc -c <"$feed") bytes, $(grep -c '<item>' "$feed") items"

hyperfine --warmup 1 --runs "${RUNS:-5}" --export-markdown /tmp/newsfold-bench.md \
	-n "newsfold --dump" "$bin --dump $feed > /dev/null" \
	-n "xmllint --stream" "xmllint --stream --noout $feed" \
	-n "sfeed" "sfeed < $feed > /dev/null"

echo
echo "peak resident memory:"
for cmd in "$bin --dump $feed" "xmllint --stream --noout $feed" "sfeed"; do
	if [ "$cmd" = sfeed ]; then
		kb=$(/usr/bin/time -v sfeed <"$feed" 2>&1 >/dev/null | awk '/Maximum resident/ { print $NF }')
	else
		kb=$(/usr/bin/time -v $cmd 2>&1 >/dev/null | awk '/Maximum resident/ { print $NF }')
	fi
	printf '  %-40s %6d KiB\n' "$cmd" "$kb"
done
