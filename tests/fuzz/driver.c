/*
 * The fuzz targets without the fuzzer: runs one target's entry point once
 * on each file of its seed corpus and of its saved crashers, so that make
 * check replays every input that once broke something. Built with
 * FUZZ_TARGET set to the target's name.
 *
 *   fuzz_NAME            the corpus and regress folders of NAME, and
 *                        tests/fixtures/NAME when the unit tests keep one
 *   fuzz_NAME FILE...    just those files
 */
#include "autoconfig.h"

#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv) __attribute__((weak));

static int
run_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	uint8_t *data = NULL, *grown;
	size_t len = 0, cap = 0, n;

	if (f == NULL) {
		perror(path);
		return -1;
	}
	do {
		if (cap - len < 4096) {
			cap = cap * 2 + 4096;
			if ((grown = realloc(data, cap)) == NULL) {
				free(data);
				fclose(f);
				return -1;
			}
			data = grown;
		}
		n = fread(data + len, 1, cap - len, f);
		len += n;
	} while (n > 0);
	fclose(f);
	/* An exact-size copy, so ASan sees a read past the input. */
	grown = malloc(len > 0 ? len : 1);
	if (grown != NULL) {
		memcpy(grown, data, len);
		LLVMFuzzerTestOneInput(grown, len);
	}
	free(grown);
	free(data);
	return grown != NULL ? 0 : -1;
}

/* Runs every file in dir; a missing folder holds nothing. */
static int
run_dir(const char *dir, int *count)
{
	char path[4096];
	struct dirent *e;
	DIR *d = opendir(dir);
	int status = 0;

	if (d == NULL) {
		return 0;
	}
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.') {
			continue;
		}
		if (snprintf(path, sizeof(path), "%s/%s", dir, e->d_name) >=
		    (int)sizeof(path) || run_file(path) != 0) {
			status = 1;
		}
		++*count;
	}
	closedir(d);
	return status;
}

int
main(int argc, char **argv)
{
	static const char *const dirs[] = { "corpus", "regress" };
	char dir[4096];
	int i, count = 0, status = 0;

	if (LLVMFuzzerInitialize != NULL) {
		LLVMFuzzerInitialize(&argc, &argv);
	}
	for (i = 1; i < argc; i++) {
		status |= run_file(argv[i]) != 0;
		count++;
	}
	for (i = 0; argc == 1 && i < 3; i++) {
		if (snprintf(dir, sizeof(dir), i < 2 ? "%s/tests/fuzz/%s/%s" :
		             "%s/tests/%s/%s", SRCDIR, i < 2 ? dirs[i] : "fixtures",
		             FUZZ_TARGET) >= (int)sizeof(dir)) {
			return 1;
		}
		status |= run_dir(dir, &count);
	}
	printf("fuzz_%s: %d inputs\n", FUZZ_TARGET, count);
	return status != 0 || count == 0;
}
