#ifndef NF_HTMLFAST_H
#define NF_HTMLFAST_H

/*
 * A reader for the simple HTML most feed items carry (<p>, <a>, <b>, <i>,
 * <em>, <strong>, <span>, <br>, <ul>/<ol>/<li>, <div>, entities, and
 * pictures: <figure>, <img>, <figcaption>, <cite>, <small>), one
 * pass, no tree: it sends the same element and text events as libxml2's
 * HTML parser would for such input, so text.c renders it by the same
 * rules. Anything else (another tag, a comment, an odd entity, a control
 * byte, invalid UTF-8, deep nesting) is declined before any event is
 * sent, and the caller uses libxml2.
 */

#include <stddef.h>

#include <libxml/parser.h>

enum htmlfast_status {
	HTMLFAST_OK,
	HTMLFAST_DECLINED,	/* not simple: no event was sent */
	HTMLFAST_NOMEM		/* events may have been sent */
};

/* Flags for htmlfast_read(). */
enum {
	HTMLFAST_NO_RELATED = 1,	/* also decline what may hold a "Similar
					 * News" block (related.c's labels and
					 * read-more links) */
	HTMLFAST_CHECKED = 2		/* the caller has had html accepted
					 * before (with these other flags):
					 * send the events without checking */
};

struct htmlfast_sax {
	startElementSAXFunc start;	/* atts: an <img>'s, else NULL */
	endElementSAXFunc end;
	charactersSAXFunc text;
};

/* With sax NULL, only checks: HTMLFAST_OK when html would be read. */
enum htmlfast_status htmlfast_read(const char *html, size_t len, unsigned flags,
                                   const struct htmlfast_sax *sax, void *ctx);

#endif
