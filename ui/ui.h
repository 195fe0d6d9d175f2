#ifndef NF_UI_UI_H
#define NF_UI_UI_H

/*
 * The reader's state, shared by its screens, and the screen interface.
 *
 * Screens form a stack: the front page (Headlines of all feeds) is always
 * at the bottom; Feeds, a feed's Headlines, an Article and Help are pushed
 * on top and `back` pops them. A key's action goes first to the top
 * screen's own table of handlers (indexed by enum config_action), then,
 * when the screen shows a list, to the list widget's movement actions
 * (list_act()), then to the reader's global table.
 *
 * The functions below are ui/ui.c; fetching (ui_reload() and the rest)
 * is ui/jobs.h.
 */

#include <stddef.h>
#include <stdint.h>

#include <curses.h>

#include "config/config.h"
#include "src/fetch.h"
#include "src/store.h"

struct ui;
struct screen;
struct list;

/* A handler: nonzero when it did something (the screen is redrawn). */
typedef int (*ui_handler)(struct screen *s, struct ui *ui);

struct screen_ops {
	const char *name;
	/* Draws the body: height lines of width columns on w from line 0. */
	void (*draw)(struct screen *s, struct ui *ui, WINDOW *w, int height,
	             int width);
	/* The title bar text. */
	void (*title)(struct screen *s, struct ui *ui, char *out, size_t size);
	/* The store changed under the screen (reload, marks): reload its
	 * rows, keeping the selection on the same story. May be NULL. */
	void (*reload)(struct screen *s, struct ui *ui);
	/* Text for the status line about the selection (a feed's error),
	 * or NULL. May be NULL. */
	const char *(*hint)(struct screen *s, struct ui *ui);
	/* Items were marked read or unread in the store: update the rows
	 * without reloading. May be NULL. */
	void (*marked)(struct screen *s, const int64_t *rowids, size_t n,
	               int read);
	/* The filter changed (needle "" clears it). May be NULL. */
	void (*set_filter)(struct screen *s, struct ui *ui, const char *needle);
	/* A read-more page arrived (text NULL: failed with reason). Returns
	 * nonzero when the screen asked for it; it then owns text. */
	int (*page)(struct screen *s, struct ui *ui, unsigned request,
	            char *text, const char *reason);
	/* Reads what the screen put off to show its first frame sooner (the
	 * rest of a long page); returns nonzero when there was something.
	 * The reader calls it once it has drawn and before any key, so that
	 * every action sees the whole screen. May be NULL. */
	int (*finish)(struct screen *s, struct ui *ui);
	/* Reload when it comes back on top (cheap screens whose counts other
	 * screens change). */
	int reload_on_show;
	ui_handler handlers[CONFIG_ACTION_COUNT];
	/* What an action does on this screen when the action table's help
	 * text would say otherwise (NULL: the table's). */
	const char *help[CONFIG_ACTION_COUNT];
	/* The screen's name in the help title ("the Article screen"). */
	const char *help_title;
	void (*free)(struct screen *s);
};

struct screen {
	const struct screen_ops *ops;
	int key;		/* the key that raised the current action */
	struct list *list;	/* the screen's list, which moves on up,
				 * down, page, top and bottom; NULL when it
				 * has none (the article is a pager) */
};

/* One feed being fetched or waiting to be. */
struct ui_job {
	int64_t feed_id;	/* 0 for a read-more page */
	unsigned request;	/* read-more request number */
	char *url;
	int running;
};

struct syncq;
struct ui_download;

/* A question on the status line (ui_prompt()). */
typedef void (*ui_prompt_fn)(struct ui *ui, const char *answer, void *ctx);

struct ui_prompt {
	int active;
	char label[64];
	char text[1024];	/* the answer as edited, UTF-8 */
	ui_prompt_fn done;
	void *ctx;
};

struct ui {
	const struct config *cfg;
	struct store *store;
	struct fetch_multi *fetch;
	int in_curses;

	WINDOW *w_top, *w_body, *w_status;
	int rows, cols;
	int dirty_top, dirty_body, dirty_status;

	struct screen *stack[16];
	int depth;

	char status[512];	/* a message that replaces the hint */
	int status_error;

	/* A question the status line asks (the save key's path); while
	 * active, it takes every key. */
	struct ui_prompt prompt;

	/* Enclosures downloading, each on its own thread (ui/jobs.c). */
	struct ui_download *downloads;
	size_t ndownloads;
	/* Which enclosure of which item the play and download keys hand
	 * over next (ui/save.c). */
	int64_t enclosure_rowid;
	size_t enclosure_next;

	/* Filter input: `/` starts it, Enter keeps the filter, Esc clears. */
	int filtering;
	char filter[256];

	/* Feeds: reloads queued or running, and how far the batch got. */
	struct ui_job *jobs;
	size_t njobs;
	struct syncq *sync;	/* the sync stage's worker, once a feed is
				 * fetched (ui/jobs.c) */
	size_t batch_total, batch_done, batch_failed, batch_new;
	size_t batch_feeds_new;	/* feeds of the batch that brought new items */
	unsigned next_request;

	/* The dotfile's feeds in the store: a feed dropped from the dotfile
	 * keeps its items in the store but is not shown. */
	int64_t *feed_ids;
	size_t nfeed_ids;

	/* What the last mark-all marked read, for undo (u). */
	int64_t *undo;
	size_t nundo;

	int quit;
	int exit_status;
};

/* The screen on top. */
struct screen *ui_top(struct ui *ui);
/* Pushes s (taking it); frees it and says so when the stack is full. */
void ui_push(struct ui *ui, struct screen *s);
/* Pops and frees the top screen (never the front page). */
void ui_pop(struct ui *ui);
/* Shows msg in the status line until the next key. */
void ui_status(struct ui *ui, int is_error, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Every screen reloads from the store. */
void ui_refresh_all(struct ui *ui);
/* Whether feed_id is one of the dotfile's feeds. */
int ui_feed_is_listed(const struct ui *ui, int64_t feed_id);
/* Runs argv (execvp, never a shell) with the terminal handed over and
 * taken back; its exit status, 127 when it cannot run, -1 no fork. */
int ui_run_program(char **argv);
/* ui_run_program(), then the status line says how it went: done, or the
 * program's name and why it failed. Returns its status. */
int ui_run_told(struct ui *ui, char **argv, const char *done);
/* Opens url in the browser with the terminal suspended. */
void ui_open_browser(struct ui *ui, const char *url);
/* Plays an enclosure's url with the dotfile's player, else the browser;
 * the status line then says "VERB URL". */
void ui_open_enclosure(struct ui *ui, const char *url, const char *verb);
/* Asks label (a few words) on the status line, with initial as the
 * answer to edit: characters are added at the end, Backspace removes the
 * last whole character, ^U clears. Enter calls done(ui, answer, ctx),
 * Esc calls done(ui, NULL, ctx); done frees what ctx holds. A prompt
 * already open is cancelled first. */
void ui_prompt(struct ui *ui, const char *label, const char *initial,
               ui_prompt_fn done, void *ctx);
/* Hands a key to the open prompt; 0 when none is open. */
int ui_prompt_key(struct ui *ui, int key);
/* Draws the open prompt on the status line, the cursor at its end;
 * 0 when none is open. */
int ui_prompt_draw(struct ui *ui);
/* $XDG_DATA_HOME/newsfold/SUB, else ~/.local/share/newsfold/SUB: a new
 * string, or NULL when neither variable is set; free() it. */
char *ui_data_dir(const char *sub);
/* path with a leading ~/ read as $HOME/: a new string (NULL out of
 * memory); free() it. */
char *ui_expand_home(const char *path);
/* Marks n items read or unread in the store (and reports a failure). */
void ui_mark(struct ui *ui, const int64_t *rowids, size_t n, int read);
/* Marks the stories of these items read or unread: every copy, in every
 * feed, that the store keeps in the same story. */
void ui_mark_story(struct ui *ui, const int64_t *rowids, size_t n, int read);
/* Marks the stories of these items read (what a screen shows, filter
 * included) and remembers which were unread for ui_undo_mark_all(). */
void ui_mark_all(struct ui *ui, const int64_t *rowids, size_t n);
/* Marks every item of feed_id read, or with 0 every item of the dotfile's
 * feeds, with their stories' copies; undoable like ui_mark_all(). */
void ui_mark_all_read(struct ui *ui, int64_t feed_id);
/* Marks unread again what the last mark-all marked read. */
void ui_undo_mark_all(struct ui *ui);

#endif
