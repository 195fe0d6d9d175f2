#!/bin/sh
# The command line as SPEC states it, mode by mode: exit status 2 for bad
# usage and a bad dotfile ("FILE:LINE: what is wrong" from the first
# byte), 1 for an input that cannot be read (named on stderr), and
# --help listing every mode of the table in src/main.c.
top=${top_srcdir:-.}
NF="${top_builddir:-.}/newsfold"
[ -x "$NF" ] || { echo "$NF has not been built"; exit 99; }
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
# Nothing outside $tmp is read or written.
HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/home/.config" XDG_DATA_HOME="$tmp/home/.local"
export HOME XDG_CONFIG_HOME XDG_DATA_HOME
unset NEWSFOLD_CONFIG
mkdir "$tmp/home"
pass=0
fail=0

ok() { pass=$((pass + 1)); echo "ok - $1"; }
not_ok() { fail=$((fail + 1)); echo "not ok - $1"; }

# run ARGS...: newsfold with stdin not a terminal; $rc, $tmp/out, $tmp/err.
run() {
	"$NF" "$@" </dev/null >"$tmp/out" 2>"$tmp/err"
	rc=$?
}

# expect NAME STATUS PATTERN ARGS...: runs newsfold with ARGS, which must
# exit with STATUS and print a first stderr line matching the shell
# PATTERN ("" for an empty stderr).
expect() {
	name=$1 want=$2 pattern=$3
	shift 3
	run "$@"
	first=$(head -n 1 "$tmp/err")
	if [ "$rc" != "$want" ]; then
		not_ok "$name: exit $rc, want $want; stderr: $(tr '\n' '|' <"$tmp/err")"
	elif [ -z "$pattern" ] && [ -s "$tmp/err" ]; then
		not_ok "$name: stderr not empty: $(tr '\n' '|' <"$tmp/err")"
	else
		# shellcheck disable=SC2254
		case "$first" in
		$pattern) ok "$name" ;;
		*) not_ok "$name: stderr '$first', want '$pattern'" ;;
		esac
	fi
}

printf 'feed file://%s/feeds/local.rss "Local"\n' "$tmp" >"$tmp/good.rc"
printf 'feed https://a.example/feed.xml\ntimeout soon\n' >"$tmp/bad.rc"
printf 'feed file://%s/no-such.rss "Gone"\n' "$tmp" >"$tmp/gone.rc"
mkdir "$tmp/feeds"
cp "$top/tests/fixtures/feeds/rss20.xml" "$tmp/feeds/local.rss"
echo "not a database" >"$tmp/junk.db"
usage='usage: newsfold *'
bad_line='*bad.rc:2: timeout: bad duration "soon"*'

# Bad usage: status 2 and the usage on stderr.
expect "unknown option" 2 "*unrecognized option*" --no-such-option
expect "unknown short option" 2 "*invalid option*" -Z
expect "two modes" 2 "$usage" --dump --refresh x
expect "the same mode twice" 2 "$usage" --refresh --refresh
expect "reader: an operand" 2 "$usage" x
expect "--dump: no SOURCE" 2 "$usage" --dump
expect "--dump: two SOURCEs" 2 "$usage" --dump a b
expect "--refresh: an operand" 2 "$usage" --refresh x
expect "--import-opml: no FILE" 2 "$usage" --import-opml
expect "--import-opml: two FILEs" 2 "$usage" --import-opml a b
expect "--export-opml: an operand" 2 "$usage" --export-opml x
[ -s "$tmp/out" ] && not_ok "bad usage printed on stdout"

# A bad dotfile: status 2, "FILE:LINE: what is wrong", for every mode
# that reads it (the reader before it looks for a terminal).
expect "reader: bad dotfile" 2 "$bad_line" -c "$tmp/bad.rc" -d "$tmp/db"
expect "--refresh: bad dotfile" 2 "$bad_line" -c "$tmp/bad.rc" -d "$tmp/db" --refresh
expect "--headlines: bad dotfile" 2 "$bad_line" -c "$tmp/bad.rc" -d "$tmp/db" --headlines
expect "--headlines SOURCE: bad dotfile" 2 "$bad_line" -c "$tmp/bad.rc" --headlines "$tmp/feeds/local.rss"
expect "--export-opml: bad dotfile" 2 "$bad_line" -c "$tmp/bad.rc" --export-opml
expect "--import-opml: bad dotfile" 2 "$bad_line" -c "$tmp/bad.rc" \
	--import-opml "$top/tests/fixtures/opml/nested.opml"
expect "reader: -c names no file" 2 "$tmp/no.rc: *" -c "$tmp/no.rc"
expect "--refresh: -c names no file" 2 "$tmp/no.rc: *" -c "$tmp/no.rc" --refresh
expect "--export-opml: -c names no file" 2 "$tmp/no.rc: *" -c "$tmp/no.rc" --export-opml
# A dotfile that is not a regular file is a bad dotfile: status 2 in every
# mode, as for a missing one named with -c.
expect "reader: dotfile is a folder" 2 "$tmp/feeds: not a regular file" -c "$tmp/feeds"
expect "--refresh: dotfile is a folder" 2 "$tmp/feeds: not a regular file" -c "$tmp/feeds" --refresh
expect "--headlines: dotfile is a folder" 2 "$tmp/feeds: not a regular file" -c "$tmp/feeds" --headlines
expect "--export-opml: dotfile is a folder" 2 "$tmp/feeds: not a regular file" -c "$tmp/feeds" --export-opml
expect "reader: no terminal" 2 "newsfold: the reader needs a terminal" -c "$tmp/good.rc" -d "$tmp/db"

# An input that cannot be read: status 1, named on stderr.
expect "--dump: no such SOURCE" 1 "$tmp/no-such.rss: *" --dump "$tmp/no-such.rss"
expect "--dump: SOURCE is not a feed" 1 "$tmp/good.rc: not a feed*" --dump "$tmp/good.rc"
expect "--headlines: no such SOURCE" 1 "$tmp/no-such.rss: *" --headlines "$tmp/no-such.rss"
expect "--import-opml: no such FILE" 1 "newsfold: $tmp/no-such.opml: *" --import-opml "$tmp/no-such.opml"
expect "--import-opml: FILE is not OPML" 1 "newsfold: *not-opml.xml: not an OPML document" \
	-c "$tmp/good.rc" --import-opml "$top/tests/fixtures/opml/not-opml.xml"
expect "--refresh: a store that is no database" 1 "newsfold: $tmp/junk.db: *" \
	-c "$tmp/good.rc" -d "$tmp/junk.db" --refresh
expect "--headlines: a store that is no database" 1 "newsfold: $tmp/junk.db: *" \
	-c "$tmp/good.rc" -d "$tmp/junk.db" --headlines
# A feed that fails is on its report line; main adds nothing.
expect "--refresh: a feed that fails" 1 "" -c "$tmp/gone.rc" -d "$tmp/db" --refresh
grep -q '^Gone: error: ' "$tmp/out" || not_ok "--refresh: no report line for Gone"

# Success.
expect "--dump" 0 "" --dump "$tmp/feeds/local.rss"
expect "--refresh" 0 "" -c "$tmp/good.rc" -d "$tmp/db" --refresh
expect "--headlines" 0 "" -c "$tmp/good.rc" -d "$tmp/db" --headlines
expect "--export-opml" 0 "" -c "$tmp/good.rc" --export-opml
expect "--version" 0 "" --version

# --help: on stdout, status 0, one usage line per row of the mode table,
# and every mode's option is one getopt knows.
expect "--help" 0 "" --help
cp "$tmp/out" "$tmp/help"
# Each row: { "option" or NULL, handler, min, max, "usage args", ...
sed -n 's/^[[:space:]]*{ \(NULL\|"[a-z-]*"\), [a-z_]*_run, [^"]*"\([^"]*\)",$/\1 \2/p' \
	"$top/src/main.c" | sed -e 's/^NULL //' -e 's/^"\([a-z-]*\)" */--\1 /' -e 's/ $//' \
	>"$tmp/synopses"
rows=$(wc -l <"$tmp/synopses")
[ "$rows" -ge 6 ] && ok "the mode table has $rows rows" ||
	not_ok "the mode table has $rows rows, want at least 6"
while IFS= read -r synopsis; do
	if grep -qF "newsfold $synopsis " "$tmp/help"; then
		ok "--help lists newsfold $synopsis"
	else
		not_ok "--help lacks newsfold $synopsis"
	fi
	option=${synopsis%% *}
	case "$option" in
	--*)
		# too many operands for every mode but --headlines: usage, but
		# never "unrecognized option"
		run "$option" a b
		if grep -q "unrecognized option" "$tmp/err"; then
			not_ok "$option is not a known option"
		fi
		;;
	esac
done <"$tmp/synopses"
for mode in dump refresh headlines import-opml export-opml; do
	grep -q "^ *\(usage: \)\?newsfold --$mode\b" "$tmp/help" ||
		not_ok "--help lacks --$mode (SPEC)"
done

echo "# $pass passed, $fail failed"
[ "$fail" -eq 0 ]
