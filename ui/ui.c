/* The reader's shared state: the stack of screens, the status line,
 * marks, the dotfile's feeds and the browser. Curses only to hand the
 * terminal over to the browser. */
#include "autoconfig.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/wait.h>
#include <unistd.h>
#include <wchar.h>

#include <curses.h>

#include "config/words.h"
#include "config/keys.h"
#include "src/url.h"
#include "src/utf8.h"
#include "src/width.h"
#include "ui/draw.h"
#include "ui/ui.h"

struct screen *
ui_top(struct ui *ui)
{
	return ui->stack[ui->depth - 1];
}

void
ui_push(struct ui *ui, struct screen *s)
{
	if (ui->depth >= (int)(sizeof(ui->stack) / sizeof(ui->stack[0]))) {
		s->ops->free(s);
		ui_status(ui, 1, "too many screens open: press q");
		return;
	}
	ui->stack[ui->depth++] = s;
	ui->dirty_top = ui->dirty_body = ui->dirty_status = 1;
}

void
ui_pop(struct ui *ui)
{
	struct screen *s;

	if (ui->depth <= 1) {
		return;
	}
	s = ui->stack[--ui->depth];
	s->ops->free(s);
	ui->dirty_top = ui->dirty_body = ui->dirty_status = 1;
}

void
ui_status(struct ui *ui, int is_error, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(ui->status, sizeof(ui->status), fmt, ap);
	va_end(ap);
	ui->status_error = is_error;
	ui->dirty_status = 1;
}

void
ui_refresh_all(struct ui *ui)
{
	int i;

	for (i = 0; i < ui->depth; i++) {
		if (ui->stack[i]->ops->reload != NULL) {
			ui->stack[i]->ops->reload(ui->stack[i], ui);
		}
	}
	ui->dirty_top = ui->dirty_body = ui->dirty_status = 1;
}

void
ui_mark(struct ui *ui, const int64_t *rowids, size_t n, int read)
{
	struct nf_error err;
	int i;

	if (store_mark_read(ui->store, rowids, n, read, &err) != NF_OK) {
		ui_status(ui, 1, "%s", err.msg);
		return;
	}
	for (i = 0; i < ui->depth; i++) {
		if (ui->stack[i]->ops->marked != NULL) {
			ui->stack[i]->ops->marked(ui->stack[i], rowids, n, read);
		}
	}
	ui->dirty_top = ui->dirty_body = 1;
}

void
ui_mark_story(struct ui *ui, const int64_t *rowids, size_t n, int read)
{
	struct nf_error err;
	int64_t *all;
	size_t nall;
	struct store_feeds listed = { ui->feed_ids, ui->nfeed_ids };

	if (store_story_rowids(ui->store, rowids, n, &listed, 0, &all, &nall,
	                       &err) != NF_OK) {
		ui_status(ui, 1, "%s", err.msg);
		return;
	}
	ui_mark(ui, all, nall, read);
	free(all);
}

void
ui_mark_all(struct ui *ui, const int64_t *rowids, size_t n)
{
	struct nf_error err;
	int64_t *unread;
	size_t nunread;
	struct store_feeds listed = { ui->feed_ids, ui->nfeed_ids };

	if (store_story_rowids(ui->store, rowids, n, &listed, 1, &unread,
	                       &nunread, &err) != NF_OK) {
		ui_status(ui, 1, "%s", err.msg);
		return;
	}
	if (nunread == 0) {
		free(unread);
		ui_status(ui, 0, "nothing unread here");
		return;
	}
	if (store_mark_read(ui->store, unread, nunread, 1, &err) != NF_OK) {
		free(unread);
		ui_status(ui, 1, "%s", err.msg);
		return;
	}
	ui_refresh_all(ui);	/* counts on every screen change */
	free(ui->undo);
	ui->undo = unread;
	ui->nundo = nunread;
	ui_status(ui, 0, "marked %zu %s read (with their copies in other feeds)"
	          " — u undoes", nunread, nunread == 1 ? "item" : "items");
}

void
ui_undo_mark_all(struct ui *ui)
{
	size_t n = ui->nundo;
	struct nf_error err;

	if (ui->undo == NULL) {
		ui_status(ui, 0, "nothing to undo");
		return;
	}
	if (store_mark_read(ui->store, ui->undo, ui->nundo, 0, &err) != NF_OK) {
		ui_status(ui, 1, "%s", err.msg);
		return;
	}
	ui_refresh_all(ui);
	free(ui->undo);
	ui->undo = NULL;
	ui->nundo = 0;
	ui_status(ui, 0, "%zu %s unread again", n, n == 1 ? "item" : "items");
}

void
ui_mark_all_read(struct ui *ui, int64_t feed_id)
{
	const int64_t *feeds = feed_id != 0 ? &feed_id : ui->feed_ids;
	size_t nfeeds = feed_id != 0 ? 1 : ui->nfeed_ids, i, n = 0;
	int64_t *all = NULL;
	struct nf_error err;

	/* Feed by feed rather than the whole store: a feed dropped from the
	 * dotfile is out of sight (its copies of a story still follow). */
	for (i = 0; i < nfeeds; i++) {
		int64_t *ids, *grown;
		size_t nids;

		if (store_feed_unread(ui->store, feeds[i], &ids, &nids,
		                      &err) != NF_OK) {
			ui_status(ui, 1, "%s", err.msg);
			free(all);
			return;
		}
		grown = nids > 0 ? realloc(all, (n + nids) * sizeof(*all)) : all;
		if (nids > 0 && grown == NULL) {
			free(ids);
			free(all);
			ui_status(ui, 1, "out of memory");
			return;
		}
		all = grown;
		if (nids > 0) {
			memcpy(all + n, ids, nids * sizeof(*ids));
		}
		n += nids;
		free(ids);
	}
	ui_mark_all(ui, all, n);
	free(all);
}

int
ui_feed_is_listed(const struct ui *ui, int64_t feed_id)
{
	size_t i;

	for (i = 0; i < ui->nfeed_ids; i++) {
		if (ui->feed_ids[i] == feed_id) {
			return 1;
		}
	}
	return 0;
}

/* Runs argv with the terminal handed over, and takes it back. */
int
ui_run_program(char **argv)
{
	pid_t pid;
	int status = 0;

	def_prog_mode();
	endwin();
	pid = fork();
	if (pid == 0) {
		execvp(argv[0], argv);
		_exit(127);
	}
	while (pid > 0 && waitpid(pid, &status, 0) < 0 && errno == EINTR) {
		continue;
	}
	reset_prog_mode();
	clearok(curscr, TRUE);
	if (pid < 0) {
		return -1;
	}
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128;
}

int
ui_run_told(struct ui *ui, char **argv, const char *done)
{
	int rc = argv[0] != NULL ? ui_run_program(argv) : -1;

	if (rc != 0) {
		ui_status(ui, 1, "%s: %s", argv[0] != NULL ? argv[0] : "command",
		          rc == 127 ? "cannot run it" : "it failed");
	} else {
		ui_status(ui, 0, "%s", done);
	}
	ui->dirty_top = ui->dirty_body = ui->dirty_status = 1;
	return rc;
}

/* Runs command (a dotfile COMMAND of the setting what, or NULL for the
 * browser's default) on url with the terminal handed over, and says how
 * it went. */
static void
ui_open_with(struct ui *ui, const char *what, const char *command,
             const char *url, const char *verb)
{
	char **argv = NULL, done[600];
	struct nf_error err;
	int rc, is_default = 0;

	/* A feed chooses its links: a javascript:, data: or file: link
	 * handed to a browser or to xdg-open would run what the feed says. */
	if (!url_is_http(url)) {
		ui_status(ui, 1, "not opening a link that is not http(s): %.60s", url);
		return;
	}
	if (command == NULL || command[0] == '\0') {
		command = getenv("BROWSER");
	}
	if (command == NULL || command[0] == '\0') {
		command = "xdg-open";	/* the desktop's choice, when there is one */
		is_default = 1;
	}
	if (config_browser_argv(command, url, &argv, &err) != NF_OK) {
		ui_status(ui, 1, "%s: %s", what, err.msg);
		return;
	}
	snprintf(done, sizeof(done), "%s %s", verb, url);
	rc = ui_run_told(ui, argv, done);
	if (rc == 127 && is_default) {
		ui_status(ui, 1, "no browser to open links: set browser in %s,"
		          " or $BROWSER", ui->cfg->path != NULL && !ui->cfg->is_demo ?
		          ui->cfg->path : "the dotfile");
	}
	config_argv_free(argv);
}

void
ui_open_browser(struct ui *ui, const char *url)
{
	ui_open_with(ui, "browser", ui->cfg->browser, url, "opened");
}

void
ui_open_enclosure(struct ui *ui, const char *url, const char *verb)
{
	const char *player = ui->cfg->player;

	if (player != NULL && player[0] != '\0') {
		ui_open_with(ui, "player", player, url, verb);
	} else {
		ui_open_with(ui, "browser", ui->cfg->browser, url, verb);
	}
}

/* ---- a question on the status line ---------------------------------- */

static void
ui_prompt_end(struct ui *ui, const char *answer)
{
	ui_prompt_fn done = ui->prompt.done;
	void *ctx = ui->prompt.ctx;

	ui->prompt.active = 0;
	ui->prompt.done = NULL;
	ui->prompt.ctx = NULL;
	ui->dirty_status = 1;
	if (done != NULL) {
		done(ui, answer, ctx);
	}
}

void
ui_prompt(struct ui *ui, const char *label, const char *initial,
          ui_prompt_fn done, void *ctx)
{
	size_t n;

	if (ui->prompt.active) {
		ui_prompt_end(ui, NULL);
	}
	snprintf(ui->prompt.label, sizeof(ui->prompt.label), "%s", label);
	n = strlen(initial);
	if (n >= sizeof(ui->prompt.text)) {
		n = utf8_char_start(initial, sizeof(ui->prompt.text) - 1);
	}
	memcpy(ui->prompt.text, initial, n);
	ui->prompt.text[n] = '\0';
	ui->prompt.done = done;
	ui->prompt.ctx = ctx;
	ui->prompt.active = 1;
	ui->dirty_status = 1;
}

/* Adds the character key at the end of the answer, if it fits. */
static void
ui_prompt_add(struct ui *ui, int key)
{
	size_t len = strlen(ui->prompt.text), n;
	char mb[MB_LEN_MAX];
	mbstate_t ps;

	memset(&ps, 0, sizeof(ps));
	n = wcrtomb(mb, (wchar_t)key, &ps);
	if (n != (size_t)-1 && len + n < sizeof(ui->prompt.text)) {
		memcpy(ui->prompt.text + len, mb, n);
		ui->prompt.text[len + n] = '\0';
	}
}

int
ui_prompt_key(struct ui *ui, int key)
{
	size_t len = strlen(ui->prompt.text);

	if (!ui->prompt.active) {
		return 0;
	}
	ui->dirty_status = 1;
	if (key == CONFIG_KEY_ENTER) {
		char answer[sizeof(ui->prompt.text)];

		memcpy(answer, ui->prompt.text, sizeof(answer));
		ui_prompt_end(ui, answer);
	} else if (key == CONFIG_KEY_ESC) {
		ui_prompt_end(ui, NULL);
	} else if (key == CONFIG_KEY_BACKSPACE) {
		ui->prompt.text[len > 0 ? utf8_char_start(ui->prompt.text, len - 1) : 0] = '\0';
	} else if (key == 'U' - '@') {
		ui->prompt.text[0] = '\0';
	} else if (key >= ' ' && key < CONFIG_KEY_BASE && key != 127) {
		ui_prompt_add(ui, key);
	}
	return 1;
}

int
ui_prompt_draw(struct ui *ui)
{
	const char *tail = ui->prompt.text;
	char line[sizeof(ui->prompt.text) + 80];
	int x;

	if (!ui->prompt.active) {
		return 0;
	}
	/* A long answer shows its end, where the typing is. */
	for (;;) {
		snprintf(line, sizeof(line), "%s%s%s", ui->prompt.label,
		         tail != ui->prompt.text ? "…" : "", tail);
		if (*tail == '\0' || width_columns(line) < ui->cols) {
			break;
		}
		tail += utf8_decode(tail, strlen(tail), &(uint32_t){ 0 });
	}
	draw_text(ui->w_status, 0, 0, ui->cols, line,
	          draw_attr(CONFIG_ELEMENT_STATUS), 1);
	x = width_columns(line);
	wmove(ui->w_status, 0, x < ui->cols ? x : ui->cols - 1);
	return 1;
}

/* ---- folders ----------------------------------------------------------- */

char *
ui_data_dir(const char *sub)
{
	const char *xdg = getenv("XDG_DATA_HOME"), *home = getenv("HOME");
	const char *mid = "/newsfold/";
	char *out;
	size_t n;

	if (xdg == NULL || xdg[0] != '/') {
		if (home == NULL || home[0] == '\0') {
			return NULL;
		}
		mid = "/.local/share/newsfold/";
		xdg = home;
	}
	n = strlen(xdg) + strlen(mid) + strlen(sub) + 1;
	if ((out = malloc(n)) != NULL) {
		snprintf(out, n, "%s%s%s", xdg, mid, sub);
	}
	return out;
}

char *
ui_expand_home(const char *path)
{
	const char *home = getenv("HOME");
	char *out;
	size_t n;

	if (strncmp(path, "~/", 2) != 0 || home == NULL || home[0] == '\0') {
		return strdup(path);
	}
	n = strlen(home) + strlen(path);
	if ((out = malloc(n)) != NULL) {
		snprintf(out, n, "%s%s", home, path + 1);
	}
	return out;
}
