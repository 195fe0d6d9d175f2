/* Finding the dotfile, reading it line by line, and the demo fallback. */
#include "autoconfig.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config/config.h"
#include "src/buf.h"

/* A name that is there, even as a symbolic link whose target is missing
 * or loops: that is a broken dotfile to report, not a missing one to
 * pass over for the next candidate or the demo feeds. */
static int
file_exists(const char *path)
{
	struct stat st;

	return lstat(path, &st) == 0;
}

/* Opens a dotfile for reading, refusing anything but a regular file: a
 * FIFO would block the open and every read for as long as nobody writes
 * to it. O_NONBLOCK keeps the open from blocking; fstat() says what was
 * opened. Returns NULL with err set. */
static FILE *
open_dotfile(const char *path, struct nf_error *err)
{
	struct stat st;
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
	FILE *f;

	if (fd < 0) {
		int e = errno;

		nf_error_set(err, NF_ERR_CONFIG, "%s: %s%s", path,
		             lstat(path, &st) == 0 && S_ISLNK(st.st_mode) ?
		             "broken symbolic link: " : "", strerror(e));
		return NULL;
	}
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		nf_error_set(err, NF_ERR_CONFIG, "%s: not a regular file", path);
		close(fd);
		return NULL;
	}
	fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
	if ((f = fdopen(fd, "r")) == NULL) {
		nf_error_set(err, NF_ERR_CONFIG, "%s: %s", path, strerror(errno));
		close(fd);
	}
	return f;
}

/* Returns a new "a/b" string or NULL. */
static char *
join_path(const char *a, const char *b)
{
	size_t n = strlen(a) + strlen(b) + 2;
	char *out = malloc(n);

	if (out != NULL) {
		snprintf(out, n, "%s/%s", a, b);
	}
	return out;
}

static const char *
env_nonempty(const char *name)
{
	const char *v = getenv(name);

	return v != NULL && v[0] != 0 ? v : NULL;
}

char *
config_path_default(void)
{
	const char *dir = env_nonempty("XDG_CONFIG_HOME");
	const char *home = env_nonempty("HOME");

	if (dir != NULL && dir[0] == '/') {
		return join_path(dir, "newsfold/config");
	}
	return home != NULL ? join_path(home, ".config/newsfold/config") : NULL;
}

/* The search of SPEC. *named is set when the path was named (-c or
 * $NEWSFOLD_CONFIG): such a file must exist, it is not searched for. */
static char *
find_dotfile(const char *path, int *named)
{
	const char *home = env_nonempty("HOME");
	char *p;

	*named = 1;
	if (path != NULL) {
		return strdup(path);
	}
	if ((path = env_nonempty("NEWSFOLD_CONFIG")) != NULL) {
		return strdup(path);
	}
	*named = 0;
	p = config_path_default();
	if (p != NULL && file_exists(p)) {
		return p;
	}
	free(p);
	p = home != NULL ? join_path(home, ".newsfoldrc") : NULL;
	if (p != NULL && file_exists(p)) {
		return p;
	}
	free(p);
	return NULL;
}

char *
config_path_found(const char *path)
{
	int named;
	char *p = find_dotfile(path, &named);

	if (p != NULL && named && !file_exists(p)) {
		free(p);
		return NULL;
	}
	return p;
}

const char *
config_demo_dir(void)
{
	if (file_exists(SRCDIR "/feeds/demo/feeds")) {
		return SRCDIR "/feeds/demo";
	}
	return PKGDATADIR "/demo";
}

/* Reads the next line of f into b without its newline (and a CR before
 * it). Returns 1 for a line, 0 at the end, or -1 with err set. */
static int
next_line(FILE *f, struct buf *b, const char *name, int lineno,
          struct nf_error *err)
{
	int ch;
	char c;

	buf_reset(b);
	while ((ch = getc(f)) != EOF && ch != '\n') {
		c = (char)ch;
		if (ch == 0 || buf_add(b, &c, 1) != NF_OK) {
			nf_error_set(err, NF_ERR_CONFIG, "%s:%d: %s", name, lineno,
			             ch == 0 ? "a NUL byte in the line" :
			             "line longer than " CONFIG_STR(CONFIG_LINE_MAX) " bytes");
			return -1;
		}
	}
	if (ferror(f)) {
		nf_error_set(err, NF_ERR_IO, "%s: %s", name, strerror(errno));
		return -1;
	}
	if (b->len > 0 && b->data[b->len - 1] == '\r') {
		b->data[--b->len] = 0;
	}
	return ch != EOF || b->len > 0;
}

enum nf_status
config_read_file(const char *path, const char *base_dir, struct config *cfg,
                 struct nf_error *err)
{
	struct buf b;
	FILE *f;
	const char *line;
	int lineno = 0, r;
	enum nf_status st = NF_OK;

	if ((f = open_dotfile(path, err)) == NULL) {
		return NF_ERR_CONFIG;
	}
	buf_init(&b, CONFIG_LINE_MAX);
	while (st == NF_OK && (r = next_line(f, &b, path, ++lineno, err)) != 0) {
		if (r < 0) {
			st = err->code;
			break;
		}
		line = b.data != NULL ? b.data : "";
		/* A UTF-8 byte order mark is not part of the first directive. */
		if (lineno == 1 && strncmp(line, "\xef\xbb\xbf", 3) == 0) {
			line += 3;
		}
		st = config_read_line(path, lineno, line, base_dir, cfg, err);
	}
	buf_free(&b);
	fclose(f);
	return st;
}

static enum nf_status
load_demo(struct config *cfg, struct nf_error *err)
{
	const char *dir = config_demo_dir();

	cfg->is_demo = 1;
	if ((cfg->path = join_path(dir, "feeds")) == NULL) {
		return nf_error_set(err, NF_ERR_NOMEM, "out of memory");
	}
	return config_read_file(cfg->path, dir, cfg, err);
}

enum nf_status
config_load(const char *path, struct config *cfg, struct nf_error *err)
{
	int named;

	if (config_init(cfg, err) != NF_OK) {
		return err->code;
	}
	cfg->path = find_dotfile(path, &named);
	if (cfg->path == NULL) {
		return load_demo(cfg, err);
	}
	return config_read_file(cfg->path, NULL, cfg, err);
}

enum nf_status
config_load_settings(const char *config_path, struct config *cfg,
                     struct nf_error *err)
{
	enum nf_status st = config_load(config_path, cfg, err);

	/* Without a dotfile config_load() reads the demo feed list, which
	 * only brings feeds: the defaults do as well. */
	if (st != NF_OK && cfg->is_demo) {
		config_free(cfg);
		nf_error_clear(err);
		st = config_init(cfg, err);
	}
	return st;
}
