/*
 * Reading a SOURCE (src/source.h): a path, "-" through a pipe, file://
 * URLs, and http from the loopback test server (tests/server.py, serving
 * a temporary folder this test writes). One table of named cases for
 * what arrives and what fails, one for encodings read through the feed
 * parser as --dump and --headlines read them.
 */
#include "autoconfig.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <setjmp.h>
#include <cmocka.h>

#include "feeds/feed.h"
#include "src/buf.h"
#include "config/config.h"
#include "src/source.h"
#include "tests/testdir.h"
#include "tests/testserver.h"

static char dir[PATH_MAX];	/* the served folder, as its real path */
static struct testserver srv = { .root = dir };

/* ---- The folder and the server ----------------------------------------- */

static void
write_file(const char *name, const char *data, size_t len)
{
	char path[PATH_MAX + 64];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, len, f), len);
	fclose(f);
}

static void
write_str(const char *name, const char *data)
{
	write_file(name, data, strlen(data));
}

#define RSS_HEAD "<rss version=\"2.0\"><channel><title>Caf\xe9 du port</title>"
#define RSS_ITEM "<item><title>Quay lights repaired</title><description>" \
	"The lamps along the quay work again after a week.</description></item>"

/* A Latin-1 feed: lead (may be NULL), then items copies of one item. */
static void
write_latin1(const char *name, const char *lead, size_t items)
{
	struct buf b;
	size_t i;

	buf_init(&b, 1 << 24);
	assert_int_equal(buf_add_str(&b, lead != NULL ? lead : ""), NF_OK);
	assert_int_equal(buf_add_str(&b, RSS_HEAD), NF_OK);
	for (i = 0; i < items; i++) {
		assert_int_equal(buf_add_str(&b, RSS_ITEM), NF_OK);
	}
	assert_int_equal(buf_add_str(&b, "</channel></rss>\n"), NF_OK);
	write_file(name, b.data, b.len);
	buf_free(&b);
}

static void
write_fixtures(void)
{
	char *big = malloc(200000), blank[401];
	char sub[PATH_MAX + 16];

	assert_non_null(big);
	write_str("feed.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	          "<rss version=\"2.0\"><channel><title>Harbour</title>"
	          "<item><title>Ferry timetable changes on Monday</title></item>"
	          "</channel></rss>\n");
	snprintf(sub, sizeof(sub), "%s/a dir", dir);
	assert_int_equal(mkdir(sub, 0700), 0);
	write_str("a dir/feed.xml", "<rss version=\"2.0\"><channel><title>Spaced</title>"
	          "</channel></rss>\n");
	memset(big, 'x', 200000);
	write_file("big.xml", big, 200000);
	write_str("empty.xml", "");
	free(big);
	/* The declaration after 400 blank bytes: late, but in the first chunk. */
	memset(blank, '\n', 400);
	blank[400] = '\0';
	{
		char lead[512];

		snprintf(lead, sizeof(lead), "%s<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>", blank);
		write_latin1("late.xml", lead, 1);
	}
	write_latin1("declared.xml", "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>", 1);
	write_latin1("undeclared.xml", NULL, 1000);
}

static int
setup(void **state)
{
	char made[PATH_MAX];

	(void)state;
	if (testdir_make(made, sizeof(made), "nf-source") != 0 ||
	    realpath(made, dir) == NULL) {
		return -1;
	}
	write_fixtures();
	return testserver_start(&srv);	/* it unsets the proxies */
}

static int
teardown(void **state)
{
	(void)state;
	testserver_stop(&srv);
	testdir_remove(dir);
	return 0;
}

/* s with %D the folder and %P the server's port, in a static buffer. */
static const char *
expand(const char *s)
{
	static char out[2][PATH_MAX + 256];
	static int which;
	char *o = out[which ^= 1];
	size_t n = 0;

	for (; *s != '\0' && n + 1 < sizeof(out[0]); s++) {
		if (s[0] == '%' && (s[1] == 'D' || s[1] == 'P')) {
			n += (size_t)(s[1] == 'D' ?
			              snprintf(o + n, sizeof(out[0]) - n, "%s", dir) :
			              snprintf(o + n, sizeof(out[0]) - n, "%d", srv.port));
			s++;
		} else {
			o[n++] = *s;
		}
	}
	o[n] = '\0';
	return o;
}

/* ---- What arrives ------------------------------------------------------ */

/* Runs fn with fd as standard input, then puts the old one back. */
static enum nf_status
with_stdin(int fd, enum nf_status (*fn)(void *), void *arg)
{
	int saved = dup(STDIN_FILENO);
	enum nf_status st;

	assert_true(saved >= 0);
	assert_int_equal(dup2(fd, STDIN_FILENO), STDIN_FILENO);
	close(fd);
	st = fn(arg);
	dup2(saved, STDIN_FILENO);
	close(saved);
	return st;
}

/* Writes data into a new pipe from a child, in two writes pause_ms apart
 * (the first of split bytes), and returns the pipe's read end. */
static int
pipe_from_child(const char *data, size_t len, size_t split, int pause_ms,
                pid_t *child)
{
	int p[2];

	assert_int_equal(pipe(p), 0);
	*child = fork();
	assert_true(*child >= 0);
	if (*child == 0) {
		struct timespec ts = { 0, (long)pause_ms * 1000000L };
		ssize_t w = write(p[1], data, split);

		nanosleep(&ts, NULL);
		w += write(p[1], data + split, len - split);
		_exit(w == (ssize_t)len ? 0 : 1);
	}
	close(p[1]);
	return p[0];
}

static char *
slurp(const char *name, size_t *len)
{
	char path[PATH_MAX + 64], *data;
	FILE *f;
	long n;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "rb");
	assert_non_null(f);
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	data = malloc((size_t)n + 1);
	assert_non_null(data);
	assert_int_equal(fread(data, 1, (size_t)n, f), (size_t)n);
	fclose(f);
	*len = (size_t)n;
	return data;
}

/* A consumer that keeps everything it is told. */
struct sink {
	struct buf body;
	int started;
	int early;		/* chunks before start: never */
	int finals;
	size_t chunks;
	char *base_url;
	char *charset;
};

static int
sink_start(void *ctx, const struct source_head *head)
{
	struct sink *s = ctx;

	s->started++;
	s->base_url = head->base_url != NULL ? strdup(head->base_url) : NULL;
	s->charset = head->charset != NULL ? strdup(head->charset) : NULL;
	return 0;
}

static int
sink_chunk(void *ctx, const char *data, size_t len, int final)
{
	struct sink *s = ctx;

	s->early += !s->started;
	s->finals += final != 0;
	s->chunks += len > 0;
	return buf_add(&s->body, data, len) != NF_OK;
}

static const struct source_ops sink_ops = { .start = sink_start, .chunk = sink_chunk };

struct source_case {
	const char *name;
	const char *source;	/* %D the folder, %P the server's port */
	const char *piped;	/* for "-": this file through a pipe */
	long max_size;
	enum nf_status want;
	const char *want_msg;	/* on failure */
	const char *want_body;	/* on success: this file's bytes arrive */
	const char *want_base;	/* NULL: none */
	const char *want_charset;	/* NULL: none */
};

#define SERVER "http://127.0.0.1:%P"
#define M16 (16L << 20)

static const struct source_case source_cases[] = {
	{ "path", "%D/feed.xml", NULL, M16, NF_OK, NULL, "feed.xml",
	  "file://%D/feed.xml", NULL },
	{ "path with a space: its base URL escapes it", "%D/a dir/feed.xml", NULL, M16,
	  NF_OK, NULL, "a dir/feed.xml", "file://%D/a%20dir/feed.xml", NULL },
	{ "file URL with %20", "file://%D/a%20dir/feed.xml", NULL, M16, NF_OK, NULL,
	  "a dir/feed.xml", "file://%D/a%20dir/feed.xml", NULL },
	{ "file URL on localhost", "file://localhost%D/feed.xml", NULL, M16, NF_OK, NULL,
	  "feed.xml", "file://localhost%D/feed.xml", NULL },
	{ "file URL on another host", "file://elsewhere.example%D/feed.xml", NULL, M16,
	  NF_ERR_USAGE, "not a local file URL", NULL, NULL, NULL },
	{ "missing path", "%D/nope.xml", NULL, M16, NF_ERR_IO,
	  "cannot open: No such file or directory", NULL, NULL, NULL },
	{ "empty file", "%D/empty.xml", NULL, M16, NF_OK, NULL, "empty.xml",
	  "file://%D/empty.xml", NULL },
	{ "standard input through a pipe", "-", "feed.xml", M16, NF_OK, NULL, "feed.xml",
	  NULL, NULL },
	{ "a local file over max-size streams whole", "%D/big.xml", NULL, 64 * 1024,
	  NF_OK, NULL, "big.xml", "file://%D/big.xml", NULL },
	{ "http with a charset", SERVER "/feed/feed.xml?charset=utf-8", NULL, M16, NF_OK,
	  NULL, "feed.xml", SERVER "/feed/feed.xml?charset=utf-8", "utf-8" },
	{ "http without a charset", SERVER "/feed/feed.xml", NULL, M16, NF_OK, NULL,
	  "feed.xml", SERVER "/feed/feed.xml", NULL },
	{ "http, an empty body", SERVER "/feed/empty.xml?charset=utf-8", NULL, M16, NF_OK,
	  NULL, "empty.xml", SERVER "/feed/empty.xml?charset=utf-8", "utf-8" },
	{ "http after a redirect: the base is where it went", SERVER "/redirect?to=/feed/feed.xml",
	  NULL, M16, NF_OK, NULL, "feed.xml", SERVER "/feed/feed.xml", NULL },
	{ "http with a relative Content-Location", SERVER "/located?at=/news/all.xml&feed=feed.xml",
	  NULL, M16, NF_OK, NULL, "feed.xml", SERVER "/news/all.xml", NULL },
	{ "http with an absolute Content-Location",
	  SERVER "/located?at=https://mirror.example/all.xml&feed=feed.xml", NULL, M16, NF_OK,
	  NULL, "feed.xml", "https://mirror.example/all.xml", NULL },
	{ "http with a javascript: Content-Location",
	  SERVER "/located?at=javascript:alert(1)&feed=feed.xml", NULL, M16, NF_OK, NULL,
	  "feed.xml", SERVER "/located?at=javascript:alert(1)&feed=feed.xml", NULL },
	{ "http over max-size", SERVER "/feed/big.xml", NULL, 64 * 1024, NF_ERR_TOO_LARGE,
	  "too large (over 64 KiB)", NULL, NULL, NULL },
	{ "http without end, over max-size", SERVER "/endless", NULL, 64 * 1024,
	  NF_ERR_TOO_LARGE, "too large (over 64 KiB)", NULL, NULL, NULL },
	{ "http error status", SERVER "/status/404", NULL, M16, NF_ERR_NET, "HTTP 404",
	  NULL, NULL, NULL },
};

struct read_args {
	const char *source;
	const struct config *cfg;
	const struct source_ops *ops;
	void *ctx;
	struct source_head *head;
	struct nf_error *err;
};

static enum nf_status
read_it(void *arg)
{
	struct read_args *a = arg;

	struct fetch_limits lim = { 0, a->cfg->timeout * 1000L, (size_t)a->cfg->max_size };

	return source_read(a->source, &lim, a->ops, a->ctx, a->head, a->err);
}

/* source_read(), with "-" fed from a pipe of the file piped (split after
 * split bytes, pause_ms apart). */
static enum nf_status
read_source(struct read_args *a, const char *piped, size_t split, int pause_ms)
{
	enum nf_status st;
	size_t len;
	char *data;
	pid_t child;
	int status;

	if (piped == NULL) {
		return read_it(a);
	}
	data = slurp(piped, &len);
	split = split < len ? split : len;
	st = with_stdin(pipe_from_child(data, len, split, pause_ms, &child), read_it, a);
	waitpid(child, &status, 0);
	free(data);
	return st;
}

static void
check_arrived(const struct source_case *c, const struct sink *s)
{
	size_t len;
	char *want = slurp(c->want_body, &len);

	if (s->started != 1 || s->early != 0 || s->finals != 1) {
		fail_msg("%s: started %d, chunks before start %d, finals %d", c->name,
		         s->started, s->early, s->finals);
	}
	if (s->body.len != len || memcmp(s->body.data != NULL ? s->body.data : "", want, len) != 0) {
		fail_msg("%s: %zu bytes arrived, want %zu", c->name, s->body.len, len);
	}
	if ((c->want_base == NULL) != (s->base_url == NULL) ||
	    (s->base_url != NULL && strcmp(s->base_url, expand(c->want_base)) != 0)) {
		fail_msg("%s: base %s", c->name, s->base_url != NULL ? s->base_url : "(none)");
	}
	if ((c->want_charset == NULL) != (s->charset == NULL) ||
	    (s->charset != NULL && strcmp(s->charset, c->want_charset) != 0)) {
		fail_msg("%s: charset %s", c->name, s->charset != NULL ? s->charset : "(none)");
	}
	free(want);
}

static void
test_sources(void **state)
{
	struct config cfg;
	struct nf_error err;
	size_t i;

	(void)state;
	assert_int_equal(config_init(&cfg, &err), NF_OK);
	for (i = 0; i < sizeof(source_cases) / sizeof(source_cases[0]); i++) {
		const struct source_case *c = &source_cases[i];
		struct sink s = { .started = 0 };
		struct source_head head = { NULL, NULL };
		struct read_args a = { expand(c->source), &cfg, &sink_ops, &s, &head, &err };
		enum nf_status st;

		cfg.max_size = c->max_size;
		buf_init(&s.body, 1 << 20);
		nf_error_clear(&err);
		st = read_source(&a, c->piped, SIZE_MAX, 0);
		if (st != c->want) {
			fail_msg("%s: status %d (%s), want %d", c->name, st, err.msg, c->want);
		}
		if (st != NF_OK && strcmp(err.msg, c->want_msg) != 0) {
			fail_msg("%s: \"%s\", want \"%s\"", c->name, err.msg, c->want_msg);
		}
		if (st == NF_OK) {
			check_arrived(c, &s);
		}
		source_head_free(&head);
		buf_free(&s.body);
		free(s.base_url);
		free(s.charset);
	}
	config_free(&cfg);
}

/* ---- Encodings, through the feed parser -------------------------------- */

struct parse {
	struct feed_options opts;
	struct feed_parser *p;
	size_t chunks;
	size_t items;
	enum nf_status st;
	struct nf_error err;
};

static int
parse_item(void *ctx, const struct nf_feed *feed, struct nf_item *item)
{
	(void)feed;
	((struct parse *)ctx)->items++;
	item_free(item);
	return 0;
}

static int
parse_start(void *ctx, const struct source_head *head)
{
	struct parse *r = ctx;

	r->opts.base_url = head->base_url;
	r->opts.charset = head->charset;
	r->p = feed_parser_new(&r->opts, parse_item, r);
	return r->p == NULL;
}

static int
parse_chunk(void *ctx, const char *data, size_t len, int final)
{
	struct parse *r = ctx;

	r->chunks += len > 0;
	r->st = feed_parser_push(r->p, data, len, final, &r->err);
	return r->st != NF_OK;
}

static const struct source_ops parse_ops = { .start = parse_start, .chunk = parse_chunk };

struct encoding_case {
	const char *name;
	const char *source;
	const char *piped;	/* for "-" */
	size_t split;		/* the pipe's first write */
	size_t min_chunks;	/* streamed in at least this many chunks */
	const char *want_title;
};

/* The fixtures are Latin-1 (0xE9 is é); read as KOI8-R, 0xE9 is И. */
#define LATIN1_TITLE "Caf\xc3\xa9 du port"
#define KOI8_TITLE "Caf\xd0\x98 du port"

static const struct encoding_case encoding_cases[] = {
	{ "declared late in the first chunk; the HTTP charset says otherwise",
	  SERVER "/feed/late.xml?charset=KOI8-R", NULL, 0, 1, LATIN1_TITLE },
	{ "declared, no HTTP charset", SERVER "/feed/declared.xml", NULL, 0, 1,
	  LATIN1_TITLE },
	{ "not declared: the HTTP charset, known before the first byte",
	  SERVER "/feed/undeclared.xml?charset=KOI8-R", NULL, 0, 2, KOI8_TITLE },
	{ "declared late, split across the pipe's first reads", "-", "late.xml", 420, 2,
	  LATIN1_TITLE },
	{ "declaration cut in two by the pipe's first read", "-", "declared.xml", 20, 2,
	  LATIN1_TITLE },
	{ "a path declared late", "%D/late.xml", NULL, 0, 1, LATIN1_TITLE },
};

static void
test_encodings(void **state)
{
	struct config cfg;
	struct nf_error err;
	size_t i;

	(void)state;
	assert_int_equal(config_init(&cfg, &err), NF_OK);
	for (i = 0; i < sizeof(encoding_cases) / sizeof(encoding_cases[0]); i++) {
		const struct encoding_case *c = &encoding_cases[i];
		struct parse r = { { c->source, NULL, NULL, 0.6, 0, 0, 0 }, NULL, 0, 0, NF_OK, { 0, "" } };
		struct source_head head = { NULL, NULL };
		struct read_args a = { expand(c->source), &cfg, &parse_ops, &r, &head, &err };
		const char *title;

		if (read_source(&a, c->piped, c->split, 100) != NF_OK || r.st != NF_OK) {
			fail_msg("%s: %s%s", c->name, err.msg, r.err.msg);
		}
		title = r.p != NULL ? feed_parser_feed(r.p)->title : NULL;
		if (title == NULL || strcmp(title, c->want_title) != 0 || r.items == 0) {
			fail_msg("%s: title \"%s\", %zu items", c->name, title != NULL ? title : "",
			         r.items);
		}
		if (r.chunks < c->min_chunks) {
			fail_msg("%s: %zu chunks, want at least %zu", c->name, r.chunks,
			         c->min_chunks);
		}
		feed_parser_free(r.p);
		source_head_free(&head);
	}
	config_free(&cfg);
}

/* The settings a SOURCE is read with: without a dotfile, the defaults. */
static void
test_settings(void **state)
{
	char path[PATH_MAX + 64];
	struct config cfg;
	struct nf_error err;

	(void)state;
	snprintf(path, sizeof(path), "%s/home", dir);
	assert_int_equal(mkdir(path, 0700), 0);
	setenv("HOME", path, 1);
	unsetenv("NEWSFOLD_CONFIG");
	unsetenv("XDG_CONFIG_HOME");
	assert_int_equal(config_load_settings(NULL, &cfg, &err), NF_OK);
	assert_int_equal(cfg.max_size, 16L << 20);
	config_free(&cfg);
	write_str("rc", "max-size 64K\n");
	snprintf(path, sizeof(path), "%s/rc", dir);
	assert_int_equal(config_load_settings(path, &cfg, &err), NF_OK);
	assert_int_equal(cfg.max_size, 64L * 1024);
	config_free(&cfg);
	write_str("bad-rc", "max-size lots\n");
	snprintf(path, sizeof(path), "%s/bad-rc", dir);
	assert_int_equal(config_load_settings(path, &cfg, &err), NF_ERR_CONFIG);
	config_free(&cfg);
	snprintf(path, sizeof(path), "%s/no-rc", dir);
	assert_int_equal(config_load_settings(path, &cfg, &err), NF_ERR_CONFIG);
	config_free(&cfg);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sources),
		cmocka_unit_test(test_encodings),
		cmocka_unit_test(test_settings),
	};

	signal(SIGPIPE, SIG_IGN);
	return cmocka_run_group_tests(tests, setup, teardown);
}
