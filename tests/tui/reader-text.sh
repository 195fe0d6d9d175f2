#!/bin/sh
# The article text keeps its structure: bullets, nested and numbered
# lists (from <ol start>), quote bars, <pre> cut at the edge with "…"
# rather than wrapped, links numbered "[N]" with their list at the end
# (relative links made absolute, a link given twice under one number),
# and a link's number opens it in the browser as one argument. Emoji
# clusters (👩‍💻, 👨‍👩‍👧, 🇯🇵) take the two columns the terminal draws:
# a cut line fills the row, and nothing stale stays after them. The
# lead story's photo from another copy is credited to that copy's outlet,
# in the lead panel and in the article the story opens.
. "${top_srcdir:-.}/tests/tui/lib.sh"

cat > "$TMPDIR_TUI/fake-browser" <<EOF
#!/bin/sh
for a in "\$@"; do printf '%s\n' "\$a"; done > "$TMPDIR_TUI/argv"
EOF
chmod +x "$TMPDIR_TUI/fake-browser"
tui_dotfile() {
	{
		echo "feed file://$FIXTURES/structure.rss"
		echo "feed file://$FIXTURES/cape.rss"
		echo "refresh-on-start no"
		echo "browser \"$TMPDIR_TUI/fake-browser %u\""
	} > "$TMPDIR_TUI/newsfoldrc"
}

# Columns of each line of the pane as tmux draws them: a U+200D joins the
# next picture into the cell before, two regional indicators make one
# flag, East Asian wide characters take two.
widths() {
	tui_screen | "${PYTHON3:-python3}" -c '
import sys, unicodedata
def width(s):
    w = i = 0
    while i < len(s):
        c = s[i]; o = ord(c)
        if c == "\u200d":
            i += 2; continue
        if unicodedata.combining(c) or o in (0xfe0e, 0xfe0f):
            i += 1; continue
        if 0x1F1E6 <= o <= 0x1F1FF and i + 1 < len(s) and 0x1F1E6 <= ord(s[i + 1]) <= 0x1F1FF:
            w += 2; i += 2; continue
        w += 2 if unicodedata.east_asian_width(c) in "WF" else 1
        i += 1
    return w
for line in sys.stdin.read().split("\n"):
    print(width(line), line)
'
}

has_line() {
	grep -qxF -- "$1" "$TMPDIR_TUI/screen" ||
		{ echo "# no line '$1'; the pane shows:"; sed 's/^/# | /' "$TMPDIR_TUI/screen"; return 1; }
}

lead_caption() {
	cap="▌Photo: Ada Lund on the gallery of the Cape Mara light (Cape Gazette) — photo from Cape Gazette"
	tui_wait "newsfold — All feeds" && tui_wait "$cap" || return 1
	tui_keys g Enter
	tui_wait "newsfold — Quay Coders" && tui_wait "https://cape.example/news/keeper" ||
		return 1
	has_line "Quay Coders · Nov 23 07:00" && has_line "$cap" || return 1
	tui_keys q
	tui_wait "newsfold — All feeds"
}

structure() {
	tui_wait "newsfold — All feeds" || return 1
	$TM resize-window -t nf -x 80 -y 30
	tui_keys / q u a y Space h a c k Enter
	tui_wait "filter: quay hack" && tui_wait "regatta" gone || return 1
	tui_keys Enter
	tui_wait "[3]: https://photos.example/quay" || return 1
	has_line "Coders 👩‍💻 and families 👨‍👩‍👧 cheer 🇯🇵 at the quay hackathon" &&
	has_line "The quay hackathon ran all weekend; read the rules[1] first." &&
	has_line "• Teams of four" &&
	has_line "  • one from the harbour" &&
	has_line "• Food all night" &&
	has_line "3. Register at the desk[2]" &&
	has_line "4. Build" &&
	has_line "│ We shipped before the tide turned." &&
	has_line "make -j2 && ./harbourd --port 8080 --verbose --log-file /var/log/harbourd/every…" &&
	has_line "Photos at the gallery[3]; the rules[1] again." &&
	has_line "[1]: https://coders.example/rules" &&
	has_line "[2]: https://coders.example/news/signup"
}

narrow() {
	$TM resize-window -t nf -x 50 -y 30
	tui_wait "make -j2 && ./harbourd --port 8080 --verbose --lo…" || return 1
	has_line "rules[1] first." &&
	has_line "│ We shipped before the tide turned." || return 1
	$TM resize-window -t nf -x 80 -y 30
	tui_wait "/var/log/harbourd/every…"
}

link_key() {
	rm -f "$TMPDIR_TUI/argv"
	tui_keys 2
	tui_wait "opened https://coders.example/news/signup" || return 1
	printf '%s\n' https://coders.example/news/signup > "$TMPDIR_TUI/expected"
	cmp -s "$TMPDIR_TUI/expected" "$TMPDIR_TUI/argv" ||
		{ echo "# argv was:"; sed 's/^/# | /' "$TMPDIR_TUI/argv"; return 1; }
	tui_keys 4
	tui_wait "no link [4] in this article (it has 3)"
}

# Help in the article names the link keys as one range, not a row of
# digits cut at the column's edge.
link_help() {
	tui_keys ?
	tui_wait "open-link" || return 1
	grep -qE '^ *0-9 +open-link ' "$TMPDIR_TUI/screen" ||
		{ echo "# no 0-9 row; the pane shows:"; sed 's/^/# | /' "$TMPDIR_TUI/screen"; return 1; }
	tui_keys Escape
	tui_wait "[3]: https://photos.example/quay"
}

# The regatta row is cut with "…" and fills the 80 columns, as a row of
# plain text would; then a row that shares its start takes its place
# and no cell of the longer one stays behind.
cluster_rows() {
	tui_keys q
	tui_wait "newsfold — All feeds" || return 1
	tui_keys Escape / r e g a t t a Enter
	tui_wait "filter: regatta" && tui_wait "Quay Coders" || return 1
	widths > "$TMPDIR_TUI/widths"
	grep -q '^80   Team 👩‍💻👨‍👩‍👧 wins the regatta .*… — Quay Coders$' "$TMPDIR_TUI/widths" ||
		{ echo "# the row does not fill 80 columns:"; sed 's/^/# | /' "$TMPDIR_TUI/widths"; return 1; }
	tui_keys Escape / b a k e r y Enter
	tui_wait "filter: bakery" && tui_wait "regatta" gone || return 1
	has_line "  Team 👩‍💻👨‍👩‍👧 opens a bakery by the pier — Quay Coders" &&
	[ "$(widths | awk '$1 > 80' | wc -l)" -eq 0 ]
}

tui_start
tui_check "the lead's photo from another copy is credited, panel and article" lead_caption
tui_check "lists, quotes, <pre> and numbered links keep their shape" structure
tui_check "narrowed, <pre> is cut and prose wraps" narrow
tui_check "a link's number opens it in the browser" link_key
tui_check "help lists the link keys as 0-9" link_help
tui_check "emoji clusters take two columns; no stale cells" cluster_rows
tui_keys Q
tui_check "Q exits 0" tui_wait "EXIT=0"
tui_check "nothing on stderr" tui_quiet
tui_finish
