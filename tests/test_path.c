/* path_make_parents(): the folders above a database or dotfile. */
#include "autoconfig.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include <cmocka.h>

#include "src/path.h"
#include "tests/testdir.h"

struct path_case {
	const char *name;
	const char *make;	/* a plain file to create first, or NULL */
	const char *path;	/* under the test folder */
	enum nf_status want;
	const char *dir;	/* a folder that must exist after, or NULL */
	const char *msg;	/* a part of the error message, or NULL */
};

static const struct path_case cases[] = {
	{ "one level", NULL, "/a/db", NF_OK, "/a", NULL },
	{ "three levels", NULL, "/a/b/c/db", NF_OK, "/a/b/c", NULL },
	{ "folders there already", NULL, "/a/b/c/other", NF_OK, "/a/b", NULL },
	{ "doubled slash", NULL, "/d//e/db", NF_OK, "/d/e", NULL },
	{ "trailing slash makes the last one", NULL, "/f/g/", NF_OK, "/f/g", NULL },
	{ "a file in the way", "/file", "/file/sub/db", NF_ERR_IO, NULL,
	  "/file/sub: cannot create: " },
};

static void
test_cases(void **state)
{
	char top[256], path[512];
	size_t i;

	(void)state;
	assert_int_equal(testdir_make(top, sizeof(top), "nf-path"), 0);
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const struct path_case *c = &cases[i];
		struct nf_error err = { NF_OK, "" };
		struct stat sb;

		print_message("case: %s\n", c->name);
		if (c->make != NULL) {
			FILE *f;

			snprintf(path, sizeof(path), "%s%s", top, c->make);
			assert_non_null(f = fopen(path, "w"));
			fclose(f);
		}
		snprintf(path, sizeof(path), "%s%s", top, c->path);
		assert_int_equal(path_make_parents(path, &err), c->want);
		if (c->dir != NULL) {
			snprintf(path, sizeof(path), "%s%s", top, c->dir);
			assert_int_equal(stat(path, &sb), 0);
			assert_true(S_ISDIR(sb.st_mode));
			assert_int_equal(sb.st_mode & 0777, 0700);
		}
		if (c->msg != NULL) {
			assert_non_null(strstr(err.msg, c->msg));
		}
	}
	testdir_remove(top);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cases),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
