/* OPML lists into the dotfile, and the dotfile's feeds out as one. */
#include "autoconfig.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config/import.h"
#include "src/buf.h"
#include "src/path.h"

/* Appends word to b as one dotfile word, in quotes when needed (always
 * for the title, whose quotes mark it as the title). */
static enum nf_status
add_word(struct buf *b, const char *word, int quote)
{
	enum nf_status st = buf_add_str(b, " ");
	const char *p;

	quote = quote || strpbrk(word, "\" \t") != NULL || word[0] == '#';
	if (!quote) {
		return st == NF_OK ? buf_add_str(b, word) : st;
	}
	st = st == NF_OK ? buf_add_str(b, "\"") : st;
	for (p = word; *p != 0 && st == NF_OK; p++) {
		if (*p == '"' || *p == '\\') {
			st = buf_add_str(b, "\\");
		}
		st = st == NF_OK ? buf_add(b, p, 1) : st;
	}
	return st == NF_OK ? buf_add_str(b, "\"") : st;
}

static enum nf_status
format_feed_line(struct buf *b, const struct opml_feed *f)
{
	enum nf_status st = buf_add_str(b, "feed");
	size_t i;

	st = st == NF_OK ? add_word(b, f->url, 0) : st;
	if (f->title != NULL && st == NF_OK) {
		st = add_word(b, f->title, 1);
	}
	for (i = 0; i < f->ntags && st == NF_OK; i++) {
		st = add_word(b, f->tags[i], 0);
	}
	return st;
}

/* Appends the lines of the feeds cfg lacks to b, each checked by the
 * dotfile parser (which also adds it to cfg, so the OPML's own repeats
 * are skipped too). */
static enum nf_status
add_new_lines(struct buf *b, struct config *cfg, const char *path, int lineno,
              const struct opml_list *list, size_t *added,
              struct nf_error *err)
{
	struct buf line;
	size_t i;
	enum nf_status st = NF_OK;

	buf_init(&line, CONFIG_LINE_MAX);
	for (i = 0; i < list->nfeeds && st == NF_OK; i++) {
		if (config_has_feed(cfg, list->feeds[i].url)) {
			continue;
		}
		buf_reset(&line);
		st = format_feed_line(&line, &list->feeds[i]);
		if (st == NF_OK) {
			st = config_read_line(path, ++lineno, line.data, NULL, cfg, err);
		} else {
			nf_error_set(err, st, "feed %s: line too long", list->feeds[i].url);
		}
		if (st == NF_OK && (st = buf_printf(b, "%s\n", line.data)) == NF_OK) {
			(*added)++;
		}
	}
	buf_free(&line);
	return st;
}

static enum nf_status
write_all(int fd, const char *data, size_t len)
{
	ssize_t n;

	while (len > 0) {
		n = write(fd, data, len);
		if (n < 0 && errno == EINTR) {
			continue;
		}
		if (n <= 0) {
			return NF_ERR_IO;
		}
		data += n;
		len -= (size_t)n;
	}
	return NF_OK;
}

/* Replaces path with data: a temporary file beside it, fsync, rename,
 * then fsync of the folder, so that a crash leaves the old file or the
 * new one, never half of one. */
static enum nf_status
write_atomic(const char *path, const char *data, size_t len, mode_t mode,
             struct nf_error *err)
{
	char tmp[PATH_MAX], dir[PATH_MAX];
	int fd, dfd, saved;

	if (snprintf(tmp, sizeof(tmp), "%s.tmp-XXXXXX", path) >= (int)sizeof(tmp)) {
		return nf_error_set(err, NF_ERR_IO, "%s: path too long", path);
	}
	if ((fd = mkstemp(tmp)) < 0) {
		return nf_error_set(err, NF_ERR_IO, "%s: %s", tmp, strerror(errno));
	}
	if (fchmod(fd, mode) != 0 || write_all(fd, data, len) != NF_OK ||
	    fsync(fd) != 0) {
		saved = errno;
		close(fd);
		unlink(tmp);
		return nf_error_set(err, NF_ERR_IO, "%s: %s", tmp, strerror(saved));
	}
	if (close(fd) != 0 || rename(tmp, path) != 0) {
		saved = errno;
		unlink(tmp);
		return nf_error_set(err, NF_ERR_IO, "%s: %s", path, strerror(saved));
	}
	snprintf(dir, sizeof(dir), "%s", path);
	if ((dfd = open(dirname(dir), O_RDONLY | O_DIRECTORY)) >= 0) {
		fsync(dfd);
		close(dfd);
	}
	return NF_OK;
}

/* Reads the whole dotfile into b and counts its lines. */
static enum nf_status
read_dotfile(const char *path, struct buf *b, int *lines, struct nf_error *err)
{
	char chunk[8192];
	size_t n, i;
	FILE *f = fopen(path, "rb");
	enum nf_status st = NF_OK;

	if (f == NULL) {
		return nf_error_set(err, NF_ERR_IO, "%s: %s", path, strerror(errno));
	}
	while (st == NF_OK && (n = fread(chunk, 1, sizeof(chunk), f)) > 0) {
		st = buf_add(b, chunk, n);
		for (i = 0; i < n; i++) {
			*lines += chunk[i] == '\n';
		}
	}
	fclose(f);
	if (st != NF_OK) {
		return nf_error_set(err, st, "%s: too large", path);
	}
	if (b->len > 0 && b->data[b->len - 1] != '\n') {
		(*lines)++;
		st = buf_add_str(b, "\n");
	}
	return st;
}

static enum nf_status
merge(const char *path, const struct opml_list *list, const char *origin,
      size_t *added, struct config *cfg, struct nf_error *err)
{
	struct stat sb;
	struct buf b;
	int lines = 0, exists = stat(path, &sb) == 0;
	mode_t mode = exists ? (sb.st_mode & 07777) : 0600;
	enum nf_status st = NF_OK;

	buf_init(&b, 64L * 1024 * 1024);
	/* The parser first: it opens the file without blocking and refuses
	 * anything but a regular file, where fopen() would wait on a FIFO. */
	if (exists) {
		st = config_read_file(path, NULL, cfg, err);
		if (st == NF_OK) {
			st = read_dotfile(path, &b, &lines, err);
		}
	}
	if (st == NF_OK) {
		lines += b.len > 0 ? 2 : 1;
		st = buf_printf(&b, "%s# Imported from %s\n", b.len > 0 ? "\n" : "",
		                origin);
	}
	if (st == NF_OK) {
		st = add_new_lines(&b, cfg, path, lines, list, added, err);
	}
	if (st == NF_OK && *added > 0) {
		st = write_atomic(path, b.data, b.len, mode, err);
	}
	buf_free(&b);
	return st;
}

/* The file an import replaces: path itself, or through symbolic links
 * the file they lead to, so that a dotfile kept as a link into a
 * dotfiles repository stays a link and its target is what changes. A
 * link that leads nowhere (missing target, loop) is an error, as for
 * the reader; so is anything but a regular file. */
static enum nf_status
resolve_target(const char *path, char out[PATH_MAX], struct nf_error *err)
{
	struct stat sb;
	int is_link;

	if (lstat(path, &sb) != 0) {
		if (errno != ENOENT) {
			return nf_error_set(err, NF_ERR_CONFIG, "%s: %s", path, strerror(errno));
		}
		if (snprintf(out, PATH_MAX, "%s", path) >= PATH_MAX) {
			return nf_error_set(err, NF_ERR_CONFIG, "%s: path too long", path);
		}
		return NF_OK;
	}
	is_link = S_ISLNK(sb.st_mode);
	if (realpath(path, out) == NULL) {
		return nf_error_set(err, NF_ERR_CONFIG, "%s: %s%s", path,
		                    is_link ? "broken symbolic link: " : "",
		                    strerror(errno));
	}
	if (stat(out, &sb) != 0 || !S_ISREG(sb.st_mode)) {
		return nf_error_set(err, NF_ERR_CONFIG, "%s: not a regular file", path);
	}
	return NF_OK;
}

/* Takes the advisory lock that every writer of a dotfile takes: flock()
 * on the folder that holds it, so two imports run one after the other
 * and each merges into what the other wrote. The folder itself is
 * locked, not a lock file beside the dotfile, so nothing is left in a
 * dotfiles repository. Returns the descriptor to close (which releases
 * the lock), or -1 with err set. */
static int
lock_folder(const char *dir, struct nf_error *err)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

	if (fd < 0) {
		nf_error_set(err, NF_ERR_IO, "%s: %s", dir, strerror(errno));
		return -1;
	}
	while (flock(fd, LOCK_EX) != 0) {
		if (errno != EINTR) {
			nf_error_set(err, NF_ERR_IO, "%s: cannot lock: %s", dir,
			             strerror(errno));
			close(fd);
			return -1;
		}
	}
	return fd;
}

/* Whether name is base followed by ".tmp-" and mkstemp()'s six
 * characters: a temporary file write_atomic() made for this dotfile. */
static int
is_our_temp(const char *name, const char *base)
{
	size_t n = strlen(base), i;

	if (strncmp(name, base, n) != 0 || strncmp(name + n, ".tmp-", 5) != 0 ||
	    strlen(name + n + 5) != 6) {
		return 0;
	}
	for (i = n + 5; name[i] != 0; i++) {
		if (!((name[i] >= 'a' && name[i] <= 'z') || (name[i] >= 'A' && name[i] <= 'Z') ||
		      (name[i] >= '0' && name[i] <= '9'))) {
			return 0;
		}
	}
	return 1;
}

/* Removes the temporary files that writers killed mid-write left beside
 * the dotfile. Called under the folder's lock, which every writer holds
 * while its temporary file exists: any there now is stale. Only regular
 * files of this user go. */
static void
remove_stale_temps(int dfd, const char *base)
{
	struct dirent *e;
	struct stat sb;
	DIR *d;
	int fd = openat(dfd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);

	if (fd < 0 || (d = fdopendir(fd)) == NULL) {
		if (fd >= 0) {
			close(fd);
		}
		return;
	}
	while ((e = readdir(d)) != NULL) {
		if (is_our_temp(e->d_name, base) &&
		    fstatat(dfd, e->d_name, &sb, AT_SYMLINK_NOFOLLOW) == 0 &&
		    S_ISREG(sb.st_mode) && sb.st_uid == geteuid()) {
			unlinkat(dfd, e->d_name, 0);
		}
	}
	closedir(d);
}

/* The merge into target, under the lock of its folder. */
static enum nf_status
merge_locked(const char *target, const struct opml_list *list,
             const char *origin, size_t *added, struct nf_error *err)
{
	struct config cfg;
	char dir[PATH_MAX], base[PATH_MAX];
	int dfd;
	enum nf_status st;

	if ((st = path_make_parents(target, err)) != NF_OK) {
		return st;
	}
	snprintf(dir, sizeof(dir), "%s", target);
	snprintf(base, sizeof(base), "%s", target);
	if ((dfd = lock_folder(dirname(dir), err)) < 0) {
		return err->code;
	}
	remove_stale_temps(dfd, basename(base));
	if ((st = config_init(&cfg, err)) == NF_OK) {
		st = merge(target, list, origin, added, &cfg, err);
	}
	config_free(&cfg);
	close(dfd);
	return st;
}

enum nf_status
config_import_opml(const char *path, const struct opml_list *list,
                   const char *origin, size_t *added, struct nf_error *err)
{
	char target[PATH_MAX], name[256], *p;

	*added = 0;
	/* The origin goes into a comment line: no line breaks in it. */
	if (snprintf(name, sizeof(name), "%s", origin) < 0) {
		name[0] = 0;
	}
	for (p = name; *p != 0; p++) {
		if ((unsigned char)*p < ' ' || *p == 127) {
			*p = '?';
		}
	}
	if (resolve_target(path, target, err) != NF_OK) {
		return err->code;
	}
	return merge_locked(target, list, name, added, err);
}

enum nf_status
config_add_feed(const char *path, const char *url, const char *origin,
                size_t *added, struct nf_error *err)
{
	struct opml_list list = { 0 };
	enum nf_status st = opml_list_add(&list, url, NULL, NULL, 0, err);

	*added = 0;
	if (st == NF_OK) {
		st = config_import_opml(path, &list, origin, added, err);
	}
	opml_list_free(&list);
	return st;
}

enum nf_status
config_export_opml(const struct config *cfg, struct opml_list *out,
                   struct nf_error *err)
{
	const struct config_feed *f;
	size_t i;
	enum nf_status st = NF_OK;

	memset(out, 0, sizeof(*out));
	for (i = 0; i < cfg->nfeeds && st == NF_OK; i++) {
		char *url = NULL;
		size_t n;

		f = &cfg->feeds[i];
		/* As newsboat writes them: exec feeds are already "exec:CMD";
		 * a filter goes along as "filter:CMD:URL". Importing either
		 * skips it: no one else's list may start a program here. */
		if (f->filter_cmd != NULL) {
			n = strlen(f->filter_cmd) + strlen(f->url) + 9;
			if ((url = malloc(n)) == NULL) {
				return nf_error_set(err, NF_ERR_NOMEM, "out of memory");
			}
			snprintf(url, n, "filter:%s:%s", f->filter_cmd, f->url);
		}
		st = opml_list_add(out, url != NULL ? url : f->url, f->title,
		                   f->tags, f->ntags, err);
		free(url);
	}
	return st;
}

enum nf_status
config_import_lines(const char *path, const char *text, const char *origin,
                    struct nf_error *err)
{
	char real[PATH_MAX];
	struct stat sb;
	struct buf b;
	int lines = 0, exists;
	enum nf_status st;

	if (realpath(path, real) != NULL) {
		path = real;
	}
	exists = stat(path, &sb) == 0;
	buf_init(&b, 64L * 1024 * 1024);
	st = exists ? read_dotfile(path, &b, &lines, err) :
	     path_make_parents(path, err);
	if (st == NF_OK) {
		st = buf_printf(&b, "%s# Imported from %.200s\n%s",
		                b.len > 0 ? "\n" : "", origin, text);
	}
	if (st == NF_OK) {
		st = write_atomic(path, b.data, b.len,
		                  exists ? (sb.st_mode & 07777) : 0600, err);
	} else if (err != NULL && err->code == NF_OK) {
		nf_error_set(err, st, "%s: too large", path);
	}
	buf_free(&b);
	return st;
}
