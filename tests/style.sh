#!/bin/sh
# House-style check: curses only in ui/, and none of the calls the style
# forbids (shell strings and unbounded string writes) anywhere.
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
[ $status -eq 0 ] && echo "style: $(echo "$files" | wc -l) files checked"
exit $status
