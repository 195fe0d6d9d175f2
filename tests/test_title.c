/*
 * Titles: the outlet tail that aggregators append, the headline and
 * source the screens show, normalisation, and pairs of titles that must
 * and must not fold, as tables of named cases.
 */
#include "autoconfig.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "src/title.h"

struct tail_case {
	const char *name;
	const char *title;
	const char *head;	/* the headline title_outlet_tail() leaves */
	const char *outlet;	/* NULL: no tail */
};

static const struct tail_case tail_cases[] = {
	{ "hyphen", "Ferry line approved by council - Harbor Wire",
	  "Ferry line approved by council", "Harbor Wire" },
	{ "en dash", "Ferry line approved by council \u2013 The Lantern",
	  "Ferry line approved by council", "The Lantern" },
	{ "em dash", "Ferry line approved by council \u2014 Meridian Post",
	  "Ferry line approved by council", "Meridian Post" },
	{ "bar", "Ferry line approved by council | Meridian",
	  "Ferry line approved by council", "Meridian" },
	{ "fullwidth bar", "東京で震度4の地震、けが人なし｜みなと通信",
	  "東京で震度4の地震、けが人なし", "みなと通信" },
	{ "fullwidth hyphen", "北浜港まつり　花火大会を開催 － 湾岸新報",
	  "北浜港まつり　花火大会を開催", "湾岸新報" },
	{ "joining words", "Council backs new harbour plan - Bank of the North",
	  "Council backs new harbour plan", "Bank of the North" },
	{ "ampersand", "Council backs new harbour plan - Smith & Sons",
	  "Council backs new harbour plan", "Smith & Sons" },
	{ "non-latin name", "Council backs new harbour plan - Вечерний Курьер",
	  "Council backs new harbour plan", "Вечерний Курьер" },
	{ "the last separator counts", "Rail strike - day two - Harbor Wire",
	  "Rail strike - day two", "Harbor Wire" },
	{ "five words", "Council backs new harbour plan - The Port Alder Evening Star",
	  "Council backs new harbour plan", "The Port Alder Evening Star" },
	{ "six words are a sentence", "Council backs new harbour plan - The Port Alder Sunday Evening Star",
	  "Council backs new harbour plan - The Port Alder Sunday Evening Star", NULL },
	{ "lower case is headline", "Storm reaches the northern coast - live updates",
	  "Storm reaches the northern coast - live updates", NULL },
	{ "a number is headline", "Bus overturns on coastal highway - 3 dead",
	  "Bus overturns on coastal highway - 3 dead", NULL },
	{ "subtitle in german", "Bahnstreik legt Fernverkehr in Nordstadt lahm \u2013 Pendler stranden",
	  "Bahnstreik legt Fernverkehr in Nordstadt lahm \u2013 Pendler stranden", NULL },
	{ "sentence punctuation", "Council backs new harbour plan - Why It Matters?",
	  "Council backs new harbour plan - Why It Matters?", NULL },
	{ "colon", "Council backs new harbour plan - Analysis: Costs",
	  "Council backs new harbour plan - Analysis: Costs", NULL },
	{ "full stop", "Council backs new harbour plan - Read More.",
	  "Council backs new harbour plan - Read More.", NULL },
	{ "double space", "Council backs new harbour plan - Harbor  Wire",
	  "Council backs new harbour plan - Harbor  Wire", NULL },
	{ "too long", "Council backs plan - Abcdefghijklmnop Qrstuvwxyzabcdef Ghijklmnopqrstu",
	  "Council backs plan - Abcdefghijklmnop Qrstuvwxyzabcdef Ghijklmnopqrstu", NULL },
	{ "headline too short", "Big news - Harbor Wire", "Big news - Harbor Wire", NULL },
	{ "nothing after", "Council backs new harbour plan - ",
	  "Council backs new harbour plan - ", NULL },
	{ "hyphen inside a word", "Council backs new harbour plan for Port-Alder",
	  "Council backs new harbour plan for Port-Alder", NULL },
	{ "empty", "", "", NULL },
};

static void
test_outlet_tail(void **state)
{
	size_t i, cut;
	const char *outlet;

	(void)state;
	for (i = 0; i < sizeof(tail_cases) / sizeof(tail_cases[0]); i++) {
		const struct tail_case *c = &tail_cases[i];

		cut = title_outlet_tail(c->title, &outlet);
		if (cut != strlen(c->head) || strncmp(c->title, c->head, cut) != 0 ||
		    (outlet == NULL) != (c->outlet == NULL) ||
		    (outlet != NULL && strcmp(outlet, c->outlet) != 0)) {
			fail_msg("%s: headline \"%.*s\", outlet \"%s\"", c->name, (int)cut,
			         c->title, outlet != NULL ? outlet : "(none)");
		}
	}
}

struct headline_case {
	const char *name;
	const char *title, *named, *feed;	/* named: the outlet the feed names */
	size_t hsize;
	const char *head, *source;
};

static const struct headline_case headline_cases[] = {
	{ "outlet via feed", "Tram depot closes for roof repairs - Quayside Courier",
	  "Quayside Courier", "Morning Digest", 256, "Tram depot closes for roof repairs",
	  "Quayside Courier via Morning Digest" },
	{ "no tail", "Tram depot closes for roof repairs", NULL, "Morning Digest", 256,
	  "Tram depot closes for roof repairs", "Morning Digest" },
	{ "tail names the feed", "Tram depot closes for roof repairs - The Quayside Courier",
	  NULL, "Quayside Courier", 256, "Tram depot closes for roof repairs", "Quayside Courier" },
	{ "tail names the feed in another case", "Tram depot closes for roof repairs - quayside courier",
	  NULL, "Quayside Courier", 256, "Tram depot closes for roof repairs - quayside courier",
	  "Quayside Courier" },
	{ "no feed", "Tram depot closes for roof repairs - Quayside Courier", "Quayside Courier",
	  NULL, 256, "Tram depot closes for roof repairs", "Quayside Courier" },
	{ "no feed, no tail", "Tram depot closes", NULL, NULL, 256, "Tram depot closes", "" },
	{ "no title", NULL, NULL, "Morning Digest", 256, "", "Morning Digest" },
	{ "cut on a whole character", "港湾都市で新フェリー航路", NULL, NULL, 8, "港湾", "" },
	{ "cut ascii", "Tram depot closes", NULL, NULL, 5, "Tram", "" },
	/* the outlet-tail rule: a name-shaped tail the feed does not name stays */
	{ "match title keeps both teams", "MATCHDAY Kestrel FC - Saltmere Rovers", NULL,
	  "Scoreline", 256, "MATCHDAY Kestrel FC - Saltmere Rovers", "Scoreline" },
	{ "event title keeps its tail", "Lantern Festival opens on the quay - Night Two", NULL,
	  "Harbour Events", 256, "Lantern Festival opens on the quay - Night Two",
	  "Harbour Events" },
	{ "a named outlet other than the tail", "Cup final: Kestrel FC - Saltmere Rovers",
	  "Harbor Wire", "News Roundup", 256, "Cup final: Kestrel FC - Saltmere Rovers",
	  "Harbor Wire via News Roundup" },
	{ "aggregator tail named by source", "Ferry line approved by council - Harbor Wire",
	  "Harbor Wire", "News Roundup", 256, "Ferry line approved by council",
	  "Harbor Wire via News Roundup" },
	{ "unnamed tail of an aggregator", "Ferry line approved by council - Harbor Wire",
	  NULL, "News Roundup", 256, "Ferry line approved by council - Harbor Wire",
	  "News Roundup" },
};

static void
test_headline(void **state)
{
	size_t i;
	char head[256], source[256];

	(void)state;
	for (i = 0; i < sizeof(headline_cases) / sizeof(headline_cases[0]); i++) {
		const struct headline_case *c = &headline_cases[i];

		title_headline_named(c->title, c->named, c->feed, head, c->hsize, source,
		                     sizeof(source));
		if (strcmp(head, c->head) != 0 || strcmp(source, c->source) != 0) {
			fail_msg("%s: got \"%s\" from \"%s\"", c->name, head, source);
		}
	}
	/* either half may be left out */
	title_headline_named("Tram depot closes - Quayside Courier", "Quayside Courier", NULL,
	                     NULL, 0, source, sizeof(source));
	assert_string_equal(source, "Quayside Courier");
	title_headline_named("Tram depot closes - Quayside Courier", "Quayside Courier", NULL,
	                     head, sizeof(head), NULL, 0);
	assert_string_equal(head, "Tram depot closes");
}

struct norm_case {
	const char *name, *title, *source, *want;
};

static const struct norm_case norm_cases[] = {
	{ "case and punctuation", "Minister Arrives, Talks BEGIN!", NULL,
	  "minister arrives talks begin" },
	{ "non-ASCII case", "ÉLAN Über Straße ЖУРНАЛ", NULL, "élan über straße журнал" },
	{ "fullwidth forms", "ＡＢＣ　Ｎｅｗｓ　１２３", NULL, "abc news 123" },
	{ "japanese punctuation", "「大雨」で、警報。・速報", NULL, "大雨 で 警報 速報" },
	{ "cjk apart from words", "東京で3人けが", NULL, "東京で 3 人けが" },
	{ "quotes and apostrophes", "\u201cCity\u2019s\u201d 'plan' approved", NULL,
	  "citys plan approved" },
	{ "numbers keep together", "Prices up 2.5% to 1,000 units", NULL,
	  "prices up 25 to 1000 units" },
	{ "whitespace collapsed", "  Ferry \t line   approved  ", NULL,
	  "ferry line approved" },
	{ "publisher tail", "Ferry line approved by council - Harbor Wire", "Harbor Wire",
	  "ferry line approved by council" },
	{ "publisher tail with en dash", "Ferry line approved by council \u2013 The Lantern",
	  "The Lantern", "ferry line approved by council" },
	{ "publisher tail with bar", "Ferry line approved by council | Meridian", "Meridian",
	  "ferry line approved by council" },
	{ "unnamed tail stays", "Ferry line approved by council - Harbor Wire", NULL,
	  "ferry line approved by council harbor wire" },
	{ "match title stays whole", "MATCHDAY Kestrel FC - Saltmere Rovers", "Scoreline",
	  "matchday kestrel fc saltmere rovers" },
	{ "long tail is headline", "Council approves ferry - but islanders say the timetable is far too thin", NULL,
	  "council approves ferry but islanders say the timetable is far too thin" },
	{ "ellipsis", "Ferry line approved by coun\u2026", NULL, "ferry line approved by coun" },
	{ "own source name", "Ferry line approved by council Daily Lantern", "Daily Lantern",
	  "ferry line approved by council" },
	{ "source in brackets", "Ferry line approved by council (Daily Lantern)", "Daily Lantern",
	  "ferry line approved by council" },
	{ "half-width katakana", "ｸﾙｰｽﾞ船ｶﾞｲﾄﾞとﾊﾟﾝ", NULL, "クルーズ船ガイドとパン" },
	{ "combining voiced mark", "カ\u3099イト\u3099", NULL, "ガイド" },
	{ "half-width punctuation", "｢ﾎﾃﾙ｣､開業", NULL, "ホテル 開業" },
	{ "korean full-width digits", "서울 시장　１２０억원 예산", NULL, "서울 시장 120 억원 예산" },
	{ "chinese full-width digits", "佩林港　新增４０个泊位", NULL, "佩林港 新增 40 个泊位" },
	{ "compatibility digits", "①号線 x\u00b2 H\u2082O", NULL, "1 号線 x2 h2o" },
	{ "full-width capitals", "ＨＡＲＢＯＵＲ Ｂｏａｒｄ", NULL, "harbour board" },
};

static void
test_normalize(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(norm_cases) / sizeof(norm_cases[0]); i++) {
		const struct norm_case *c = &norm_cases[i];
		char *got = title_normalize(c->title, c->source);

		assert_non_null(got);
		if (strcmp(got, c->want) != 0) {
			fail_msg("%s: got \"%s\", want \"%s\"", c->name, got, c->want);
		}
		free(got);
	}
}

struct pair_case {
	const char *name, *a, *b;
	int same;
};

static const struct pair_case pair_cases[] = {
	{ "different cities", "Minister arrives in Seoul", "Minister arrives in Tokyo", 0 },
	{ "rise and fall", "Shares rise 2%", "Shares fall 2%", 0 },
	{ "different numbers", "Three injured as bus overturns on coastal highway near the port",
	  "Five injured as bus overturns on coastal highway near the port", 0 },
	{ "different counts", "Storm cuts power to 40,000 homes across the northern region overnight",
	  "Storm cuts power to 15,000 homes across the northern region overnight", 0 },
	{ "different place, long", "Heavy rain floods streets in Osaka as the typhoon nears the coast",
	  "Heavy rain floods streets in Kobe as the typhoon nears the coast", 0 },
	{ "library and museum", "Library reopens after two years of repairs",
	  "Museum reopens after two years of repairs", 0 },
	{ "japanese cities", "東京で大雨　3人けが", "大阪で大雨　3人けが", 0 },
	{ "japanese numbers", "山火事で住民2000人に避難指示", "山火事で住民500人に避難指示", 0 },
	{ "short titles", "Weather", "Weather", 0 },
	{ "same words", "Minister arrives in Seoul", "Minister Arrives In Seoul", 1 },
	{ "title case", "Harbor city council approves new ferry line to the outer islands",
	  "Harbor City Council Approves New Ferry Line to the Outer Islands", 1 },
	{ "publisher tail", "Rail workers call off strike after pay deal is reached - Harbor Wire",
	  "Rail workers call off strike after pay deal is reached", 1 },
	{ "glued summary", "Lavender farm opens to visitors for the first timeThe farm had been closed for ten years.",
	  "Lavender farm opens to visitors for the first time", 1 },
	{ "glued with space lost mid-word", "Valdoria and Ostria sign fishing accord, officials sayOfficials from both",
	  "Valdoria and Ostria sign fishing accord, officials say", 1 },
	{ "truncated copy", "Valdoria and Ostria sign fishing accord after three years of t\u2026",
	  "Valdoria and Ostria sign fishing accord after three years of talks", 1 },
	{ "rewrite of a long title", "Wildfire near Pinecrest forces evacuation of 2,000 residents",
	  "Wildfire near Pinecrest forces 2,000 residents to evacuate", 1 },
	{ "fullwidth japanese", "電動自転車のバッテリー12万個をリコール　発火の恐れ",
	  "電動自転車のバッテリー１２万個をリコール、発火の恐れ", 1 },
	{ "japanese glued", "外相がバルドリア到着　国境検問所巡り協議へ閉鎖中の検問所",
	  "外相がバルドリア到着　国境検問所巡り協議へ", 1 },
	{ "half-width katakana", "泊港にｸﾙｰｽﾞ船が40隻入港　観光客が過去最多に",
	  "泊港にクルーズ船が４０隻入港　観光客が過去最多に", 1 },
	{ "half-width katakana, other number", "泊港にｸﾙｰｽﾞ船が40隻入港　観光客が過去最多に",
	  "泊港にクルーズ船が３０隻入港　観光客が過去最多に", 0 },
	{ "korean width", "펠링 항구에 선석 40개 신설 승인", "펠링 항구에 선석 ４０개 신설 승인", 1 },
	{ "korean, other number", "펠링 항구에 선석 40개 신설 승인", "펠링 항구에 선석 ３０개 신설 승인", 0 },
	{ "chinese width", "佩林港新增40个泊位获批准游艇码头扩建", "佩林港新增４０个泊位获批准游艇码头扩建", 1 },
	{ "full-width capitals", "ＨＡＲＢＯＵＲ ＢＯＡＲＤ ＡＰＰＲＯＶＥＳ 40 NEW BERTHS FOR PELLING MARINA",
	  "Harbour board approves 40 new berths for Pelling marina", 1 },
	{ "first word names the town", "Ashford reopens the harbour wall after two years of repairs",
	  "Westbury reopens the harbour wall after two years of repairs", 0 },
	{ "first word, one title", "Ashford reopens the harbour wall after two years of repairs",
	  "ASHFORD REOPENS THE HARBOUR WALL AFTER TWO YEARS OF REPAIRS", 1 },
	{ "figures are counted", "Crash closes two lanes of I-10 eastbound near Exit 10 at rush hour",
	  "Crash closes two lanes of I-10 eastbound near Exit 41 at rush hour", 0 },
	{ "korean first word", "대구시 시립 도서관 리모델링 착공 발표", "청주시 시립 도서관 리모델링 착공 발표", 0 },
	{ "korean digits apart", "서울시 예산 120억원 추가 편성", "서울시 예산 120 억원 추가 편성", 1 },
	{ "spanish function words", "El teatro de Murcia cierra por obras", "El puerto de Murcia cierra por obras", 0 },
};

static void
test_pairs(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(pair_cases) / sizeof(pair_cases[0]); i++) {
		const struct pair_case *c = &pair_cases[i];
		int got = title_similar(c->a, c->b, TITLE_DEFAULT_THRESHOLD);
		int back = title_similar(c->b, c->a, TITLE_DEFAULT_THRESHOLD);

		if (got != c->same || back != c->same) {
			fail_msg("%s: similar %d/%d, want %d", c->name, got, back, c->same);
		}
	}
}

/* Titles that fold alone must fold the same way with nothing to fold. */
static void
test_similar_edges(void **state)
{
	(void)state;
	assert_false(title_similar(NULL, NULL, TITLE_DEFAULT_THRESHOLD));
	assert_false(title_similar("", "", TITLE_DEFAULT_THRESHOLD));
	assert_false(title_similar("Harbour ferry line approved by council", NULL,
	                           TITLE_DEFAULT_THRESHOLD));
	/* a threshold outside 0..1 is the default */
	assert_true(title_similar("Minister arrives in Seoul", "Minister Arrives In Seoul", 7.0));
	assert_false(title_similar("Minister arrives in Seoul", "Minister arrives in Tokyo", -1.0));
}

/* Running text whose keys and shingles title_text_scan() must give
 * exactly as title_read_text(), title_text_keys() and
 * title_text_shingles() do, with at most max of each. */
struct text_case {
	const char *name;
	const char *text;
	size_t max;
};

static const struct text_case text_cases[] = {
	{ "plain", "Harbour board approves forty new berths for the marina", 200 },
	{ "stems", "Councils evacuated residents, evacuating the flooded streets", 200 },
	{ "apostrophes", "Japan's 'leaders' agree ministers' pay", 200 },
	{ "figures", "Shares rose 2.5% to 1,000.25 points, then 3, 4 and 5.", 200 },
	{ "digits in words", "U21 side beat Jong2 in 48-hour test", 200 },
	{ "names and stopwords", "The Mayor of Elbhausen And Three Others Said So", 200 },
	{ "last word a key", "Talks resume in Seoul", 200 },
	{ "punctuation only", " -- ... !? ", 200 },
	{ "empty", "", 200 },
	{ "one word", "Breaking", 200 },
	{ "few of each", "One Two Three Four Five Six Seven 8 9 10", 3 },
	{ "not ASCII past the last wanted", "One Two Three Four Five Six caf\u00e9", 3 },
	{ "not ASCII at the end", "Harbour board approves new berths \u2014", 200 },
	{ "not ASCII", "Caf\u00e9 owners and \u6771\u4eac\u90fd\u306e talks", 200 },
	{ "full width", "\uff28\uff41\uff52\uff42\uff4f\uff55\uff52 board acts", 200 },
};

/* Fails unless n shingles a and b are the same. */
static void
assert_same_shingles(const char *name, const struct title_shingle *a,
                     const struct title_shingle *b, size_t n)
{
	size_t k;

	for (k = 0; k < n; k++) {
		if (a[k].hash != b[k].hash || a[k].kind != b[k].kind ||
		    a[k].key != b[k].key || a[k].lower != b[k].lower) {
			fail_msg("%s: shingle %zu differs", name, k);
		}
	}
}

static void
test_text_scan(void **state)
{
	static struct title_shingle want[TITLE_SHINGLES_MAX], got[TITLE_SHINGLES_MAX];
	uint32_t wkeys[64], gkeys[64];
	struct title_words *w = title_words_new();
	size_t i, nwant, ngot, nwk, ngk;
	int cut;

	(void)state;
	assert_non_null(w);
	for (i = 0; i < 2 * sizeof(text_cases) / sizeof(text_cases[0]); i++) {
		const struct text_case *c = &text_cases[i / 2];
		size_t len = strlen(c->text);

		cut = (int)(i % 2);
		title_read_text(w, c->text, len);
		nwk = title_text_keys(w, cut, wkeys, c->max < 64 ? c->max : 64);
		nwant = title_text_shingles(w, want, c->max);
		ngot = title_text_scan(w, c->text, len, cut, gkeys,
		                       c->max < 64 ? c->max : 64, &ngk, got, c->max);
		if (nwant != ngot || nwk != ngk) {
			fail_msg("%s (cut %d): %zu shingles and %zu keys, want %zu and %zu",
			         c->name, cut, ngot, ngk, nwant, nwk);
		}
		assert_same_shingles(c->name, want, got, nwant);
		assert_memory_equal(wkeys, gkeys, nwk * sizeof(*wkeys));
		/* without keys, the same shingles */
		ngot = title_text_scan(w, c->text, len, cut, NULL, 0, NULL, got, c->max);
		assert_int_equal(ngot, nwant);
		assert_same_shingles(c->name, want, got, nwant);
	}
	title_words_free(w);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_outlet_tail),
		cmocka_unit_test(test_headline),
		cmocka_unit_test(test_normalize),
		cmocka_unit_test(test_pairs),
		cmocka_unit_test(test_similar_edges),
		cmocka_unit_test(test_text_scan),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
