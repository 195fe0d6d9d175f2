#ifndef NF_CONFIG_CONFIG_H
#define NF_CONFIG_CONFIG_H

/*
 * The dotfile: feeds, settings, key bindings and colours, read once into a
 * struct config that the rest of the program reads through a const
 * pointer. Curses-free: keys are ints (enum config_key), colours are
 * numbers; ui/ maps its KEY_* codes and colour pairs onto these.
 *
 * Search order (SPEC): -c FILE, else $NEWSFOLD_CONFIG, else
 * $XDG_CONFIG_HOME/newsfold/config (default ~/.config/newsfold/config),
 * else ~/.newsfoldrc. A file named by -c or $NEWSFOLD_CONFIG must exist.
 * When none is found the bundled demo feed list is used (is_demo set).
 *
 * Errors are "FILE:LINE: message" in err->msg with code NF_ERR_CONFIG;
 * main turns that into exit status 2.
 */

#include <stddef.h>

#include "config/keys.h"
#include "src/error.h"
#include "src/query.h"
#include "src/title.h"

#define CONFIG_STR_(x) #x
#define CONFIG_STR(x) CONFIG_STR_(x)

/* Longest dotfile line, in bytes, newline excluded. */
#define CONFIG_LINE_MAX 8192

/* Colour numbers: CONFIG_COLOR_DEFAULT is the terminal's own colour;
 * 0..7 are black red green yellow blue magenta cyan white; up to 255. */
#define CONFIG_COLOR_DEFAULT (-1)

enum config_attr {
	CONFIG_ATTR_BOLD = 1 << 0,
	CONFIG_ATTR_UNDERLINE = 1 << 1,
	CONFIG_ATTR_REVERSE = 1 << 2,
	CONFIG_ATTR_STANDOUT = 1 << 3,
	CONFIG_ATTR_DIM = 1 << 4,
	CONFIG_ATTR_BLINK = 1 << 5
};

struct config_color {
	short fg;		/* CONFIG_COLOR_DEFAULT or 0..255 */
	short bg;
	unsigned attrs;		/* enum config_attr bits */
};

struct config_binding {
	int key;		/* a code point or an enum config_key */
	enum config_action action;
};

struct config_feed {
	char *url;		/* http, https or file URL, absolute */
	char *title;		/* NULL when the line gives none */
	char **tags;
	size_t ntags;
	int line;		/* line of the feed directive in its file */
	char *filter_cmd;	/* `filter "CMD" URL`: the body goes through
				 * CMD before parsing; NULL for none. An
				 * `exec "CMD"` source has url "exec:CMD". */
};

/* A `query "Title" EXPR` line: a virtual feed over the store. */
struct config_query {
	char *title;		/* never empty; unique among the queries */
	struct query *expr;	/* free with query_free() (config_free does) */
	int line;
};

/* The `sort` directive: what a story list is ordered by. The order of
 * enum frontpage_order (src/frontpage.h), which ui/ maps it to. */
enum config_sort {
	CONFIG_SORT_PAGE,	/* the page's own: newest first, a feed's order */
	CONFIG_SORT_DATE,
	CONFIG_SORT_FEED,
	CONFIG_SORT_TITLE,
	CONFIG_SORT_OUTLETS,
	CONFIG_SORT_COUNT
};

/* Names as `sort` reads them, indexed by enum config_sort. */
extern const char *const config_sort_names[CONFIG_SORT_COUNT];

/* config.c's own look-up tables: feeds by URL, bindings by key. */
struct config_index;

struct config {
	char *path;		/* the file read: dotfile, or the demo feed list */
	int is_demo;		/* no dotfile was found; the demo feeds are used */

	struct config_feed *feeds;	/* in dotfile order */
	size_t nfeeds;

	/* Settings, one per line of config/options.def. */
	int refresh_on_start;
	long reload_interval;	/* seconds; 0 = never */
	long max_parallel;
	long timeout;		/* seconds */
	long parse_timeout;	/* seconds of processor time per feed */
	long max_size;		/* bytes */
	long max_items;
	int prune_unread;
	long keep_unread;	/* seconds; 0 = unread items kept forever */
	double fold_threshold;
	int show_read;		/* list read stories; a key flips it per screen */
	enum config_sort sort;	/* `sort ORDER [reverse]` */
	int sort_reverse;
	char *browser;		/* NULL = unset; split with config_browser_argv(), config/words.h */
	char *bookmark_cmd;	/* NULL = unset; split with config_command_argv() */
	char *notify_cmd;	/* NULL = unset; likewise */
	char *player;		/* likewise, for enclosures; NULL = the browser */
	char *download_dir;	/* NULL = unset: ui/save.h's default */
	long download_max_size;	/* bytes */
	long text_width;	/* columns of article text; 0 = the window's */

	struct config_query *queries;	/* in dotfile order */
	size_t nqueries;
	struct query **ignores;	/* the killfile: `ignore EXPR` lines */
	size_t nignores;

	struct config_binding *bindings;	/* one per bound key */
	size_t nbindings;
	struct config_color colors[CONFIG_ELEMENT_COUNT];

	struct config_index *index;	/* private to config.c; freed by config_free() */
};

/* Fills cfg with the defaults and no feeds; free with config_free(). */
enum nf_status config_init(struct config *cfg, struct nf_error *err);

/* Finds the dotfile (path, or NULL to search) and reads it into cfg, or
 * reads the demo feed list when none is found. cfg is always initialised,
 * also on failure; free it with config_free(). */
enum nf_status config_load(const char *path, struct config *cfg,
                           struct nf_error *err);

/* Reads one dotfile into cfg, on top of what cfg holds. With base_dir set,
 * feed URLs may be relative references, resolved against that folder
 * (the demo feed list uses this). */
enum nf_status config_read_file(const char *path, const char *base_dir,
                                struct config *cfg, struct nf_error *err);

/* Reads one dotfile line (without newline) as line number lineno of file
 * name. For tests and for checking a line before writing it. */
enum nf_status config_read_line(const char *name, int lineno, const char *line,
                                const char *base_dir, struct config *cfg,
                                struct nf_error *err);

void config_free(struct config *cfg);

/* The settings alone, for modes that read a SOURCE (--dump, --headlines SOURCE...): the dotfile's (config_path, else
 * found as config_load() finds it), or the defaults when there is none;
 * a SOURCE needs no feed list, so a missing demo list is no error. A
 * named dotfile that is missing, or a broken one, is. cfg is always
 * initialised; free it with config_free(). */
enum nf_status config_load_settings(const char *config_path, struct config *cfg,
                                    struct nf_error *err);

/* The dotfile config_load() would read for path (the -c argument or
 * NULL), or NULL when none exists. Returns a new string; free() it. */
char *config_path_found(const char *path);

/* Where a new dotfile goes: $XDG_CONFIG_HOME/newsfold/config, else
 * ~/.config/newsfold/config. Returns a new string or NULL when neither
 * variable is set; free() it. */
char *config_path_default(void);

/* The folder holding the demo feeds: SRCDIR/feeds/demo in a build tree,
 * else PKGDATADIR/demo. Static string. */
const char *config_demo_dir(void);

/* Whether cfg lists a feed with exactly this URL; constant time. */
int config_has_feed(const struct config *cfg, const char *url);

/* The action bound to key, or CONFIG_ACTION_NONE. */
enum config_action config_action_for_key(const struct config *cfg, int key);

#endif
