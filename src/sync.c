#include "autoconfig.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "config/config.h"
#include "feeds/feed.h"
#include "config/words.h"
#include "src/buf.h"
#include "src/command.h"
#include "src/htmltext.h"
#include "src/sync.h"
#include "src/url.h"

struct sync_settings
sync_settings_of(const struct config *cfg)
{
	const struct sync_settings set = {
		.max_size = (size_t)cfg->max_size,
		.max_items = (int)cfg->max_items,
		.prune_unread = cfg->prune_unread,
		.keep_unread = cfg->keep_unread,
		.fold_threshold = cfg->fold_threshold,
		.timeout_ms = cfg->timeout * 1000,
		.parse_budget_ms = cfg->parse_timeout * 1000,
	};

	return set;
}

void
sync_outcome_clear(struct sync_outcome *out)
{
	if (out == NULL) {
		return;
	}
	free(out->feed_title);
	memset(out, 0, sizeof(*out));
	nf_error_clear(&out->error);
}

/* err must not be out->error itself. */
static void
sync_fail(struct sync_outcome *out, const struct nf_error *err)
{
	out->state = SYNC_ERROR;
	out->new_count = 0;
	nf_error_set(&out->error, err->code != NF_OK ? err->code : NF_ERR_IO,
	             "%s", err->msg);
}

/* The parsers word a document they cannot read "not a feed: WHAT"; the
 * prefix is added here for any reason that lacks it, so that every
 * caller reports and stores one wording. */
static void
sync_fail_parse(struct sync_outcome *out, const struct nf_error *err)
{
	out->state = SYNC_ERROR;
	if (strncmp(err->msg, "not a feed", 10) == 0) {
		nf_error_set(&out->error, NF_ERR_PARSE, "%s", err->msg);
	} else {
		nf_error_set(&out->error, NF_ERR_PARSE, "not a feed: %s", err->msg);
	}
}

/* ---- feed autodiscovery ------------------------------------------------ */

#define DISCOVER_SCAN (256 * 1024)	/* the head of a page is enough */
#define DISCOVER_MAX 3			/* feeds named in one reason */

static int
is_feed_type(const char *type)
{
	static const char *const types[] = {
		"application/rss+xml", "application/atom+xml",
		"application/feed+json", "application/rdf+xml",
	};
	size_t i;

	for (i = 0; type != NULL && i < sizeof(types) / sizeof(types[0]); i++) {
		if (strcasecmp(type, types[i]) == 0) {
			return 1;
		}
	}
	return 0;
}

/* The feed a <link rel="alternate" type="application/rss+xml" href>
 * names, resolved against base; NULL for any other element. */
static char *
discover_link(xmlNode *n, const char *base)
{
	char *rel, *type, *href, *url = NULL;

	if (n->type != XML_ELEMENT_NODE ||
	    xmlStrcasecmp(n->name, (const xmlChar *)"link") != 0) {
		return NULL;
	}
	rel = (char *)xmlGetProp(n, (const xmlChar *)"rel");
	type = (char *)xmlGetProp(n, (const xmlChar *)"type");
	href = (char *)xmlGetProp(n, (const xmlChar *)"href");
	if (rel != NULL && strcasestr(rel, "alternate") != NULL &&
	    is_feed_type(type) && href != NULL && href[0] != '\0') {
		url = url_resolve(href, base);
	}
	xmlFree(rel);
	xmlFree(type);
	xmlFree(href);
	return url;
}

/* Appends to reason the feeds a web page names with <link rel="alternate"
 * type="application/rss+xml" href="...">, resolved against base:
 * "; web page: found feed URL" (", URL" for each more). libxml2 reads
 * the head of the page; the walk goes in document order without
 * recursion, however deep the page nests. */
static void
discover_feeds(const char *body, size_t len, const char *base, char *reason,
               size_t size)
{
	htmlDocPtr doc = htmltext_parse(body, len < DISCOVER_SCAN ? len : DISCOVER_SCAN);
	xmlNode *n = doc != NULL ? xmlDocGetRootElement(doc) : NULL;
	int found = 0;

	while (n != NULL && found < DISCOVER_MAX) {
		char *url = discover_link(n, base);

		if (url != NULL) {
			size_t used = strlen(reason);

			snprintf(reason + used, size - used, "%s%s",
			         found++ == 0 ? "; web page: found feed " : ", ", url);
			free(url);
		}
		if (n->children != NULL) {
			n = n->children;
			continue;
		}
		while (n != NULL && n->next == NULL) {
			n = n->parent;
			if (n == (xmlNode *)doc) {
				n = NULL;	/* back up past the root: done */
			}
		}
		n = n != NULL ? n->next : NULL;
	}
	xmlFreeDoc(doc);
}

/* A parse on the clock: the items read so far, and the processor time
 * of this thread when it started. */
struct sync_parse {
	struct nf_feed *feed;
	int64_t started_us;
	long budget_ms;		/* 0 = no limit */
	int over;		/* stopped: the budget ran out */
	unsigned items;		/* taken since the clock was last read */
};

/* Items taken between two readings of the clock. This thread's processor
 * time is a system call, not a read of the vDSO's page: read after every
 * item, it was 100,000 calls in a refresh of 1,000 feeds x 100 items.
 * Thirty-two items take far less than any budget's millisecond. */
#define SYNC_CLOCK_ITEMS 32u

/* Processor time of the calling thread, microseconds: a parse is charged
 * for its own work, not for the other builds or transfers that share the
 * machine. */
static int64_t
sync_cpu_us(void)
{
	struct timespec ts;

	if (clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts) != 0) {
		return 0;
	}
	return (int64_t)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

static int
sync_over_budget(struct sync_parse *sp)
{
	if (sp->budget_ms > 0 &&
	    sync_cpu_us() - sp->started_us > (int64_t)sp->budget_ms * 1000) {
		sp->over = 1;
	}
	return sp->over;
}

static int
sync_take_item(void *ctx, const struct nf_feed *meta, struct nf_item *item)
{
	struct sync_parse *sp = ctx;

	(void)meta;
	if (feed_add_item(sp->feed, item) != 0) {
		item_free(item);
		return 1;
	}
	if (++sp->items < SYNC_CLOCK_ITEMS) {
		return 0;
	}
	sp->items = 0;
	return sync_over_budget(sp);
}

/* How much of the body one push hands the parser: the clock is read
 * between pushes as well as every SYNC_CLOCK_ITEMS items, so a body
 * whose items never end is stopped too. */
#define SYNC_PUSH_SIZE (256 * 1024)

/* Parses a whole body into a new feed (free with feed_free()) within
 * budget_ms of processor time, item by item; past it, "took too long to
 * parse". */
static enum nf_status
sync_parse_budgeted(const char *body, size_t len,
                    const struct feed_options *opts, long budget_ms,
                    struct nf_feed **out, struct nf_error *err)
{
	struct sync_parse sp = { feed_new(), sync_cpu_us(), budget_ms, 0, 0 };
	struct feed_parser *p = sp.feed != NULL ?
	                        feed_parser_new(opts, sync_take_item, &sp) : NULL;
	enum nf_status st = NF_OK;
	size_t at = 0, n;

	*out = NULL;
	if (p == NULL) {
		feed_free(sp.feed);
		return nf_error_set(err, NF_ERR_NOMEM, "out of memory");
	}
	do {
		n = len - at < SYNC_PUSH_SIZE ? len - at : SYNC_PUSH_SIZE;
		st = feed_parser_push(p, body + at, n, at + n == len, err);
		at += n;
	} while (st == NF_OK && at < len && !sync_over_budget(&sp));
	if (st == NF_OK && (sp.over || sync_over_budget(&sp))) {
		st = nf_error_set(err, NF_ERR_PARSE, "took too long to parse");
	} else if (st == NF_OK && nf_strset(&sp.feed->title,
	                                    feed_parser_feed(p)->title) != 0) {
		st = nf_error_set(err, NF_ERR_NOMEM, "out of memory");
	}
	feed_parser_free(p);
	if (st != NF_OK) {
		feed_free(sp.feed);
		return st;
	}
	*out = sp.feed;
	return NF_OK;
}

static int
sync_timed_out(const struct nf_error *err)
{
	return strcmp(err->msg, "took too long to parse") == 0;
}

/* Where the items a sync stores begin, when a killfile is to count them:
 * the store's last rowid in *before. Zero when nothing is to be counted
 * (no killfile, or the mark failed: only the count is left out). */
static int
sync_killfile_mark(struct store *store, const struct sync_settings *set,
                   int64_t *before)
{
	struct nf_error err;

	*before = 0;
	return set->killfile != NULL && set->killfile->nignore > 0 &&
	       store_items_last_rowid(store, before, &err) == NF_OK;
}

/* How many of the items this sync added after before the killfile hides.
 * A failed count only leaves the number out. */
static void
sync_count_ignored(struct store *store, const struct sync_feed *feed,
                   const struct sync_settings *set, int64_t before,
                   struct sync_outcome *out)
{
	struct nf_error err;

	if (out->new_count > 0 &&
	    store_items_ignored(store, feed->id, before, set->killfile,
	                        &out->ignored, &err) != NF_OK) {
		out->ignored = 0;
	}
}

/* Parses one body and stores its items; out says how it went. charset
 * may be NULL; base is the URL the bytes came from. */
static void
sync_store_body(struct store *store, const struct sync_feed *feed,
                const struct sync_settings *set, const char *body,
                size_t len, const char *charset, const char *base,
                struct sync_outcome *out)
{
	const struct feed_options opts = {
		.source = feed->url,
		.base_url = base,
		.charset = charset,
		.fold_threshold = set->fold_threshold,
		.max_size = set->max_size,
	};
	const struct store_keep keep = {
		.max_items = set->max_items,
		.prune_unread = set->prune_unread,
		.keep_unread = set->keep_unread,
	};
	struct nf_feed *parsed = NULL;
	struct nf_error err;
	enum nf_status st;
	int64_t before = 0;
	int counting;

	nf_error_clear(&err);
	st = sync_parse_budgeted(body != NULL ? body : "", len, &opts,
	                         set->parse_budget_ms, &parsed, &err);
	if (sync_timed_out(&err)) {
		sync_fail(out, &err);
		goto out;
	} else if (st == NF_ERR_PARSE) {
		if (strstr(err.msg, "(a web page)") != NULL && body != NULL) {
			discover_feeds(body, len, base, err.msg, sizeof(err.msg));
		}
		sync_fail_parse(out, &err);
		goto out;
	} else if (st != NF_OK) {
		sync_fail(out, &err);
		goto out;
	}
	if (parsed->title != NULL && nf_strset(&out->feed_title, parsed->title) != 0) {
		nf_error_set(&err, NF_ERR_NOMEM, "out of memory");
		sync_fail(out, &err);
		goto out;
	}
	counting = sync_killfile_mark(store, set, &before);
	st = store_feed_update(store, feed->id, parsed, &keep, &out->new_count,
	                       &err);
	if (st != NF_OK) {
		sync_fail(out, &err);
		goto out;
	}
	out->state = SYNC_OK;
	if (counting) {
		sync_count_ignored(store, feed, set, before, out);
	}
out:
	feed_free(parsed);
}

/* Records the outcome as the feed's metadata. stored is the metadata
 * before this sync (its title may move into out); etag and last_modified
 * are what the response carried. */
static void
sync_record(struct store *store, const struct sync_feed *feed,
            struct store_feed_meta *stored, const char *etag,
            const char *last_modified, struct sync_outcome *out)
{
	const int failed = out->state == SYNC_ERROR;
	struct store_feed_meta m;
	struct nf_error err;

	if (out->feed_title == NULL) {
		out->feed_title = stored->feed_title;
		stored->feed_title = NULL;
	}
	m.etag = failed ? stored->etag : (char *)etag;
	m.last_modified = failed ? stored->last_modified : (char *)last_modified;
	m.last_fetch = (int64_t)time(NULL);
	m.last_error = failed ? out->error.msg : NULL;
	m.feed_title = out->feed_title;
	if (store_feed_meta_set(store, feed->id, &m, &err) != NF_OK && !failed) {
		sync_fail(out, &err);
	}
}

/* Starts an outcome and reads what the store remembers of the feed;
 * zero (with out failed) when it cannot. */
static int
sync_begin(struct store *store, const struct sync_feed *feed,
           struct store_feed_meta *stored, struct sync_outcome *out)
{
	struct nf_error err;

	memset(out, 0, sizeof(*out));
	nf_error_clear(&out->error);
	memset(stored, 0, sizeof(*stored));
	if (store_feed_meta_get(store, feed->id, stored, &err) != NF_OK) {
		sync_fail(out, &err);
		return 0;
	}
	return 1;
}

/* Runs the command line cmd (the dotfile's words) with input on its
 * stdin; its output into *body. */
static enum nf_status
sync_run(const char *cmd, const struct sync_settings *set, const char *input,
         size_t input_len, char **body, size_t *len, struct nf_error *err)
{
	char **argv = NULL;
	enum nf_status st;

	*body = NULL;
	*len = 0;
	if ((st = config_command_argv(cmd, NULL, 0, &argv, err)) != NF_OK) {
		return st;
	}
	st = command_run_until(argv, input, input_len,
	                       set->timeout_ms > 0 ? set->timeout_ms : 30000,
	                       set->max_size, set->cancel, body, len, err);
	config_argv_free(argv);
	return st;
}

/* sync_store_body(), through the feed's filter command first when it
 * has one. A filter's output has no declared charset. */
static void
sync_filtered_body(struct store *store, const struct sync_feed *feed,
                   const struct sync_settings *set, const char *body,
                   size_t len, const char *charset, const char *base,
                   struct sync_outcome *out)
{
	struct nf_error err;
	char *filtered = NULL;
	size_t flen = 0;

	if (feed->filter_cmd == NULL) {
		sync_store_body(store, feed, set, body, len, charset, base, out);
		return;
	}
	if (sync_run(feed->filter_cmd, set, body != NULL ? body : "", len,
	             &filtered, &flen, &err) != NF_OK) {
		nf_error_prefix(&err, "filter");
		sync_fail(out, &err);
		return;
	}
	sync_store_body(store, feed, set, filtered, flen, NULL, base, out);
	free(filtered);
}

void
sync_fetched(struct store *store, const struct sync_feed *feed,
             const struct sync_settings *set,
             const struct fetch_result *result, struct sync_outcome *out)
{
	struct store_feed_meta stored;
	const char *etag = result->etag, *last_modified = result->last_modified;
	/* Links resolve against where the bytes came from, with its password
	 * starred out: a stored link is shown, and never carries it. */
	const char *at = result->effective_url != NULL ? result->effective_url :
	                 result->url != NULL ? result->url : feed->url;
	/* The body's own URL, when the server names one, is the base. */
	char *named = url_body_base(result->content_location, at);
	char *base = url_redact(named != NULL ? named : at);
	struct nf_error nomem;

	free(named);

	if (!sync_begin(store, feed, &stored, out)) {
		free(base);
		return;
	}
	if (base == NULL) {
		nf_error_set(&nomem, NF_ERR_NOMEM, "out of memory");
		sync_fail(out, &nomem);
	} else if (result->outcome == FETCH_FAILED) {
		sync_fail(out, &result->err);
	} else if (result->outcome == FETCH_UNCHANGED) {
		out->state = SYNC_UNCHANGED;
		etag = etag != NULL ? etag : stored.etag;
		last_modified = last_modified != NULL ? last_modified :
		                stored.last_modified;
	} else {
		sync_filtered_body(store, feed, set, result->body, result->len,
		                   result->charset, base, out);
	}
	sync_record(store, feed, &stored, etag, last_modified, out);
	store_feed_meta_clear(&stored);
	free(base);
}

/* Opens a local feed for reading, refusing anything but a regular file:
 * a FIFO would block the open (and then the read) for as long as nobody
 * writes to it, a device may never end, and the whole refresh would wait.
 * O_NONBLOCK keeps the open itself from blocking; fstat() then says what
 * was opened, so a name swapped in between is checked too. Returns the
 * descriptor, or -1 with err set. */
static int
sync_open_regular(const char *path, struct nf_error *err)
{
	struct stat st;
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);

	if (fd < 0) {
		nf_error_set(err, NF_ERR_IO, "cannot open: %s", strerror(errno));
		return -1;
	}
	if (fstat(fd, &st) != 0) {
		nf_error_set(err, NF_ERR_IO, "cannot open: %s", strerror(errno));
		close(fd);
		return -1;
	}
	if (!S_ISREG(st.st_mode)) {
		nf_error_set(err, NF_ERR_IO, "not a regular file");
		close(fd);
		return -1;
	}
	/* A regular file: reads wait for the disk as usual. */
	fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
	return fd;
}

/* Reads the file a file:// URL names into b, whose ceiling is the
 * max-size setting. */
static enum nf_status
sync_read_local(const char *url, struct buf *b, struct nf_error *err)
{
	char chunk[65536], limit[32];
	char *path = url_is_file(url) ? url_file_path(url) : NULL;
	enum nf_status st = NF_OK;
	ssize_t n;
	int fd = -1;

	if (path == NULL) {
		st = nf_error_set(err, NF_ERR_IO, "not a local file URL");
		goto out;
	}
	if ((fd = sync_open_regular(path, err)) < 0) {
		st = err->code;
		goto out;
	}
	while (st == NF_OK && (n = read(fd, chunk, sizeof(chunk))) != 0) {
		if (n < 0 && errno == EINTR) {
			continue;
		}
		if (n < 0) {
			st = nf_error_set(err, NF_ERR_IO, "cannot read: %s",
			                  strerror(errno));
			break;
		}
		st = buf_add(b, chunk, (size_t)n);
	}
	if (st == NF_ERR_TOO_LARGE) {
		fetch_size_text(limit, sizeof(limit), b->max);
		nf_error_set(err, st, "too large (over %s)", limit);
	} else if (st == NF_ERR_NOMEM) {
		nf_error_set(err, st, "out of memory");
	}
out:
	if (fd >= 0) {
		close(fd);
	}
	free(path);
	return st;
}

/* An exec source: the program's output is the body. */
static void
sync_exec(struct store *store, const struct sync_feed *feed,
          const struct sync_settings *set, struct sync_outcome *out)
{
	struct nf_error err;
	char *body = NULL;
	size_t len = 0;

	if (sync_run(feed->url + 5, set, NULL, 0, &body, &len, &err) != NF_OK) {
		sync_fail(out, &err);
		return;
	}
	sync_filtered_body(store, feed, set, body, len, NULL, NULL, out);
	free(body);
}

void
sync_local(struct store *store, const struct sync_feed *feed,
           const struct sync_settings *set, struct sync_outcome *out)
{
	struct store_feed_meta stored;
	struct nf_error err;
	struct buf b;

	if (!sync_begin(store, feed, &stored, out)) {
		return;
	}
	buf_init(&b, set->max_size);
	if (strncmp(feed->url, "exec:", 5) == 0) {
		sync_exec(store, feed, set, out);
	} else if (sync_read_local(feed->url, &b, &err) != NF_OK) {
		sync_fail(out, &err);
	} else {
		sync_filtered_body(store, feed, set, b.data, b.len, NULL, feed->url,
		                   out);
	}
	sync_record(store, feed, &stored, NULL, NULL, out);
	store_feed_meta_clear(&stored);
	buf_free(&b);
}

enum nf_status
sync_filter_init(struct sync_filter *f, const struct config *cfg,
                 const struct query *match, struct nf_error *err)
{
	size_t i;

	memset(f, 0, sizeof(*f));
	if (cfg->nfeeds > 0 &&
	    (f->feeds = calloc(cfg->nfeeds, sizeof(*f->feeds))) == NULL) {
		return nf_error_set(err, NF_ERR_NOMEM, "out of memory");
	}
	for (i = 0; i < cfg->nfeeds; i++) {
		f->feeds[i].url = cfg->feeds[i].url;
		f->feeds[i].tags = cfg->feeds[i].tags;
		f->feeds[i].ntags = cfg->feeds[i].ntags;
	}
	f->filter.match = match;
	f->filter.ignore = (const struct query *const *)cfg->ignores;
	f->filter.nignore = cfg->nignores;
	f->filter.feeds = f->feeds;
	f->filter.nfeeds = cfg->nfeeds;
	return NF_OK;
}

void
sync_filter_clear(struct sync_filter *f)
{
	if (f == NULL) {
		return;
	}
	free(f->feeds);
	memset(f, 0, sizeof(*f));
}

int
sync_feed_is_local(const char *url)
{
	return url_is_file(url) || strncmp(url, "exec:", 5) == 0;
}

const char *
sync_filter_cmd_of(const struct config *cfg, const char *url)
{
	size_t i;

	for (i = 0; url != NULL && i < cfg->nfeeds; i++) {
		if (strcmp(cfg->feeds[i].url, url) == 0) {
			return cfg->feeds[i].filter_cmd;
		}
	}
	return NULL;
}
