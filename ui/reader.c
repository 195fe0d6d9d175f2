#include "autoconfig.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <wchar.h>

#include <curses.h>

#include "src/url.h"
#include "src/utf8.h"
#include "src/width.h"
#include "ui/draw.h"
#include "ui/jobs.h"
#include "ui/keys.h"
#include "ui/list.h"
#include "src/clock.h"
#include "ui/reader.h"
#include "ui/screen_feeds.h"
#include "ui/screen_headlines.h"
#include "ui/screen_help.h"
#include "ui/ui.h"

/* Signal state: handlers set a flag and write a byte to the self-pipe,
 * which wakes the loop's one wait. */
static volatile sig_atomic_t signal_quit;	/* the signal's number */
static volatile sig_atomic_t signal_resize;
static int wake_pipe[2] = { -1, -1 };

static void
reader_on_signal(int sig)
{
	int saved = errno;
	char c = 0;

	if (sig == SIGWINCH) {
		signal_resize = 1;
	} else {
		signal_quit = sig;
	}
	if (write(wake_pipe[1], &c, 1) < 0) {
		/* The pipe is full: the loop is awake anyway. */
	}
	errno = saved;
}

static int
reader_signals(void)
{
	struct sigaction sa;
	int i;

	if (pipe(wake_pipe) != 0) {
		return -1;
	}
	for (i = 0; i < 2; i++) {
		fcntl(wake_pipe[i], F_SETFL, fcntl(wake_pipe[i], F_GETFL) | O_NONBLOCK);
		fcntl(wake_pipe[i], F_SETFD, FD_CLOEXEC);
	}
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = reader_on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGWINCH, &sa, NULL);
	return 0;
}

/* ---- layout and drawing -------------------------------------------- */

static void
reader_layout(struct ui *ui)
{
	int body;

	getmaxyx(stdscr, ui->rows, ui->cols);
	if (ui->w_top != NULL) {
		delwin(ui->w_top);
		delwin(ui->w_body);
		delwin(ui->w_status);
	}
	body = ui->rows > 2 ? ui->rows - 2 : 1;
	ui->w_top = newwin(1, ui->cols, 0, 0);
	ui->w_body = newwin(body, ui->cols, ui->rows > 2 ? 1 : 0, 0);
	ui->w_status = newwin(1, ui->cols, ui->rows > 1 ? ui->rows - 1 : 0, 0);
	if (ui->w_body != NULL) {
		keypad(ui->w_body, TRUE);
		nodelay(ui->w_body, TRUE);
	}
	ui->dirty_top = ui->dirty_body = ui->dirty_status = 1;
}

/* "q:back  f:feeds ..." from the bindings in force, so that a rebound
 * key shows as it is. */
static void
reader_key_hint(struct ui *ui, char *out, size_t size)
{
	static const enum config_action shown[] = {
		CONFIG_ACTION_BACK, CONFIG_ACTION_FEEDS, CONFIG_ACTION_FILTER,
		CONFIG_ACTION_RELOAD_ALL, CONFIG_ACTION_HELP,
	};
	size_t i, used = 0;
	char keys[64];

	out[0] = '\0';
	for (i = 0; i < sizeof(shown) / sizeof(shown[0]); i++) {
		int n;

		keys_bound_to(ui->cfg, shown[i], keys, sizeof(keys));
		keys[strcspn(keys, " ")] = '\0';
		if (keys[0] == '\0') {
			continue;
		}
		n = snprintf(out + used, size - used, "%s%s:%s", used ? "  " : "",
		             keys, config_action_name(shown[i]));
		if (n < 0 || (size_t)n >= size - used) {
			break;
		}
		used += (size_t)n;
	}
}

static void
reader_draw_status(struct ui *ui)
{
	struct screen *top = ui_top(ui);
	const char *hint = top->ops->hint != NULL ? top->ops->hint(top, ui) : NULL;
	char line[768];
	attr_t attr = draw_attr(CONFIG_ELEMENT_STATUS);

	if (ui_prompt_draw(ui)) {
		return;
	}
	if (ui->filtering) {
		snprintf(line, sizeof(line), "/%s", ui->filter);
	} else if (ui->batch_total > 0 && ui->batch_done < ui->batch_total) {
		snprintf(line, sizeof(line), "fetching %zu/%zu", ui->batch_done + 1,
		         ui->batch_total);
	} else if (ui->status[0] != '\0') {
		snprintf(line, sizeof(line), "%s", ui->status);
		attr = ui->status_error ? draw_attr(CONFIG_ELEMENT_ERROR) : attr;
	} else if (hint != NULL) {
		snprintf(line, sizeof(line), "%s", hint);
	} else {
		reader_key_hint(ui, line, sizeof(line));
	}
	draw_text(ui->w_status, 0, 0, ui->cols, line, attr, 1);
	if (ui->filtering) {
		/* The cursor sits where the next character goes. */
		int x = width_columns(line);

		wmove(ui->w_status, 0, x < ui->cols ? x : ui->cols - 1);
	}
}

/* One turn's drawing: dirty windows only, then one doupdate(). */
static void
reader_draw(struct ui *ui)
{
	struct screen *top = ui_top(ui);
	char title[768];

	if (ui->rows < 3 || ui->cols < 2) {
		return;
	}
	if (ui->dirty_top) {
		top->ops->title(top, ui, title, sizeof(title));
		draw_text(ui->w_top, 0, 0, ui->cols, title,
		          draw_attr(CONFIG_ELEMENT_HEADER), 1);
		wnoutrefresh(ui->w_top);
	}
	if (ui->dirty_body) {
		top->ops->draw(top, ui, ui->w_body, ui->rows - 2, ui->cols);
		wnoutrefresh(ui->w_body);
	}
	if (ui->dirty_status || ui->filtering || ui->prompt.active) {
		reader_draw_status(ui);
		wnoutrefresh(ui->w_status);
	}
	curs_set(ui->filtering || ui->prompt.active ? 1 : 0);
	ui->dirty_top = ui->dirty_body = ui->dirty_status = 0;
	doupdate();
}

/* ---- actions every screen shares ----------------------------------- */

static int
reader_back(struct screen *s, struct ui *ui)
{
	if (ui->depth > 1) {
		ui_pop(ui);
		s = ui_top(ui);
		if (s->ops->reload_on_show && s->ops->reload != NULL) {
			s->ops->reload(s, ui);
		}
	} else {
		ui->quit = 1;
	}
	return 1;
}

static int
reader_quit(struct screen *s, struct ui *ui)
{
	(void)s;
	ui->quit = 1;
	return 1;
}

static int
reader_feeds(struct screen *s, struct ui *ui)
{
	struct screen *f;

	if (strcmp(s->ops->name, "feeds") == 0) {
		return 0;
	}
	if ((f = feeds_new(ui)) != NULL) {
		ui_push(ui, f);
	}
	return 1;
}

static int
reader_help(struct screen *s, struct ui *ui)
{
	struct screen *h;

	if (strcmp(s->ops->name, "help") == 0) {
		return 0;
	}
	if ((h = help_new(ui)) != NULL) {
		ui_push(ui, h);
	}
	return 1;
}

static int
reader_reload(struct screen *s, struct ui *ui)
{
	(void)s;
	ui_reload(ui, 0);
	return 1;
}

static int
reader_filter(struct screen *s, struct ui *ui)
{
	if (s->ops->set_filter == NULL) {
		ui_status(ui, 0, "nothing to filter here");
		return 1;
	}
	ui->filtering = 1;
	ui->filter[0] = '\0';
	s->ops->set_filter(s, ui, "");
	return 1;
}

static int
reader_undo(struct screen *s, struct ui *ui)
{
	(void)s;
	ui_undo_mark_all(ui);
	return 1;
}

static const ui_handler reader_handlers[CONFIG_ACTION_COUNT] = {
	[CONFIG_ACTION_UNDO] = reader_undo,
	[CONFIG_ACTION_BACK] = reader_back,
	[CONFIG_ACTION_QUIT] = reader_quit,
	[CONFIG_ACTION_FEEDS] = reader_feeds,
	[CONFIG_ACTION_HELP] = reader_help,
	[CONFIG_ACTION_RELOAD] = reader_reload,
	[CONFIG_ACTION_RELOAD_ALL] = reader_reload,
	[CONFIG_ACTION_FILTER] = reader_filter,
};

/* ---- input --------------------------------------------------------- */

/* A key while the filter is typed: characters narrow the list at once,
 * Enter keeps the filter, Esc clears it. */
static void
reader_filter_key(struct ui *ui, int key)
{
	struct screen *top = ui_top(ui);
	size_t len = strlen(ui->filter);
	char mb[MB_LEN_MAX];
	mbstate_t ps;
	size_t n;

	if (key == CONFIG_KEY_ENTER || key == CONFIG_KEY_ESC) {
		ui->filtering = 0;
		if (key == CONFIG_KEY_ESC) {
			ui->filter[0] = '\0';
		}
	} else if (key == CONFIG_KEY_BACKSPACE) {
		len = len > 0 ? utf8_char_start(ui->filter, len - 1) : 0;
		ui->filter[len] = '\0';
	} else if (key >= ' ' && key < CONFIG_KEY_BASE) {
		memset(&ps, 0, sizeof(ps));
		n = wcrtomb(mb, (wchar_t)key, &ps);
		if (n != (size_t)-1 && len + n < sizeof(ui->filter)) {
			memcpy(ui->filter + len, mb, n);
			ui->filter[len + n] = '\0';
		}
	}
	if (top->ops->set_filter != NULL) {
		top->ops->set_filter(top, ui, ui->filter);
	}
	ui->dirty_top = ui->dirty_body = ui->dirty_status = 1;
}

/* Each screen reads what it put off (screen_ops.finish); nonzero when
 * one had something, which is then drawn. */
static int
reader_finish(struct ui *ui)
{
	int i, any = 0;

	for (i = 0; i < ui->depth; i++) {
		struct screen *s = ui->stack[i];

		if (s->ops->finish != NULL && s->ops->finish(s, ui)) {
			any = 1;
		}
	}
	if (any) {
		ui->dirty_top = ui->dirty_body = 1;
	}
	return any;
}

static void
reader_key(struct ui *ui, int key)
{
	struct screen *top;
	enum config_action a;
	ui_handler h;

	reader_finish(ui);
	top = ui_top(ui);
	ui->status[0] = '\0';
	ui->dirty_status = 1;
	if (ui_prompt_key(ui, key)) {
		return;
	}
	if (ui->filtering) {
		reader_filter_key(ui, key);
		return;
	}
	if (key == CONFIG_KEY_ESC && strcmp(top->ops->name, "help") == 0) {
		ui_pop(ui);	/* Esc leaves help, as q does */
		return;
	}
	if (key == CONFIG_KEY_ESC && top->ops->set_filter != NULL) {
		top->ops->set_filter(top, ui, "");
		ui->dirty_top = ui->dirty_body = 1;
		return;
	}
	a = config_action_for_key(ui->cfg, key);
	if (a <= CONFIG_ACTION_NONE || a >= CONFIG_ACTION_COUNT) {
		return;
	}
	top->key = key;
	h = top->ops->handlers[a];
	if ((h == NULL || !h(top, ui)) &&
	    (top->list == NULL || !list_act(top->list, a))) {
		h = reader_handlers[a];
		if (h != NULL) {
			h(top, ui);
		}
	}
	ui->dirty_top = ui->dirty_body = 1;
}

static void
reader_resize(struct ui *ui)
{
	struct winsize ws;

	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_row > 0 &&
	    ws.ws_col > 0) {
		resizeterm(ws.ws_row, ws.ws_col);
	}
	reader_layout(ui);
	clearok(curscr, TRUE);
}

/* Reads every key that is waiting, without blocking. */
static void
reader_read_keys(struct ui *ui)
{
	wint_t ch;
	int rc, key;

	while (!ui->quit && (rc = wget_wch(ui->w_body, &ch)) != ERR) {
		if (rc == KEY_CODE_YES && ch == KEY_RESIZE) {
			reader_layout(ui);
			continue;
		}
		key = keys_from_curses(rc, ch);
		if (key >= 0) {
			reader_key(ui, key);
		}
	}
}

/* ---- the loop ------------------------------------------------------ */


/* How long the one wait may block: until the next background reload,
 * or for ever (the fetcher's own timers cap it while transfers run). */
static int
reader_timeout(struct ui *ui, int64_t next_reload)
{
	int64_t left;

	(void)ui;
	if (next_reload == 0) {
		return -1;
	}
	left = next_reload - clock_now_ms();
	return left <= 0 ? 0 : left > 600000 ? 600000 : (int)left;
}

/* The search index catches up while the reader has nothing to do: after
 * this long without a key or an event, one chunk a turn, so that the
 * first search after a large refresh finds most of it done. In step,
 * it looks again this much later (a reload may have added items). */
#define INDEX_IDLE_MS 1000
#define INDEX_RECHECK_MS 30000

/* The wait's timeout with the index's next turn due at next_index. */
static int
reader_wait(struct ui *ui, int64_t next_reload, int64_t next_index)
{
	int wait = reader_timeout(ui, next_reload);
	int64_t left = next_index - clock_now_ms();

	left = left < 0 ? 0 : left;
	return wait >= 0 && wait < left ? wait : (int)left;
}

/* One chunk of the index; returns when the next turn is due. */
static int64_t
reader_index_turn(struct ui *ui)
{
	struct nf_error err;
	int done = 1;

	if (store_search_catch_up(ui->store, 1, &done, &err) != NF_OK ||
	    done || store_is_read_only(ui->store)) {
		return clock_now_ms() + INDEX_RECHECK_MS;
	}
	return clock_now_ms();
}

static void
reader_drain_pipe(void)
{
	char junk[64];

	while (read(wake_pipe[0], junk, sizeof(junk)) > 0) {
		continue;
	}
}

static void
reader_loop(struct ui *ui)
{
	int64_t every = (int64_t)ui->cfg->reload_interval * 1000;
	int64_t next_reload = every > 0 ? clock_now_ms() + every : 0;
	int64_t next_index = clock_now_ms() + INDEX_IDLE_MS;
	struct nf_error err;
	int busy = 1;	/* the first turn draws, then starts queued work */
	int active;

	while (!ui->quit && !signal_quit) {
		struct fetch_waitfd fds[3] = {
			{ .fd = STDIN_FILENO, .events = POLLIN },
			{ .fd = wake_pipe[0], .events = POLLIN },
			{ .fd = jobs_fd(ui), .events = POLLIN },
		};

		reader_draw(ui);
		if (fetch_multi_wait(ui->fetch, fds, fds[2].fd >= 0 ? 3 : 2, busy ? 0 :
		                     reader_wait(ui, next_reload, next_index),
		                     &err) != NF_OK) {
			ui_status(ui, 1, "%s", err.msg);
		}
		active = fds[0].revents != 0 || fds[1].revents != 0 ||
		         fds[2].revents != 0;
		if (active && next_index < clock_now_ms() + INDEX_IDLE_MS) {
			next_index = clock_now_ms() + INDEX_IDLE_MS;
		}
		if (fds[1].revents != 0) {
			reader_drain_pipe();
		}
		if (signal_resize) {
			signal_resize = 0;
			reader_resize(ui);
		}
		if (fetch_multi_step(ui->fetch, &err) != NF_OK) {
			ui_status(ui, 1, "%s", err.msg);
		}
		reader_read_keys(ui);
		if (next_reload != 0 && clock_now_ms() >= next_reload) {
			next_reload = clock_now_ms() + every;
			ui_reload(ui, 0);
		}
		busy = jobs_pump(ui);
		busy |= reader_finish(ui);
		if (!busy && !active && !ui->quit && clock_now_ms() >= next_index) {
			next_index = reader_index_turn(ui);
		}
	}
}

static void
reader_curses_start(struct ui *ui)
{
	const char *no_colour = getenv("NO_COLOR");

	initscr();
	ui->in_curses = 1;
	cbreak();
	noecho();
	nonl();
	set_escdelay(25);
	curs_set(0);
	draw_setup(ui->cfg, no_colour == NULL || no_colour[0] == '\0');
	reader_layout(ui);
}

/* Makes every dotfile feed known to the store, so the Feeds screen lists
 * it before its first fetch. */
static void
reader_ensure_feeds(struct ui *ui)
{
	struct nf_error err;
	size_t i;
	int64_t id;

	ui->feed_ids = calloc(ui->cfg->nfeeds ? ui->cfg->nfeeds : 1,
	                      sizeof(*ui->feed_ids));
	for (i = 0; i < ui->cfg->nfeeds; i++) {
		if (store_feed_ensure(ui->store, ui->cfg->feeds[i].url,
		                      ui->cfg->feeds[i].title, &id, &err) != NF_OK) {
			ui_status(ui, 1, "%s", err.msg);
		} else if (ui->feed_ids != NULL) {
			ui->feed_ids[ui->nfeed_ids++] = id;
		}
	}
}

/* Feeds of the dotfile that were never fetched (a feed just added) are
 * fetched at start even without refresh-on-start: they have nothing to
 * show otherwise. */
static void
reader_reload_new_feeds(struct ui *ui)
{
	struct store_feed_info *feeds = NULL;
	struct nf_error err;
	size_t n = 0, i, k;

	if (store_feed_list_unfetched(ui->store, &feeds, &n, &err) != NF_OK) {
		return;
	}
	for (i = 0; i < n; i++) {
		for (k = 0; k < ui->cfg->nfeeds; k++) {
			if (feeds[i].last_fetch == NF_NO_DATE &&
			    strcmp(feeds[i].url, ui->cfg->feeds[k].url) == 0) {
				ui_reload(ui, feeds[i].id);
			}
		}
	}
	store_feed_list_free(feeds, n);
}

static enum nf_status
reader_open(struct ui *ui, const char *db_path, struct nf_error *err)
{
	const struct fetch_multi_options fo = {
		.max_parallel = (int)ui->cfg->max_parallel,
		.limits = {
			.timeout_ms = ui->cfg->timeout * 1000,
			.max_size = (size_t)ui->cfg->max_size,
		},
	};

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		return nf_error_set(err, NF_ERR_USAGE, "the reader needs a terminal");
	}
	if (store_open(db_path, &ui->store, err) != NF_OK) {
		return err->code;
	}
	/* read more looks items up by them; a first refresh killed before
	 * it made them left them out; failing costs speed only */
	(void)store_lookup_build(ui->store, NULL);
	if (fetch_global_init(err) != NF_OK) {
		return err->code;
	}
	ui->fetch = fetch_multi_new(&fo, jobs_on_done, ui, err);
	if (ui->fetch == NULL) {
		return err->code != NF_OK ? err->code : NF_ERR_NOMEM;
	}
	if (reader_signals() != 0) {
		return nf_error_set(err, NF_ERR_IO, "cannot create a pipe");
	}
	reader_ensure_feeds(ui);
	return NF_OK;
}

static void
reader_close(struct ui *ui)
{
	while (ui->depth > 0) {
		struct screen *s = ui->stack[--ui->depth];

		s->ops->free(s);
	}
	if (ui->in_curses) {
		delwin(ui->w_top);
		delwin(ui->w_body);
		delwin(ui->w_status);
		endwin();
	}
	jobs_free(ui);
	fetch_multi_free(ui->fetch);
	fetch_global_cleanup();
	store_close(ui->store);
	free(ui->feed_ids);
	free(ui->undo);
	if (wake_pipe[0] >= 0) {
		close(wake_pipe[0]);
		close(wake_pipe[1]);
		wake_pipe[0] = wake_pipe[1] = -1;
	}
}

enum nf_status
reader_run(const char *config_path, const char *db_path, struct nf_error *err)
{
	struct config cfg;
	struct ui ui = { .cfg = &cfg };
	struct screen *front;
	enum nf_status st;

	if ((st = config_load(config_path, &cfg, err)) != NF_OK) {
		config_free(&cfg);
		return st;
	}
	if ((st = reader_open(&ui, db_path, err)) != NF_OK) {
		goto out;
	}
	reader_curses_start(&ui);
	front = headlines_new(&ui, 0, "All feeds");
	if (front == NULL) {
		st = nf_error_set(err, NF_ERR_NOMEM, "out of memory");
		goto out;
	}
	ui_push(&ui, front);
	/* The store's stories show at once; fetching follows. */
	if (store_is_read_only(ui.store)) {
		ui_status(&ui, 1, "read-only database: reading only, marks"
		          " and reloads are not kept");
	} else if (cfg.refresh_on_start || headlines_count(front) == 0) {
		ui_reload(&ui, 0);
	} else {
		reader_reload_new_feeds(&ui);
	}
	reader_loop(&ui);
	if (signal_quit) {
		st = nf_error_set(err, NF_ERR_SIGNAL, "%d", (int)signal_quit);
	}
out:
	reader_close(&ui);
	config_free(&cfg);
	return st;
}
