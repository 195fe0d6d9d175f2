/*
 * OPML lists and the dotfile: import keeps the dotfile's bytes and skips
 * feeds already there, writes each feed as a line the dotfile parser
 * reads back, and is atomic; the dotfile's feeds export to a list that
 * re-imports to the same feeds.
 */
#include "autoconfig.h"

#include <dirent.h>
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

#include <libxml/parser.h>

#include "config/config.h"
#include "config/import.h"
#include "feeds/opml.h"
#include "tests/testdir.h"

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

/* "url|title|tag,tag" for comparing feeds in one string: a dotfile feed
 * or an OPML one, which have the same fields. */
#define describe(f, out, size) \
	describe_fields((f)->url, (f)->title, (f)->tags, (f)->ntags, (out), (size))

static void
describe_fields(const char *url, const char *title, char *const *tags,
                size_t ntags, char *out, size_t size)
{
	size_t i;

	snprintf(out, size, "%s|%s|", url, title != NULL ? title : "(none)");
	for (i = 0; i < ntags; i++) {
		snprintf(out + strlen(out), size - strlen(out), "%s%s",
		         i > 0 ? "," : "", tags[i]);
	}
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
	if (config_import_opml(path, &list, "nested.opml", &added, &err) != NF_OK) {
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
	assert_int_equal(config_import_opml(path, &list, "nested.opml", &added, &err), NF_OK);
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
	if (config_import_opml(path, &list, "nested.opml", &added, &err) != NF_OK) {
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
	st = config_import_opml(path, &list, "nested.opml", &added, &err);
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
	st = config_import_opml(path, &list, "nested.opml", &added, &err);
	chmod(dir, 0700);
	assert_int_equal(st, NF_ERR_IO);
	text = read_all(path);
	assert_string_equal(text, old_rc);
	free(text);
	assert_only_file(dir, "config");
	opml_list_free(&list);
}

/* ---- where the import writes ---- */

enum where_kind { WHERE_LINK, WHERE_DANGLING, WHERE_LOOP, WHERE_FIFO, WHERE_STALE };

struct where_case {
	const char *name;
	enum where_kind kind;
	const char *error;	/* after "DIR/config: "; NULL = the import succeeds */
};

static const struct where_case where_cases[] = {
	{ "a symlinked dotfile stays a link, its target gets the feeds",
	  WHERE_LINK, NULL },
	{ "a dangling symlink is an error, not a new file",
	  WHERE_DANGLING, "broken symbolic link: No such file or directory" },
	{ "a looping symlink is an error",
	  WHERE_LOOP, "broken symbolic link: Too many levels of symbolic links" },
	{ "a FIFO is refused, never waited on", WHERE_FIFO, "not a regular file" },
	{ "temporary files of a killed import go, other names stay",
	  WHERE_STALE, NULL },
};

/* Makes DIR/config as the case wants it; its target (if any) is
 * DIR/repo/newsfold. */
static void
make_where(const struct where_case *c, const char *dir, const char *path)
{
	char target[400], other[400];

	snprintf(target, sizeof(target), "%s/repo/newsfold", dir);
	switch (c->kind) {
	case WHERE_LINK:
		snprintf(other, sizeof(other), "%s/repo", dir);
		assert_int_equal(mkdir(other, 0700), 0);
		write_file(target, old_rc);
		assert_int_equal(symlink("repo/newsfold", path), 0);
		break;
	case WHERE_DANGLING:
		assert_int_equal(symlink("repo/newsfold", path), 0);
		break;
	case WHERE_LOOP:
		assert_int_equal(symlink("config", path), 0);
		break;
	case WHERE_FIFO:
		assert_int_equal(mkfifo(path, 0600), 0);
		break;
	case WHERE_STALE:
		write_file(path, old_rc);
		snprintf(other, sizeof(other), "%s/config.tmp-Ab3dE9", dir);
		write_file(other, "feed https://half");
		snprintf(other, sizeof(other), "%s/config.tmp-keep", dir);
		write_file(other, "");
		snprintf(other, sizeof(other), "%s/other.tmp-Ab3dE9", dir);
		write_file(other, "");
		break;
	}
}

static void
test_where(void **state)
{
	const struct where_case *c = *state;
	struct opml_list list;
	struct nf_error err;
	struct stat sb;
	char dir[256], path[300], name[32], want[600], *text;
	size_t added = 0;
	enum nf_status st;

	snprintf(name, sizeof(name), "where-%d", (int)(c - where_cases));
	make_dir(dir, sizeof(dir), name);
	snprintf(path, sizeof(path), "%s/config", dir);
	make_where(c, dir, path);
	assert_int_equal(opml_read_file(FIXTURES "opml/nested.opml", &list, &err), NF_OK);
	st = config_import_opml(path, &list, "nested.opml", &added, &err);
	opml_list_free(&list);
	if (c->error != NULL) {
		assert_int_equal(st, NF_ERR_CONFIG);
		snprintf(want, sizeof(want), "%s: %s", path, c->error);
		assert_string_equal(err.msg, want);
		assert_int_equal(lstat(path, &sb), 0);
		assert_true(c->kind == WHERE_FIFO ? S_ISFIFO(sb.st_mode) : S_ISLNK(sb.st_mode));
		snprintf(want, sizeof(want), "%s/repo/newsfold", dir);
		assert_int_equal(lstat(want, &sb), -1);
		return;
	}
	if (st != NF_OK) {
		fail_msg("%s", err.msg);
	}
	assert_int_equal(added, 4);	/* loose.example is there already */
	assert_int_equal(lstat(path, &sb), 0);
	if (c->kind == WHERE_LINK) {
		assert_true(S_ISLNK(sb.st_mode));
		snprintf(want, sizeof(want), "%s/repo", dir);
		assert_only_file(want, "newsfold");
		snprintf(want, sizeof(want), "%s/repo/newsfold", dir);
	} else {
		snprintf(want, sizeof(want), "%s/config.tmp-Ab3dE9", dir);
		assert_int_equal(lstat(want, &sb), -1);
		snprintf(want, sizeof(want), "%s/config.tmp-keep", dir);
		assert_int_equal(lstat(want, &sb), 0);
		snprintf(want, sizeof(want), "%s/other.tmp-Ab3dE9", dir);
		assert_int_equal(lstat(want, &sb), 0);
		snprintf(want, sizeof(want), "%s", path);
	}
	text = read_all(want);
	assert_non_null(text);
	assert_memory_equal(text, old_rc, sizeof(old_rc) - 1);
	assert_non_null(strstr(text, "\nfeed https://tokyo-wangan.example/rss "));
	assert_non_null(strstr(text, "# Imported from nested.opml\n"));
	free(text);
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
	assert_int_equal(config_import_opml(path, &list, "x", &added, &err), NF_ERR_CONFIG);
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
	struct opml_list exported, list;
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
	assert_int_equal(config_export_opml(&cfg, &exported, &err), NF_OK);
	assert_int_equal(opml_write(exported.feeds, exported.nfeeds, "a & b <c>", &out, &err), NF_OK);
	opml_list_free(&exported);
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
	struct opml_list exported, list;
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
	assert_int_equal(config_export_opml(&cfg, &exported, &err), NF_OK);
	assert_int_equal(opml_write(exported.feeds, exported.nfeeds, "t", &out, &err), NF_OK);
	opml_list_free(&exported);
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

/* One imported feed: the line written, which the dotfile parser must
 * read back to the same feed. */
struct line_case {
	const char *name;
	const char *url, *title;
	const char *tags[3];
	const char *line;
};

static const struct line_case line_cases[] = {
	{ "a URL alone", "https://a.example/f", NULL, { NULL },
	  "feed https://a.example/f" },
	{ "the title always in quotes", "https://a.example/f", "Plain", { NULL },
	  "feed https://a.example/f \"Plain\"" },
	{ "quotes and backslashes escaped", "https://a.example/f", "say \"hi\" \\o/",
	  { NULL }, "feed https://a.example/f \"say \\\"hi\\\" \\\\o/\"" },
	{ "a URL with a #fragment stays one word", "https://a.example/f#top", "T",
	  { NULL }, "feed https://a.example/f#top \"T\"" },
	{ "tags as words", "https://a.example/f", "T", { "news", "world", NULL },
	  "feed https://a.example/f \"T\" news world" },
	{ "a title that would start a comment", "https://a.example/f", "#1 story",
	  { NULL }, "feed https://a.example/f \"#1 story\"" },
	{ "Japanese title and tag", "https://a.example/f", "東京湾岸新報",
	  { "ニュース", NULL }, "feed https://a.example/f \"東京湾岸新報\" ニュース" },
};

static void
test_line(void **state)
{
	const struct line_case *tc = *state;
	struct opml_list list = { 0 };
	struct nf_error err;
	struct config cfg;
	char path[256], want[1024], *text;
	size_t added, ntags;

	for (ntags = 0; ntags < 3 && tc->tags[ntags] != NULL; ntags++) {
	}
	assert_int_equal(opml_list_add(&list, tc->url, tc->title,
	                               (char *const *)tc->tags, ntags, &err), NF_OK);
	tmp_path(path, sizeof(path), "line.rc");
	unlink(path);
	if (config_import_opml(path, &list, "cases", &added, &err) != NF_OK) {
		fail_msg("%s", err.msg);
	}
	assert_int_equal(added, 1);
	text = read_all(path);
	snprintf(want, sizeof(want), "# Imported from cases\n%s\n", tc->line);
	assert_string_equal(text, want);
	free(text);
	assert_int_equal(config_init(&cfg, &err), NF_OK);
	assert_int_equal(config_read_file(path, NULL, &cfg, &err), NF_OK);
	assert_int_equal(cfg.nfeeds, 1);
	describe(&cfg.feeds[0], want, sizeof(want));
	{
		char got[1024];

		describe(&list.feeds[0], got, sizeof(got));
		assert_string_equal(want, got);
	}
	config_free(&cfg);
	opml_list_free(&list);
}

static int
group_setup(void **state)
{
	(void)state;
	return testdir_make(tmpdir, sizeof(tmpdir), "nf-import");
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
		cmocka_unit_test(test_import_keeps_comments),
		cmocka_unit_test(test_import_creates),
		cmocka_unit_test(test_atomic_size_limit),
		cmocka_unit_test(test_atomic_readonly_dir),
		cmocka_unit_test(test_import_bad_dotfile),
		cmocka_unit_test(test_export_round_trip),
		cmocka_unit_test(test_export_shares_folders),
	};
	struct CMUnitTest tests[NCASES(fixed) + NCASES(line_cases) + NCASES(where_cases)];
	size_t i, n = 0;

	for (i = 0; i < NCASES(fixed); i++) {
		tests[n++] = fixed[i];
	}
	for (i = 0; i < NCASES(line_cases); i++) {
		tests[n++] = (struct CMUnitTest){ .name = line_cases[i].name,
			.test_func = test_line, .initial_state = (void *)&line_cases[i] };
	}
	for (i = 0; i < NCASES(where_cases); i++) {
		tests[n++] = (struct CMUnitTest){ .name = where_cases[i].name,
			.test_func = test_where, .initial_state = (void *)&where_cases[i] };
	}
	return _cmocka_run_group_tests("import", tests, n, group_setup,
	                               group_teardown);
}
