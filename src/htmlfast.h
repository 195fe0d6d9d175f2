#ifndef NF_HTMLFAST_H
#define NF_HTMLFAST_H

/*
 * A reader for the simple HTML most feed items carry (<p>, <a>, <b>, <i>,
 * <em>, <strong>, <span>, <br>, <ul>/<ol>/<li>, <div>, entities, and
 * pictures: <figure>, <img>, <figcaption>, <cite>, <small>), in one
 * pass, no tree: it gives the same element and text events as libxml2's
 * HTML parser would for such input, so htmltext.c renders them by the
 * same rules. Anything else (another tag, a comment, an odd entity, a
 * control byte, invalid UTF-8, deep nesting) is declined, and the caller
 * uses libxml2. The events are kept, so that several readers (the
 * picture, the text) take them without the HTML being read again.
 */

#include <stddef.h>

#include <libxml/parser.h>

enum htmlfast_status {
	HTMLFAST_OK,
	HTMLFAST_DECLINED,	/* not simple, or a decline test said no */
	HTMLFAST_NOMEM
};

/* What else makes the reader decline: tests on the text it reads, with
 * ASCII blanks and no-break spaces left out (so that however a document
 * splits or spaces its text, a test sees the same characters). A test
 * that answers nonzero declines the document. Either may be NULL. */
struct htmlfast_decline {
	int (*text)(const char *s, size_t n);	/* all the document's text */
	int (*link)(const char *s, size_t n);	/* the text of one <a> */
};

struct htmlfast_sax {
	startElementSAXFunc start;	/* atts: an <img>'s, an <a>'s href, an
					 * <ol>'s start; else NULL */
	endElementSAXFunc end;
	charactersSAXFunc text;
};

/* The events of one document the reader accepted. */
struct htmlfast_doc;

/* Reads html once. HTMLFAST_OK sets *doc to its events (free with
 * htmlfast_doc_free()); they point into html, which must outlive them.
 * Otherwise *doc is NULL. decline may be NULL. */
enum htmlfast_status htmlfast_lex(const char *html, size_t len,
                                  const struct htmlfast_decline *decline,
                                  struct htmlfast_doc **doc);

/* Sends doc's events to sax, in order. */
void htmlfast_replay(const struct htmlfast_doc *doc, const struct htmlfast_sax *sax,
                     void *ctx);

void htmlfast_doc_free(struct htmlfast_doc *doc);

/* htmlfast_lex(), then the events to sax, for a caller with one reader. */
enum htmlfast_status htmlfast_read(const char *html, size_t len,
                                   const struct htmlfast_decline *decline,
                                   const struct htmlfast_sax *sax, void *ctx);

#endif
