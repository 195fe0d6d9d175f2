#include "autoconfig.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "config/config.h"
#include "feeds/feed.h"
#include "src/buf.h"
#include "src/fetch.h"
#include "src/refresh.h"
#include "src/store.h"
#include "src/url.h"

/*
 * --refresh: every feed of the dotfile through one fetch_multi, each
 * finished body parsed and stored as it arrives, and one line per feed
 * printed in dotfile order as soon as it and every feed above it are done
 * (so a long list shows progress on stdout too, and cron mail reads in
 * the order of the dotfile).
 *
 * Per feed, the store sees two writes: the items (one transaction, in
 * store_feed_update) and then the fetch metadata. Killed between the
 * two, the next run has the items but not the new ETag, so it fetches
 * the feed once more: harmless. The other order could record an ETag
 * for content never stored, and a 304 would then hide it for good.
 */

enum feed_state { FEED_WAITING, FEED_READ, FEED_UNCHANGED, FEED_FAILED };

struct refresh_feed {
	const struct config_feed *cf;
	int64_t id;
	struct store_feed_meta meta;	/* as stored before this run */
	enum feed_state state;
	size_t new_count;
	char *feed_title;		/* the title the feed gives itself */
	char reason[256];
};

struct refresh {
	const struct config *cfg;
	struct store *store;
	struct refresh_feed *feeds;
	size_t nfeeds;
	size_t ndone;
	size_t nprinted;
	FILE *report;			/* one line per feed, or NULL */
	int progress;			/* reporting, and stderr is a terminal */
};

static void
progress_clear(struct refresh *r)
{
	if (r->progress) {
		fputs("\r\033[K", stderr);
	}
}

static void
progress_show(struct refresh *r)
{
	if (r->progress && r->ndone < r->nfeeds) {
		fprintf(stderr, "\rfetching %zu/%zu", r->ndone + 1, r->nfeeds);
		fflush(stderr);
	}
}

static const char *
feed_display_title(const struct refresh_feed *f)
{
	if (f->cf->title != NULL && f->cf->title[0] != '\0') {
		return f->cf->title;
	}
	if (f->feed_title != NULL && f->feed_title[0] != '\0') {
		return f->feed_title;
	}
	if (f->meta.feed_title != NULL && f->meta.feed_title[0] != '\0') {
		return f->meta.feed_title;
	}
	return f->cf->url;
}

/* Prints the finished feeds at the top of the list, in dotfile order. */
static void
print_ready(struct refresh *r)
{
	struct refresh_feed *f;

	progress_clear(r);
	while (r->nprinted < r->nfeeds &&
	       r->feeds[r->nprinted].state != FEED_WAITING) {
		f = &r->feeds[r->nprinted++];
		if (r->report == NULL) {
			continue;
		}
		switch (f->state) {
		case FEED_READ:
			fprintf(r->report, "%s: ok %zu new\n",
			        feed_display_title(f), f->new_count);
			break;
		case FEED_UNCHANGED:
			fprintf(r->report, "%s: unchanged\n",
			        feed_display_title(f));
			break;
		default:
			fprintf(r->report, "%s: error: %s\n",
			        feed_display_title(f), f->reason);
			break;
		}
	}
	if (r->report != NULL) {
		fflush(r->report);
	}
	progress_show(r);
}

/* Records the outcome in the store. A failed feed keeps its validators,
 * so the next run still asks conditionally. */
static void
record_meta(struct refresh *r, struct refresh_feed *f, const char *etag,
            const char *last_modified)
{
	struct store_feed_meta m;
	struct nf_error err;

	m.etag = (char *)(f->state == FEED_FAILED ? f->meta.etag : etag);
	m.last_modified = (char *)(f->state == FEED_FAILED ?
	                           f->meta.last_modified : last_modified);
	m.last_fetch = (int64_t)time(NULL);
	m.last_error = f->state == FEED_FAILED ? f->reason : NULL;
	m.feed_title = f->feed_title != NULL ? f->feed_title :
	               f->meta.feed_title;
	if (store_feed_meta_set(r->store, f->id, &m, &err) != NF_OK &&
	    f->state != FEED_FAILED) {
		f->state = FEED_FAILED;
		snprintf(f->reason, sizeof(f->reason), "%s", err.msg);
	}
}

static void
feed_fail(struct refresh_feed *f, const char *reason)
{
	f->state = FEED_FAILED;
	snprintf(f->reason, sizeof(f->reason), "%s", reason);
}

/* Parses one body and stores its items; the feed's state says how it
 * went. charset and base may be NULL. */
static void
store_body(struct refresh *r, struct refresh_feed *f, const char *body,
           size_t len, const char *charset, const char *base)
{
	struct feed_options opts = { 0 };
	struct nf_feed *feed = NULL;
	struct nf_error err;
	enum nf_status st;

	opts.source = f->cf->url;
	opts.base_url = base;
	opts.charset = charset;
	opts.fold_threshold = r->cfg->fold_threshold;
	opts.max_size = (size_t)r->cfg->max_size;
	nf_error_clear(&err);
	st = feed_parse(body, len, &opts, &feed, &err);
	if (st == NF_ERR_PARSE) {
		feed_fail(f, "not a feed");
		goto out;
	} else if (st != NF_OK) {
		feed_fail(f, err.msg);
		goto out;
	}
	if (feed->title != NULL && (f->feed_title = strdup(feed->title)) == NULL) {
		feed_fail(f, "out of memory");
		goto out;
	}
	st = store_feed_update(r->store, f->id, feed, (int)r->cfg->max_items,
	                       r->cfg->prune_unread, &f->new_count, &err);
	if (st != NF_OK) {
		feed_fail(f, err.msg);
		goto out;
	}
	f->state = FEED_READ;
out:
	feed_free(feed);
}

static void
on_fetched(void *ctx, struct fetch_result *res)
{
	struct refresh *r = ctx;
	struct refresh_feed *f = res->user;

	if (res->outcome == FETCH_FAILED) {
		feed_fail(f, res->err.msg);
	} else if (res->outcome == FETCH_UNCHANGED) {
		f->state = FEED_UNCHANGED;
	} else {
		store_body(r, f, res->body, res->len, res->charset,
		           res->effective_url != NULL ? res->effective_url :
		           res->url);
	}
	record_meta(r, f, res->etag, res->last_modified);
	r->ndone++;
	print_ready(r);
}

/* Reads the whole file into b (its ceiling is the max-size setting). */
static enum nf_status
read_file(const char *path, struct buf *b, struct nf_error *err)
{
	char chunk[16384], limit[32];
	FILE *fp = fopen(path, "rb");
	enum nf_status st = NF_OK;
	size_t n;

	if (fp == NULL) {
		return nf_error_set(err, NF_ERR_IO, "%s", strerror(errno));
	}
	while (st == NF_OK && (n = fread(chunk, 1, sizeof(chunk), fp)) > 0) {
		st = buf_add(b, chunk, n);
	}
	if (st == NF_ERR_TOO_LARGE) {
		fetch_size_text(limit, sizeof(limit), b->max);
		nf_error_set(err, st, "too large (over %s)", limit);
	} else if (st != NF_OK) {
		nf_error_set(err, st, "out of memory");
	} else if (ferror(fp)) {
		st = nf_error_set(err, NF_ERR_IO, "%s", strerror(errno));
	}
	fclose(fp);
	return st;
}

/* A file:// feed is one the user listed, so it is read from disk here,
 * never through curl, whose file handler stays switched off. */
static void
refresh_local(struct refresh *r, struct refresh_feed *f)
{
	struct buf b;
	struct nf_error err;
	char *path = url_file_path(f->cf->url);

	buf_init(&b, (size_t)r->cfg->max_size);
	if (path == NULL) {
		feed_fail(f, "not a local file URL");
	} else if (read_file(path, &b, &err) != NF_OK) {
		feed_fail(f, err.msg);
	} else {
		store_body(r, f, b.data != NULL ? b.data : "", b.len, NULL,
		           f->cf->url);
	}
	record_meta(r, f, NULL, NULL);
	r->ndone++;
	buf_free(&b);
	free(path);
}

/* Registers each feed in the store and reads what it remembers. */
static enum nf_status
refresh_prepare(struct refresh *r, struct nf_error *err)
{
	struct refresh_feed *f;
	enum nf_status st;
	size_t i;

	r->feeds = calloc(r->cfg->nfeeds > 0 ? r->cfg->nfeeds : 1,
	                  sizeof(*r->feeds));
	if (r->feeds == NULL) {
		return nf_error_set(err, NF_ERR_NOMEM, "out of memory");
	}
	r->nfeeds = r->cfg->nfeeds;
	for (i = 0; i < r->nfeeds; i++) {
		f = &r->feeds[i];
		f->cf = &r->cfg->feeds[i];
		st = store_feed_ensure(r->store, f->cf->url, f->cf->title,
		                       &f->id, err);
		if (st == NF_OK) {
			st = store_feed_meta_get(r->store, f->id, &f->meta, err);
		}
		if (st != NF_OK) {
			return st;
		}
	}
	return NF_OK;
}

static enum nf_status
refresh_run(struct refresh *r, struct nf_error *err)
{
	struct fetch_multi_options opts = { 0 };
	struct fetch_request req = { 0 };
	struct fetch_multi *m;
	enum nf_status st = NF_OK;
	size_t i;

	opts.max_parallel = (int)r->cfg->max_parallel;
	opts.limits.timeout_ms = r->cfg->timeout * 1000;
	opts.limits.max_size = (size_t)r->cfg->max_size;
	m = fetch_multi_new(&opts, on_fetched, r, err);
	if (m == NULL) {
		return err->code;
	}
	for (i = 0; i < r->nfeeds && st == NF_OK; i++) {
		if (url_is_file(r->feeds[i].cf->url)) {
			continue;
		}
		req.url = r->feeds[i].cf->url;
		req.etag = r->feeds[i].meta.etag;
		req.last_modified = r->feeds[i].meta.last_modified;
		req.user = &r->feeds[i];
		st = fetch_multi_add(m, &req, err);
	}
	/* Start the transfers, then read the local files while they run. */
	progress_show(r);
	if (st == NF_OK) {
		st = fetch_multi_step(m, err);
	}
	for (i = 0; i < r->nfeeds && st == NF_OK; i++) {
		if (url_is_file(r->feeds[i].cf->url)) {
			refresh_local(r, &r->feeds[i]);
			print_ready(r);
			st = fetch_multi_step(m, err);
		}
	}
	if (st == NF_OK) {
		st = fetch_multi_run(m, err);
	}
	fetch_multi_free(m);
	return st;
}

static void
refresh_free(struct refresh *r)
{
	size_t i;

	for (i = 0; i < r->nfeeds; i++) {
		store_feed_meta_clear(&r->feeds[i].meta);
		free(r->feeds[i].feed_title);
	}
	free(r->feeds);
}

static size_t
count_failed(const struct refresh *r)
{
	size_t i, n = 0;

	for (i = 0; i < r->nfeeds; i++) {
		n += r->feeds[i].state != FEED_READ &&
		     r->feeds[i].state != FEED_UNCHANGED;
	}
	return n;
}

enum nf_status
refresh_feeds(const struct config *cfg, struct store *store, FILE *report,
              size_t *nfailed, struct nf_error *err)
{
	struct refresh r = { .cfg = cfg, .store = store, .report = report };
	enum nf_status st;

	r.progress = report != NULL && isatty(STDERR_FILENO);
	st = refresh_prepare(&r, err);
	if (st == NF_OK) {
		st = refresh_run(&r, err);
	}
	if (st == NF_OK) {
		print_ready(&r);
	}
	progress_clear(&r);
	if (nfailed != NULL) {
		*nfailed = st == NF_OK ? count_failed(&r) : 0;
	}
	refresh_free(&r);
	return st;
}

int
refresh_main(const struct nf_args *args)
{
	struct config cfg;
	struct store *store = NULL;
	struct nf_error err;
	size_t nfailed = 0;
	int status = 1;

	nf_error_clear(&err);
	if (config_load(args->config_path, &cfg, &err) != NF_OK) {
		/* a dotfile error reads "FILE:LINE: what is wrong" as it is */
		fprintf(stderr, err.code == NF_ERR_CONFIG ? "%s\n" : "newsfold: %s\n",
		        err.msg);
		config_free(&cfg);
		return err.code == NF_ERR_CONFIG ? 2 : 1;
	}
	if (store_open(args->db_path, &store, &err) != NF_OK) {
		fprintf(stderr, "newsfold: %s\n", err.msg);
		goto out;
	}
	if (fetch_global_init(&err) != NF_OK) {
		fprintf(stderr, "newsfold: %s\n", err.msg);
		goto out;
	}
	if (refresh_feeds(&cfg, store, stdout, &nfailed, &err) != NF_OK) {
		fprintf(stderr, "newsfold: %s\n", err.msg);
	} else {
		status = nfailed > 0;
	}
	fetch_global_cleanup();
out:
	store_close(store);
	config_free(&cfg);
	return status;
}
