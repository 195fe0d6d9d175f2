/*
 * The scale archive: which stories exist, who tells them, when, and how
 * each copy differs from the first telling. The words come from
 * foldtext, the edits from foldvary.
 *
 * An event happens once: a market's open on one day, a company's quarter,
 * a show's episode of the day, an outlet's forecast for one city on one
 * day, a team's match in a three-day block, an ordinary news title. When
 * the draw repeats an event, it draws again, and after a few tries tells
 * ordinary news instead, so large archives hold proportionally more news.
 */
#include "autoconfig.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "tests/scale/foldgen.h"
#include "tests/scale/foldrng.h"
#include "tests/scale/foldvary.h"

#define BIT(f) (1u << (f))
#define COUNT(a) (sizeof(a) / sizeof((a)[0]))
#define NEWS_DESK (BIT(FOLDTEXT_NEWS) | BIT(FOLDTEXT_GENERIC))
#define SPORT (BIT(FOLDTEXT_MATCHDAY) | BIT(FOLDTEXT_LIVESTREAM) | BIT(FOLDTEXT_REPORT))
#define MONEY (BIT(FOLDTEXT_MARKET) | BIT(FOLDTEXT_EARNINGS))
#define MAX_COPIES 5
#define TRIES 8
#define LINK_MAX 160

static const struct foldgen_feed feeds[] = {
	{ "Meridian Wire", "meridian-wire.example", FOLDTEXT_EN,
	  NEWS_DESK | MONEY | BIT(FOLDTEXT_REPORT) },
	{ "Harbor Ledger", "harbor-ledger.example", FOLDTEXT_EN,
	  NEWS_DESK | MONEY | BIT(FOLDTEXT_WEATHER) | BIT(FOLDTEXT_SERIES) },
	{ "The Daily Lantern", "daily-lantern.example", FOLDTEXT_EN,
	  NEWS_DESK | BIT(FOLDTEXT_SERIES) | BIT(FOLDTEXT_PODCAST) | BIT(FOLDTEXT_REPORT) },
	{ "Northgate Courier", "northgate-courier.example", FOLDTEXT_EN,
	  NEWS_DESK | BIT(FOLDTEXT_WEATHER) | BIT(FOLDTEXT_REPORT) | BIT(FOLDTEXT_SERIES) },
	{ "Capital Markets Desk", "capital-desk.example", FOLDTEXT_EN,
	  MONEY | BIT(FOLDTEXT_SERIES) | BIT(FOLDTEXT_PODCAST) },
	{ "League Centre", "league-centre.example", FOLDTEXT_EN, SPORT },
	{ "Kestrel Sport", "kestrel-sport.example", FOLDTEXT_EN,
	  SPORT | BIT(FOLDTEXT_NEWS) },
	{ "Weatherline", "weatherline.example", FOLDTEXT_EN,
	  BIT(FOLDTEXT_WEATHER) | BIT(FOLDTEXT_GENERIC) },
	{ "Soundings Podcasts", "soundings.example", FOLDTEXT_EN, BIT(FOLDTEXT_PODCAST) },
	{ "湊日報", "minato-nippo.example", FOLDTEXT_JA,
	  NEWS_DESK | MONEY | BIT(FOLDTEXT_WEATHER) | BIT(FOLDTEXT_SERIES) | BIT(FOLDTEXT_REPORT) },
	{ "北星タイムズ", "hokusei-times.example", FOLDTEXT_JA,
	  NEWS_DESK | SPORT | BIT(FOLDTEXT_WEATHER) | BIT(FOLDTEXT_SERIES) | BIT(FOLDTEXT_PODCAST) },
	{ "朝凪ニュース", "asanagi-news.example", FOLDTEXT_JA,
	  NEWS_DESK | MONEY | BIT(FOLDTEXT_WEATHER) | BIT(FOLDTEXT_REPORT) },
	{ "東都経済新聞", "toto-keizai.example", FOLDTEXT_JA,
	  MONEY | BIT(FOLDTEXT_SERIES) | BIT(FOLDTEXT_NEWS) },
	{ "空模様ウェザー", "soramoyo.example", FOLDTEXT_JA,
	  BIT(FOLDTEXT_WEATHER) | BIT(FOLDTEXT_GENERIC) },
	{ "湊スポーツ", "minato-sports.example", FOLDTEXT_JA, SPORT | BIT(FOLDTEXT_NEWS) },
	{ "声のラジオ便", "koe-radio.example", FOLDTEXT_JA,
	  BIT(FOLDTEXT_PODCAST) | BIT(FOLDTEXT_GENERIC) },
	{ "Elbtaler Kurier", "elbtaler-kurier.example", FOLDTEXT_DE,
	  NEWS_DESK | SPORT | BIT(FOLDTEXT_WEATHER) | BIT(FOLDTEXT_SERIES) | BIT(FOLDTEXT_PODCAST) },
	{ "Nordmark Nachrichten", "nordmark-nachrichten.example", FOLDTEXT_DE,
	  NEWS_DESK | MONEY | BIT(FOLDTEXT_WEATHER) | BIT(FOLDTEXT_SERIES) | BIT(FOLDTEXT_REPORT) },
	{ "Börsenblick", "boersenblick.example", FOLDTEXT_DE,
	  MONEY | BIT(FOLDTEXT_SERIES) | BIT(FOLDTEXT_NEWS) },
	{ "Anstoß Sportdienst", "anstoss.example", FOLDTEXT_DE,
	  SPORT | BIT(FOLDTEXT_NEWS) | BIT(FOLDTEXT_PODCAST) },
};

const struct foldgen_feed *
foldgen_feeds(size_t *n)
{
	*n = COUNT(feeds);
	return feeds;
}

/* ---- strings and sets ----------------------------------------------- */

#define ARENA_BLOCK (1u << 20)

/* The items' strings, in blocks that never move. */
struct foldgen_arena {
	char **blocks;
	size_t nblocks, capblocks, used;
};

static char *
arena_copy(struct foldgen_arena *a, const char *s)
{
	size_t n = strlen(s) + 1;
	char *p;

	if (a->nblocks == 0 || a->used + n > ARENA_BLOCK) {
		if (a->nblocks == a->capblocks) {
			size_t cap = a->capblocks ? a->capblocks * 2 : 64;
			char **v = realloc(a->blocks, cap * sizeof(*v));

			if (v == NULL) {
				return NULL;
			}
			a->blocks = v;
			a->capblocks = cap;
		}
		if ((a->blocks[a->nblocks] = malloc(ARENA_BLOCK)) == NULL) {
			return NULL;
		}
		a->nblocks++;
		a->used = 0;
	}
	p = a->blocks[a->nblocks - 1] + a->used;
	memcpy(p, s, n);
	a->used += n;
	return p;
}

static void
arena_free(struct foldgen_arena *a)
{
	if (a == NULL) {
		return;
	}
	for (size_t i = 0; i < a->nblocks; i++) {
		free(a->blocks[i]);
	}
	free(a->blocks);
	free(a);
}

/* Open addressing over 64-bit keys; 0 marks an empty slot. */
struct keyset {
	uint64_t *v;
	size_t cap, n;
};

static size_t
keyset_find(const struct keyset *s, uint64_t key)
{
	size_t i = (size_t)(key * 0x9E3779B97F4A7C15ULL) & (s->cap - 1);

	while (s->v[i] != 0 && s->v[i] != key) {
		i = (i + 1) & (s->cap - 1);
	}
	return i;
}

static int
keyset_has(const struct keyset *s, uint64_t key)
{
	return key != 0 && s->cap > 0 && s->v[keyset_find(s, key)] == key;
}

/* Adds key (0 is never added); -1 when out of memory. */
static int
keyset_add(struct keyset *s, uint64_t key)
{
	if (key == 0) {
		return 0;
	}
	if (2 * (s->n + 1) > s->cap) {
		struct keyset grown = { calloc(s->cap ? s->cap * 2 : 1024, sizeof(uint64_t)),
		                        s->cap ? s->cap * 2 : 1024, 0 };

		if (grown.v == NULL) {
			return -1;
		}
		for (size_t i = 0; i < s->cap; i++) {
			if (s->v[i] != 0) {
				grown.v[keyset_find(&grown, s->v[i])] = s->v[i];
				grown.n++;
			}
		}
		free(s->v);
		*s = grown;
	}
	if (s->v[keyset_find(s, key)] != key) {
		s->v[keyset_find(s, key)] = key;
		s->n++;
	}
	return 0;
}

static uint64_t
text_hash(const char *s)
{
	uint64_t h = 1469598103934665603ULL;

	for (; *s != '\0'; s++) {
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	}
	return h | 1;
}

/* ---- the build ------------------------------------------------------ */

struct build {
	struct foldgen_archive *a;
	size_t want;
	uint64_t rng;
	struct keyset events;	/* events told so far */
	struct keyset texts;	/* summaries of first tellings */
	uint32_t fixtures;
	/* Draws of a family in a language that found no untold event, in a
	 * row; at FULL the family's slots are taken to be full. */
	unsigned misses[FOLDTEXT_NFAMILIES][FOLDTEXT_NLANGS];
	int failed;		/* out of memory */
};

#define FULL 3

/* How often each family is drawn, per mille; fixtures tell up to three
 * stories each. */
static const struct {
	enum foldtext_family family;
	unsigned weight;
} family_weights[] = {
	{ FOLDTEXT_NEWS, 420 }, { FOLDTEXT_WEATHER, 150 }, { FOLDTEXT_MARKET, 50 },
	{ FOLDTEXT_MATCHDAY, 35 }, { FOLDTEXT_PODCAST, 35 },
	{ FOLDTEXT_EARNINGS, 60 }, { FOLDTEXT_GENERIC, 100 }, { FOLDTEXT_SERIES, 25 },
};

/* The share of stories, per cent, that several outlets tell. */
static const unsigned copied_percent[FOLDTEXT_NFAMILIES] = {
	[FOLDTEXT_NEWS] = 14, [FOLDTEXT_WEATHER] = 3, [FOLDTEXT_MARKET] = 10,
	[FOLDTEXT_MATCHDAY] = 4, [FOLDTEXT_LIVESTREAM] = 3, [FOLDTEXT_REPORT] = 12,
	[FOLDTEXT_PODCAST] = 5, [FOLDTEXT_EARNINGS] = 14, [FOLDTEXT_GENERIC] = 8,
	[FOLDTEXT_SERIES] = 4,
};

static enum foldtext_family
draw_family(uint64_t *rng)
{
	unsigned total = 0, r;
	size_t k;

	for (k = 0; k < COUNT(family_weights); k++) {
		total += family_weights[k].weight;
	}
	r = (unsigned)foldrng_below(rng, total);
	for (k = 0; r >= family_weights[k].weight; k++) {
		r -= family_weights[k].weight;
	}
	return family_weights[k].family;
}

static enum foldtext_lang
draw_lang(uint64_t *rng)
{
	size_t r = foldrng_below(rng, 100);

	return r < 50 ? FOLDTEXT_EN : r < 85 ? FOLDTEXT_JA : FOLDTEXT_DE;
}

static int64_t
draw_day(struct build *b)
{
	return b->a->start + (int64_t)foldrng_below(&b->rng, (size_t)b->a->days) * 86400;
}

/* The outlets of lang that run family (with mask, also those that run
 * any of mask), into out; returns how many. */
static size_t
outlets_for(enum foldtext_lang lang, unsigned mask, size_t skip, size_t *out)
{
	size_t n = 0;

	for (size_t f = 0; f < COUNT(feeds); f++) {
		if (feeds[f].lang == lang && (feeds[f].families & mask) != 0 && f != skip) {
			out[n++] = f;
		}
	}
	return n;
}

static size_t
draw_outlet(struct build *b, enum foldtext_lang lang, enum foldtext_family family)
{
	size_t v[COUNT(feeds)], n = outlets_for(lang, BIT(family), COUNT(feeds), v);

	if (n == 0) {
		n = outlets_for(lang, BIT(FOLDTEXT_NEWS), COUNT(feeds), v);
	}
	return v[foldrng_below(&b->rng, n)];
}

/* How many outlets tell a story: mostly one; 2-5 for copied stories. */
static size_t
draw_tellers(struct build *b, enum foldtext_family family)
{
	size_t r;

	if (!foldrng_chance(&b->rng, copied_percent[family])) {
		return 1;
	}
	r = foldrng_below(&b->rng, 100);
	return r < 45 ? 2 : r < 75 ? 3 : r < 90 ? 4 : 5;
}

/* The outlets that carry copies: others of the language that run the
 * family, then its news desks; returns how many (below want). */
static size_t
draw_copy_outlets(struct build *b, enum foldtext_lang lang,
                  enum foldtext_family family, size_t origin, size_t want,
                  size_t *out)
{
	size_t v[COUNT(feeds)], n = outlets_for(lang, BIT(family), origin, v), k;

	if (n < want) {
		size_t more[COUNT(feeds)], m = outlets_for(lang, BIT(FOLDTEXT_NEWS), origin, more);

		for (size_t i = 0; i < m; i++) {
			for (k = 0; k < n && v[k] != more[i]; k++) {
			}
			if (k == n) {
				v[n++] = more[i];
			}
		}
	}
	want = want < n ? want : n;
	for (k = 0; k < want; k++) {	/* a partial shuffle */
		size_t j = k + foldrng_below(&b->rng, n - k), t = v[k];

		v[k] = v[j];
		v[j] = t;
		out[k] = v[k];
	}
	return want;
}

/* ---- copies --------------------------------------------------------- */

/* How likely each title edit is, by script; and the order edits run in
 * (an outlet's tail comes last, after any glued or cut text). */
static const unsigned latin_edits[FOLDVARY_NKINDS] = {
	[FOLDVARY_UPPER] = 4, [FOLDVARY_LOWER] = 4, [FOLDVARY_TITLE_CASE] = 6,
	[FOLDVARY_FULL_WIDTH] = 3, [FOLDVARY_PUNCTUATION] = 14, [FOLDVARY_TAIL] = 20,
	[FOLDVARY_GLUE] = 10, [FOLDVARY_TRUNCATE] = 12, [FOLDVARY_SYNONYM] = 18,
};
static const unsigned japanese_edits[FOLDVARY_NKINDS] = {
	[FOLDVARY_FULL_WIDTH] = 18, [FOLDVARY_HALF_WIDTH] = 10,
	[FOLDVARY_PUNCTUATION] = 14, [FOLDVARY_TAIL] = 20, [FOLDVARY_GLUE] = 10,
	[FOLDVARY_TRUNCATE] = 12, [FOLDVARY_SYNONYM] = 14,
};
static const enum foldvary_kind edit_order[] = {
	FOLDVARY_SYNONYM, FOLDVARY_PUNCTUATION, FOLDVARY_UPPER, FOLDVARY_LOWER,
	FOLDVARY_TITLE_CASE, FOLDVARY_FULL_WIDTH, FOLDVARY_HALF_WIDTH,
	FOLDVARY_GLUE, FOLDVARY_TRUNCATE, FOLDVARY_TAIL,
};

/* Edits that cannot go together: one case, one width. */
static int
edits_clash(enum foldvary_kind a, enum foldvary_kind b)
{
	int case_a = a <= FOLDVARY_TITLE_CASE, case_b = b <= FOLDVARY_TITLE_CASE;
	int width_a = a == FOLDVARY_FULL_WIDTH || a == FOLDVARY_HALF_WIDTH;
	int width_b = b == FOLDVARY_FULL_WIDTH || b == FOLDVARY_HALF_WIDTH;

	return a == b || (case_a && case_b) || (width_a && width_b);
}

static enum foldvary_kind
draw_edit(struct build *b, const unsigned *weights, const int *chosen)
{
	unsigned total = 0, r;
	int k;

	for (k = 0; k < FOLDVARY_NKINDS; k++) {
		total += chosen[k] ? 0 : weights[k];
	}
	r = (unsigned)foldrng_below(&b->rng, total);
	for (k = 0; chosen[k] || r >= weights[k]; k++) {
		r -= chosen[k] ? 0 : weights[k];
	}
	return (enum foldvary_kind)k;
}

/* A copy's title: none, one or two edits, drawn by script. */
static void
vary_title(struct build *b, enum foldtext_lang lang, const char *title,
           const char *summary, const char *outlet, char *out, size_t cap)
{
	const unsigned *weights = lang == FOLDTEXT_JA ? japanese_edits : latin_edits;
	int chosen[FOLDVARY_NKINDS] = { 0 }, k;
	size_t r = foldrng_below(&b->rng, 100), edits = r < 25 ? 0 : r < 80 ? 1 : 2;
	char tmp[FOLDTEXT_TITLE_MAX + FOLDTEXT_SUMMARY_MAX];

	for (size_t e = 0; e < edits; e++) {
		enum foldvary_kind kind = draw_edit(b, weights, chosen);

		for (k = 0; k < FOLDVARY_NKINDS; k++) {
			if (chosen[k] && edits_clash(kind, (enum foldvary_kind)k)) {
				break;
			}
		}
		chosen[kind] = k == FOLDVARY_NKINDS;
	}
	snprintf(out, cap, "%s", title);
	for (size_t i = 0; i < COUNT(edit_order); i++) {
		enum foldvary_kind kind = edit_order[i];

		if (chosen[kind] && foldvary_apply(kind, out, kind == FOLDVARY_TAIL
		                                   ? outlet : summary,
		                                   (unsigned)foldrng_next(&b->rng),
		                                   tmp, sizeof(tmp)) == 0
		    && strlen(tmp) < cap) {
			memcpy(out, tmp, strlen(tmp) + 1);
		}
	}
}

/* A copy's summary: the wire's word for word, cut, touched up, its lead
 * alone, or its lead reworded with a sentence of the outlet's own. */
static void
vary_summary(struct build *b, enum foldtext_lang lang, int64_t day_start,
             const char *summary, char *out, size_t cap)
{
	size_t r = foldrng_below(&b->rng, 100);
	unsigned pick = (unsigned)foldrng_next(&b->rng);
	char lead[FOLDTEXT_SUMMARY_MAX], aside[FOLDTEXT_SUMMARY_MAX];

	snprintf(out, cap, "%s", summary);
	if (r < 45) {
		return;
	}
	if (r < 52) {
		foldvary_apply(FOLDVARY_TRUNCATE, summary, NULL, pick, out, cap);
	} else if (r < 60) {
		foldvary_apply(lang == FOLDTEXT_JA ? FOLDVARY_FULL_WIDTH : FOLDVARY_PUNCTUATION,
		               summary, NULL, pick & ~1u, out, cap);
	} else if (foldvary_first_sentence(summary, lead, sizeof(lead)) == 0) {
		if (r < 70) {
			snprintf(out, cap, "%s", lead);
			return;
		}
		if (foldvary_apply(FOLDVARY_SYNONYM, lead, NULL, pick, out, cap) != 0) {
			snprintf(out, cap, "%s", lead);
		}
		foldtext_aside(lang, day_start, &b->rng, aside, sizeof(aside));
		if (strlen(out) + strlen(aside) + 2 < cap) {
			strncat(out, lang == FOLDTEXT_JA ? "" : " ", cap - strlen(out) - 1);
			strncat(out, aside, cap - strlen(out) - 1);
		}
	}
	if (out[0] == '\0') {
		snprintf(out, cap, "%s", summary);
	}
}

/* Item i's link and GUID at outlet feed; a copy that an aggregator took
 * keeps the first telling's link (shared). */
static void
make_link(const struct foldgen_feed *feed, int64_t time, size_t i,
          char *link, char *guid)
{
	time_t t = (time_t)time;
	struct tm tm;

	gmtime_r(&t, &tm);
	snprintf(link, LINK_MAX, "https://%s/%04d/%02d/%02d/%zu", feed->host,
	         tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, i);
	snprintf(guid, LINK_MAX, "tag:%s,2026:%zu", feed->host, i);
}

struct telling {
	const struct foldtext_story *story;
	enum foldtext_family family;
	enum foldtext_lang lang;
	int64_t day_start;
	uint32_t dontcare;
};

/* Appends one item; title and summary are copied into the arena. */
static void
push_item(struct build *b, const struct telling *tl, size_t feed, int64_t time,
          const char *title, const char *summary, const char *shared_link,
          unsigned copy)
{
	struct foldgen_archive *a = b->a;
	struct foldgen_item *it = &a->items[a->n];
	char link[LINK_MAX], guid[LINK_MAX];

	make_link(&feeds[feed], time, a->n, link, guid);
	it->title = arena_copy(a->arena, title);
	it->summary = arena_copy(a->arena, summary);
	it->link = arena_copy(a->arena, shared_link != NULL ? shared_link : link);
	it->guid = arena_copy(a->arena, guid);
	if (it->title == NULL || it->summary == NULL || it->link == NULL
	    || it->guid == NULL) {
		b->failed = 1;
		return;
	}
	it->time = time;
	it->story = (uint32_t)a->nstories;
	it->dontcare = tl->dontcare;
	it->feed = (unsigned short)feed;
	it->family = (unsigned char)tl->family;
	it->copy = (unsigned char)copy;
	a->n++;
}

/* Tells a story: the first telling at origin, then its copies within
 * hours at other outlets of the language. */
static void
tell(struct build *b, const struct telling *tl, size_t origin)
{
	size_t others[MAX_COPIES], ncopies = draw_tellers(b, tl->family) - 1, k;
	int64_t t0 = tl->day_start + tl->story->at + (int64_t)foldrng_below(&b->rng, 600);
	char title[FOLDTEXT_TITLE_MAX], summary[FOLDTEXT_SUMMARY_MAX];
	const char *first_link;
	size_t told = 0;

	ncopies = draw_copy_outlets(b, tl->lang, tl->family, origin, ncopies, others);
	push_item(b, tl, origin, t0, tl->story->title, tl->story->summary, NULL, 0);
	if (b->failed) {
		return;
	}
	first_link = b->a->items[b->a->n - 1].link;
	for (k = 0; k < ncopies && b->a->n < b->want && !b->failed; k++) {
		int64_t t = t0 + 300 + (int64_t)foldrng_below(&b->rng, 6 * 3600);
		int aggregator = foldrng_chance(&b->rng, 10);

		vary_title(b, tl->lang, tl->story->title, tl->story->summary,
		           feeds[others[k]].title, title, sizeof(title));
		vary_summary(b, tl->lang, tl->day_start, tl->story->summary, summary,
		             sizeof(summary));
		push_item(b, tl, others[k], t, title, summary,
		          aggregator ? first_link : NULL, (unsigned)k + 1);
		told++;
	}
	b->a->ncopied += told > 0;
	b->a->nstories++;
}

/* ---- stories -------------------------------------------------------- */

/* Whether the story is new: its event untold and its summary unlike any
 * first telling's, so that no two distinct stories are the same text. */
static int
is_new(const struct build *b, const struct foldtext_story *st)
{
	return !keyset_has(&b->events, st->key)
	       && !keyset_has(&b->texts, text_hash(st->summary));
}

static void
remember(struct build *b, const struct foldtext_story *st)
{
	if (keyset_add(&b->events, st->key) != 0
	    || keyset_add(&b->texts, text_hash(st->summary)) != 0) {
		b->failed = 1;
	}
}

static void
add_single(struct build *b, enum foldtext_family family, enum foldtext_lang lang)
{
	struct foldtext_story st;
	struct telling tl = { &st, family, lang, 0, 0 };

	if (b->misses[family][lang] >= FULL) {
		tl.family = FOLDTEXT_NEWS;
	}
	for (int attempt = 0; attempt < 2 * TRIES; attempt++) {
		size_t outlet;

		if (attempt == TRIES) {
			b->misses[family][lang]++;
			tl.family = FOLDTEXT_NEWS;	/* the family's slots are full */
		}
		tl.day_start = draw_day(b);
		outlet = draw_outlet(b, lang, tl.family);
		foldtext_write(tl.family, lang, (unsigned)outlet, tl.day_start, &b->rng, &st);
		if (is_new(b, &st)) {
			if (tl.family == family) {
				b->misses[family][lang] = 0;
			}
			remember(b, &st);
			tell(b, &tl, outlet);
			return;
		}
	}
}

/* One story of a fixture, by an outlet that runs its family. */
static void
tell_fixture(struct build *b, enum foldtext_family family,
             const struct foldtext_fixture *fx, int64_t day_start,
             uint32_t dontcare)
{
	struct foldtext_story st;
	struct telling tl = { &st, family, fx->lang, day_start, dontcare };
	size_t outlet = draw_outlet(b, fx->lang, family);

	foldtext_fixture_write(family, fx, (unsigned)outlet, &b->rng, &st);
	remember(b, &st);
	tell(b, &tl, outlet);
}

/* A match: its preview, livestream notice and report, each told or not.
 * Pairs across the preview and the report are "don't care". */
static void
add_fixture(struct build *b, enum foldtext_lang lang)
{
	struct foldtext_fixture fx;
	int64_t day_start = 0;
	int attempt;
	uint32_t id;

	for (attempt = b->misses[FOLDTEXT_MATCHDAY][lang] >= FULL ? TRIES : 0;
	     attempt < TRIES; attempt++) {
		day_start = draw_day(b);
		foldtext_fixture_draw(lang, day_start, &b->rng, &fx);
		if (!keyset_has(&b->events, fx.home_key)
		    && !keyset_has(&b->events, fx.away_key)) {
			break;
		}
	}
	if (attempt == TRIES) {
		b->misses[FOLDTEXT_MATCHDAY][lang] += b->misses[FOLDTEXT_MATCHDAY][lang] < FULL;
		add_single(b, FOLDTEXT_NEWS, lang);
		return;
	}
	b->misses[FOLDTEXT_MATCHDAY][lang] = 0;
	if (keyset_add(&b->events, fx.home_key) != 0
	    || keyset_add(&b->events, fx.away_key) != 0) {
		b->failed = 1;
		return;
	}
	id = ++b->fixtures;
	if (foldrng_chance(&b->rng, 80) && b->a->n < b->want) {
		tell_fixture(b, FOLDTEXT_MATCHDAY, &fx, day_start, id);
	}
	if (foldrng_chance(&b->rng, 50) && b->a->n < b->want) {
		tell_fixture(b, FOLDTEXT_LIVESTREAM, &fx, day_start, 0);
	}
	if (foldrng_chance(&b->rng, 75) && b->a->n < b->want) {
		tell_fixture(b, FOLDTEXT_REPORT, &fx, day_start, id);
	}
}

static int
item_order(const void *x, const void *y)
{
	const struct foldgen_item *a = x, *b = y;

	if (a->time != b->time) {
		return a->time < b->time ? -1 : 1;
	}
	if (a->story != b->story) {
		return a->story < b->story ? -1 : 1;
	}
	return (a->copy > b->copy) - (a->copy < b->copy);
}

enum nf_status
foldgen_build(size_t n, uint64_t seed, struct foldgen_archive *out,
              struct nf_error *err)
{
	struct build b = { .a = out, .want = n, .rng = seed };

	memset(out, 0, sizeof(*out));
	out->start = FOLDGEN_START;
	out->days = FOLDGEN_DAYS;
	out->items = malloc((n ? n : 1) * sizeof(*out->items));
	out->arena = calloc(1, sizeof(*out->arena));
	while (out->items != NULL && out->arena != NULL && out->n < n && !b.failed) {
		enum foldtext_lang lang = draw_lang(&b.rng);
		enum foldtext_family family = draw_family(&b.rng);

		if (family == FOLDTEXT_MATCHDAY) {
			add_fixture(&b, lang);
		} else {
			add_single(&b, family, lang);
		}
	}
	free(b.events.v);
	free(b.texts.v);
	if (out->items == NULL || out->arena == NULL || b.failed) {
		foldgen_free(out);
		return nf_error_set(err, NF_ERR_NOMEM, "out of memory for %zu items", n);
	}
	qsort(out->items, out->n, sizeof(*out->items), item_order);
	return NF_OK;
}

void
foldgen_free(struct foldgen_archive *a)
{
	if (a == NULL) {
		return;
	}
	free(a->items);
	arena_free(a->arena);
	memset(a, 0, sizeof(*a));
}

struct fold_entry *
foldgen_entries(const struct foldgen_archive *a)
{
	struct fold_entry *e = calloc(a->n ? a->n : 1, sizeof(*e));

	for (size_t i = 0; e != NULL && i < a->n; i++) {
		const struct foldgen_item *it = &a->items[i];

		e[i].title = it->title;
		e[i].id = it->guid;
		e[i].link = it->link;
		e[i].summary = it->summary;
		e[i].source = feeds[it->feed].title;
		e[i].time = it->time;
		e[i].text_len = strlen(it->summary);
	}
	return e;
}
