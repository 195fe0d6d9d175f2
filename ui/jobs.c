#include "autoconfig.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "feeds/feed.h"
#include "src/buf.h"
#include "src/html.h"
#include "src/url.h"
#include "ui/jobs.h"

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

	if (ui->batch_total > 0 && ui->batch_done >= ui->batch_total) {
		ui->batch_total = ui->batch_done = ui->batch_failed = 0;
		ui->batch_new = 0;
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

/* Parses one feed's bytes and stores them; returns why it failed, or
 * NULL. */
static const char *
jobs_store_feed(struct ui *ui, int64_t feed_id, const char *url,
                const char *body, size_t len, const char *charset,
                const char *base, struct nf_error *err)
{
	const struct feed_options opts = {
		.source = url,
		.base_url = base != NULL ? base : url,
		.charset = charset,
		.fold_threshold = ui->cfg->fold_threshold,
		.max_size = (size_t)ui->cfg->max_size,
	};
	struct nf_feed *feed = NULL;
	size_t added = 0;
	enum nf_status st;

	st = feed_parse(body, len, &opts, &feed, err);
	if (st == NF_OK) {
		st = store_feed_update(ui->store, feed_id, feed,
		                       (int)ui->cfg->max_items, ui->cfg->prune_unread,
		                       &added, err);
	}
	feed_free(feed);
	ui->batch_new += added;
	return st == NF_OK ? NULL : err->msg;
}

/* Records what this fetch learnt: validators, time, error. */
static void
jobs_save_meta(struct ui *ui, int64_t feed_id, const char *error,
               const char *etag, const char *last_modified)
{
	struct store_feed_meta meta = { 0 };
	struct nf_error err;

	if (store_feed_meta_get(ui->store, feed_id, &meta, &err) != NF_OK) {
		return;
	}
	if (error == NULL && (etag != NULL || last_modified != NULL)) {
		nf_strset(&meta.etag, etag);
		nf_strset(&meta.last_modified, last_modified);
	}
	meta.last_fetch = (int64_t)time(NULL);
	nf_strset(&meta.last_error, error);
	if (store_feed_meta_set(ui->store, feed_id, &meta, &err) != NF_OK) {
		ui_status(ui, 1, "%s", err.msg);
	}
	store_feed_meta_clear(&meta);
}

/* Hands an http(s) job to the fetcher, with the feed's validators. */
static enum nf_status
jobs_start(struct ui *ui, struct ui_job *j, struct nf_error *err)
{
	struct store_feed_meta meta = { 0 };
	struct fetch_request req = { .url = j->url, .user = jobs_tag(j) };
	enum nf_status st;

	if (j->feed_id != 0 &&
	    store_feed_meta_get(ui->store, j->feed_id, &meta, err) == NF_OK) {
		req.etag = meta.etag;
		req.last_modified = meta.last_modified;
	}
	st = fetch_multi_add(ui->fetch, &req, err);
	store_feed_meta_clear(&meta);
	j->running = st == NF_OK;
	return st;
}

static void
jobs_finish_feed(struct ui *ui, const char *error)
{
	ui->batch_done++;
	ui->batch_failed += error != NULL;
	ui->dirty_status = ui->dirty_body = 1;
	if (ui->batch_done < ui->batch_total) {
		return;
	}
	ui_refresh_all(ui);
	ui_status(ui, ui->batch_failed > 0, "%zu feed%s: %zu new%s%zu failed",
	          ui->batch_total, ui->batch_total == 1 ? "" : "s", ui->batch_new,
	          ui->batch_failed ? ", " : " — ", ui->batch_failed);
}

/* Hands a read-more page to the screen that asked for it. */
static void
jobs_deliver_page(struct ui *ui, unsigned request, const char *body, size_t len,
                  const char *reason)
{
	char *text = body != NULL ? html_article_text(body, len) : NULL;
	int i;

	if (body != NULL && text == NULL) {
		reason = "the page has no readable text";
	}
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

void
jobs_on_done(void *ctx, struct fetch_result *r)
{
	struct ui *ui = ctx;
	struct ui_job *j = jobs_find(ui, r->user);
	const char *error = NULL;
	struct nf_error err;

	if (j == NULL) {
		return;
	}
	if (j->feed_id == 0) {
		jobs_deliver_page(ui, j->request, r->body, r->len,
		                  r->outcome == FETCH_FAILED ? r->err.msg : NULL);
		jobs_remove(ui, j);
		return;
	}
	if (r->outcome == FETCH_FAILED) {
		error = r->err.msg;
	} else if (r->outcome == FETCH_OK) {
		error = jobs_store_feed(ui, j->feed_id, j->url, r->body, r->len,
		                        r->charset, r->effective_url, &err);
	}
	jobs_save_meta(ui, j->feed_id, error, r->etag, r->last_modified);
	jobs_remove(ui, j);
	jobs_finish_feed(ui, error);
}

/* Reads a file:// feed whole, up to max-size. */
static void
jobs_read_file(struct ui *ui, struct ui_job *j)
{
	char *path = url_file_path(j->url), chunk[65536];
	struct buf b;
	struct nf_error err = { 0 };
	const char *error = NULL;
	FILE *f = path != NULL ? fopen(path, "rb") : NULL;
	size_t n;
	int64_t feed_id = j->feed_id;

	buf_init(&b, (size_t)ui->cfg->max_size + 1);
	if (f == NULL) {
		nf_error_set(&err, NF_ERR_IO, "cannot open %s", path != NULL ? path : j->url);
		error = err.msg;
	}
	while (error == NULL && (n = fread(chunk, 1, sizeof(chunk), f)) > 0) {
		if (buf_add(&b, chunk, n) != NF_OK) {
			nf_error_set(&err, NF_ERR_TOO_LARGE, "too large (over %ld bytes)",
			             ui->cfg->max_size);
			error = err.msg;
		}
	}
	if (f != NULL) {
		fclose(f);
	}
	if (error == NULL) {
		error = jobs_store_feed(ui, feed_id, j->url, b.data, b.len, NULL,
		                        j->url, &err);
	}
	buf_free(&b);
	free(path);
	jobs_remove(ui, j);
	jobs_save_meta(ui, feed_id, error, NULL, NULL);
	jobs_finish_feed(ui, error);
}

/* A feed the user listed as file:// is read here, never by the fetcher;
 * a read-more link always goes to the fetcher, which takes http(s) only. */
static int
jobs_is_local(const struct ui_job *j)
{
	return j->feed_id != 0 && url_is_file(j->url);
}

int
jobs_pump(struct ui *ui)
{
	struct nf_error err;
	size_t i;

	for (i = 0; i < ui->njobs; i++) {
		struct ui_job *j = &ui->jobs[i];

		if (!j->running && !jobs_is_local(j) && jobs_start(ui, j, &err) != NF_OK) {
			ui_status(ui, 1, "%s", err.msg);
		}
	}
	for (i = 0; i < ui->njobs; i++) {
		if (jobs_is_local(&ui->jobs[i])) {
			jobs_read_file(ui, &ui->jobs[i]);
			break;
		}
	}
	for (i = 0; i < ui->njobs; i++) {
		if (jobs_is_local(&ui->jobs[i])) {
			return 1;
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
}
