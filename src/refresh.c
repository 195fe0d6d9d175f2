#include "autoconfig.h"

#include <errno.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config/config.h"
#include "src/fetch.h"
#include "src/refresh.h"
#include "src/stories.h"
#include "src/store.h"
#include "src/sync.h"
#include "src/syncq.h"
#include "src/url.h"

/*
 * --refresh: every feed of the dotfile through one fetch_multi, each
 * finished transfer handed to the sync stage (src/sync.h: parse, store,
 * validators, status) on its worker thread (src/syncq.h) as it arrives,
 * so that parsing a large body never holds up the other transfers; one
 * line per feed printed in
 * dotfile order as soon as it and every feed above it are done (so a
 * long list shows progress on stdout too, and cron mail reads in the
 * order of the dotfile).
 */

struct refresh_feed {
	const struct config_feed *cf;
	char *shown_url;		/* the URL fit to print (no password) */
	int64_t id;
	struct store_feed_meta meta;	/* as stored before this run */
	int done;
	struct sync_outcome outcome;	/* once done */
};

struct refresh {
	const struct config *cfg;
	struct sync_settings sync;
	struct sync_filter killfile;	/* the dotfile's ignore lines */
	struct store *store;
	struct syncq *queue;		/* the sync stage's worker */
	struct stories_rows *rows;	/* the front page's, read by it */
	struct refresh_feed *feeds;
	size_t nfeeds;
	size_t ndone;
	size_t nprinted;
	FILE *report;			/* one line per feed, or NULL */
	int report_errno;		/* why writing the report stopped */
	int progress;			/* reporting, and stderr is a terminal */
	int lookup_deferred;		/* store_lookup_defer() dropped them */
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
	if (f->outcome.feed_title != NULL && f->outcome.feed_title[0] != '\0') {
		return f->outcome.feed_title;
	}
	if (f->meta.feed_title != NULL && f->meta.feed_title[0] != '\0') {
		return f->meta.feed_title;
	}
	return f->shown_url;
}

/* A report nobody reads any more (`--refresh | head -1`) or cannot be
 * written (a full disk) stops being written; the feeds are still fetched
 * and stored. */
static void
report_flush(struct refresh *r)
{
	if (r->report != NULL && (fflush(r->report) != 0 || ferror(r->report))) {
		r->report_errno = errno != 0 ? errno : EIO;
		r->report = NULL;
	}
}

/* Prints the finished feeds at the top of the list, in dotfile order. */
static void
print_ready(struct refresh *r)
{
	struct refresh_feed *f;

	progress_clear(r);
	while (r->nprinted < r->nfeeds && r->feeds[r->nprinted].done) {
		f = &r->feeds[r->nprinted++];
		if (r->report == NULL) {
			continue;
		}
		switch (f->outcome.state) {
		case SYNC_OK:
			fprintf(r->report, f->outcome.ignored > 0 ?
			        "%s: ok %zu new, %zu ignored\n" : "%s: ok %zu new\n",
			        feed_display_title(f), f->outcome.new_count,
			        f->outcome.ignored);
			break;
		case SYNC_UNCHANGED:
			fprintf(r->report, "%s: unchanged\n",
			        feed_display_title(f));
			break;
		default:
			fprintf(r->report, "%s: error: %s\n",
			        feed_display_title(f), f->outcome.error.msg);
			break;
		}
	}
	report_flush(r);
	progress_show(r);
}

/* A feed whose sync could not even be queued (out of memory). */
static void
refresh_fail(struct refresh *r, struct refresh_feed *f,
             const struct nf_error *err)
{
	f->outcome.state = SYNC_ERROR;
	nf_error_set(&f->outcome.error, err->code, "%s", err->msg);
	f->done = 1;
	r->ndone++;
}

/* The transfer callback hands the body over and returns at once. */
static void
on_fetched(void *ctx, struct fetch_result *res)
{
	struct refresh *r = ctx;
	struct refresh_feed *f = res->user;
	const struct sync_feed feed = { .id = f->id, .url = f->cf->url,
	                                .filter_cmd = f->cf->filter_cmd };
	struct nf_error err;

	if (syncq_add_fetched(r->queue, &feed, f, res, &err) != NF_OK) {
		refresh_fail(r, f, &err);
	}
}

/* A file:// feed is one the user listed, so it is read from disk (by
 * sync, on the worker), never through curl, whose file handler stays
 * switched off; an exec: source is run by sync too. */
static void
refresh_local(struct refresh *r, struct refresh_feed *f)
{
	const struct sync_feed feed = { .id = f->id, .url = f->cf->url,
	                                .filter_cmd = f->cf->filter_cmd };
	struct nf_error err;

	if (syncq_add_local(r->queue, &feed, f, &err) != NF_OK) {
		refresh_fail(r, f, &err);
	}
}

/* Bodies fetched and waiting for the worker past which the transfers
 * wait for it: on a slow machine the bodies of a thousand feeds would
 * otherwise pile up in memory. */
#define REFRESH_QUEUE_CEILING (16u << 20)

/* Takes every outcome the worker has finished, then prints what is
 * ready. */
static void
refresh_collect(struct refresh *r)
{
	struct sync_outcome out;
	struct refresh_feed *f;
	void *user;

	while (syncq_take(r->queue, syncq_queued_bytes(r->queue) >
	                  REFRESH_QUEUE_CEILING, &user, &out)) {
		f = user;
		f->outcome = out;
		f->done = 1;
		r->ndone++;
	}
	print_ready(r);
}

/* Registers each feed in the store and reads what it remembers, through
 * the worker's handle (store), before the worker starts: one batch, so
 * one commit for every feed rather than one each, and the batch's larger
 * page cache stays off the handle that folds the front page after. */
static enum nf_status
refresh_prepare(struct refresh *r, struct store *store, struct nf_error *err)
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
	if ((st = store_batch_begin(store, err)) != NF_OK) {
		return st;
	}
	st = store_lookup_defer(store, &r->lookup_deferred, err);
	for (i = 0; i < r->nfeeds && st == NF_OK; i++) {
		f = &r->feeds[i];
		f->cf = &r->cfg->feeds[i];
		if ((f->shown_url = url_redact(f->cf->url)) == NULL) {
			st = nf_error_set(err, NF_ERR_NOMEM, "out of memory");
			break;
		}
		st = store_feed_ensure(store, f->cf->url, f->cf->title,
		                       &f->id, err);
		if (st == NF_OK) {
			st = store_feed_meta_get(store, f->id, &f->meta, err);
		}
	}
	if (st == NF_OK) {
		return store_batch_commit(store, err);
	}
	/* err says why; what was registered stays, as it did when each
	 * feed was its own commit (a failed write took the batch back) */
	store_batch_commit(store, NULL);
	return st;
}

static enum nf_status
refresh_transfers(struct refresh *r, struct nf_error *err)
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
		if (sync_feed_is_local(r->feeds[i].cf->url)) {
			continue;
		}
		req.url = r->feeds[i].cf->url;
		req.etag = r->feeds[i].meta.etag;
		req.last_modified = r->feeds[i].meta.last_modified;
		req.user = &r->feeds[i];
		st = fetch_multi_add(m, &req, err);
	}
	/* The local files go to the worker while the transfers run. */
	for (i = 0; i < r->nfeeds && st == NF_OK; i++) {
		if (sync_feed_is_local(r->feeds[i].cf->url)) {
			refresh_local(r, &r->feeds[i]);
		}
	}
	progress_show(r);
	if (st == NF_OK) {
		st = fetch_multi_step(m, err);	/* the first transfers start */
	}
	while (st == NF_OK && (fetch_multi_pending(m) > 0 ||
	                       syncq_pending(r->queue) > 0)) {
		struct fetch_waitfd done = { syncq_fd(r->queue), POLLIN, 0 };

		if (fetch_multi_pending(m) == 0) {
			syncq_flush(r->queue);	/* the last bodies are in */
		}
		st = fetch_multi_wait(m, &done, 1, -1, err);
		if (st == NF_OK) {
			st = fetch_multi_step(m, err);
		}
		refresh_collect(r);
	}
	fetch_multi_free(m);
	return st;
}

static void
on_batch_synced(void *ctx, struct store *store, const int64_t *feed_ids,
                size_t n)
{
	stories_rows_synced(ctx, store, feed_ids, n);
}

static void
on_batch_committed(void *ctx, int ok)
{
	stories_rows_committed(ctx, ok);
}

/* The worker gets a store handle of its own, which registers the feeds
 * first; this thread keeps the caller's, unused until the worker is
 * done. The worker also reads the front page's rows of each batch it
 * stores, so that the refold after the last transfer has only the feeds
 * left that stored nothing. */
static enum nf_status
refresh_start_worker(struct refresh *r, struct nf_error *err)
{
	struct store *mine = NULL;
	enum nf_status st = store_open_again(r->store, &mine, err);
	struct syncq_batch_hook hook = { on_batch_synced, on_batch_committed,
	                                 NULL };

	if (st == NF_OK) {
		st = refresh_prepare(r, mine, err);
	}
	if (st != NF_OK) {
		store_close(mine);
		return st;
	}
	/* without it the refold reads every row itself, if it folds */
	r->rows = stories_rows_new(r->cfg, r->store);
	if ((r->queue = syncq_new(mine, &r->sync, err)) == NULL) {
		return err->code;
	}
	if ((hook.ctx = r->rows) != NULL) {
		syncq_set_batch_hook(r->queue, &hook);
	}
	return NF_OK;
}

static void
refresh_free(struct refresh *r)
{
	size_t i;

	for (i = 0; i < r->nfeeds; i++) {
		free(r->feeds[i].shown_url);
		store_feed_meta_clear(&r->feeds[i].meta);
		sync_outcome_clear(&r->feeds[i].outcome);
	}
	free(r->feeds);
	sync_filter_clear(&r->killfile);
	stories_rows_free(r->rows);
}

static size_t
count_failed(const struct refresh *r)
{
	size_t i, n = 0;

	for (i = 0; i < r->nfeeds; i++) {
		n += !r->feeds[i].done ||
		     r->feeds[i].outcome.state == SYNC_ERROR;
	}
	return n;
}

/* The look-up indexes a first refresh dropped (store_lookup_defer()),
 * made again on a handle of their own while this thread folds the front
 * page: the fold needs no store, and the page's write waits its turn
 * for the write lock. */
#define REFRESH_LOOKUP_CACHE_KIB 256u

struct lookup_job {
	struct store *store;	/* the job's own handle */
	pthread_t thread;
};

static void *
lookup_main(void *arg)
{
	struct lookup_job *job = arg;

	/* failing costs look-ups speed; the next open tries again */
	store_lookup_build(job->store, NULL);
	return NULL;
}

/* 1 when the build runs on its own thread, 0 when it was not started. */
static int
lookup_start(struct store *store, struct lookup_job *job)
{
	struct nf_error err;

	if (store_open_again(store, &job->store, &err) != NF_OK) {
		return 0;
	}
	/* its sort's memory would add to the fold's peak */
	(void)store_cache_limit(job->store, REFRESH_LOOKUP_CACHE_KIB, &err);
	if (pthread_create(&job->thread, NULL, lookup_main, job) != 0) {
		store_close(job->store);
		return 0;
	}
	return 1;
}

static void
lookup_finish(struct lookup_job *job)
{
	pthread_join(job->thread, NULL);
	store_close(job->store);
}

/* Folds the front page again when what was stored changed it, so that
 * --headlines and the screens list it without folding. A failure here
 * costs only speed: they fold in memory while the kept page is stale.
 * The look-up indexes, when this refresh dropped them, are made again
 * meanwhile. */
static void
keep_stories(struct refresh *r)
{
	struct lookup_job job;
	struct nf_error err;
	int building = r->lookup_deferred && lookup_start(r->store, &job);

	nf_error_clear(&err);
	stories_update_read(r->store, r->cfg, r->rows, &err);
	if (building) {
		lookup_finish(&job);
		r->lookup_deferred = 0;
	}
}

enum nf_status
refresh_feeds(const struct config *cfg, struct store *store, FILE *report,
              size_t *nfailed, struct nf_error *err)
{
	struct refresh r = { .cfg = cfg, .store = store, .report = report };
	enum nf_status st;

	r.sync = sync_settings_of(cfg);
	r.progress = report != NULL && isatty(STDERR_FILENO);
	if (report != NULL) {
		/* A closed pipe is a write error that stops the report, not
		 * the death of a refresh with feeds still to store. For good:
		 * the report's buffer is flushed once more at exit. */
		signal(SIGPIPE, SIG_IGN);
	}
	st = sync_filter_init(&r.killfile, cfg, NULL, err);
	r.sync.killfile = &r.killfile.filter;
	if (st == NF_OK) {
		st = refresh_start_worker(&r, err);
	}
	if (st == NF_OK) {
		st = refresh_transfers(&r, err);
	}
	syncq_free(r.queue);
	if (st == NF_OK) {
		print_ready(&r);
	}
	progress_clear(&r);
	if (st == NF_OK && r.report_errno != 0 && r.report_errno != EPIPE) {
		st = nf_error_set(err, NF_ERR_IO, "cannot write the report: %s",
		                  strerror(r.report_errno));
	}
	if (nfailed != NULL) {
		*nfailed = st == NF_OK ? count_failed(&r) : 0;
	}
	if (st == NF_OK) {
		keep_stories(&r);
	}
	if (r.lookup_deferred) {
		/* failing costs look-ups speed; the next open tries again */
		store_lookup_build(store, NULL);
	}
	refresh_free(&r);
	return st;
}

enum nf_status
refresh_run(const struct nf_args *args, struct nf_error *err)
{
	struct config cfg;
	struct store *store = NULL;
	size_t nfailed = 0;
	enum nf_status st;

	if ((st = config_load(args->config_path, &cfg, err)) != NF_OK) {
		config_free(&cfg);
		return st;
	}
	if ((st = store_open(args->db_path, &store, err)) != NF_OK) {
		goto out;
	}
	if ((st = fetch_global_init(err)) != NF_OK) {
		goto out;
	}
	st = refresh_feeds(&cfg, store, stdout, &nfailed, err);
	if (st == NF_OK && nfailed > 0) {
		/* each failed feed has its "TITLE: error: REASON" line */
		st = cli_reported(err, NF_ERR_NET);
	}
	fetch_global_cleanup();
out:
	store_close(store);
	config_free(&cfg);
	return st;
}
