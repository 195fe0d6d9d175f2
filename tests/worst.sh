#!/bin/sh
# The worst case of each algorithm on outside input (tests/worst.py):
# time and peak memory printed, a failure when one goes above 1 s of CPU
# per MB of input (times WORST_MARGIN, default 3, for a shared machine
# and a sanitizer build).
top_srcdir=${top_srcdir:-.}
top_builddir=${top_builddir:-.}
PYTHON3=${PYTHON3:-python3}

tmp=$(mktemp -d "${TMPDIR:-/tmp}/nf-worst.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT
trap 'exit 99' INT TERM HUP
"$PYTHON3" "$top_srcdir/tests/worst.py" "$top_builddir/newsfold" "$tmp"
