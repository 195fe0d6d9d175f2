#include "autoconfig.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "feeds/itempipe.h"
#include "src/item.h"

/* Raw entries in the ring. The thread wakes when a batch is waiting,
 * not at each entry: a wake-up an item cost as much as building one. */
#define PIPE_SLOTS 64
#define PIPE_BATCH 16

struct pipe_job {
	struct entry_raw raw;
	char *author;
};

/*
 * Job k lives in slot k % PIPE_SLOTS. The counters only grow: jobs
 * [taken, put) wait for the thread, [done, taken) are being copied,
 * [freed, done) are copied and wait for the parser's thread to free
 * them. put and freed are the parser's; taken and done the pipe's.
 */
struct itempipe {
	const struct feed_options *opts;
	const struct nf_feed *feed;
	feed_item_fn on_item;
	void *ctx;
	pthread_t th;
	pthread_mutex_t mu;
	pthread_cond_t can_put, can_take;
	struct pipe_job job[PIPE_SLOTS];
	size_t put, taken, done, freed;
	int closing;		/* nothing more comes */
	int stopped;		/* on_item said stop, or building failed */
	struct nf_error err;	/* building's first error */
};

static void
pipe_job_clear(struct pipe_job *j)
{
	entry_clear(&j->raw);
	free(j->author);
	j->author = NULL;
}

/* The parser's thread frees the jobs the pipe has copied, up to done. */
static void
pipe_free_to(struct itempipe *p, size_t done)
{
	for (; p->freed < done; p->freed++) {
		pipe_job_clear(&p->job[p->freed % PIPE_SLOTS]);
	}
}

/* Waits for a batch; copies the waiting jobs into to (the pipe's own
 * memory from here on), *n of them. 0 once closed and none is left. */
static int
pipe_take(struct itempipe *p, struct pipe_job *to, size_t *n, int *stopped)
{
	size_t from, k;
	int rc = 0;

	pthread_mutex_lock(&p->mu);
	while (p->put - p->taken < PIPE_BATCH && !p->closing) {
		pthread_cond_wait(&p->can_take, &p->mu);
	}
	from = p->taken;
	*n = p->put - from;
	p->taken = p->put;
	*stopped = p->stopped;
	pthread_mutex_unlock(&p->mu);
	for (k = 0; k < *n; k++) {
		const struct pipe_job *j = &p->job[(from + k) % PIPE_SLOTS];

		to[k].author = NULL;
		if (*stopped) {
			memset(&to[k].raw, 0, sizeof(to[k].raw));
		} else if (entry_copy(&to[k].raw, &j->raw) != 0 ||
		           (j->author != NULL &&
		            (to[k].author = strdup(j->author)) == NULL)) {
			rc = -1;
		}
	}
	pthread_mutex_lock(&p->mu);
	p->done = from + *n;
	pthread_cond_signal(&p->can_put);
	pthread_mutex_unlock(&p->mu);
	return *n > 0 ? (rc != 0 ? -1 : 1) : 0;
}

/* Builds and hands on the n jobs (only frees them once stopped).
 * Returns 0, 1 when on_item said stop, 2 when building failed (err). */
static int
pipe_build(struct itempipe *p, struct pipe_job *batch, size_t n, int stop,
           struct nf_error *err)
{
	size_t i;

	for (i = 0; i < n; i++) {
		struct nf_item *item = NULL;

		if (stop == 0) {
			if (entry_build(&batch[i].raw, p->opts, batch[i].author, &item,
			                err) != NF_OK) {
				stop = 2;
			} else if (p->on_item(p->ctx, p->feed, item) != 0) {
				stop = 1;
			}
		}
		pipe_job_clear(&batch[i]);
	}
	return stop;
}

static void *
pipe_run(void *arg)
{
	struct itempipe *p = arg;
	struct pipe_job batch[PIPE_SLOTS];
	struct nf_error err;
	size_t n;
	int rc, stopped, stop;

	while ((rc = pipe_take(p, batch, &n, &stopped)) != 0) {
		if (rc < 0) {
			pipe_build(p, batch, n, 2, &err);	/* frees them */
			nf_error_set(&err, NF_ERR_NOMEM, "out of memory");
			stop = 2;
		} else {
			stop = pipe_build(p, batch, n, stopped, &err);
		}
		if (stop != 0 && !stopped) {
			pthread_mutex_lock(&p->mu);
			if (stop == 2 && !p->stopped) {
				p->err = err;
			}
			p->stopped = 1;
			pthread_cond_signal(&p->can_put);
			pthread_mutex_unlock(&p->mu);
		}
	}
	return NULL;
}

struct itempipe *
itempipe_open(const struct feed_options *opts, const struct nf_feed *feed,
              feed_item_fn on_item, void *ctx)
{
	struct itempipe *p = calloc(1, sizeof(*p));

	if (p == NULL) {
		return NULL;
	}
	p->opts = opts, p->feed = feed, p->on_item = on_item, p->ctx = ctx;
	nf_error_clear(&p->err);
	pthread_mutex_init(&p->mu, NULL);
	pthread_cond_init(&p->can_put, NULL);
	pthread_cond_init(&p->can_take, NULL);
	if (pthread_create(&p->th, NULL, pipe_run, p) != 0) {
		pthread_mutex_destroy(&p->mu);
		pthread_cond_destroy(&p->can_put);
		pthread_cond_destroy(&p->can_take);
		free(p);
		return NULL;
	}
	return p;
}

/* Waits, under p->mu, for a free slot, freeing the copied jobs as the
 * pipe copies them. Returns whether the pipe has stopped. */
static int
pipe_wait_slot(struct itempipe *p)
{
	while (!p->stopped && p->put - p->freed == PIPE_SLOTS) {
		if (p->done > p->freed) {
			size_t done = p->done;

			pthread_mutex_unlock(&p->mu);
			pipe_free_to(p, done);
			pthread_mutex_lock(&p->mu);
		} else {
			pthread_cond_wait(&p->can_put, &p->mu);
		}
	}
	return p->stopped;
}

int
itempipe_put(struct itempipe *p, struct entry_raw *raw, const char *feed_author)
{
	struct pipe_job j = { .raw = *raw, .author = NULL };
	size_t done;
	int stopped;

	memset(raw, 0, sizeof(*raw));
	if (feed_author != NULL && (j.author = strdup(feed_author)) == NULL) {
		pipe_job_clear(&j);
		return -1;
	}
	pthread_mutex_lock(&p->mu);
	done = p->done;
	pthread_mutex_unlock(&p->mu);
	pipe_free_to(p, done);
	pthread_mutex_lock(&p->mu);
	stopped = pipe_wait_slot(p);
	if (!stopped) {
		p->job[p->put % PIPE_SLOTS] = j;
		if (++p->put - p->taken == PIPE_BATCH) {
			pthread_cond_signal(&p->can_take);
		}
	}
	pthread_mutex_unlock(&p->mu);
	if (stopped) {
		pipe_job_clear(&j);
	}
	return stopped;
}

enum nf_status
itempipe_close(struct itempipe *p, struct nf_error *err)
{
	enum nf_status st;

	pthread_mutex_lock(&p->mu);
	p->closing = 1;
	pthread_cond_signal(&p->can_take);
	pthread_mutex_unlock(&p->mu);
	pthread_join(p->th, NULL);
	pipe_free_to(p, p->put);	/* the pipe is gone: every job is ours */
	st = p->err.code;
	if (st != NF_OK) {
		*err = p->err;
	}
	pthread_mutex_destroy(&p->mu);
	pthread_cond_destroy(&p->can_put);
	pthread_cond_destroy(&p->can_take);
	free(p);
	return st;
}
