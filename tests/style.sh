#!/bin/sh
# House-style check: curses only in ui/, none of the calls the style
# forbids (shell strings and unbounded string writes) anywhere, and the
# include arrows between the parts that HACKING.md allows.
top=${top_srcdir:-.}
cd "$top" || exit 99
status=0
files=$(find src feeds config ui tests -name '*.[ch]' 2>/dev/null | sort)

for f in $files; do
	case "$f" in
	ui/*) ;;
	*)
		if grep -nE '#[[:space:]]*include[[:space:]]*[<"](n?cursesw?/)?n?curses(w)?\.h' "$f"; then
			echo "style: $f includes curses outside ui/"
			status=1
		fi
		;;
	esac
	# Strip string literals and comments roughly before looking for calls.
	if sed -e 's://.*$::' -e 's:"[^"]*"::g' "$f" |
		grep -nE '(^|[^_a-zA-Z0-9.>])(system|popen|sprintf|vsprintf|strcpy|strcat|atoi|gets)[[:space:]]*\(' ; then
		echo "style: $f calls a forbidden function (system, popen, sprintf, strcpy, strcat, atoi, gets)"
		status=1
	fi
done
# The arrows between the parts (HACKING.md): parsers never reach fetch,
# store or screens; nothing below Fold includes fold.h; the screens never
# reach into a command-line mode; no two modules include each other.
"${PYTHON3:-python3}" tests/arrows.py || status=1
[ $status -eq 0 ] && echo "style: $(echo "$files" | wc -l) files checked"
exit $status
