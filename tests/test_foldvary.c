/*
 * The copy variations of the scale archive (tests/scale/foldvary): each
 * edit on the titles it is meant for, where it does not apply, and the
 * first sentence that glued titles and lead-only summaries take.
 */
#include "autoconfig.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "tests/scale/foldvary.h"

struct vary_case {
	const char *name;
	enum foldvary_kind kind;
	const char *text, *arg;
	unsigned pick;
	const char *want;	/* NULL: the edit does not apply */
};

static const struct vary_case cases[] = {
	{ "upper", FOLDVARY_UPPER, "Kestrel FC wins", NULL, 0, "KESTREL FC WINS" },
	{ "upper umlauts", FOLDVARY_UPPER, "Börse öffnet früh", NULL, 0, "BÖRSE ÖFFNET FRÜH" },
	{ "lower", FOLDVARY_LOWER, "MATCHDAY Jong FC Ärger", NULL, 0, "matchday jong fc ärger" },
	{ "lower of lower case", FOLDVARY_LOWER, "ferry", NULL, 0, NULL },
	{ "title case", FOLDVARY_TITLE_CASE, "ferry services suspended", NULL, 0,
	  "Ferry Services Suspended" },
	{ "full width, letters and digits", FOLDVARY_FULL_WIDTH, "12月3日 FC 4%", NULL, 0,
	  "１２月３日 ＦＣ ４％" },
	{ "full width, everything", FOLDVARY_FULL_WIDTH, "Q3: up", NULL, 1, "Ｑ３：　ｕｐ" },
	{ "full width of kana", FOLDVARY_FULL_WIDTH, "お知らせ", NULL, 0, NULL },
	{ "half width katakana", FOLDVARY_HALF_WIDTH, "ニュース速報", NULL, 0, "ﾆｭｰｽ速報" },
	{ "half width voiced marks and digits", FOLDVARY_HALF_WIDTH, "ガス、１２月ポンプ", NULL, 0,
	  "ｶﾞｽ､12月ﾎﾟﾝﾌﾟ" },
	{ "half width of ASCII", FOLDVARY_HALF_WIDTH, "Breaking news", NULL, 0, NULL },
	{ "punctuation adds a stop", FOLDVARY_PUNCTUATION, "Ferry services suspended", NULL, 0,
	  "Ferry services suspended." },
	{ "punctuation drops a stop", FOLDVARY_PUNCTUATION, "Ferry services suspended.", NULL, 0,
	  "Ferry services suspended" },
	{ "punctuation keeps an ellipsis of stops", FOLDVARY_PUNCTUATION, "Wait...", NULL, 0, NULL },
	{ "punctuation: colon to dash", FOLDVARY_PUNCTUATION, "Weather update: rain", NULL, 1,
	  "Weather update – rain" },
	{ "punctuation: commas", FOLDVARY_PUNCTUATION, "Fire, then floods.", NULL, 1,
	  "Fire then floods." },
	{ "punctuation: quotes", FOLDVARY_PUNCTUATION, "Mayor's plan.", NULL, 1, "Mayor’s plan." },
	{ "punctuation: Japanese stop", FOLDVARY_PUNCTUATION, "お知らせ", NULL, 0, "お知らせ。" },
	{ "punctuation: Japanese comma", FOLDVARY_PUNCTUATION, "湊FC、勝利。", NULL, 1, "湊FC 勝利。" },
	{ "punctuation: Japanese brackets", FOLDVARY_PUNCTUATION, "「港」の話。", NULL, 1, "『港』の話。" },
	{ "punctuation of nothing", FOLDVARY_PUNCTUATION, "", NULL, 0, NULL },
	{ "tail", FOLDVARY_TAIL, "Ferry services suspended", "Harbor Ledger", 0,
	  "Ferry services suspended - Harbor Ledger" },
	{ "tail without an outlet", FOLDVARY_TAIL, "Ferry", "", 0, NULL },
	{ "glue", FOLDVARY_GLUE, "Fire at mill", "Crews were called. More follows.", 0,
	  "Fire at millCrews were called." },
	{ "glue Japanese", FOLDVARY_GLUE, "火災", "倉庫から出火した。周辺に避難指示。", 0,
	  "火災倉庫から出火した。" },
	{ "glue past a German ordinal", FOLDVARY_GLUE, "Tor", "Er traf in der 35. Minute. Dann nicht mehr.",
	  0, "TorEr traf in der 35. Minute." },
	{ "glue without a summary", FOLDVARY_GLUE, "Fire", NULL, 0, NULL },
	{ "truncate at a word", FOLDVARY_TRUNCATE, "Kestrel FC to cut 40 jobs at Saltmere mill", NULL, 0,
	  "Kestrel FC to cut 40…" },
	{ "truncate later", FOLDVARY_TRUNCATE, "Kestrel FC to cut 40 jobs at Saltmere mill", NULL, 30,
	  "Kestrel FC to cut 40 jobs at…" },
	{ "truncate drops a dangling colon", FOLDVARY_TRUNCATE, "Weather update: rain for Dunby today",
	  NULL, 0, "Weather update…" },
	{ "truncate Japanese at a character", FOLDVARY_TRUNCATE, "霧沢FC、夕島ユナイテッドに勝利", NULL, 0,
	  "霧沢FC、夕島ユ…" },
	{ "truncate a short title", FOLDVARY_TRUNCATE, "Breaking news", NULL, 0, NULL },
	{ "truncate a short Japanese title", FOLDVARY_TRUNCATE, "ニュース速報", NULL, 0, NULL },
	{ "synonym", FOLDVARY_SYNONYM, "FTSE opens up 0.4%", NULL, 0, "FTSE starts up 0.4%" },
	{ "synonym with a capital", FOLDVARY_SYNONYM, "Closes at noon", NULL, 0, "Ends at noon" },
	{ "synonym only whole words", FOLDVARY_SYNONYM, "Reopens soon", NULL, 0, NULL },
	{ "synonym picks the second", FOLDVARY_SYNONYM, "Strike after fire", NULL, 1,
	  "Strike following fire" },
	{ "synonym Japanese", FOLDVARY_SYNONYM, "計画を発表", NULL, 0, "構想を発表" },
	{ "synonym German", FOLDVARY_SYNONYM, "Stadtrat genehmigt Plan", NULL, 1,
	  "Stadtrat billigt Plan" },
};

static void
test_vary_case(void **state)
{
	const struct vary_case *c = *state;
	char out[256];
	int r = foldvary_apply(c->kind, c->text, c->arg, c->pick, out, sizeof(out));

	if (c->want == NULL) {
		assert_int_equal(r, -1);
		return;
	}
	assert_int_equal(r, 0);
	assert_string_equal(out, c->want);
}

static void
test_vary_small_buffer(void **state)
{
	char out[8];

	(void)state;
	assert_int_equal(foldvary_apply(FOLDVARY_TAIL, "Ferry", "Harbor Ledger", 0,
	                                out, sizeof(out)), -1);
	assert_int_equal(foldvary_apply(FOLDVARY_UPPER, "ferry", NULL, 0, out,
	                                sizeof(out)), 0);
	assert_string_equal(out, "FERRY");
}

struct sentence_case {
	const char *name, *text, *want;
};

static const struct sentence_case sentences[] = {
	{ "first of two", "One thing. Another.", "One thing." },
	{ "Japanese", "一つ目。二つ目。", "一つ目。" },
	{ "no stop", "No stop here", "No stop here" },
	{ "ordinal is not a stop", "In der 35. Minute. Dann", "In der 35. Minute." },
	{ "question", "Why? Because.", "Why?" },
};

static void
test_first_sentence(void **state)
{
	char out[128];

	(void)state;
	for (size_t i = 0; i < sizeof(sentences) / sizeof(sentences[0]); i++) {
		const struct sentence_case *c = &sentences[i];

		if (foldvary_first_sentence(c->text, out, sizeof(out)) != 0
		    || strcmp(out, c->want) != 0) {
			fail_msg("%s: got \"%s\", want \"%s\"", c->name, out, c->want);
		}
	}
	assert_int_equal(foldvary_first_sentence("Too long for it.", out, 4), -1);
}

static void
test_names(void **state)
{
	(void)state;
	assert_string_equal(foldvary_name(FOLDVARY_TAIL), "tail");
	assert_string_equal(foldvary_name(FOLDVARY_SYNONYM), "synonym");
	assert_string_equal(foldvary_name(FOLDVARY_NKINDS), "?");
}

int
main(void)
{
	struct CMUnitTest tests[sizeof(cases) / sizeof(cases[0]) + 3];
	size_t n = 0;

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		tests[n++] = (struct CMUnitTest){ .name = cases[i].name,
			.test_func = test_vary_case, .initial_state = (void *)&cases[i] };
	}
	tests[n++] = (struct CMUnitTest)cmocka_unit_test(test_vary_small_buffer);
	tests[n++] = (struct CMUnitTest)cmocka_unit_test(test_first_sentence);
	tests[n++] = (struct CMUnitTest)cmocka_unit_test(test_names);
	return _cmocka_run_group_tests("foldvary", tests, n, NULL, NULL);
}
