#ifndef NF_HTML_H
#define NF_HTML_H

/*
 * An item's HTML (description, content:encoded, content_html) taken
 * apart: the picture and its caption, the "Similar News" entries, and the
 * plain-text body with both of those taken out.
 */

#include <stddef.h>

#include "src/error.h"
#include "src/item.h"

struct html_parts {
	char *text;			/* sanitised plain text; never NULL on success */
	char *article;			/* the text with its structure and links
					 * (htmltext.h), links as written; NULL
					 * when it equals text */
	struct nf_image *image;		/* figure/img/caption paragraph, or NULL */
	struct nf_related *related;	/* array of nrelated entries */
	size_t nrelated;
};

/* Fills parts from html; links are made absolute against base_url (may be
 * NULL). threshold is fold-threshold, for near-duplicate related entries.
 * Free the result with html_parts_free(). */
enum nf_status html_extract(const char *html, size_t len, const char *base_url,
                            double threshold, struct html_parts *parts,
                            struct nf_error *err);
void html_parts_free(struct html_parts *parts);

/* html_extract() for a reader that never shows the article text
 * (--dump): the same parts, but parts->article is always NULL and the
 * simple HTML's is never made. Without picture (an item whose feed
 * names its picture, caption and credit itself), the picture still
 * leaves the text but need not be read: parts->image may be NULL. */
enum nf_status html_extract_text(const char *html, size_t len, const char *base_url,
                                 double threshold, int picture,
                                 struct html_parts *parts, struct nf_error *err);

/* html_extract() always through libxml2's tree, never the fast reader
 * of simple HTML: the reference that reader is held to. */
enum nf_status html_extract_tree(const char *html, size_t len, const char *base_url,
                                 double threshold, struct html_parts *parts,
                                 struct nf_error *err);

/* A whole web page (for "read more") reduced to its article text: the
 * <article> or <main> element, else the block holding the most paragraph
 * text; navigation, headers, footers, asides, scripts and forms dropped.
 * Returns new sanitised plain text (free()), or NULL when the page has no
 * readable text. */
char *html_article_text(const char *html, size_t len);

#endif
