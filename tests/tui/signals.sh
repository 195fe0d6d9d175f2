#!/bin/sh
# NO_COLOR and signals: with NO_COLOR set the screen carries no colour at
# all (bold and reverse stay); SIGTERM and SIGINT end the reader with the
# terminal restored (line mode and echo back, the alternate screen left)
# and the exit status 128 + the signal's number.
. "${top_srcdir:-.}/tests/tui/lib.sh"

colour_sgr() {
	# SGR parameters 30-37, 38;…, 40-47, 48;…, 90-97, 100-107 are colours
	$TM capture-pane -p -e -t nf | grep -Eq "$(printf '\033')\[([0-9;]*;)?(3[0-8]|4[0-8]|9[0-7]|10[0-7])(;[0-9;]*)?m"
}

coloured_by_default() {
	tui_wait "Town council votes to light the pier" && colour_sgr
}

no_colour() {
	sed -i 's/^unset NO_COLOR /export NO_COLOR=1; unset /' "$TMPDIR_TUI/run.sh"
	$TM respawn-pane -k -t nf "sh '$TMPDIR_TUI/run.sh'"
	tui_wait "Town council votes to light the pier" || return 1
	$TM capture-pane -p -e -t nf | grep -q "$(printf '\033')\[" || return 1
	! colour_sgr
}

# Sends signal $1 and expects exit status $2 with the terminal restored.
ends_on() {
	pid=$(tui_reader_pid)
	[ -n "$pid" ] || { echo "# no reader process"; return 1; }
	kill -"$1" "$pid"
	tui_wait "EXIT=$2" && tui_wait "MODES=icanon echo" &&
		[ "$($TM display -p -t nf '#{alternate_on}')" = 0 ]
}

restart() {
	$TM respawn-pane -k -t nf "sh '$TMPDIR_TUI/run.sh'"
	tui_wait "Town council votes to light the pier"
}

tui_start
tui_check "colours by default" coloured_by_default
tui_check "NO_COLOR: no colour on screen" no_colour
tui_check "SIGTERM restores the terminal" ends_on TERM 143
tui_check "restart" restart
tui_check "SIGINT restores the terminal" ends_on INT 130
tui_check "nothing on stderr" tui_quiet
tui_finish
