/*
 * The second archive: outlets, stories, copies and their variations.
 */
#include "autoconfig.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "src/item.h"
#include "tests/scale/foldarchive.h"
#include "tests/scale/foldrng.h"
#include "tests/second/secondgen.h"
#include "tests/second/secondtext.h"

#define DAYS 28
#define START 1799020800	/* Monday 2027-01-04T00:00:00Z */
#define COPIED_PERCENT 4	/* stories told by 2-5 outlets */
#define PREVIEW_PERCENT 40	/* matches with a preview */
#define COPY_HOURS 8		/* copies follow the first telling within */

/* How an outlet marks its name in its own titles. */
enum tail { TAIL_NONE, TAIL_PIPE, TAIL_DASH, TAIL_PAREN, TAIL_EMDASH };

struct outlet {
	const char *name, *host;
	int lang;
	enum tail tail;
};

static const struct outlet outlets[] = {
	{ "The Daily Courier", "dailycourier.example", ST_EN, TAIL_PIPE },
	{ "Harbour Herald", "harbourherald.example", ST_EN, TAIL_NONE },
	{ "Metro Wire", "metrowire.example", ST_EN, TAIL_DASH },
	{ "Valley Post", "valleypost.example", ST_EN, TAIL_NONE },
	{ "Northern Ledger", "ledger.example", ST_EN, TAIL_PAREN },
	{ "Evening Signal", "signal.example", ST_EN, TAIL_EMDASH },
	{ "County Observer", "observer.example", ST_EN, TAIL_NONE },
	{ "Capital Dispatch", "dispatch.example", ST_EN, TAIL_NONE },
	{ "みなと新聞", "minato.example", ST_JA, TAIL_NONE },
	{ "東西ニュース", "tozai.example", ST_JA, TAIL_PIPE },
	{ "さくら日報", "sakura.example", ST_JA, TAIL_NONE },
	{ "北斗タイムズ", "hokuto.example", ST_JA, TAIL_DASH },
	{ "Nordkurier Online", "nordkurier.example", ST_DE, TAIL_DASH },
	{ "Rheinblatt", "rheinblatt.example", ST_DE, TAIL_NONE },
	{ "Tagesbote", "tagesbote.example", ST_DE, TAIL_PIPE },
	{ "Südpresse", "suedpresse.example", ST_DE, TAIL_NONE },
	{ "Diario del Sur", "diariosur.example", ST_ES, TAIL_PIPE },
	{ "La Voz Norte", "voznorte.example", ST_ES, TAIL_NONE },
	{ "El Mirador", "mirador.example", ST_ES, TAIL_DASH },
	{ "Crónica Global", "cronica.example", ST_ES, TAIL_NONE },
	{ "한빛일보", "hanbit.example", ST_KO, TAIL_NONE },
	{ "새벽뉴스", "saebyeok.example", ST_KO, TAIL_PIPE },
	{ "바다신문", "bada.example", ST_KO, TAIL_NONE },
	{ "누리경제", "nuri.example", ST_KO, TAIL_DASH },
};
#define NOUTLETS (sizeof(outlets) / sizeof(outlets[0]))

/* Per hundred stories: languages, then families. */
static const unsigned lang_weight[ST_NLANGS] = { 42, 20, 14, 14, 10 };
static const unsigned family_weight[SG_NFAMILIES] = {
	[SG_LOTTERY] = 2, [SG_TRAFFIC] = 9, [SG_FLASH] = 8, [SG_EARNINGS] = 2,
	[SG_OBITUARY] = 5, [SG_ELECTION] = 3, [SG_COLUMN] = 3, [SG_SCORE] = 9,
	[SG_TICKER] = 6, [SG_QUAKE] = 7, [SG_PRESS] = 3, [SG_NOTICE] = 5,
	[SG_LOUD] = 5, [SG_NEWS] = 33,
};

static const char *const family_names[SG_NFAMILIES] = {
	"lottery", "traffic", "flash", "earnings", "obituary", "election",
	"column", "score", "ticker", "quake", "press", "notice", "loud", "news",
};

const char *
secondgen_family_name(int family)
{
	return family >= 0 && family < SG_NFAMILIES ? family_names[family] : "?";
}

static size_t
weighted(uint64_t *r, const unsigned *w, size_t n)
{
	unsigned total = 0, x;
	size_t i;

	for (i = 0; i < n; i++) {
		total += w[i];
	}
	x = (unsigned)foldrng_below(r, total);
	for (i = 0; i + 1 < n && x >= w[i]; i++) {
		x -= w[i];
	}
	return i;
}

/* ---- The identities drawn so far ------------------------------------ */

struct seen {
	uint64_t *h;
	size_t cap, n;
};

static uint64_t
hash_str(const char *s)
{
	uint64_t h = 1469598103934665603ULL;

	while (*s != '\0') {
		h = (h ^ (unsigned char)*s++) * 1099511628211ULL;
	}
	return h | 1;
}

static int
seen_has(const struct seen *s, uint64_t h)
{
	size_t i;

	for (i = s->cap ? h % s->cap : 0; s->cap > 0 && s->h[i] != 0; i = (i + 1) % s->cap) {
		if (s->h[i] == h) {
			return 1;
		}
	}
	return 0;
}

/* Adds h; returns 0 when it was there already, -1 out of memory. */
static int
seen_add(struct seen *s, uint64_t h)
{
	size_t i;

	if (2 * (s->n + 1) > s->cap) {
		struct seen t = { calloc(s->cap ? 2 * s->cap : 1024, sizeof(uint64_t)), s->cap ? 2 * s->cap : 1024, 0 };

		if (t.h == NULL) {
			return -1;
		}
		for (i = 0; i < s->cap; i++) {
			if (s->h[i] != 0) {
				seen_add(&t, s->h[i]);
			}
		}
		free(s->h);
		*s = t;
	}
	for (i = h % s->cap; s->h[i] != 0; i = (i + 1) % s->cap) {
		if (s->h[i] == h) {
			return 0;
		}
	}
	s->h[i] = h;
	s->n++;
	return 1;
}

/* ---- Variations ----------------------------------------------------- */

enum vary {
	V_CASE, V_WIDTH, V_PUNCT, V_TAIL, V_GLUE, V_TRUNC, V_WORD, V_ALT,
	V_PREFIX, V_NVARY
};

static const unsigned vary_weight[V_NVARY] = { 12, 8, 14, 16, 10, 10, 12, 12, 6 };

/* Copies s to out, upper-casing (up 1), lower-casing (0) ASCII. */
static void
ascii_case(const char *s, char *out, int up)
{
	size_t i;

	for (i = 0; s[i] != '\0' && i + 1 < ST_TITLE_MAX; i++) {
		char c = s[i];

		out[i] = (char)(up && c >= 'a' && c <= 'z' ? c - 32 :
		                !up && c >= 'A' && c <= 'Z' ? c + 32 : c);
	}
	out[i] = '\0';
}

/* ASCII digits and letters to full width, as some Japanese and Korean
 * outlets write them; full-width digits back to ASCII. */
static void
width_swap(const char *s, char *out)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, o = 0;

	while (u[i] != '\0' && o + 4 < ST_TITLE_MAX) {
		if (u[i] == 0xEF && u[i + 1] == 0xBC && u[i + 2] >= 0x90 && u[i + 2] <= 0x99) {
			out[o++] = (char)('0' + (u[i + 2] - 0x90)), i += 3;
		} else if ((u[i] >= '0' && u[i] <= '9') || (u[i] >= 'A' && u[i] <= 'Z')) {
			unsigned cp = 0xFF00u + (u[i] - 0x20u);

			out[o++] = (char)0xEF, out[o++] = (char)(0x80 | ((cp >> 6) & 0x3F));
			out[o++] = (char)(0x80 | (cp & 0x3F)), i++;
		} else {
			out[o++] = (char)u[i++];
		}
	}
	out[o] = '\0';
}

/* Punctuation outlets change: a colon for a dash, quotes, a full stop. */
static void
punct(const char *s, char *out, uint64_t *r)
{
	const char *colon = strstr(s, ": ");

	switch (foldrng_below(r, 3)) {
	case 0:
		if (colon != NULL) {
			snprintf(out, ST_TITLE_MAX, "%.*s — %s", (int)(colon - s), s, colon + 2);
			return;
		}
		/* fall through */
	case 1:
		foldarchive_put(out, ST_TITLE_MAX, "%s.", s);
		return;
	default:
		foldarchive_put(out, ST_TITLE_MAX, "\"%s\"", s);
	}
}

static void
add_tail(const char *s, const struct outlet *o, char *out)
{
	switch (o->tail) {
	case TAIL_PIPE: snprintf(out, ST_TITLE_MAX, "%s | %s", s, o->name); return;
	case TAIL_DASH: snprintf(out, ST_TITLE_MAX, "%s - %s", s, o->name); return;
	case TAIL_PAREN: snprintf(out, ST_TITLE_MAX, "%s (%s)", s, o->name); return;
	case TAIL_EMDASH: snprintf(out, ST_TITLE_MAX, "%s — %s", s, o->name); return;
	default: snprintf(out, ST_TITLE_MAX, "%s", s);
	}
}

/* The summary's first sentence glued on, as some feeds do. */
static void
glue(const char *s, const char *summary, char *out)
{
	const char *end = summary;

	while (*end != '\0' && strncmp(end, ". ", 2) != 0 && strncmp(end, "。", 3) != 0) {
		end++;
	}
	foldarchive_put(out, ST_TITLE_MAX, "%s %.*s", s, (int)(end - summary), summary);
}

/* Cut at a space (or a character, in CJK) past half, with "...". */
static int
truncate_title(const char *s, char *out)
{
	size_t len = strlen(s), cut = len * 2 / 3;

	while (cut > len / 2 && s[cut] != ' ') {
		cut--;
	}
	if (s[cut] != ' ') {
		cut = len * 2 / 3;
		while (cut > 0 && ((unsigned char)s[cut] & 0xC0) == 0x80) {
			cut--;
		}
	}
	if (cut < 12) {
		return 0;
	}
	snprintf(out, ST_TITLE_MAX, "%.*s...", (int)cut, s);
	return 1;
}

static void
prefix(const char *s, int lang, uint64_t *r, char *out)
{
	static const char *const pre[ST_NLANGS][2] = {
		{ "Breaking: ", "UPDATE: " }, { "【速報】", "【更新】" },
		{ "Eilmeldung: ", "Update: " }, { "Última hora: ", "Urgente: " },
		{ "[속보] ", "[업데이트] " },
	};

	snprintf(out, ST_TITLE_MAX, "%s%s", pre[lang][foldrng_below(r, 2)], s);
}

/* Applies variation v to title (in place); returns 0 when it does not
 * apply. */
static int
vary(int v, char *title, const struct secondtext_story *st, int lang,
     const struct outlet *o, uint64_t *r)
{
	char out[ST_TITLE_MAX];

	switch (v) {
	case V_CASE:
		if (lang == ST_JA || lang == ST_KO) {
			return 0;
		}
		ascii_case(title, out, foldrng_chance(r, 50));
		break;
	case V_WIDTH:
		if (lang != ST_JA && lang != ST_KO) {
			return 0;
		}
		width_swap(title, out);
		break;
	case V_PUNCT:
		punct(title, out, r);
		break;
	case V_TAIL:
		if (o->tail == TAIL_NONE) {
			return 0;
		}
		add_tail(title, o, out);
		break;
	case V_GLUE:
		glue(title, st->summary, out);
		break;
	case V_TRUNC:
		if (!truncate_title(title, out)) {
			return 0;
		}
		break;
	case V_WORD:
		if (!secondtext_swap_word(title, lang, r, out)) {
			return 0;
		}
		break;
	case V_ALT:
		if (st->alt[0] == '\0' || strcmp(title, st->title) != 0) {
			return 0;
		}
		memcpy(out, st->alt, sizeof(out));
		break;
	default:
		if (strchr(title, ':') != NULL || strstr(title, "【") != NULL || title[0] == '[') {
			return 0;	/* one prefix is enough */
		}
		prefix(title, lang, r, out);
	}
	memcpy(title, out, ST_TITLE_MAX);
	return 1;
}

/* A copy's summary: the wire's text, a sentence added, the last one
 * dropped, or none at all. */
static void
copy_summary(const char *summary, uint64_t *r, char *out, size_t cap)
{
	size_t k = foldrng_below(r, 100);

	if (k < 5) {
		out[0] = '\0';
	} else if (k < 70) {
		snprintf(out, cap, "%s", summary);
	} else if (k < 85) {
		foldarchive_put(out, cap, "%s Further details were not immediately available.", summary);
	} else {
		const char *end = summary, *at;

		/* the last sentence dropped */
		while ((at = strstr(end, ". ")) != NULL && at[2] != '\0' && strstr(at + 2, ". ") != NULL) {
			end = at + 2;
		}
		at = strstr(end, ". ");
		snprintf(out, cap, "%.*s", at != NULL ? (int)(at - summary + 1) : (int)strlen(summary), summary);
	}
}

/* ---- Building -------------------------------------------------------- */

struct build {
	struct secondgen_archive *a;
	size_t cap;
	uint64_t rng;
	struct seen seen, titles;
	uint32_t next_story, next_match;
	struct nf_error *err;
};

static char *
dup_str(const char *s)
{
	size_t n = strlen(s) + 1;
	char *p = malloc(n);

	if (p != NULL) {
		memcpy(p, s, n);
	}
	return p;
}

static int
push(struct build *b, const char *title, const char *summary, size_t outlet,
     int64_t time, uint32_t story, uint32_t dontcare, int family, int copy)
{
	struct foldarchive_item *it;
	char buf[256];
	const struct outlet *o = &outlets[outlet];

	if (b->a->n == b->cap) {
		return 1;	/* full: the archive has its n items */
	}
	it = &b->a->items[b->a->n];
	memset(it, 0, sizeof(*it));
	snprintf(buf, sizeof(buf), "https://%s/%lld/%u-%d", o->host,
	         (long long)(time / 86400), (unsigned)story, copy);
	it->link = dup_str(buf);
	snprintf(buf, sizeof(buf), "%s:item:%u:%d", o->host, (unsigned)story, copy);
	it->guid = dup_str(buf);
	it->title = dup_str(title);
	it->summary = dup_str(summary);
	it->source = dup_str(o->name);
	if (it->link == NULL || it->guid == NULL || it->title == NULL ||
	    it->summary == NULL || it->source == NULL) {
		b->a->n++;
		return -1;
	}
	it->time = time, it->story = story, it->dontcare = dontcare;
	it->family = (unsigned char)family, it->copy = (unsigned char)copy;
	b->a->n++;
	return 0;
}

static size_t
outlet_of(uint64_t *r, int lang, size_t skip_mask)
{
	size_t pick[NOUTLETS], n = 0, i;

	for (i = 0; i < NOUTLETS; i++) {
		if (outlets[i].lang == lang && (skip_mask & ((size_t)1 << i)) == 0) {
			pick[n++] = i;
		}
	}
	return n == 0 ? NOUTLETS : pick[foldrng_below(r, n)];
}

/* The first telling's title: the outlet writes its own tail on it. */
static void
own_title(const char *title, const struct outlet *o, uint64_t *r, char *out)
{
	if (o->tail != TAIL_NONE && foldrng_chance(r, 70)) {
		add_tail(title, o, out);
	} else {
		snprintf(out, ST_TITLE_MAX, "%s", title);
	}
}

/* The copies of a story: other outlets of its language within hours,
 * each varied once or twice. */
static int
tell_copies(struct build *b, const struct secondtext_story *st, int lang,
            int family, size_t first, int64_t time, uint32_t story,
            uint32_t dontcare)
{
	int ncopies = 1 + (int)foldrng_below(&b->rng, 4), c, rc = 0;
	size_t used = (size_t)1 << first;

	for (c = 1; c <= ncopies && rc == 0; c++) {
		size_t o = outlet_of(&b->rng, lang, used);
		char title[ST_TITLE_MAX], summary[ST_SUMMARY_MAX];
		int nv = 1 + foldrng_chance(&b->rng, 35), tries = 0, last = -1;

		if (o == NOUTLETS) {
			break;
		}
		used |= (size_t)1 << o;
		memcpy(title, st->title, sizeof(title));
		while (nv > 0 && tries++ < 12) {
			int v = (int)weighted(&b->rng, vary_weight, V_NVARY);

			/* once each, and nothing after a cut */
			if (v == last || last == V_TRUNC) {
				continue;
			}
			if (vary(v, title, st, lang, &outlets[o], &b->rng)) {
				nv--, last = v;
			}
		}
		copy_summary(st->summary, &b->rng, summary, sizeof(summary));
		if (last == V_TRUNC && summary[0] == '\0') {
			/* aggregators cut titles and carry the summary */
			memcpy(summary, st->summary, sizeof(summary));
		}
		rc = push(b, title, summary, o, time + 600 +
		          (int64_t)foldrng_below(&b->rng, COPY_HOURS * 3600), story,
		          dontcare, family, c);
		b->a->ncopies += rc == 0;
	}
	return rc;
}

/* Whether another story of the last or next few days has title (or
 * summary): two stories told word for word alike within days are one
 * story as far as anyone can tell, but for press releases, whose one
 * title is the point. Returns -1 when out of memory. */
static int
title_taken(struct build *b, int family, const char *title, int day)
{
	uint64_t h = hash_str(title);
	int bucket = day / 4, k, rc;

	if (family == SG_PRESS) {
		return 0;
	}
	for (k = -1; k <= 1; k++) {
		if (seen_has(&b->titles, (h ^ (uint64_t)(bucket + k + 1) * 0x9E3779B97F4A7C15ULL) | 1)) {
			return 1;
		}
	}
	rc = seen_add(&b->titles, (h ^ (uint64_t)(bucket + 1) * 0x9E3779B97F4A7C15ULL) | 1);
	return rc < 0 ? -1 : 0;
}

/* Draws a story with an identity not drawn before. */
static int
draw_story(struct build *b, int *family, int *lang, int day,
           struct secondtext_story *st)
{
	int tries;

	for (tries = 0; tries < 64; tries++) {
		int rc;

		*lang = (int)weighted(&b->rng, lang_weight, ST_NLANGS);
		*family = (int)weighted(&b->rng, family_weight, SG_NFAMILIES);
		if (!secondtext_story(*family, *lang, day, &b->rng, st)) {
			continue;
		}
		if ((rc = title_taken(b, *family, st->title, day)) != 0 ||
		    (rc = title_taken(b, *family, st->summary, day)) != 0) {
			if (rc < 0) {
				return -1;
			}
			continue;
		}
		rc = seen_add(&b->seen, hash_str(st->identity));
		if (rc != 0) {
			return rc;
		}
	}
	return 0;
}

static int
one_story(struct build *b)
{
	struct secondtext_story st;
	int family, lang, day = (int)foldrng_below(&b->rng, DAYS), rc;
	int64_t time = START + (int64_t)day * 86400 + 6 * 3600 +
	               (int64_t)foldrng_below(&b->rng, 16 * 3600);
	uint32_t story = b->next_story++, dontcare = 0;
	size_t first;
	char title[ST_TITLE_MAX];

	if ((rc = draw_story(b, &family, &lang, day, &st)) <= 0) {
		return rc < 0 ? -1 : 0;
	}
	first = outlet_of(&b->rng, lang, 0);
	if (st.preview[0] != '\0' && foldrng_chance(&b->rng, PREVIEW_PERCENT)) {
		size_t po = outlet_of(&b->rng, lang, 0);

		dontcare = ++b->next_match;
		own_title(st.preview, &outlets[po], &b->rng, title);
		if ((rc = push(b, title, st.preview_summary, po, time - 3600 -
		               (int64_t)foldrng_below(&b->rng, 30 * 3600),
		               b->next_story++, dontcare, family, 0)) != 0) {
			return rc;
		}
		b->a->nstories++;
	}
	own_title(st.title, &outlets[first], &b->rng, title);
	if ((rc = push(b, title, st.summary, first, time, story, dontcare, family, 0)) != 0) {
		return rc;
	}
	b->a->nstories++;
	if (foldrng_chance(&b->rng, COPIED_PERCENT)) {
		b->a->ncopied++;
		b->a->ncopies++;
		return tell_copies(b, &st, lang, family, first, time, story, dontcare);
	}
	return 0;
}

static int
by_time(const void *x, const void *y)
{
	const struct foldarchive_item *a = x, *b = y;

	if (a->time != b->time) {
		return a->time < b->time ? -1 : 1;
	}
	return (a->story > b->story) - (a->story < b->story);
}

enum nf_status
secondgen_build(size_t n, uint64_t seed, struct secondgen_archive *out,
                struct nf_error *err)
{
	struct build b = { out, n, seed, { NULL, 0, 0 }, { NULL, 0, 0 }, 1, 0, err };
	int rc = 0;

	memset(out, 0, sizeof(*out));
	out->items = calloc(n ? n : 1, sizeof(*out->items));
	if (out->items == NULL) {
		return nf_error_set(err, NF_ERR_NOMEM, "out of memory for %zu items", n);
	}
	while (rc == 0) {
		rc = one_story(&b);
	}
	free(b.seen.h);
	free(b.titles.h);
	if (rc < 0) {
		secondgen_free(out);
		return nf_error_set(err, NF_ERR_NOMEM, "out of memory building the archive");
	}
	qsort(out->items, out->n, sizeof(*out->items), by_time);
	return NF_OK;
}

void
secondgen_free(struct secondgen_archive *a)
{
	foldarchive_free_items(a->items, a->n);
	free(a->items);
	memset(a, 0, sizeof(*a));
}
