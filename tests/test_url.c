/* URLs: scheme tests, references made absolute, file:// URLs to paths and
 * back, and the host, as tables of named cases. */
#include "autoconfig.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "src/url.h"

/* A case for a function from one or two strings to a new string (NULL
 * when want is NULL). */
struct str_case {
	const char *name;
	const char *a, *b;
	const char *want;
};

static void
check_str(const char *name, char *got, const char *want)
{
	if ((got == NULL) != (want == NULL) || (got != NULL && strcmp(got, want) != 0)) {
		fail_msg("%s: got \"%s\", want \"%s\"", name, got != NULL ? got : "(null)",
		         want != NULL ? want : "(null)");
	}
	free(got);
}

static const struct str_case resolve_cases[] = {
	{ "relative path", "story/1", "https://news.example/world/index.xml",
	  "https://news.example/world/story/1" },
	{ "absolute path", "/story/1", "https://news.example/world/index.xml",
	  "https://news.example/story/1" },
	{ "dot segments", "../story/1", "https://news.example/world/en/",
	  "https://news.example/world/story/1" },
	{ "scheme-relative", "//cdn.example/a.jpg", "https://news.example/",
	  "https://cdn.example/a.jpg" },
	{ "query only", "?page=2", "https://news.example/list?page=1",
	  "https://news.example/list?page=2" },
	{ "fragment only", "#top", "https://news.example/a", "https://news.example/a#top" },
	{ "absolute stays", "https://other.example/x", "https://news.example/",
	  "https://other.example/x" },
	{ "absolute other scheme stays", "mailto:desk@news.example", "https://news.example/",
	  "mailto:desk@news.example" },
	{ "against a file url", "img/p.jpg", "file:///home/me/feeds/local.xml",
	  "file:///home/me/feeds/img/p.jpg" },
	{ "file url stays", "file:///tmp/a.xml", "https://news.example/", "file:///tmp/a.xml" },
	{ "no base", "story/1", NULL, "story/1" },
	{ "empty base", "story/1", "", "story/1" },
	{ "empty reference is the base", "", "https://news.example/a", "https://news.example/a" },
	{ "no reference", NULL, "https://news.example/", NULL },
};

static void
test_resolve(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(resolve_cases) / sizeof(resolve_cases[0]); i++) {
		const struct str_case *c = &resolve_cases[i];

		check_str(c->name, url_resolve(c->a, c->b), c->want);
	}
}

static const struct str_case body_base_cases[] = {
	{ "no content-location", NULL, "https://news.example/feed", "https://news.example/feed" },
	{ "relative content-location", "/mirror/all.xml", "https://news.example/feed",
	  "https://news.example/mirror/all.xml" },
	{ "absolute content-location", "http://other.example/x.xml", "https://news.example/feed",
	  "http://other.example/x.xml" },
	{ "javascript content-location ignored", "javascript:alert(1)", "https://news.example/feed",
	  "https://news.example/feed" },
	{ "file content-location ignored", "file:///etc/passwd", "https://news.example/feed",
	  "https://news.example/feed" },
	{ "no effective url", "/a", NULL, NULL },
};

static void
test_body_base(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(body_base_cases) / sizeof(body_base_cases[0]); i++) {
		const struct str_case *c = &body_base_cases[i];

		check_str(c->name, url_body_base(c->a, c->b), c->want);
	}
}

static const struct str_case in_dir_cases[] = {
	{ "relative path", "local.xml", "/home/me/feeds", "file:///home/me/feeds/local.xml" },
	{ "subfolder", "demo/front.rss", "/usr/share/newsfold",
	  "file:///usr/share/newsfold/demo/front.rss" },
	{ "parent folder", "../other.xml", "/home/me/feeds", "file:///home/me/other.xml" },
	{ "space in the folder", "a.xml", "/home/me/my feeds", "file:///home/me/my%20feeds/a.xml" },
	{ "absolute url stays", "https://news.example/rss", "/home/me",
	  "https://news.example/rss" },
};

static void
test_resolve_in_dir(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(in_dir_cases) / sizeof(in_dir_cases[0]); i++) {
		const struct str_case *c = &in_dir_cases[i];

		check_str(c->name, url_resolve_in_dir(c->a, c->b), c->want);
	}
}

static const struct str_case file_path_cases[] = {
	{ "plain", "file:///tmp/a.xml", NULL, "/tmp/a.xml" },
	{ "escaped space", "file:///home/me/my%20feeds/local.xml", NULL,
	  "/home/me/my feeds/local.xml" },
	{ "escaped utf-8", "file:///tmp/%E6%97%A5.xml", NULL, "/tmp/\xe6\x97\xa5.xml" },
	{ "localhost", "file://localhost/tmp/a.xml", NULL, "/tmp/a.xml" },
	{ "localhost any case", "FILE://LocalHost/tmp/a.xml", NULL, "/tmp/a.xml" },
	{ "query and fragment dropped", "file:///tmp/a.xml?x=1#top", NULL, "/tmp/a.xml" },
	{ "other host", "file://elsewhere.example/tmp/a.xml", NULL, NULL },
	{ "no absolute path", "file://tmp", NULL, NULL },
	{ "one slash", "file:/tmp/a.xml", NULL, NULL },
	{ "http", "http://127.0.0.1/a.xml", NULL, NULL },
	{ "a path", "/tmp/a.xml", NULL, NULL },
	{ "nothing", NULL, NULL, NULL },
};

static void
test_file_path(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(file_path_cases) / sizeof(file_path_cases[0]); i++) {
		const struct str_case *c = &file_path_cases[i];

		check_str(c->name, url_file_path(c->a), c->want);
	}
}

static const struct str_case of_path_cases[] = {
	{ "plain", "/tmp/a.xml", NULL, "file:///tmp/a.xml" },
	{ "space", "/home/me/my feeds/a.xml", NULL, "file:///home/me/my%20feeds/a.xml" },
	{ "percent", "/tmp/100%.xml", NULL, "file:///tmp/100%25.xml" },
	{ "hash", "/tmp/a#b.xml", NULL, "file:///tmp/a%23b.xml" },
	{ "utf-8", "/tmp/\xe6\x97\xa5.xml", NULL, "file:///tmp/%E6%97%A5.xml" },
};

static void
test_of_path(void **state)
{
	size_t i;
	char *url, *back;

	(void)state;
	for (i = 0; i < sizeof(of_path_cases) / sizeof(of_path_cases[0]); i++) {
		const struct str_case *c = &of_path_cases[i];

		url = url_of_path(c->a);
		back = url != NULL ? url_file_path(url) : NULL;
		check_str(c->name, url, c->want);
		/* and back to the same path */
		check_str(c->name, back, c->a);
	}
}

static const struct str_case host_cases[] = {
	{ "https", "https://news.example/a", NULL, "news.example" },
	{ "port", "http://news.example:8080/a", NULL, "news.example" },
	{ "user", "https://me@news.example/", NULL, "news.example" },
	{ "www kept", "https://www.news.example/", NULL, "www.news.example" },
	{ "ip", "http://127.0.0.1:8000/feed", NULL, "127.0.0.1" },
	{ "file url", "file:///tmp/a.xml", NULL, NULL },
	{ "relative", "story/1", NULL, NULL },
	{ "nothing", NULL, NULL, NULL },
};

static void
test_host(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(host_cases) / sizeof(host_cases[0]); i++) {
		const struct str_case *c = &host_cases[i];

		check_str(c->name, url_host(c->a), c->want);
	}
}

struct scheme_case {
	const char *name;
	const char *url;
	int http, file;
};

static const struct scheme_case scheme_cases[] = {
	{ "http", "http://news.example/", 1, 0 },
	{ "https any case", "HTTPS://news.example/", 1, 0 },
	{ "file", "file:///tmp/a.xml", 0, 1 },
	{ "file any case", "File://localhost/tmp/a.xml", 0, 1 },
	{ "file without slashes", "file:a.xml", 0, 0 },
	{ "ftp", "ftp://news.example/", 0, 0 },
	{ "javascript", "javascript:alert(1)", 0, 0 },
	{ "a word that begins http", "httpd.conf", 0, 0 },
	{ "path", "/tmp/a.xml", 0, 0 },
	{ "empty", "", 0, 0 },
	{ "nothing", NULL, 0, 0 },
};

static void
test_schemes(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(scheme_cases) / sizeof(scheme_cases[0]); i++) {
		const struct scheme_case *c = &scheme_cases[i];

		if (url_is_http(c->url) != c->http || url_is_file(c->url) != c->file) {
			fail_msg("%s: http %d file %d, want %d %d", c->name, url_is_http(c->url),
			         url_is_file(c->url), c->http, c->file);
		}
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_resolve),
		cmocka_unit_test(test_body_base),
		cmocka_unit_test(test_resolve_in_dir),
		cmocka_unit_test(test_file_path),
		cmocka_unit_test(test_of_path),
		cmocka_unit_test(test_host),
		cmocka_unit_test(test_schemes),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
