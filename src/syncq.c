#include "autoconfig.h"

#include <errno.h>
#include <fcntl.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <libxml/parser.h>

#include "src/syncq.h"

/* One feed on its way through the worker. */
struct syncq_job {
	struct syncq_job *next;
	int64_t feed_id;
	char *url;		/* the feed's, as the dotfile gives it */
	char *filter_cmd;	/* the feed's filter command, or NULL */
	int nomem;		/* a copy above failed */
	char *requested;	/* the transfer's URL, for result.url */
	void *user;
	int local;
	struct fetch_result result;	/* strings owned by the job */
	struct sync_outcome out;
};

struct syncq {
	struct store *store;	/* the worker's */
	struct sync_settings set;
	pthread_t worker;
	int started;
	pthread_mutex_t lock;
	pthread_cond_t changed;	/* a job added, finished, or stop */
	struct syncq_job *todo, **todo_tail;	/* guarded by lock */
	struct syncq_job *done, **done_tail;
	struct syncq_job *staged, **staged_tail;	/* run, their writes
				 * in the open batch (worker_flush()) */
	size_t nstaged;
	struct timespec batch_deadline;	/* when the open batch commits */
	int flush_soon;		/* syncq_flush(): commit once todo is done */
	size_t pending;		/* added, not taken */
	size_t queued_bytes;	/* bodies in todo */
	int stop;
	atomic_int cancel;	/* set.cancel: syncq_free() ends a running
				 * exec or filter program at once */
	int pipe[2];		/* one byte per finished job not taken */
	struct syncq_batch_hook hook;	/* set before the first job */
};

static void
job_free(struct syncq_job *j)
{
	if (j == NULL) {
		return;
	}
	free(j->url);
	free(j->filter_cmd);
	free(j->requested);
	free(j->result.body);
	free(j->result.content_type);
	free(j->result.charset);
	free(j->result.effective_url);
	free(j->result.etag);
	free(j->result.last_modified);
	sync_outcome_clear(&j->out);
	free(j);
}

static void
jobs_free_list(struct syncq_job *j)
{
	struct syncq_job *next;

	for (; j != NULL; j = next) {
		next = j->next;
		job_free(j);
	}
}

/* Runs one job on the worker, outside the lock. */
static void
job_run(struct syncq *q, struct syncq_job *j)
{
	const struct sync_feed feed = { .id = j->feed_id, .url = j->url,
	                                .filter_cmd = j->filter_cmd };

	if (j->local) {
		sync_local(q->store, &feed, &q->set, &j->out);
	} else {
		j->result.url = j->requested;
		sync_fetched(q->store, &feed, &q->set, &j->result, &j->out);
	}
	/* The body is spent: only the outcome waits to be taken. */
	free(j->result.body);
	j->result.body = NULL;
}

static void
worker_xml_quiet(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

static void
worker_xml_quiet_structured(void *ctx, xmlErrorPtr error)
{
	(void)ctx;
	(void)error;
}

static int
deadline_passed(const struct timespec *when)
{
	struct timespec now;

	clock_gettime(CLOCK_REALTIME, &now);
	return now.tv_sec > when->tv_sec ||
	       (now.tv_sec == when->tv_sec && now.tv_nsec >= when->tv_nsec);
}

/* How long finished feeds may wait in the open batch (store.h), and how
 * many: a thousand feeds committed one by one wrote each index page a
 * thousand times, and a batch still rewrites most leaves of the indexes
 * by link and by title, which new items reach at random (a refresh of
 * 1,000 feeds x 100 items wrote 137,000 pages in batches of 100 ms,
 * 112,000 in batches of 250 ms). The wait is what a feed's outcome may
 * lag behind its parse. */
#define SYNCQ_BATCH_MS 250
#define SYNCQ_BATCH_FEEDS 256
/* A body larger than this is parsed and stored in a transaction of its
 * own: its parse would hold the batch's write lock for long. */
#define SYNCQ_BATCH_BODY (1u << 20)

/* The time after ms milliseconds from now, for pthread_cond_timedwait. */
static struct timespec
deadline_after(long ms)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	ts.tv_sec += ms / 1000;
	ts.tv_nsec += (ms % 1000) * 1000000L;
	if (ts.tv_nsec >= 1000000000L) {
		ts.tv_sec++;
		ts.tv_nsec -= 1000000000L;
	}
	return ts;
}

/* Tells the hook which feeds the batch (the list from j on) synced. */
static void
hook_synced(struct syncq *q, const struct syncq_job *j)
{
	const struct syncq_job *k;
	int64_t *ids;
	size_t n = 0;

	if (q->hook.synced == NULL) {
		return;
	}
	for (k = j; k != NULL; k = k->next) {
		n++;
	}
	if ((ids = malloc((n + 1) * sizeof(*ids))) == NULL) {
		q->hook.committed(q->hook.ctx, 0);	/* it missed these */
		return;
	}
	for (n = 0, k = j; k != NULL; k = k->next) {
		ids[n++] = k->feed_id;
	}
	q->hook.synced(q->hook.ctx, q->store, ids, n);
	free(ids);
}

/* Commits the batch and hands its feeds out (lock held on entry and on
 * return). A failed commit lost their writes: each says so. */
static void
worker_flush(struct syncq *q)
{
	struct syncq_job *j = q->staged, *next;
	const char byte = 1;
	struct nf_error err;
	int ok;

	if (j == NULL && !store_in_batch(q->store)) {
		return;
	}
	q->staged = NULL;
	q->staged_tail = &q->staged;
	q->nstaged = 0;
	pthread_mutex_unlock(&q->lock);
	nf_error_clear(&err);
	hook_synced(q, j);
	ok = store_batch_commit(q->store, &err) == NF_OK;
	if (q->hook.committed != NULL) {
		q->hook.committed(q->hook.ctx, ok);
	}
	if (!ok) {
		for (next = j; next != NULL; next = next->next) {
			if (next->out.state != SYNC_ERROR) {
				next->out.state = SYNC_ERROR;
				next->out.new_count = next->out.ignored = 0;
				nf_error_set(&next->out.error, err.code, "%s",
				             err.msg);
			}
		}
	}
	pthread_mutex_lock(&q->lock);
	for (; j != NULL; j = next) {
		next = j->next;
		j->next = NULL;
		*q->done_tail = j;
		q->done_tail = &j->next;
		/* The pipe holds far more bytes than feeds are ever pending;
		 * a full pipe still leaves it readable, which is all it
		 * says. */
		(void)!write(q->pipe[1], &byte, 1);
	}
	pthread_cond_broadcast(&q->changed);
}

/* Runs j (lock held on entry and on return): a fetched feed joins the
 * open batch, starting one if need be; a local file, a program, a
 * filter or a large body runs outside any, since it may take as long as
 * its timeout or its parse budget and the batch holds the store's write
 * lock from its first write on. */
static void
worker_run(struct syncq *q, struct syncq_job *j)
{
	const int batched = !j->local && j->filter_cmd == NULL &&
	                    j->result.len <= SYNCQ_BATCH_BODY;
	struct nf_error err;

	if (!batched) {
		worker_flush(q);
	}
	pthread_mutex_unlock(&q->lock);
	if (batched && !store_in_batch(q->store) &&
	    store_batch_begin(q->store, &err) == NF_OK) {
		q->batch_deadline = deadline_after(SYNCQ_BATCH_MS);
	}
	job_run(q, j);
	pthread_mutex_lock(&q->lock);
	*q->staged_tail = j;
	q->staged_tail = &j->next;
	q->nstaged++;
	if (!store_in_batch(q->store) || q->nstaged >= SYNCQ_BATCH_FEEDS) {
		worker_flush(q);
	}
}

static void *
worker_main(void *arg)
{
	struct syncq *q = arg;
	struct syncq_job *j;

	/* libxml2's error handlers are per thread: this one stays as quiet
	 * as main() made the first (feed text never reaches the terminal). */
	xmlSetGenericErrorFunc(NULL, worker_xml_quiet);
	xmlSetStructuredErrorFunc(NULL, worker_xml_quiet_structured);
	pthread_mutex_lock(&q->lock);
	for (;;) {
		while (q->todo == NULL && !q->stop && q->staged != NULL) {
			if (q->flush_soon ||
			    pthread_cond_timedwait(&q->changed, &q->lock,
			                           &q->batch_deadline) == ETIMEDOUT) {
				worker_flush(q);
			}
		}
		q->flush_soon = q->flush_soon && q->todo != NULL;
		while (q->todo == NULL && !q->stop) {
			pthread_cond_wait(&q->changed, &q->lock);
		}
		if (q->stop) {
			break;
		}
		j = q->todo;
		if ((q->todo = j->next) == NULL) {
			q->todo_tail = &q->todo;
		}
		q->queued_bytes -= j->result.len;
		j->next = NULL;
		worker_run(q, j);
		if (q->staged != NULL && deadline_passed(&q->batch_deadline)) {
			worker_flush(q);
		}
	}
	worker_flush(q);	/* what the batch stored is kept */
	pthread_mutex_unlock(&q->lock);
	return NULL;
}

static int
pipe_nonblocking(int fds[2])
{
	if (pipe(fds) != 0) {
		fds[0] = fds[1] = -1;
		return -1;
	}
	fcntl(fds[0], F_SETFD, FD_CLOEXEC);
	fcntl(fds[1], F_SETFD, FD_CLOEXEC);
	fcntl(fds[0], F_SETFL, fcntl(fds[0], F_GETFL) | O_NONBLOCK);
	fcntl(fds[1], F_SETFL, fcntl(fds[1], F_GETFL) | O_NONBLOCK);
	return 0;
}

struct syncq *
syncq_new(struct store *store, const struct sync_settings *set,
          struct nf_error *err)
{
	struct syncq *q = calloc(1, sizeof(*q));

	if (q == NULL) {
		store_close(store);
		nf_error_set(err, NF_ERR_NOMEM, "out of memory");
		return NULL;
	}
	q->store = store;
	q->set = *set;
	atomic_init(&q->cancel, 0);
	q->set.cancel = &q->cancel;
	q->todo_tail = &q->todo;
	q->done_tail = &q->done;
	q->staged_tail = &q->staged;
	pthread_mutex_init(&q->lock, NULL);
	pthread_cond_init(&q->changed, NULL);
	/* libxml2 sets up its globals once, before a second thread parses. */
	xmlInitParser();
	if (pipe_nonblocking(q->pipe) != 0) {
		nf_error_set(err, NF_ERR_IO, "cannot create a pipe: %s",
		             strerror(errno));
		syncq_free(q);
		return NULL;
	}
	if (pthread_create(&q->worker, NULL, worker_main, q) != 0) {
		nf_error_set(err, NF_ERR_NOMEM, "cannot start a thread");
		syncq_free(q);
		return NULL;
	}
	q->started = 1;
	return q;
}

void
syncq_set_batch_hook(struct syncq *q, const struct syncq_batch_hook *hook)
{
	pthread_mutex_lock(&q->lock);
	q->hook = *hook;
	pthread_mutex_unlock(&q->lock);
}

/* Queues j, or frees it and fails. */
static enum nf_status
syncq_add(struct syncq *q, struct syncq_job *j, struct nf_error *err)
{
	if (j->url == NULL || j->nomem ||
	    (!j->local && j->requested == NULL)) {
		job_free(j);
		return nf_error_set(err, NF_ERR_NOMEM, "out of memory");
	}
	pthread_mutex_lock(&q->lock);
	*q->todo_tail = j;
	q->todo_tail = &j->next;
	q->pending++;
	q->queued_bytes += j->result.len;
	pthread_cond_broadcast(&q->changed);
	pthread_mutex_unlock(&q->lock);
	return NF_OK;
}

static struct syncq_job *
job_new(const struct sync_feed *feed, void *user)
{
	struct syncq_job *j = calloc(1, sizeof(*j));

	if (j != NULL) {
		j->feed_id = feed->id;
		j->url = strdup(feed->url);
		if (feed->filter_cmd != NULL) {
			j->filter_cmd = strdup(feed->filter_cmd);
			j->nomem = j->filter_cmd == NULL;
		}
		j->user = user;
	}
	return j;
}

enum nf_status
syncq_add_fetched(struct syncq *q, const struct sync_feed *feed, void *user,
                  struct fetch_result *result, struct nf_error *err)
{
	struct syncq_job *j = job_new(feed, user);
	char **owned[] = { &result->body, &result->content_type,
	                   &result->charset, &result->effective_url,
	                   &result->etag, &result->last_modified };
	size_t i;

	if (j == NULL) {
		return nf_error_set(err, NF_ERR_NOMEM, "out of memory");
	}
	j->result = *result;
	j->result.user = user;
	for (i = 0; i < sizeof(owned) / sizeof(owned[0]); i++) {
		*owned[i] = NULL;	/* the job's now */
	}
	j->requested = strdup(result->url != NULL ? result->url : feed->url);
	return syncq_add(q, j, err);
}

enum nf_status
syncq_add_local(struct syncq *q, const struct sync_feed *feed, void *user,
                struct nf_error *err)
{
	struct syncq_job *j = job_new(feed, user);

	if (j == NULL) {
		return nf_error_set(err, NF_ERR_NOMEM, "out of memory");
	}
	j->local = 1;
	return syncq_add(q, j, err);
}

int
syncq_fd(const struct syncq *q)
{
	return q->pipe[0];
}

int
syncq_take(struct syncq *q, int wait, void **user, struct sync_outcome *out)
{
	struct syncq_job *j;
	char byte;

	pthread_mutex_lock(&q->lock);
	while (wait && q->done == NULL && q->pending > 0) {
		pthread_cond_wait(&q->changed, &q->lock);
	}
	if ((j = q->done) != NULL) {
		if ((q->done = j->next) == NULL) {
			q->done_tail = &q->done;
		}
		q->pending--;
		(void)!read(q->pipe[0], &byte, 1);
	}
	pthread_mutex_unlock(&q->lock);
	if (j == NULL) {
		return 0;
	}
	*user = j->user;
	*out = j->out;
	memset(&j->out, 0, sizeof(j->out));	/* the caller's now */
	job_free(j);
	return 1;
}

void
syncq_flush(struct syncq *q)
{
	pthread_mutex_lock(&q->lock);
	q->flush_soon = 1;
	pthread_cond_broadcast(&q->changed);
	pthread_mutex_unlock(&q->lock);
}

size_t
syncq_pending(const struct syncq *q)
{
	size_t n;

	pthread_mutex_lock((pthread_mutex_t *)&q->lock);
	n = q->pending;
	pthread_mutex_unlock((pthread_mutex_t *)&q->lock);
	return n;
}

size_t
syncq_queued_bytes(const struct syncq *q)
{
	size_t n;

	pthread_mutex_lock((pthread_mutex_t *)&q->lock);
	n = q->queued_bytes;
	pthread_mutex_unlock((pthread_mutex_t *)&q->lock);
	return n;
}

void
syncq_free(struct syncq *q)
{
	if (q == NULL) {
		return;
	}
	if (q->started) {
		pthread_mutex_lock(&q->lock);
		q->stop = 1;
		atomic_store(&q->cancel, 1);
		pthread_cond_broadcast(&q->changed);
		pthread_mutex_unlock(&q->lock);
		pthread_join(q->worker, NULL);
	}
	jobs_free_list(q->todo);
	jobs_free_list(q->done);
	jobs_free_list(q->staged);
	store_close(q->store);
#ifdef __GLIBC__
	/* What the worker freed stays in its thread's own heap, which no
	 * other thread reuses: the page cache and the bodies it held go
	 * back to the system rather than add to what the caller does
	 * next (a refresh folds its front page). */
	malloc_trim(0);
#endif
	if (q->pipe[0] >= 0) {
		close(q->pipe[0]);
		close(q->pipe[1]);
	}
	pthread_cond_destroy(&q->changed);
	pthread_mutex_destroy(&q->lock);
	free(q);
}
