/*
 * Saving a story as a text file: the file name each headline gives (as
 * named cases), what the file holds, a second save never replacing the
 * first, and the default folder.
 */
#include "autoconfig.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <cmocka.h>

#include "tests/testdir.h"
#include "ui/save.h"

static char dir[64];

struct name_case {
	const char *name;
	const char *title;
	const char *file;	/* under dir/saved */
};

static const struct name_case name_cases[] = {
	{ "plain headline", "Ferry line approved", "Ferry line approved.txt" },
	{ "slashes and controls", "A/B \\ C", "A_B _ C.txt" },
	{ "a leading dot", "..hidden", "_.hidden.txt" },
	{ "no title", "", "story.txt" },
	{ "a long Japanese headline is cut on a character",
	  "A湾岸区の水上バス新路線、来春開業へ。運賃は片道三百円で朝夕は十五分おきに運航する予定",
	  "A湾岸区の水上バス新路線、来春開業へ。運賃は片道三百円で朝夕は十.txt" },
};

static struct nf_item *
story(const char *title)
{
	struct nf_item *it = item_new();

	assert_non_null(it);
	assert_int_equal(nf_strset(&it->title, title), 0);
	assert_int_equal(nf_strset(&it->source, "Harbour Gazette"), 0);
	assert_int_equal(nf_strset(&it->link, "https://e.org/ferry"), 0);
	assert_int_equal(nf_strset(&it->content, "The council voted 7 to 2."), 0);
	it->published = 1795852800;
	it->image = image_new("", "The ferry at the quay.", NULL);
	assert_non_null(it->image);
	return it;
}

static void
test_name(void **state)
{
	const struct name_case *c = *state;
	struct nf_item *it = story(c->title);
	struct nf_error err;
	char saved[128], want[512], *path = NULL;

	snprintf(saved, sizeof(saved), "%s/saved", dir);
	if (save_item(it, saved, &path, &err) != NF_OK) {
		fail_msg("%s: %s", c->name, err.msg);
	}
	snprintf(want, sizeof(want), "%s/%s", saved, c->file);
	assert_string_equal(path, want);
	assert_int_equal(remove(path), 0);
	free(path);
	item_free(it);
}

static void
test_contents_and_no_overwrite(void **state)
{
	struct nf_item *it = story("Ferry line approved");
	struct nf_error err;
	char saved[128], text[512], *first = NULL, *second = NULL;
	FILE *f;
	size_t n;

	(void)state;
	snprintf(saved, sizeof(saved), "%s/saved", dir);
	assert_int_equal(save_item(it, saved, &first, &err), NF_OK);
	assert_int_equal(save_item(it, saved, &second, &err), NF_OK);
	assert_non_null(strstr(second, "Ferry line approved-2.txt"));
	assert_non_null(f = fopen(first, "r"));
	n = fread(text, 1, sizeof(text) - 1, f);
	text[n] = '\0';
	fclose(f);
	assert_string_equal(text, "Ferry line approved\n"
	                    "Harbour Gazette · 2026-11-28T08:00:00Z\n"
	                    "https://e.org/ferry\n"
	                    "\nPhoto: The ferry at the quay.\n"
	                    "\nThe council voted 7 to 2.\n");
	free(first);
	free(second);
	item_free(it);
}

static void
test_default_dir(void **state)
{
	char *d;

	(void)state;
	setenv("XDG_DATA_HOME", "/x/data", 1);
	d = save_default_dir();
	assert_string_equal(d, "/x/data/newsfold/saved");
	free(d);
	unsetenv("XDG_DATA_HOME");
	setenv("HOME", "/home/me", 1);
	d = save_default_dir();
	assert_string_equal(d, "/home/me/.local/share/newsfold/saved");
	free(d);
}

/* The path the prompt offers, and a save to a chosen path: folders made,
 * an existing file never replaced, errors naming the path and why. */
static void
test_default_path_and_save_to(void **state)
{
	struct nf_item *it = story("Ferry line approved");
	struct nf_error err;
	char saved[128], want[512], path[256], blocked[256], *p;
	FILE *f;

	(void)state;
	snprintf(saved, sizeof(saved), "%s/chosen", dir);
	p = save_default_path(saved, it);
	snprintf(want, sizeof(want), "%s/Ferry line approved.txt", saved);
	assert_string_equal(p, want);
	assert_int_equal(save_item_to(it, p, &err), NF_OK);
	free(p);
	p = save_default_path(saved, it);
	snprintf(want, sizeof(want), "%s/Ferry line approved-2.txt", saved);
	assert_string_equal(p, want);
	free(p);

	snprintf(path, sizeof(path), "%s/deeper/notes é.txt", saved);
	assert_int_equal(save_item_to(it, path, &err), NF_OK);
	assert_int_equal(save_item_to(it, path, &err), NF_ERR_IO);
	snprintf(want, sizeof(want), "%s: cannot create: File exists", path);
	assert_string_equal(err.msg, want);

	/* a file where a folder should be: the error names it */
	snprintf(blocked, sizeof(blocked), "%s/plain", dir);
	assert_non_null(f = fopen(blocked, "w"));
	fclose(f);
	snprintf(path, sizeof(path), "%s/plain/x.txt", dir);
	assert_int_not_equal(save_item_to(it, path, &err), NF_OK);
	assert_non_null(strstr(err.msg, blocked));
	assert_non_null(strstr(err.msg, "Not a directory"));
	item_free(it);
}

static int
setup(void **state)
{
	(void)state;
	return testdir_make(dir, sizeof(dir), "nf-save");
}

static int
teardown(void **state)
{
	(void)state;
	testdir_remove(dir);
	return 0;
}

#define NCASES(a) (sizeof(a) / sizeof((a)[0]))

int
main(void)
{
	struct CMUnitTest tests[NCASES(name_cases) + 3];
	size_t i, n = 0;

	for (i = 0; i < NCASES(name_cases); i++) {
		tests[n++] = (struct CMUnitTest){ .name = name_cases[i].name,
			.test_func = test_name, .initial_state = (void *)&name_cases[i] };
	}
	tests[n++] = (struct CMUnitTest)cmocka_unit_test(test_contents_and_no_overwrite);
	tests[n++] = (struct CMUnitTest)cmocka_unit_test(test_default_dir);
	tests[n++] = (struct CMUnitTest)cmocka_unit_test(test_default_path_and_save_to);
	return _cmocka_run_group_tests("save", tests, n, setup, teardown);
}
