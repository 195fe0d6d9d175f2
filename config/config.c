/*
 * The dotfile parser: one line at a time, split into words, then one
 * reader per directive. Settings come from config/options.def, so a new
 * setting is one line there and one field in struct config.
 */
#include "autoconfig.h"

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "config/config.h"
#include "config/words.h"
#include "src/url.h"
#include "src/utf8.h"

enum option_type {
	TYPE_BOOL,
	TYPE_COUNT,
	TYPE_SECONDS,
	TYPE_MINUTES,
	TYPE_SIZE,
	TYPE_RATIO,
	TYPE_COMMAND,
	TYPE_PATH
};

static const struct option {
	const char *name;
	enum option_type type;
	const char *def;
	double min;
	double max;
	size_t offset;
} options[] = {
#define X(field, name, type, def, min, max, help) \
	{ name, TYPE_##type, def, min, max, offsetof(struct config, field) },
#include "config/options.def"
#undef X
};

#define NOPTIONS (sizeof(options) / sizeof(options[0]))

/* Where a line came from, for "FILE:LINE: message". */
struct line_ctx {
	const char *name;
	int lineno;
	const char *base_dir;
	struct config *cfg;
	struct nf_error *err;
};

static enum nf_status
fail(const struct line_ctx *c, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static enum nf_status
fail(const struct line_ctx *c, const char *fmt, ...)
{
	char msg[224];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	nf_error_set(c->err, NF_ERR_CONFIG, "%s:%d: %s", c->name, c->lineno, msg);
	/* A quoted word is cut at a byte count, maybe inside a character. */
	if (c->err != NULL) {
		config_words_trim_utf8(c->err->msg);
	}
	return NF_ERR_CONFIG;
}

/* Checks the argument count of a directive; usage is shown on error. */
static enum nf_status
check_count(const struct line_ctx *c, const struct config_words *w, int min, int max,
            const char *usage)
{
	if (w->n - 1 < min) {
		return fail(c, "%s: missing argument (%s)", w->w[0], usage);
	}
	if (max >= 0 && w->n - 1 > max) {
		return fail(c, "%s: unexpected \"%.60s\" (%s)", w->w[0],
		            w->w[max + 1], usage);
	}
	return NF_OK;
}

static int
parse_bool(const char *s, int *out)
{
	static const char *const yes[] = { "yes", "true", "on", "1" };
	static const char *const no[] = { "no", "false", "off", "0" };
	size_t i;

	for (i = 0; i < 4; i++) {
		if (strcasecmp(s, yes[i]) == 0 || strcasecmp(s, no[i]) == 0) {
			*out = strcasecmp(s, yes[i]) == 0;
			return 0;
		}
	}
	return -1;
}

/* Reads a non-negative integer with an optional unit suffix; mult_of
 * gives the multiplier of a suffix (0 = unknown), plain for none. */
static int
parse_scaled(const char *s, long plain, long (*mult_of)(const char *),
             long *out)
{
	char *end;
	long n, mult;

	if (*s < '0' || *s > '9') {
		return -1;
	}
	errno = 0;
	n = strtol(s, &end, 10);
	if (errno != 0) {
		return -1;
	}
	mult = *end == 0 ? plain : mult_of(end);
	if (mult == 0 || n > LONG_MAX / mult) {
		return -1;
	}
	*out = n * mult;
	return 0;
}

static long
duration_unit(const char *u)
{
	static const struct { const char *u; long s; } units[] = {
		{ "s", 1 }, { "m", 60 }, { "h", 3600 }, { "d", 86400 },
	};
	size_t i;

	for (i = 0; i < sizeof(units) / sizeof(units[0]); i++) {
		if (strcmp(u, units[i].u) == 0) {
			return units[i].s;
		}
	}
	return 0;
}

static long
size_unit(const char *u)
{
	if (u[0] == 0 || u[1] != 0) {
		return 0;
	}
	switch (u[0]) {
	case 'k': case 'K': return 1024L;
	case 'm': case 'M': return 1024L * 1024;
	case 'g': case 'G': return 1024L * 1024 * 1024;
	}
	return 0;
}

static long
no_unit(const char *u)
{
	(void)u;
	return 0;
}

static enum nf_status
check_range(const struct line_ctx *c, const struct option *o, const char *s,
            double v)
{
	static const char *const units[] = {
		[TYPE_SECONDS] = " seconds", [TYPE_MINUTES] = " seconds",
		[TYPE_SIZE] = " bytes", [TYPE_COMMAND] = "",
	};
	const char *unit = units[o->type] != NULL ? units[o->type] : "";

	if (v < o->min || v > o->max) {
		return fail(c, "%s: \"%.40s\" is out of range (%.15g..%.15g%s)",
		            o->name, s, o->min, o->max, unit);
	}
	return NF_OK;
}

static enum nf_status
set_number(const struct line_ctx *c, const struct option *o, const char *s)
{
	char *field = (char *)c->cfg + o->offset;
	long n = 0;
	int bad;

	switch (o->type) {
	case TYPE_COUNT:
		bad = parse_scaled(s, 1, no_unit, &n);
		break;
	case TYPE_SECONDS:
		bad = parse_scaled(s, 1, duration_unit, &n);
		break;
	case TYPE_MINUTES:
		bad = parse_scaled(s, 60, duration_unit, &n);
		break;
	default:
		bad = parse_scaled(s, 1, size_unit, &n);
		break;
	}
	if (bad && (o->type == TYPE_SECONDS || o->type == TYPE_MINUTES)) {
		return fail(c, "%s: bad duration \"%.60s\" (write 90s, 30m, 1h or 1d)",
		            o->name, s);
	}
	if (bad && o->type == TYPE_SIZE) {
		return fail(c, "%s: bad size \"%.60s\" (write bytes, or a number with K, M or G)",
		            o->name, s);
	}
	if (bad) {
		return fail(c, "%s: bad number \"%.60s\"", o->name, s);
	}
	if (check_range(c, o, s, (double)n) != NF_OK) {
		return c->err->code;
	}
	memcpy(field, &n, sizeof(n));
	return NF_OK;
}

static enum nf_status
set_ratio(const struct line_ctx *c, const struct option *o, const char *s)
{
	char *end;
	double v;

	errno = 0;
	v = strtod(s, &end);
	if (end == s || *end != 0 || errno != 0 || !isfinite(v)) {
		return fail(c, "%s: bad number \"%.60s\"", o->name, s);
	}
	if (check_range(c, o, s, v) != NF_OK) {
		return c->err->code;
	}
	memcpy((char *)c->cfg + o->offset, &v, sizeof(v));
	return NF_OK;
}

static enum nf_status
set_command(const struct line_ctx *c, const struct option *o, const char *s)
{
	struct nf_error err;
	char **argv = NULL;
	char *copy, **field = (char **)(void *)((char *)c->cfg + o->offset);

	if (*s == 0) {
		free(*field);
		*field = NULL;
		return NF_OK;
	}
	if (config_browser_argv(s, "URL", &argv, &err) != NF_OK) {
		return fail(c, "%s: %s", o->name, err.msg);
	}
	config_argv_free(argv);
	if ((copy = strdup(s)) == NULL) {
		return nf_error_set(c->err, NF_ERR_NOMEM, "out of memory");
	}
	free(*field);
	*field = copy;
	return NF_OK;
}

/* A folder as written; "" unsets it. A leading ~/ is expanded where it
 * is used, so that the dotfile reads the same under another $HOME. */
static enum nf_status
set_path(const struct line_ctx *c, const struct option *o, const char *s)
{
	char *copy = NULL, **field = (char **)(void *)((char *)c->cfg + o->offset);

	if (*s != 0 && (copy = strdup(s)) == NULL) {
		return nf_error_set(c->err, NF_ERR_NOMEM, "out of memory");
	}
	free(*field);
	*field = copy;
	return NF_OK;
}

static enum nf_status
set_option(const struct line_ctx *c, const struct option *o, const char *s)
{
	int b;

	switch (o->type) {
	case TYPE_BOOL:
		if (parse_bool(s, &b) != 0) {
			return fail(c, "%s: expected yes or no, not \"%.60s\"",
			            o->name, s);
		}
		memcpy((char *)c->cfg + o->offset, &b, sizeof(b));
		return NF_OK;
	case TYPE_RATIO:
		return set_ratio(c, o, s);
	case TYPE_COMMAND:
		return set_command(c, o, s);
	case TYPE_PATH:
		return set_path(c, o, s);
	default:
		return set_number(c, o, s);
	}
}

/* The one value of a setting: "browser" keeps its quotes' contents, so
 * `browser "firefox %u"` is one word. */
static enum nf_status
read_setting(const struct line_ctx *c, const struct option *o,
             const struct config_words *w)
{
	const char *usage = o->type == TYPE_COMMAND ?
		"one quoted command, e.g. browser \"firefox %u\"" : "one value";

	if (check_count(c, w, 1, 1, usage) != NF_OK) {
		return c->err->code;
	}
	return set_option(c, o, w->w[1]);
}

/* ---- the look-up tables ----
 *
 * A 50,000-line dotfile must not cost 50,000 scans of what came before:
 * the duplicate check of each feed and the rebinding of each key go
 * through open-addressing hash tables. A slot holds a hash (or the key
 * itself) and a position; it counts only while the entry at that
 * position still matches, so an unbinding, which moves the last binding
 * into the gap, needs no tombstones, and a caller that shortens
 * nbindings by hand leaves no wrong answer behind. */

struct slot {
	unsigned long key;	/* a URL's hash, or the bound key */
	size_t pos;		/* entry index + 1; 0 = empty */
};

struct table {
	struct slot *slots;
	size_t cap;		/* a power of two, or 0 */
	size_t used;
};

struct config_index {
	struct table urls, keys;
	size_t feeds_cap, bindings_cap;	/* allocated entries */
};

typedef int (*slot_matches)(const struct config *cfg, size_t pos,
                            const void *what);

static unsigned long
hash_url(const char *s)
{
	unsigned long h = 14695981039346656037UL;	/* FNV-1a */

	for (; *s != 0; s++) {
		h = (h ^ (unsigned char)*s) * 1099511628211UL;
	}
	return h;
}

static int
url_matches(const struct config *cfg, size_t pos, const void *url)
{
	return pos < cfg->nfeeds && strcmp(cfg->feeds[pos].url, url) == 0;
}

static int
key_matches(const struct config *cfg, size_t pos, const void *key)
{
	return pos < cfg->nbindings && cfg->bindings[pos].key == *(const int *)key;
}

/* The slot of the entry that matches, or the empty slot where it goes. */
static struct slot *
table_probe(const struct table *t, unsigned long key, slot_matches matches,
            const struct config *cfg, const void *what)
{
	size_t i = (size_t)(key ^ (key >> 29)) & (t->cap - 1);

	while (t->slots[i].pos != 0 &&
	       !(t->slots[i].key == key && matches(cfg, t->slots[i].pos - 1, what))) {
		i = (i + 1) & (t->cap - 1);
	}
	return &t->slots[i];
}

/* Keeps the table at most half full, so a probe ends soon. */
static enum nf_status
table_reserve(struct table *t)
{
	struct table n = { NULL, t->cap > 0 ? t->cap * 2 : 64, 0 };
	size_t i, j;

	if ((t->used + 1) * 2 <= t->cap) {
		return NF_OK;
	}
	if ((n.slots = calloc(n.cap, sizeof(*n.slots))) == NULL) {
		return NF_ERR_NOMEM;
	}
	for (i = 0; i < t->cap; i++) {
		if (t->slots[i].pos == 0) {
			continue;
		}
		j = (size_t)(t->slots[i].key ^ (t->slots[i].key >> 29)) & (n.cap - 1);
		while (n.slots[j].pos != 0) {
			j = (j + 1) & (n.cap - 1);
		}
		n.slots[j] = t->slots[i];
		n.used++;
	}
	free(t->slots);
	*t = n;
	return NF_OK;
}

/* The table, made ready for one more entry, and the slot for what. */
static struct slot *
table_slot(struct table *t, unsigned long key, slot_matches matches,
           const struct config *cfg, const void *what)
{
	if (table_reserve(t) != NF_OK) {
		return NULL;
	}
	return table_probe(t, key, matches, cfg, what);
}

static struct config_index *
index_of(struct config *cfg)
{
	if (cfg->index == NULL) {
		cfg->index = calloc(1, sizeof(*cfg->index));
	}
	return cfg->index;
}

/* array (of *cap entries of size each) with room for entry n: the same
 * array, or a new one twice the size, so that n appends cost a constant
 * each. NULL when out of memory (array is still valid then). */
static void *
grow(void *array, size_t *cap, size_t n, size_t size)
{
	size_t want = *cap > 0 ? *cap * 2 : 16;

	if (n < *cap) {
		return array;
	}
	if ((array = realloc(array, want * size)) != NULL) {
		*cap = want;
	}
	return array;
}

int
config_has_feed(const struct config *cfg, const char *url)
{
	size_t i;

	if (cfg->index == NULL || cfg->index->urls.cap == 0) {
		for (i = 0; i < cfg->nfeeds; i++) {
			if (strcmp(cfg->feeds[i].url, url) == 0) {
				return 1;
			}
		}
		return 0;
	}
	return table_probe(&cfg->index->urls, hash_url(url), url_matches, cfg,
	                   url)->pos != 0;
}

/* Sets key to action, replacing an earlier binding of key; NONE unbinds. */
static enum nf_status
bind_key(struct config *cfg, int key, enum config_action action,
         struct nf_error *err)
{
	struct config_index *ix = index_of(cfg);
	struct config_binding *b;
	struct slot *s, *moved;
	size_t i, last;

	if (ix == NULL ||
	    (s = table_slot(&ix->keys, (unsigned long)key, key_matches, cfg, &key)) == NULL) {
		return nf_error_set(err, NF_ERR_NOMEM, "out of memory");
	}
	if (action == CONFIG_ACTION_NONE && s->pos != 0) {
		/* The last binding moves into the gap; its slot follows it. */
		i = s->pos - 1;
		last = cfg->nbindings - 1;
		if (i < last) {
			key = cfg->bindings[last].key;
			moved = table_probe(&ix->keys, (unsigned long)key, key_matches,
			                    cfg, &key);
			cfg->bindings[i] = cfg->bindings[last];
			moved->pos = i + 1;
		}
		cfg->nbindings--;
	}
	if (action == CONFIG_ACTION_NONE) {
		return NF_OK;
	}
	if (s->pos == 0) {
		if ((b = grow(cfg->bindings, &ix->bindings_cap, cfg->nbindings,
		              sizeof(*b))) == NULL) {
			return nf_error_set(err, NF_ERR_NOMEM, "out of memory");
		}
		cfg->bindings = b;
		s->key = (unsigned long)key;
		s->pos = ++cfg->nbindings;
		ix->keys.used++;
	}
	cfg->bindings[s->pos - 1].key = key;
	cfg->bindings[s->pos - 1].action = action;
	return NF_OK;
}

static enum nf_status
read_bind(const struct line_ctx *c, const struct config_words *w)
{
	enum config_action action;
	int key;

	if (check_count(c, w, 2, 2, "bind KEY ACTION") != NF_OK) {
		return c->err->code;
	}
	if ((key = config_key_parse(w->w[1])) < 0) {
		return fail(c, "bind: unknown key \"%.40s\"", w->w[1]);
	}
	action = config_action_by_name(w->w[2]);
	if (action == CONFIG_ACTION_NONE && strcmp(w->w[2], "none") != 0) {
		return fail(c, "bind: unknown action \"%.40s\"", w->w[2]);
	}
	return bind_key(c->cfg, key, action, c->err);
}

static int
parse_color(const char *s)
{
	static const char *const names[] = {
		"black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
	};
	char *end;
	long n;
	int i;

	if (strcasecmp(s, "default") == 0) {
		return CONFIG_COLOR_DEFAULT;
	}
	for (i = 0; i < 8; i++) {
		if (strcasecmp(s, names[i]) == 0) {
			return i;
		}
	}
	if (strncasecmp(s, "color", 5) == 0 && s[5] >= '0' && s[5] <= '9') {
		n = strtol(s + 5, &end, 10);
		if (*end == 0 && n <= 255 && end - (s + 5) <= 3) {
			return (int)n;
		}
	}
	return -2;
}

static int
parse_attr(const char *s)
{
	static const struct { const char *name; int bit; } attrs[] = {
		{ "bold", CONFIG_ATTR_BOLD }, { "underline", CONFIG_ATTR_UNDERLINE },
		{ "reverse", CONFIG_ATTR_REVERSE }, { "standout", CONFIG_ATTR_STANDOUT },
		{ "dim", CONFIG_ATTR_DIM }, { "blink", CONFIG_ATTR_BLINK },
	};
	size_t i;

	for (i = 0; i < sizeof(attrs) / sizeof(attrs[0]); i++) {
		if (strcasecmp(s, attrs[i].name) == 0) {
			return attrs[i].bit;
		}
	}
	return -1;
}

static enum nf_status
read_color(const struct line_ctx *c, const struct config_words *w)
{
	struct config_color col = { 0 };
	int element, fg, bg, attr, i;

	if (check_count(c, w, 3, -1, "color ELEMENT FG BG [ATTR...]") != NF_OK) {
		return c->err->code;
	}
	if ((element = config_element_by_name(w->w[1])) < 0) {
		return fail(c, "color: unknown element \"%.40s\"", w->w[1]);
	}
	if ((fg = parse_color(w->w[2])) < -1) {
		return fail(c, "color: unknown colour \"%.40s\"", w->w[2]);
	}
	if ((bg = parse_color(w->w[3])) < -1) {
		return fail(c, "color: unknown colour \"%.40s\"", w->w[3]);
	}
	for (i = 4; i < w->n; i++) {
		if ((attr = parse_attr(w->w[i])) < 0) {
			return fail(c, "color: unknown attribute \"%.40s\"", w->w[i]);
		}
		col.attrs |= (unsigned)attr;
	}
	col.fg = (short)fg;
	col.bg = (short)bg;
	c->cfg->colors[element] = col;
	return NF_OK;
}

/* Whether url is an absolute http, https or file URL with something
 * after the scheme; other schemes could read what a feed must not. */
static int
url_is_allowed(const char *url)
{
	const char *rest;
	const unsigned char *p;

	for (p = (const unsigned char *)url; *p != 0; p++) {
		if (*p <= ' ' || *p == 127) {
			return 0;
		}
	}
	if (strncasecmp(url, "http://", 7) == 0) {
		rest = url + 7;
	} else if (strncasecmp(url, "https://", 8) == 0) {
		rest = url + 8;
	} else if (strncasecmp(url, "file://", 7) == 0) {
		rest = url + 7;
		return strncasecmp(rest, "localhost/", 10) == 0 || rest[0] == '/';
	} else {
		return 0;
	}
	return rest[0] != 0 && rest[0] != '/';
}

static enum nf_status
add_feed(const struct line_ctx *c, char *url, const struct config_words *w)
{
	struct config *cfg = c->cfg;
	struct config_index *ix = index_of(cfg);
	struct config_feed *f;
	struct slot *s = NULL;
	int i, first_tag = 2;

	if (ix != NULL) {
		s = table_slot(&ix->urls, hash_url(url), url_matches, cfg, url);
	}
	if (s == NULL || (f = grow(cfg->feeds, &ix->feeds_cap, cfg->nfeeds,
	                           sizeof(*f))) == NULL) {
		free(url);
		return nf_error_set(c->err, NF_ERR_NOMEM, "out of memory");
	}
	cfg->feeds = f;
	s->key = hash_url(url);
	s->pos = cfg->nfeeds + 1;
	ix->urls.used++;
	f = &cfg->feeds[cfg->nfeeds++];
	memset(f, 0, sizeof(*f));
	f->url = url;
	f->line = c->lineno;
	if (w->n > 2 && w->quoted[2]) {
		first_tag = 3;
		if ((f->title = strdup(w->w[2])) == NULL) {
			return nf_error_set(c->err, NF_ERR_NOMEM, "out of memory");
		}
	}
	if (w->n > first_tag &&
	    (f->tags = calloc((size_t)(w->n - first_tag), sizeof(char *))) == NULL) {
		return nf_error_set(c->err, NF_ERR_NOMEM, "out of memory");
	}
	for (i = first_tag; i < w->n; i++) {
		if ((f->tags[f->ntags] = strdup(w->w[i])) == NULL) {
			return nf_error_set(c->err, NF_ERR_NOMEM, "out of memory");
		}
		f->ntags++;
	}
	return NF_OK;
}

/* feed URL ["Title"] [TAG...]: the title is the second word when it was
 * written in quotes; every other word is a tag. */
static enum nf_status
read_feed(const struct line_ctx *c, const struct config_words *w)
{
	char *url;
	size_t i;
	int j;

	if (check_count(c, w, 1, -1, "feed URL [\"TITLE\"] [TAG...]") != NF_OK) {
		return c->err->code;
	}
	for (j = 2; j < w->n; j++) {
		if (w->w[j][0] == 0) {
			return fail(c, "feed: empty %s", j == 2 ? "title" : "tag");
		}
	}
	if (c->base_dir != NULL && strstr(w->w[1], "://") == NULL) {
		url = url_resolve_in_dir(w->w[1], c->base_dir);
	} else {
		url = strdup(w->w[1]);
	}
	if (url == NULL || !url_is_allowed(url)) {
		free(url);
		return fail(c, "feed: \"%.80s\" is not an http, https or file URL",
		            w->w[1]);
	}
	if (config_has_feed(c->cfg, url)) {
		for (i = 0; strcmp(c->cfg->feeds[i].url, url) != 0; i++) {
		}
		free(url);
		return fail(c, "feed: %.80s is already listed on line %d",
		            w->w[1], c->cfg->feeds[i].line);
	}
	return add_feed(c, url, w);
}

const char *const config_sort_names[CONFIG_SORT_COUNT] = {
	"page", "date", "feed", "title", "outlets",
};

/* sort ORDER [reverse] */
static enum nf_status
read_sort(const struct line_ctx *c, const struct config_words *w)
{
	int i;

	if (check_count(c, w, 1, 2, "sort page|date|feed|title|outlets [reverse]")
	    != NF_OK) {
		return c->err->code;
	}
	if (w->n == 3 && strcmp(w->w[2], "reverse") != 0) {
		return fail(c, "sort: expected reverse, not \"%.40s\"", w->w[2]);
	}
	for (i = 0; i < CONFIG_SORT_COUNT; i++) {
		if (strcmp(w->w[1], config_sort_names[i]) == 0) {
			c->cfg->sort = (enum config_sort)i;
			c->cfg->sort_reverse = w->n == 3;
			return NF_OK;
		}
	}
	return fail(c, "sort: unknown order \"%.40s\" (page, date, feed, title"
	            " or outlets)", w->w[1]);
}

/* Checks a command as exec and filter run it. */
static enum nf_status
check_command(const struct line_ctx *c, const char *directive, const char *cmd)
{
	struct nf_error err;
	char **argv = NULL;

	if (config_command_argv(cmd, NULL, 0, &argv, &err) != NF_OK) {
		return fail(c, "%s: %s", directive, err.msg);
	}
	config_argv_free(argv);
	return NF_OK;
}

/* exec "CMD ARG..." ["TITLE"] [TAG...]: the program's output is the
 * feed; its store key is "exec:CMD". */
static enum nf_status
read_exec(const struct line_ctx *c, const struct config_words *w)
{
	size_t i, n;
	char *url;

	if (check_count(c, w, 1, -1, "exec \"COMMAND ARG...\" [\"TITLE\"] [TAG...]")
	    != NF_OK || check_command(c, "exec", w->w[1]) != NF_OK) {
		return c->err->code;
	}
	n = strlen(w->w[1]) + 6;
	if ((url = malloc(n)) == NULL) {
		return nf_error_set(c->err, NF_ERR_NOMEM, "out of memory");
	}
	snprintf(url, n, "exec:%s", w->w[1]);
	for (i = 0; i < c->cfg->nfeeds; i++) {
		if (strcmp(c->cfg->feeds[i].url, url) == 0) {
			free(url);
			return fail(c, "exec: this command is already listed on line %d",
			            c->cfg->feeds[i].line);
		}
	}
	return add_feed(c, url, w);
}

/* filter "CMD" URL ["TITLE"] [TAG...]: a feed line whose body goes
 * through CMD. */
static enum nf_status
read_filter(const struct line_ctx *c, const struct config_words *w)
{
	struct config_words feed = *w;
	char *cmd;
	int i;

	if (check_count(c, w, 2, -1, "filter \"COMMAND\" URL [\"TITLE\"] [TAG...]")
	    != NF_OK || check_command(c, "filter", w->w[1]) != NF_OK) {
		return c->err->code;
	}
	/* the rest reads as a feed line */
	for (i = 1; i < w->n - 1; i++) {
		feed.w[i] = w->w[i + 1];
		feed.quoted[i] = w->quoted[i + 1];
	}
	feed.n = w->n - 1;
	if (read_feed(c, &feed) != NF_OK) {
		return c->err->code;
	}
	if ((cmd = strdup(w->w[1])) == NULL) {
		return nf_error_set(c->err, NF_ERR_NOMEM, "out of memory");
	}
	c->cfg->feeds[c->cfg->nfeeds - 1].filter_cmd = cmd;
	return NF_OK;
}

static enum nf_status
read_words(const struct line_ctx *c, const struct config_words *w)
{
	size_t i;

	if (strcmp(w->w[0], "exec") == 0) {
		return read_exec(c, w);
	}
	if (strcmp(w->w[0], "filter") == 0) {
		return read_filter(c, w);
	}
	if (strcmp(w->w[0], "sort") == 0) {
		return read_sort(c, w);
	}
	if (strcmp(w->w[0], "feed") == 0) {
		return read_feed(c, w);
	}
	if (strcmp(w->w[0], "bind") == 0) {
		return read_bind(c, w);
	}
	if (strcmp(w->w[0], "color") == 0) {
		return read_color(c, w);
	}
	for (i = 0; i < NOPTIONS; i++) {
		if (strcmp(w->w[0], options[i].name) == 0) {
			return read_setting(c, &options[i], w);
		}
	}
	return fail(c, "unknown directive \"%.60s\"", w->w[0]);
}

/* The expression of a query or ignore line is read from the raw line,
 * not from its words: it has its own quoting (title~"x"), and the query
 * parser reports columns of the line. */

static int
is_blank_char(char ch)
{
	return ch == ' ' || ch == '\t';
}

/* The first word of line, when it is directive; else NULL. Returns where
 * the rest of the line begins. */
static const char *
raw_directive(const char *line, const char *directive)
{
	size_t n = strlen(directive);

	while (is_blank_char(*line)) {
		line++;
	}
	if (strncmp(line, directive, n) != 0 ||
	    (line[n] != 0 && !is_blank_char(line[n]))) {
		return NULL;
	}
	line += n;
	while (is_blank_char(*line)) {
		line++;
	}
	return line;
}

/* Parses the expression at expr (part of c's line) into *out. A lone
 * quoted expression, as newsboat writes them, is read unquoted. */
static enum nf_status
parse_expression(const struct line_ctx *c, const char *line, const char *expr,
                 const char *directive, struct query **out)
{
	struct config_words w;
	const char *problem = NULL;
	struct nf_error qerr;
	enum nf_status st;
	int column = (int)(expr - line) + 1;

	if (*expr == '"' &&
	    config_words_split(expr, 1, &w, &problem) == NF_OK) {
		if (w.n == 1) {
			st = query_parse(w.w[0], column + 1, out, &qerr);
			config_words_free(&w);
			goto done;
		}
		config_words_free(&w);
	}
	st = query_parse(expr, column, out, &qerr);
done:
	if (st == NF_ERR_NOMEM) {
		return nf_error_set(c->err, st, "out of memory");
	}
	if (st != NF_OK) {
		return fail(c, "%s: %s", directive, qerr.msg);
	}
	return NF_OK;
}

/* ignore EXPR */
static enum nf_status
read_ignore(const struct line_ctx *c, const char *line, const char *expr)
{
	struct config *cfg = c->cfg;
	struct query *q, **grown;

	if (parse_expression(c, line, expr, "ignore", &q) != NF_OK) {
		return c->err->code;
	}
	grown = realloc(cfg->ignores, (cfg->nignores + 1) * sizeof(*grown));
	if (grown == NULL) {
		query_free(q);
		return nf_error_set(c->err, NF_ERR_NOMEM, "out of memory");
	}
	cfg->ignores = grown;
	cfg->ignores[cfg->nignores++] = q;
	return NF_OK;
}

/* The quoted title that opens a query line: into *title, and *rest past
 * it. */
static enum nf_status
query_title(const struct line_ctx *c, const char *after, char **title,
            const char **rest)
{
	struct config_words w;
	const char *problem = NULL, *p = after + 1;
	enum nf_status st;

	if (*after != '"') {
		return fail(c, "query: expected a quoted title "
		            "(query \"TITLE\" EXPRESSION)");
	}
	while (*p != 0 && *p != '"') {
		p += p[0] == '\\' && (p[1] == '"' || p[1] == '\\') ? 2 : 1;
	}
	if (*p == 0) {
		return fail(c, "query: unterminated quote");
	}
	/* Split the title alone, with the words' own escapes. */
	if ((*title = strndup(after, (size_t)(p + 1 - after))) == NULL) {
		return nf_error_set(c->err, NF_ERR_NOMEM, "out of memory");
	}
	st = config_words_split(*title, 0, &w, &problem);
	free(*title);
	*title = NULL;
	if (st != NF_OK) {
		return nf_error_set(c->err, NF_ERR_NOMEM, "out of memory");
	}
	if (w.w[0][0] == 0) {
		config_words_free(&w);
		return fail(c, "query: empty title");
	}
	*title = strdup(w.w[0]);
	config_words_free(&w);
	if (*title == NULL) {
		return nf_error_set(c->err, NF_ERR_NOMEM, "out of memory");
	}
	for (*rest = p + 1; is_blank_char(**rest); (*rest)++) {
	}
	return NF_OK;
}

/* query "Title" EXPR */
static enum nf_status
read_query(const struct line_ctx *c, const char *line, const char *after)
{
	struct config *cfg = c->cfg;
	struct config_query *grown;
	struct query *q = NULL;
	const char *expr = NULL;
	char *title = NULL;
	size_t i;

	if (query_title(c, after, &title, &expr) != NF_OK) {
		return c->err->code;
	}
	for (i = 0; i < cfg->nqueries; i++) {
		if (strcmp(cfg->queries[i].title, title) == 0) {
			free(title);
			return fail(c, "query: \"%.60s\" is already a query on line %d",
			            cfg->queries[i].title, cfg->queries[i].line);
		}
	}
	if (parse_expression(c, line, expr, "query", &q) != NF_OK) {
		free(title);
		return c->err->code;
	}
	grown = realloc(cfg->queries, (cfg->nqueries + 1) * sizeof(*grown));
	if (grown == NULL) {
		free(title);
		query_free(q);
		return nf_error_set(c->err, NF_ERR_NOMEM, "out of memory");
	}
	cfg->queries = grown;
	cfg->queries[cfg->nqueries++] = (struct config_query){ title, q, c->lineno };
	return NF_OK;
}

enum nf_status
config_read_line(const char *name, int lineno, const char *line,
                 const char *base_dir, struct config *cfg,
                 struct nf_error *err)
{
	struct line_ctx c = { name, lineno, base_dir, cfg, err };
	struct config_words w;
	const char *problem = NULL;
	const unsigned char *p;
	enum nf_status st;

	/* C1 controls (U+0080..U+009F, UTF-8 C2 80..C2 9F) count too: a
	 * terminal may read U+009B as CSI. */
	for (p = (const unsigned char *)line; *p != 0; p++) {
		if ((*p < ' ' && *p != '\t') || *p == 127 ||
		    (p[0] == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f)) {
			return fail(&c, "a control character in the line");
		}
	}
	/* Titles and tags go to the screen and into OPML as UTF-8; the text
	 * gate's check, since xmlCheckUTF8() lets overlong forms and
	 * surrogates through. */
	if (!utf8_is_valid(line, strlen(line))) {
		return fail(&c, "the line is not valid UTF-8");
	}
	if ((p = (const unsigned char *)raw_directive(line, "query")) != NULL) {
		return read_query(&c, line, (const char *)p);
	}
	if ((p = (const unsigned char *)raw_directive(line, "ignore")) != NULL) {
		return read_ignore(&c, line, (const char *)p);
	}
	st = config_words_split(line, 1, &w, &problem);
	if (st == NF_ERR_NOMEM) {
		return nf_error_set(err, st, "out of memory");
	}
	if (st != NF_OK) {
		return fail(&c, "%s", problem);
	}
	st = w.n > 0 ? read_words(&c, &w) : NF_OK;
	config_words_free(&w);
	return st;
}

static enum nf_status
init_defaults(struct config *cfg, struct nf_error *err)
{
	struct line_ctx c = { "built-in default", 0, NULL, cfg, err };
	size_t i;

	for (i = 0; i < NOPTIONS; i++) {
		if (set_option(&c, &options[i], options[i].def) != NF_OK) {
			return err->code;
		}
	}
	return NF_OK;
}

static enum nf_status
init_bindings(struct config *cfg, struct nf_error *err)
{
	struct config_words w;
	const char *problem;
	int a, i, key;

	for (a = 1; a < CONFIG_ACTION_COUNT; a++) {
		if (config_words_split(config_action_default_keys(a), 0, &w,
		                &problem) != NF_OK) {
			return nf_error_set(err, NF_ERR_NOMEM, "out of memory");
		}
		for (i = 0; i < w.n; i++) {
			key = config_key_parse(w.w[i]);
			if (key < 0 || bind_key(cfg, key, a, err) != NF_OK) {
				config_words_free(&w);
				return nf_error_set(err, NF_ERR_CONFIG,
				                    "bad default key \"%s\"", w.w[i]);
			}
		}
		config_words_free(&w);
	}
	return NF_OK;
}

static enum nf_status
init_colors(struct config *cfg, struct nf_error *err)
{
	static const char *const lines[] = {
#define X(id, name, fg, bg, attrs, help) "color " name " " fg " " bg " " attrs,
#include "config/colors.def"
#undef X
	};
	size_t i;

	for (i = 0; i < sizeof(lines) / sizeof(lines[0]); i++) {
		if (config_read_line("built-in default", (int)i + 1, lines[i],
		                     NULL, cfg, err) != NF_OK) {
			return err->code;
		}
	}
	return NF_OK;
}

enum nf_status
config_init(struct config *cfg, struct nf_error *err)
{
	memset(cfg, 0, sizeof(*cfg));
	nf_error_clear(err);
	if (init_defaults(cfg, err) != NF_OK || init_bindings(cfg, err) != NF_OK ||
	    init_colors(cfg, err) != NF_OK) {
		return err->code;
	}
	return NF_OK;
}

void
config_free(struct config *cfg)
{
	size_t i, j;

	if (cfg == NULL) {
		return;
	}
	for (i = 0; i < cfg->nfeeds; i++) {
		free(cfg->feeds[i].url);
		free(cfg->feeds[i].title);
		for (j = 0; j < cfg->feeds[i].ntags; j++) {
			free(cfg->feeds[i].tags[j]);
		}
		free(cfg->feeds[i].tags);
		free(cfg->feeds[i].filter_cmd);
	}
	free(cfg->feeds);
	for (i = 0; i < cfg->nqueries; i++) {
		free(cfg->queries[i].title);
		query_free(cfg->queries[i].expr);
	}
	free(cfg->queries);
	for (i = 0; i < cfg->nignores; i++) {
		query_free(cfg->ignores[i]);
	}
	free(cfg->ignores);
	free(cfg->browser);
	free(cfg->bookmark_cmd);
	free(cfg->notify_cmd);
	free(cfg->player);
	free(cfg->download_dir);
	free(cfg->bindings);
	free(cfg->path);
	if (cfg->index != NULL) {
		free(cfg->index->urls.slots);
		free(cfg->index->keys.slots);
		free(cfg->index);
	}
	memset(cfg, 0, sizeof(*cfg));
}

enum config_action
config_action_for_key(const struct config *cfg, int key)
{
	size_t i;

	for (i = 0; i < cfg->nbindings; i++) {
		if (cfg->bindings[i].key == key) {
			return cfg->bindings[i].action;
		}
	}
	return CONFIG_ACTION_NONE;
}
