#ifndef NF_TESTS_TESTDIR_H
#define NF_TESTS_TESTDIR_H

/*
 * Temporary folders for the unit tests: testdir_make() creates
 * $TMPDIR/PREFIX-XXXXXX (or under /tmp) into buf and returns 0, -1 on
 * failure; testdir_remove() removes a folder with everything in it.
 */

#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int
testdir_remove_entry(const char *path, const struct stat *sb, int flag,
                     struct FTW *ftw)
{
	(void)sb;
	(void)flag;
	(void)ftw;
	return remove(path);
}

static inline int
testdir_make(char *buf, size_t size, const char *prefix)
{
	const char *tmp = getenv("TMPDIR");

	if (tmp == NULL || tmp[0] == '\0' || strlen(tmp) > size / 2) {
		tmp = "/tmp";
	}
	if ((size_t)snprintf(buf, size, "%s/%s-XXXXXX", tmp, prefix) >= size) {
		return -1;
	}
	return mkdtemp(buf) == NULL ? -1 : 0;
}

static inline int
testdir_remove(const char *path)
{
	return nftw(path, testdir_remove_entry, 16, FTW_DEPTH | FTW_PHYS);
}

#endif
