#include "autoconfig.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config/words.h"
#include "src/date.h"
#include "src/path.h"
#include "src/url.h"
#include "src/utf8.h"
#include "ui/jobs.h"
#include "ui/save.h"

/* The longest file name made from a headline, in bytes, before ".txt". */
#define SAVE_NAME_MAX 96

char *
save_default_dir(void)
{
	return ui_data_dir("saved");
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

/* dir/NAME.txt for copy 1, dir/NAME-N.txt after. */
static void
copy_path(const char *dir, const char *name, int i, char *p, size_t n)
{
	if (i == 1) {
		snprintf(p, n, "%s/%s.txt", dir, name);
	} else {
		snprintf(p, n, "%s/%s-%d.txt", dir, name, i);
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
		copy_path(dir, name, i, p, n);
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

char *
save_default_path(const char *dir, const struct nf_item *item)
{
	char name[SAVE_NAME_MAX + 8], *p;
	size_t n = strlen(dir) + sizeof(name) + 16;
	struct stat st;
	int i;

	name_of(nf_str(item->title), name, sizeof(name));
	if ((p = malloc(n)) == NULL) {
		return NULL;
	}
	for (i = 1; i < 100; i++) {
		copy_path(dir, name, i, p, n);
		if (lstat(p, &st) != 0) {
			break;
		}
	}
	return p;
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

/* Writes item to f and closes it; errors name path. */
static enum nf_status
write_close(FILE *f, const struct nf_item *item, const char *path,
            struct nf_error *err)
{
	int failed;

	write_item(f, item);
	failed = fflush(f) != 0 || ferror(f);
	if (fclose(f) != 0 || failed) {
		return nf_error_set(err, NF_ERR_IO, "%s: cannot write: %s", path,
		                    strerror(errno));
	}
	return NF_OK;
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
	if ((st = write_close(f, item, *path, err)) != NF_OK) {
		free(*path);
		*path = NULL;
	}
	return st;
}

/* The item as save_item() writes it: a new string, NULL out of memory. */
static char *
render(const struct nf_item *item)
{
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);

	if (f == NULL) {
		return NULL;
	}
	write_item(f, item);
	if (fclose(f) != 0) {
		free(text);
		return NULL;
	}
	return text;
}

/* A new file at path (its folder made when missing) holding text. */
static enum nf_status
write_new(const char *path, const char *text, struct nf_error *err)
{
	size_t len = strlen(text), done = 0;
	enum nf_status st;
	int fd;

	if ((st = path_make_parents(path, err)) != NF_OK) {
		return st;
	}
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd < 0) {
		return nf_error_set(err, NF_ERR_IO, "%s: cannot create: %s", path,
		                    strerror(errno));
	}
	while (done < len) {
		ssize_t w = write(fd, text + done, len - done);

		if (w < 0 && errno == EINTR) {
			continue;
		}
		if (w <= 0) {
			st = nf_error_set(err, NF_ERR_IO, "%s: cannot write: %s", path,
			                  strerror(w < 0 ? errno : ENOSPC));
			break;
		}
		done += (size_t)w;
	}
	if (close(fd) != 0 && st == NF_OK) {
		st = nf_error_set(err, NF_ERR_IO, "%s: cannot write: %s", path,
		                  strerror(errno));
	}
	return st;
}

enum nf_status
save_item_to(const struct nf_item *item, const char *path,
             struct nf_error *err)
{
	char *text = render(item);
	enum nf_status st;

	if (text == NULL) {
		return nf_error_set(err, NF_ERR_NOMEM, "out of memory");
	}
	st = write_new(path, text, err);
	free(text);
	return st;
}

/* The save prompt's answer: ctx is the story's text, ours to free. */
static void
save_answered(struct ui *ui, const char *answer, void *ctx)
{
	struct nf_error err;
	char *path;

	if (answer == NULL || answer[0] == '\0') {
		ui_status(ui, 0, "not saved");
	} else if ((path = ui_expand_home(answer)) == NULL) {
		ui_status(ui, 1, "out of memory");
	} else {
		if (write_new(path, ctx, &err) != NF_OK) {
			ui_status(ui, 1, "%s", err.msg);
		} else {
			ui_status(ui, 0, "saved to %s", path);
		}
		free(path);
	}
	free(ctx);
}

void
save_ask(struct ui *ui, const struct nf_item *item)
{
	char *dir = save_default_dir(), *path = NULL, *text = NULL;

	if (dir == NULL) {
		ui_status(ui, 1, "no folder to save in: set XDG_DATA_HOME or HOME");
	} else if ((path = save_default_path(dir, item)) == NULL ||
	           (text = render(item)) == NULL) {
		ui_status(ui, 1, "out of memory");
	} else {
		/* the text as it is now: the screen may go before Enter */
		ui_prompt(ui, "Save to: ", path, save_answered, text);
	}
	free(path);
	free(dir);
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
	const char *player = ui->cfg->player;

	if (!url_is_http(nf_str(enc->url))) {
		ui_status(ui, 1, "not playing a link that is not http(s)");
		return;
	}
	if (player == NULL || player[0] == '\0') {
		ui_download(ui, enc->url);
		return;
	}
	ui_open_enclosure(ui, enc->url, "played");
}

void
save_enclosure(struct ui *ui, const struct nf_item *item, int download)
{
	const struct nf_enclosure *enc;

	if (item->nenclosures == 0) {
		ui_status(ui, 1, "this story has no enclosure");
		return;
	}
	if (ui->enclosure_rowid != item->rowid || item->rowid == 0) {
		ui->enclosure_rowid = item->rowid;
		ui->enclosure_next = 0;
	}
	enc = &item->enclosures[ui->enclosure_next++ % item->nenclosures];
	if (download) {
		ui_download(ui, nf_str(enc->url));
	} else {
		save_play(ui, enc);
	}
}
