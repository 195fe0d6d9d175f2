#!/bin/sh
# Read more with no network, on the demo feeds: a Similar News entry that
# is a copy in the store opens at once with its own text, and the page
# that cannot be fetched leaves that text with the reason on one line
# under it; an aggregator's entry that is no stored copy shows its own
# text the same way.
. "${top_srcdir:-.}/tests/tui/lib.sh"

tui_start_demo

open_story() {
	tui_wait "5 feeds: " || return 1
	tui_keys / L u m e n Enter
	tui_wait "filter: Lumen" || return 1
	tui_keys Enter
	tui_wait "Similar News (3)"
}

# Every copy of the story is in the store with its text: each entry's
# read more shows text, never an empty page.
stored_copy_text() {
	for k in 0 1 2; do
		tui_keys Tab
		i=0
		while [ $i -lt $k ]; do tui_keys j; i=$((i + 1)); done
		tui_keys Enter
		tui_wait "Similar News" gone || return 1
		tui_wait "Lumen Lines" || return 1
		if [ "$(sed -n '5,$p' "$TMPDIR_TUI/screen" | grep -c "ferries")" -lt 1 ]; then
			echo "# entry $k shows no text:"
			sed 's/^/# | /' "$TMPDIR_TUI/screen"
			return 1
		fi
		if grep -q "Could not fetch the page" "$TMPDIR_TUI/screen"; then
			# the reason sits under the text, on its own line
			above=$(grep -B2 "Could not fetch the page" "$TMPDIR_TUI/screen" | head -1)
			[ -n "$above" ] || { echo "# no text above the reason"; return 1; }
		fi
		tui_keys q
		tui_wait "Similar News (3)" || return 1
	done
}

# The aggregator's item: its related entry gets the text printed under
# it, and its first copy the same with no link, written into the store as
# the extractor keeps them (related[].summary).
give_entries_text() {
	tui_keys Q
	tui_wait "EXIT=0" || return 1
	"${PYTHON3:-python3}" - "$TMPDIR_TUI/test.db" <<'EOP' || return 1
import json, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
rowid, extras = db.execute("SELECT id, extras FROM items WHERE title LIKE"
                           " 'Veldhaven reopens its north channel%'").fetchone()
d = json.loads(extras)
top = d["related"][0]
top["summary"] = "Ships drawing up to 15 metres may again use the north channel."
top["copies"][0]["summary"] = "The channel had silted up after two winters."
del top["copies"][0]["link"]
db.execute("UPDATE items SET extras = ? WHERE id = ?", (json.dumps(d), rowid))
db.commit()
EOP
	$TM respawn-pane -k -t nf "sh '$TMPDIR_TUI/run.sh'"
	tui_wait "Veldhaven reopens its north channel"
}

# Its links cannot be fetched here: read more shows the entry's own text,
# with the reason under it; an entry with no link shows its text alone.
entry_text_offline() {
	tui_keys / V e l d h a v e n Enter
	tui_wait "filter: Veldhaven" || return 1
	tui_keys Enter
	tui_wait "Similar News (1)" || return 1
	tui_keys Tab Enter
	tui_wait "Ships drawing up to 15 metres may again use the north channel." ||
		return 1
	tui_wait "Could not fetch the page: " || return 1
	tui_keys q
	tui_wait "Similar News (1)" || return 1
	tui_keys Tab j Enter
	tui_wait "The channel had silted up after two winters." || return 1
	! grep -q "Could not\|no link to read more" "$TMPDIR_TUI/screen" ||
		{ sed 's/^/# | /' "$TMPDIR_TUI/screen"; return 1; }
	tui_keys q
	tui_wait "Similar News (1)"
}

tui_check "the demo's story opens" open_story
tui_check "read more on stored copies shows their text offline" stored_copy_text
tui_check "related entries keep their text in the store" give_entries_text
tui_check "read more on an entry shows its own text offline" entry_text_offline
tui_keys Q
tui_check "Q exits 0" tui_wait "EXIT=0"
tui_check "nothing on stderr" tui_quiet
tui_finish
