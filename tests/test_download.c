/*
 * Enclosure downloads against the loopback server (tests/server.py's
 * /blob route, which answers ranges): a whole file, a download cut in
 * half and continued with a range, a server that ignores ranges, a part
 * the server finds too long (416), the size ceiling, a finished file
 * that is never replaced, hostile names, an error status, and the same
 * on a thread with progress. Then a table of file names made from URLs.
 */
#include "autoconfig.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <setjmp.h>
#include <cmocka.h>

#include "src/download.h"
#include "src/fetch.h"
#include "tests/testdir.h"
#include "tests/testserver.h"

static struct testserver srv;

static int
server_start(void **state)
{
	(void)state;
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

/* A fresh folder for one case. */
static void
fresh_dir(char *dir, size_t size)
{
	assert_int_equal(testdir_make(dir, size, "nf-download"), 0);
}

static size_t
count_entries(const char *dir)
{
	struct dirent *e;
	DIR *d = opendir(dir);
	size_t n = 0;

	while (d != NULL && (e = readdir(d)) != NULL) {
		n += strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
	}
	if (d != NULL) {
		closedir(d);
	}
	return n;
}

/* Whether path holds exactly the server's pattern of size bytes. */
static int
holds_pattern(const char *path, long size)
{
	FILE *f = fopen(path, "rb");
	long i;
	int c, ok = f != NULL;

	for (i = 0; ok && i < size; i++) {
		ok = (c = fgetc(f)) == (int)(i % 251);
	}
	ok = ok && fgetc(f) == EOF;
	if (f != NULL) {
		fclose(f);
	}
	return ok;
}

static void
write_bytes(const char *path, int byte, long n)
{
	FILE *f = fopen(path, "wb");
	long i;

	assert_non_null(f);
	for (i = 0; i < n; i++) {
		fputc(byte, f);
	}
	fclose(f);
}

static int
exists(const char *path)
{
	struct stat st;

	return lstat(path, &st) == 0;
}

/* Whether the server was sent header line "NAME: VALUE" (in its JSON
 * log, as "NAME": "VALUE"). */
static int
server_was_sent(const char *name, const char *value)
{
	char want[256], line[4096];
	FILE *f = fopen(srv.log_path, "r");
	int found = 0;

	snprintf(want, sizeof(want), "\"%s\": \"%s\"", name, value);
	while (f != NULL && !found && fgets(line, sizeof(line), f) != NULL) {
		found = strstr(line, want) != NULL;
	}
	if (f != NULL) {
		fclose(f);
	}
	return found;
}

static void
get(const char *url, const char *dir, size_t max, struct download_progress *p)
{
	const struct download_options o = {
		.url = url, .dir = dir, .max_size = max, .timeout_ms = 10000,
	};

	download_run(&o, p);
}

/* ---- one download, case by case --------------------------------------- */

static void
test_whole(void **state)
{
	struct download_progress p;
	char dir[64], want[128];

	(void)state;
	fresh_dir(dir, sizeof(dir));
	get(testserver_url(&srv, "/blob/ep12.mp3?size=100000"), dir, 1 << 20, &p);
	snprintf(want, sizeof(want), "%s/ep12.mp3", dir);
	assert_int_equal(p.status, NF_OK);
	assert_string_equal(p.msg, want);
	assert_string_equal(p.name, "ep12.mp3");
	assert_true(holds_pattern(want, 100000));
	assert_int_equal(count_entries(dir), 1);
	testdir_remove(dir);
}

static void
test_resume_after_cut(void **state)
{
	struct download_progress p;
	char dir[64], file[128], part[128];
	struct stat st;

	(void)state;
	fresh_dir(dir, sizeof(dir));
	snprintf(file, sizeof(file), "%s/cut.ogg", dir);
	snprintf(part, sizeof(part), "%s/cut.ogg.part", dir);
	get(testserver_url(&srv, "/blob/cut.ogg?size=100000&cut=1"), dir, 1 << 20, &p);
	assert_int_not_equal(p.status, NF_OK);
	assert_false(exists(file));
	assert_int_equal(stat(part, &st), 0);
	assert_int_equal(st.st_size, 50000);
	get(testserver_url(&srv, "/blob/cut.ogg?size=100000&cut=1"), dir, 1 << 20, &p);
	assert_int_equal(p.status, NF_OK);
	assert_true(server_was_sent("Range", "bytes=50000-"));
	assert_true(holds_pattern(file, 100000));
	assert_false(exists(part));
	testdir_remove(dir);
}

static void
test_range_ignored_restarts(void **state)
{
	struct download_progress p;
	char dir[64], file[128], part[128];

	(void)state;
	fresh_dir(dir, sizeof(dir));
	snprintf(file, sizeof(file), "%s/whole.mp3", dir);
	snprintf(part, sizeof(part), "%s/whole.mp3.part", dir);
	write_bytes(part, 'x', 30000);
	get(testserver_url(&srv, "/blob/whole.mp3?size=70000&norange=1"), dir, 1 << 20, &p);
	assert_int_equal(p.status, NF_OK);
	assert_true(server_was_sent("Range", "bytes=30000-"));
	assert_true(holds_pattern(file, 70000));
	assert_false(exists(part));
	testdir_remove(dir);
}

static void
test_part_too_long_restarts(void **state)
{
	struct download_progress p;
	char dir[64], file[128], part[128];

	(void)state;
	fresh_dir(dir, sizeof(dir));
	snprintf(file, sizeof(file), "%s/short.mp3", dir);
	snprintf(part, sizeof(part), "%s/short.mp3.part", dir);
	write_bytes(part, 'x', 2000);
	get(testserver_url(&srv, "/blob/short.mp3?size=1000"), dir, 1 << 20, &p);
	assert_int_equal(p.status, NF_OK);
	assert_true(holds_pattern(file, 1000));
	testdir_remove(dir);
}

static void
test_over_the_limit(void **state)
{
	struct download_progress p;
	char dir[64], part[128];

	(void)state;
	fresh_dir(dir, sizeof(dir));
	get(testserver_url(&srv, "/blob/big.mp4?size=100000"), dir, 65536, &p);
	assert_int_equal(p.status, NF_ERR_TOO_LARGE);
	assert_string_equal(p.msg, "too large (over 64 KiB)");
	assert_int_equal(count_entries(dir), 0);

	/* a part already past the ceiling goes too */
	snprintf(part, sizeof(part), "%s/big.mp4.part", dir);
	write_bytes(part, 'x', 70000);
	get(testserver_url(&srv, "/blob/big.mp4?size=100000"), dir, 65536, &p);
	assert_int_equal(p.status, NF_ERR_TOO_LARGE);
	assert_int_equal(count_entries(dir), 0);

	/* a cut part continued past the ceiling: the 206's length tells */
	get(testserver_url(&srv, "/blob/big.mp4?size=100000&cut=1"), dir, 1 << 20, &p);
	assert_int_equal(count_entries(dir), 1);
	get(testserver_url(&srv, "/blob/big.mp4?size=100000&cut=1"), dir, 80000, &p);
	assert_int_equal(p.status, NF_ERR_TOO_LARGE);
	assert_int_equal(count_entries(dir), 0);
	testdir_remove(dir);
}

static void
test_never_replaces(void **state)
{
	struct download_progress p;
	char dir[64], first[128], want[128];

	(void)state;
	fresh_dir(dir, sizeof(dir));
	snprintf(first, sizeof(first), "%s/ep.mp3", dir);
	write_bytes(first, 'k', 10);
	get(testserver_url(&srv, "/blob/ep.mp3?size=5000"), dir, 1 << 20, &p);
	snprintf(want, sizeof(want), "%s/ep (1).mp3", dir);
	assert_int_equal(p.status, NF_OK);
	assert_string_equal(p.msg, want);
	assert_true(holds_pattern(want, 5000));
	get(testserver_url(&srv, "/blob/ep.mp3?size=5000"), dir, 1 << 20, &p);
	snprintf(want, sizeof(want), "%s/ep (2).mp3", dir);
	assert_string_equal(p.msg, want);
	{
		struct stat st;

		assert_int_equal(stat(first, &st), 0);
		assert_int_equal(st.st_size, 10);
	}
	testdir_remove(dir);
}

static void
test_hostile_names_stay_inside(void **state)
{
	struct download_progress p;
	char dir[64], want[128];

	(void)state;
	fresh_dir(dir, sizeof(dir));
	get(testserver_url(&srv, "/blob/..%%2F..%%2Fescape?size=10"), dir, 1 << 20, &p);
	snprintf(want, sizeof(want), "%s/_._.._escape", dir);
	assert_int_equal(p.status, NF_OK);
	assert_string_equal(p.msg, want);
	get(testserver_url(&srv, "/blob/.profile?size=10"), dir, 1 << 20, &p);
	snprintf(want, sizeof(want), "%s/_profile", dir);
	assert_string_equal(p.msg, want);
	get(testserver_url(&srv, "/blob/%%1b%%5d0%%3bowned%%07.mp3?size=10"), dir, 1 << 20, &p);
	snprintf(want, sizeof(want), "%s/_]0;owned_.mp3", dir);
	assert_string_equal(p.msg, want);
	assert_int_equal(count_entries(dir), 3);
	testdir_remove(dir);
}

static void
test_error_status_leaves_nothing(void **state)
{
	struct download_progress p;
	char dir[64];

	(void)state;
	fresh_dir(dir, sizeof(dir));
	get(testserver_url(&srv, "/status/404"), dir, 1 << 20, &p);
	assert_int_equal(p.status, NF_ERR_NET);
	assert_string_equal(p.msg, "HTTP 404");
	get("file:///etc/passwd", dir, 1 << 20, &p);
	assert_string_equal(p.msg, "not an http(s) link");
	assert_int_equal(count_entries(dir), 0);
	testdir_remove(dir);
}

static int wakes;

static void
count_wake(void *ctx)
{
	(void)ctx;
	__atomic_add_fetch(&wakes, 1, __ATOMIC_SEQ_CST);
}

static void
test_thread_reports(void **state)
{
	const char *url = testserver_url(&srv, "/blob/t.mp3?size=300000");
	struct download_options o = {
		.url = url, .max_size = 1 << 20, .timeout_ms = 10000,
		.wake = count_wake,
	};
	struct download_progress p = { 0 };
	struct nf_error err;
	struct download *d;
	char dir[64];
	int i;

	(void)state;
	fresh_dir(dir, sizeof(dir));
	o.dir = dir;
	d = download_start(&o, &err);
	assert_non_null(d);
	for (i = 0; i < 1000 && !p.done; i++) {
		usleep(10000);
		download_get(d, &p);
	}
	assert_true(p.done);
	assert_int_equal(p.status, NF_OK);
	assert_int_equal(p.have, 300000);
	assert_int_equal(p.total, 300000);
	assert_true(__atomic_load_n(&wakes, __ATOMIC_SEQ_CST) >= 1);
	download_free(d);

	/* freed while it runs: stops, the part stays to be continued */
	o.url = testserver_url(&srv, "/slow?seconds=5");
	d = download_start(&o, &err);
	assert_non_null(d);
	usleep(200000);
	download_free(d);
	testdir_remove(dir);
}

static void
wait_done(struct download *d, struct download_progress *p)
{
	int i;

	for (i = 0, p->done = 0; i < 2000 && !p->done; i++) {
		usleep(10000);
		download_get(d, p);
	}
	assert_true(p->done);
}

/* Two links with one file name at once: each its own part and file. */
static void
test_same_name_at_once(void **state)
{
	struct download_options o = { .max_size = 1 << 20, .timeout_ms = 10000 };
	struct download_progress p1, p2;
	struct nf_error err;
	struct download *d1, *d2;
	char dir[64], u1[512], u2[512], a[128], b[128];

	(void)state;
	fresh_dir(dir, sizeof(dir));
	o.dir = dir;
	snprintf(u1, sizeof(u1), "%s", testserver_url(&srv, "/blob/same.mp3?size=400000&slow=20"));
	snprintf(u2, sizeof(u2), "%s", testserver_url(&srv, "/blob/same.mp3?size=300000&slow=20"));
	o.url = u1;
	assert_non_null(d1 = download_start(&o, &err));
	o.url = u2;
	assert_non_null(d2 = download_start(&o, &err));
	wait_done(d1, &p1);
	wait_done(d2, &p2);
	assert_int_equal(p1.status, NF_OK);
	assert_int_equal(p2.status, NF_OK);
	snprintf(a, sizeof(a), "%s/same.mp3", dir);
	snprintf(b, sizeof(b), "%s/same (1).mp3", dir);
	assert_true(strcmp(p1.msg, p2.msg) != 0);
	assert_true((holds_pattern(a, 400000) && holds_pattern(b, 300000)) ||
	            (holds_pattern(a, 300000) && holds_pattern(b, 400000)));
	assert_int_equal(count_entries(dir), 2);
	download_free(d1);
	download_free(d2);
	testdir_remove(dir);
}

/* ---- file names --------------------------------------------------------- */

static const struct {
	const char *name;
	const char *url;
	const char *want;
} names[] = {
	{ "plain", "https://pod.example/ep/12.mp3", "12.mp3" },
	{ "query and fragment dropped", "https://h/a/b.mp3?x=1&y=/z#f", "b.mp3" },
	{ "escaped slashes", "https://h/a/..%2F..%2Fetc%2Fpasswd", "_._.._etc_passwd" },
	{ "backslash", "https://h/a%5Cb", "a_b" },
	{ "leading dot", "https://h/.bashrc", "_bashrc" },
	{ "dot dot", "https://h/..", "_." },
	{ "leading dash", "https://h/-rf", "_rf" },
	{ "escape sequence", "https://h/a%1b%5b2Jb.mp3", "a_[2Jb.mp3" },
	{ "NUL", "https://h/a%00b", "a_b" },
	{ "DEL and C1", "https://h/a%7fb%c2%9bc", "a_b_c" },
	{ "bidi override", "https://h/x%E2%80%AEgpj.exe", "x_gpj.exe" },
	{ "not UTF-8", "https://h/a%ffb", "a_b" },
	{ "UTF-8 kept", "https://h/%E6%97%A5%E6%9C%AC.mp3", "日本.mp3" },
	{ "empty segment", "https://h/dir/", "download" },
	{ "no path", "https://h", "download" },
	{ "host only with query", "https://h?x=/y", "download" },
	{ "bad escape kept", "https://h/100%25%zz", "100%%zz" },
};

static void
test_file_names(void **state)
{
	char out[256];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		download_file_name(names[i].url, out, sizeof(out));
		if (strcmp(out, names[i].want) != 0) {
			fail_msg("%s: \"%s\", not \"%s\"", names[i].name, out,
			         names[i].want);
		}
	}
}

static void
test_long_name_keeps_extension(void **state)
{
	char url[700], out[256];
	size_t i, n = (size_t)snprintf(url, sizeof(url), "https://h/");

	(void)state;
	for (i = 0; i < 100; i++) {	/* é, two bytes each */
		n += (size_t)snprintf(url + n, sizeof(url) - n, "%%C3%%A9");
	}
	snprintf(url + n, sizeof(url) - n, "xyz.mp3");
	download_file_name(url, out, sizeof(out));
	assert_true(strlen(out) <= 200);
	assert_string_equal(out + strlen(out) - 4, ".mp3");
	/* cut on a character boundary: the last é is whole */
	assert_int_equal((strlen(out) - 4) % 2, 0);
}

int
main(void)
{
	const struct CMUnitTest server_tests[] = {
		cmocka_unit_test(test_whole),
		cmocka_unit_test(test_resume_after_cut),
		cmocka_unit_test(test_range_ignored_restarts),
		cmocka_unit_test(test_part_too_long_restarts),
		cmocka_unit_test(test_over_the_limit),
		cmocka_unit_test(test_never_replaces),
		cmocka_unit_test(test_hostile_names_stay_inside),
		cmocka_unit_test(test_error_status_leaves_nothing),
		cmocka_unit_test(test_thread_reports),
		cmocka_unit_test(test_same_name_at_once),
	};
	const struct CMUnitTest name_tests[] = {
		cmocka_unit_test(test_file_names),
		cmocka_unit_test(test_long_name_keeps_extension),
	};
	int failed = cmocka_run_group_tests_name("names", name_tests, NULL, NULL);

	return failed + cmocka_run_group_tests_name("download", server_tests,
	                                            server_start, server_stop);
}
