# Sourced by shell tests that run newsfold in a home of their own:
#   shtest_start NAME
# sets $NF (the binary), $DEMO (the demo feeds, absolute), $tmp (a new
# folder, removed at exit unless $KEEP is set) and a $HOME with its XDG
# folders under it, so no dotfile or store of the user's is read or
# written. check NAME COMMAND... runs one TAP check; $failures counts
# the failed ones.
shtest_start() {
	top_srcdir=${top_srcdir:-.}
	top_builddir=${top_builddir:-.}
	PYTHON3=${PYTHON3:-python3}
	NF="$top_builddir/newsfold"
	DEMO="$top_srcdir/feeds/demo"
	case "$DEMO" in /*) ;; *) DEMO="$(pwd)/$DEMO" ;; esac
	tmp=$(mktemp -d "${TMPDIR:-/tmp}/nf-$1.XXXXXX") || exit 99
	trap '[ -n "$KEEP" ] || rm -rf "$tmp"' EXIT
	trap 'exit 99' INT TERM HUP
	unset NEWSFOLD_CONFIG
	mkdir -p "$tmp/home"
	HOME="$tmp/home"
	XDG_CONFIG_HOME="$tmp/home/.config"
	XDG_DATA_HOME="$tmp/home/.local/share"
	export HOME XDG_CONFIG_HOME XDG_DATA_HOME
	failures=0
	n=0
}

check() {
	name=$1
	shift
	n=$((n + 1))
	if "$@"; then
		echo "ok $n - $name"
	else
		echo "not ok $n - $name"
		failures=$((failures + 1))
	fi
}
