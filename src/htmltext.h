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

/*
 * The article text: the plain text with its structure kept, for the
 * article screen. Lines and paragraphs are as in the plain text. A line
 * inside a list or quote opens with its prefix (a bar "│ " for each
 * quote; for each list its item's marker "• " or "3. " on the item's
 * first line, else as many spaces) ended by HTMLTEXT_WRAP: the rest is
 * wrapped, under a hanging indent. A line of <pre> has its prefix ended
 * by HTMLTEXT_PRE: the rest is kept as it is (tabs expanded), cut at the
 * edge, never wrapped. A link's text is followed by "[N]"; after the text
 * come HTMLTEXT_LINKS and the links, one a line, the N-th on the N-th,
 * an address given twice under one number. The marks are control
 * characters, which the gate (text.h) never lets into text.
 *
 * Each function gives the plain text (as htmltext_from_html() and the
 * others do) in *text and the article text in *article, NULL when it
 * would equal the plain text (most items: the cost of a second copy is
 * not paid). Both new; free() them. 0, or -1 out of memory (both NULL).
 */
#define HTMLTEXT_WRAP '\x1f'
#define HTMLTEXT_PRE '\x1e'
#define HTMLTEXT_LINKS '\x1d'

int htmltext_article_from_html(const char *html, size_t len, char **text,
                               char **article);
int htmltext_article_from_events(const struct htmlfast_doc *doc, size_t drop,
                                 char **text, char **article);
int htmltext_article_from_tree(const xmlNode *node, char **text, char **article);

/* The links of *article (NULL: none) made absolute against base (the
 * item's link), in place. The links are kept as written until then. 0,
 * or -1 out of memory (*article unchanged). */
int htmltext_article_resolve(char **article, const char *base);

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
