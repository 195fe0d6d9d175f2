#ifndef NF_CONFIG_NEWSBOAT_H
#define NF_CONFIG_NEWSBOAT_H

/*
 * newsboat's files read as dotfile lines: its `urls` (feeds with tags and
 * "~Title", query:, exec: and filter: lines) and its `config` (the
 * settings that have an equivalent here), with a report of what has none.
 * Text in, text out: nothing here reads or writes a file.
 */

#include <stddef.h>

#include "src/buf.h"
#include "src/error.h"

struct newsboat_import {
	struct buf lines;	/* dotfile lines, each ending in \n */
	struct buf skipped;	/* "NAME:LINE: skipped: why\n" per line left out */
	size_t nfeeds, nqueries, nsettings;
};

/* Empty buffers; free with newsboat_import_free(). */
void newsboat_import_init(struct newsboat_import *imp);
void newsboat_import_free(struct newsboat_import *imp);

/* Translates the urls file (text; name for the report). */
enum nf_status newsboat_read_urls(const char *text, const char *name,
                                  struct newsboat_import *imp,
                                  struct nf_error *err);

/* Translates the config file's settings that map. */
enum nf_status newsboat_read_config(const char *text, const char *name,
                                    struct newsboat_import *imp,
                                    struct nf_error *err);

/* Appends to out a newsboat filter expression (unread = "yes" and
 * tags # "world") in newsfold's query language; NF_ERR_PARSE, with the
 * reason in err, when some part of it has no equivalent. */
enum nf_status newsboat_filter_to_query(const char *expr, struct buf *out,
                                        struct nf_error *err);

#endif
