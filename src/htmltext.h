#ifndef NF_HTMLTEXT_H
#define NF_HTMLTEXT_H

/*
 * HTML to plain text: entities decoded, tags removed, scripts and styles
 * dropped, block elements as paragraph breaks ("\n\n"), <br> and list
 * items as "\n", spaces collapsed within lines, every piece through the
 * gate (text.h). Every returned string is new; free() it. Functions
 * return NULL only when out of memory.
 */

#include <stddef.h>

#include <libxml/HTMLparser.h>

struct htmlfast_doc;

/* HTML (or text that may hold tags and entities) to sanitised plain
 * text, read with htmlfast.c when it is simple, else with libxml2's
 * parser. Text with no tag at all keeps its own line breaks (a blank
 * line is a paragraph). */
char *htmltext_from_html(const char *html, size_t len);

/* The text of a simple document that htmlfast_lex() has read (what
 * htmltext_from_tree() gives for the document libxml2 would parse), with
 * one element and its content left out: the one whose start is the
 * drop-th start event (counted from 1; 0 leaves nothing out). */
char *htmltext_from_events(const struct htmlfast_doc *doc, size_t drop);

/* Parses HTML the way htmltext_from_html() does (UTF-8, recover mode, no
 * network, invalid bytes replaced first). Returns a new document; free it
 * with xmlFreeDoc(). NULL when the input holds nothing or out of memory. */
htmlDocPtr htmltext_parse(const char *html, size_t len);

/* Flags for htmltext_from_tree(). */
enum {
	HTMLTEXT_PAGE = 1	/* a whole web page: also drop nav, header,
				 * footer, aside and form */
};

/* The plain text of node and its descendants by the rules of
 * htmltext_from_html(), for callers that hold a libxml2 tree. */
char *htmltext_from_tree(const xmlNode *node, unsigned flags);
/* The same for the siblings first..last (last NULL: to the end). */
char *htmltext_from_range(const xmlNode *first, const xmlNode *last, unsigned flags);

#endif
