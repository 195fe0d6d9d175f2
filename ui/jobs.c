#include "autoconfig.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "src/download.h"
#include "src/html.h"
#include "src/sync.h"
#include "src/syncq.h"
#include "src/url.h"
#include "ui/jobs.h"
#include "ui/notify.h"
#include "ui/pages.h"

/* One enclosure downloading, and what the status line last said of it. */
struct ui_download {
	struct download *d;
	char *url;
	long long shown;	/* bytes when last told; -1 never */
};

/* fetch_request.user: a feed's id, or minus a read-more request. */
static void *
jobs_tag(const struct ui_job *j)
{
	return (void *)(intptr_t)(j->feed_id != 0 ? j->feed_id : -(int64_t)j->request);
}

static struct ui_job *
jobs_find(struct ui *ui, void *tag)
{
	size_t i;

	for (i = 0; i < ui->njobs; i++) {
		if (jobs_tag(&ui->jobs[i]) == tag) {
			return &ui->jobs[i];
		}
	}
	return NULL;
}

static void
jobs_remove(struct ui *ui, struct ui_job *j)
{
	free(j->url);
	*j = ui->jobs[--ui->njobs];
}

static int
jobs_add(struct ui *ui, int64_t feed_id, unsigned request, const char *url)
{
	struct ui_job *j = realloc(ui->jobs, (ui->njobs + 1) * sizeof(*j));

	if (j == NULL) {
		return -1;
	}
	ui->jobs = j;
	j = &ui->jobs[ui->njobs];
	memset(j, 0, sizeof(*j));
	if ((j->url = strdup(url)) == NULL) {
		return -1;
	}
	j->feed_id = feed_id;
	j->request = request;
	ui->njobs++;
	return 0;
}

int
ui_feed_is_fetching(const struct ui *ui, int64_t feed_id)
{
	size_t i;

	for (i = 0; i < ui->njobs; i++) {
		if (ui->jobs[i].feed_id != 0 &&
		    (feed_id == 0 || ui->jobs[i].feed_id == feed_id)) {
			return 1;
		}
	}
	return 0;
}

/* The id of a configured feed (the dotfile's title kept). */
static int64_t
jobs_feed_id(struct ui *ui, const struct config_feed *f)
{
	int64_t id = 0;
	struct nf_error err;

	if (store_feed_ensure(ui->store, f->url, f->title, &id, &err) != NF_OK) {
		ui_status(ui, 1, "%s", err.msg);
		return 0;
	}
	return id;
}

void
ui_reload(struct ui *ui, int64_t feed_id)
{
	size_t i, before = ui->njobs;

	if (store_is_read_only(ui->store)) {
		ui_status(ui, 1, "read-only database: nothing is fetched");
		return;
	}

	if (ui->batch_total > 0 && ui->batch_done >= ui->batch_total) {
		ui->batch_total = ui->batch_done = ui->batch_failed = 0;
		ui->batch_new = 0;
		ui->batch_feeds_new = 0;
	}
	for (i = 0; i < ui->cfg->nfeeds; i++) {
		const char *url = ui->cfg->feeds[i].url;
		int64_t id = jobs_feed_id(ui, &ui->cfg->feeds[i]);

		if (id == 0 || (feed_id != 0 && id != feed_id) ||
		    ui_feed_is_fetching(ui, id)) {
			continue;
		}
		if (jobs_add(ui, id, 0, url) != 0) {
			ui_status(ui, 1, "out of memory");
			break;
		}
	}
	ui->batch_total += ui->njobs - before;
	if (ui->njobs == before && feed_id != 0) {
		ui_status(ui, 0, "this feed is not in the dotfile, or is being fetched");
	}
	ui->dirty_status = ui->dirty_body = 1;
}

unsigned
ui_fetch_page(struct ui *ui, const char *url)
{
	unsigned request = ++ui->next_request;

	if (request == 0) {
		request = ++ui->next_request;
	}
	return jobs_add(ui, 0, request, url) == 0 ? request : 0;
}

/* Hands an http(s) job to the fetcher, with the feed's validators. */
static enum nf_status
jobs_start(struct ui *ui, struct ui_job *j, struct nf_error *err)
{
	struct store_feed_meta meta = { 0 };
	struct fetch_request req = { .url = j->url, .user = jobs_tag(j) };
	struct store_page kept = { 0 };
	enum nf_status st;

	if (j->feed_id != 0 &&
	    store_feed_meta_get(ui->store, j->feed_id, &meta, err) == NF_OK) {
		req.etag = meta.etag;
		req.last_modified = meta.last_modified;
	}
	if (j->feed_id == 0) {
		pages_ask(ui->store, &req, &kept);	/* a kept page's validators */
	}
	st = fetch_multi_add(ui->fetch, &req, err);
	store_feed_meta_clear(&meta);
	store_page_clear(&kept);
	j->running = st == NF_OK;
	return st;
}

/* Counts one feed's outcome in the batch, and clears it. */
static void
jobs_finish_feed(struct ui *ui, struct sync_outcome *out)
{
	ui->batch_new += out->new_count;
	ui->batch_feeds_new += out->new_count > 0;
	ui->batch_done++;
	ui->batch_failed += out->state == SYNC_ERROR;
	sync_outcome_clear(out);
	ui->dirty_status = ui->dirty_body = 1;
	if (ui->batch_done < ui->batch_total) {
		return;
	}
	ui_refresh_all(ui);
	ui_status(ui, ui->batch_failed > 0, "%zu feed%s: %zu new%s%zu failed",
	          ui->batch_total, ui->batch_total == 1 ? "" : "s", ui->batch_new,
	          ui->batch_failed ? ", " : " — ", ui->batch_failed);
	if (ui->batch_new > 0 &&
	    notify_new_items(ui->cfg, ui->batch_new, ui->batch_feeds_new) != 0) {
		ui_status(ui, 1, "notify: cannot start it");
	}
}

/* Hands a read-more page's text (or NULL and why) to the screen that
 * asked for it. */
static void
jobs_deliver_page(struct ui *ui, unsigned request, char *text,
                  const char *reason)
{
	int i;
	for (i = ui->depth - 1; i >= 0; i--) {
		struct screen *s = ui->stack[i];

		if (s->ops->page != NULL && s->ops->page(s, ui, request, text, reason)) {
			text = NULL;
			break;
		}
	}
	free(text);
	ui->dirty_body = ui->dirty_top = 1;
}

/* The worker, started with the first feed to sync: its own store
 * handle, the dotfile's settings. NULL (said in the status line) when it
 * cannot start. */
static struct syncq *
jobs_queue(struct ui *ui)
{
	const struct sync_settings set = sync_settings_of(ui->cfg);
	struct store *store = NULL;
	struct nf_error err;

	if (ui->sync == NULL &&
	    (store_open_again(ui->store, &store, &err) != NF_OK ||
	     (ui->sync = syncq_new(store, &set, &err)) == NULL)) {
		ui_status(ui, 1, "%s", err.msg);
	}
	return ui->sync;
}

/* A feed that could not be handed to the worker fails at once. */
static void
jobs_fail_feed(struct ui *ui, struct ui_job *j, const char *why)
{
	struct sync_outcome out = { .state = SYNC_ERROR };

	nf_error_set(&out.error, NF_ERR_NOMEM, "%s", why);
	jobs_remove(ui, j);
	jobs_finish_feed(ui, &out);
}

/* Hands one feed's finished transfer to the worker (src/syncq.h); the
 * job stays listed, so the feed reads as fetching, until it is stored. */
static void
jobs_sync_fetched(struct ui *ui, struct ui_job *j, struct fetch_result *r)
{
	const struct sync_feed feed = { .id = j->feed_id, .url = j->url,
		.filter_cmd = sync_filter_cmd_of(ui->cfg, j->url) };
	struct syncq *q = jobs_queue(ui);
	struct nf_error err;

	if (q == NULL) {
		jobs_fail_feed(ui, j, "cannot start the sync worker");
	} else if (syncq_add_fetched(q, &feed, jobs_tag(j), r, &err) != NF_OK) {
		jobs_fail_feed(ui, j, err.msg);
	}
}

void
jobs_on_done(void *ctx, struct fetch_result *r)
{
	struct ui *ui = ctx;
	struct ui_job *j = jobs_find(ui, r->user);
	const char *reason;
	char *text;

	if (j == NULL) {
		return;
	}
	if (j->feed_id != 0) {
		jobs_sync_fetched(ui, j, r);
		return;
	}
	/* A read-more page is an HTML page, not a feed: its text goes to the
	 * screen that asked for it, and is kept among the store's pages. */
	reason = NULL;
	text = pages_text(ui->store, r, &reason);
	jobs_deliver_page(ui, j->request, text, reason);
	jobs_remove(ui, j);
}

/* Hands one file:// feed to the worker, which reads it whole up to
 * max-size (src/sync.h). */
static void
jobs_sync_local(struct ui *ui, struct ui_job *j)
{
	const struct sync_feed feed = { .id = j->feed_id, .url = j->url,
		.filter_cmd = sync_filter_cmd_of(ui->cfg, j->url) };
	struct syncq *q = jobs_queue(ui);
	struct nf_error err;

	j->running = 1;
	if (q == NULL) {
		jobs_fail_feed(ui, j, "cannot start the sync worker");
	} else if (syncq_add_local(q, &feed, jobs_tag(j), &err) != NF_OK) {
		jobs_fail_feed(ui, j, err.msg);
	}
}

/* Takes every feed the worker has finished. */
static void
jobs_collect(struct ui *ui)
{
	struct sync_outcome out;
	struct ui_job *j;
	void *tag;

	while (ui->sync != NULL && syncq_take(ui->sync, 0, &tag, &out)) {
		if ((j = jobs_find(ui, tag)) != NULL) {
			jobs_remove(ui, j);
		}
		jobs_finish_feed(ui, &out);
	}
}

int
jobs_fd(const struct ui *ui)
{
	return ui->sync != NULL ? syncq_fd(ui->sync) : -1;
}

/* A feed the user listed as file:// is read here, never by the fetcher;
 * a read-more link always goes to the fetcher, which takes http(s) only. */
static int
jobs_is_local(const struct ui_job *j)
{
	return j->feed_id != 0 && sync_feed_is_local(j->url);
}

/* ---- enclosure downloads ------------------------------------------ */

/* The download's thread wakes the loop's one wait, which then comes
 * round to jobs_pump(). */
static void
jobs_wake(void *ctx)
{
	struct ui *ui = ctx;

	fetch_multi_wakeup(ui->fetch);
}

/* "12.3 MB" */
static void
jobs_size(char *out, size_t n, long long bytes)
{
	if (bytes < 1000) {
		snprintf(out, n, "%lld bytes", bytes);
	} else if (bytes < 1000 * 1000) {
		snprintf(out, n, "%.1f kB", (double)bytes / 1e3);
	} else if (bytes < 1000LL * 1000 * 1000) {
		snprintf(out, n, "%.1f MB", (double)bytes / 1e6);
	} else {
		snprintf(out, n, "%.2f GB", (double)bytes / 1e9);
	}
}

/* "downloading NAME: 45% (4.5 MB of 10.0 MB)" */
static void
jobs_tell_progress(struct ui *ui, const struct download_progress *p)
{
	char have[32], total[32];

	jobs_size(have, sizeof(have), p->have);
	if (p->total > 0) {
		jobs_size(total, sizeof(total), p->total);
		ui_status(ui, 0, "downloading %s: %lld%% (%s of %s)", p->name,
		          p->have * 100 / p->total, have, total);
	} else {
		ui_status(ui, 0, "downloading %s: %s", p->name, have);
	}
}

/* Says how each download stands: progress when it moved, then where
 * the file is or why it failed, and frees the finished. */
static void
jobs_downloads(struct ui *ui)
{
	struct download_progress p;
	size_t i = 0;

	while (i < ui->ndownloads) {
		struct ui_download *u = &ui->downloads[i];

		download_get(u->d, &p);
		if (!p.done) {
			if (p.have != u->shown) {
				u->shown = p.have;
				jobs_tell_progress(ui, &p);
			}
			i++;
			continue;
		}
		if (p.status == NF_OK) {
			ui_status(ui, 0, "downloaded %s", p.msg);
		} else {
			ui_status(ui, 1, "download of %s failed: %s", p.name, p.msg);
		}
		download_free(u->d);
		free(u->url);
		*u = ui->downloads[--ui->ndownloads];
	}
}

/* download-dir with a leading ~/ expanded, else
 * $XDG_DATA_HOME/newsfold/downloads; a new string or NULL. */
static char *
jobs_download_dir(const struct config *cfg)
{
	if (cfg->download_dir != NULL && cfg->download_dir[0] != '\0') {
		return ui_expand_home(cfg->download_dir);
	}
	return ui_data_dir("downloads");
}

void
ui_download(struct ui *ui, const char *url)
{
	struct download_options o = {
		.url = url,
		.max_size = (size_t)ui->cfg->download_max_size,
		.timeout_ms = ui->cfg->timeout * 1000,
		.wake = jobs_wake,
		.wake_ctx = ui,
	};
	struct ui_download *more;
	struct nf_error err;
	char *dir;
	size_t i;

	if (!url_is_http(url)) {
		ui_status(ui, 1, "not downloading a link that is not http(s)");
		return;
	}
	for (i = 0; i < ui->ndownloads; i++) {
		if (strcmp(ui->downloads[i].url, url) == 0) {
			ui_status(ui, 0, "already downloading %s", url);
			return;
		}
	}
	if ((o.dir = dir = jobs_download_dir(ui->cfg)) == NULL) {
		ui_status(ui, 1, "no folder to download into: set download-dir,"
		          " XDG_DATA_HOME or HOME");
		return;
	}
	more = realloc(ui->downloads, (ui->ndownloads + 1) * sizeof(*more));
	if (more != NULL) {
		ui->downloads = more;
		more += ui->ndownloads;
		more->shown = -1;
		more->url = strdup(url);
	}
	if (more == NULL || more->url == NULL) {
		ui_status(ui, 1, "out of memory");
	} else if ((more->d = download_start(&o, &err)) == NULL) {
		free(more->url);
		ui_status(ui, 1, "download: %s", err.msg);
	} else {
		ui->ndownloads++;
		ui_status(ui, 0, "downloading %s into %s", url, dir);
	}
	free(dir);
}

int
jobs_pump(struct ui *ui)
{
	struct nf_error err;
	size_t i, before;

	jobs_collect(ui);
	jobs_downloads(ui);
	for (i = 0; i < ui->njobs; i++) {
		struct ui_job *j = &ui->jobs[i];

		if (!j->running && !jobs_is_local(j) && jobs_start(ui, j, &err) != NF_OK) {
			ui_status(ui, 1, "%s", err.msg);
		}
	}
	for (i = 0; i < ui->njobs; i++) {
		struct ui_job *j = &ui->jobs[i];

		if (jobs_is_local(j) && !j->running) {
			before = ui->njobs;
			jobs_sync_local(ui, j);
			i -= ui->njobs < before;	/* another job moved into i */
		}
	}
	return 0;
}

void
jobs_free(struct ui *ui)
{
	size_t i;

	for (i = 0; i < ui->njobs; i++) {
		free(ui->jobs[i].url);
	}
	free(ui->jobs);
	ui->jobs = NULL;
	ui->njobs = 0;
	/* a download cut here goes on from its .part next time */
	for (i = 0; i < ui->ndownloads; i++) {
		download_free(ui->downloads[i].d);
		free(ui->downloads[i].url);
	}
	free(ui->downloads);
	ui->downloads = NULL;
	ui->ndownloads = 0;
	syncq_free(ui->sync);
	ui->sync = NULL;
}
