#include "autoconfig.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/xmlerror.h>

#include "feeds/entryq.h"

/* Entries in flight: enough that neither thread waits for the other on
 * an item that takes long, few enough that their text stays small. */
#define ENTRYQ_SLOTS 64
/* An idle builder is woken for this many entries, or a drain: waking it
 * for each one cost more than building it. The first entry after a
 * drain wakes it at once, since it has nothing else to do. */
#define ENTRYQ_BATCH 16

/*
 * One entry on its way: put by the parser's thread with the feed's
 * author and metadata as they were at its end tag, built on the queue's
 * thread into item (or st), handed out by the parser's thread. A slot
 * keeps its copy of the metadata from one round to the next and copies
 * again only what changed, which after the channel's head is nothing.
 */
struct entryq_slot {
	struct entry_raw raw;
	char *feed_author;
	struct nf_feed meta;
	struct nf_item *item;
	enum nf_status st;
	struct nf_error err;
};

/*
 * Entries are counted from the start: put (by the parser's thread),
 * built (by the queue's), out (handed out by the parser's thread);
 * out <= built <= put <= out + ENTRYQ_SLOTS, and entry n lives in
 * slots[n % ENTRYQ_SLOTS]. A slot from out to built belongs to the
 * parser's thread, from built to put to the queue's.
 */
struct entryq {
	const struct feed_options *opts;
	feed_item_fn on_item;
	void *ctx;
	pthread_t thread;
	pthread_mutex_t lock;
	pthread_cond_t more;	/* an entry was put, or closing */
	pthread_cond_t built_one;	/* for a parser that waits */
	size_t put, built, out;	/* under lock */
	int builder_idle;	/* under lock */
	size_t wait_for;	/* under lock: a waiting parser wakes when
				 * built reaches it; 0: none waits */
	int fresh;		/* no entry put since the last drain */
	int stopped;		/* under lock: build no more */
	int closing;		/* under lock */
	enum nf_status status;	/* the first failure handed out */
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

static void *
builder(void *arg)
{
	struct entryq *q = arg;
	struct entryq_slot *s;
	int stop;

	xmlSetGenericErrorFunc(NULL, quiet);
	xmlSetStructuredErrorFunc(NULL, quiet_structured);
	pthread_mutex_lock(&q->lock);
	for (;;) {
		while (q->built == q->put && !q->closing) {
			q->builder_idle = 1;
			pthread_cond_wait(&q->more, &q->lock);
			q->builder_idle = 0;
		}
		if (q->built == q->put) {
			break;
		}
		s = &q->slots[q->built % ENTRYQ_SLOTS];
		stop = q->stopped;
		pthread_mutex_unlock(&q->lock);
		s->item = NULL;
		s->st = NF_OK;
		if (stop) {
			entry_clear(&s->raw);
		} else {
			s->st = entry_build(&s->raw, q->opts, s->feed_author, &s->item, &s->err);
		}
		pthread_mutex_lock(&q->lock);
		q->built++;
		if (q->wait_for != 0 && q->built >= q->wait_for) {
			pthread_cond_signal(&q->built_one);
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
	pthread_cond_init(&q->built_one, NULL);
	/* libxml2 sets up its globals once, before a second thread parses */
	xmlInitParser();
	if (pthread_create(&q->thread, NULL, builder, q) != 0) {
		pthread_cond_destroy(&q->built_one);
		pthread_cond_destroy(&q->more);
		pthread_mutex_destroy(&q->lock);
		free(q);
		return NULL;
	}
	return q;
}

/* Records the first failure and stops the builder. */
static void
stop(struct entryq *q, enum nf_status st, const struct nf_error *err)
{
	if (st != NF_OK && q->status == NF_OK) {
		q->status = st;
		q->err = *err;
	}
	pthread_mutex_lock(&q->lock);
	q->stopped = 1;
	pthread_mutex_unlock(&q->lock);
}

/* Hands out the items built so far, in order, on the parser's thread:
 * after a stop they are dropped. */
static void
hand_out(struct entryq *q)
{
	struct entryq_slot *s;
	size_t built;
	int stopped;

	pthread_mutex_lock(&q->lock);
	built = q->built;
	stopped = q->stopped;
	pthread_mutex_unlock(&q->lock);
	for (; q->out < built; q->out++) {
		s = &q->slots[q->out % ENTRYQ_SLOTS];
		if (stopped || s->st != NF_OK) {
			item_free(s->item);
			if (!stopped) {
				stop(q, s->st, &s->err);
				stopped = 1;
			}
		} else if (q->on_item(q->ctx, &s->meta, s->item) != 0) {
			stop(q, NF_OK, NULL);
			stopped = 1;
		}
		s->item = NULL;
	}
	/* out is the parser's own; the builder reads it only through put */
}

/* Waits, with the lock held, until built reaches n. */
static void
wait_built(struct entryq *q, size_t n)
{
	while (q->built < n) {
		q->wait_for = n;
		pthread_cond_wait(&q->built_one, &q->lock);
		q->wait_for = 0;
	}
}

/* Waits, handing out what is built, until fewer than limit entries are
 * in flight. Returns whether the queue has stopped. A waiting parser
 * wakes for ENTRYQ_BATCH built entries (or the last): waking it for each
 * one as the builder frees a slot of a full queue cost more than the
 * item. */
static int
wait_below(struct entryq *q, size_t limit)
{
	size_t want;
	int stopped;

	for (;;) {
		hand_out(q);
		pthread_mutex_lock(&q->lock);
		if (q->put - q->out < limit || q->stopped) {
			break;
		}
		if (q->builder_idle) {
			pthread_cond_signal(&q->more);
		}
		want = q->put - q->out < ENTRYQ_BATCH ? q->put - q->out : ENTRYQ_BATCH;
		wait_built(q, q->out + want);
		pthread_mutex_unlock(&q->lock);
	}
	stopped = q->stopped;
	pthread_mutex_unlock(&q->lock);
	return stopped;
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
	struct nf_error err;

	if (wait_below(q, ENTRYQ_SLOTS)) {
		entry_clear(raw);
		return -1;
	}
	/* the slot at put is the parser's until put moves on */
	s = &q->slots[q->put % ENTRYQ_SLOTS];
	if (slot_fill(s, raw, feed_author, meta) != 0) {
		entry_clear(raw);
		entry_clear(&s->raw);
		stop(q, nf_error_set(&err, NF_ERR_NOMEM, "out of memory"), &err);
		return -1;
	}
	pthread_mutex_lock(&q->lock);
	q->put++;
	if (q->builder_idle && (q->fresh || q->put - q->built >= ENTRYQ_BATCH)) {
		pthread_cond_signal(&q->more);
	}
	q->fresh = 0;
	pthread_mutex_unlock(&q->lock);
	return 0;
}

enum nf_status
entryq_drain(struct entryq *q, int *stopped, struct nf_error *err)
{
	*stopped = wait_below(q, 1);
	if (*stopped) {
		/* what was put after the stop is built no more: wait it out */
		pthread_mutex_lock(&q->lock);
		wait_built(q, q->put);
		pthread_mutex_unlock(&q->lock);
		hand_out(q);
	}
	q->fresh = 1;
	if (q->status != NF_OK) {
		*err = q->err;
	}
	return q->status;
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
		item_free(s->item);
		free(s->feed_author);
		free(s->meta.source);
		free(s->meta.title);
		free(s->meta.link);
		free(s->meta.description);
		free(s->meta.author);
	}
	pthread_cond_destroy(&q->built_one);
	pthread_cond_destroy(&q->more);
	pthread_mutex_destroy(&q->lock);
	free(q);
}
