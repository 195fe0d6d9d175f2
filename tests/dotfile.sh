#!/bin/sh
# Writers of the dotfile (--import-opml): concurrent imports both land,
# a killed import leaves no temporary file behind after the next one, a
# dotfile that is a symbolic link stays one and its target gets the
# feeds, and a broken link is an error, not a new file in its place.
top_srcdir=${top_srcdir:-.}
top_builddir=${top_builddir:-.}
NF="$top_builddir/newsfold"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/nf-dotfile.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT
trap 'exit 99' INT TERM HUP
export HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/home/.config"
unset NEWSFOLD_CONFIG
mkdir -p "$HOME"

failures=0
fail() {
	echo "FAIL: $*"
	failures=$((failures + 1))
}

# opml NAME COUNT: an OPML file of COUNT feeds on host NAME.example.
opml() {
	awk -v name="$1" -v n="$2" 'BEGIN {
		print "<?xml version=\"1.0\"?>\n<opml version=\"2.0\"><body>"
		for (i = 0; i < n; i++)
			printf "<outline type=\"rss\" text=\"%s %d\" xmlUrl=\"https://%s.example/%d.xml\"/>\n", name, i, name, i
		print "</body></opml>"
	}' >"$tmp/$1.opml"
}

# feeds FILE HOST: how many feed lines of FILE are on HOST.example.
feeds() {
	grep -c "^feed https://$2\.example/" "$1"
}

opml alpha 20000
opml beta 20000
opml gamma 3

# Two imports at once, three times: both sets are in the dotfile.
for trial in 1 2 3; do
	rc="$tmp/both$trial.rc"
	"$NF" -c "$rc" --import-opml "$tmp/alpha.opml" >"$tmp/a.out" 2>&1 &
	a=$!
	"$NF" -c "$rc" --import-opml "$tmp/beta.opml" >"$tmp/b.out" 2>&1 &
	b=$!
	wait $a || fail "trial $trial: the first import failed: $(cat "$tmp/a.out")"
	wait $b || fail "trial $trial: the second import failed: $(cat "$tmp/b.out")"
	na=$(feeds "$rc" alpha)
	nb=$(feeds "$rc" beta)
	[ "$na" = 20000 ] && [ "$nb" = 20000 ] ||
		fail "trial $trial: $na of 20000 and $nb of 20000 feeds landed"
done

# A killed import: its temporary file goes with the next import. The
# kill may come before or after the temporary file exists, so one left
# by an import killed mid-write is planted too; a file of someone
# else's name pattern stays.
rc="$tmp/killed/config"
mkdir -p "$tmp/killed"
"$NF" -c "$rc" --import-opml "$tmp/gamma.opml" >/dev/null 2>&1 || fail "the first import failed"
"$NF" -c "$rc" --import-opml "$tmp/alpha.opml" >/dev/null 2>&1 &
pid=$!
sleep 0.05
kill -9 $pid 2>/dev/null
wait $pid 2>/dev/null
printf 'feed https://half' >"$tmp/killed/config.tmp-Ab3dE9"
: >"$tmp/killed/config.tmp-keep"
: >"$tmp/killed/other.tmp-Ab3dE9"
"$NF" -c "$rc" --import-opml "$tmp/beta.opml" >"$tmp/out" 2>&1 || fail "import after a kill: $(cat "$tmp/out")"
left=$(cd "$tmp/killed" && ls config.tmp-?????? 2>/dev/null)
[ -z "$left" ] || fail "temporary files left after the next import: $left"
[ -e "$tmp/killed/config.tmp-keep" ] || fail "config.tmp-keep was removed"
[ -e "$tmp/killed/other.tmp-Ab3dE9" ] || fail "other.tmp-Ab3dE9 was removed"
[ "$(feeds "$rc" beta)" = 20000 ] || fail "after a kill: the next import did not land"

# A dotfile that is a symbolic link into a dotfiles repository: the link
# stays, the file it points to gets the feeds, written beside itself.
mkdir -p "$tmp/dotfiles" "$XDG_CONFIG_HOME/newsfold"
printf '# mine\nfeed https://kept.example/feed.xml\n' >"$tmp/dotfiles/newsfold"
ln -s "$tmp/dotfiles/newsfold" "$XDG_CONFIG_HOME/newsfold/config"
"$NF" --import-opml "$tmp/gamma.opml" >"$tmp/out" 2>&1 || fail "import through a link: $(cat "$tmp/out")"
[ -L "$XDG_CONFIG_HOME/newsfold/config" ] || fail "the dotfile is no longer a symbolic link"
[ "$(feeds "$tmp/dotfiles/newsfold" gamma)" = 3 ] || fail "the link's target lacks the feeds"
grep -q '^feed https://kept.example/feed.xml$' "$tmp/dotfiles/newsfold" || fail "the target lost its line"
"$NF" -c "$XDG_CONFIG_HOME/newsfold/config" --import-opml "$tmp/alpha.opml" >"$tmp/out" 2>&1 ||
	fail "import through -c LINK: $(cat "$tmp/out")"
[ -L "$XDG_CONFIG_HOME/newsfold/config" ] || fail "-c LINK: the dotfile is no longer a symbolic link"
[ "$(feeds "$tmp/dotfiles/newsfold" alpha)" = 20000 ] || fail "-c LINK: the target lacks the feeds"
left=$(ls "$tmp/dotfiles" "$XDG_CONFIG_HOME/newsfold" | grep tmp-)
[ -z "$left" ] && [ "$(ls "$tmp/dotfiles")" = newsfold ] || fail "files left beside the target: $(ls "$tmp/dotfiles")"

# A broken link (missing target, or a loop) is an error for an import
# too: exit 2, the link is left as it is, nothing is created.
rm "$XDG_CONFIG_HOME/newsfold/config"
ln -s "$tmp/dotfiles/missing" "$XDG_CONFIG_HOME/newsfold/config"
ln -s "$tmp/loop.rc" "$tmp/loop.rc"
for link in "$XDG_CONFIG_HOME/newsfold/config" "$tmp/loop.rc"; do
	for how in search -c; do
		[ "$how" = search ] && [ "$link" = "$tmp/loop.rc" ] && continue
		if [ "$how" = -c ]; then
			"$NF" -c "$link" --import-opml "$tmp/gamma.opml" >"$tmp/out" 2>"$tmp/err"
		else
			"$NF" --import-opml "$tmp/gamma.opml" >"$tmp/out" 2>"$tmp/err"
		fi
		rc=$?
		[ $rc = 2 ] || fail "import into broken link $link ($how): exit $rc, want 2"
		grep -qF "$link: broken symbolic link" "$tmp/err" ||
			fail "import into broken link $link ($how): $(cat "$tmp/err")"
		[ -L "$link" ] || fail "broken link $link ($how) was replaced"
	done
done
[ -e "$tmp/dotfiles/missing" ] && fail "the missing target was created"

# A FIFO as the dotfile: refused at once, never waited on.
mkfifo "$tmp/fifo.rc"
timeout 10 "$NF" -c "$tmp/fifo.rc" --import-opml "$tmp/gamma.opml" >"$tmp/out" 2>"$tmp/err"
rc=$?
[ $rc = 2 ] || fail "import into a FIFO: exit $rc, want 2 ($(cat "$tmp/err"))"
grep -qF "$tmp/fifo.rc: not a regular file" "$tmp/err" || fail "import into a FIFO: $(cat "$tmp/err")"

[ $failures = 0 ] || exit 1
echo "ok"
