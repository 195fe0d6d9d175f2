#ifndef NF_SRC_SYNC_H
#define NF_SRC_SYNC_H

/*
 * The sync stage: everything between "one feed's bytes arrived" and "how
 * that feed went", for --refresh and the reader alike. Given a feed of the
 * store and either a finished transfer or its file:// URL, it parses the
 * bytes (feed_parse), stores the items (store_feed_update), records the
 * fetch metadata (validators, time, last error, the feed's own title) and
 * fills an outcome. Callers keep their own order, queue and printing.
 *
 * One behaviour for every caller:
 * - A body that is not a feed fails with the parser's reason, always
 *   worded "not a feed: WHAT" ("not a feed: the document is <html> (a web
 *   page)"). That is the reason reported and the last error stored.
 *   A web page that names its feeds (<link rel="alternate"
 *   type="application/rss+xml" href=...>, Atom, JSON Feed and RDF too)
 *   adds them, resolved: "...; web page: found feed URL[, URL...]". A
 *   feed broken before its first item is an error too, never an empty
 *   feed.
 * - A feed is local when its URL starts with "file://" (any case). Only
 *   those are read from disk, by sync_local(), up to max_size bytes
 *   exactly; one byte more fails as "too large (over 16 MiB)", the
 *   fetcher's words for the same ceiling. A bare "file:" is no local path:
 *   such a URL goes to the fetcher, which takes http(s) only (the dotfile
 *   refuses it anyway). Only a regular file is read: a FIFO, a device or a
 *   folder fails at once as "not a regular file", never blocks.
 * - Unchanged means a 304 to a request that carried validators; the
 *   fetcher fails any other 304 ("304 Not Modified to a request without
 *   validators"), so a feed never read is never "unchanged".
 * - Validators: a stored feed takes those its response carried (a file
 *   has none, a 200 without them clears them); an unchanged feed keeps
 *   them; a failed one keeps the stored ones, so the next request is still
 *   conditional.
 * - Items first, metadata second: killed in between, the next run has the
 *   items without the new ETag and fetches once more, which is harmless.
 *   The other order could record an ETag for content never stored, which
 *   a 304 would then hide for good. A metadata write that fails makes the
 *   feed fail.
 *
 * The functions touch nothing but their arguments and the store handle:
 * no globals, no terminal, no configuration object. So a caller may run
 * them on a worker thread with a store handle of that thread's own, once
 * it owns the transfer's strings (struct fetch_result says how to take
 * them).
 */

#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>

#include "src/error.h"
#include "src/fetch.h"
#include "src/store.h"

struct config;

/* The dotfile settings that sync uses, copied by value. */
struct sync_settings {
	size_t max_size;	/* ceiling on one body, bytes; must be > 0 */
	int max_items;		/* kept per feed; 0 = no limit */
	int prune_unread;	/* pruning may drop unread items */
	long keep_unread;	/* else those older than this, seconds; 0 =
				 * never (struct store_keep) */
	double fold_threshold;	/* for near-duplicate related entries */
	long timeout_ms;	/* the whole run of an exec or filter program */
	const atomic_int *cancel;	/* nonzero ends a running exec or
				 * filter program at once (the feed fails
				 * as "cancelled"); NULL = never (syncq
				 * sets its own) */
	long parse_budget_ms;	/* processor time one feed's parse may take;
				 * past it the feed fails as "took too long
				 * to parse"; 0 = no limit */
	const struct store_filter *killfile;	/* the dotfile's ignore lines:
				 * outcome.ignored counts the new items they
				 * hide; NULL = none. Borrowed: it must outlive
				 * every sync given these settings (a worker's
				 * too), and is only read */
};

/* Returns the settings of a loaded dotfile (killfile NULL: a caller that
 * counts what it hides points it at its own sync_filter). */
struct sync_settings sync_settings_of(const struct config *cfg);

/* One feed of the store. The strings are only read during the call. */
struct sync_feed {
	int64_t id;		/* from store_feed_ensure() */
	const char *url;	/* as the dotfile gives it */
	const char *filter_cmd;	/* the dotfile's filter command, or NULL */
};

enum sync_state {
	SYNC_OK,		/* parsed and stored */
	SYNC_UNCHANGED,		/* a 304: nothing new to read */
	SYNC_ERROR		/* error.msg says why */
};

/* How one feed went. Clear with sync_outcome_clear(). */
struct sync_outcome {
	enum sync_state state;
	size_t new_count;	/* SYNC_OK: items not in the store before */
	size_t ignored;		/* SYNC_OK: of those, the ones the killfile
				 * (sync_settings.killfile) hides */
	struct nf_error error;	/* SYNC_ERROR: the reason; else NF_OK */
	char *feed_title;	/* the title the feed gives itself (this
				 * body's, else the stored one), or NULL */
};

/* Syncs one finished transfer of feed (what the fetcher's done callback
 * receives): FETCH_OK is parsed and stored, then every outcome is
 * recorded. Fills *out, which the caller clears. */
void sync_fetched(struct store *store, const struct sync_feed *feed,
                  const struct sync_settings *set,
                  const struct fetch_result *result, struct sync_outcome *out);

/* Syncs a local feed: reads the file its file:// URL names (blocking, up
 * to set->max_size), or runs the program of an "exec:CMD" source
 * (src/command.h: argv, no shell, set->timeout_ms, output up to
 * set->max_size), then parses, stores and records it as a 200 without
 * validators. Fills *out, which the caller clears.
 *
 * A feed with a filter_cmd, local or fetched, has its body run through
 * that program (stdin to stdout, same limits) before it is parsed; the
 * program's failure is the feed's ("filter: sh exited with status 1"). */
void sync_local(struct store *store, const struct sync_feed *feed,
                const struct sync_settings *set, struct sync_outcome *out);

/* Whether sync_local() reads this feed (file:// or exec:) rather than
 * the fetcher. */
int sync_feed_is_local(const char *url);

/* The filter command the dotfile gives the feed with this URL, or NULL;
 * borrowed from cfg. */
const char *sync_filter_cmd_of(const struct config *cfg, const char *url);

/* Frees what out holds and zeroes it; NULL is a no-op. */
void sync_outcome_clear(struct sync_outcome *out);

/* The dotfile's killfile (`ignore` lines) and its feeds' tags as a store
 * filter listing what match lets through (match NULL: every item that no
 * ignore line hides). match and cfg are borrowed and must outlive the
 * filter; the feeds array is its own. Clear with sync_filter_clear(). */
struct sync_filter {
	struct store_filter filter;	/* what store_items_query() takes */
	struct store_feed_tags *feeds;
};

enum nf_status sync_filter_init(struct sync_filter *f, const struct config *cfg,
                                const struct query *match,
                                struct nf_error *err);
/* NULL is a no-op. */
void sync_filter_clear(struct sync_filter *f);

#endif
