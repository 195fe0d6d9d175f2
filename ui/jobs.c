#include "autoconfig.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "src/html.h"
#include "src/sync.h"
#include "src/url.h"
#include "ui/jobs.h"
#include "ui/pages.h"

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

/* Syncs one feed's finished transfer (src/sync.h). */
static void
jobs_sync_fetched(struct ui *ui, struct ui_job *j, const struct fetch_result *r)
{
	const struct sync_feed feed = { .id = j->feed_id, .url = j->url };
	const struct sync_settings set = sync_settings_of(ui->cfg);
	struct sync_outcome out;

	sync_fetched(ui->store, &feed, &set, r, &out);
	jobs_remove(ui, j);
	jobs_finish_feed(ui, &out);
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

/* Syncs one file:// feed, read whole up to max-size (src/sync.h). */
static void
jobs_sync_local(struct ui *ui, struct ui_job *j)
{
	const struct sync_feed feed = { .id = j->feed_id, .url = j->url };
	const struct sync_settings set = sync_settings_of(ui->cfg);
	struct sync_outcome out;

	sync_local(ui->store, &feed, &set, &out);
	jobs_remove(ui, j);
	jobs_finish_feed(ui, &out);
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
			jobs_sync_local(ui, &ui->jobs[i]);
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
