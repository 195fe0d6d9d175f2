#include "autoconfig.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "config/config.h"
#include "feeds/feed.h"
#include "src/buf.h"
#include "src/sync.h"
#include "src/url.h"

struct sync_settings
sync_settings_of(const struct config *cfg)
{
	const struct sync_settings set = {
		.max_size = (size_t)cfg->max_size,
		.max_items = (int)cfg->max_items,
		.prune_unread = cfg->prune_unread,
		.keep_unread = cfg->keep_unread,
		.fold_threshold = cfg->fold_threshold,
	};

	return set;
}

void
sync_outcome_clear(struct sync_outcome *out)
{
	if (out == NULL) {
		return;
	}
	free(out->feed_title);
	memset(out, 0, sizeof(*out));
	nf_error_clear(&out->error);
}

/* err must not be out->error itself. */
static void
sync_fail(struct sync_outcome *out, const struct nf_error *err)
{
	out->state = SYNC_ERROR;
	out->new_count = 0;
	nf_error_set(&out->error, err->code != NF_OK ? err->code : NF_ERR_IO,
	             "%s", err->msg);
}

/* The parsers word a document they cannot read "not a feed: WHAT"; the
 * prefix is added here for any reason that lacks it, so that every
 * caller reports and stores one wording. */
static void
sync_fail_parse(struct sync_outcome *out, const struct nf_error *err)
{
	out->state = SYNC_ERROR;
	if (strncmp(err->msg, "not a feed", 10) == 0) {
		nf_error_set(&out->error, NF_ERR_PARSE, "%s", err->msg);
	} else {
		nf_error_set(&out->error, NF_ERR_PARSE, "not a feed: %s", err->msg);
	}
}

/* Parses one body and stores its items; out says how it went. charset
 * may be NULL; base is the URL the bytes came from. */
static void
sync_store_body(struct store *store, const struct sync_feed *feed,
                const struct sync_settings *set, const char *body,
                size_t len, const char *charset, const char *base,
                struct sync_outcome *out)
{
	const struct feed_options opts = {
		.source = feed->url,
		.base_url = base,
		.charset = charset,
		.fold_threshold = set->fold_threshold,
		.max_size = set->max_size,
	};
	const struct store_keep keep = {
		.max_items = set->max_items,
		.prune_unread = set->prune_unread,
		.keep_unread = set->keep_unread,
	};
	struct nf_feed *parsed = NULL;
	struct nf_error err;
	enum nf_status st;

	nf_error_clear(&err);
	st = feed_parse(body != NULL ? body : "", len, &opts, &parsed, &err);
	if (st == NF_ERR_PARSE) {
		sync_fail_parse(out, &err);
		goto out;
	} else if (st != NF_OK) {
		sync_fail(out, &err);
		goto out;
	}
	if (parsed->title != NULL && nf_strset(&out->feed_title, parsed->title) != 0) {
		nf_error_set(&err, NF_ERR_NOMEM, "out of memory");
		sync_fail(out, &err);
		goto out;
	}
	st = store_feed_update(store, feed->id, parsed, &keep, &out->new_count,
	                       &err);
	if (st != NF_OK) {
		sync_fail(out, &err);
		goto out;
	}
	out->state = SYNC_OK;
out:
	feed_free(parsed);
}

/* Records the outcome as the feed's metadata. stored is the metadata
 * before this sync (its title may move into out); etag and last_modified
 * are what the response carried. */
static void
sync_record(struct store *store, const struct sync_feed *feed,
            struct store_feed_meta *stored, const char *etag,
            const char *last_modified, struct sync_outcome *out)
{
	const int failed = out->state == SYNC_ERROR;
	struct store_feed_meta m;
	struct nf_error err;

	if (out->feed_title == NULL) {
		out->feed_title = stored->feed_title;
		stored->feed_title = NULL;
	}
	m.etag = failed ? stored->etag : (char *)etag;
	m.last_modified = failed ? stored->last_modified : (char *)last_modified;
	m.last_fetch = (int64_t)time(NULL);
	m.last_error = failed ? out->error.msg : NULL;
	m.feed_title = out->feed_title;
	if (store_feed_meta_set(store, feed->id, &m, &err) != NF_OK && !failed) {
		sync_fail(out, &err);
	}
}

/* Starts an outcome and reads what the store remembers of the feed;
 * zero (with out failed) when it cannot. */
static int
sync_begin(struct store *store, const struct sync_feed *feed,
           struct store_feed_meta *stored, struct sync_outcome *out)
{
	struct nf_error err;

	memset(out, 0, sizeof(*out));
	nf_error_clear(&out->error);
	memset(stored, 0, sizeof(*stored));
	if (store_feed_meta_get(store, feed->id, stored, &err) != NF_OK) {
		sync_fail(out, &err);
		return 0;
	}
	return 1;
}

void
sync_fetched(struct store *store, const struct sync_feed *feed,
             const struct sync_settings *set,
             const struct fetch_result *result, struct sync_outcome *out)
{
	struct store_feed_meta stored;
	const char *etag = result->etag, *last_modified = result->last_modified;
	/* Links resolve against where the bytes came from, with its password
	 * starred out: a stored link is shown, and never carries it. */
	const char *at = result->effective_url != NULL ? result->effective_url :
	                 result->url != NULL ? result->url : feed->url;
	/* The body's own URL, when the server names one, is the base. */
	char *named = url_body_base(result->content_location, at);
	char *base = url_redact(named != NULL ? named : at);
	struct nf_error nomem;

	free(named);

	if (!sync_begin(store, feed, &stored, out)) {
		free(base);
		return;
	}
	if (base == NULL) {
		nf_error_set(&nomem, NF_ERR_NOMEM, "out of memory");
		sync_fail(out, &nomem);
	} else if (result->outcome == FETCH_FAILED) {
		sync_fail(out, &result->err);
	} else if (result->outcome == FETCH_UNCHANGED) {
		out->state = SYNC_UNCHANGED;
		etag = etag != NULL ? etag : stored.etag;
		last_modified = last_modified != NULL ? last_modified :
		                stored.last_modified;
	} else {
		sync_store_body(store, feed, set, result->body, result->len,
		                result->charset, base, out);
	}
	sync_record(store, feed, &stored, etag, last_modified, out);
	store_feed_meta_clear(&stored);
	free(base);
}

/* Opens a local feed for reading, refusing anything but a regular file:
 * a FIFO would block the open (and then the read) for as long as nobody
 * writes to it, a device may never end, and the whole refresh would wait.
 * O_NONBLOCK keeps the open itself from blocking; fstat() then says what
 * was opened, so a name swapped in between is checked too. Returns the
 * descriptor, or -1 with err set. */
static int
sync_open_regular(const char *path, struct nf_error *err)
{
	struct stat st;
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);

	if (fd < 0) {
		nf_error_set(err, NF_ERR_IO, "cannot open: %s", strerror(errno));
		return -1;
	}
	if (fstat(fd, &st) != 0) {
		nf_error_set(err, NF_ERR_IO, "cannot open: %s", strerror(errno));
		close(fd);
		return -1;
	}
	if (!S_ISREG(st.st_mode)) {
		nf_error_set(err, NF_ERR_IO, "not a regular file");
		close(fd);
		return -1;
	}
	/* A regular file: reads wait for the disk as usual. */
	fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
	return fd;
}

/* Reads the file a file:// URL names into b, whose ceiling is the
 * max-size setting. */
static enum nf_status
sync_read_local(const char *url, struct buf *b, struct nf_error *err)
{
	char chunk[65536], limit[32];
	char *path = url_is_file(url) ? url_file_path(url) : NULL;
	enum nf_status st = NF_OK;
	ssize_t n;
	int fd = -1;

	if (path == NULL) {
		st = nf_error_set(err, NF_ERR_IO, "not a local file URL");
		goto out;
	}
	if ((fd = sync_open_regular(path, err)) < 0) {
		st = err->code;
		goto out;
	}
	while (st == NF_OK && (n = read(fd, chunk, sizeof(chunk))) != 0) {
		if (n < 0 && errno == EINTR) {
			continue;
		}
		if (n < 0) {
			st = nf_error_set(err, NF_ERR_IO, "cannot read: %s",
			                  strerror(errno));
			break;
		}
		st = buf_add(b, chunk, (size_t)n);
	}
	if (st == NF_ERR_TOO_LARGE) {
		fetch_size_text(limit, sizeof(limit), b->max);
		nf_error_set(err, st, "too large (over %s)", limit);
	} else if (st == NF_ERR_NOMEM) {
		nf_error_set(err, st, "out of memory");
	}
out:
	if (fd >= 0) {
		close(fd);
	}
	free(path);
	return st;
}

void
sync_local(struct store *store, const struct sync_feed *feed,
           const struct sync_settings *set, struct sync_outcome *out)
{
	struct store_feed_meta stored;
	struct nf_error err;
	struct buf b;

	if (!sync_begin(store, feed, &stored, out)) {
		return;
	}
	buf_init(&b, set->max_size);
	if (sync_read_local(feed->url, &b, &err) != NF_OK) {
		sync_fail(out, &err);
	} else {
		sync_store_body(store, feed, set, b.data, b.len, NULL, feed->url,
		                out);
	}
	sync_record(store, feed, &stored, NULL, NULL, out);
	store_feed_meta_clear(&stored);
	buf_free(&b);
}
