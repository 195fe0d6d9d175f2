#include "autoconfig.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "src/clock.h"
#include "src/download.h"
#include "src/fetch.h"
#include "src/path.h"
#include "src/url.h"
#include "src/utf8.h"

/* The longest name made from a URL, in bytes: room is left for " (99)"
 * and ".part" under the usual 255-byte limit of a file name. */
#define NAME_MAX_BYTES 200
/* An extension longer than this is part of the name, not a type. */
#define EXT_MAX_BYTES 16
/* How many "NAME (N).EXT" are tried before giving up. */
#define MAX_COPIES 100
/* Progress is told at most this often (milliseconds). */
#define WAKE_EVERY_MS 100

struct download {
	struct download_options o;	/* url and dir are our copies */
	pthread_t thread;
	int started;
	pthread_mutex_t lock;		/* guards p */
	struct download_progress p;
	atomic_int cancel;
	/* the transfer's own, on its thread */
	int fd;
	long long from;			/* where this request starts */
	long long have;
	int too_large, bad_range, write_errno;
	int64_t last_wake;
};

/* ---- the file's name ------------------------------------------------ */

static int
hex_value(char c)
{
	if (c >= '0' && c <= '9') {
		return c - '0';
	}
	if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f') {
		return (c | 0x20) - 'a' + 10;
	}
	return -1;
}

/* The URL's last path segment, percent-decoded, into out (len bytes,
 * which may hold NULs: they are made safe next). */
static size_t
name_segment(const char *url, char *out, size_t size)
{
	const char *p = strstr(url, "://"), *end, *seg;
	size_t n = 0;

	p = p != NULL ? p + 3 : url;
	p += strcspn(p, "/?#");		/* past the host */
	end = p + strcspn(p, "?#");
	for (seg = end; seg > p && seg[-1] != '/'; seg--) {
		continue;
	}
	while (seg < end && n + 1 < size) {
		int hi, lo;

		if (*seg == '%' && end - seg >= 3 &&
		    (hi = hex_value(seg[1])) >= 0 && (lo = hex_value(seg[2])) >= 0) {
			out[n++] = (char)(hi * 16 + lo);
			seg += 3;
		} else {
			out[n++] = *seg++;
		}
	}
	return n;
}

/* Whether a code point must not be in a name shown on a terminal. */
static int
is_unsafe(uint32_t cp)
{
	return cp < 0x20 || cp == '/' || cp == '\\' || (cp >= 0x7f && cp < 0xa0) ||
	       (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069) ||
	       cp == 0x200e || cp == 0x200f || cp == 0x061c || cp > 0x10ffff;
}

/* Copies raw (n bytes) to out with each unsafe character, and each byte
 * that is no UTF-8, as '_'. Returns the bytes written. */
static size_t
name_clean(const char *raw, size_t n, char *out, size_t size)
{
	size_t i = 0, o = 0;

	while (i < n && o + 5 < size) {
		uint32_t cp;
		size_t len = utf8_decode(raw + i, n - i, &cp);

		if (len == 0) {
			len = 1;
		}
		if (is_unsafe(cp) || !utf8_is_valid(raw + i, len)) {
			out[o++] = '_';
			i += len;
			continue;
		}
		memcpy(out + o, raw + i, len);
		o += len;
		i += len;
	}
	out[o] = '\0';
	return o;
}

/* Where a name's extension starts (its last '.', not the first byte,
 * short enough to be a type), or the name's end. */
static size_t
name_ext(const char *name)
{
	const char *dot = strrchr(name, '.');
	size_t n = strlen(name);

	if (dot == NULL || dot == name || n - (size_t)(dot - name) > EXT_MAX_BYTES) {
		return n;
	}
	return (size_t)(dot - name);
}

/* Cuts name to max bytes on a character boundary, keeping its
 * extension. */
static void
name_cut(char *name, size_t max)
{
	size_t n = strlen(name), ext = name_ext(name), keep;

	if (n <= max) {
		return;
	}
	keep = utf8_char_start(name, max - (n - ext));
	memmove(name + keep, name + ext, n - ext + 1);
}

void
download_file_name(const char *url, char *out, size_t size)
{
	char raw[1024], clean[1024 + 8];
	size_t n = name_segment(url, raw, sizeof(raw));

	n = name_clean(raw, n, clean, sizeof(clean));
	if (clean[0] == '.' || clean[0] == '-') {
		clean[0] = '_';
	}
	name_cut(clean, size - 1 < NAME_MAX_BYTES ? size - 1 : NAME_MAX_BYTES);
	if (n == 0 || clean[0] == '\0') {
		snprintf(clean, sizeof(clean), "download");
	}
	snprintf(out, size, "%s", clean);
}

/* ---- the file -------------------------------------------------------- */

/* dir/NAME for copy 0, dir/STEM (N).EXT for copy N. */
static void
target_path(const char *dir, const char *name, int copy, char *out,
            size_t size)
{
	size_t ext = name_ext(name);

	if (copy == 0) {
		snprintf(out, size, "%s/%s", dir, name);
	} else {
		snprintf(out, size, "%s/%.*s (%d)%s", dir, (int)ext, name, copy,
		         name + ext);
	}
}

/* The first of dir/NAME, dir/NAME (1).EXT, ... from copy *copy on that
 * is not a finished file, into out, and *copy its number; its part
 * (out.part) may exist, to be continued. */
static enum nf_status
target_pick(const char *dir, const char *name, int *copy, char *out,
            size_t size, struct nf_error *err)
{
	struct stat st;

	for (; *copy < MAX_COPIES; (*copy)++) {
		target_path(dir, name, *copy, out, size);
		if (lstat(out, &st) != 0 && errno == ENOENT) {
			return NF_OK;
		}
	}
	return nf_error_set(err, NF_ERR_IO, "%s: %d copies already there", out,
	                    MAX_COPIES);
}

/* Opens (or creates) the part, which must be a plain file, at its end,
 * and locks it: 1 when another download holds it (two links with one
 * file name at once), 0 when it is ours, -1 with err set. */
static int
part_open(struct download *d, const char *part, struct nf_error *err)
{
	struct stat st;

	d->fd = open(part, O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC | O_NOFOLLOW,
	             0644);
	if (d->fd < 0 || fstat(d->fd, &st) != 0) {
		nf_error_set(err, NF_ERR_IO, "%s: cannot open: %s", part,
		             strerror(errno));
		return -1;
	}
	if (!S_ISREG(st.st_mode)) {
		nf_error_set(err, NF_ERR_IO, "%s: not a plain file", part);
		return -1;
	}
	if (flock(d->fd, LOCK_EX | LOCK_NB) != 0) {
		close(d->fd);
		d->fd = -1;
		return 1;
	}
	d->have = (long long)st.st_size;
	return 0;
}

/* The target and its part, locked: the first name whose part no other
 * download is writing. */
static enum nf_status
part_claim(struct download *d, char *target, size_t size, char *part,
           size_t part_size, struct nf_error *err)
{
	int copy = 0, busy = 1;

	while (busy > 0) {
		if (target_pick(d->o.dir, d->p.name, &copy, target, size, err) !=
		    NF_OK) {
			return err->code;
		}
		snprintf(part, part_size, "%s.part", target);
		if ((busy = part_open(d, part, err)) < 0) {
			return err->code;
		}
		copy++;
	}
	return NF_OK;
}

/* The part becomes the finished file without replacing one: link()
 * fails on a name that appeared meanwhile, and the next name is tried. */
static enum nf_status
part_finish(struct download *d, const char *part, char *target, size_t size,
            struct nf_error *err)
{
	int copy = 0;

	while (link(part, target) != 0) {
		if (errno != EEXIST) {
			/* no hard links here (a FAT stick): a plain rename */
			if (rename(part, target) != 0) {
				return nf_error_set(err, NF_ERR_IO, "%s: cannot rename:"
				                    " %s", target, strerror(errno));
			}
			return NF_OK;
		}
		copy++;
		if (target_pick(d->o.dir, d->p.name, &copy, target, size, err) !=
		    NF_OK) {
			return err->code;
		}
	}
	unlink(part);
	return NF_OK;
}

/* ---- the transfer ---------------------------------------------------- */

static void
tell(struct download *d, int force)
{
	int64_t now = clock_now_ms();

	pthread_mutex_lock(&d->lock);
	d->p.have = d->have;
	pthread_mutex_unlock(&d->lock);
	if (d->o.wake != NULL && (force || now - d->last_wake >= WAKE_EVERY_MS)) {
		d->last_wake = now;
		d->o.wake(d->o.wake_ctx);
	}
}

static int
on_head(void *ctx, const struct fetch_head *head)
{
	struct download *d = ctx;
	long long total = head->total;

	if (head->status == 206 && head->range_start != d->from) {
		d->bad_range = 1;
		return 1;
	}
	if (head->status != 206 && d->have > 0) {
		/* the whole file again: the part starts over */
		if (ftruncate(d->fd, 0) != 0) {
			d->write_errno = errno;
			return 1;
		}
		d->have = 0;
	}
	if (total >= 0 && total > (long long)d->o.max_size) {
		d->too_large = 1;
		return 1;
	}
	pthread_mutex_lock(&d->lock);
	d->p.total = total;
	pthread_mutex_unlock(&d->lock);
	tell(d, 1);
	return 0;
}

static int
on_chunk(void *ctx, const char *data, size_t len)
{
	struct download *d = ctx;
	size_t done = 0;

	if ((long long)len > (long long)d->o.max_size - d->have) {
		d->too_large = 1;
		return 1;
	}
	while (done < len) {
		ssize_t w = write(d->fd, data + done, len - done);

		if (w < 0 && errno == EINTR) {
			continue;
		}
		if (w <= 0) {
			d->write_errno = w < 0 ? errno : ENOSPC;
			return 1;
		}
		done += (size_t)w;
	}
	d->have += (long long)len;
	tell(d, 0);
	return 0;
}

static int
is_cancelled(void *ctx)
{
	struct download *d = ctx;

	return atomic_load(&d->cancel);
}

/* One request from d->have on. NF_OK: the body ended well (the file
 * may still be refused: too_large, bad_range, write_errno). */
static enum nf_status
transfer(struct download *d, struct nf_error *err)
{
	const struct fetch_resume r = {
		.url = d->o.url,
		.from = d->have,
		.limits = {
			.connect_timeout_ms = d->o.timeout_ms,
			.timeout_ms = d->o.timeout_ms,
			.max_size = d->o.max_size,
		},
		.on_head = on_head,
		.on_chunk = on_chunk,
		.is_cancelled = is_cancelled,
		.ctx = d,
	};

	d->from = d->have;
	d->too_large = d->bad_range = d->write_errno = 0;
	return fetch_url_resume(&r, err);
}

/* What stopped a transfer that fetch counted as fine, or NF_OK. */
static enum nf_status
refused(struct download *d, const char *part, struct nf_error *err)
{
	char limit[64];

	if (d->too_large) {
		unlink(part);
		fetch_size_text(limit, sizeof(limit), d->o.max_size);
		return nf_error_set(err, NF_ERR_TOO_LARGE, "too large (over %s)",
		                    limit);
	}
	if (d->bad_range) {
		unlink(part);
		return nf_error_set(err, NF_ERR_NET, "the server sent another part"
		                    " than the one asked for");
	}
	if (d->write_errno != 0) {
		return nf_error_set(err, NF_ERR_IO, "%s: cannot write: %s", part,
		                    strerror(d->write_errno));
	}
	return NF_OK;
}

/* The whole download: name, part, request (again from 0 when the server
 * finds the part longer than the file: 416), the finished file. */
static enum nf_status
run(struct download *d, char *target, size_t size, struct nf_error *err)
{
	char part[PATH_MAX + 8];
	enum nf_status st;

	snprintf(part, sizeof(part), "%s/x", d->o.dir);
	if ((st = path_make_parents(part, err)) != NF_OK ||
	    (st = part_claim(d, target, size, part, sizeof(part), err)) != NF_OK) {
		return st;
	}
	if (d->have > (long long)d->o.max_size) {
		d->too_large = 1;
		return refused(d, part, err);
	}
	st = transfer(d, err);
	if (st != NF_OK && d->have > 0 && strcmp(err->msg, "HTTP 416") == 0 &&
	    ftruncate(d->fd, 0) == 0) {
		d->have = 0;
		st = transfer(d, err);
	}
	if (st == NF_OK) {
		st = refused(d, part, err);
	} else if (st == NF_ERR_TOO_LARGE || d->have == 0) {
		unlink(part);	/* nothing worth continuing */
	}
	/* Written out before it is renamed, and kept locked until then. */
	if (st == NF_OK && fsync(d->fd) != 0) {
		st = nf_error_set(err, NF_ERR_IO, "%s: cannot write: %s", part,
		                  strerror(errno));
	}
	return st == NF_OK ? part_finish(d, part, target, size, err) : st;
}

static void
run_all(struct download *d)
{
	char target[PATH_MAX] = "";
	struct nf_error err = { NF_OK, "" };
	enum nf_status st;

	if (!url_is_http(d->o.url)) {
		st = nf_error_set(&err, NF_ERR_NET, "not an http(s) link");
	} else {
		st = run(d, target, sizeof(target), &err);
	}
	if (d->fd >= 0) {
		close(d->fd);
		d->fd = -1;
	}
	pthread_mutex_lock(&d->lock);
	d->p.have = d->have;
	d->p.status = st;
	/* a status line: a longer path is cut */
	snprintf(d->p.msg, sizeof(d->p.msg), "%.*s", (int)sizeof(d->p.msg) - 1,
	         st == NF_OK ? target : err.msg);
	d->p.done = 1;
	pthread_mutex_unlock(&d->lock);
	if (d->o.wake != NULL) {
		d->o.wake(d->o.wake_ctx);
	}
}

/* ---- the interface --------------------------------------------------- */

static struct download *
download_new(const struct download_options *o)
{
	struct download *d = calloc(1, sizeof(*d));

	if (d == NULL) {
		return NULL;
	}
	d->o = *o;
	d->o.url = strdup(o->url);
	d->o.dir = strdup(o->dir);
	d->fd = -1;
	d->p.total = -1;
	atomic_init(&d->cancel, 0);
	pthread_mutex_init(&d->lock, NULL);
	if (d->o.url == NULL || d->o.dir == NULL) {
		download_free(d);
		return NULL;
	}
	download_file_name(d->o.url, d->p.name, sizeof(d->p.name));
	return d;
}

static void *
thread_main(void *arg)
{
	run_all(arg);
	return NULL;
}

struct download *
download_start(const struct download_options *o, struct nf_error *err)
{
	struct download *d = download_new(o);

	if (d == NULL) {
		nf_error_set(err, NF_ERR_NOMEM, "out of memory");
		return NULL;
	}
	if (pthread_create(&d->thread, NULL, thread_main, d) != 0) {
		nf_error_set(err, NF_ERR_NOMEM, "cannot start a thread");
		download_free(d);
		return NULL;
	}
	d->started = 1;
	return d;
}

void
download_get(struct download *d, struct download_progress *out)
{
	pthread_mutex_lock(&d->lock);
	*out = d->p;
	pthread_mutex_unlock(&d->lock);
}

void
download_free(struct download *d)
{
	if (d == NULL) {
		return;
	}
	if (d->started) {
		atomic_store(&d->cancel, 1);
		pthread_join(d->thread, NULL);
	}
	pthread_mutex_destroy(&d->lock);
	free((char *)d->o.url);
	free((char *)d->o.dir);
	free(d);
}

void
download_run(const struct download_options *o, struct download_progress *out)
{
	struct download *d = download_new(o);

	memset(out, 0, sizeof(*out));
	if (d == NULL) {
		out->done = 1;
		out->status = NF_ERR_NOMEM;
		snprintf(out->msg, sizeof(out->msg), "out of memory");
		return;
	}
	run_all(d);
	*out = d->p;
	download_free(d);
}
