#include "autoconfig.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config/words.h"
#include "src/date.h"
#include "src/path.h"
#include "src/url.h"
#include "src/utf8.h"
#include "ui/save.h"

/* The longest file name made from a headline, in bytes, before ".txt". */
#define SAVE_NAME_MAX 96

char *
save_default_dir(void)
{
	const char *xdg = getenv("XDG_DATA_HOME"), *home = getenv("HOME");
	const char *tail = "/newsfold/saved";
	char *out;
	size_t n;

	if (xdg == NULL || xdg[0] != '/') {
		if (home == NULL || home[0] == '\0') {
			return NULL;
		}
		tail = "/.local/share/newsfold/saved";
		xdg = home;
	}
	n = strlen(xdg) + strlen(tail) + 1;
	if ((out = malloc(n)) != NULL) {
		snprintf(out, n, "%s%s", xdg, tail);
	}
	return out;
}

/* A file name from a headline: path separators, controls and a leading
 * dot replaced, cut on a character boundary; "story" when empty. */
static void
name_of(const char *title, char *out, size_t size)
{
	size_t n = strlen(title), i;

	if (n > SAVE_NAME_MAX) {
		n = utf8_char_start(title, SAVE_NAME_MAX);
	}
	if (n >= size) {
		n = utf8_char_start(title, size - 1);
	}
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)title[i];

		out[i] = c == '/' || c == '\\' || c < ' ' || c == 127 ||
		         (i == 0 && c == '.') ? '_' : (char)c;
	}
	out[n] = '\0';
	if (n == 0) {
		snprintf(out, size, "story");
	}
}

/* Opens a new file dir/NAME.txt, else NAME-2.txt ... NAME-99.txt. */
static FILE *
open_new(const char *dir, const char *name, char **path, struct nf_error *err)
{
	char *p;
	size_t n = strlen(dir) + strlen(name) + 16;
	int fd = -1, i;

	if ((p = malloc(n)) == NULL) {
		nf_error_set(err, NF_ERR_NOMEM, "out of memory");
		return NULL;
	}
	for (i = 1; i < 100 && fd < 0; i++) {
		if (i == 1) {
			snprintf(p, n, "%s/%s.txt", dir, name);
		} else {
			snprintf(p, n, "%s/%s-%d.txt", dir, name, i);
		}
		fd = open(p, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
		if (fd < 0 && errno != EEXIST) {
			break;
		}
	}
	if (fd < 0) {
		nf_error_set(err, NF_ERR_IO, "%s: cannot create: %s", p,
		             strerror(errno));
		free(p);
		return NULL;
	}
	*path = p;
	return fdopen(fd, "w");
}

static void
write_item(FILE *f, const struct nf_item *item)
{
	char date[32] = "";
	const char *body = item->content != NULL && item->content[0] != '\0' ?
	                   item->content : nf_str(item->summary);

	if (item->published != NF_NO_DATE) {
		date_format_rfc3339(item->published, date);
	}
	fprintf(f, "%s\n", nf_str(item->title));
	fprintf(f, "%s%s%s%s%s\n", nf_str(item->source),
	        item->author != NULL ? " · " : "", nf_str(item->author),
	        date[0] != '\0' ? " · " : "", date);
	fprintf(f, "%s\n", nf_str(item->link));
	if (item->image != NULL && item->image->caption != NULL) {
		fprintf(f, "\nPhoto: %s\n", item->image->caption);
	}
	fprintf(f, "\n%s\n", body);
}

enum nf_status
save_item(const struct nf_item *item, const char *dir, char **path,
          struct nf_error *err)
{
	char name[SAVE_NAME_MAX + 8], *probe;
	size_t n = strlen(dir) + 3;
	FILE *f;
	enum nf_status st;

	*path = NULL;
	if ((probe = malloc(n)) == NULL) {
		return nf_error_set(err, NF_ERR_NOMEM, "out of memory");
	}
	snprintf(probe, n, "%s/x", dir);
	st = path_make_parents(probe, err);
	free(probe);
	if (st != NF_OK) {
		return st;
	}
	name_of(nf_str(item->title), name, sizeof(name));
	if ((f = open_new(dir, name, path, err)) == NULL) {
		return err != NULL && err->code != NF_OK ? err->code : NF_ERR_IO;
	}
	write_item(f, item);
	if (fflush(f) != 0 || ferror(f) || fclose(f) != 0) {
		st = nf_error_set(err, NF_ERR_IO, "%s: cannot write: %s", *path,
		                  strerror(errno));
		free(*path);
		*path = NULL;
		return st;
	}
	return NF_OK;
}

void
save_bookmark(struct ui *ui, const struct nf_item *item)
{
	const struct config_subst subst[] = {
		{ 'u', nf_str(item->link) }, { 't', nf_str(item->title) },
	};
	char **argv = NULL, done[600];
	struct nf_error err;

	if (ui->cfg->bookmark_cmd == NULL) {
		ui_status(ui, 1, "no bookmark-cmd in the dotfile");
		return;
	}
	if (!url_is_http(nf_str(item->link))) {
		ui_status(ui, 1, "not bookmarking a link that is not http(s)");
		return;
	}
	if (config_command_argv(ui->cfg->bookmark_cmd, subst, 2, &argv,
	                        &err) != NF_OK) {
		ui_status(ui, 1, "bookmark-cmd: %s", err.msg);
		return;
	}
	snprintf(done, sizeof(done), "bookmarked %s", item->link);
	ui_run_told(ui, argv, done);
	config_argv_free(argv);
}

void
save_play(struct ui *ui, const struct nf_enclosure *enc)
{
	if (!url_is_http(nf_str(enc->url))) {
		ui_status(ui, 1, "not playing a link that is not http(s)");
		return;
	}
	ui_open_enclosure(ui, enc->url, "played");
}
