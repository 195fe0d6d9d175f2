/*
 * Fetch against a real HTTP server on 127.0.0.1 (tests/server.py, started
 * here and stopped at the end). One table of named single-transfer cases,
 * then the cases that need more than one transfer.
 */
#include "autoconfig.h"

#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <setjmp.h>
#include <cmocka.h>

#include "src/buf.h"
#include "src/fetch.h"
#include "src/url.h"
#include "src/item.h"
#include "tests/testserver.h"

static struct testserver srv;

/* ---- The server --------------------------------------------------------- */

static int
server_start(void **state)
{
	(void)state;
	/* testserver_start() unsets the proxies: the loopback server and the
	 * bad host must not go through one the environment names. */
	if (testserver_start(&srv) != 0 || fetch_global_init(NULL) != NF_OK) {
		return -1;
	}
	return 0;
}

static int
server_stop(void **state)
{
	(void)state;
	fetch_global_cleanup();
	testserver_stop(&srv);
	return 0;
}

/* ---- Helpers ------------------------------------------------------------ */

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The last request line the server logged, as a new string. */
static char *
last_log_line(void)
{
	FILE *f = fopen(srv.log_path, "r");
	char line[8192];
	char *last = NULL;

	assert_non_null(f);
	while (fgets(line, sizeof(line), f) != NULL) {
		free(last);
		last = strdup(line);
	}
	fclose(f);
	assert_non_null(last);
	return last;
}

/* A port nobody listens on: bound, then released. */
static int
closed_port(void)
{
	struct sockaddr_in sa;
	socklen_t len = sizeof(sa);
	int fd = socket(AF_INET, SOCK_STREAM, 0);

	memset(&sa, 0, sizeof(sa));
	sa.sin_family = AF_INET;
	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	assert_int_equal(bind(fd, (struct sockaddr *)&sa, sizeof(sa)), 0);
	assert_int_equal(getsockname(fd, (struct sockaddr *)&sa, &len), 0);
	close(fd);
	return ntohs(sa.sin_port);
}

/* Collects the results of one multi run, in completion order. */
struct results {
	struct fetch_result r[32];
	size_t n;
};

static void
collect(void *ctx, struct fetch_result *res)
{
	struct results *all = ctx;
	struct fetch_result *r;

	assert_true(all->n < 32);
	r = &all->r[all->n++];
	*r = *res;
	/* Take every string, as the header allows. */
	res->body = res->content_type = res->charset = NULL;
	res->effective_url = res->etag = res->last_modified = NULL;
	res->content_location = NULL;
}

static void
results_free(struct results *all)
{
	size_t i;

	for (i = 0; i < all->n; i++) {
		free(all->r[i].body);
		free(all->r[i].content_type);
		free(all->r[i].charset);
		free(all->r[i].effective_url);
		free(all->r[i].content_location);
		free(all->r[i].etag);
		free(all->r[i].last_modified);
	}
	all->n = 0;
}

static void
run_requests(const struct fetch_multi_options *opts,
             const struct fetch_request *reqs, size_t n, struct results *all)
{
	struct nf_error err;
	struct fetch_multi *m = fetch_multi_new(opts, collect, all, &err);
	size_t i;

	assert_non_null(m);
	for (i = 0; i < n; i++) {
		assert_int_equal(fetch_multi_add(m, &reqs[i], &err), NF_OK);
	}
	assert_int_equal(fetch_multi_pending(m), n);
	assert_int_equal(fetch_multi_run(m, &err), NF_OK);
	assert_int_equal(fetch_multi_pending(m), 0);
	fetch_multi_free(m);
	assert_int_equal(all->n, n);
}

/* ---- The table of single transfers ------------------------------------- */

struct single_case {
	const char *name;
	const char *path;		/* on the server; "%d" takes the port */
	const char *url;		/* or a whole URL */
	const char *userinfo;		/* "user:password@" before the host */
	long timeout_ms;
	size_t max_size;
	enum fetch_outcome outcome;
	enum nf_status code;
	const char *reason;		/* exact, or NULL */
	const char *body_has;		/* substring of the body, or NULL */
	const char *charset;		/* expected charset, or NULL for none */
	double max_seconds;		/* 0 = no bound */
};

static const struct single_case single_cases[] = {
	{ .name = "ok", .path = "/feed/world.xml", .outcome = FETCH_OK,
	  .body_has = "<title>Harbour Gazette</title>" },
	{ .name = "charset", .path = "/feed/world.xml?charset=ISO-8859-1",
	  .outcome = FETCH_OK, .body_has = "Night ferry",
	  .charset = "ISO-8859-1" },
	{ .name = "gzip", .path = "/gzip/tokyo.atom", .outcome = FETCH_OK,
	  .body_has = "<title>みなと新聞</title>" },
	{ .name = "json", .path = "/feed/weather.json", .outcome = FETCH_OK,
	  .body_has = "\"Valley Weather Desk\"" },
	{ .name = "http_404", .path = "/status/404", .outcome = FETCH_FAILED,
	  .code = NF_ERR_NET, .reason = "HTTP 404" },
	{ .name = "http_500", .path = "/status/500", .outcome = FETCH_FAILED,
	  .code = NF_ERR_NET, .reason = "HTTP 500" },
	{ .name = "redirect_http",
	  .path = "/redirect?to=http://127.0.0.1:%d/feed/world.xml",
	  .outcome = FETCH_OK, .body_has = "Lantern festival" },
	{ .name = "redirect_file", .path = "/redirect?to=file:///etc/passwd",
	  .outcome = FETCH_FAILED, .code = NF_ERR_NET,
	  .reason = "redirect to a non-http URL refused" },
	{ .name = "slow_timeout", .path = "/slow?seconds=20", .timeout_ms = 1000,
	  .outcome = FETCH_FAILED, .code = NF_ERR_NET,
	  .reason = "timeout after 1 s", .max_seconds = 4.0 },
	{ .name = "endless_too_large", .path = "/endless",
	  .max_size = 64 * 1024, .outcome = FETCH_FAILED,
	  .code = NF_ERR_TOO_LARGE, .reason = "too large (over 64 KiB)",
	  .max_seconds = 4.0 },
	{ .name = "bad_host", .url = "http://nonexistent.invalid/feed.xml",
	  .outcome = FETCH_FAILED, .code = NF_ERR_NET,
	  .reason = "could not resolve host nonexistent.invalid",
	  .max_seconds = 15.0 },
	{ .name = "not_http", .url = "file:///etc/passwd",
	  .outcome = FETCH_FAILED, .code = NF_ERR_NET,
	  .reason = "not an http(s) URL" },
	/* Misbehaving servers: each fails with what actually happened. */
	{ .name = "304_to_unconditional_request", .path = "/notmodified",
	  .outcome = FETCH_FAILED, .code = NF_ERR_NET,
	  .reason = "304 Not Modified to a request without validators" },
	{ .name = "http_0_9_reply", .path = "/http09",
	  .outcome = FETCH_FAILED, .code = NF_ERR_NET,
	  .reason = "malformed HTTP response" },
	{ .name = "status_2000", .path = "/badstatus",
	  .outcome = FETCH_FAILED, .code = NF_ERR_NET,
	  .reason = "malformed HTTP response" },
	{ .name = "header_line_200_kib", .path = "/bigheader?kb=200",
	  .outcome = FETCH_FAILED, .code = NF_ERR_NET,
	  .reason = "response header too large" },
	{ .name = "truncated_gzip", .path = "/truncated/world.xml",
	  .outcome = FETCH_FAILED, .code = NF_ERR_NET,
	  .reason = "truncated compressed body" },
	{ .name = "206_without_range", .path = "/partial/world.xml",
	  .outcome = FETCH_FAILED, .code = NF_ERR_NET,
	  .reason = "HTTP 206 Partial Content to a request without a range" },
	{ .name = "body_shorter_than_its_length", .path = "/short/world.xml",
	  .outcome = FETCH_FAILED, .code = NF_ERR_NET,
	  .reason = "transfer closed with 100 bytes remaining to read" },
	/* Bodies are inflated here, not by libcurl. */
	{ .name = "deflate_zlib", .path = "/deflate/world.xml",
	  .outcome = FETCH_OK, .body_has = "Lantern festival" },
	{ .name = "deflate_bare", .path = "/deflate/world.xml?raw=1",
	  .outcome = FETCH_OK, .body_has = "Lantern festival" },
	{ .name = "gzip_two_members", .path = "/gzip2/world.xml",
	  .outcome = FETCH_OK, .body_has = "</rss>" },
	{ .name = "gzip_bomb_stops_at_the_ceiling", .path = "/bomb?mb=256",
	  .max_size = 1024 * 1024, .outcome = FETCH_FAILED,
	  .code = NF_ERR_TOO_LARGE, .reason = "too large (over 1 MiB)",
	  .max_seconds = 10.0 },
	{ .name = "encoding_never_asked_for", .path = "/brotli",
	  .outcome = FETCH_FAILED, .code = NF_ERR_NET,
	  .reason = "unsupported content encoding" },
	{ .name = "credentials_in_the_url_are_sent",
	  .path = "/auth/world.xml", .userinfo = "alice:s3cret@",
	  .outcome = FETCH_OK, .body_has = "<title>Harbour Gazette</title>" },
};

static const char *
case_url(const struct single_case *c)
{
	static char url[600];

	if (c->url != NULL) {
		return c->url;
	}
	if (c->userinfo != NULL) {
		snprintf(url, sizeof(url), "http://%s127.0.0.1:%d%s", c->userinfo,
		         srv.port, c->path);
		return url;
	}
	return testserver_url(&srv, c->path, srv.port);
}

static void
check_single(const struct single_case *c, const struct fetch_result *r)
{
	assert_int_equal(r->outcome, c->outcome);
	assert_int_equal(r->err.code, c->code);
	if (c->reason != NULL) {
		assert_string_equal(r->err.msg, c->reason);
	}
	if (c->outcome != FETCH_OK) {
		assert_null(r->body);
		return;
	}
	assert_int_equal(r->http_status, 200);
	assert_non_null(r->body);
	assert_int_equal(strlen(r->body), r->len);
	assert_non_null(strstr(r->body, c->body_has));
	assert_non_null(r->etag);
	assert_non_null(r->last_modified);
	assert_non_null(r->effective_url);
	if (c->charset != NULL) {
		assert_string_equal(nf_str(r->charset), c->charset);
	} else {
		assert_null(r->charset);
	}
}

static void
test_single(void **state)
{
	const struct single_case *c = *state;
	struct fetch_multi_options opts = { 0 };
	struct fetch_request req = { 0 };
	struct results all = { .n = 0 };
	double t0 = now();

	opts.limits.timeout_ms = c->timeout_ms;
	opts.limits.max_size = c->max_size;
	req.url = case_url(c);
	req.user = (void *)c;
	run_requests(&opts, &req, 1, &all);
	assert_ptr_equal(all.r[0].user, c);
	check_single(c, &all.r[0]);
	if (c->max_seconds > 0) {
		assert_true(now() - t0 < c->max_seconds);
	}
	results_free(&all);
}

/* ---- Cases that need more ----------------------------------------------- */

static void
test_refused(void **state)
{
	struct fetch_request req = { 0 };
	struct results all = { .n = 0 };
	char url[128];

	(void)state;
	snprintf(url, sizeof(url), "http://127.0.0.1:%d/feed/world.xml",
	         closed_port());
	req.url = url;
	run_requests(NULL, &req, 1, &all);
	assert_int_equal(all.r[0].outcome, FETCH_FAILED);
	assert_string_equal(all.r[0].err.msg, "connection refused");
	results_free(&all);
}

static void
test_conditional(void **state)
{
	struct fetch_request req = { 0 };
	struct results first = { .n = 0 }, second = { .n = 0 };
	char url[512], inner[128];
	char *line;

	(void)state;
	snprintf(url, sizeof(url), "%s", testserver_url(&srv, "/feed/tokyo.atom"));
	req.url = url;
	run_requests(NULL, &req, 1, &first);
	assert_int_equal(first.r[0].outcome, FETCH_OK);
	assert_non_null(first.r[0].etag);
	line = last_log_line();
	assert_null(strstr(line, "If-None-Match"));
	free(line);

	req.etag = first.r[0].etag;
	req.last_modified = first.r[0].last_modified;
	run_requests(NULL, &req, 1, &second);
	assert_int_equal(second.r[0].outcome, FETCH_UNCHANGED);
	assert_int_equal(second.r[0].http_status, 304);
	assert_null(second.r[0].body);
	assert_string_equal(second.r[0].etag, first.r[0].etag);
	assert_string_equal(second.r[0].last_modified, first.r[0].last_modified);
	line = last_log_line();
	assert_non_null(strstr(line, "\"If-None-Match\""));
	/* The ETag is quoted, so the log holds it JSON-escaped; its inside
	 * is enough to recognise it. */
	snprintf(inner, sizeof(inner), "%s", first.r[0].etag + 1);
	inner[strcspn(inner, "\"")] = '\0';
	assert_true(strlen(inner) > 4);
	assert_non_null(strstr(line, inner));
	free(line);
	results_free(&first);
	results_free(&second);
}

static void
test_if_modified_since(void **state)
{
	struct fetch_request req = { 0 };
	struct results all = { .n = 0 };
	char *line;

	(void)state;
	req.url = testserver_url(&srv, "/feed/world.xml");
	req.last_modified = "Wed, 18 Oct 2023 06:00:00 GMT";
	run_requests(NULL, &req, 1, &all);
	assert_int_equal(all.r[0].outcome, FETCH_UNCHANGED);
	line = last_log_line();
	assert_non_null(strstr(line, "\"If-Modified-Since\""));
	assert_non_null(strstr(line, "\"User-Agent\": \"newsfold/" PACKAGE_VERSION "\""));
	assert_non_null(strstr(line, "gzip"));	/* Accept-Encoding */
	free(line);
	results_free(&all);
}

static void
test_parallel(void **state)
{
	enum { N = 20 };
	struct fetch_multi_options opts = { .max_parallel = 4 };
	struct fetch_request reqs[N];
	char urls[N][128];
	struct results all = { .n = 0 };
	int seen[N] = { 0 };
	double t0, elapsed;
	size_t i;

	(void)state;
	memset(reqs, 0, sizeof(reqs));
	for (i = 0; i < N; i++) {
		snprintf(urls[i], sizeof(urls[i]), "%s",
		         testserver_url(&srv, "/latency?ms=300&items=5&seed=%zu", i));
		reqs[i].url = urls[i];
		reqs[i].user = &seen[i];
	}
	t0 = now();
	run_requests(&opts, reqs, N, &all);
	elapsed = now() - t0;
	for (i = 0; i < N; i++) {
		assert_int_equal(all.r[i].outcome, FETCH_OK);
		assert_non_null(strstr(all.r[i].body, "Generated News"));
		(*(int *)all.r[i].user)++;
	}
	for (i = 0; i < N; i++) {
		assert_int_equal(seen[i], 1);
	}
	/* Five rounds of four at 0.3 s: at least 1.5 s when the limit holds,
	 * far less than the 6 s of one at a time. */
	assert_true(elapsed >= 1.45);
	assert_true(elapsed < 5.0);
	results_free(&all);
}

struct stream_sink {
	struct buf body;
	int chunks;
	int stop_after;
};

static int
sink_chunk(void *ctx, const char *data, size_t len)
{
	struct stream_sink *s = ctx;

	s->chunks++;
	if (buf_add(&s->body, data, len) != NF_OK) {
		return 1;
	}
	return s->stop_after > 0 && s->chunks >= s->stop_after;
}

static void
test_stream(void **state)
{
	struct stream_sink sink = { .chunks = 0 };
	struct fetch_limits limits = { .timeout_ms = 5000 };
	struct nf_error err;
	char *ctype = NULL;

	(void)state;
	buf_init(&sink.body, 1 << 20);
	assert_int_equal(fetch_url_stream(testserver_url(&srv, "/gzip/world.xml?charset=utf-8"),
	                                  &limits, NULL, sink_chunk, &sink, &ctype,
	                                  &err), NF_OK);
	assert_non_null(strstr(sink.body.data, "Library extends opening hours"));
	assert_string_equal(ctype, "application/rss+xml; charset=utf-8");
	free(ctype);
	buf_reset(&sink.body);

	assert_int_equal(fetch_url_stream(testserver_url(&srv, "/status/404"), NULL, NULL,
	                                  sink_chunk, &sink, &ctype, &err),
	                 NF_ERR_NET);
	assert_string_equal(err.msg, "HTTP 404");
	assert_null(ctype);
	assert_int_equal(sink.body.len, 0);

	limits.max_size = 100000;
	assert_int_equal(fetch_url_stream(testserver_url(&srv, "/endless"), &limits, NULL,
	                                  sink_chunk, &sink, &ctype, &err),
	                 NF_ERR_TOO_LARGE);
	assert_string_equal(err.msg, "too large (over 100000 bytes)");
	buf_reset(&sink.body);

	/* A sink that has enough stops the transfer without an error. */
	sink.stop_after = 1;
	sink.chunks = 0;
	assert_int_equal(fetch_url_stream(testserver_url(&srv, "/endless"), NULL, NULL, sink_chunk,
	                                  &sink, &ctype, &err), NF_OK);
	assert_int_equal(sink.chunks, 1);
	free(ctype);
	buf_free(&sink.body);
}

/* The reader queues the next feed from the callback of the last one. */
struct chain {
	struct fetch_multi *m;
	int done;
};

static void
chain_next(void *ctx, struct fetch_result *res)
{
	struct chain *c = ctx;
	struct fetch_request req = { 0 };
	struct nf_error err;

	assert_int_equal(res->outcome, FETCH_OK);
	if (++c->done < 3) {
		req.url = testserver_url(&srv, "/feed/weather.json");
		assert_int_equal(fetch_multi_add(c->m, &req, &err), NF_OK);
	}
}

static void
test_add_from_callback(void **state)
{
	struct chain c = { .done = 0 };
	struct fetch_request req = { 0 };
	struct nf_error err;

	(void)state;
	c.m = fetch_multi_new(NULL, chain_next, &c, &err);
	assert_non_null(c.m);
	req.url = testserver_url(&srv, "/feed/world.xml");
	assert_int_equal(fetch_multi_add(c.m, &req, &err), NF_OK);
	assert_int_equal(fetch_multi_run(c.m, &err), NF_OK);
	assert_int_equal(c.done, 3);
	assert_int_equal(fetch_multi_pending(c.m), 0);
	fetch_multi_free(c.m);
}

/* Quitting the reader mid-fetch: no callback, nothing left behind. */
static void
test_free_while_running(void **state)
{
	struct results all = { .n = 0 };
	struct fetch_request req = { 0 };
	struct fetch_multi_options opts = { .max_parallel = 1 };
	struct nf_error err;
	struct fetch_multi *m = fetch_multi_new(&opts, collect, &all, &err);

	(void)state;
	assert_non_null(m);
	req.url = testserver_url(&srv, "/slow?seconds=20");
	assert_int_equal(fetch_multi_add(m, &req, &err), NF_OK);
	assert_int_equal(fetch_multi_add(m, &req, &err), NF_OK);
	assert_int_equal(fetch_multi_step(m, &err), NF_OK);
	assert_int_equal(fetch_multi_wait(m, NULL, 0, 200, &err), NF_OK);
	assert_int_equal(fetch_multi_step(m, &err), NF_OK);
	assert_int_equal(fetch_multi_pending(m), 2);
	fetch_multi_free(m);
	assert_int_equal(all.n, 0);
}

static void
test_wait_wakes(void **state)
{
	struct nf_error err;
	struct fetch_multi *m = fetch_multi_new(NULL, NULL, NULL, &err);
	struct fetch_waitfd fd;
	int p[2];
	double t0;

	(void)state;
	assert_non_null(m);
	assert_int_equal(pipe(p), 0);
	fd.fd = p[0];
	fd.events = POLLIN;
	fd.revents = 0;

	t0 = now();
	fetch_multi_wakeup(m);
	assert_int_equal(fetch_multi_wait(m, &fd, 1, 5000, &err), NF_OK);
	assert_true(now() - t0 < 2.0);
	assert_int_equal(fd.revents, 0);

	assert_int_equal(write(p[1], "x", 1), 1);
	t0 = now();
	assert_int_equal(fetch_multi_wait(m, &fd, 1, 5000, &err), NF_OK);
	assert_true(now() - t0 < 2.0);
	assert_true(fd.revents & POLLIN);

	close(p[0]);
	close(p[1]);
	fetch_multi_free(m);
}

static void
test_helpers(void **state)
{
	static const struct {
		const char *in, *charset;
	} types[] = {
		{ "text/xml; charset=utf-8", "utf-8" },
		{ "text/xml;charset=\"Shift_JIS\"", "Shift_JIS" },
		{ "application/rss+xml; q=1; Charset=EUC-JP; x=y", "EUC-JP" },
		{ "text/xml", NULL },
		{ "text/xml; charset=", NULL },
	};
	char *s;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(types) / sizeof(types[0]); i++) {
		s = fetch_content_charset(types[i].in);
		if (types[i].charset == NULL) {
			assert_null(s);
		} else {
			assert_string_equal(s, types[i].charset);
		}
		free(s);
	}
	s = url_file_path("file:///home/me/my%20feeds/local.xml");
	assert_string_equal(s, "/home/me/my feeds/local.xml");
	free(s);
	s = url_file_path("file://localhost/tmp/a.xml");
	assert_string_equal(s, "/tmp/a.xml");
	free(s);
	assert_null(url_file_path("file://elsewhere.example/tmp/a.xml"));
	assert_null(url_file_path("http://127.0.0.1/a.xml"));
	assert_true(url_is_http("HTTPS://example.org/"));
	assert_false(url_is_http("ftp://example.org/"));
}

/* A stored validator with a line break in it would add headers of its
 * own to the request: it is dropped, and the request is unconditional. */
static void
test_validator_cannot_smuggle_headers(void **state)
{
	struct fetch_request req = { 0 };
	struct results all = { .n = 0 };
	char *line;

	(void)state;
	req.url = testserver_url(&srv, "/feed/world.xml");
	req.etag = "\"abc\"\r\nX-Injected: yes";
	req.last_modified = "Wed, 18 Oct 2023 06:00:00 GMT\nX-Injected: yes";
	run_requests(NULL, &req, 1, &all);
	assert_int_equal(all.r[0].outcome, FETCH_OK);
	line = last_log_line();
	assert_null(strstr(line, "X-Injected"));
	assert_null(strstr(line, "If-None-Match"));
	assert_null(strstr(line, "If-Modified-Since"));
	free(line);
	results_free(&all);
}

/* Credentials never reach a screen or a report. */
static void
test_redact(void **state)
{
	static const struct {
		const char *name, *url, *shown;
	} cases[] = {
		{ "password", "http://alice:s3cret@example.org/feed.xml",
		  "http://alice:***@example.org/feed.xml" },
		{ "password_and_port", "https://alice:s3cret@example.org:8443/f?a=b",
		  "https://alice:***@example.org:8443/f?a=b" },
		{ "token_alone", "https://ghp_abc123@example.org/feed",
		  "https://***@example.org/feed" },
		{ "empty_password", "http://alice:@example.org/",
		  "http://alice:***@example.org/" },
		{ "at_in_the_password", "http://alice:p@ss@example.org/x",
		  "http://alice:***@example.org/x" },
		{ "at_in_the_path_only", "http://example.org/people/@alice",
		  "http://example.org/people/@alice" },
		{ "at_in_the_query_only", "http://example.org/f?by=a:b@c",
		  "http://example.org/f?by=a:b@c" },
		{ "no_credentials", "http://example.org/feed.xml",
		  "http://example.org/feed.xml" },
		{ "file_url", "file:///home/me/feed.xml", "file:///home/me/feed.xml" },
		{ "not_a_url", "alice:s3cret@example.org", "alice:s3cret@example.org" },
		{ "empty", "", "" },
	};
	size_t i;
	char *got;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		got = url_redact(cases[i].url);
		if (got == NULL || strcmp(got, cases[i].shown) != 0) {
			fail_msg("%s: got %s, want %s", cases[i].name,
			         got != NULL ? got : "NULL", cases[i].shown);
		}
		free(got);
	}
	assert_null(url_redact(NULL));
}

/* The redirect policy on addresses, including those a loopback server
 * cannot show (public, IPv6, mapped IPv4). */
static void
test_redirect_policy(void **state)
{
	static const struct {
		const char *name, *from, *to;
		int allowed;
	} cases[] = {
		{ "public_to_public", "93.184.216.34", "151.101.1.69", 1 },
		{ "public_to_loopback", "93.184.216.34", "127.0.0.1", 0 },
		{ "public_to_other_loopback", "93.184.216.34", "127.8.9.10", 0 },
		{ "public_to_any_address", "93.184.216.34", "0.0.0.0", 0 },
		{ "public_to_10", "93.184.216.34", "10.1.2.3", 0 },
		{ "public_to_172_16", "93.184.216.34", "172.20.0.5", 0 },
		{ "public_to_172_32_is_public", "93.184.216.34", "172.32.0.5", 1 },
		{ "public_to_192_168", "93.184.216.34", "192.168.1.1", 0 },
		{ "public_to_shared_100_64", "93.184.216.34", "100.100.1.1", 0 },
		{ "public_to_metadata", "93.184.216.34", "169.254.169.254", 0 },
		{ "public_to_ipv6_loopback", "2606:2800:220:1::1", "::1", 0 },
		{ "public_to_ipv6_unique_local", "2606:2800:220:1::1", "fd00::2", 0 },
		{ "public_to_ipv6_link_local", "2606:2800:220:1::1", "fe80::1", 0 },
		{ "public_to_mapped_loopback", "93.184.216.34", "::ffff:127.0.0.1", 0 },
		{ "public_to_ipv6_public", "93.184.216.34", "2a00:1450:4001::1", 1 },
		{ "private_to_private", "192.168.1.10", "10.0.0.1", 1 },
		{ "private_to_public", "192.168.1.10", "93.184.216.34", 1 },
		{ "private_to_loopback", "192.168.1.10", "127.0.0.1", 0 },
		{ "private_to_metadata", "10.0.0.1", "169.254.169.254", 0 },
		{ "loopback_to_loopback", "127.0.0.1", "127.0.0.1", 1 },
		{ "loopback_to_private", "127.0.0.1", "192.168.1.1", 1 },
		{ "loopback_to_public", "::1", "93.184.216.34", 1 },
		{ "not_an_address", "example.org", "127.0.0.1", -1 },
	};
	size_t i;
	int got;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		got = fetch_redirect_allowed(cases[i].from, cases[i].to);
		if (got != cases[i].allowed) {
			fail_msg("%s: got %d, want %d", cases[i].name, got,
			         cases[i].allowed);
		}
	}
}

int
main(void)
{
	enum { NSINGLE = sizeof(single_cases) / sizeof(single_cases[0]) };
	struct CMUnitTest tests[NSINGLE + 12];
	size_t i, n = 0;

	for (i = 0; i < NSINGLE; i++) {
		tests[n++] = (struct CMUnitTest){
			.name = single_cases[i].name,
			.test_func = test_single,
			.initial_state = (void *)&single_cases[i],
		};
	}
	tests[n++] = (struct CMUnitTest)cmocka_unit_test(test_refused);
	tests[n++] = (struct CMUnitTest)cmocka_unit_test(test_conditional);
	tests[n++] = (struct CMUnitTest)cmocka_unit_test(test_if_modified_since);
	tests[n++] = (struct CMUnitTest)cmocka_unit_test(test_parallel);
	tests[n++] = (struct CMUnitTest)cmocka_unit_test(test_stream);
	tests[n++] = (struct CMUnitTest)cmocka_unit_test(test_add_from_callback);
	tests[n++] = (struct CMUnitTest)cmocka_unit_test(test_free_while_running);
	tests[n++] = (struct CMUnitTest)cmocka_unit_test(test_wait_wakes);
	tests[n++] = (struct CMUnitTest)cmocka_unit_test(test_helpers);
	tests[n++] = (struct CMUnitTest)cmocka_unit_test(test_validator_cannot_smuggle_headers);
	tests[n++] = (struct CMUnitTest)cmocka_unit_test(test_redact);
	tests[n++] = (struct CMUnitTest)cmocka_unit_test(test_redirect_policy);
	return _cmocka_run_group_tests("fetch", tests, n, server_start,
	                               server_stop);
}
