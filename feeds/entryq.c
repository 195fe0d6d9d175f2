#include "autoconfig.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/xmlerror.h>

#include "feeds/entryq.h"

/* Entries in flight: enough that neither thread waits for the other on
 * an item that takes long, few enough that their text stays small. */
#define ENTRYQ_SLOTS 64
/* An idle thread is woken for this many entries, or a drain: waking it
 * for each one cost more than building it. The first entry after a
 * drain wakes it at once, since it has nothing else to do. */
#define ENTRYQ_BATCH 16

/*
 * One entry handed over, with the feed's author and metadata as they
 * were at its end tag. A slot keeps its copy of the metadata from one
 * round to the next and copies again only what changed, which after the
 * channel's head is nothing.
 */
struct entryq_slot {
	struct entry_raw raw;
	char *feed_author;
	struct nf_feed meta;
};

struct entryq {
	const struct feed_options *opts;
	feed_item_fn on_item;
	void *ctx;
	pthread_t thread;
	pthread_mutex_t lock;
	pthread_cond_t more;	/* an entry was handed over, or closing */
	pthread_cond_t room;	/* an entry is out */
	/* Under lock: entries put and entries out, counted from the start;
	 * the slot of entry n is slots[n % ENTRYQ_SLOTS]. */
	size_t put, out;
	int worker_idle;	/* the worker waits for more */
	int producer_waits;	/* the producer waits for room or a drain */
	int draining;
	int fresh;		/* no entry put since the last drain */
	int stopped;
	int closing;
	enum nf_status status;
	struct nf_error err;
	struct entryq_slot slots[ENTRYQ_SLOTS];
};

/* libxml2's error handlers are per thread: the HTML parser on this one
 * stays as quiet as main() made the first. */
static void
quiet(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

static void
quiet_structured(void *ctx, xmlErrorPtr error)
{
	(void)ctx;
	(void)error;
}

/* Builds the slot's entry and hands the item out; -1 to stop. */
static int
build(struct entryq *q, struct entryq_slot *s)
{
	struct nf_item *item = NULL;
	struct nf_error err;
	enum nf_status st;

	st = entry_build(&s->raw, q->opts, s->feed_author, &item, &err);
	if (st != NF_OK) {
		pthread_mutex_lock(&q->lock);
		q->status = st;
		q->err = err;
		pthread_mutex_unlock(&q->lock);
		return -1;
	}
	return q->on_item(q->ctx, &s->meta, item) != 0 ? -1 : 0;
}

static void *
worker(void *arg)
{
	struct entryq *q = arg;
	struct entryq_slot *s;
	int stop = 0;

	xmlSetGenericErrorFunc(NULL, quiet);
	xmlSetStructuredErrorFunc(NULL, quiet_structured);
	pthread_mutex_lock(&q->lock);
	for (;;) {
		while (q->out == q->put && !q->closing) {
			q->worker_idle = 1;
			pthread_cond_wait(&q->more, &q->lock);
			q->worker_idle = 0;
		}
		if (q->out == q->put) {
			break;
		}
		s = &q->slots[q->out % ENTRYQ_SLOTS];
		stop = q->stopped;
		pthread_mutex_unlock(&q->lock);
		if (stop || build(q, s) != 0) {
			entry_clear(&s->raw);
			stop = 1;
		}
		pthread_mutex_lock(&q->lock);
		q->stopped |= stop;
		q->out++;
		if (q->producer_waits && (q->out == q->put || q->stopped ||
		    (!q->draining && q->put - q->out <= ENTRYQ_SLOTS / 2))) {
			pthread_cond_signal(&q->room);
		}
	}
	pthread_mutex_unlock(&q->lock);
	return NULL;
}

struct entryq *
entryq_new(const struct feed_options *opts, feed_item_fn on_item, void *ctx)
{
	struct entryq *q = calloc(1, sizeof(*q));

	if (q == NULL) {
		return NULL;
	}
	q->opts = opts;
	q->on_item = on_item;
	q->ctx = ctx;
	q->fresh = 1;
	pthread_mutex_init(&q->lock, NULL);
	pthread_cond_init(&q->more, NULL);
	pthread_cond_init(&q->room, NULL);
	/* libxml2 sets up its globals once, before a second thread parses */
	xmlInitParser();
	if (pthread_create(&q->thread, NULL, worker, q) != 0) {
		pthread_cond_destroy(&q->room);
		pthread_cond_destroy(&q->more);
		pthread_mutex_destroy(&q->lock);
		free(q);
		return NULL;
	}
	return q;
}

/* *slot becomes a copy of s unless it holds the same text already. */
static int
copy_changed(char **slot, const char *s)
{
	if (*slot == NULL ? s == NULL : s != NULL && strcmp(*slot, s) == 0) {
		return 0;
	}
	return nf_strset(slot, s);
}

static int
slot_fill(struct entryq_slot *s, struct entry_raw *raw, const char *feed_author,
          const struct nf_feed *meta)
{
	s->raw = *raw;
	memset(raw, 0, sizeof(*raw));
	s->meta.format = meta->format;
	s->meta.fields_dropped = meta->fields_dropped;
	return copy_changed(&s->feed_author, feed_author) != 0 ||
	       copy_changed(&s->meta.source, meta->source) != 0 ||
	       copy_changed(&s->meta.title, meta->title) != 0 ||
	       copy_changed(&s->meta.link, meta->link) != 0 ||
	       copy_changed(&s->meta.description, meta->description) != 0 ||
	       copy_changed(&s->meta.author, meta->author) != 0 ? -1 : 0;
}

int
entryq_put(struct entryq *q, struct entry_raw *raw, const char *feed_author,
           const struct nf_feed *meta)
{
	struct entryq_slot *s;
	int stopped;

	pthread_mutex_lock(&q->lock);
	while (q->put - q->out == ENTRYQ_SLOTS && !q->stopped) {
		q->producer_waits = 1;
		pthread_cond_wait(&q->room, &q->lock);
		q->producer_waits = 0;
	}
	stopped = q->stopped;
	pthread_mutex_unlock(&q->lock);
	/* the slot at put is the producer's until put moves on */
	s = &q->slots[q->put % ENTRYQ_SLOTS];
	if (stopped || slot_fill(s, raw, feed_author, meta) != 0) {
		entry_clear(raw);
		entry_clear(&s->raw);
		pthread_mutex_lock(&q->lock);
		if (!q->stopped) {
			q->stopped = 1;
			q->status = nf_error_set(&q->err, NF_ERR_NOMEM, "out of memory");
		}
		pthread_mutex_unlock(&q->lock);
		return -1;
	}
	pthread_mutex_lock(&q->lock);
	q->put++;
	if (q->worker_idle && (q->fresh || q->put - q->out >= ENTRYQ_BATCH)) {
		pthread_cond_signal(&q->more);
	}
	q->fresh = 0;
	pthread_mutex_unlock(&q->lock);
	return 0;
}

enum nf_status
entryq_drain(struct entryq *q, int *stopped, struct nf_error *err)
{
	enum nf_status st;

	pthread_mutex_lock(&q->lock);
	if (q->worker_idle && q->out != q->put) {
		pthread_cond_signal(&q->more);
	}
	q->draining = 1;
	while (q->out != q->put) {
		q->producer_waits = 1;
		pthread_cond_wait(&q->room, &q->lock);
		q->producer_waits = 0;
	}
	q->draining = 0;
	q->fresh = 1;
	*stopped = q->stopped;
	st = q->status;
	if (st != NF_OK) {
		*err = q->err;
	}
	pthread_mutex_unlock(&q->lock);
	return st;
}

void
entryq_free(struct entryq *q)
{
	size_t i;

	if (q == NULL) {
		return;
	}
	pthread_mutex_lock(&q->lock);
	q->stopped = 1;
	q->closing = 1;
	pthread_cond_signal(&q->more);
	pthread_mutex_unlock(&q->lock);
	pthread_join(q->thread, NULL);
	for (i = 0; i < ENTRYQ_SLOTS; i++) {
		struct entryq_slot *s = &q->slots[i];

		entry_clear(&s->raw);
		free(s->feed_author);
		free(s->meta.source);
		free(s->meta.title);
		free(s->meta.link);
		free(s->meta.description);
		free(s->meta.author);
	}
	pthread_cond_destroy(&q->room);
	pthread_cond_destroy(&q->more);
	pthread_mutex_destroy(&q->lock);
	free(q);
}
