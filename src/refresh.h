#ifndef NF_SRC_REFRESH_H
#define NF_SRC_REFRESH_H

#include <stddef.h>
#include <stdio.h>

#include "config/config.h"
#include "src/cli.h"
#include "src/error.h"
#include "src/store.h"

/* newsfold --refresh: fetch every configured feed into the store. When
 * feeds fail, each is on its report line and err is empty (src/cli.h). */
enum nf_status refresh_run(const struct nf_args *args, struct nf_error *err);

/* Fetches every feed of cfg into store (fetch_global_init() done by the
 * caller). With report set, prints one line per feed to it in dotfile
 * order as SPEC words them ("TITLE: ok N new", "TITLE: unchanged",
 * "TITLE: error: REASON"; a feed without a title is named by its URL
 * with the password starred out), and progress on stderr when that is a
 * terminal; with report NULL it prints nothing (each failure's reason
 * is still stored as the feed's last error). With report set, SIGPIPE is
 * ignored from then on: when the report cannot be written (a reader
 * that closed its pipe) it stops, and every feed is still fetched and
 * stored; a write error other than a closed pipe is then the error
 * return. *nfailed (may be NULL) gets the number of feeds that could not
 * be read. An error return is otherwise the store's or the fetcher's
 * own, not one feed's. */
enum nf_status refresh_feeds(const struct config *cfg, struct store *store,
                             FILE *report, size_t *nfailed,
                             struct nf_error *err);

#endif
