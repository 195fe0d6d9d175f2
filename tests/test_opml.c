/*
 * OPML: nested outlines become tags, entities are not expanded, import
 * keeps the dotfile's bytes and skips feeds already there, the write is
 * atomic, and an export re-imports to the same list.
 */
#include "autoconfig.h"

#include <dirent.h>
#include <fcntl.h>
#include <ftw.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "tests/testdir.h"
#include <libxml/parser.h>

#include "config/config.h"
#include "feeds/opml.h"
#include "feeds/opml_cli.h"

#define FIXTURES SRCDIR "/tests/fixtures/"

static char tmpdir[64];

static void
write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	assert_non_null(f);
	fputs(text, f);
	assert_int_equal(fclose(f), 0);
}

static char *
read_all(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *text;
	long n;

	if (f == NULL) {
		return NULL;
	}
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

/* "url|title|tag,tag" for comparing feeds in one string. */
static void
describe(const struct config_feed *f, char *out, size_t size)
{
	size_t i;

	snprintf(out, size, "%s|%s|", f->url, f->title != NULL ? f->title : "(none)");
	for (i = 0; i < f->ntags; i++) {
		snprintf(out + strlen(out), size - strlen(out), "%s%s",
		         i > 0 ? "," : "", f->tags[i]);
	}
}

static void
test_nested_tags(void **state)
{
	static const char *const want[] = {
		"https://loose.example/feed.xml|Top Level & Loose|",
		"https://harbour-gazette.example/rss?a=1&b=2|The Harbour \"Gazette\"|News,World",
		"https://valley-courier.example/feed.atom|Valley Courier (evening)|News,World",
		"https://tokyo-wangan.example/rss|東京湾岸新報|News",
		"http://gadgets.example/atom|No Title Here|Tech-Stuff",
		"https://loose.example/feed.xml|Again|Tech-Stuff",
	};
	struct opml_list list;
	struct nf_error err;
	char got[512];
	size_t i;

	(void)state;
	if (opml_read_file(FIXTURES "opml/nested.opml", &list, &err) != NF_OK) {
		fail_msg("%s", err.msg);
	}
	assert_int_equal(list.nfeeds, sizeof(want) / sizeof(want[0]));
	assert_int_equal(list.nskipped, 2);	/* file:// and gopher:// */
	for (i = 0; i < list.nfeeds; i++) {
		describe(&list.feeds[i], got, sizeof(got));
		assert_string_equal(got, want[i]);
	}
	opml_list_free(&list);
}

/* An external entity is never read (nothing local, nothing fetched);
 * an internal one is. */
static void
test_entities(void **state)
{
	struct opml_list list;
	struct nf_error err;

	(void)state;
	assert_int_equal(opml_read_file(FIXTURES "opml/entity.opml", &list, &err), NF_OK);
	assert_int_equal(list.nfeeds, 2);
	assert_string_equal(list.feeds[0].title, "expanded & plain");
	assert_string_equal(list.feeds[0].url, "https://entities.example/feed?a=1&b=2");
	assert_null(list.feeds[1].title);
	opml_list_free(&list);
}

struct bad_case {
	const char *name;
	const char *data;
	enum nf_status want;
};

static const struct bad_case bad_cases[] = {
	{ "an RSS feed is not OPML", NULL, NF_ERR_PARSE },
	{ "not XML", "this is { not xml", NF_ERR_PARSE },
	{ "empty", "", NF_ERR_PARSE },
	{ "empty body", "<opml version=\"2.0\"><body/></opml>", NF_OK },
};

static void
test_bad(void **state)
{
	const struct bad_case *tc = *state;
	struct opml_list list;
	struct nf_error err;
	enum nf_status st;

	if (tc->data == NULL) {
		st = opml_read_file(FIXTURES "opml/not-opml.xml", &list, &err);
	} else {
		st = opml_parse(tc->data, strlen(tc->data), &list, &err);
	}
	assert_int_equal(st, tc->want);
	assert_int_equal(list.nfeeds, 0);
	opml_list_free(&list);
}

/* Titles and folder names from a hostile list pass the text gate: they
 * are shown on the Feeds screen and written into the dotfile. */
struct title_case {
	const char *name;
	const char *data;
	const char *title;
	const char *tag;
};

static const struct title_case title_cases[] = {
	{ "invalid UTF-8 in a title becomes U+FFFD",
	  "<opml><body><outline text=\"T\xff\"><outline text=\"a \x95\xff b\""
	  " xmlUrl=\"https://x.example/f\"/></outline></body></opml>",
	  "a \xef\xbf\xbd\xef\xbf\xbd b", "T\xef\xbf\xbd" },
	{ "C1 controls and their sequences are dropped",
	  "<opml><body><outline text=\"Ne&#x9b;2Jws\"><outline text=\"x&#x9b;31my\""
	  " xmlUrl=\"https://x.example/f\"/></outline></body></opml>",
	  "xy", "News" },
	{ "bidi overrides are dropped",
	  "<opml><body><outline text=\"#&#x202e;Tag &#x2066;one\"><outline"
	  " text=\"&#x202e;evil&#x202c; title\""
	  " xmlUrl=\"https://x.example/f\"/></outline></body></opml>",
	  "evil title", "Tag-one" },
};

static void
test_title(void **state)
{
	const struct title_case *tc = *state;
	struct opml_list list;
	struct nf_error err;

	assert_int_equal(opml_parse(tc->data, strlen(tc->data), &list, &err), NF_OK);
	assert_int_equal(list.nfeeds, 1);
	assert_string_equal(list.feeds[0].title, tc->title);
	assert_int_equal(list.feeds[0].ntags, 1);
	assert_string_equal(list.feeds[0].tags[0], tc->tag);
	opml_list_free(&list);
}

static void
tmp_path(char *out, size_t size, const char *name)
{
	snprintf(out, size, "%s/%s", tmpdir, name);
}

static const char old_rc[] =
	"# my feeds\n"
	"feed https://loose.example/feed.xml   # keep this comment\n"
	"\n"
	"max-items 100\n"
	"# no newline at the end";

static void
test_import_keeps_comments(void **state)
{
	struct opml_list list;
	struct nf_error err;
	struct config cfg;
	char path[256], *text;
	size_t added;

	(void)state;
	tmp_path(path, sizeof(path), "keep.rc");
	write_file(path, old_rc);
	chmod(path, 0640);
	assert_int_equal(opml_read_file(FIXTURES "opml/nested.opml", &list, &err), NF_OK);
	if (opml_merge_into(path, &list, "nested.opml", &added, &err) != NF_OK) {
		fail_msg("%s", err.msg);
	}
	assert_int_equal(added, 4);
	text = read_all(path);
	assert_memory_equal(text, old_rc, sizeof(old_rc) - 1);
	assert_string_equal(text + sizeof(old_rc) - 1,
		"\n\n# Imported from nested.opml\n"
		"feed https://harbour-gazette.example/rss?a=1&b=2 \"The Harbour \\\"Gazette\\\"\" News World\n"
		"feed https://valley-courier.example/feed.atom \"Valley Courier (evening)\" News World\n"
		"feed https://tokyo-wangan.example/rss \"東京湾岸新報\" News\n"
		"feed http://gadgets.example/atom \"No Title Here\" Tech-Stuff\n");
	free(text);
	assert_int_equal(config_init(&cfg, &err), NF_OK);
	assert_int_equal(config_read_file(path, NULL, &cfg, &err), NF_OK);
	assert_int_equal(cfg.nfeeds, 5);
	assert_int_equal(cfg.max_items, 100);
	assert_int_equal(cfg.feeds[4].line, 11);
	config_free(&cfg);
	{
		struct stat sb;

		assert_int_equal(stat(path, &sb), 0);
		assert_int_equal(sb.st_mode & 0777, 0640);
	}
	/* A second import finds everything there and leaves the file alone. */
	text = read_all(path);
	assert_int_equal(opml_merge_into(path, &list, "nested.opml", &added, &err), NF_OK);
	assert_int_equal(added, 0);
	{
		char *again = read_all(path);

		assert_string_equal(again, text);
		free(again);
	}
	free(text);
	opml_list_free(&list);
}

static void
test_import_creates(void **state)
{
	struct opml_list list;
	struct nf_error err;
	struct stat sb;
	char path[256], *text;
	size_t added;

	(void)state;
	tmp_path(path, sizeof(path), "new/dir/config");
	assert_int_equal(opml_read_file(FIXTURES "opml/nested.opml", &list, &err), NF_OK);
	if (opml_merge_into(path, &list, "nested.opml", &added, &err) != NF_OK) {
		fail_msg("%s", err.msg);
	}
	assert_int_equal(added, 5);
	assert_int_equal(stat(path, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
	text = read_all(path);
	assert_memory_equal(text, "# Imported from nested.opml\nfeed https://loose.example/feed.xml \"Top Level & Loose\"\n", 82);
	free(text);
	opml_list_free(&list);
}

/* The folder holds the dotfile and nothing else: no temporary file was
 * left behind. */
static void
assert_only_file(const char *dir, const char *name)
{
	struct dirent *e;
	DIR *d = opendir(dir);
	int n = 0;

	assert_non_null(d);
	while ((e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0) {
			assert_string_equal(e->d_name, name);
			n++;
		}
	}
	closedir(d);
	assert_int_equal(n, 1);
}

static void
make_dir(char *out, size_t size, const char *name)
{
	tmp_path(out, size, name);
	assert_int_equal(mkdir(out, 0700), 0);
}

/* The write fails half way (a file size limit, which binds root too):
 * the old dotfile is whole and no temporary file is left. */
static void
test_atomic_size_limit(void **state)
{
	struct opml_list list;
	struct nf_error err;
	struct rlimit old, small;
	char dir[256], path[300], *text;
	size_t added;
	enum nf_status st;

	(void)state;
	make_dir(dir, sizeof(dir), "limited");
	snprintf(path, sizeof(path), "%s/config", dir);
	write_file(path, old_rc);
	assert_int_equal(opml_read_file(FIXTURES "opml/nested.opml", &list, &err), NF_OK);
	signal(SIGXFSZ, SIG_IGN);
	assert_int_equal(getrlimit(RLIMIT_FSIZE, &old), 0);
	small = old;
	small.rlim_cur = sizeof(old_rc) + 40;
	assert_int_equal(setrlimit(RLIMIT_FSIZE, &small), 0);
	st = opml_merge_into(path, &list, "nested.opml", &added, &err);
	assert_int_equal(setrlimit(RLIMIT_FSIZE, &old), 0);
	assert_int_equal(st, NF_ERR_IO);
	assert_non_null(strstr(err.msg, "File too large"));
	text = read_all(path);
	assert_string_equal(text, old_rc);
	free(text);
	assert_only_file(dir, "config");
	opml_list_free(&list);
}

/* A folder that cannot be written: the dotfile stays as it was. Root
 * writes anywhere, so this case only runs as a user. */
static void
test_atomic_readonly_dir(void **state)
{
	struct opml_list list;
	struct nf_error err;
	char dir[256], path[300], *text;
	size_t added;
	enum nf_status st;

	(void)state;
	if (geteuid() == 0) {
		skip();
	}
	make_dir(dir, sizeof(dir), "readonly");
	snprintf(path, sizeof(path), "%s/config", dir);
	write_file(path, old_rc);
	chmod(dir, 0500);
	assert_int_equal(opml_read_file(FIXTURES "opml/nested.opml", &list, &err), NF_OK);
	st = opml_merge_into(path, &list, "nested.opml", &added, &err);
	chmod(dir, 0700);
	assert_int_equal(st, NF_ERR_IO);
	text = read_all(path);
	assert_string_equal(text, old_rc);
	free(text);
	assert_only_file(dir, "config");
	opml_list_free(&list);
}

/* A dotfile with an error is not touched: the error is reported. */
static void
test_import_bad_dotfile(void **state)
{
	struct opml_list list;
	struct nf_error err;
	char path[256], want[512], *text;
	size_t added;

	(void)state;
	tmp_path(path, sizeof(path), "broken.rc");
	write_file(path, "feed https://a.example/\ntimeout soon\n");
	assert_int_equal(opml_read_file(FIXTURES "opml/nested.opml", &list, &err), NF_OK);
	assert_int_equal(opml_merge_into(path, &list, "x", &added, &err), NF_ERR_CONFIG);
	snprintf(want, sizeof(want), "%s:2: timeout: bad duration \"soon\" (write 90s, 30m, 1h or 1d)", path);
	assert_string_equal(err.msg, want);
	text = read_all(path);
	assert_string_equal(text, "feed https://a.example/\ntimeout soon\n");
	free(text);
	opml_list_free(&list);
}

/* Export of the fixture dotfile: valid XML, adjacent feeds with the same
 * tags share their folder, and it re-imports to the same feeds (the
 * file:// one is left out by design). */
static void
test_export_round_trip(void **state)
{
	struct config cfg;
	struct opml_list list;
	struct nf_error err;
	struct buf out;
	char a[512], b[512];
	xmlDoc *doc;
	size_t i;

	(void)state;
	assert_int_equal(config_init(&cfg, &err), NF_OK);
	if (config_read_file(FIXTURES "config/full.rc", NULL, &cfg, &err) != NF_OK) {
		fail_msg("%s", err.msg);
	}
	buf_init(&out, 1 << 20);
	assert_int_equal(opml_write(cfg.feeds, cfg.nfeeds, "a & b <c>", &out, &err), NF_OK);
	doc = xmlReadMemory(out.data, (int)out.len, NULL, NULL, XML_PARSE_NONET);
	assert_non_null(doc);
	xmlFreeDoc(doc);
	assert_non_null(strstr(out.data, "<opml version=\"2.0\">"));
	assert_non_null(strstr(out.data, "<title>a &amp; b &lt;c&gt;</title>"));
	assert_int_equal(opml_parse(out.data, out.len, &list, &err), NF_OK);
	assert_int_equal(list.nfeeds, cfg.nfeeds - 1);
	assert_int_equal(list.nskipped, 1);
	for (i = 0; i < list.nfeeds; i++) {
		describe(&cfg.feeds[i], a, sizeof(a));
		describe(&list.feeds[i], b, sizeof(b));
		assert_string_equal(b, a);
	}
	opml_list_free(&list);
	buf_free(&out);
	config_free(&cfg);
}

static void
test_export_shares_folders(void **state)
{
	static const char rc[] =
		"feed https://a.example/ \"A\" news world\n"
		"feed https://b.example/ \"B\" news world\n"
		"feed https://c.example/ \"C\" news\n"
		"feed https://d.example/ \"D\" tech\n"
		"feed https://e.example/ \"E\" news\n";
	struct config cfg;
	struct opml_list list;
	struct nf_error err;
	struct buf out;
	char path[256], got[512];
	const char *p;
	int folders = 0;
	size_t i;

	(void)state;
	tmp_path(path, sizeof(path), "share.rc");
	write_file(path, rc);
	assert_int_equal(config_init(&cfg, &err), NF_OK);
	assert_int_equal(config_read_file(path, NULL, &cfg, &err), NF_OK);
	buf_init(&out, 1 << 20);
	assert_int_equal(opml_write(cfg.feeds, cfg.nfeeds, "t", &out, &err), NF_OK);
	for (p = out.data; (p = strstr(p, "<outline text=\"news\"")) != NULL; p++) {
		folders++;
	}
	assert_int_equal(folders, 2);	/* a-c share one; e, after d, has its own */
	assert_int_equal(opml_parse(out.data, out.len, &list, &err), NF_OK);
	assert_int_equal(list.nfeeds, 5);
	for (i = 0; i < 5; i++) {
		describe(&list.feeds[i], got, sizeof(got));
		describe(&cfg.feeds[i], path, sizeof(path));
		assert_string_equal(got, path);
	}
	opml_list_free(&list);
	buf_free(&out);
	config_free(&cfg);
}

/* The command-line modes, as main.c calls them. */
static void
test_cli(void **state)
{
	char rc[256], outpath[256], *text;
	char *argv[] = { FIXTURES "opml/nested.opml", NULL };
	struct nf_args args = { rc, NULL, 1, argv };
	int saved, fd, status;

	(void)state;
	tmp_path(rc, sizeof(rc), "cli.rc");
	tmp_path(outpath, sizeof(outpath), "cli.out");
	fflush(stdout);
	saved = dup(1);
	fd = open(outpath, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	assert_true(fd >= 0);
	dup2(fd, 1);
	close(fd);
	status = opml_import_main(&args);
	args.nargs = 0;
	status = status * 10 + opml_export_main(&args);
	fflush(stdout);
	dup2(saved, 1);
	close(saved);
	assert_int_equal(status, 0);
	text = read_all(outpath);
	assert_non_null(strstr(text, "5 feeds added to "));
	assert_non_null(strstr(text, "(1 already there, 2 skipped: not http or https)"));
	assert_non_null(strstr(text, "xmlUrl=\"https://harbour-gazette.example/rss?a=1&amp;b=2\""));
	assert_non_null(strstr(text, "title=\"The Harbour &quot;Gazette&quot;\""));
	free(text);
}

/* With no dotfile anywhere, import creates the one the search would
 * find first: $XDG_CONFIG_HOME/newsfold/config, else ~/.config/... */
static void
test_cli_creates_default(void **state)
{
	char home[256], xdg[256], want[320], outpath[256];
	char *argv[] = { FIXTURES "opml/nested.opml", NULL };
	struct nf_args args = { NULL, NULL, 1, argv };
	struct stat sb;
	int saved, fd, status, round;

	(void)state;
	tmp_path(home, sizeof(home), "clihome");
	tmp_path(xdg, sizeof(xdg), "clixdg");
	tmp_path(outpath, sizeof(outpath), "cli2.out");
	mkdir(home, 0700);
	setenv("HOME", home, 1);
	unsetenv("NEWSFOLD_CONFIG");
	for (round = 0; round < 2; round++) {
		if (round == 0) {
			setenv("XDG_CONFIG_HOME", xdg, 1);
			snprintf(want, sizeof(want), "%s/newsfold/config", xdg);
		} else {
			unsetenv("XDG_CONFIG_HOME");
			snprintf(want, sizeof(want), "%s/.config/newsfold/config", home);
		}
		fflush(stdout);
		saved = dup(1);
		fd = open(outpath, O_WRONLY | O_CREAT | O_TRUNC, 0600);
		assert_true(fd >= 0);
		dup2(fd, 1);
		close(fd);
		status = opml_import_main(&args);
		fflush(stdout);
		dup2(saved, 1);
		close(saved);
		assert_int_equal(status, 0);
		assert_int_equal(stat(want, &sb), 0);
		assert_true(S_ISREG(sb.st_mode));
	}
}

static int
group_setup(void **state)
{
	(void)state;
	return testdir_make(tmpdir, sizeof(tmpdir), "nf-opml");
}

static int
group_teardown(void **state)
{
	(void)state;
	xmlCleanupParser();
	return testdir_remove(tmpdir);
}

#define NCASES(a) (sizeof(a) / sizeof((a)[0]))

int
main(void)
{
	static const struct CMUnitTest fixed[] = {
		cmocka_unit_test(test_nested_tags),
		cmocka_unit_test(test_entities),
		cmocka_unit_test(test_import_keeps_comments),
		cmocka_unit_test(test_import_creates),
		cmocka_unit_test(test_atomic_size_limit),
		cmocka_unit_test(test_atomic_readonly_dir),
		cmocka_unit_test(test_import_bad_dotfile),
		cmocka_unit_test(test_export_round_trip),
		cmocka_unit_test(test_export_shares_folders),
		cmocka_unit_test(test_cli),
		cmocka_unit_test(test_cli_creates_default),
	};
	struct CMUnitTest tests[NCASES(fixed) + NCASES(bad_cases) +
	                       NCASES(title_cases)];
	size_t i, n = 0;

	for (i = 0; i < NCASES(fixed); i++) {
		tests[n++] = fixed[i];
	}
	for (i = 0; i < NCASES(bad_cases); i++) {
		tests[n++] = (struct CMUnitTest){ .name = bad_cases[i].name,
			.test_func = test_bad, .initial_state = (void *)&bad_cases[i] };
	}
	for (i = 0; i < NCASES(title_cases); i++) {
		tests[n++] = (struct CMUnitTest){ .name = title_cases[i].name,
			.test_func = test_title, .initial_state = (void *)&title_cases[i] };
	}
	return _cmocka_run_group_tests("opml", tests, n, group_setup,
	                               group_teardown);
}
