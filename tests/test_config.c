/*
 * The dotfile: every directive, every error message, the comment rules,
 * the search order and the demo fallback, on real files in a temporary
 * folder. Each table row is one named cmocka test.
 */
#include "autoconfig.h"

#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/stat.h>
#include <unistd.h>
#include <ftw.h>

#include <cmocka.h>

#include "tests/testdir.h"
#include "config/config.h"
#include "config/words.h"
#include "src/utf8.h"

static char tmpdir[64];

static void
write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	assert_non_null(f);
	assert_int_equal(fputs(text, f) >= 0, 1);
	assert_int_equal(fclose(f), 0);
}

/* Writes text to TMP/name and reads it as a dotfile. */
static enum nf_status
load_text(const char *name, const char *text, struct config *cfg,
          struct nf_error *err)
{
	char path[PATH_MAX];

	snprintf(path, sizeof(path), "%s/%s", tmpdir, name);
	write_file(path, text);
	assert_int_equal(config_init(cfg, err), NF_OK);
	return config_read_file(path, NULL, cfg, err);
}

/* ---- lines that parse ---- */

struct good_case {
	const char *name;
	const char *text;
	void (*check)(const struct config *cfg);
};

static void
check_feed_full(const struct config *cfg)
{
	assert_int_equal(cfg->nfeeds, 1);
	assert_string_equal(cfg->feeds[0].url, "https://example.org/world.rss");
	assert_string_equal(cfg->feeds[0].title, "World");
	assert_int_equal(cfg->feeds[0].ntags, 2);
	assert_string_equal(cfg->feeds[0].tags[0], "news");
	assert_string_equal(cfg->feeds[0].tags[1], "world");
	assert_int_equal(cfg->feeds[0].line, 1);
}

static void
check_feed_bare(const struct config *cfg)
{
	assert_int_equal(cfg->nfeeds, 2);
	assert_string_equal(cfg->feeds[1].url, "file:///home/me/local.xml");
	assert_null(cfg->feeds[1].title);
	assert_int_equal(cfg->feeds[1].ntags, 0);
	assert_int_equal(cfg->feeds[1].line, 3);
}

static void
check_feed_tags_only(const struct config *cfg)
{
	assert_null(cfg->feeds[0].title);
	assert_int_equal(cfg->feeds[0].ntags, 2);
	assert_string_equal(cfg->feeds[0].tags[0], "tech");
	assert_string_equal(cfg->feeds[0].tags[1], "two words");
}

static void
check_fragment(const struct config *cfg)
{
	assert_string_equal(cfg->feeds[0].url, "https://example.org/page#feed");
	assert_int_equal(cfg->feeds[0].ntags, 0);
	assert_null(cfg->feeds[0].title);
}

static void
check_quoted_hash(const struct config *cfg)
{
	assert_string_equal(cfg->feeds[0].title, "Issue #5 \"weekly\" \\ news");
	assert_int_equal(cfg->feeds[0].ntags, 0);
}

static void
check_settings(const struct config *cfg)
{
	assert_int_equal(cfg->refresh_on_start, 1);
	assert_int_equal(cfg->reload_interval, 1800);
	assert_int_equal(cfg->max_parallel, 4);
	assert_int_equal(cfg->timeout, 90);
	assert_int_equal(cfg->max_size, 2L * 1024 * 1024);
	assert_int_equal(cfg->max_items, 200);
	assert_int_equal(cfg->prune_unread, 1);
	assert_true(cfg->fold_threshold > 0.749 && cfg->fold_threshold < 0.751);
	assert_string_equal(cfg->browser, "firefox --new-tab %u");
}

static void
check_keep_unread(const struct config *cfg)
{
	assert_int_equal(cfg->keep_unread, 30L * 86400);
	assert_int_equal(cfg->prune_unread, 0);
}

static void
check_keep_unread_forever(const struct config *cfg)
{
	assert_int_equal(cfg->keep_unread, 0);
}

static void
check_defaults(const struct config *cfg)
{
	assert_int_equal(cfg->nfeeds, 0);
	assert_int_equal(cfg->refresh_on_start, 0);
	assert_int_equal(cfg->reload_interval, 0);
	assert_int_equal(cfg->max_parallel, 8);
	assert_int_equal(cfg->timeout, 30);
	assert_int_equal(cfg->max_size, 16L * 1024 * 1024);
	assert_int_equal(cfg->max_items, 500);
	assert_int_equal(cfg->prune_unread, 0);
	assert_int_equal(cfg->keep_unread, 90L * 86400);
	assert_true(cfg->fold_threshold == TITLE_DEFAULT_THRESHOLD);
	assert_null(cfg->browser);
	assert_int_equal(config_action_for_key(cfg, 'j'), CONFIG_ACTION_DOWN);
	assert_int_equal(config_action_for_key(cfg, CONFIG_KEY_DOWN), CONFIG_ACTION_DOWN);
	assert_int_equal(config_action_for_key(cfg, ' '), CONFIG_ACTION_TOGGLE_FOLD);
	assert_int_equal(config_action_for_key(cfg, '\t'), CONFIG_ACTION_TOGGLE_FOLD);
	assert_int_equal(config_action_for_key(cfg, CONFIG_KEY_ENTER), CONFIG_ACTION_OPEN);
	assert_int_equal(config_action_for_key(cfg, 'q'), CONFIG_ACTION_BACK);
	assert_int_equal(config_action_for_key(cfg, 'Q'), CONFIG_ACTION_QUIT);
	assert_int_equal(config_action_for_key(cfg, '?'), CONFIG_ACTION_HELP);
	assert_int_equal(config_action_for_key(cfg, 'x'), CONFIG_ACTION_NONE);
	assert_int_equal(cfg->colors[CONFIG_ELEMENT_ERROR].fg, 1);
	assert_int_equal(cfg->colors[CONFIG_ELEMENT_ERROR].attrs, CONFIG_ATTR_BOLD);
}

static void
check_units(const struct config *cfg)
{
	assert_int_equal(cfg->reload_interval, 90);
	assert_int_equal(cfg->timeout, 120);
	assert_int_equal(cfg->max_size, 512L * 1024);
}

static void
check_plain_numbers(const struct config *cfg)
{
	assert_int_equal(cfg->reload_interval, 15 * 60);
	assert_int_equal(cfg->timeout, 45);
	assert_int_equal(cfg->max_size, 4096);
}

static void
check_bind(const struct config *cfg)
{
	assert_int_equal(config_action_for_key(cfg, 'x'), CONFIG_ACTION_QUIT);
	assert_int_equal(config_action_for_key(cfg, ' '), CONFIG_ACTION_PAGE_DOWN);
	assert_int_equal(config_action_for_key(cfg, 'N' & 0x1f), CONFIG_ACTION_NEXT_UNREAD);
	assert_int_equal(config_action_for_key(cfg, CONFIG_KEY_F(5)), CONFIG_ACTION_RELOAD_ALL);
	assert_int_equal(config_action_for_key(cfg, 0x3042), CONFIG_ACTION_HELP);
	assert_int_equal(config_action_for_key(cfg, 'q'), CONFIG_ACTION_NONE);
	assert_int_equal(config_action_for_key(cfg, '#'), CONFIG_ACTION_FILTER);
}

/* Unbinding moves the last binding into the gap: every key still finds
 * its own action, and a key unbound and bound again finds the new one. */
static void
check_unbind_rebind(const struct config *cfg)
{
	size_t i, n = 0;

	assert_int_equal(config_action_for_key(cfg, 'j'), CONFIG_ACTION_NONE);
	assert_int_equal(config_action_for_key(cfg, 'k'), CONFIG_ACTION_QUIT);
	assert_int_equal(config_action_for_key(cfg, 'q'), CONFIG_ACTION_HELP);
	assert_int_equal(config_action_for_key(cfg, 'x'), CONFIG_ACTION_NONE);
	assert_int_equal(config_action_for_key(cfg, 'y'), CONFIG_ACTION_FILTER);
	assert_int_equal(config_action_for_key(cfg, 'Q'), CONFIG_ACTION_QUIT);
	for (i = 0; i < cfg->nbindings; i++) {
		n += cfg->bindings[i].key == 'q';
	}
	assert_int_equal(n, 1);
}

static void
check_color(const struct config *cfg)
{
	const struct config_color *c = &cfg->colors[CONFIG_ELEMENT_TITLE];

	assert_int_equal(c->fg, 3);
	assert_int_equal(c->bg, CONFIG_COLOR_DEFAULT);
	assert_int_equal(c->attrs, CONFIG_ATTR_BOLD | CONFIG_ATTR_UNDERLINE);
	c = &cfg->colors[CONFIG_ELEMENT_FOLD_MARKER];
	assert_int_equal(c->fg, 208);
	assert_int_equal(c->bg, 0);
	assert_int_equal(c->attrs, 0);
}

static void
check_empty(const struct config *cfg)
{
	assert_int_equal(cfg->nfeeds, 0);
	assert_int_equal(cfg->max_parallel, 8);
}

static void
check_queries(const struct config *cfg)
{
	assert_int_equal(cfg->nqueries, 3);
	assert_string_equal(cfg->queries[0].title, "Fresh world");
	assert_int_equal(cfg->queries[0].line, 1);
	assert_int_equal(cfg->queries[0].expr->kind, QUERY_AND);
	assert_string_equal(cfg->queries[1].title, "Elections \"2024\"");
	assert_int_equal(cfg->queries[1].expr->kind, QUERY_TITLE);
	assert_string_equal(cfg->queries[1].expr->text, "election");
	assert_int_equal(cfg->queries[2].expr->kind, QUERY_SOURCE);
	assert_string_equal(cfg->queries[2].expr->text, "Harbor Wire");
	assert_int_equal(cfg->queries[2].line, 4);
	assert_int_equal(cfg->nignores, 0);
}

static void
check_ignores(const struct config *cfg)
{
	assert_int_equal(cfg->nignores, 2);
	assert_int_equal(cfg->ignores[0]->kind, QUERY_TITLE);
	assert_string_equal(cfg->ignores[0]->text, "horoscope");
	assert_int_equal(cfg->ignores[1]->kind, QUERY_AND);
	assert_int_equal(cfg->nqueries, 0);
}

static void
check_sort(const struct config *cfg)
{
	assert_int_equal(cfg->sort, CONFIG_SORT_OUTLETS);
	assert_int_equal(cfg->sort_reverse, 1);
	assert_int_equal(cfg->show_read, 0);
}

static void
check_exec_filter(const struct config *cfg)
{
	assert_int_equal(cfg->nfeeds, 2);
	assert_string_equal(cfg->feeds[0].url, "exec:digest --as-rss \"my inbox\"");
	assert_string_equal(cfg->feeds[0].title, "Mail");
	assert_int_equal(cfg->feeds[0].ntags, 1);
	assert_null(cfg->feeds[0].filter_cmd);
	assert_string_equal(cfg->feeds[1].url, "https://e.org/news.rss");
	assert_string_equal(cfg->feeds[1].filter_cmd, "strip-ads --strict");
	assert_string_equal(cfg->feeds[1].title, "News");
	assert_int_equal(cfg->feeds[1].ntags, 2);
}

static const struct good_case good_cases[] = {
	{ "feed with title and tags",
	  "feed https://example.org/world.rss \"World\" news world\n", check_feed_full },
	{ "feed without title, CRLF and comment lines",
	  "feed https://example.org/a.rss\r\n# a comment\nfeed file:///home/me/local.xml\n",
	  check_feed_bare },
	{ "unquoted second word is a tag",
	  "feed https://example.org/t.atom tech \"two words\"\n", check_feed_tags_only },
	{ "URL keeps its #fragment, comment after blank stripped",
	  "feed https://example.org/page#feed    # the page's feed\n", check_fragment },
	{ "# and escapes inside quotes kept",
	  "feed https://e.org/x \"Issue #5 \\\"weekly\\\" \\\\ news\"\n", check_quoted_hash },
	{ "every setting",
	  "refresh-on-start yes\nreload-interval 30m\nmax-parallel 4\n"
	  "timeout 90s\nmax-size 2M\nmax-items 200\nprune-unread true\n"
	  "fold-threshold 0.75\nbrowser \"firefox --new-tab %u\"   # tabs\n",
	  check_settings },
	{ "defaults", "", check_defaults },
	{ "keep-unread in days", "keep-unread 30d\n", check_keep_unread },
	{ "keep-unread 0 is forever", "keep-unread 0\n",
	  check_keep_unread_forever },
	{ "duration and size units",
	  "reload-interval 90s\ntimeout 2m\nmax-size 512K\n", check_units },
	{ "plain numbers: minutes, seconds, bytes",
	  "reload-interval 15\ntimeout 45\nmax-size 4096\n", check_plain_numbers },
	{ "bind keys",
	  "bind x quit\nbind space page-down\nbind ^N next-unread\nbind F5 reload-all\n"
	  "bind あ help\nbind q none\nbind \"#\" filter\n", check_bind },
	{ "unbind moves the last binding, rebinding finds the new action",
	  "bind x quit\nbind y filter\nbind j none\nbind q none\nbind x none\n"
	  "bind k quit\nbind q help\nbind q none\nbind q help\n", check_unbind_rebind },
	{ "colors",
	  "color title yellow default bold underline\ncolor fold-marker color208 black\n",
	  check_color },
	{ "queries",
	  "query \"Fresh world\" unread and tag:world and age<2d\n"
	  "query \"Elections \\\"2024\\\"\" title~\"election\"   # polls\n"
	  "\n"
	  "  query \"Harbor\" \"source:\\\"Harbor Wire\\\"\"\n",
	  check_queries },
	{ "ignore lines",
	  "ignore title~horoscope\nignore source:\"Gossip Daily\" and not tag:keep\n",
	  check_ignores },
	{ "exec and filter sources",
	  "exec \"digest --as-rss \\\"my inbox\\\"\" \"Mail\" personal\n"
	  "filter \"strip-ads --strict\" https://e.org/news.rss \"News\" news world\n",
	  check_exec_filter },
	{ "sort and show-read", "sort title\nsort outlets reverse\nshow-read no\n",
	  check_sort },
	{ "blank lines, comments, a BOM",
	  "\xef\xbb\xbf# comment\n\n   \t\n  # indented comment\n", check_empty },
};

static void
test_good(void **state)
{
	const struct good_case *tc = *state;
	struct config cfg;
	struct nf_error err;

	if (load_text("good.rc", tc->text, &cfg, &err) != NF_OK) {
		fail_msg("%s", err.msg);
	}
	tc->check(&cfg);
	config_free(&cfg);
}

/* ---- lines that are errors: the message after "TMP/" ---- */

struct bad_case {
	const char *name;
	const char *text;
	const char *msg;
};

static const struct bad_case bad_cases[] = {
	{ "unknown directive", "# ok\nfeeds http://e.org/\n",
	  "bad.rc:2: unknown directive \"feeds\"" },
	{ "bad number", "max-items lots\n",
	  "bad.rc:1: max-items: bad number \"lots\"" },
	{ "negative number", "max-items -5\n",
	  "bad.rc:1: max-items: bad number \"-5\"" },
	{ "out of range", "max-parallel 100\n",
	  "bad.rc:1: max-parallel: \"100\" is out of range (1..64)" },
	{ "out of range zero", "max-parallel 0\n",
	  "bad.rc:1: max-parallel: \"0\" is out of range (1..64)" },
	{ "keep-unread out of range", "keep-unread 3651d\n",
	  "bad.rc:1: keep-unread: \"3651d\" is out of range (0..315360000 seconds)" },
	{ "duration out of range", "timeout 2h\n",
	  "bad.rc:1: timeout: \"2h\" is out of range (1..3600 seconds)" },
	{ "bad unit", "timeout 30x\n",
	  "bad.rc:1: timeout: bad duration \"30x\" (write 90s, 30m, 1h or 1d)" },
	{ "bad size unit", "max-size 16Q\n",
	  "bad.rc:1: max-size: bad size \"16Q\" (write bytes, or a number with K, M or G)" },
	{ "size overflow", "max-size 99999999999999999999G\n",
	  "bad.rc:1: max-size: bad size \"99999999999999999999G\" (write bytes, or a number with K, M or G)" },
	{ "ratio out of range", "fold-threshold 1.5\n",
	  "bad.rc:1: fold-threshold: \"1.5\" is out of range (0..1)" },
	{ "bad ratio", "fold-threshold 0.6x\n",
	  "bad.rc:1: fold-threshold: bad number \"0.6x\"" },
	{ "bad bool", "refresh-on-start maybe\n",
	  "bad.rc:1: refresh-on-start: expected yes or no, not \"maybe\"" },
	{ "missing value", "timeout\n",
	  "bad.rc:1: timeout: missing argument (one value)" },
	{ "trailing junk", "max-items 10 20\n",
	  "bad.rc:1: max-items: unexpected \"20\" (one value)" },
	{ "unquoted browser", "browser firefox %u\n",
	  "bad.rc:1: browser: unexpected \"%u\" (one quoted command, e.g. browser \"firefox %u\")" },
	{ "browser bad inner quoting", "browser \"sh \\\"x\"\n",
	  "bad.rc:1: browser: unterminated quote in \"sh \"x\"" },
	{ "unterminated quote", "feed http://e.org/ \"World news\n",
	  "bad.rc:1: unterminated quote" },
	{ "text after a closing quote", "feed http://e.org/ \"World\"news\n",
	  "bad.rc:1: text right after a closing quote" },
	{ "quote inside a word", "feed http://e.org/a\"b\n",
	  "bad.rc:1: a quote inside a word (quote the whole word)" },
	{ "duplicate feed names both lines",
	  "feed http://e.org/a.rss\n\n# x\nfeed http://e.org/a.rss \"Again\"\n",
	  "bad.rc:4: feed: http://e.org/a.rss is already listed on line 1" },
	{ "feed missing URL", "feed\n",
	  "bad.rc:1: feed: missing argument (feed URL [\"TITLE\"] [TAG...])" },
	{ "feed scheme", "feed ftp://e.org/a.rss\n",
	  "bad.rc:1: feed: \"ftp://e.org/a.rss\" is not an http, https or file URL" },
	{ "feed relative", "feed world.rss\n",
	  "bad.rc:1: feed: \"world.rss\" is not an http, https or file URL" },
	{ "feed without host", "feed https:///a.rss\n",
	  "bad.rc:1: feed: \"https:///a.rss\" is not an http, https or file URL" },
	{ "feed empty title", "feed http://e.org/ \"\"\n",
	  "bad.rc:1: feed: empty title" },
	{ "unknown key", "bind ctrl-x quit\n",
	  "bad.rc:1: bind: unknown key \"ctrl-x\"" },
	{ "unknown action", "bind x explode\n",
	  "bad.rc:1: bind: unknown action \"explode\"" },
	{ "bind missing action", "bind x\n",
	  "bad.rc:1: bind: missing argument (bind KEY ACTION)" },
	{ "bind trailing junk", "bind x quit now\n",
	  "bad.rc:1: bind: unexpected \"now\" (bind KEY ACTION)" },
	{ "unknown colour element", "color titles red default\n",
	  "bad.rc:1: color: unknown element \"titles\"" },
	{ "unknown colour", "color title purple default\n",
	  "bad.rc:1: color: unknown colour \"purple\"" },
	{ "unknown background", "color title red color256\n",
	  "bad.rc:1: color: unknown colour \"color256\"" },
	{ "unknown attribute", "color title red default bold shiny\n",
	  "bad.rc:1: color: unknown attribute \"shiny\"" },
	{ "control character", "feed http://e.org/ \"a\x1b[31mb\"\n",
	  "bad.rc:1: a control character in the line" },
	{ "not UTF-8", "feed http://e.org/ \"caf\xe9\"\n",
	  "bad.rc:1: the line is not valid UTF-8" },
	{ "overlong UTF-8", "\xc1\x92q x\n",
	  "bad.rc:1: the line is not valid UTF-8" },
	{ "UTF-8 surrogate", "feed http://e.org/ \"a\xed\xa0\x80\"\n",
	  "bad.rc:1: the line is not valid UTF-8" },
	{ "a word cut inside a character",
	  "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\xe6\xb8\xaf\n",
	  "bad.rc:1: unknown directive "
	  "\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"" },
	{ "C1 control character", "feed http://e.org/ \"a\xc2\x9b" "31mb\"\n",
	  "bad.rc:1: a control character in the line" },
	{ "query without title", "query unread\n",
	  "bad.rc:1: query: expected a quoted title (query \"TITLE\" EXPRESSION)" },
	{ "query empty title", "query \"\" unread\n", "bad.rc:1: query: empty title" },
	{ "query title unterminated", "query \"Fresh unread\n",
	  "bad.rc:1: query: unterminated quote" },
	{ "query without expression", "query \"Fresh\"\n",
	  "bad.rc:1: query: column 14: expected a condition at the end" },
	{ "query duplicate title", "query \"A\" unread\nquery \"A\" read\n",
	  "bad.rc:2: query: \"A\" is already a query on line 1" },
	{ "query unknown condition", "query \"A\" unread and starred\n",
	  "bad.rc:1: query: column 22: unknown condition (unread, read, tag:, "
	  "source:, feed:, title~, text~, age<, age>)" },
	{ "query bad age", "query \"A\" age<2y\n",
	  "bad.rc:1: query: column 15: bad duration (write a number with s, m, h, d or w)" },
	{ "query unbalanced", "query \"A\" (unread or tag:x\n",
	  "bad.rc:1: query: column 11: unbalanced parenthesis" },
	{ "query missing and", "query \"A\" unread tag:x\n",
	  "bad.rc:1: query: column 18: expected and, or, or the end" },
	{ "query quoted expression is checked too", "query \"A\" \"tag:\"\n",
	  "bad.rc:1: query: column 16: expected a value after tag:" },
	{ "ignore empty", "ignore\n",
	  "bad.rc:1: ignore: column 7: expected a condition at the end" },
	{ "ignore unterminated value", "ignore title~\"ads\n",
	  "bad.rc:1: ignore: column 14: unterminated quote" },
	{ "ignore dangling or", "ignore title~ads or\n",
	  "bad.rc:1: ignore: column 20: expected a condition at the end" },
	{ "ignore not alone", "  ignore not\n",
	  "bad.rc:1: ignore: column 13: expected a condition at the end" },
	{ "exec listed twice", "exec \"a b\"\nexec \"a b\" \"Again\"\n",
	  "bad.rc:2: exec: this command is already listed on line 1" },
	{ "filter without URL", "filter \"x\"\n",
	  "bad.rc:1: filter: missing argument (filter \"COMMAND\" URL [\"TITLE\"] [TAG...])" },
	{ "sort unknown order", "sort popularity\n",
	  "bad.rc:1: sort: unknown order \"popularity\" (page, date, feed, title or outlets)" },
	{ "sort bad second word", "sort date backwards\n",
	  "bad.rc:1: sort: expected reverse, not \"backwards\"" },
	{ "sort missing order", "sort\n",
	  "bad.rc:1: sort: missing argument (sort page|date|feed|title|outlets [reverse])" },
	{ "color missing args", "color title red\n",
	  "bad.rc:1: color: missing argument (color ELEMENT FG BG [ATTR...])" },
};

static void
test_bad(void **state)
{
	const struct bad_case *tc = *state;
	struct config cfg;
	struct nf_error err;
	char want[512];

	snprintf(want, sizeof(want), "%s/%s", tmpdir, tc->msg);
	assert_int_equal(load_text("bad.rc", tc->text, &cfg, &err), NF_ERR_CONFIG);
	assert_int_equal(err.code, NF_ERR_CONFIG);
	assert_string_equal(err.msg, want);
	config_free(&cfg);
}

/* A NUL byte and an overlong line: written byte for byte. */
static void
test_line_limits(void **state)
{
	struct config cfg;
	struct nf_error err;
	char path[128], want[256];
	static const char nul[] = "timeout 3\0s\n";
	char *longline;
	FILE *f;

	(void)state;
	snprintf(path, sizeof(path), "%s/limits.rc", tmpdir);
	f = fopen(path, "w");
	assert_non_null(f);
	fwrite(nul, 1, sizeof(nul) - 1, f);
	fclose(f);
	assert_int_equal(config_init(&cfg, &err), NF_OK);
	assert_int_equal(config_read_file(path, NULL, &cfg, &err), NF_ERR_CONFIG);
	snprintf(want, sizeof(want), "%s:1: a NUL byte in the line", path);
	assert_string_equal(err.msg, want);
	config_free(&cfg);

	longline = malloc(CONFIG_LINE_MAX + 100);
	assert_non_null(longline);
	memcpy(longline, "# ok\n#", 6);
	memset(longline + 6, 'x', CONFIG_LINE_MAX + 80);
	longline[CONFIG_LINE_MAX + 86] = 0;
	write_file(path, longline);
	free(longline);
	assert_int_equal(config_init(&cfg, &err), NF_OK);
	assert_int_equal(config_read_file(path, NULL, &cfg, &err), NF_ERR_CONFIG);
	snprintf(want, sizeof(want), "%s:2: line longer than 8192 bytes", path);
	assert_string_equal(err.msg, want);
	config_free(&cfg);
}

/* The fixture dotfile, as a reader would keep it. */
static void
test_fixture_file(void **state)
{
	struct config cfg;
	struct nf_error err;

	(void)state;
	assert_int_equal(config_init(&cfg, &err), NF_OK);
	if (config_read_file(SRCDIR "/tests/fixtures/config/full.rc", NULL, &cfg,
	                     &err) != NF_OK) {
		fail_msg("%s", err.msg);
	}
	assert_int_equal(cfg.nfeeds, 4);
	assert_string_equal(cfg.feeds[1].title, "東京湾岸新報");
	assert_int_equal(cfg.feeds[1].ntags, 1);
	assert_string_equal(cfg.feeds[2].url, "https://valley-courier.example/feed.atom#main");
	assert_string_equal(cfg.feeds[3].title, "Local \"mirror\"");
	assert_int_equal(cfg.reload_interval, 3600);
	assert_int_equal(cfg.timeout, 60);
	assert_int_equal(cfg.max_size, 8L << 20);
	assert_string_equal(cfg.browser, "w3m %u");
	assert_int_equal(config_action_for_key(&cfg, 'J'), CONFIG_ACTION_NEXT_UNREAD);
	assert_int_equal(config_action_for_key(&cfg, 'R' & 0x1f), CONFIG_ACTION_RELOAD_ALL);
	assert_int_equal(config_action_for_key(&cfg, CONFIG_KEY_F(1)), CONFIG_ACTION_HELP);
	assert_int_equal(cfg.colors[CONFIG_ELEMENT_SIMILAR_COUNT].fg, 244);
	assert_int_equal(cfg.colors[CONFIG_ELEMENT_TITLE].bg, 4);
	config_free(&cfg);
}

/* ---- a large dotfile ---- */

/* Writes a dotfile of n feed lines, each followed every tenth line by a
 * bind of a key of its own, and a repeat of the first feed at the end
 * when dup is set. */
static void
write_large(const char *path, int n, int dup)
{
	FILE *f = fopen(path, "w");
	int i;

	assert_non_null(f);
	for (i = 0; i < n; i++) {
		fprintf(f, "feed https://site%d.example/feed/%d.xml \"Feed %d\" news\n",
		        i, i, i);
		if (i % 10 == 0) {
			/* A CJK character as the key: one code point each. */
			fprintf(f, "bind \xe4%c%c down\n", 0x80 + (i / 640) % 64,
			        0x80 + (i / 10) % 64);
		}
	}
	if (dup) {
		fprintf(f, "feed https://site0.example/feed/0.xml\n");
	}
	fclose(f);
}

/* Process CPU time of reading path, best of three runs: the machine's
 * load moves wall time, not the CPU this process spends. */
static double
read_cpu_seconds(const char *path, size_t want)
{
	struct config cfg;
	struct nf_error err;
	struct timespec a, b;
	double best = 1e9, t;
	int run;

	for (run = 0; run < 3; run++) {
		assert_int_equal(config_init(&cfg, &err), NF_OK);
		clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &a);
		if (config_read_file(path, NULL, &cfg, &err) != NF_OK) {
			fail_msg("%s", err.msg);
		}
		clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &b);
		assert_int_equal(cfg.nfeeds, want);
		config_free(&cfg);
		t = (double)(b.tv_sec - a.tv_sec) + (double)(b.tv_nsec - a.tv_nsec) / 1e9;
		best = t < best ? t : best;
	}
	return best;
}

/* Reading grows with the dotfile, not with its square: ten times the
 * lines costs well under twenty times the time (a quadratic duplicate
 * check costs a hundred times). The repeat is still found. */
static void
test_large_dotfile(void **state)
{
	char small[PATH_MAX], large[PATH_MAX], want[PATH_MAX + 128];
	struct config cfg;
	struct nf_error err;
	double t5, t50;

	(void)state;
	snprintf(small, sizeof(small), "%s/5k.rc", tmpdir);
	snprintf(large, sizeof(large), "%s/50k.rc", tmpdir);
	write_large(small, 5000, 0);
	write_large(large, 50000, 0);
	t5 = read_cpu_seconds(small, 5000);
	t50 = read_cpu_seconds(large, 50000);
	print_message("5,000 feeds: %.3f s; 50,000 feeds: %.3f s\n", t5, t50);
	if (t50 > 20 * t5 + 0.05) {
		fail_msg("50,000 lines took %.3f s, %.0f times 5,000 lines (%.3f s)",
		         t50, t50 / t5, t5);
	}
	write_large(large, 50000, 1);
	assert_int_equal(config_init(&cfg, &err), NF_OK);
	assert_int_equal(config_read_file(large, NULL, &cfg, &err), NF_ERR_CONFIG);
	snprintf(want, sizeof(want), "%s:55001: feed: https://site0.example/feed/0.xml "
	         "is already listed on line 1", large);
	assert_string_equal(err.msg, want);
	config_free(&cfg);
}

/* ---- search order ---- */

enum {
	HAS_CLI = 1, HAS_ENV = 2, HAS_XDG = 4, HAS_HOMECONF = 8, HAS_RC = 16,
	SET_ENV = 32, SET_XDG = 64, USE_CLI = 128
};

struct search_case {
	const char *name;
	int flags;
	const char *found;	/* relative to the case folder; NULL = demo */
	int fails;		/* config_load reports a missing named file */
};

static const struct search_case search_cases[] = {
	{ "-c wins over everything", 0xff, "cli.rc", 0 },
	{ "NEWSFOLD_CONFIG over XDG", 0x7f, "env.rc", 0 },
	{ "XDG_CONFIG_HOME over ~/.newsfoldrc",
	  HAS_XDG | HAS_HOMECONF | HAS_RC | SET_XDG, "xdg/newsfold/config", 0 },
	{ "XDG set without file: ~/.newsfoldrc, not ~/.config",
	  HAS_HOMECONF | HAS_RC | SET_XDG, "home/.newsfoldrc", 0 },
	{ "XDG unset: ~/.config/newsfold/config",
	  HAS_XDG | HAS_HOMECONF | HAS_RC, "home/.config/newsfold/config", 0 },
	{ "only ~/.newsfoldrc", HAS_RC, "home/.newsfoldrc", 0 },
	{ "nothing: the demo feeds", SET_XDG, NULL, 0 },
	{ "-c names a missing file", HAS_RC | USE_CLI, "cli.rc", 1 },
	{ "NEWSFOLD_CONFIG names a missing file", HAS_RC | SET_ENV, "env.rc", 1 },
};

static void
make_dirs(const char *base, const char *rel)
{
	char path[PATH_MAX], *p;

	mkdir(base, 0700);
	snprintf(path, sizeof(path), "%s/%s", base, rel);
	for (p = path + strlen(base) + 1; *p != 0; p++) {
		if (*p == '/') {
			*p = 0;
			mkdir(path, 0700);
			*p = '/';
		}
	}
	mkdir(path, 0700);
}

static void
put_rc(const char *base, int flags, int bit, const char *rel)
{
	char path[PATH_MAX], text[PATH_MAX + 32];

	if (flags & bit) {
		snprintf(path, sizeof(path), "%s/%s", base, rel);
		snprintf(text, sizeof(text), "feed http://e.org/%s\n", rel);
		write_file(path, text);
	}
}

static void
set_search_env(const char *base, int flags)
{
	char path[PATH_MAX];

	snprintf(path, sizeof(path), "%s/home", base);
	setenv("HOME", path, 1);
	snprintf(path, sizeof(path), "%s/env.rc", base);
	if (flags & SET_ENV) {
		setenv("NEWSFOLD_CONFIG", path, 1);
	} else {
		unsetenv("NEWSFOLD_CONFIG");
	}
	snprintf(path, sizeof(path), "%s/xdg", base);
	if (flags & SET_XDG) {
		setenv("XDG_CONFIG_HOME", path, 1);
	} else {
		unsetenv("XDG_CONFIG_HOME");
	}
}

static void
test_search(void **state)
{
	const struct search_case *tc = *state;
	char base[128], cli[256], want[512];
	struct config cfg;
	struct nf_error err;
	char *found;
	enum nf_status st;

	snprintf(base, sizeof(base), "%s/search-%d", tmpdir,
	         (int)(tc - search_cases));
	make_dirs(base, "home/.config/newsfold");
	make_dirs(base, "xdg/newsfold");
	put_rc(base, tc->flags, HAS_CLI, "cli.rc");
	put_rc(base, tc->flags, HAS_ENV, "env.rc");
	put_rc(base, tc->flags, HAS_XDG, "xdg/newsfold/config");
	put_rc(base, tc->flags, HAS_HOMECONF, "home/.config/newsfold/config");
	put_rc(base, tc->flags, HAS_RC, "home/.newsfoldrc");
	set_search_env(base, tc->flags);
	snprintf(cli, sizeof(cli), "%s/cli.rc", base);

	found = config_path_found(tc->flags & USE_CLI ? cli : NULL);
	st = config_load(tc->flags & USE_CLI ? cli : NULL, &cfg, &err);
	if (tc->fails) {
		assert_null(found);
		snprintf(want, sizeof(want), "%s/%s: No such file or directory",
		         base, tc->found);
		assert_int_equal(st, NF_ERR_CONFIG);
		assert_string_equal(err.msg, want);
	} else if (tc->found == NULL) {
		assert_null(found);
		assert_int_equal(st, NF_OK);
		assert_true(cfg.is_demo);
	} else {
		snprintf(want, sizeof(want), "%s/%s", base, tc->found);
		assert_non_null(found);
		assert_string_equal(found, want);
		assert_int_equal(st, NF_OK);
		assert_false(cfg.is_demo);
		assert_string_equal(cfg.path, want);
		snprintf(want, sizeof(want), "http://e.org/%s", tc->found);
		assert_int_equal(cfg.nfeeds, 1);
		assert_string_equal(cfg.feeds[0].url, want);
	}
	free(found);
	config_free(&cfg);
}

/* ---- dotfiles that are not plain files ---- */

enum odd_kind { ODD_DANGLING, ODD_LOOP, ODD_FIFO, ODD_FOLDER, ODD_GOOD_LINK };

struct odd_case {
	const char *name;
	const char *where;	/* relative to the case folder */
	enum odd_kind kind;
	int flags;		/* of search_case: other files, environment */
	const char *reason;	/* after "PATH: "; NULL = reads fine */
};

static const struct odd_case odd_cases[] = {
	{ "dangling symlink at XDG: an error, not ~/.newsfoldrc",
	  "xdg/newsfold/config", ODD_DANGLING, HAS_RC | SET_XDG,
	  "broken symbolic link: No such file or directory" },
	{ "dangling ~/.config symlink: an error, not the demo",
	  "home/.config/newsfold/config", ODD_DANGLING, 0,
	  "broken symbolic link: No such file or directory" },
	{ "looping ~/.newsfoldrc: an error, not the demo", "home/.newsfoldrc",
	  ODD_LOOP, 0, "broken symbolic link: Too many levels of symbolic links" },
	{ "dangling -c symlink", "cli.rc", ODD_DANGLING, USE_CLI,
	  "broken symbolic link: No such file or directory" },
	{ "FIFO as -c: refused, never read", "cli.rc", ODD_FIFO, USE_CLI,
	  "not a regular file" },
	{ "FIFO as ~/.newsfoldrc: refused, never read", "home/.newsfoldrc",
	  ODD_FIFO, 0, "not a regular file" },
	{ "folder as ~/.newsfoldrc", "home/.newsfoldrc", ODD_FOLDER, 0,
	  "not a regular file" },
	{ "symlink to a dotfile is read", "home/.newsfoldrc", ODD_GOOD_LINK, 0,
	  NULL },
};

static void
make_odd(const char *path, enum odd_kind kind, const char *base)
{
	char target[PATH_MAX];

	switch (kind) {
	case ODD_DANGLING:
		assert_int_equal(symlink("no-such-dotfile", path), 0);
		break;
	case ODD_LOOP:
		assert_int_equal(symlink(path, path), 0);
		break;
	case ODD_FIFO:
		assert_int_equal(mkfifo(path, 0600), 0);
		break;
	case ODD_FOLDER:
		assert_int_equal(mkdir(path, 0700), 0);
		break;
	case ODD_GOOD_LINK:
		snprintf(target, sizeof(target), "%s/real.rc", base);
		write_file(target, "feed http://e.org/real.rc\n");
		assert_int_equal(symlink(target, path), 0);
		break;
	}
}

static void
test_odd(void **state)
{
	const struct odd_case *tc = *state;
	char base[128], path[512], want[768];
	struct config cfg;
	struct nf_error err;
	enum nf_status st;

	/* A dotfile read that blocks fails the case instead of hanging. */
	alarm(20);
	snprintf(base, sizeof(base), "%s/odd-%d", tmpdir, (int)(tc - odd_cases));
	make_dirs(base, "home/.config/newsfold");
	make_dirs(base, "xdg/newsfold");
	put_rc(base, tc->flags, HAS_RC, "home/.newsfoldrc");
	set_search_env(base, tc->flags);
	snprintf(path, sizeof(path), "%s/%s", base, tc->where);
	make_odd(path, tc->kind, base);

	st = config_load(tc->flags & USE_CLI ? path : NULL, &cfg, &err);
	if (tc->reason == NULL) {
		assert_int_equal(st, NF_OK);
		assert_false(cfg.is_demo);
		assert_int_equal(cfg.nfeeds, 1);
		assert_string_equal(cfg.feeds[0].url, "http://e.org/real.rc");
	} else {
		snprintf(want, sizeof(want), "%s: %s", path, tc->reason);
		assert_int_equal(st, NF_ERR_CONFIG);
		assert_string_equal(err.msg, want);
		assert_false(cfg.is_demo);
	}
	config_free(&cfg);
	alarm(0);
}

static void
test_path_default(void **state)
{
	char *p;

	(void)state;
	setenv("HOME", "/home/someone", 1);
	setenv("XDG_CONFIG_HOME", "/cfg", 1);
	p = config_path_default();
	assert_string_equal(p, "/cfg/newsfold/config");
	free(p);
	/* A relative XDG_CONFIG_HOME is invalid by the XDG spec: ignored. */
	setenv("XDG_CONFIG_HOME", "rel", 1);
	p = config_path_default();
	assert_string_equal(p, "/home/someone/.config/newsfold/config");
	free(p);
	unsetenv("XDG_CONFIG_HOME");
	p = config_path_default();
	assert_string_equal(p, "/home/someone/.config/newsfold/config");
	free(p);
}

/* The demo feed list: five feeds read through file://, each file there. */
static void
test_demo(void **state)
{
	struct config cfg;
	struct nf_error err;
	struct stat st;
	char home[128], demo[PATH_MAX], prefix[PATH_MAX + 16];
	size_t i;
	int japanese = 0;

	(void)state;
	snprintf(home, sizeof(home), "%s/emptyhome", tmpdir);
	mkdir(home, 0700);
	setenv("HOME", home, 1);
	unsetenv("XDG_CONFIG_HOME");
	unsetenv("NEWSFOLD_CONFIG");
	if (config_load(NULL, &cfg, &err) != NF_OK) {
		fail_msg("%s", err.msg);
	}
	assert_true(cfg.is_demo);
	assert_string_equal(cfg.path, SRCDIR "/feeds/demo/feeds");
	assert_true(cfg.nfeeds >= 5);
	/* Feed URLs are normalised, and SRCDIR may hold "..": compare
	 * against the real path of the demo folder. */
	assert_non_null(realpath(SRCDIR "/feeds/demo", demo));
	snprintf(prefix, sizeof(prefix), "file://%s/", demo);
	for (i = 0; i < cfg.nfeeds; i++) {
		assert_non_null(cfg.feeds[i].title);
		assert_memory_equal(cfg.feeds[i].url, prefix, strlen(prefix));
		if (strchr(cfg.feeds[i].url, '%') == NULL) {
			assert_int_equal(stat(cfg.feeds[i].url + 7, &st), 0);
		}
		japanese += strstr(cfg.feeds[i].title, "新報") != NULL;
	}
	assert_int_equal(japanese, 1);
	config_free(&cfg);
}

/* ---- the example file and the man page follow the tables ---- */

static char *
read_all(const char *path)
{
	FILE *f = fopen(path, "r");
	char *text;
	long n;

	assert_non_null(f);
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	text = malloc((size_t)n + 1);
	assert_non_null(text);
	assert_int_equal(fread(text, 1, (size_t)n, f), (size_t)n);
	text[n] = 0;
	fclose(f);
	return text;
}

/* Whether word appears in text as a whole word (next to blanks or
 * punctuation other than '-'). */
static int
has_word(const char *text, const char *word)
{
	const char *p = text;
	size_t n = strlen(word);

	while ((p = strstr(p, word)) != NULL) {
		char before = p == text ? ' ' : p[-1];
		char after = p[n];

		if (before != '-' && after != '-' &&
		    !(before >= 'a' && before <= 'z') &&
		    !(after >= 'a' && after <= 'z')) {
			return 1;
		}
		p += n;
	}
	return 0;
}

static const char *const all_directives[] = {
	"feed", "bind", "color", "query", "ignore", "sort", "exec", "filter",
#define X(field, name, type, def, min, max, help) name,
#include "config/options.def"
#undef X
};

static void
check_mentions(const char *what, const char *text)
{
	size_t i;
	int a, e;

	for (i = 0; i < sizeof(all_directives) / sizeof(all_directives[0]); i++) {
		if (!has_word(text, all_directives[i])) {
			fail_msg("%s does not mention directive %s", what, all_directives[i]);
		}
	}
	for (a = 1; a < CONFIG_ACTION_COUNT; a++) {
		if (!has_word(text, config_action_name(a))) {
			fail_msg("%s does not mention action %s", what, config_action_name(a));
		}
	}
	for (e = 0; e < CONFIG_ELEMENT_COUNT; e++) {
		if (!has_word(text, config_element_name(e))) {
			fail_msg("%s does not mention element %s", what, config_element_name(e));
		}
	}
}

/* The example parses, mentions everything, and its bind and color lines
 * are exactly the built-in defaults. */
static void
test_example(void **state)
{
	struct config ex, def;
	struct nf_error err;
	char *text = read_all(SRCDIR "/config/newsfoldrc.example");
	size_t i;

	(void)state;
	check_mentions("newsfoldrc.example", text);
	free(text);
	assert_int_equal(config_init(&def, &err), NF_OK);
	assert_int_equal(config_init(&ex, &err), NF_OK);
	ex.nbindings = 0;	/* the example must bind every default key itself */
	if (config_read_file(SRCDIR "/config/newsfoldrc.example", NULL, &ex,
	                     &err) != NF_OK) {
		fail_msg("%s", err.msg);
	}
	assert_int_equal(ex.nbindings, def.nbindings);
	for (i = 0; i < def.nbindings; i++) {
		assert_int_equal(config_action_for_key(&ex, def.bindings[i].key),
		                 def.bindings[i].action);
	}
	assert_memory_equal(ex.colors, def.colors, sizeof(def.colors));
	assert_int_equal(ex.max_size, def.max_size);
	assert_int_equal(ex.timeout, def.timeout);
	config_free(&ex);
	config_free(&def);
}

static void
test_man_page(void **state)
{
	char *text = read_all(SRCDIR "/man/newsfoldrc.5");
	char *s, *d;

	(void)state;
	/* roff writes a hyphen as \- */
	for (s = d = text; *s != 0; s++) {
		if (s[0] == '\\' && s[1] == '-') {
			continue;
		}
		*d++ = *s;
	}
	*d = 0;
	check_mentions("newsfoldrc.5", text);
	free(text);
}

/* ---- browser command and key names ---- */

struct argv_case {
	const char *name;
	const char *command;
	const char *want;	/* argv joined with '|' */
};

static const struct argv_case argv_cases[] = {
	{ "%u replaced", "firefox %u", "firefox|https://e.org/a?b=1&c" },
	{ "url appended", "xdg-open", "xdg-open|https://e.org/a?b=1&c" },
	{ "quoted words, %u inside a word, %%",
	  "\"my browser\" --url=%u --pct=%%", "my browser|--url=https://e.org/a?b=1&c|--pct=%" },
	{ "%u twice, # is not a comment", "open #1 %u %u",
	  "open|#1|https://e.org/a?b=1&c|https://e.org/a?b=1&c" },
};

/* The command quoted in an error is cut at 60 bytes, never inside a
 * character. */
static void
test_argv_cut(void **state)
{
	struct nf_error err;
	char **argv = NULL;

	(void)state;
	assert_int_equal(config_browser_argv("\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
	                                     "xxxxxxxxxxxxxxxxxxxxxxxxxxx\xe6\xb8\xaf",
	                                     "https://e.org/", &argv, &err),
	                 NF_ERR_CONFIG);
	assert_null(argv);
	assert_true(utf8_is_valid(err.msg, strlen(err.msg)));
	assert_non_null(strstr(err.msg, "xxx\""));
}

static void
test_argv(void **state)
{
	const struct argv_case *tc = *state;
	struct nf_error err;
	char **argv, joined[512] = "";
	size_t i;

	assert_int_equal(config_browser_argv(tc->command, "https://e.org/a?b=1&c",
	                                     &argv, &err), NF_OK);
	for (i = 0; argv[i] != NULL; i++) {
		snprintf(joined + strlen(joined), sizeof(joined) - strlen(joined),
		         "%s%s", i > 0 ? "|" : "", argv[i]);
	}
	assert_string_equal(joined, tc->want);
	config_argv_free(argv);
}

/* bookmark-cmd's argv: %u and %t, each value one argument whatever it
 * holds (blanks, quotes, a leading dash, shell syntax). */
static const struct argv_case command_cases[] = {
	{ "%u and %t", "bm %u %t",
	  "bm|https://e.org/a?b=1&c|Ferry \"line\" $(rm -rf ~); approved" },
	{ "both appended when neither is written", "bm --add",
	  "bm|--add|https://e.org/a?b=1&c|Ferry \"line\" $(rm -rf ~); approved" },
	{ "inside words, %% and an unknown %x kept", "bm --url=%u --t=%t %% %x",
	  "bm|--url=https://e.org/a?b=1&c|--t=Ferry \"line\" $(rm -rf ~); approved|%|%x" },
	{ "one key alone", "bm %t", "bm|Ferry \"line\" $(rm -rf ~); approved" },
};

static void
test_command_argv(void **state)
{
	const struct argv_case *tc = *state;
	const struct config_subst subst[] = {
		{ 'u', "https://e.org/a?b=1&c" },
		{ 't', "Ferry \"line\" $(rm -rf ~); approved" },
	};
	struct nf_error err;
	char **argv, joined[512] = "";
	size_t i;

	assert_int_equal(config_command_argv(tc->command, subst, 2, &argv, &err),
	                 NF_OK);
	for (i = 0; argv[i] != NULL; i++) {
		snprintf(joined + strlen(joined), sizeof(joined) - strlen(joined),
		         "%s%s", i > 0 ? "|" : "", argv[i]);
	}
	assert_string_equal(joined, tc->want);
	config_argv_free(argv);
}

static void
test_key_names(void **state)
{
	static const struct { const char *in, *canon; int key; } keys[] = {
		{ "j", "j", 'j' }, { "G", "G", 'G' }, { "space", "space", ' ' },
		{ "Tab", "tab", '\t' }, { "enter", "enter", CONFIG_KEY_ENTER },
		{ "Return", "enter", CONFIG_KEY_ENTER }, { "esc", "esc", 27 },
		{ "^x", "^X", 24 }, { "^[", "esc", 27 }, { "F12", "F12", CONFIG_KEY_F(12) },
		{ "pgdn", "pgdn", CONFIG_KEY_PGDN }, { "PageUp", "pgup", CONFIG_KEY_PGUP },
		{ "é", "é", 0xe9 }, { "続", "続", 0x7d9a }, { "😀", "😀", 0x1f600 },
		{ "F13", NULL, -1 }, { "jk", NULL, -1 }, { "\xff", NULL, -1 },
		{ "^", "^", '^' }, { "ctrl", NULL, -1 },
	};
	char name[16];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
		int key = config_key_parse(keys[i].in);

		if (key != keys[i].key) {
			fail_msg("key \"%s\": %d, want %d", keys[i].in, key, keys[i].key);
		}
		if (key >= 0) {
			config_key_name(key, name, sizeof(name));
			assert_string_equal(name, keys[i].canon);
			assert_int_equal(config_key_parse(name), key);
		}
	}
}

/* ---- running the tables ---- */

static int
group_setup(void **state)
{
	(void)state;
	return testdir_make(tmpdir, sizeof(tmpdir), "nf-config");
}

static int
group_teardown(void **state)
{
	(void)state;
	return testdir_remove(tmpdir);
}

#define NCASES(a) (sizeof(a) / sizeof((a)[0]))

int
main(void)
{
	static const struct CMUnitTest fixed[] = {
		cmocka_unit_test(test_line_limits),
		cmocka_unit_test(test_fixture_file),
		cmocka_unit_test(test_path_default),
		cmocka_unit_test(test_demo),
		cmocka_unit_test(test_example),
		cmocka_unit_test(test_man_page),
		cmocka_unit_test(test_key_names),
		cmocka_unit_test(test_argv_cut),
		cmocka_unit_test(test_large_dotfile),
	};
	struct CMUnitTest tests[NCASES(fixed) + NCASES(good_cases) +
	                        NCASES(bad_cases) + NCASES(search_cases) +
	                        NCASES(odd_cases) + NCASES(argv_cases) +
	                        NCASES(command_cases)];
	size_t i, n = 0;

	for (i = 0; i < NCASES(good_cases); i++) {
		tests[n++] = (struct CMUnitTest){ .name = good_cases[i].name,
			.test_func = test_good, .initial_state = (void *)&good_cases[i] };
	}
	for (i = 0; i < NCASES(bad_cases); i++) {
		tests[n++] = (struct CMUnitTest){ .name = bad_cases[i].name,
			.test_func = test_bad, .initial_state = (void *)&bad_cases[i] };
	}
	for (i = 0; i < NCASES(search_cases); i++) {
		tests[n++] = (struct CMUnitTest){ .name = search_cases[i].name,
			.test_func = test_search, .initial_state = (void *)&search_cases[i] };
	}
	for (i = 0; i < NCASES(odd_cases); i++) {
		tests[n++] = (struct CMUnitTest){ .name = odd_cases[i].name,
			.test_func = test_odd, .initial_state = (void *)&odd_cases[i] };
	}
	for (i = 0; i < NCASES(argv_cases); i++) {
		tests[n++] = (struct CMUnitTest){ .name = argv_cases[i].name,
			.test_func = test_argv, .initial_state = (void *)&argv_cases[i] };
	}
	for (i = 0; i < NCASES(command_cases); i++) {
		tests[n++] = (struct CMUnitTest){ .name = command_cases[i].name,
			.test_func = test_command_argv,
			.initial_state = (void *)&command_cases[i] };
	}
	for (i = 0; i < NCASES(fixed); i++) {
		tests[n++] = fixed[i];
	}
	return _cmocka_run_group_tests("config", tests, n, group_setup,
	                               group_teardown);
}
