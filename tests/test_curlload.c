/* libcurl opened on its first use: not mapped before, each stand-in
 * reaching the real function after, and curl_easy_setopt()'s one
 * argument passed on as the type its option takes (a long, a pointer, a
 * callback, a curl_off_t), shown by file:// transfers whose outcome
 * depends on each. */
#include "autoconfig.h"

#include <dlfcn.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>
#include <curl/curl.h>

#include "src/curlload.h"
#include "tests/testdir.h"

#define BODY "0123456789abcdefghij"

static char dir[256];
static char url[512];

/* Runs first: nothing has called libcurl yet. */
static void
test_not_loaded_at_start(void **state)
{
	(void)state;
	assert_false(curlload_is_loaded());
	assert_null(dlopen(CURL_SONAME, RTLD_NOW | RTLD_NOLOAD));
}

static void
test_loaded_by_global_init(void **state)
{
	(void)state;
	assert_int_equal(curl_global_init(CURL_GLOBAL_DEFAULT), CURLE_OK);
	assert_true(curlload_is_loaded());
	assert_string_equal(curl_easy_strerror(CURLE_OK), "No error");
	assert_string_equal(curl_multi_strerror(CURLM_OK), "No error");
}

struct sink {
	char data[64];
	size_t len;
};

static size_t
on_write(char *p, size_t size, size_t n, void *ctx)
{
	struct sink *s = ctx;
	size_t len = size * n;

	if (s->len + len > sizeof(s->data)) {
		return 0;
	}
	memcpy(s->data + s->len, p, len);
	s->len += len;
	return len;
}

struct transfer_case {
	const char *name;
	long resume_from;		/* a long option */
	curl_off_t resume_large;	/* a curl_off_t option; 0: none */
	const char *body;
};

static const struct transfer_case transfer_cases[] = {
	{ "whole file", 0, 0, BODY },
	{ "resumed at 4 (a long)", 4, 0, &BODY[4] },
	{ "resumed at 7 (a curl_off_t)", 0, 7, &BODY[7] },
};

static void
run_transfer(const struct transfer_case *c)
{
	struct sink sink = { { 0 }, 0 };
	CURL *curl = curl_easy_init();
	curl_off_t got = -1;
	char *priv = NULL;
	CURLcode rc;

	assert_non_null(curl);
	assert_int_equal(curl_easy_setopt(curl, CURLOPT_URL, url), CURLE_OK);
	assert_int_equal(curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, on_write), CURLE_OK);
	assert_int_equal(curl_easy_setopt(curl, CURLOPT_WRITEDATA, &sink), CURLE_OK);
	assert_int_equal(curl_easy_setopt(curl, CURLOPT_PRIVATE, (char *)c->name), CURLE_OK);
	assert_int_equal(curl_easy_setopt(curl, CURLOPT_RESUME_FROM, c->resume_from), CURLE_OK);
	if (c->resume_large > 0) {
		assert_int_equal(curl_easy_setopt(curl, CURLOPT_RESUME_FROM_LARGE,
		                                  c->resume_large), CURLE_OK);
	}
	rc = curl_easy_perform(curl);
	if (rc != CURLE_OK) {
		fail_msg("%s: %s", c->name, curl_easy_strerror(rc));
	}
	if (sink.len != strlen(c->body) || memcmp(sink.data, c->body, sink.len) != 0) {
		fail_msg("%s: %zu bytes, wanted \"%s\"", c->name, sink.len, c->body);
	}
	assert_int_equal(curl_easy_getinfo(curl, CURLINFO_PRIVATE, &priv), CURLE_OK);
	assert_ptr_equal(priv, c->name);
	assert_int_equal(curl_easy_getinfo(curl, CURLINFO_SIZE_DOWNLOAD_T, &got), CURLE_OK);
	assert_int_equal(got, (curl_off_t)strlen(c->body));
	curl_easy_cleanup(curl);
}

static void
test_transfers(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(transfer_cases) / sizeof(transfer_cases[0]); i++) {
		run_transfer(&transfer_cases[i]);
	}
}

/* The multi interface and lists: each stand-in reaches its function. */
static void
test_multi_and_lists(void **state)
{
	struct curl_slist *list = NULL;
	struct sink sink = { { 0 }, 0 };
	CURLM *multi = curl_multi_init();
	CURL *curl = curl_easy_init();
	CURLMsg *msg;
	int running = 1, left = 0, done = 0;

	(void)state;
	assert_non_null(multi);
	assert_non_null(curl);
	list = curl_slist_append(list, "X-Test: 1");
	assert_non_null(list);
	curl_easy_setopt(curl, CURLOPT_URL, url);
	curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, on_write);
	curl_easy_setopt(curl, CURLOPT_WRITEDATA, &sink);
	curl_easy_setopt(curl, CURLOPT_HTTPHEADER, list);
	assert_int_equal(curl_multi_add_handle(multi, curl), CURLM_OK);
	while (running > 0) {
		assert_int_equal(curl_multi_perform(multi, &running), CURLM_OK);
		if (running > 0) {
			assert_int_equal(curl_multi_poll(multi, NULL, 0, 100, NULL), CURLM_OK);
		}
	}
	while ((msg = curl_multi_info_read(multi, &left)) != NULL) {
		done += msg->msg == CURLMSG_DONE && msg->data.result == CURLE_OK;
	}
	assert_int_equal(done, 1);
	assert_int_equal(sink.len, strlen(BODY));
	assert_int_equal(curl_multi_wakeup(multi), CURLM_OK);
	assert_int_equal(curl_multi_remove_handle(multi, curl), CURLM_OK);
	curl_easy_cleanup(curl);
	assert_int_equal(curl_multi_cleanup(multi), CURLM_OK);
	curl_slist_free_all(list);
}

static int
setup(void **state)
{
	char path[300];
	FILE *f;

	(void)state;
	if (testdir_make(dir, sizeof(dir), "curlload") != 0) {
		return -1;
	}
	snprintf(path, sizeof(path), "%s/body", dir);
	snprintf(url, sizeof(url), "file://%s", path);
	if ((f = fopen(path, "w")) == NULL) {
		return -1;
	}
	fputs(BODY, f);
	return fclose(f);
}

static int
teardown(void **state)
{
	(void)state;
	curl_global_cleanup();
	return testdir_remove(dir);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_not_loaded_at_start),
		cmocka_unit_test(test_loaded_by_global_init),
		cmocka_unit_test(test_transfers),
		cmocka_unit_test(test_multi_and_lists),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
