#!/bin/sh
# A database this user may not write (its mode, or a folder that cannot
# take WAL's side files) opens read-only: --headlines reads it, nothing is
# written, and a database of another schema is refused by name. As root
# the check runs as nobody through setpriv, since root may write anything.
top_srcdir=${top_srcdir:-.}
top_builddir=${top_builddir:-.}
NF="$(cd "$top_builddir" && pwd)/newsfold"
FX="$(cd "$top_srcdir" && pwd)/tests/fixtures/feeds"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/nf-readonly.XXXXXX") || exit 99
trap 'chmod -R u+w "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
unset NEWSFOLD_CONFIG http_proxy HTTP_PROXY https_proxy HTTPS_PROXY
HOME="$tmp/home"
XDG_CONFIG_HOME="$tmp/home/.config"
XDG_DATA_HOME="$tmp/home/.local/share"
export HOME XDG_CONFIG_HOME XDG_DATA_HOME

as_reader() {
	if [ "$(id -u)" = 0 ]; then
		command -v setpriv >/dev/null 2>&1 || { echo "no setpriv"; exit 77; }
		setpriv --reuid=65534 --regid=65534 --clear-groups "$@"
	else
		"$@"
	fi
}

fail=0
mkdir -p "$tmp/home" "$tmp/ro"
cp "$FX/rss20.xml" "$tmp/feed.xml"
printf 'feed file://%s "Read-only Gazette"\n' "$tmp/feed.xml" >"$tmp/rc"
"$NF" -c "$tmp/rc" -d "$tmp/ro/news.db" --refresh >/dev/null 2>&1 ||
	{ echo "refresh failed"; exit 99; }
"$NF" -c "$tmp/rc" -d "$tmp/ro/news.db" --headlines >"$tmp/want" 2>&1
# The writer's last close folds the WAL back into the file.
[ -e "$tmp/ro/news.db-wal" ] && { echo "the WAL outlived its writer"; exit 99; }
sum_before=$(cksum <"$tmp/ro/news.db")
chmod 0444 "$tmp/ro/news.db"
chmod 0555 "$tmp/ro"
chmod 0755 "$tmp" "$tmp/home"
chmod 0644 "$tmp/rc" "$tmp/feed.xml"

as_reader "$NF" -c "$tmp/rc" -d "$tmp/ro/news.db" --headlines >"$tmp/got" 2>&1
rc=$?
if [ $rc -eq 0 ] && cmp -s "$tmp/want" "$tmp/got"; then
	echo "ok - a read-only database gives the same page"
else
	echo "not ok - read-only --headlines: status $rc"
	sed 's/^/# /' "$tmp/got" | head -5
	fail=1
fi
if [ "$(cksum <"$tmp/ro/news.db")" = "$sum_before" ] &&
	[ ! -e "$tmp/ro/news.db-wal" ]; then
	echo "ok - nothing was written"
else
	echo "not ok - the read-only database changed"
	fail=1
fi
exit $fail
