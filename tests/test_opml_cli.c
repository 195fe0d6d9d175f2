/*
 * newsfold --import-opml and --export-opml as main.c runs them: the
 * import's summary line, the export's document, and the dotfile an
 * import creates when there is none.
 */
#include "autoconfig.h"

#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include <libxml/parser.h>

#include "src/opml_cli.h"
#include "tests/testdir.h"

#define FIXTURES SRCDIR "/tests/fixtures/"

static char tmpdir[64];

static char *
read_all(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *text;
	long n;

	if (f == NULL) {
		return NULL;
	}
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	text = malloc((size_t)n + 1);
	assert_non_null(text);
	assert_int_equal(fread(text, 1, (size_t)n, f), (size_t)n);
	text[n] = 0;
	fclose(f);
	return text;
}

static void
tmp_path(char *out, size_t size, const char *name)
{
	snprintf(out, size, "%s/%s", tmpdir, name);
}

/* The command-line modes, as main.c calls them. */
static void
test_cli(void **state)
{
	char rc[256], outpath[256], *text;
	char *argv[] = { FIXTURES "opml/nested.opml", NULL };
	struct nf_args args = { .config_path = rc, .nargs = 1, .args = argv };
	struct nf_error err;
	int saved, fd, status;

	(void)state;
	tmp_path(rc, sizeof(rc), "cli.rc");
	tmp_path(outpath, sizeof(outpath), "cli.out");
	fflush(stdout);
	saved = dup(1);
	fd = open(outpath, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	assert_true(fd >= 0);
	dup2(fd, 1);
	close(fd);
	status = opml_import_run(&args, &err);
	args.nargs = 0;
	status = status * 10 + opml_export_run(&args, &err);
	fflush(stdout);
	dup2(saved, 1);
	close(saved);
	assert_int_equal(status, 0);
	text = read_all(outpath);
	assert_non_null(strstr(text, "5 feeds added to "));
	assert_non_null(strstr(text, "(1 already there, 2 skipped: not http or https)"));
	assert_non_null(strstr(text, "xmlUrl=\"https://harbour-gazette.example/rss?a=1&amp;b=2\""));
	assert_non_null(strstr(text, "title=\"The Harbour &quot;Gazette&quot;\""));
	free(text);
}

/* With no dotfile anywhere, import creates the one the search would
 * find first: $XDG_CONFIG_HOME/newsfold/config, else ~/.config/... */
static void
test_cli_creates_default(void **state)
{
	char home[256], xdg[256], want[320], outpath[256];
	char *argv[] = { FIXTURES "opml/nested.opml", NULL };
	struct nf_args args = { .nargs = 1, .args = argv };
	struct stat sb;
	struct nf_error err;
	int saved, fd, status, round;

	(void)state;
	tmp_path(home, sizeof(home), "clihome");
	tmp_path(xdg, sizeof(xdg), "clixdg");
	tmp_path(outpath, sizeof(outpath), "cli2.out");
	mkdir(home, 0700);
	setenv("HOME", home, 1);
	unsetenv("NEWSFOLD_CONFIG");
	for (round = 0; round < 2; round++) {
		if (round == 0) {
			setenv("XDG_CONFIG_HOME", xdg, 1);
			snprintf(want, sizeof(want), "%s/newsfold/config", xdg);
		} else {
			unsetenv("XDG_CONFIG_HOME");
			snprintf(want, sizeof(want), "%s/.config/newsfold/config", home);
		}
		fflush(stdout);
		saved = dup(1);
		fd = open(outpath, O_WRONLY | O_CREAT | O_TRUNC, 0600);
		assert_true(fd >= 0);
		dup2(fd, 1);
		close(fd);
		status = opml_import_run(&args, &err);
		fflush(stdout);
		dup2(saved, 1);
		close(saved);
		assert_int_equal(status, 0);
		assert_int_equal(stat(want, &sb), 0);
		assert_true(S_ISREG(sb.st_mode));
	}
}

static int
group_setup(void **state)
{
	(void)state;
	return testdir_make(tmpdir, sizeof(tmpdir), "nf-opml-cli");
}

static int
group_teardown(void **state)
{
	(void)state;
	xmlCleanupParser();
	return testdir_remove(tmpdir);
}

int
main(void)
{
	static const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cli),
		cmocka_unit_test(test_cli_creates_default),
	};

	return cmocka_run_group_tests_name("opml_cli", tests, group_setup,
	                                   group_teardown);
}
