/*
 * Copy variations for the scale archive. Each edit writes into a
 * caller-owned buffer through a sink that refuses to overflow, and says
 * when it did not apply, so the generator can pick another.
 */
#include "autoconfig.h"

#include <stdint.h>
#include <string.h>

#include "tests/scale/foldvary.h"

struct sink {
	char *p;
	size_t len, cap;
	int full;
};

static void
sink_init(struct sink *s, char *out, size_t cap)
{
	s->p = out;
	s->len = 0;
	s->cap = cap;
	s->full = cap == 0;
	if (cap > 0) {
		out[0] = '\0';
	}
}

static void
sink_put(struct sink *s, const char *b, size_t n)
{
	if (s->full || s->len + n >= s->cap) {
		s->full = 1;
		return;
	}
	memcpy(s->p + s->len, b, n);
	s->len += n;
	s->p[s->len] = '\0';
}

static void
sink_str(struct sink *s, const char *str)
{
	sink_put(s, str, strlen(str));
}

/* Decodes the code point at s into *cp; returns its length in bytes (1
 * for a stray byte, which is passed through as it is). */
static size_t
utf8_decode(const char *s, uint32_t *cp)
{
	const unsigned char *u = (const unsigned char *)s;

	if (u[0] >= 0xE0 && u[0] < 0xF0 && (u[1] & 0xC0) == 0x80
	    && (u[2] & 0xC0) == 0x80) {
		*cp = (uint32_t)(u[0] & 0x0F) << 12 | (uint32_t)(u[1] & 0x3F) << 6
		      | (u[2] & 0x3F);
		return 3;
	}
	if (u[0] >= 0xC0 && u[0] < 0xE0 && (u[1] & 0xC0) == 0x80) {
		*cp = (uint32_t)(u[0] & 0x1F) << 6 | (u[1] & 0x3F);
		return 2;
	}
	if (u[0] >= 0xF0 && (u[1] & 0xC0) == 0x80 && (u[2] & 0xC0) == 0x80
	    && (u[3] & 0xC0) == 0x80) {
		*cp = (uint32_t)(u[0] & 0x07) << 18 | (uint32_t)(u[1] & 0x3F) << 12
		      | (uint32_t)(u[2] & 0x3F) << 6 | (u[3] & 0x3F);
		return 4;
	}
	*cp = u[0];
	return 1;
}

/* Writes code point cp (below U+10000, all this file makes). */
static void
sink_cp(struct sink *s, uint32_t cp)
{
	char b[3];

	if (cp < 0x80) {
		b[0] = (char)cp;
		sink_put(s, b, 1);
	} else if (cp < 0x800) {
		b[0] = (char)(0xC0 | cp >> 6);
		b[1] = (char)(0x80 | (cp & 0x3F));
		sink_put(s, b, 2);
	} else {
		b[0] = (char)(0xE0 | cp >> 12);
		b[1] = (char)(0x80 | (cp >> 6 & 0x3F));
		b[2] = (char)(0x80 | (cp & 0x3F));
		sink_put(s, b, 3);
	}
}

static size_t
count_code_points(const char *t)
{
	size_t n = 0;
	uint32_t cp;

	while (*t != '\0') {
		t += utf8_decode(t, &cp);
		n++;
	}
	return n;
}

/* The German capitals and small letters that share a lead byte (0xC3). */
static const unsigned char umlaut_small[] = { 0xA4, 0xB6, 0xBC };
static const unsigned char umlaut_capital[] = { 0x84, 0x96, 0x9C };

/* Maps the second byte of an umlaut from one case to the other; 0 when it
 * is not one. */
static unsigned char
umlaut_swap(unsigned char b, int to_upper)
{
	const unsigned char *from = to_upper ? umlaut_small : umlaut_capital;
	const unsigned char *to = to_upper ? umlaut_capital : umlaut_small;

	for (size_t i = 0; i < sizeof(umlaut_small); i++) {
		if (from[i] == b) {
			return to[i];
		}
	}
	return 0;
}

/* One letter at t in the other case when it has one: ASCII or an umlaut.
 * Returns the bytes consumed; sets *changed. */
static size_t
put_letter_case(struct sink *s, const char *t, int to_upper, int *changed)
{
	unsigned char c = (unsigned char)t[0];
	char b[2];

	if (to_upper ? (c >= 'a' && c <= 'z') : (c >= 'A' && c <= 'Z')) {
		b[0] = (char)(to_upper ? c - 32 : c + 32);
		sink_put(s, b, 1);
		*changed = 1;
		return 1;
	}
	if (c == 0xC3 && t[1] != '\0'
	    && umlaut_swap((unsigned char)t[1], to_upper) != 0) {
		b[0] = t[0];
		b[1] = (char)umlaut_swap((unsigned char)t[1], to_upper);
		sink_put(s, b, 2);
		*changed = 1;
		return 2;
	}
	sink_put(s, t, 1);
	return 1;
}

static int
vary_case(const char *t, int to_upper, int words_only, struct sink *s)
{
	int changed = 0, word_start = 1;

	while (*t != '\0') {
		int space = *t == ' ';

		if (!words_only || word_start) {
			t += put_letter_case(s, t, to_upper, &changed);
		} else {
			sink_put(s, t++, 1);
		}
		word_start = space;
	}
	return changed ? 0 : -1;
}

static int
is_ascii_alnum(uint32_t cp)
{
	return (cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z')
	       || (cp >= 'a' && cp <= 'z');
}

/* pick even: letters, digits and % only (as Japanese outlets print them);
 * odd: every printable ASCII character, the space an ideographic one. */
static int
vary_full_width(const char *t, unsigned pick, struct sink *s)
{
	int changed = 0, all = pick % 2 == 1;
	uint32_t cp;

	while (*t != '\0') {
		t += utf8_decode(t, &cp);
		if (is_ascii_alnum(cp) || cp == '%' || (all && cp > ' ' && cp < 0x7F)) {
			sink_cp(s, cp + 0xFEE0);
			changed = 1;
		} else if (all && cp == ' ') {
			sink_cp(s, 0x3000);
			changed = 1;
		} else {
			sink_cp(s, cp);
		}
	}
	return changed ? 0 : -1;
}

/* Half-width katakana for U+30A1..U+30F4: the low byte of U+FFxx, plus
 * 0x100 for a voiced mark (U+FF9E) or 0x200 for a semi-voiced one
 * (U+FF9F) after it; 0 where there is no half-width form. */
static const unsigned short kana_half[] = {
	0x67, 0x71, 0x68, 0x72, 0x69, 0x73, 0x6A, 0x74, 0x6B, 0x75,
	0x76, 0x176, 0x77, 0x177, 0x78, 0x178, 0x79, 0x179, 0x7A, 0x17A,
	0x7B, 0x17B, 0x7C, 0x17C, 0x7D, 0x17D, 0x7E, 0x17E, 0x7F, 0x17F,
	0x80, 0x180, 0x81, 0x181, 0x6F, 0x82, 0x182, 0x83, 0x183, 0x84, 0x184,
	0x85, 0x86, 0x87, 0x88, 0x89,
	0x8A, 0x18A, 0x28A, 0x8B, 0x18B, 0x28B, 0x8C, 0x18C, 0x28C,
	0x8D, 0x18D, 0x28D, 0x8E, 0x18E, 0x28E,
	0x8F, 0x90, 0x91, 0x92, 0x93,
	0x6C, 0x94, 0x6D, 0x95, 0x6E, 0x96,
	0x97, 0x98, 0x99, 0x9A, 0x9B,
	0, 0x9C, 0, 0, 0x66, 0x9D, 0x173,
};

/* CJK marks with a half-width form: 、。「」・ー. */
static uint32_t
mark_half(uint32_t cp)
{
	switch (cp) {
	case 0x3001: return 0xFF64;
	case 0x3002: return 0xFF61;
	case 0x300C: return 0xFF62;
	case 0x300D: return 0xFF63;
	case 0x30FB: return 0xFF65;
	case 0x30FC: return 0xFF70;
	case 0x3000: return ' ';
	default: return 0;
	}
}

static int
put_half(struct sink *s, uint32_t cp)
{
	unsigned short k;

	if (cp >= 0xFF01 && cp <= 0xFF5E) {
		sink_cp(s, cp - 0xFEE0);
		return 1;
	}
	if (mark_half(cp) != 0) {
		sink_cp(s, mark_half(cp));
		return 1;
	}
	if (cp < 0x30A1 || cp > 0x30F4 || (k = kana_half[cp - 0x30A1]) == 0) {
		sink_cp(s, cp);
		return 0;
	}
	sink_cp(s, 0xFF00 + (k & 0xFF));
	if (k >> 8 != 0) {
		sink_cp(s, k >> 8 == 1 ? 0xFF9E : 0xFF9F);
	}
	return 1;
}

static int
vary_half_width(const char *t, struct sink *s)
{
	int changed = 0;
	uint32_t cp;

	while (*t != '\0') {
		t += utf8_decode(t, &cp);
		changed |= put_half(s, cp);
	}
	return changed ? 0 : -1;
}

/* The last code point of t, 0 for "". */
static uint32_t
last_code_point(const char *t, size_t *at)
{
	uint32_t cp = 0;
	size_t i = 0, n;

	*at = 0;
	while (t[i] != '\0') {
		*at = i;
		n = utf8_decode(t + i, &cp);
		i += n;
	}
	return cp;
}

static int
is_final_stop(uint32_t cp)
{
	return cp == '.' || cp == '!' || cp == '?' || cp == 0x3002
	       || cp == 0x2026;
}

/* The punctuation edits, each with its test; the n-th that applies runs. */
enum punct_edit { ADD_STOP, DROP_STOP, COLON_TO_DASH, DROP_COMMAS, CURL_QUOTES, NPUNCT };

static int
punct_applies(enum punct_edit e, const char *t)
{
	size_t at;
	uint32_t last = last_code_point(t, &at);

	switch (e) {
	case ADD_STOP: return last != 0 && !is_final_stop(last);
	case DROP_STOP: return (last == '.' && (at == 0 || t[at - 1] != '.'))
	                       || last == 0x3002;
	case COLON_TO_DASH: return strstr(t, ": ") != NULL
	                           || strstr(t, "\xe3\x80\x81") != NULL;
	case DROP_COMMAS: return strchr(t, ',') != NULL;
	case CURL_QUOTES: return strchr(t, '\'') != NULL
	                         || strstr(t, "\xe3\x80\x8c") != NULL;
	default: return 0;
	}
}

/* Writes t with every from replaced by to (or only the first). */
static void
put_replaced(struct sink *s, const char *t, const char *from, const char *to,
             int first_only)
{
	const char *hit;
	size_t n = strlen(from);

	while ((hit = strstr(t, from)) != NULL) {
		sink_put(s, t, (size_t)(hit - t));
		sink_str(s, to);
		t = hit + n;
		if (first_only) {
			break;
		}
	}
	sink_str(s, t);
}

static void
punct_run(enum punct_edit e, const char *t, struct sink *s)
{
	size_t at;
	uint32_t last = last_code_point(t, &at);

	switch (e) {
	case ADD_STOP:
		sink_str(s, t);
		sink_str(s, last >= 0x3000 ? "\xe3\x80\x82" : ".");
		break;
	case DROP_STOP:
		sink_put(s, t, at);
		break;
	case COLON_TO_DASH:
		if (strstr(t, ": ") != NULL) {
			put_replaced(s, t, ": ", " \xe2\x80\x93 ", 1);
		} else {
			put_replaced(s, t, "\xe3\x80\x81", " ", 1);
		}
		break;
	case DROP_COMMAS:
		put_replaced(s, t, ",", "", 0);
		break;
	default:
		if (strchr(t, '\'') != NULL) {
			put_replaced(s, t, "'", "\xe2\x80\x99", 0);
		} else {
			char tmp[1024];
			struct sink mid;

			sink_init(&mid, tmp, sizeof(tmp));
			put_replaced(&mid, t, "\xe3\x80\x8c", "\xe3\x80\x8e", 0);
			put_replaced(s, tmp, "\xe3\x80\x8d", "\xe3\x80\x8f", 0);
			s->full |= mid.full;
		}
		break;
	}
}

static int
vary_punctuation(const char *t, unsigned pick, struct sink *s)
{
	int n = 0, k;

	for (k = 0; k < NPUNCT; k++) {
		n += punct_applies((enum punct_edit)k, t);
	}
	if (n == 0) {
		return -1;
	}
	n = (int)(pick % (unsigned)n);
	for (k = 0; k < NPUNCT; k++) {
		if (punct_applies((enum punct_edit)k, t) && n-- == 0) {
			punct_run((enum punct_edit)k, t, s);
			return 0;
		}
	}
	return -1;
}

static size_t
count_words(const char *t)
{
	size_t n = 0;
	int in = 0;

	for (; *t != '\0'; t++) {
		if (*t == ' ') {
			in = 0;
		} else if (!in) {
			in = 1;
			n++;
		}
	}
	return n;
}

/* Cuts at the last space before keep bytes, drops what would dangle
 * before the ellipsis (a comma, a colon, a dash). */
static int
truncate_words(const char *t, size_t keep, struct sink *s)
{
	size_t cut = keep;

	while (cut > 0 && t[cut] != ' ') {
		cut--;
	}
	while (cut > 0 && strchr(" ,:;-", t[cut - 1]) != NULL) {
		cut--;
	}
	if (cut == 0 || memchr(t, ' ', cut) == NULL) {
		return -1;
	}
	sink_put(s, t, cut);
	sink_str(s, "\xe2\x80\xa6");
	return 0;
}

static int
truncate_chars(const char *t, size_t keep, struct sink *s)
{
	uint32_t cp;
	size_t i = 0, k;

	for (k = 0; k < keep && t[i] != '\0'; k++) {
		i += utf8_decode(t + i, &cp);
	}
	while (i > 0 && t[i - 1] == ' ') {
		i--;
	}
	sink_put(s, t, i);
	sink_str(s, "\xe2\x80\xa6");
	return 0;
}

/* Whether t has CJK text (which is not written in words). */
static int
has_cjk(const char *t)
{
	uint32_t cp;

	while (*t != '\0') {
		t += utf8_decode(t, &cp);
		if (cp >= 0x3000) {
			return 1;
		}
	}
	return 0;
}

/* Keeps 55..85% of the title (pick chooses), at a word boundary where
 * the title is in words, else at a character. */
static int
vary_truncate(const char *t, unsigned pick, struct sink *s)
{
	unsigned percent = 55 + pick % 31;
	size_t chars = count_code_points(t);

	if (count_words(t) >= 4) {
		return truncate_words(t, strlen(t) * percent / 100, s);
	}
	if (chars >= 10 && has_cjk(t)) {
		return truncate_chars(t, chars * percent / 100, s);
	}
	return -1;
}

/* Pairs of words outlets use for one another, each way round. Words in
 * Latin script match whole words (a capital first letter too); Japanese
 * ones match anywhere. */
static const char *const synonyms[][2] = {
	{ "opens", "starts" }, { "closes", "ends" }, { "reports", "posts" },
	{ "approves", "backs" }, { "unveils", "reveals" },
	{ "suspended", "halted" }, { "cut", "axe" }, { "cuts", "axes" },
	{ "wins", "takes" }, { "rises", "climbs" }, { "falls", "drops" },
	{ "gain", "advance" }, { "slide", "slip" }, { "plan", "scheme" },
	{ "warns", "cautions" }, { "injured", "hurt" }, { "named", "appointed" },
	{ "oppose", "fight" }, { "recalls", "withdraws" }, { "draws", "attracts" },
	{ "expected", "forecast" }, { "profit", "earnings" },
	{ "revenue", "sales" }, { "strike", "walkout" }, { "fire", "blaze" },
	{ "update", "bulletin" }, { "after", "following" }, { "news", "report" },
	{ "eröffnet", "startet" }, { "schließt", "endet" },
	{ "steigert", "erhöht" }, { "genehmigt", "billigt" },
	{ "streicht", "kappt" }, { "Plan", "Vorhaben" },
	{ "eingestellt", "ausgesetzt" }, { "Brand", "Feuer" },
	{ "Gewinn", "Ergebnis" }, { "Umsatz", "Erlös" },
	{ "schlägt", "besiegt" }, { "Chef", "Leiter" },
	{ "Stadtrat", "Gemeinderat" }, { "Wetter", "Wetterbericht" },
	{ "\xe7\x99\xba\xe8\xa1\xa8", "\xe5\x85\xac\xe8\xa1\xa8" },	/* 発表 公表 */
	{ "\xe6\x89\xbf\xe8\xaa\x8d", "\xe4\xba\x86\xe6\x89\xbf" },	/* 承認 了承 */
	{ "\xe8\xa8\x88\xe7\x94\xbb", "\xe6\xa7\x8b\xe6\x83\xb3" },	/* 計画 構想 */
	{ "\xe8\xa6\x8b\xe5\x90\x88\xe3\x82\x8f\xe3\x81\x9b",
	  "\xe4\xb8\xad\xe6\xad\xa2" },					/* 見合わせ 中止 */
	{ "\xe7\x81\xab\xe7\x81\xbd", "\xe7\x81\xab\xe4\xba\x8b" },	/* 火災 火事 */
	{ "\xe4\xb8\x8a\xe6\x98\x87",
	  "\xe5\x80\xa4\xe4\xb8\x8a\xe3\x81\x8c\xe3\x82\x8a" },		/* 上昇 値上がり */
	{ "\xe4\xb8\x8b\xe8\x90\xbd",
	  "\xe5\x80\xa4\xe4\xb8\x8b\xe3\x81\x8c\xe3\x82\x8a" },		/* 下落 値下がり */
	{ "\xe5\x89\x8a\xe6\xb8\x9b", "\xe3\x82\xab\xe3\x83\x83\xe3\x83\x88" },	/* 削減 カット */
	{ "\xe5\xbc\x95\xe3\x81\x8d\xe5\x88\x86\xe3\x81\x91",
	  "\xe3\x83\x89\xe3\x83\xad\xe3\x83\xbc" },			/* 引き分け ドロー */
	{ "\xe9\x96\x8b\xe5\x82\xac", "\xe5\xae\x9f\xe6\x96\xbd" },	/* 開催 実施 */
	{ "\xe5\xa4\xa9\xe6\xb0\x97", "\xe5\xa4\xa9\xe5\x80\x99" },	/* 天気 天候 */
};

struct swap {
	size_t at, len;
	const char *to;
	int capital;
};

static int
is_word_byte(char c)
{
	unsigned char u = (unsigned char)c;

	return u >= 0x80 || (u >= '0' && u <= '9') || (u >= 'A' && u <= 'Z')
	       || (u >= 'a' && u <= 'z');
}

/* Whether word occurs at t+at, as a whole word when it is in Latin
 * script; *capital when it matched with its first letter a capital. */
static int
word_at(const char *t, size_t at, const char *word, int *capital)
{
	size_t n;
	int latin = (unsigned char)word[0] < 0x80;

	*capital = 0;
	if (t[at] != word[0] && !(word[0] >= 'a' && word[0] <= 'z' && t[at] == word[0] - 32)) {
		return 0;	/* the common case, cheaply */
	}
	n = strlen(word);
	if (strncmp(t + at, word, n) != 0) {
		if (!latin || word[0] < 'a' || word[0] > 'z'
		    || t[at] != word[0] - 32 || strncmp(t + at + 1, word + 1, n - 1) != 0) {
			return 0;
		}
		*capital = 1;
	}
	return !latin || ((at == 0 || !is_word_byte(t[at - 1]))
	                  && !is_word_byte(t[at + n]));
}

/* Collects up to max places where a synonym could go. */
static size_t
find_swaps(const char *t, struct swap *v, size_t max)
{
	size_t n = 0, at, k;
	int side, capital;

	for (at = 0; t[at] != '\0'; at++) {
		for (k = 0; k < sizeof(synonyms) / sizeof(synonyms[0]); k++) {
			for (side = 0; side < 2; side++) {
				if (n < max && word_at(t, at, synonyms[k][side], &capital)) {
					v[n].at = at;
					v[n].len = strlen(synonyms[k][side]);
					v[n].to = synonyms[k][!side];
					v[n++].capital = capital;
				}
			}
		}
	}
	return n;
}

static int
vary_synonym(const char *t, unsigned pick, struct sink *s)
{
	struct swap v[32];
	size_t n = find_swaps(t, v, 32);
	const struct swap *w;
	char first;

	if (n == 0) {
		return -1;
	}
	w = &v[pick % n];
	sink_put(s, t, w->at);
	first = w->to[0];
	if (w->capital && first >= 'a' && first <= 'z') {
		first = (char)(first - 32);
	}
	sink_put(s, &first, 1);
	sink_str(s, w->to + 1);
	sink_str(s, t + w->at + w->len);
	return 0;
}

int
foldvary_first_sentence(const char *text, char *out, size_t cap)
{
	struct sink s;
	size_t i;

	sink_init(&s, out, cap);
	for (i = 0; text[i] != '\0'; i++) {
		/* "35. Minute", "3. Dezember": a German ordinal, not a stop */
		if (strchr(".!?", text[i]) != NULL && text[i + 1] == ' '
		    && (i == 0 || text[i - 1] < '0' || text[i - 1] > '9')) {
			i++;
			break;
		}
		if (strncmp(text + i, "\xe3\x80\x82", 3) == 0) {	/* 。 */
			i += 3;
			break;
		}
	}
	sink_put(&s, text, i);
	while (s.len > 0 && out[s.len - 1] == ' ') {
		out[--s.len] = '\0';
	}
	return s.full ? -1 : 0;
}

static int
vary_glue(const char *t, const char *summary, struct sink *s)
{
	char lead[1024];

	if (summary == NULL || foldvary_first_sentence(summary, lead, sizeof(lead)) != 0
	    || lead[0] == '\0') {
		return -1;
	}
	sink_str(s, t);
	sink_str(s, lead);
	return 0;
}

static int
vary_tail(const char *t, const char *outlet, struct sink *s)
{
	if (outlet == NULL || outlet[0] == '\0') {
		return -1;
	}
	sink_str(s, t);
	sink_str(s, " - ");
	sink_str(s, outlet);
	return 0;
}

int
foldvary_apply(enum foldvary_kind kind, const char *text, const char *arg,
               unsigned pick, char *out, size_t cap)
{
	struct sink s;
	int r;

	sink_init(&s, out, cap);
	switch (kind) {
	case FOLDVARY_UPPER: r = vary_case(text, 1, 0, &s); break;
	case FOLDVARY_LOWER: r = vary_case(text, 0, 0, &s); break;
	case FOLDVARY_TITLE_CASE: r = vary_case(text, 1, 1, &s); break;
	case FOLDVARY_FULL_WIDTH: r = vary_full_width(text, pick, &s); break;
	case FOLDVARY_HALF_WIDTH: r = vary_half_width(text, &s); break;
	case FOLDVARY_PUNCTUATION: r = vary_punctuation(text, pick, &s); break;
	case FOLDVARY_TAIL: r = vary_tail(text, arg, &s); break;
	case FOLDVARY_GLUE: r = vary_glue(text, arg, &s); break;
	case FOLDVARY_TRUNCATE: r = vary_truncate(text, pick, &s); break;
	case FOLDVARY_SYNONYM: r = vary_synonym(text, pick, &s); break;
	default: r = -1; break;
	}
	return r != 0 || s.full ? -1 : 0;
}

const char *
foldvary_name(enum foldvary_kind kind)
{
	static const char *const names[] = {
		"upper", "lower", "title-case", "full-width", "half-width",
		"punctuation", "tail", "glue", "truncate", "synonym",
	};

	return (unsigned)kind < FOLDVARY_NKINDS ? names[kind] : "?";
}
