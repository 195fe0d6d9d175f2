#ifndef NF_TEXT_H
#define NF_TEXT_H

/*
 * Text: the one sanitising gate that all feed text passes, HTML to plain
 * text, and display width. Every returned string is new; free() it.
 * Functions return NULL only when out of memory.
 */

#include <stddef.h>

#include <libxml/HTMLparser.h>

/* Makes hostile bytes safe for a terminal: invalid UTF-8 becomes U+FFFD;
 * C0 controls but newline and tab, DEL, C1 controls, ESC/CSI/OSC/DCS/APC
 * sequences (7-bit and 8-bit forms) and bidi overrides/isolates are
 * removed. Whitespace is kept as it is, except that CR LF and a lone CR
 * become a newline and VT and FF a space. An unterminated OSC/DCS/APC
 * string ends at the next newline, so a stray one cannot eat the text. */
char *text_sanitize(const char *s, size_t len);

/* text_sanitize(), then every run of whitespace (newlines too) folded to
 * one space and the ends trimmed: for titles, names and one-line fields. */
char *text_clean_line(const char *s, size_t len);

/* HTML (or text that may hold tags and entities) to sanitised plain text:
 * entities decoded, tags removed, scripts and styles dropped, block
 * elements as paragraph breaks ("\n\n"), <br> and list items as "\n",
 * spaces collapsed within lines. Uses libxml2's HTML parser. Text with no
 * tag at all keeps its own line breaks (a blank line is a paragraph). */
char *text_from_html(const char *html, size_t len);

/* The text text_from_tree() gives for the document html parses into,
 * read without libxml2 when html is simple markup (see htmlfast.h) that
 * may hold no "Similar News" block. Otherwise sets *declined and returns
 * NULL; NULL with *declined zero is out of memory. */
char *text_from_simple_html(const char *html, size_t len, int *declined);

/* The same for html that htmlfast_read(html, len, HTMLFAST_NO_RELATED,
 * ...) has accepted (so it is not checked again), with one element and
 * its content left out: the one whose start is the drop-th start event
 * htmlfast sends (counted from 1; 0 leaves nothing out). NULL when out of
 * memory. */
char *text_from_simple_html_dropping(const char *html, size_t len, size_t drop);

/* Parses HTML the way text_from_html() does (UTF-8, recover mode, no
 * network, invalid bytes replaced first). Returns a new document; free it
 * with xmlFreeDoc(). NULL when the input holds nothing or out of memory. */
htmlDocPtr text_html_parse(const char *html, size_t len);

/* Flags for text_from_tree(). */
enum {
	TEXT_TREE_PAGE = 1	/* a whole web page: also drop nav, header,
				 * footer, aside and form */
};

/* The plain text of node and its descendants by the rules of
 * text_from_html(), for callers that hold a libxml2 tree. */
char *text_from_tree(const xmlNode *node, unsigned flags);
/* The same for the siblings first..last (last NULL: to the end). */
char *text_from_range(const xmlNode *first, const xmlNode *last, unsigned flags);

/* Display columns of a UTF-8 string, measured with wcwidth() under the
 * caller's locale; East Asian wide characters count 2 even under a
 * non-UTF-8 locale; an unprintable character counts as 1. */
int text_width(const char *s);

/* The string cut to at most width columns, with "…" at the cut; padded
 * with spaces to exactly width columns when pad is nonzero. Never splits
 * a character; a wide character that does not fit is replaced by space
 * padding. Newlines and tabs become spaces, for one screen line. */
char *text_fit(const char *s, int width, int pad);

/* Wraps plain text to width columns: a new string whose lines are at most
 * width columns (a longer word is broken), paragraph breaks kept. Lines
 * break at spaces, and between any two East Asian wide characters except
 * before closing punctuation such as 。、」. */
char *text_wrap(const char *s, int width);

/* Aggregators append the outlet's name to headlines (" - Publisher",
 * " – ", " — ", " | "); that is not part of the headline. Returns the
 * length of title without such a tail and points *outlet at the name, or
 * returns strlen(title) with *outlet NULL. A tail is an outlet's name
 * only when it is at most five capitalised words (joining words such as
 * "of" aside) without sentence punctuation, so "Live updates" or
 * "3 dead" stay in the headline. */
size_t text_outlet_tail(const char *title, const char **outlet);

/* A headline as the screens show it. News aggregators end a title with
 * " - Publisher"; that is not part of the headline (SPEC), so a trailing
 * outlet name (a short capitalised name after " - ", " – ", " — " or
 * " | ") is cut off into head, and source reads "Publisher via Feed",
 * or just feed when there is no such tail or it names the feed itself.
 * feed may be NULL; head or source may be NULL when not wanted. Both
 * are always terminated (cut on a whole character). */
void text_headline(const char *title, const char *feed, char *head,
                   size_t hsize, char *source, size_t ssize);

#endif
