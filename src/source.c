#include "autoconfig.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <libxml/uri.h>

#include "src/fetch.h"
#include "src/source.h"
#include "src/url.h"

#define SOURCE_CHUNK (64 * 1024)

/* The file:// URL of a path, the base for a local feed's relative links;
 * a new string, or NULL when the path has no real path (or out of
 * memory). */
static char *
source_path_url(const char *path)
{
	char abs[PATH_MAX], *url = NULL;
	xmlChar *esc;
	size_t n;

	if (realpath(path, abs) == NULL) {
		return NULL;
	}
	esc = xmlURIEscapeStr((const xmlChar *)abs, (const xmlChar *)"/");
	if (esc != NULL) {
		n = strlen((const char *)esc) + sizeof("file://");
		if ((url = malloc(n)) != NULL) {
			snprintf(url, n, "file://%s", (const char *)esc);
		}
		xmlFree(esc);
	}
	return url;
}

/* Opens a local source: "-", a file:// URL or a path. Fills head's base
 * URL. Returns an fd, or -1 with err set. */
static int
source_open(const char *source, struct source_head *head, struct nf_error *err)
{
	char *path = NULL;
	int fd;

	if (strcmp(source, "-") == 0) {
		return STDIN_FILENO;
	}
	if (url_is_file(source)) {
		if ((path = url_file_path(source)) == NULL) {
			nf_error_set(err, NF_ERR_USAGE, "not a local file URL");
			return -1;
		}
		head->base_url = strdup(source);
	}
	fd = open(path != NULL ? path : source, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		nf_error_set(err, NF_ERR_IO, "cannot open: %s", strerror(errno));
	} else if (path == NULL) {
		head->base_url = source_path_url(source);
	}
	free(path);
	return fd;
}

/* Streams fd to the consumer until the end, a read error or a stop. */
static enum nf_status
source_stream_fd(int fd, const struct source_ops *ops, void *ctx,
                 struct nf_error *err)
{
	char *chunk = malloc(SOURCE_CHUNK);
	enum nf_status st = NF_OK;
	ssize_t n;

	if (chunk == NULL) {
		return nf_error_set(err, NF_ERR_NOMEM, "out of memory");
	}
	for (;;) {
		n = read(fd, chunk, SOURCE_CHUNK);
		if (n < 0 && errno == EINTR) {
			continue;
		}
		if (n < 0) {
			st = nf_error_set(err, NF_ERR_IO, "read error: %s", strerror(errno));
			break;
		}
		if (ops->chunk(ctx, chunk, (size_t)n, n == 0) != 0 || n == 0) {
			break;
		}
	}
	free(chunk);
	return st;
}

static enum nf_status
source_read_local(const char *source, const struct source_ops *ops, void *ctx,
                  struct source_head *head, struct nf_error *err)
{
	enum nf_status st = NF_OK;
	int fd = source_open(source, head, err);

	if (fd < 0) {
		return err->code;
	}
	if (ops->start(ctx, head) == 0) {
		st = source_stream_fd(fd, ops, ctx, err);
	}
	if (fd != STDIN_FILENO) {
		close(fd);
	}
	return st;
}

/* An http(s) source on its way through fetch_url_stream(). */
struct source_http {
	const struct source_ops *ops;
	void *ctx;
	struct source_head *head;
	int started;
	int stopped;		/* the consumer said stop */
};

/* The body's own URL (url_body_base()) is what relative links resolve
 * against; the URL given stays when there is none. */
static void
source_http_base(struct source_head *sh, const struct fetch_head *head)
{
	char *base = url_body_base(head->content_location, head->effective_url);

	if (base != NULL) {
		free(sh->base_url);
		sh->base_url = base;
	}
}

static int
source_http_start(struct source_http *h, const struct fetch_head *head)
{
	h->started = 1;
	h->head->charset = fetch_content_charset(head->content_type);
	source_http_base(h->head, head);
	h->stopped = h->ops->start(h->ctx, h->head) != 0;
	return h->stopped;
}

static int
source_http_type(void *ctx, const struct fetch_head *head)
{
	return source_http_start(ctx, head);
}

static int
source_http_chunk(void *ctx, const char *data, size_t len)
{
	struct source_http *h = ctx;

	h->stopped = h->ops->chunk(h->ctx, data, len, 0) != 0;
	return h->stopped;
}

static enum nf_status
source_read_http(const char *source, const struct fetch_limits *limits,
                 const struct source_ops *ops, void *ctx,
                 struct source_head *head, struct nf_error *err)
{
	struct source_http h = { ops, ctx, head, 0, 0 };
	char *type = NULL;
	enum nf_status st;

	if ((head->base_url = strdup(source)) == NULL) {
		return nf_error_set(err, NF_ERR_NOMEM, "out of memory");
	}
	/* counted by libcurl: a caller that set it up already loses nothing */
	if ((st = fetch_global_init(err)) != NF_OK) {
		return st;
	}
	st = fetch_url_stream(source, limits, source_http_type, source_http_chunk,
	                      &h, &type, err);
	/* An empty body never reached the chunk callbacks. */
	if (st == NF_OK && !h.started) {
		const struct fetch_head empty = { .content_type = type };

		source_http_start(&h, &empty);
	}
	if (st == NF_OK && !h.stopped) {
		ops->chunk(ctx, "", 0, 1);
	}
	free(type);
	fetch_global_cleanup();
	return st;
}

enum nf_status
source_read(const char *source, const struct fetch_limits *limits,
            const struct source_ops *ops, void *ctx,
            struct source_head *head, struct nf_error *err)
{
	if (url_is_http(source)) {
		return source_read_http(source, limits, ops, ctx, head, err);
	}
	return source_read_local(source, ops, ctx, head, err);
}

void
source_head_free(struct source_head *head)
{
	free(head->base_url);
	free(head->charset);
	head->base_url = NULL;
	head->charset = NULL;
}
