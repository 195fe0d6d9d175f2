/*
 * The third labelled archive (see thirdgen.h): stories drawn from
 * thirdtext.c's templates, some told again by other outlets within
 * hours with the variations a wire copy goes through.
 */
#include "autoconfig.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tests/scale/foldarchive.h"
#include "tests/scale/foldrng.h"
#include "tests/third/thirdgen.h"
#include "tests/third/thirdtext.h"

#define DAYS 28
#define START 1767225600	/* 2026-01-01T00:00:00Z */
#define COPY_PERCENT 6
#define COPY_HOURS 6

static const unsigned family_weight[TG_NFAMILIES] = {
	[TG_FIXTURE] = 9, [TG_WARNING] = 6, [TG_PRICE] = 7, [TG_COURT] = 5,
	[TG_RECALL] = 6, [TG_SCHOOL] = 6, [TG_TRAVEL] = 7, [TG_SERIES] = 4,
	[TG_EDITION] = 4, [TG_FRENCH] = 8, [TG_ITALIAN] = 8, [TG_CHINESE] = 8,
	[TG_NEWS] = 22,
};

static const char *const family_names[TG_NFAMILIES] = {
	"fixture", "warning", "price", "court", "recall", "school", "travel",
	"series", "edition", "french", "italian", "chinese", "news",
};

enum tail { TAIL_NONE, TAIL_PIPE, TAIL_DASH, TAIL_BRACKET };

struct outlet {
	const char *name, *host;
	int tail;	/* how it signs its titles */
};

static const struct outlet outlets[] = {
	{ "Harbour Gazette", "harbourgazette.example", TAIL_PIPE },
	{ "Wire Europe", "wire-europe.example", TAIL_NONE },
	{ "Le Courrier du Soir", "courrier.example", TAIL_DASH },
	{ "Il Notiziario", "notiziario.example", TAIL_PIPE },
	{ "新华快讯", "xinhuakx.example", TAIL_NONE },
	{ "Midland Post", "midlandpost.example", TAIL_BRACKET },
	{ "Sports Desk", "sportsdesk.example", TAIL_DASH },
	{ "Market Ticker", "marketticker.example", TAIL_NONE },
	{ "Northern Echo Live", "northernecho.example", TAIL_PIPE },
	{ "City AM Digest", "cityam.example", TAIL_DASH },
	{ "Radio Lumière", "lumiere.example", TAIL_NONE },
	{ "The Aggregator", "aggregator.example", TAIL_BRACKET },
};

#define NOUTLETS (sizeof(outlets) / sizeof(outlets[0]))

const char *
thirdgen_family_name(int family)
{
	return family >= 0 && family < TG_NFAMILIES ? family_names[family] : "?";
}

static int
weighted(uint64_t *r)
{
	unsigned total = 0, x;
	int i;

	for (i = 0; i < TG_NFAMILIES; i++) {
		total += family_weight[i];
	}
	x = (unsigned)foldrng_below(r, total);
	for (i = 0; i + 1 < TG_NFAMILIES && x >= family_weight[i]; i++) {
		x -= family_weight[i];
	}
	return i;
}

/* ---- Stories told already ------------------------------------------- */

struct seen {
	uint64_t *h;
	size_t cap;
};

static uint64_t
hash2(const char *a, const char *b)
{
	uint64_t h = 1469598103934665603ULL;

	while (*a != '\0') {
		h = (h ^ (unsigned char)*a++) * 1099511628211ULL;
	}
	h = (h ^ 0xFF) * 1099511628211ULL;
	while (*b != '\0') {
		h = (h ^ (unsigned char)*b++) * 1099511628211ULL;
	}
	return h | 1;
}

/* Adds h to a table sized for every item; 0 when it was there. */
static int
seen_add(struct seen *s, uint64_t h)
{
	size_t i;

	for (i = h % s->cap; s->h[i] != 0; i = (i + 1) % s->cap) {
		if (s->h[i] == h) {
			return 0;
		}
	}
	s->h[i] = h;
	return 1;
}

/* Whether a story about key was told within three days of day (0 when
 * it was, else notes it): the same team pair, route, town or firm twice
 * in three days would be one story to any reader. */
static int
key_free(struct seen *s, const char *key, int day)
{
	char d[16];
	int k;

	for (k = -3; k <= 3; k++) {
		snprintf(d, sizeof(d), "%d", day + k);
		for (size_t i = hash2(key, d) % s->cap; s->h[i] != 0; i = (i + 1) % s->cap) {
			if (s->h[i] == hash2(key, d)) {
				return 0;
			}
		}
	}
	snprintf(d, sizeof(d), "%d", day);
	return seen_add(s, hash2(key, d));
}

/* ---- Copy variations ------------------------------------------------ */

enum vary { V_TAIL, V_DATELINE, V_CASE, V_SUFFIX, V_GLUE, V_REWRITE, V_NVARY };

static const unsigned vary_weight[V_NVARY] = { 20, 14, 12, 14, 14, 16 };

static void
add_tail(const char *s, const struct outlet *o, char *out)
{
	switch (o->tail) {
	case TAIL_PIPE: snprintf(out, TT_TITLE_MAX, "%s | %s", s, o->name); return;
	case TAIL_DASH: snprintf(out, TT_TITLE_MAX, "%s - %s", s, o->name); return;
	case TAIL_BRACKET: snprintf(out, TT_TITLE_MAX, "%s (%s)", s, o->name); return;
	default: snprintf(out, TT_TITLE_MAX, "%s", s);
	}
}

/* Every ASCII word's first letter in capitals, as some outlets write
 * headlines. */
static void
title_case(const char *s, char *out)
{
	size_t i;

	for (i = 0; s[i] != '\0' && i + 1 < TT_TITLE_MAX; i++) {
		char c = s[i];
		int first = i == 0 || s[i - 1] == ' ';

		out[i] = (char)(first && c >= 'a' && c <= 'z' ? c - 32 : c);
	}
	out[i] = '\0';
}

/* The summary's first sentence glued on, as some feeds do. */
static void
glue(const char *s, const char *summary, char *out)
{
	const char *end = summary;

	while (*end != '\0' && strncmp(end, ". ", 2) != 0 && strncmp(end, "。", 3) != 0) {
		end++;
	}
	foldarchive_put(out, TT_TITLE_MAX, "%s %.*s", s, (int)(end - summary), summary);
}

/* Applies v to title (in place); 0 when it does not apply. */
static int
vary(int v, char *title, const struct thirdtext *st, const struct outlet *o,
     uint64_t *r)
{
	static const char *const suffix[] = { " (updated)", " [video]", " - live" };
	char out[TT_TITLE_MAX];

	switch (v) {
	case V_TAIL:
		if (o->tail == TAIL_NONE) {
			return 0;
		}
		add_tail(title, o, out);
		break;
	case V_DATELINE:
		if (st->place[0] == '\0') {
			return 0;
		}
		snprintf(out, sizeof(out), foldrng_chance(r, 50) ? "%s — %s" :
		         "%s (Wire Europe) - %s", st->place, title);
		break;
	case V_CASE:
		if (st->lang != TT_EN) {
			return 0;
		}
		title_case(title, out);
		break;
	case V_SUFFIX:
		snprintf(out, sizeof(out), "%s%s", title, suffix[foldrng_below(r, 3)]);
		break;
	case V_GLUE:
		glue(title, st->summary, out);
		break;
	default:
		if (st->alt[0] == '\0') {
			return 0;
		}
		memcpy(out, st->alt, sizeof(out));
	}
	memcpy(title, out, TT_TITLE_MAX);
	return 1;
}

static int
pick_vary(uint64_t *r)
{
	unsigned total = 0, x;
	int i;

	for (i = 0; i < V_NVARY; i++) {
		total += vary_weight[i];
	}
	x = (unsigned)foldrng_below(r, total);
	for (i = 0; i + 1 < V_NVARY && x >= vary_weight[i]; i++) {
		x -= vary_weight[i];
	}
	return i;
}

/* ---- The archive ---------------------------------------------------- */

static char *
dup(const char *s)
{
	size_t n = strlen(s) + 1;
	char *d = malloc(n);

	return d != NULL ? memcpy(d, s, n) : NULL;
}

/* Item i: copy c of story s by outlet o. */
static int
put_item(struct foldarchive_item *it, const struct thirdtext *st, const char *title,
         const struct outlet *o, uint32_t s, size_t c)
{
	char addr[160];

	snprintf(addr, sizeof(addr), "https://%s/%u/%zu", o->host, (unsigned)s, c);
	it->title = dup(title);
	it->summary = dup(st->summary);
	it->link = dup(addr);
	snprintf(addr, sizeof(addr), "%s/%u-%zu", o->host, (unsigned)s, c);
	it->guid = dup(addr);
	it->source = dup(o->name);
	return it->title && it->summary && it->link && it->guid && it->source ? 0 : -1;
}

/* Tells one story of family f k times from time t; returns items added,
 * -1 when out of memory. */
static int
tell(struct thirdgen_archive *a, const struct thirdtext *st, int f, int64_t t,
     size_t k, uint64_t *r)
{
	size_t o0 = foldrng_below(r, NOUTLETS), c;
	uint32_t s = (uint32_t)a->nstories;

	for (c = 0; c < k; c++) {
		struct foldarchive_item *it = &a->items[a->n];
		const struct outlet *o = &outlets[(o0 + c * 5) % NOUTLETS];
		char title[TT_TITLE_MAX];
		int v = c == 0 ? V_TAIL : pick_vary(r);

		memcpy(title, st->title, sizeof(title));
		if (c == 0 ? foldrng_chance(r, 50) : 1) {
			if (!vary(v, title, st, o, r)) {
				vary(V_TAIL, title, st, o, r);
			}
		}
		if (put_item(it, st, title, o, s, c) != 0) {
			return -1;
		}
		it->time = t + (c == 0 ? 0 : (int64_t)foldrng_below(r, COPY_HOURS * 3600));
		it->story = s, it->family = (unsigned char)f;
		a->n++;
	}
	a->nstories++;
	a->ncopied += k > 1;
	return (int)k;
}

static int
cmp_time(const void *x, const void *y)
{
	const struct foldarchive_item *a = x, *b = y;

	if (a->time != b->time) {
		return a->time < b->time ? -1 : 1;
	}
	return (a->story > b->story) - (a->story < b->story);
}

enum nf_status
thirdgen_build(size_t n, uint64_t seed, struct thirdgen_archive *out,
               struct nf_error *err)
{
	struct seen seen = { calloc(8 * n + 16, sizeof(uint64_t)), 8 * n + 16 };
	uint64_t r = seed;
	size_t tries = 0;

	memset(out, 0, sizeof(*out));
	out->items = calloc(n ? n : 1, sizeof(*out->items));
	while (seen.h != NULL && out->items != NULL && out->n < n && tries++ < 50 * n + 100) {
		struct thirdtext st;
		int f = weighted(&r), day = (int)foldrng_below(&r, DAYS), again = 30;
		size_t k = foldrng_chance(&r, COPY_PERCENT) ? 2 + foldrng_below(&r, 4) : 1;
		int64_t t = START + (int64_t)day * 86400 + (int64_t)foldrng_below(&r, 86400);

		/* redrawn in its family, so that each keeps its share */
		do {
			uint64_t rs = foldrng_next(&r);

			thirdtext_story(f, day, &rs, &st);
		} while (!key_free(&seen, st.key, day) && --again > 0);
		if (again == 0 || !seen_add(&seen, hash2(st.title, st.summary))) {
			continue;	/* told already: every story is another */
		}
		if (tell(out, &st, f, t, k < n - out->n ? k : n - out->n, &r) < 0) {
			break;
		}
	}
	free(seen.h);
	if (out->n < n) {
		thirdgen_free(out);
		return nf_error_set(err, NF_ERR_NOMEM, "third archive: out of memory or of stories");
	}
	qsort(out->items, out->n, sizeof(*out->items), cmp_time);
	return NF_OK;
}

void
thirdgen_free(struct thirdgen_archive *a)
{
	foldarchive_free_items(a->items, a->n);
	free(a->items);
	memset(a, 0, sizeof(*a));
}
