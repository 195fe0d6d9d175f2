#include "autoconfig.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <curl/curl.h>

#include "src/buf.h"
#include "src/fetch.h"
#include "src/url.h"

#define DEFAULT_CONNECT_MS 10000L
#define DEFAULT_TIMEOUT_MS 30000L
#define DEFAULT_MAX_SIZE ((size_t)16 * 1024 * 1024)
#define DEFAULT_PARALLEL 8
#define MAX_REDIRECTS 10L

/* One transfer, streamed (fetch_url_stream) or buffered (fetch_multi). */
struct transfer {
	CURL *easy;
	struct curl_slist *headers;
	struct fetch_limits limits;
	char errbuf[CURL_ERROR_SIZE];
	size_t received;	/* decompressed bytes so far */
	int too_large;
	int stopped;		/* on_chunk asked to stop, or an error status */
	fetch_type_fn on_type;	/* streamed only; NULL once told */
	fetch_chunk_fn on_chunk;	/* NULL: buffer into body */
	void *chunk_ctx;
	struct buf body;
	/* multi only */
	char *url;
	char *etag_in;
	char *last_modified_in;
	void *user;
	struct nf_error early;	/* failed before starting */
	struct transfer *next;
};

struct fetch_multi {
	CURLM *multi;
	struct fetch_multi_options opts;
	fetch_done_fn on_done;
	void *ctx;
	struct transfer *queue;		/* not started yet, in order */
	struct transfer *queue_tail;
	struct transfer *failed;	/* finished before starting */
	struct transfer *running;
	size_t nrunning;
	size_t npending;
};

enum nf_status
fetch_global_init(struct nf_error *err)
{
	CURLcode rc;

	rc = curl_global_init(CURL_GLOBAL_DEFAULT);
	if (rc != CURLE_OK) {
		return nf_error_set(err, NF_ERR_NET, "libcurl: %s",
		                    curl_easy_strerror(rc));
	}
	return NF_OK;
}

void
fetch_global_cleanup(void)
{
	curl_global_cleanup();
}

static void
limits_resolve(struct fetch_limits *out, const struct fetch_limits *in)
{
	out->connect_timeout_ms = DEFAULT_CONNECT_MS;
	out->timeout_ms = DEFAULT_TIMEOUT_MS;
	out->max_size = DEFAULT_MAX_SIZE;
	if (in == NULL) {
		return;
	}
	if (in->connect_timeout_ms > 0) {
		out->connect_timeout_ms = in->connect_timeout_ms;
	}
	if (in->timeout_ms > 0) {
		out->timeout_ms = in->timeout_ms;
	}
	if (in->max_size > 0) {
		out->max_size = in->max_size;
	}
}

char *
fetch_content_charset(const char *content_type)
{
	const char *p, *end;
	char *out;
	size_t n;

	if (content_type == NULL) {
		return NULL;
	}
	for (p = strchr(content_type, ';'); p != NULL; p = strchr(p, ';')) {
		p++;
		while (*p == ' ' || *p == '\t') {
			p++;
		}
		if (strncasecmp(p, "charset=", 8) == 0) {
			break;
		}
	}
	if (p == NULL) {
		return NULL;
	}
	p += 8;
	if (*p == '"') {
		p++;
		end = strchr(p, '"');
	} else {
		end = p + strcspn(p, "; \t");
	}
	if (end == NULL || end == p) {
		return NULL;
	}
	n = (size_t)(end - p);
	out = malloc(n + 1);
	if (out != NULL) {
		memcpy(out, p, n);
		out[n] = '\0';
	}
	return out;
}

/* ---- One transfer --------------------------------------------------- */

static int
status_is_success(CURL *easy)
{
	long code = 0;

	curl_easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &code);
	return code >= 200 && code < 300;
}

/* Counts decompressed bytes, so the ceiling holds however well the body
 * compresses. An error page (404) is not read at all: its status is the
 * whole answer, and the transfer stops at its first byte. */
static size_t
transfer_write(char *data, size_t size, size_t nmemb, void *userp)
{
	struct transfer *t = userp;
	size_t n = size * nmemb;

	if (!status_is_success(t->easy)) {
		t->stopped = 1;
		return 0;
	}
	if (n > t->limits.max_size - t->received) {
		t->too_large = 1;
		return 0;
	}
	t->received += n;
	if (t->on_type != NULL) {
		fetch_type_fn on_type = t->on_type;
		char *ct = NULL;

		t->on_type = NULL;
		curl_easy_getinfo(t->easy, CURLINFO_CONTENT_TYPE, &ct);
		if (on_type(t->chunk_ctx, ct) != 0) {
			t->stopped = 1;
			return 0;
		}
	}
	if (t->on_chunk != NULL) {
		if (t->on_chunk(t->chunk_ctx, data, n) != 0) {
			t->stopped = 1;
			return 0;
		}
		return n;
	}
	return buf_add(&t->body, data, n) == NF_OK ? n : 0;
}

/* A stored validator goes back verbatim; one with line breaks in it
 * would smuggle headers, so it is dropped. */
static int
add_header(struct curl_slist **list, const char *name, const char *value)
{
	char line[1024];
	struct curl_slist *l;
	const char *p;

	if (value == NULL || value[0] == '\0') {
		return 0;
	}
	for (p = value; *p != '\0'; p++) {
		if ((unsigned char)*p < 0x20) {
			return 0;
		}
	}
	if (snprintf(line, sizeof(line), "%s: %s", name, value) >=
	    (int)sizeof(line)) {
		return 0;
	}
	l = curl_slist_append(*list, line);
	if (l == NULL) {
		return -1;
	}
	*list = l;
	return 0;
}

static enum nf_status
transfer_setup(struct transfer *t, const char *url, struct nf_error *err)
{
	CURL *e = t->easy;

	curl_easy_setopt(e, CURLOPT_URL, url);
	curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(e, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, 1L);
	curl_easy_setopt(e, CURLOPT_MAXREDIRS, MAX_REDIRECTS);
	curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, "");
	curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS, t->limits.connect_timeout_ms);
	curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, t->limits.timeout_ms);
	/* An announced length past the ceiling fails before any byte. */
	curl_easy_setopt(e, CURLOPT_MAXFILESIZE_LARGE,
	                 (curl_off_t)t->limits.max_size);
	curl_easy_setopt(e, CURLOPT_USERAGENT, "newsfold/" PACKAGE_VERSION);
	curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(e, CURLOPT_ERRORBUFFER, t->errbuf);
	curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, transfer_write);
	curl_easy_setopt(e, CURLOPT_WRITEDATA, t);
	curl_easy_setopt(e, CURLOPT_PRIVATE, t);
	if (add_header(&t->headers, "If-None-Match", t->etag_in) != 0 ||
	    add_header(&t->headers, "If-Modified-Since",
	               t->last_modified_in) != 0) {
		return nf_error_set(err, NF_ERR_NOMEM, "out of memory");
	}
	if (t->headers != NULL) {
		curl_easy_setopt(e, CURLOPT_HTTPHEADER, t->headers);
	}
	t->errbuf[0] = '\0';
	return NF_OK;
}

static struct transfer *
transfer_new(const struct fetch_limits *limits)
{
	struct transfer *t = calloc(1, sizeof(*t));

	if (t == NULL) {
		return NULL;
	}
	limits_resolve(&t->limits, limits);
	buf_init(&t->body, t->limits.max_size);
	t->easy = curl_easy_init();
	if (t->easy == NULL) {
		free(t);
		return NULL;
	}
	return t;
}

static void
transfer_free(struct transfer *t)
{
	if (t == NULL) {
		return;
	}
	if (t->easy != NULL) {
		curl_easy_cleanup(t->easy);
	}
	curl_slist_free_all(t->headers);
	buf_free(&t->body);
	free(t->url);
	free(t->etag_in);
	free(t->last_modified_in);
	free(t);
}

/* "16 MiB", "64 KiB", "1000 bytes": the ceiling as the user wrote it. */
void
fetch_size_text(char *out, size_t n, size_t bytes)
{
	if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
		snprintf(out, n, "%zu MiB", bytes / (1024 * 1024));
	} else if (bytes >= 1024 && bytes % 1024 == 0) {
		snprintf(out, n, "%zu KiB", bytes / 1024);
	} else {
		snprintf(out, n, "%zu bytes", bytes);
	}
}

static void
format_seconds(char *out, size_t n, long ms)
{
	if (ms % 1000 == 0) {
		snprintf(out, n, "%ld s", ms / 1000);
	} else {
		snprintf(out, n, "%.1f s", (double)ms / 1000.0);
	}
}

/* The host of the URL curl was last working on, for the DNS reason. */
static void
failed_host(CURL *easy, char *out, size_t n)
{
	char *url = NULL, *host;

	curl_easy_getinfo(easy, CURLINFO_EFFECTIVE_URL, &url);
	host = url_host(url);
	snprintf(out, n, "%s", host != NULL ? host : "?");
	free(host);
}

static enum nf_status
reason_connect(struct transfer *t, struct nf_error *err)
{
	long oserr = 0;

	curl_easy_getinfo(t->easy, CURLINFO_OS_ERRNO, &oserr);
	if (oserr == ECONNREFUSED || oserr == 0) {
		return nf_error_set(err, NF_ERR_NET, "connection refused");
	}
	return nf_error_set(err, NF_ERR_NET, "could not connect: %s",
	                    strerror((int)oserr));
}

static enum nf_status
reason_timeout(struct transfer *t, struct nf_error *err)
{
	char secs[32];
	curl_off_t connected = 0;

	curl_easy_getinfo(t->easy, CURLINFO_CONNECT_TIME_T, &connected);
	if (connected == 0 &&
	    t->limits.connect_timeout_ms < t->limits.timeout_ms) {
		format_seconds(secs, sizeof(secs), t->limits.connect_timeout_ms);
		return nf_error_set(err, NF_ERR_NET, "connect timeout after %s",
		                    secs);
	}
	format_seconds(secs, sizeof(secs), t->limits.timeout_ms);
	return nf_error_set(err, NF_ERR_NET, "timeout after %s", secs);
}

/* Turns curl's result into NF_OK or a short human reason. */
static enum nf_status
transfer_reason(struct transfer *t, CURLcode rc, struct nf_error *err)
{
	char text[256];
	long code = 0;

	if (t->too_large || rc == CURLE_FILESIZE_EXCEEDED) {
		fetch_size_text(text, sizeof(text), t->limits.max_size);
		return nf_error_set(err, NF_ERR_TOO_LARGE, "too large (over %s)",
		                    text);
	}
	switch (rc) {
	case CURLE_OK:
		break;
	case CURLE_COULDNT_RESOLVE_HOST:
		failed_host(t->easy, text, sizeof(text));
		return nf_error_set(err, NF_ERR_NET, "could not resolve host %s",
		                    text);
	case CURLE_COULDNT_RESOLVE_PROXY:
		return nf_error_set(err, NF_ERR_NET, "could not resolve proxy");
	case CURLE_COULDNT_CONNECT:
		return reason_connect(t, err);
	case CURLE_OPERATION_TIMEDOUT:
		return reason_timeout(t, err);
	case CURLE_UNSUPPORTED_PROTOCOL:
		/* The start URL was checked to be http(s): a redirect did it. */
		return nf_error_set(err, NF_ERR_NET,
		                    "redirect to a non-http URL refused");
	case CURLE_TOO_MANY_REDIRECTS:
		return nf_error_set(err, NF_ERR_NET, "too many redirects");
	case CURLE_OUT_OF_MEMORY:
		return nf_error_set(err, NF_ERR_NOMEM, "out of memory");
	case CURLE_WRITE_ERROR:
		if (t->stopped) {
			break;
		}
		return nf_error_set(err, NF_ERR_NOMEM, "out of memory");
	default:
		return nf_error_set(err, NF_ERR_NET, "%s",
		                    t->errbuf[0] != '\0' ? t->errbuf :
		                    curl_easy_strerror(rc));
	}
	curl_easy_getinfo(t->easy, CURLINFO_RESPONSE_CODE, &code);
	if (code == 304 || (code >= 200 && code < 300)) {
		return NF_OK;
	}
	return nf_error_set(err, NF_ERR_NET, "HTTP %ld", code);
}

static char *
dup_or_null(const char *s)
{
	return s != NULL ? strdup(s) : NULL;
}

enum nf_status
fetch_url_stream(const char *url, const struct fetch_limits *limits,
                 fetch_type_fn on_type, fetch_chunk_fn on_chunk, void *ctx,
                 char **content_type, struct nf_error *err)
{
	struct transfer *t;
	enum nf_status st;
	CURLcode rc;
	long code = 0;
	char *ct = NULL;

	*content_type = NULL;
	if (!url_is_http(url)) {
		return nf_error_set(err, NF_ERR_NET, "not an http(s) URL");
	}
	t = transfer_new(limits);
	if (t == NULL) {
		return nf_error_set(err, NF_ERR_NOMEM, "out of memory");
	}
	t->on_type = on_type;
	t->on_chunk = on_chunk;
	t->chunk_ctx = ctx;
	st = transfer_setup(t, url, err);
	if (st != NF_OK) {
		goto out;
	}
	rc = curl_easy_perform(t->easy);
	st = transfer_reason(t, rc, err);
	if (st != NF_OK) {
		goto out;
	}
	curl_easy_getinfo(t->easy, CURLINFO_RESPONSE_CODE, &code);
	if (code == 304) {
		/* Never asked conditionally, so a 304 here is a broken server. */
		st = nf_error_set(err, NF_ERR_NET, "HTTP 304");
		goto out;
	}
	curl_easy_getinfo(t->easy, CURLINFO_CONTENT_TYPE, &ct);
	if (ct != NULL && (*content_type = strdup(ct)) == NULL) {
		st = nf_error_set(err, NF_ERR_NOMEM, "out of memory");
	}
out:
	transfer_free(t);
	return st;
}

/* ---- Many transfers ------------------------------------------------- */

struct fetch_multi *
fetch_multi_new(const struct fetch_multi_options *opts, fetch_done_fn on_done,
                void *ctx, struct nf_error *err)
{
	struct fetch_multi *m = calloc(1, sizeof(*m));

	if (m == NULL) {
		nf_error_set(err, NF_ERR_NOMEM, "out of memory");
		return NULL;
	}
	m->multi = curl_multi_init();
	if (m->multi == NULL) {
		free(m);
		nf_error_set(err, NF_ERR_NOMEM, "libcurl: cannot create a multi handle");
		return NULL;
	}
	if (opts != NULL) {
		m->opts = *opts;
	}
	if (m->opts.max_parallel <= 0) {
		m->opts.max_parallel = DEFAULT_PARALLEL;
	}
	limits_resolve(&m->opts.limits, opts != NULL ? &opts->limits : NULL);
	m->on_done = on_done;
	m->ctx = ctx;
	return m;
}

enum nf_status
fetch_multi_add(struct fetch_multi *m, const struct fetch_request *req,
                struct nf_error *err)
{
	struct transfer *t = transfer_new(&m->opts.limits);

	if (t == NULL) {
		return nf_error_set(err, NF_ERR_NOMEM, "out of memory");
	}
	t->user = req->user;
	t->url = dup_or_null(req->url);
	t->etag_in = dup_or_null(req->etag);
	t->last_modified_in = dup_or_null(req->last_modified);
	if (t->url == NULL || (req->etag != NULL && t->etag_in == NULL) ||
	    (req->last_modified != NULL && t->last_modified_in == NULL)) {
		transfer_free(t);
		return nf_error_set(err, NF_ERR_NOMEM, "out of memory");
	}
	m->npending++;
	if (!url_is_http(t->url)) {
		nf_error_set(&t->early, NF_ERR_NET, "not an http(s) URL");
		t->next = m->failed;
		m->failed = t;
		return NF_OK;
	}
	if (m->queue_tail != NULL) {
		m->queue_tail->next = t;
	} else {
		m->queue = t;
	}
	m->queue_tail = t;
	return NF_OK;
}

size_t
fetch_multi_pending(const struct fetch_multi *m)
{
	return m->npending;
}

static void
running_unlink(struct fetch_multi *m, struct transfer *t)
{
	struct transfer **pp;

	for (pp = &m->running; *pp != NULL; pp = &(*pp)->next) {
		if (*pp == t) {
			*pp = t->next;
			t->next = NULL;
			m->nrunning--;
			return;
		}
	}
}

/* Starts queued requests while fewer than max_parallel run. A request
 * that cannot start finishes as failed at this step. */
static void
start_queued(struct fetch_multi *m)
{
	struct transfer *t;

	while (m->queue != NULL && m->nrunning < (size_t)m->opts.max_parallel) {
		t = m->queue;
		m->queue = t->next;
		if (m->queue == NULL) {
			m->queue_tail = NULL;
		}
		t->next = NULL;
		if (transfer_setup(t, t->url, &t->early) != NF_OK ||
		    curl_multi_add_handle(m->multi, t->easy) != CURLM_OK) {
			if (t->early.code == NF_OK) {
				nf_error_set(&t->early, NF_ERR_NOMEM,
				             "cannot start the transfer");
			}
			t->next = m->failed;
			m->failed = t;
			continue;
		}
		t->next = m->running;
		m->running = t;
		m->nrunning++;
	}
}

/* Copies a response header's value, or NULL when absent. */
static char *
header_value(CURL *easy, const char *name)
{
	struct curl_header *h;

	if (curl_easy_header(easy, name, 0, CURLH_HEADER, -1, &h) !=
	    CURLHE_OK || h->value[0] == '\0') {
		return NULL;
	}
	return strdup(h->value);
}

/* Fills what a finished transfer learnt; NF_ERR_NOMEM is the only way
 * this fails, and it turns the result into a failure. */
static void
result_fill(struct transfer *t, struct fetch_result *r)
{
	char *s = NULL;

	curl_easy_getinfo(t->easy, CURLINFO_RESPONSE_CODE, &r->http_status);
	curl_easy_getinfo(t->easy, CURLINFO_EFFECTIVE_URL, &s);
	r->effective_url = dup_or_null(s);
	s = NULL;
	curl_easy_getinfo(t->easy, CURLINFO_CONTENT_TYPE, &s);
	r->content_type = dup_or_null(s);
	r->charset = fetch_content_charset(r->content_type);
	r->etag = header_value(t->easy, "ETag");
	r->last_modified = header_value(t->easy, "Last-Modified");
	/* A 304 may omit the validators: the stored ones still hold. */
	if (r->etag == NULL && r->http_status == 304) {
		r->etag = dup_or_null(t->etag_in);
	}
	if (r->last_modified == NULL && r->http_status == 304) {
		r->last_modified = dup_or_null(t->last_modified_in);
	}
	if (r->http_status == 304) {
		r->outcome = FETCH_UNCHANGED;
		return;
	}
	r->outcome = FETCH_OK;
	r->len = t->body.len;
	r->body = buf_take(&t->body);
	if (r->body == NULL) {
		r->outcome = FETCH_FAILED;
		nf_error_set(&r->err, NF_ERR_NOMEM, "out of memory");
	}
}

static void
result_clear(struct fetch_result *r)
{
	free(r->body);
	free(r->content_type);
	free(r->charset);
	free(r->effective_url);
	free(r->etag);
	free(r->last_modified);
}

/* Reports one transfer (finished with rc, or failed early) and frees it. */
static void
report(struct fetch_multi *m, struct transfer *t, CURLcode rc, int started)
{
	struct fetch_result r;

	memset(&r, 0, sizeof(r));
	r.url = t->url;
	r.user = t->user;
	nf_error_clear(&r.err);
	if (!started) {
		r.outcome = FETCH_FAILED;
		r.err = t->early;
	} else if (transfer_reason(t, rc, &r.err) != NF_OK) {
		r.outcome = FETCH_FAILED;
		curl_easy_getinfo(t->easy, CURLINFO_RESPONSE_CODE,
		                  &r.http_status);
	} else {
		result_fill(t, &r);
	}
	m->npending--;
	if (m->on_done != NULL) {
		m->on_done(m->ctx, &r);
	}
	result_clear(&r);
	transfer_free(t);
}

static void
report_failed(struct fetch_multi *m)
{
	struct transfer *t;

	while (m->failed != NULL) {
		t = m->failed;
		m->failed = t->next;
		report(m, t, CURLE_OK, 0);
	}
}

enum nf_status
fetch_multi_step(struct fetch_multi *m, struct nf_error *err)
{
	CURLMsg *msg;
	CURLMcode mc;
	struct transfer *t;
	int running, left, finished;

	do {
		start_queued(m);
		report_failed(m);
		mc = curl_multi_perform(m->multi, &running);
		if (mc != CURLM_OK) {
			return nf_error_set(err, mc == CURLM_OUT_OF_MEMORY ?
			                    NF_ERR_NOMEM : NF_ERR_NET,
			                    "libcurl: %s", curl_multi_strerror(mc));
		}
		finished = 0;
		while ((msg = curl_multi_info_read(m->multi, &left)) != NULL) {
			if (msg->msg != CURLMSG_DONE) {
				continue;
			}
			t = NULL;
			curl_easy_getinfo(msg->easy_handle, CURLINFO_PRIVATE,
			                  (char **)&t);
			curl_multi_remove_handle(m->multi, t->easy);
			running_unlink(m, t);
			report(m, t, msg->data.result, 1);
			finished++;
		}
		/* Freed slots start the next requests at once, not a turn later. */
	} while (finished > 0 && (m->queue != NULL || m->failed != NULL));
	return NF_OK;
}

static short
to_curl_events(short ev)
{
	return (short)(((ev & POLLIN) ? CURL_WAIT_POLLIN : 0) |
	               ((ev & POLLPRI) ? CURL_WAIT_POLLPRI : 0) |
	               ((ev & POLLOUT) ? CURL_WAIT_POLLOUT : 0));
}

static short
from_curl_events(short ev)
{
	return (short)(((ev & CURL_WAIT_POLLIN) ? POLLIN : 0) |
	               ((ev & CURL_WAIT_POLLPRI) ? POLLPRI : 0) |
	               ((ev & CURL_WAIT_POLLOUT) ? POLLOUT : 0));
}

enum nf_status
fetch_multi_wait(struct fetch_multi *m, struct fetch_waitfd *extra,
                 unsigned nextra, int timeout_ms, struct nf_error *err)
{
	struct curl_waitfd fds[16];
	CURLMcode mc;
	unsigned i;
	int numfds = 0;

	if (nextra > sizeof(fds) / sizeof(fds[0])) {
		return nf_error_set(err, NF_ERR_USAGE,
		                    "too many descriptors to wait on");
	}
	for (i = 0; i < nextra; i++) {
		fds[i].fd = extra[i].fd;
		fds[i].events = to_curl_events(extra[i].events);
		fds[i].revents = 0;
	}
	if (timeout_ms < 0) {
		timeout_ms = INT_MAX;
	}
	/* Failed-early requests are ready now: do not sleep over them. */
	if (m->failed != NULL || (m->queue != NULL &&
	    m->nrunning < (size_t)m->opts.max_parallel)) {
		timeout_ms = 0;
	}
	mc = curl_multi_poll(m->multi, fds, nextra, timeout_ms, &numfds);
	if (mc != CURLM_OK) {
		return nf_error_set(err, NF_ERR_NET, "libcurl: %s",
		                    curl_multi_strerror(mc));
	}
	for (i = 0; i < nextra; i++) {
		extra[i].revents = from_curl_events(fds[i].revents);
	}
	return NF_OK;
}

void
fetch_multi_wakeup(struct fetch_multi *m)
{
	curl_multi_wakeup(m->multi);
}

enum nf_status
fetch_multi_run(struct fetch_multi *m, struct nf_error *err)
{
	enum nf_status st;

	st = fetch_multi_step(m, err);
	while (st == NF_OK && m->npending > 0) {
		st = fetch_multi_wait(m, NULL, 0, 1000, err);
		if (st == NF_OK) {
			st = fetch_multi_step(m, err);
		}
	}
	return st;
}

static void
free_list(struct transfer *t)
{
	struct transfer *next;

	for (; t != NULL; t = next) {
		next = t->next;
		transfer_free(t);
	}
}

void
fetch_multi_free(struct fetch_multi *m)
{
	struct transfer *t;

	if (m == NULL) {
		return;
	}
	for (t = m->running; t != NULL; t = t->next) {
		curl_multi_remove_handle(m->multi, t->easy);
	}
	free_list(m->running);
	free_list(m->queue);
	free_list(m->failed);
	curl_multi_cleanup(m->multi);
	free(m);
}
