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
 * [taken, put) wait for the thread, [done, taken) are being built from,
 * [freed, done) are built and wait for the parser's thread to free them.
 * put and freed are the parser's, taken and done the pipe's; a slot is
 * written again only once its job is freed.
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

/* The parser's thread frees the jobs the pipe is done with, up to done. */
static void
pipe_free_to(struct itempipe *p, size_t done)
{
	for (; p->freed < done; p->freed++) {
		pipe_job_clear(&p->job[p->freed % PIPE_SLOTS]);
	}
}

/* Waits for a batch of jobs: [*from, *from + n), 0 once closed and none
 * is left; *stopped tells whether the pipe stopped. */
static size_t
pipe_take(struct itempipe *p, size_t *from, int *stopped)
{
	size_t n;

	pthread_mutex_lock(&p->mu);
	while (p->put - p->taken < PIPE_BATCH && !p->closing) {
		pthread_cond_wait(&p->can_take, &p->mu);
	}
	*from = p->taken;
	n = p->put - p->taken;
	p->taken = p->put;
	*stopped = p->stopped;
	pthread_mutex_unlock(&p->mu);
	return n;
}

/* Builds job j and hands its item on (unless stop is already set).
 * Returns 0, 1 when on_item said stop, 2 when building failed (err). */
static int
pipe_build(struct itempipe *p, const struct pipe_job *j, int stop,
           struct nf_error *err)
{
	struct nf_item *item = NULL;

	if (stop != 0) {
		return stop;
	}
	if (entry_build_shared(&j->raw, p->opts, j->author, &item, err) != NF_OK) {
		return 2;
	}
	return p->on_item(p->ctx, p->feed, item) != 0;
}

/* Marks the jobs before k done, and stop (when set) as the pipe's; the
 * first error is kept. */
static void
pipe_done(struct itempipe *p, size_t k, int stop, const struct nf_error *err)
{
	pthread_mutex_lock(&p->mu);
	p->done = k;
	if (stop == 2 && !p->stopped) {
		p->err = *err;
	}
	p->stopped |= stop != 0;
	pthread_cond_signal(&p->can_put);
	pthread_mutex_unlock(&p->mu);
}

static void *
pipe_run(void *arg)
{
	struct itempipe *p = arg;
	struct nf_error err;
	size_t from, n, k;
	int stopped, stop;

	while ((n = pipe_take(p, &from, &stopped)) > 0) {
		for (k = from, stop = stopped; k < from + n; k++) {
			stop = pipe_build(p, &p->job[k % PIPE_SLOTS], stop, &err);
			pipe_done(p, k + 1, stop, &err);
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

/* Under p->mu: frees the jobs the pipe is done with (the lock let go
 * meanwhile), waiting for one when every slot is taken. Returns whether
 * the pipe has stopped. */
static int
pipe_wait_slot(struct itempipe *p)
{
	for (;;) {
		if (p->done > p->freed) {
			size_t done = p->done;

			pthread_mutex_unlock(&p->mu);
			pipe_free_to(p, done);
			pthread_mutex_lock(&p->mu);
		} else if (p->stopped || p->put - p->freed < PIPE_SLOTS) {
			return p->stopped;
		} else {
			pthread_cond_wait(&p->can_put, &p->mu);
		}
	}
}

int
itempipe_put(struct itempipe *p, struct entry_raw *raw, const char *feed_author)
{
	struct pipe_job j = { .raw = *raw, .author = NULL };
	int stopped;

	memset(raw, 0, sizeof(*raw));
	if (feed_author != NULL && (j.author = strdup(feed_author)) == NULL) {
		pipe_job_clear(&j);
		return -1;
	}
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
