/*
 * Programs as feed sources, hostile ones included: output and input
 * through pipes, a program that stops reading, one that hangs (killed at
 * the timeout, with what it started), one that floods (cut at the
 * ceiling), one that fails or cannot run, and bytes that are not text.
 * The programs are run by argument vector; the cases use sh -c only to
 * play a hostile program.
 */
#include "autoconfig.h"

#include <pthread.h>
#include <setjmp.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <fcntl.h>
#include <unistd.h>

#include <cmocka.h>

#include "src/command.h"

#define BIG (1024 * 1024)

struct command_case {
	const char *name;
	const char *argv[6];
	const char *input;	/* NULL: none; "BIG": BIG bytes of 'x' */
	long timeout_ms;
	size_t max_size;
	enum nf_status status;
	const char *out;	/* the whole output; NULL: not compared */
	size_t out_len;		/* with out: its length (may hold NUL) */
	const char *msg;	/* with a failure: the message holds this */
	long within_ms;		/* the call returns within this */
};

static const struct command_case cases[] = {
	{ "output", { "printf", "<rss/>" }, NULL, 5000, 4096, NF_OK,
	  "<rss/>", 6, NULL, 5000 },
	{ "input through a filter", { "tr", "a-z", "A-Z" }, "feed", 5000, 4096,
	  NF_OK, "FEED", 4, NULL, 5000 },
	{ "a megabyte through cat", { "cat" }, "BIG", 10000, 2 * BIG, NF_OK,
	  NULL, BIG, NULL, 10000 },
	{ "a program that stops reading", { "sh", "-c", "echo done" }, "BIG",
	  5000, 4096, NF_OK, "done\n", 5, NULL, 5000 },
	{ "hanging: killed at the timeout", { "sleep", "30" }, NULL, 300, 4096,
	  NF_ERR_IO, NULL, 0, "timed out after 1s", 2500 },
	{ "hanging after closing its output", { "sh", "-c", "exec >&-; sleep 30" },
	  NULL, 300, 4096, NF_ERR_IO, NULL, 0, "timed out", 2500 },
	{ "a child left holding the output is killed too",
	  { "sh", "-c", "sleep 30 & echo started" }, NULL, 300, 4096, NF_ERR_IO,
	  NULL, 0, "timed out", 2500 },
	{ "a flood is cut at the ceiling", { "yes", "flood" }, NULL, 5000, 65536,
	  NF_ERR_TOO_LARGE, NULL, 0, "output too large (over 64 KiB)", 5000 },
	{ "a non-zero exit", { "sh", "-c", "echo partial; exit 3" }, NULL, 5000,
	  4096, NF_ERR_IO, NULL, 0, "sh exited with status 3", 5000 },
	{ "killed by a signal", { "sh", "-c", "kill -9 $$" }, NULL, 5000, 4096,
	  NF_ERR_IO, NULL, 0, "sh was killed by signal 9", 5000 },
	{ "a program that does not exist", { "/nonexistent/newsfold-source" },
	  NULL, 5000, 4096, NF_ERR_IO, NULL, 0,
	  "cannot run /nonexistent/newsfold-source", 5000 },
	{ "escapes and NUL bytes kept, stderr dropped",
	  { "sh", "-c", "printf 'a\\033[2J\\000b'; echo noise >&2" }, NULL, 5000,
	  4096, NF_OK, "a\033[2J\0b", 7, NULL, 5000 },
	{ "arguments are never a shell's", { "printf", "%s", "$(id);`id`|id" },
	  NULL, 5000, 4096, NF_OK, "$(id);`id`|id", 13, NULL, 5000 },
};

static long
ms_since(const struct timespec *t0)
{
	struct timespec t1;

	clock_gettime(CLOCK_MONOTONIC, &t1);
	return (t1.tv_sec - t0->tv_sec) * 1000 + (t1.tv_nsec - t0->tv_nsec) / 1000000;
}

static void
test_command(void **state)
{
	const struct command_case *c = *state;
	char *input = NULL, *out = NULL;
	size_t input_len = 0, len = 0;
	struct nf_error err;
	struct timespec t0;
	enum nf_status st;
	long took;

	if (c->input != NULL && strcmp(c->input, "BIG") == 0) {
		input = malloc(BIG);
		assert_non_null(input);
		memset(input, 'x', BIG);
		input_len = BIG;
	} else if (c->input != NULL) {
		input = strdup(c->input);
		input_len = strlen(input);
	}
	nf_error_clear(&err);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	st = command_run((char *const *)c->argv, input, input_len, c->timeout_ms,
	                 c->max_size, &out, &len, &err);
	took = ms_since(&t0);
	if (st != c->status) {
		fail_msg("%s: status %d (%s), want %d", c->name, st, err.msg, c->status);
	}
	if (c->msg != NULL && strstr(err.msg, c->msg) == NULL) {
		fail_msg("%s: \"%s\" lacks \"%s\"", c->name, err.msg, c->msg);
	}
	if (st == NF_OK && c->out_len > 0) {
		assert_int_equal(len, c->out_len);
	}
	if (c->out != NULL && (len != c->out_len || memcmp(out, c->out, len) != 0)) {
		fail_msg("%s: output differs (%zu bytes)", c->name, len);
	}
	if (took > c->within_ms) {
		fail_msg("%s: took %ld ms", c->name, took);
	}
	free(out);
	free(input);
}

/* A descriptor of ours (the database's, a socket) is not the program's. */
static void
test_descriptors_closed(void **state)
{
	const char *argv[] = { "sh", "-c",
		"if [ -e /proc/self/fd/9 ]; then echo open; else echo closed; fi", NULL };
	struct nf_error err;
	char *out = NULL;
	size_t len;
	int fd = open("/dev/null", O_RDONLY);

	(void)state;
	assert_true(fd >= 0 && dup2(fd, 9) == 9);
	assert_int_equal(command_run((char *const *)argv, NULL, 0, 5000, 4096, &out,
	                             &len, &err), NF_OK);
	assert_string_equal(out, "closed\n");
	free(out);
	close(9);
	close(fd);
}

/* The caller's SIGPIPE stays as it was, and no write killed us. */
static void
test_sigpipe_untouched(void **state)
{
	const char *argv[] = { "true", NULL };
	char big[65536 * 4], *out = NULL;
	struct sigaction sa;
	struct nf_error err;
	size_t len;

	(void)state;
	memset(big, 'x', sizeof(big));
	assert_int_equal(command_run((char *const *)argv, big, sizeof(big), 5000,
	                             4096, &out, &len, &err), NF_OK);
	free(out);
	sigaction(SIGPIPE, NULL, &sa);
	assert_true(sa.sa_handler == SIG_DFL);
}

static atomic_int stop_flag;

static void *
stop_soon(void *arg)
{
	(void)arg;
	usleep(200000);
	atomic_store(&stop_flag, 1);
	return NULL;
}

/* A stop flag set from another thread ends a hanging program long
 * before its timeout, and the call says so. */
static void
test_stopped_before_timeout(void **state)
{
	const char *argv[] = { "sleep", "30", NULL };
	struct timespec t0, t1;
	struct nf_error err;
	pthread_t t;
	char *out = NULL;
	size_t len;
	double took;

	(void)state;
	atomic_init(&stop_flag, 0);
	assert_int_equal(pthread_create(&t, NULL, stop_soon, NULL), 0);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	assert_int_equal(command_run_until((char *const *)argv, NULL, 0, 20000,
	                                   4096, &stop_flag, &out, &len, &err),
	                 NF_ERR_IO);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	pthread_join(t, NULL);
	took = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	assert_string_equal(err.msg, "cancelled");
	assert_null(out);
	assert_true(took < 5.0);
}

int
main(void)
{
	struct CMUnitTest tests[sizeof(cases) / sizeof(cases[0]) + 3];
	size_t i, n = 0;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		tests[n++] = (struct CMUnitTest){ .name = cases[i].name,
			.test_func = test_command, .initial_state = (void *)&cases[i] };
	}
	tests[n++] = (struct CMUnitTest)cmocka_unit_test(test_sigpipe_untouched);
	tests[n++] = (struct CMUnitTest)cmocka_unit_test(test_descriptors_closed);
	tests[n++] = (struct CMUnitTest)cmocka_unit_test(test_stopped_before_timeout);
	return _cmocka_run_group_tests("command", tests, n, NULL, NULL);
}
