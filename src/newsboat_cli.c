/*
 * --import-newsboat [DIR]: newsboat's urls and config become dotfile
 * lines (config/newsboat.c), and its cache.db's items, read flags
 * included, go into the store, so that the stories are there, read as
 * they were, before the first fetch. newsboat's files are only read:
 * cache.db is opened read-only and immutable, so not even a lock or a
 * journal file is made beside it.
 *
 * One step: every line is translated and checked against the dotfile
 * first, and nothing is written when that fails; the store is filled
 * next (one transaction per feed; a feed the dotfile does not list stays
 * out of sight), and the dotfile is replaced last, through a temporary
 * file and a rename. Run again, it adds nothing twice: a feed already
 * in the dotfile is reported and skipped.
 */
#include "autoconfig.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <sqlite3.h>

#include "config/config.h"
#include "config/import.h"
#include "config/newsboat.h"
#include "src/htmltext.h"
#include "src/newsboat_cli.h"
#include "src/store.h"
#include "src/text.h"

#define NB_FILE_MAX (64L * 1024 * 1024)

struct nb_paths {
	char urls[PATH_MAX], config[PATH_MAX], cache[PATH_MAX], shown[PATH_MAX];
};

static int
exists(const char *path)
{
	struct stat sb;

	return stat(path, &sb) == 0;
}

/* DIR, else ~/.newsboat, else newsboat's XDG folders. */
static void
nb_find(const char *dir, struct nb_paths *p)
{
	const char *home = getenv("HOME"), *xc = getenv("XDG_CONFIG_HOME"),
	           *xd = getenv("XDG_DATA_HOME");
	char conf_dir[PATH_MAX - 16], data_dir[PATH_MAX - 16];

	if (dir == NULL) {
		snprintf(conf_dir, sizeof(conf_dir), "%s/.newsboat", home != NULL ? home : "");
		if (!exists(conf_dir)) {
			snprintf(conf_dir, sizeof(conf_dir), "%s%s/newsboat",
			         xc != NULL ? xc : home != NULL ? home : "",
			         xc != NULL ? "" : "/.config");
			snprintf(data_dir, sizeof(data_dir), "%s%s/newsboat",
			         xd != NULL ? xd : home != NULL ? home : "",
			         xd != NULL ? "" : "/.local/share");
		} else {
			snprintf(data_dir, sizeof(data_dir), "%s", conf_dir);
		}
	} else {
		snprintf(conf_dir, sizeof(conf_dir), "%s", dir);
		snprintf(data_dir, sizeof(data_dir), "%s", dir);
	}
	snprintf(p->urls, sizeof(p->urls), "%s/urls", conf_dir);
	snprintf(p->config, sizeof(p->config), "%s/config", conf_dir);
	snprintf(p->cache, sizeof(p->cache), "%s/cache.db", data_dir);
	snprintf(p->shown, sizeof(p->shown), "%s", conf_dir);
}

/* Reads a whole file into b; a missing optional file is empty. */
static enum nf_status
nb_read(const char *path, int required, struct buf *b, struct nf_error *err)
{
	char chunk[65536];
	FILE *f = fopen(path, "r");
	size_t n;
	enum nf_status st = NF_OK;

	if (f == NULL) {
		return required ? nf_error_set(err, NF_ERR_IO, "%s: cannot read",
		                               path) : NF_OK;
	}
	while (st == NF_OK && (n = fread(chunk, 1, sizeof(chunk), f)) > 0) {
		st = buf_add(b, chunk, n);
	}
	fclose(f);
	return st == NF_OK ? NF_OK : nf_error_set(err, st, "%s: too large", path);
}

/* Whether text has line as one of its lines. */
static int
nb_has_line(const char *text, const char *line)
{
	size_t n = strlen(line);
	const char *p;

	for (p = text; (p = strstr(p, line)) != NULL; p += n) {
		if ((p == text || p[-1] == '\n') && (p[n] == '\n' || p[n] == 0)) {
			return 1;
		}
	}
	return 0;
}

/* Checks each translated line against the dotfile as it stands (into
 * cfg); the good ones go to out, the others to the report. */
static enum nf_status
nb_check(struct newsboat_import *imp, struct config *cfg, const char *existing,
         struct buf *out)
{
	const char *p = nf_str(imp->lines.data), *end;
	struct nf_error lerr;
	char line[CONFIG_LINE_MAX + 1];
	enum nf_status st = NF_OK;
	int n = 0;

	for (; st == NF_OK && *p != 0; p = end + 1) {
		end = p + strcspn(p, "\n");
		snprintf(line, sizeof(line), "%.*s", (int)(end - p), p);
		if (nb_has_line(existing, line)) {
			st = buf_printf(&imp->skipped, "%s: skipped: already in the dotfile\n",
			                line);
		} else if (config_read_line("newsboat", ++n, line, NULL, cfg, &lerr) == NF_OK) {
			st = buf_printf(out, "%s\n", line);
		} else {
			st = buf_printf(&imp->skipped, "%s: skipped: %s\n", line, lerr.msg);
		}
	}
	return st;
}

/* Opens cache.db so that it is never written: read-only, immutable. */
static sqlite3 *
nb_cache_open(const char *path)
{
	char uri[PATH_MAX * 3 + 32];
	size_t j = 0;
	sqlite3 *db = NULL;
	const char *s;

	j += (size_t)snprintf(uri, sizeof(uri), "file:");
	for (s = path; *s != 0 && j + 4 < sizeof(uri); s++) {
		j += (size_t)(strchr("?#% ", *s) != NULL ?
		              snprintf(uri + j, sizeof(uri) - j, "%%%02X", (unsigned char)*s) :
		              snprintf(uri + j, sizeof(uri) - j, "%c", *s));
	}
	snprintf(uri + j, sizeof(uri) - j, "?mode=ro&immutable=1");
	if (sqlite3_open_v2(uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI,
	                    NULL) != SQLITE_OK) {
		sqlite3_close(db);
		return NULL;
	}
	return db;
}

static char *
column_text(sqlite3_stmt *st, int col, int html)
{
	const char *t = (const char *)sqlite3_column_text(st, col);
	size_t n = (size_t)sqlite3_column_bytes(st, col);

	if (t == NULL) {
		return NULL;
	}
	return html ? htmltext_from_html(t, n) : text_clean_line(t, n);
}

/* One cache row as an item; *read gets its flag. */
static struct nf_item *
nb_item(sqlite3_stmt *st, int *read)
{
	struct nf_item *it = item_new();

	if (it == NULL) {
		return NULL;
	}
	it->id = column_text(st, 0, 0);
	it->title = column_text(st, 1, 0);
	it->author = column_text(st, 2, 0);
	it->link = column_text(st, 3, 0);
	it->published = sqlite3_column_type(st, 4) == SQLITE_NULL ? NF_NO_DATE :
	                sqlite3_column_int64(st, 4);
	it->content = column_text(st, 5, 1);
	*read = sqlite3_column_int(st, 6) == 0;
	return it;
}

/* Marks read the stored items of feed_id whose GUID or link one of the
 * read cache rows has (reads: its items, read flags in reads[]). */
static enum nf_status
nb_marks(struct store *s, int64_t feed_id, const struct nf_feed *feed,
         const int *reads, size_t *nread, struct nf_error *err)
{
	struct nf_item **items = NULL;
	int64_t *rowids;
	size_t n = 0, i, k, m = 0;
	enum nf_status st = store_items_load(s, feed_id, STORE_LOAD_LIST, &items, &n, err);

	if (st != NF_OK || (rowids = calloc(n + 1, sizeof(*rowids))) == NULL) {
		store_items_free(items, n);
		return st != NF_OK ? st : nf_error_set(err, NF_ERR_NOMEM, "out of memory");
	}
	for (i = 0; i < n; i++) {
		for (k = 0; k < feed->nitems; k++) {
			const struct nf_item *c = feed->items[k];

			if (reads[k] && ((c->id != NULL && nf_str(items[i]->id)[0] != 0 &&
			                  strcmp(c->id, nf_str(items[i]->id)) == 0) ||
			                 (c->link != NULL && strcmp(c->link, nf_str(items[i]->link)) == 0))) {
				rowids[m++] = items[i]->rowid;
				break;
			}
		}
	}
	st = m > 0 ? store_mark_read(s, rowids, m, 1, err) : NF_OK;
	*nread += st == NF_OK ? m : 0;
	free(rowids);
	store_items_free(items, n);
	return st;
}

/* The cache's items of one dotfile feed into the store, read flags too. */
static enum nf_status
nb_cache_feed(sqlite3 *db, struct store *s, const struct config_feed *f,
              size_t *nread, struct nf_error *err)
{
	sqlite3_stmt *st = NULL;
	struct nf_feed *feed = feed_new();
	struct nf_item *it;
	int *reads = NULL, *grown, read = 0;
	int64_t id;
	enum nf_status status = NF_OK;

	if (feed == NULL || sqlite3_prepare_v2(db, "SELECT guid, title, author, url,"
	    " pubDate, content, unread FROM rss_item WHERE feedurl = ?1"
	    " AND deleted = 0 ORDER BY pubDate DESC", -1, &st, NULL) != SQLITE_OK) {
		feed_free(feed);
		sqlite3_finalize(st);
		return NF_OK;	/* not a cache this program knows: no items */
	}
	sqlite3_bind_text(st, 1, f->url, -1, SQLITE_STATIC);
	while (status == NF_OK && sqlite3_step(st) == SQLITE_ROW) {
		if ((it = nb_item(st, &read)) == NULL || feed_add_item(feed, it) != 0 ||
		    (grown = realloc(reads, feed->nitems * sizeof(*reads))) == NULL) {
			status = nf_error_set(err, NF_ERR_NOMEM, "out of memory");
			break;
		}
		reads = grown;
		reads[feed->nitems - 1] = read;
	}
	sqlite3_finalize(st);
	if (status == NF_OK && feed->nitems > 0 &&
	    (status = store_feed_ensure(s, f->url, f->title, &id, err)) == NF_OK &&
	    (status = store_feed_update(s, id, feed, NULL, NULL, err)) == NF_OK) {
		status = nb_marks(s, id, feed, reads, nread, err);
	}
	free(reads);
	feed_free(feed);
	return status;
}

/* Every feed of cfg from the first new one, from the cache. */
static enum nf_status
nb_cache(const struct nf_args *args, const char *cache, const struct config *cfg,
         size_t first, size_t *nread, struct nf_error *err)
{
	struct store *s = NULL;
	sqlite3 *db;
	enum nf_status st;
	size_t i;

	if (first == cfg->nfeeds || !exists(cache) || (db = nb_cache_open(cache)) == NULL) {
		return NF_OK;
	}
	st = store_open(args->db_path, &s, err);
	for (i = first; st == NF_OK && i < cfg->nfeeds; i++) {
		st = nb_cache_feed(db, s, &cfg->feeds[i], nread, err);
	}
	store_close(s);
	sqlite3_close(db);
	return st;
}

/* The dotfile to add to: -c, else the one in use, else the default. */
static char *
nb_dotfile(const char *config_path, struct config *cfg, struct nf_error *err)
{
	char *path = config_path != NULL ? strdup(config_path) :
	             config_path_found(NULL);

	if (path == NULL && config_path == NULL) {
		path = config_path_default();
	}
	if (path == NULL) {
		nf_error_set(err, NF_ERR_USAGE, "no place for a dotfile: set HOME");
	} else if (exists(path) && config_read_file(path, NULL, cfg, err) != NF_OK) {
		free(path);
		path = NULL;
	}
	return path;
}

static size_t
nb_count_lines(const char *s)
{
	size_t n = 0;

	for (; *s != 0; s++) {
		n += *s == '\n';
	}
	return n;
}

static enum nf_status
nb_import(const struct nf_args *args, struct newsboat_import *imp,
          struct buf *good, struct nf_error *err)
{
	struct nb_paths p;
	struct config cfg;
	struct buf text;
	char *dotfile = NULL;
	size_t first, nread = 0;
	enum nf_status st;

	nb_find(args->nargs > 0 ? args->args[0] : NULL, &p);
	buf_init(&text, NB_FILE_MAX);
	if ((st = config_init(&cfg, err)) != NF_OK ||
	    (st = nb_read(p.urls, 1, &text, err)) != NF_OK ||
	    (st = newsboat_read_urls(nf_str(text.data), "urls", imp, err)) != NF_OK) {
		goto out;
	}
	buf_reset(&text);
	if ((st = nb_read(p.config, 0, &text, err)) != NF_OK ||
	    (st = newsboat_read_config(nf_str(text.data), "config", imp, err)) != NF_OK) {
		goto out;
	}
	if ((dotfile = nb_dotfile(args->config_path, &cfg, err)) == NULL) {
		st = err->code != NF_OK ? err->code : NF_ERR_CONFIG;
		goto out;
	}
	first = cfg.nfeeds;
	buf_reset(&text);
	if ((st = nb_read(dotfile, 0, &text, err)) != NF_OK ||
	    (st = nb_check(imp, &cfg, nf_str(text.data), good)) != NF_OK ||
	    (st = nb_cache(args, p.cache, &cfg, first, &nread, err)) != NF_OK) {
		goto out;
	}
	if (good->len > 0 &&
	    (st = config_import_lines(dotfile, good->data, p.shown, err)) != NF_OK) {
		goto out;
	}
	printf("%s: %zu feeds and %zu other lines added to %s, %zu items marked read\n",
	       p.shown, cfg.nfeeds - first, nb_count_lines(nf_str(good->data)) -
	       (cfg.nfeeds - first), dotfile, nread);
	fputs(nf_str(imp->skipped.data), stdout);
out:
	buf_free(&text);
	free(dotfile);
	config_free(&cfg);
	return st;
}

enum nf_status
newsboat_import_run(const struct nf_args *args, struct nf_error *err)
{
	struct newsboat_import imp;
	struct buf good;
	enum nf_status st;

	newsboat_import_init(&imp);
	buf_init(&good, NB_FILE_MAX);
	st = nb_import(args, &imp, &good, err);
	buf_free(&good);
	newsboat_import_free(&imp);
	return st;
}
