#include "autoconfig.h"

#include <stdlib.h>
#include <time.h>

#include "src/html.h"
#include "ui/pages.h"

char *
pages_fresh(struct store *s, const char *url)
{
	struct store_page page = { 0 };
	struct nf_error err;
	char *text = NULL;

	if (store_page_get(s, url, &page, &err) == NF_OK && page.text != NULL &&
	    time(NULL) - page.fetched < PAGES_FRESH) {
		text = page.text;
		page.text = NULL;
	}
	store_page_clear(&page);
	return text;
}

void
pages_ask(struct store *s, struct fetch_request *req, struct store_page *kept)
{
	struct nf_error err;

	if (store_page_get(s, req->url, kept, &err) == NF_OK && kept->text != NULL) {
		req->etag = kept->etag;
		req->last_modified = kept->last_modified;
	}
}

char *
pages_text(struct store *s, const struct fetch_result *r, const char **reason)
{
	struct store_page page = { 0 };
	struct nf_error err;
	char *text = NULL;

	if (r->outcome == FETCH_OK) {
		if ((text = html_article_text(r->body, r->len)) == NULL) {
			*reason = "the page has no readable text";
			return NULL;
		}
		page = (struct store_page){ .text = text, .etag = r->etag,
			.last_modified = r->last_modified, .fetched = time(NULL) };
		store_page_put(s, r->url, &page, &err);	/* a cache: best effort */
		return text;
	}
	*reason = r->outcome == FETCH_FAILED ? r->err.msg : "the kept page is gone";
	if (store_page_get(s, r->url, &page, &err) == NF_OK) {
		text = page.text;
		page.text = NULL;
	}
	store_page_clear(&page);
	return text;
}
