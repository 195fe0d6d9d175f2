#!/bin/sh
# Builds the libFuzzer targets with clang and runs each in turn.
#   tests/fuzz/run.sh [SECONDS] [TARGET...]
# SECONDS per target (default 60); targets default to all of them. The
# library is configured once under $FUZZ_BUILD (default /tmp/b-fuzz) with
# the fuzzer's coverage hooks and ASan+UBSan. Each target starts from a copy
# of its seed corpus, so what the fuzzer adds stays out of the source tree;
# a crash, leak or timeout leaves its input in $FUZZ_BUILD/artifacts. Save
# one worth keeping in tests/fuzz/regress/TARGET/ for make check.
# FUZZ_SEED fixes libFuzzer's random seed (CI sets it, so that a run
# judges the change and not the draw); unset, every run draws anew.
set -eu
secs=${1:-60}
[ $# -gt 0 ] && shift
targets=${*:-"feed html text date config opml import related"}
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
out=${FUZZ_BUILD:-/tmp/b-fuzz}
CC=${CC:-clang}
san="-fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer"
pkgs="libxml-2.0 libcjson libcurl sqlite3 ncursesw"

mkdir -p "$out/lib" "$out/artifacts"
# configure refuses to build out of a source tree configured in place (as
# CI's build is): then the library is built from a copy of the sources
# without the in-place build's products, refreshed on every run.
src=$top
if [ -f "$top/config.status" ]; then
	src=$out/src
	mkdir -p "$src"
	(cd "$top" && tar cf - --exclude=./.git --exclude='*.o' --exclude='*.a' \
		--exclude=.deps --exclude=.dirstamp --exclude='*.log' --exclude='*.trs' \
		--exclude=./config.status --exclude=./Makefile --exclude=./autoconfig.h \
		--exclude=./stamp-h1 --exclude=./newsfold .) |
		(cd "$src" && tar xf -)
fi
if [ ! -f "$out/lib/Makefile" ]; then
	(cd "$out/lib" && "$src/configure" -q CC="$CC" \
		CFLAGS="-g -O1 -fsanitize=fuzzer-no-link $san")
fi
make -s -C "$out/lib" -j2 libnewsfold.a

for t in $targets; do
	"$CC" -std=c11 -g -O1 -fsanitize=fuzzer $san -I"$top" -I"$out/lib" \
		$(pkg-config --cflags $pkgs) "$here/fuzz_$t.c" \
		"$out/lib/libnewsfold.a" $(pkg-config --libs $pkgs) \
		-o "$out/fuzz_$t"
done

for t in $targets; do
	rm -rf "$out/corpus/$t"
	mkdir -p "$out/corpus/$t"
	cp "$here/corpus/$t"/* "$out/corpus/$t/"
	# A target whose unit tests keep fixtures seeds from them as well.
	if [ -d "$top/tests/fixtures/$t" ]; then
		cp "$top/tests/fixtures/$t"/* "$out/corpus/$t/" 2>/dev/null || true
	fi
	if [ -d "$here/regress/$t" ]; then
		cp "$here/regress/$t"/* "$out/corpus/$t/" 2>/dev/null || true
	fi
	echo "fuzz: $t for ${secs}s"
	"$out/fuzz_$t" -max_total_time="$secs" -timeout=2 -rss_limit_mb=1024 \
		-max_len=65536 -print_final_stats=1 ${FUZZ_SEED:+-seed="$FUZZ_SEED"} \
		-artifact_prefix="$out/artifacts/$t-" "$out/corpus/$t"
done
