#ifndef NF_UI_PAGES_H
#define NF_UI_PAGES_H

/*
 * Read-more pages kept in the store (store_page_*): the article text of
 * each page fetched, by URL, with its validators. A page fetched less
 * than PAGES_FRESH seconds ago answers at once; an older one makes the
 * next request conditional, and answers when the network fails.
 */

#include "src/fetch.h"
#include "src/store.h"

#define PAGES_FRESH (30 * 60)

/* The kept text of url when it is fresh: a new string (free() it), or
 * NULL. */
char *pages_fresh(struct store *s, const char *url);

/* Puts the kept page's validators on req (req->url is the page's): they
 * point into kept, which the caller clears with store_page_clear() once
 * the request is handed over. */
void pages_ask(struct store *s, struct fetch_request *req,
               struct store_page *kept);

/* The article text of a finished read-more transfer, kept in the store
 * when it is new: a new string (free() it), the kept one on a 304 or a
 * failure, or NULL with *reason saying why. */
char *pages_text(struct store *s, const struct fetch_result *r,
                 const char **reason);

#endif
