/*
 * --import-opml's merge: the input is a dotfile, a NUL byte, and an OPML
 * document. The dotfile is written to a folder of its own (behind a
 * symbolic link when the first byte is odd), the OPML's feeds are
 * imported into it with config_import_opml(), and then: a failure
 * leaves the dotfile's bytes as they were and says why on one line; a
 * success leaves a dotfile that reads again, starts with the old bytes,
 * lists every imported feed and added more feeds exactly; a link stays
 * a link; no temporary file is left either way.
 */
#include "autoconfig.h"

#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config/config.h"
#include "config/import.h"
#include "feeds/opml.h"
#include "tests/fuzz/fuzz_check.h"

static char dir[64], link_path[128], file_path[128];

/* Empties the folder, whatever an import left in it. */
static void
clear_dir(void)
{
	struct dirent *e;
	char path[4352];	/* the folder, a slash and any d_name */
	DIR *d = opendir(dir);

	while (d != NULL && (e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0) {
			snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
			unlink(path);
		}
	}
	if (d != NULL) {
		closedir(d);
	}
}

static void
remove_dir(void)
{
	clear_dir();
	rmdir(dir);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct stat sb;

	(void)argc;
	(void)argv;
	/* A folder in memory when there is one: every import fsyncs. */
	snprintf(dir, sizeof(dir), "%s/fuzz-import-XXXXXX",
	         stat("/dev/shm", &sb) == 0 && access("/dev/shm", W_OK) == 0 ?
	         "/dev/shm" : "/tmp");
	if (mkdtemp(dir) == NULL) {
		perror("mkdtemp");
		exit(1);
	}
	snprintf(link_path, sizeof(link_path), "%s/config", dir);
	snprintf(file_path, sizeof(file_path), "%s/target", dir);
	atexit(remove_dir);
	return 0;
}

/* The whole file at path as a new string (NULL when absent); *len its
 * length. */
static char *
read_all(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *s = NULL;
	long n;

	*len = 0;
	if (f == NULL) {
		return NULL;
	}
	if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) >= 0 &&
	    fseek(f, 0, SEEK_SET) == 0 && (s = malloc((size_t)n + 1)) != NULL) {
		*len = fread(s, 1, (size_t)n, f);
		s[*len] = 0;
	}
	fclose(f);
	return s;
}

/* The number of feeds the dotfile at path lists, or -1 when it does not
 * read. */
static long
count_feeds(const char *path)
{
	struct config cfg;
	struct nf_error err;
	long n = -1;

	if (config_init(&cfg, &err) == NF_OK &&
	    config_read_file(path, NULL, &cfg, &err) == NF_OK) {
		n = (long)cfg.nfeeds;
	}
	config_free(&cfg);
	return n;
}

static void
check_success(const char *path, const char *old, size_t old_len, long before,
              const struct opml_list *list, size_t added)
{
	struct config cfg;
	struct nf_error err;
	size_t len, i;
	char *now = read_all(path, &len);

	if (added == 0 && (now == NULL ? old_len != 0 :
	                   len != old_len || memcmp(now, old, len) != 0)) {
		fuzz_fail("nothing added, yet the dotfile changed", old, 0);
	}
	if (now != NULL && (len < old_len || memcmp(now, old, old_len) != 0)) {
		fuzz_fail("the old bytes are not kept", old, 0);
	}
	if (config_init(&cfg, &err) != NF_OK ||
	    config_read_file(path, NULL, &cfg, &err) != NF_OK) {
		if (now == NULL && added == 0) {
			config_free(&cfg);
			return;
		}
		fuzz_fail("the imported dotfile does not read", err.msg, 0);
	}
	if ((long)cfg.nfeeds != (before < 0 ? 0 : before) + (long)added) {
		fuzz_fail("added feeds miscounted", now != NULL ? now : "", 0);
	}
	for (i = 0; i < list->nfeeds; i++) {
		if (!config_has_feed(&cfg, list->feeds[i].url)) {
			fuzz_fail("an imported feed is missing", list->feeds[i].url, 0);
		}
	}
	config_free(&cfg);
	free(now);
}

/* The folder holds the dotfile (and the link's target), nothing else. */
static void
check_no_leftovers(int linked)
{
	struct dirent *e;
	DIR *d = opendir(dir);
	struct stat sb;

	while (d != NULL && (e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0 &&
		    strcmp(e->d_name, "config") != 0 &&
		    !(linked && strcmp(e->d_name, "target") == 0)) {
			fuzz_fail("a file was left behind", e->d_name, 0);
		}
	}
	if (d != NULL) {
		closedir(d);
	}
	if (linked && (lstat(link_path, &sb) != 0 || !S_ISLNK(sb.st_mode))) {
		fuzz_fail("the symbolic link was replaced", link_path, 0);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const uint8_t *nul = memchr(data, 0, size);
	size_t dot_len = nul != NULL ? (size_t)(nul - data) : size, added = 0, len;
	int linked = size > 0 && (data[0] & 1);
	const char *path = linked ? file_path : link_path;
	struct opml_list list = { 0 };
	struct nf_error err;
	char *old;
	long before;
	FILE *f;

	clear_dir();
	if ((f = fopen(path, "wb")) == NULL) {
		return 0;
	}
	fwrite(data, 1, dot_len, f);
	fclose(f);
	if (linked && symlink("target", link_path) != 0) {
		return 0;
	}
	if (nul == NULL || opml_parse((const char *)nul + 1, size - dot_len - 1,
	                              &list, &err) != NF_OK) {
		opml_list_free(&list);
		memset(&list, 0, sizeof(list));
	}
	old = read_all(path, &len);
	before = count_feeds(path);
	if (config_import_opml(link_path, &list, "fuzz.opml", &added, &err) == NF_OK) {
		check_success(path, old != NULL ? old : "", len, before, &list, added);
	} else {
		size_t now_len;
		char *now = read_all(path, &now_len);

		fuzz_check_line(err.msg);
		if (now == NULL || now_len != len || memcmp(now, old, len) != 0) {
			fuzz_fail("a failed import changed the dotfile", err.msg, 0);
		}
		free(now);
	}
	check_no_leftovers(linked);
	free(old);
	opml_list_free(&list);
	return 0;
}
