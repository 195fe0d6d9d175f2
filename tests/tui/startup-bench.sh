#!/bin/sh
# Start-up to the first full frame with a large store: fills a database
# with NITEMS items (default 100000) through the store API, then starts
# the reader in a private tmux server and polls the pane until the front
# page is drawn. A benchmark, not a test: run it by hand from the build
# directory:  sh $srcdir/tests/tui/startup-bench.sh [NITEMS]
top_srcdir=${top_srcdir:-$(dirname "$0")/../..}
top_builddir=${top_builddir:-.}
TMUX_BIN=${TMUX_BIN:-tmux}
. "$top_srcdir/tests/tui/lib.sh"

n=${1:-100000}
"$top_builddir/tests/tui/startup-bench" "$TMPDIR_TUI/test.db" "$n" \
	> "$TMPDIR_TUI/newsfoldrc" || exit 1
printf 'refresh-on-start no\n' >> "$TMPDIR_TUI/newsfoldrc"
cat > "$TMPDIR_TUI/run.sh" <<EOS
export TERM=xterm-256color LANG=C.UTF-8 LC_ALL=C.UTF-8 HOME="$TMPDIR_TUI"
exec "$top_builddir/newsfold" -c "$TMPDIR_TUI/newsfoldrc" -d "$TMPDIR_TUI/test.db"
EOS
start=$(date +%s%N)
$TM new-session -d -s nf -x 100 -y 30 "sh '$TMPDIR_TUI/run.sh'"
until tui_screen | grep -q "────"; do
	[ $(( ($(date +%s%N) - start) / 1000000000 )) -gt 60 ] && { echo "no frame in 60 s"; exit 1; }
	sleep 0.01
done
end=$(date +%s%N)
echo "$n items: first full frame after $(( (end - start) / 1000000 )) ms"
tui_screen | head -3
