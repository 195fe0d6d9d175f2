/*
 * "Similar News" blocks: one model of a block, turned into related
 * entries and cut out of the document.
 *
 * The document is read once as a sequence of lines (runs of inline
 * siblings between block boundaries and <br>s, at any depth of
 * wrappers: div, section, ul, ol, table). A block is a run of entries;
 * an entry is whatever lies between one entry boundary and the next:
 *
 *  - a read-more marker: a line that is nothing but one (a link, or
 *    words under a label), or a line ending in one ("<b>Title</b>
 *    summary <a>Read more</a>");
 *  - with no markers, under a label: a line that opens with a linked
 *    headline, its summary lines after it in the same box.
 *
 * A run is a block when it has two or more entries, or stands under a
 * label; the label, its explanatory sentence and a site's nav line
 * before it go with it. An entry's title is its first line's opening
 * inline element when that reads as a headline, else that line less a
 * summary glued on; the rest of the entry, less its marker, is its
 * summary. Near-duplicate entries become copies of the first.
 *
 * Aggregators' outlet lists (a link and the outlet's name in <font> or
 * <source>, in a list or alone) are read apart: their entries carry the
 * outlet as source.
 *
 * Everything is matched on the parsed tree, never on the HTML text.
 */
#include "autoconfig.h"

#include <pthread.h>

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "src/related.h"
#include "src/relmerge.h"
#include "src/title.h"
#include "src/url.h"

/* The words of the blocks: src/related.def. */
static const char *const related_labels[] = {
#define RELATED_LABEL(word, lang) word,
#define RELATED_READ_MORE(word, lang)
#define RELATED_COVERAGE(word, lang)
#include "src/related.def"
#undef RELATED_LABEL
#undef RELATED_READ_MORE
#undef RELATED_COVERAGE
};

const char *
related_label_at(size_t i)
{
	return i < sizeof(related_labels) / sizeof(related_labels[0]) ?
	       related_labels[i] : NULL;
}

static const char *const related_read_more[] = {
#define RELATED_LABEL(word, lang)
#define RELATED_READ_MORE(word, lang) word,
#define RELATED_COVERAGE(word, lang)
#include "src/related.def"
#undef RELATED_LABEL
#undef RELATED_READ_MORE
#undef RELATED_COVERAGE
};

static const char *const related_coverage[] = {
#define RELATED_LABEL(word, lang)
#define RELATED_READ_MORE(word, lang)
#define RELATED_COVERAGE(word, lang) word,
#include "src/related.def"
#undef RELATED_LABEL
#undef RELATED_READ_MORE
#undef RELATED_COVERAGE
};

/* A block's explanatory sentence is at most this long. */
#define RELATED_NOTE_MAX 300
/* A site's nav line ("Japan latest news, Japan headlines") is short. */
#define RELATED_NAV_MAX 100

struct related_list {
	struct nf_related *v;
	size_t n, cap;
	const char *base;
	int nomem;
};

static int
related_is_element(xmlNodePtr n, const char *name)
{
	return n != NULL && n->type == XML_ELEMENT_NODE &&
	       strcasecmp((const char *)n->name, name) == 0;
}

/* s with whitespace (no-break spaces too) folded to one space and the
 * ends trimmed; a new string, or NULL when out of memory. */
static char *
related_fold(const char *s)
{
	char *out = malloc(strlen(s) + 1);
	size_t len = 0;
	int space = 0;

	if (out == NULL) {
		return NULL;
	}
	for (; *s != '\0'; s++) {
		int ws = *s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' ||
		         ((unsigned char)s[0] == 0xC2 && (unsigned char)s[1] == 0xA0);

		if (ws) {
			s += (unsigned char)s[0] == 0xC2;
			space = len > 0;
			continue;
		}
		if (space) {
			out[len++] = ' ';
			space = 0;
		}
		out[len++] = *s;
	}
	out[len] = '\0';
	return out;
}

/* The node's text, folded as related_fold() does; NULL when out of
 * memory. */
static char *
related_text(xmlNodePtr n)
{
	xmlChar *raw = xmlNodeGetContent(n);
	char *out = related_fold(raw != NULL ? (const char *)raw : "");

	xmlFree(raw);
	return out;
}

/* Whether s, less trailing arrows and ellipses, is one of words. */
static int
related_matches(const char *s, const char *const *words, size_t nwords)
{
	static const char *const tails[] = {
		"\xc2\xbb", "\xe2\x80\xba", "\xe2\x86\x92", "\xe2\x80\xa6", "...",
		">>", ">", ":", "\xef\xbc\x9a", " ",
	};
	size_t len = strlen(s), i;
	int cut = 1;

	while (cut) {
		cut = 0;
		for (i = 0; i < sizeof(tails) / sizeof(tails[0]); i++) {
			size_t n = strlen(tails[i]);

			if (len >= n && memcmp(s + len - n, tails[i], n) == 0) {
				len -= n;
				cut = 1;
			}
		}
	}
	for (i = 0; i < nwords; i++) {
		if (strlen(words[i]) == len && strncasecmp(s, words[i], len) == 0) {
			return 1;
		}
	}
	return 0;
}

#define RELATED_IS(s, table) \
	related_matches((s), (table), sizeof(table) / sizeof((table)[0]))

/* Whether s[0..n) is word with its spaces left out, ignoring case as
 * strncasecmp() does. */
static int
related_equal_unspaced(const char *s, size_t n, const char *word)
{
	size_t i = 0;

	for (; *word != '\0'; word++) {
		if (*word == ' ') {
			continue;
		}
		if (i >= n || tolower((unsigned char)s[i]) != tolower((unsigned char)*word)) {
			return 0;
		}
		i++;
	}
	return i == n;
}

/* related_labels folded as related_may_label() compares them, without
 * their spaces, chained by their first byte; and which pairs of folded
 * bytes begin one, so that most positions are passed over at one look.
 * Built at first use: tolower() follows the locale set at start. */
enum { LABELS = sizeof(related_labels) / sizeof(related_labels[0]), LABEL_MAX = 48 };

enum { QUAD_BITS = 16 };

static struct {
	unsigned char fold[256];
	unsigned char label[LABELS][LABEL_MAX];
	size_t len[LABELS];
	int head[256], chain[LABELS];
	unsigned char pair[256 * 256 / 8];
	/* the hashes of the labels' first four bytes; used when no label is
	 * shorter (short set), as it sees fewer false starts than pair */
	unsigned char quad[(1 << QUAD_BITS) / 8];
	int short_label;
} label_table;		/* built once under pthread_once, read-only after */

static unsigned
quad_hash(uint32_t q)
{
	return (q * 2654435761u) >> (32 - QUAD_BITS);
}
static pthread_once_t label_table_once = PTHREAD_ONCE_INIT;

static void
label_table_init(void)
{
	size_t j, k;
	int c, i, pair;

	for (c = 0; c < 256; c++) {
		label_table.fold[c] = (unsigned char)tolower(c);
		label_table.head[c] = -1;
	}
	for (i = 0; i < LABELS; i++) {
		for (j = k = 0; related_labels[i][j] != '\0' && k < LABEL_MAX; j++) {
			if (related_labels[i][j] != ' ') {
				label_table.label[i][k++] =
					label_table.fold[(unsigned char)related_labels[i][j]];
			}
		}
		label_table.len[i] = k;
		label_table.chain[i] = label_table.head[label_table.label[i][0]];
		label_table.head[label_table.label[i][0]] = i;
		pair = label_table.label[i][0] << 8 | label_table.label[i][1];
		label_table.pair[pair >> 3] |= (unsigned char)(1u << (pair & 7));
		if (k < 4) {
			label_table.short_label = 1;
		} else {
			unsigned h = quad_hash((uint32_t)label_table.label[i][0] << 24 |
			                       (uint32_t)label_table.label[i][1] << 16 |
			                       (uint32_t)label_table.label[i][2] << 8 |
			                       label_table.label[i][3]);

			label_table.quad[h >> 3] |= (unsigned char)(1u << (h & 7));
		}
	}
}

/* Whether a label begins at s[j] (n bytes in all). */
static int
label_at(const unsigned char *s, size_t j, size_t n)
{
	const unsigned char *fold = label_table.fold;
	size_t k;
	int i;

	for (i = label_table.head[fold[s[j]]]; i >= 0; i = label_table.chain[i]) {
		const unsigned char *label = label_table.label[i];

		for (k = 0; k < label_table.len[i] && j + k < n && fold[s[j + k]] == label[k]; k++) {
		}
		if (k == label_table.len[i]) {
			return 1;
		}
	}
	return 0;
}

/* related_may_label() with every label four bytes or longer: a window of
 * four folded bytes rolls along s, and only where its hash is a label's
 * are the labels compared. */
static int
may_label_quad(const unsigned char *s, size_t n)
{
	const unsigned char *fold = label_table.fold;
	uint32_t q;
	unsigned h;
	size_t j;

	if (n < 4) {
		return 0;
	}
	q = (uint32_t)fold[s[0]] << 16 | (uint32_t)fold[s[1]] << 8 | fold[s[2]];
	for (j = 0; j + 4 <= n; j++) {
		q = q << 8 | fold[s[j + 3]];
		h = quad_hash(q);
		if ((label_table.quad[h >> 3] & (1u << (h & 7))) && label_at(s, j, n)) {
			return 1;
		}
	}
	return 0;
}

int
related_may_label(const char *str, size_t n)
{
	const unsigned char *s = (const unsigned char *)str;
	const unsigned char *fold = label_table.fold;
	size_t j;
	int pair;

	pthread_once(&label_table_once, label_table_init);
	if (!label_table.short_label) {
		return may_label_quad(s, n);
	}
	/* every label is at least two bytes long */
	for (j = 0; j + 1 < n; j++) {
		pair = fold[s[j]] << 8 | fold[s[j + 1]];
		if ((label_table.pair[pair >> 3] & (1u << (pair & 7))) && label_at(s, j, n)) {
			return 1;
		}
	}
	return 0;
}

int
related_may_read_more(const char *s, size_t n)
{
	static const char *const tails[] = {
		"\xc2\xbb", "\xe2\x80\xba", "\xe2\x86\x92", "\xe2\x80\xa6", "...",
		">>", ">", ":", "\xef\xbc\x9a",
	};
	size_t i, k;
	int cut = 1;

	while (cut) {
		cut = 0;
		for (i = 0; i < sizeof(tails) / sizeof(tails[0]); i++) {
			k = strlen(tails[i]);
			if (n >= k && memcmp(s + n - k, tails[i], k) == 0) {
				n -= k;
				cut = 1;
			}
		}
	}
	for (i = 0; i < sizeof(related_read_more) / sizeof(related_read_more[0]); i++) {
		if (related_equal_unspaced(s, n, related_read_more[i])) {
			return 1;
		}
	}
	return 0;
}

/* The node's text content less ASCII blanks and no-break spaces, for the
 * loose tests; NULL when out of memory. */
static char *
related_unspaced(xmlNodePtr n, size_t *len)
{
	xmlChar *raw = xmlNodeGetContent(n);
	char *s = (char *)raw;
	size_t i, j = 0;

	if (raw == NULL) {
		return NULL;
	}
	for (i = 0; s[i] != '\0'; i++) {
		if ((unsigned char)s[i] == 0xC2 && (unsigned char)s[i + 1] == 0xA0) {
			i++;
		} else if (s[i] != ' ' && s[i] != '\t' && s[i] != '\n' && s[i] != '\r') {
			s[j++] = s[i];
		}
	}
	*len = j;
	return s;
}

/* Text gathered with ASCII blanks and no-break spaces left out, in a
 * buffer that doubles as it grows. */
struct unspaced {
	char *s;
	size_t len, cap;
	int nomem;
};

static void
unspaced_add(struct unspaced *u, const char *t)
{
	size_t i, n = t != NULL ? strlen(t) : 0;

	if (u->nomem || n == 0) {
		return;
	}
	if (u->len + n > u->cap) {
		size_t cap = u->cap > 0 ? u->cap : 256;
		char *grown;

		while (cap < u->len + n) {
			cap *= 2;
		}
		if ((grown = realloc(u->s, cap)) == NULL) {
			u->nomem = 1;
			return;
		}
		u->s = grown;
		u->cap = cap;
	}
	for (i = 0; i < n; i++) {
		if ((unsigned char)t[i] == 0xC2 && (unsigned char)t[i + 1] == 0xA0) {
			i++;
		} else if (t[i] != ' ' && t[i] != '\t' && t[i] != '\n' && t[i] != '\r') {
			u->s[u->len++] = t[i];
		}
	}
}

/* Whether the tree may hold a block: a <font> or <source> (an outlet), a
 * link that may read as a read-more, or text that may start with a
 * label. One pass; never a false "no", so that the
 * full search is skipped only where it would find nothing. */
static int
related_may_hold_tree(xmlNodePtr root)
{
	struct unspaced all = { NULL, 0, 0, 0 };
	xmlNodePtr n = root;
	char *t;
	size_t len;
	int yes = 0;

	while (n != NULL && !yes) {
		if (related_is_element(n, "font") || related_is_element(n, "source")) {
			free(all.s);
			return 1;
		}
		if (related_is_element(n, "a")) {
			t = related_unspaced(n, &len);
			yes = t == NULL || related_may_read_more(t, len);
			xmlFree(t);
		}
		if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
			unspaced_add(&all, (const char *)n->content);
		}
		if (n->type == XML_ELEMENT_NODE && n->children != NULL) {
			n = n->children;
			continue;
		}
		while (n != root && n->next == NULL) {
			n = n->parent;
		}
		n = n != root ? n->next : NULL;
	}
	/* the labels are looked for in all of the text at once: a label may
	 * be split across elements ("Similar <b>News</b>") */
	yes = yes || all.nomem || (all.s != NULL && related_may_label(all.s, all.len));
	free(all.s);
	return yes;
}

/* The same for root and the nodes after it at the top of the document. */
static int
related_may_hold(xmlNodePtr root)
{
	for (; root != NULL; root = root->next) {
		if (related_may_hold_tree(root)) {
			return 1;
		}
	}
	return 0;
}

static int
related_is_read_more(xmlNodePtr a)
{
	char *t;
	int yes;

	if (!related_is_element(a, "a")) {
		return 0;
	}
	t = related_text(a);
	yes = t != NULL && RELATED_IS(t, related_read_more);
	free(t);
	return yes;
}

/* The first <a href> in n (n itself included), in document order. */
static xmlNodePtr
related_first_link(xmlNodePtr n)
{
	xmlNodePtr c, found;

	if (related_is_element(n, "a") && xmlHasProp(n, (const xmlChar *)"href")) {
		return n;
	}
	for (c = n->children; c != NULL; c = c->next) {
		if ((found = related_first_link(c)) != NULL) {
			return found;
		}
	}
	return NULL;
}

/* The last element or non-blank text node at the end of n. */
static xmlNodePtr
related_last_thing(xmlNodePtr n)
{
	xmlNodePtr c;

	for (c = n->last; c != NULL; c = c->prev) {
		if (c->type == XML_ELEMENT_NODE && !related_is_element(c, "br")) {
			return c;
		}
		if (c->type == XML_TEXT_NODE && !xmlIsBlankNode(c)) {
			return NULL;
		}
	}
	return NULL;
}

/* The read-more link that ends n, if any (n may be that link). */
static xmlNodePtr
related_ending_read_more(xmlNodePtr n)
{
	while (n != NULL) {
		if (related_is_read_more(n)) {
			return n;
		}
		n = related_last_thing(n);
	}
	return NULL;
}

static size_t
related_lower_run(const char *t, size_t i)
{
	size_t n = 0;

	while (i > 0 && t[i - 1] >= 'a' && t[i - 1] <= 'z') {
		i--, n++;
	}
	return n;
}

/* A headline with its summary glued on ("... media sayRussian state
 * media say ...") is cut where two lower-case letters run straight
 * into a capital ("iPhone" and "McDonald" stay whole), where a capitals
 * headline runs into a capitalised word ("... SAYSThe port ..."), or
 * right after an ellipsis that a letter follows ("port auth…The port"),
 * when both sides are long enough to be a headline and a summary. */
static size_t
related_headline_length(const char *t)
{
	size_t i, len = strlen(t);

	for (i = 20; i + 20 < len; i++) {
		int upper = t[i] >= 'A' && t[i] <= 'Z';

		if (upper && related_lower_run(t, i) >= 2) {
			return i;
		}
		if (upper && t[i + 1] >= 'a' && t[i + 1] <= 'z' &&
		    t[i - 1] >= 'A' && t[i - 1] <= 'Z' &&
		    t[i - 2] >= 'A' && t[i - 2] <= 'Z' &&
		    t[i - 3] >= 'A' && t[i - 3] <= 'Z') {
			return i;
		}
		if (memcmp(t + i - 3, "\xe2\x80\xa6", 3) == 0 &&
		    ((t[i] >= 'A' && t[i] <= 'Z') || (t[i] >= 'a' && t[i] <= 'z'))) {
			return i;
		}
	}
	return len;
}

/* Appends an entry: title from text (less the read-more link's words and
 * any glued summary), link from link's href, source when known. */
static void
related_add_entry(struct related_list *l, const char *text, size_t textlen,
                  xmlNodePtr link, const char *source, const char *summary,
                  int cut_glue)
{
	struct nf_related e;
	struct nf_related *grown;
	xmlChar *href = link != NULL ? xmlGetProp(link, (const xmlChar *)"href") : NULL;
	int has_href = href != NULL, has_source = 0, has_summary = 0;

	memset(&e, 0, sizeof(e));
	while (textlen > 0 && text[textlen - 1] == ' ') {
		textlen--;
	}
	if (textlen == 0) {
		xmlFree(href);
		return;
	}
	e.title = strndup(text, textlen);
	if (e.title != NULL && cut_glue) {
		size_t cut = related_headline_length(e.title);

		/* what was glued on is the summary the page printed */
		if (cut < strlen(e.title) && summary == NULL) {
			e.summary = strdup(e.title + cut);
			has_summary = 1;
		}
		e.title[cut] = '\0';
	}
	if (summary != NULL && summary[0] != '\0') {
		e.summary = strdup(summary);
		has_summary = 1;
	}
	if (e.title != NULL && source == NULL) {
		/* "Headline - Outlet": the outlet is the entry's source */
		const char *outlet;
		size_t cut = title_outlet_tail(e.title, &outlet);

		if (outlet != NULL) {
			e.source = strdup(outlet);
			has_source = 1;
			e.title[cut] = '\0';
		}
	}
	e.link = url_resolve((const char *)href, l->base);
	if (source != NULL) {
		e.source = strdup(source);
		has_source = 1;
	}
	xmlFree(href);
	grown = l->v;
	if (l->n == l->cap) {
		grown = realloc(l->v, (l->cap > 0 ? l->cap * 2 : 16) * sizeof(*l->v));
		l->cap = grown != NULL ? (l->cap > 0 ? l->cap * 2 : 16) : l->cap;
	}
	if (e.title == NULL || (has_href && e.link == NULL) ||
	    (has_source && e.source == NULL) || (has_summary && e.summary == NULL) ||
	    grown == NULL) {
		l->v = grown != NULL ? grown : l->v;
		related_clear(&e);
		l->nomem = 1;
		return;
	}
	l->v = grown;
	l->v[l->n++] = e;
}

static void
related_add(struct related_list *l, const char *text, size_t textlen,
            xmlNodePtr link, const char *source)
{
	related_add_entry(l, text, textlen, link, source, NULL, 1);
}

/* Unlinks and frees the siblings from first to last, inclusive. */
static void
related_cut(xmlNodePtr first, xmlNodePtr last)
{
	xmlNodePtr n = first, next;

	while (n != NULL) {
		int end = n == last;

		next = n->next;
		xmlUnlinkNode(n);
		xmlFreeNode(n);
		if (end) {
			break;
		}
		n = next;
	}
}

/* Whether t is a label of the table, alone or followed by a colon and
 * the block's explanatory sentence. Sets *bare (when not NULL) to whether
 * nothing follows the label and its colon. */
static int
related_is_label_text(const char *t, int *bare)
{
	size_t i, len = strlen(t);

	for (i = 0; len > 0 && len <= RELATED_NOTE_MAX &&
	     i < sizeof(related_labels) / sizeof(related_labels[0]); i++) {
		size_t k = strlen(related_labels[i]);
		const char *rest = t + k;

		if (len < k || strncasecmp(t, related_labels[i], k) != 0) {
			continue;
		}
		if (*rest == ' ') {
			rest++;
		}
		if (*rest == '\0' || *rest == ':' || strncmp(rest, "\xef\xbc\x9a", 3) == 0) {
			if (bare != NULL) {
				rest += *rest == ':' ? 1 : *rest != '\0' ? 3 : 0;
				*bare = strspn(rest, " ") == strlen(rest);
			}
			return 1;
		}
	}
	return 0;
}

/* A site's nav line: short, two or more comma-separated labels of at
 * most three words, no sentence punctuation, no link ("Japan latest
 * news, Japan headlines"). Anything else before a block stays. */
static int
related_is_nav_text(const char *t)
{
	const char *p;
	int parts = 1, words = 1, yes = 1;

	if (strlen(t) > RELATED_NAV_MAX || strpbrk(t, ".!?:;") != NULL ||
	    strstr(t, "\xe3\x80\x82") != NULL) {
		return 0;
	}
	for (p = t; *p != '\0'; p++) {
		int comma = *p == ',' || strncmp(p, "\xe3\x80\x81", 3) == 0;

		if (comma) {
			yes = yes && words <= 3;
			parts++, words = 0;
		} else if (*p == ' ' && p > t && p[-1] != ',') {
			words++;
		}
	}
	return yes && words <= 3 && parts >= 2;
}

/* The length of title less a trailing " - Source" (aggregators append the
 * outlet's name to each headline). */
static size_t
related_cut_source(const char *title, const char *source)
{
	size_t tl = strlen(title), sl = strlen(source);

	if (sl > 0 && tl > sl + 3 && strcmp(title + tl - sl, source) == 0 &&
	    memcmp(title + tl - sl - 3, " - ", 3) == 0) {
		return tl - sl - 3;
	}
	return tl;
}

static int related_is_block(xmlNodePtr n);

/* Whether text node n holds nothing but blanks and no-break spaces. */
static int
related_is_blank_text(xmlNodePtr n)
{
	char *t;
	int yes;

	if (n->type != XML_TEXT_NODE) {
		return 0;
	}
	t = related_text(n);
	yes = t != NULL && t[0] == '\0';
	free(t);
	return yes;
}

/* The outlet's name after an aggregator's link a: a <font> or <source>
 * sibling after blanks and no-break spaces; NULL when none. */
static xmlNodePtr
related_outlet_after(xmlNodePtr a)
{
	xmlNodePtr n;

	if (!related_is_element(a, "a") || !xmlHasProp(a, (const xmlChar *)"href")) {
		return NULL;
	}
	for (n = a->next; n != NULL && related_is_blank_text(n); n = n->next) {
	}
	if (related_is_element(n, "source") && n->children == NULL) {
		/* HTML's <source> is empty: the name is the text after it */
		n = n->next != NULL && n->next->type == XML_TEXT_NODE ? n->next : NULL;
		return n != NULL && !related_is_blank_text(n) ? n : NULL;
	}
	return related_is_element(n, "font") || related_is_element(n, "source") ? n : NULL;
}

/* The link of an aggregator's list item: the <a> that an outlet's name
 * follows, at the top of li or inside its inline elements. */
static xmlNodePtr
related_outlet_link(xmlNodePtr li, xmlNodePtr *outlet)
{
	xmlNodePtr n, found;

	for (n = li->children; n != NULL; n = n->next) {
		if ((*outlet = related_outlet_after(n)) != NULL) {
			return n;
		}
		if (n->type == XML_ELEMENT_NODE && !related_is_block(n) &&
		    (found = related_outlet_link(n, outlet)) != NULL) {
			return found;
		}
	}
	return NULL;
}

/* Whether li is an aggregator's "View Full Coverage" line: one link,
 * whose text is in the table, and no outlet. */
static int
related_is_coverage(xmlNodePtr li)
{
	xmlNodePtr a = related_first_link(li);
	char *t = a != NULL ? related_text(a) : NULL;
	int yes = t != NULL && RELATED_IS(t, related_coverage);

	free(t);
	return yes;
}

/* One aggregator entry: the link's text less " - Outlet", the outlet as
 * its source. */
static void
related_add_outlet_entry(struct related_list *l, xmlNodePtr a, xmlNodePtr outlet)
{
	char *title = related_text(a), *source = related_text(outlet);

	if (title == NULL || source == NULL) {
		l->nomem = 1;
	} else {
		related_add(l, title, related_cut_source(title, source), a,
		            source[0] != '\0' ? source : NULL);
	}
	free(title);
	free(source);
}

/* An aggregator's list, <li><a href>Title - Outlet</a>&nbsp;
 * <font>Outlet</font></li> (or <source>), every item of the list but a
 * last "View Full Coverage" line, which goes with it. */
static int
related_take_aggregator_list(struct related_list *l, xmlNodePtr list)
{
	xmlNodePtr li, a, outlet;
	size_t items = 0;

	if (!related_is_element(list, "ol") && !related_is_element(list, "ul")) {
		return 0;
	}
	for (li = list->children; li != NULL; li = li->next) {
		if (related_is_element(li, "li")) {
			if (related_outlet_link(li, &outlet) != NULL) {
				items++;
			} else if (!related_is_coverage(li)) {
				return 0;
			}
		}
	}
	if (items == 0) {
		return 0;
	}
	for (li = list->children; li != NULL; li = li->next) {
		if (related_is_element(li, "li") &&
		    (a = related_outlet_link(li, &outlet)) != NULL) {
			related_add_outlet_entry(l, a, outlet);
		}
	}
	related_cut(list, list);
	return 1;
}

/* Takes out every aggregator list and link-and-outlet pair under n, in
 * one pass. */
static void
related_walk(struct related_list *l, xmlNodePtr n)
{
	xmlNodePtr next, outlet;

	for (; n != NULL && !l->nomem; n = next) {
		next = n->next;
		if (n->type != XML_ELEMENT_NODE) {
			continue;
		}
		/* Outside a list only <font> names an outlet: an HTML
		 * <source> there is a picture's or a video's, and the text
		 * after it the article's own. */
		if ((outlet = related_outlet_after(n)) != NULL &&
		    related_is_element(outlet, "font") &&
		    !related_is_element(n->parent, "li")) {
			next = outlet->next;
			related_add_outlet_entry(l, n, outlet);
			related_cut(n, outlet);
		} else if (!related_take_aggregator_list(l, n)) {
			related_walk(l, n->children);
		}
	}
}

/*
 * The lines of the document, each with its text, its first link and its
 * read-more marker, if any.
 */
enum rmark {
	MARK_NONE,
	MARK_LINE,		/* the line is nothing but a read-more marker */
	MARK_END		/* the line is an entry's text ending in a read-more link */
};

struct rline {
	xmlNodePtr first, last;	/* inline siblings, first..last */
	char *text;		/* folded text, never empty */
	xmlNodePtr link;	/* first <a href> among them, or NULL */
	xmlNodePtr more;	/* the read-more link that ends it, or NULL */
	size_t tail;		/* MARK_END: bytes of text the marker takes */
	enum rmark mark;
};

struct rlines {
	struct rline *v;
	size_t n, cap;
	int nomem;
};

/* An entry of the block is at most this many lines (before its marker,
 * or from its headline on). */
#define RELATED_ENTRY_LINES 3

/* Elements that end a line: blocks and <br>. */
static int
related_is_block(xmlNodePtr n)
{
	static const char *const names[] = {
		"address", "article", "aside", "blockquote", "body", "br", "caption",
		"dd", "details", "div", "dl", "dt", "fieldset", "figcaption", "figure",
		"footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header",
		"hr", "html", "li", "main", "nav", "ol", "p", "pre", "section",
		"summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
	};
	size_t i;

	if (n->type != XML_ELEMENT_NODE) {
		return 0;
	}
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		if (strcasecmp((const char *)n->name, names[i]) == 0) {
			return 1;
		}
	}
	return 0;
}

/* Elements whose text is never read. */
static int
related_is_skipped(xmlNodePtr n)
{
	return related_is_element(n, "script") || related_is_element(n, "style") ||
	       related_is_element(n, "head") || related_is_element(n, "template");
}

/* The folded text of siblings first..last, as related_text() folds. */
static char *
related_range_text(xmlNodePtr first, xmlNodePtr last)
{
	char *raw = NULL, *out;
	size_t len = 0;
	xmlNodePtr n;

	for (n = first; n != NULL; n = n->next) {
		xmlChar *t = n->type != XML_COMMENT_NODE ? xmlNodeGetContent(n) : NULL;
		size_t k = t != NULL ? (size_t)xmlStrlen(t) : 0;
		char *grown = realloc(raw, len + k + 1);

		if (grown == NULL) {
			xmlFree(t);
			free(raw);
			return NULL;
		}
		raw = grown;
		memcpy(raw + len, t != NULL ? (const char *)t : "", k);
		len += k;
		raw[len] = '\0';
		xmlFree(t);
		if (n == last) {
			break;
		}
	}
	out = raw != NULL ? related_fold(raw) : strdup("");
	free(raw);
	return out;
}

/* Whether a line's text is nothing but a read-more marker: a word of the
 * table, with or without its trailing arrow; a bare "More" only as a
 * link or with an arrow, so an ordinary short line does not count. */
static int
related_line_is_read_more(const char *t, xmlNodePtr link)
{
	if (!RELATED_IS(t, related_read_more)) {
		return 0;
	}
	return link != NULL || strncasecmp(t, "more", 4) != 0 || t[4] != '\0';
}

/* The bytes of t that a read-more word with its arrows takes at its
 * end ("... hearing. Read more »"), after a blank; 0 when none. A bare
 * "More" does not count: many a sentence ends in it. */
static size_t
related_tail_read_more(const char *t)
{
	size_t len = strlen(t), i, k, cut;

	for (i = 0; i < sizeof(related_read_more) / sizeof(related_read_more[0]); i++) {
		k = strlen(related_read_more[i]);
		if (k < 5) {
			continue;
		}
		for (cut = len; cut > k; cut--) {
			const char *at = t + cut - k;

			if (at[-1] == ' ' && strncasecmp(at, related_read_more[i], k) == 0 &&
			    RELATED_IS(at, related_read_more)) {
				return len - (size_t)(at - t);
			}
			if (len - cut > 8) {
				break;	/* past any run of arrows */
			}
		}
	}
	return 0;
}

/* The read-more link at the end of the inline run first..last, looking
 * through the inline elements that close it; NULL when none. */
static xmlNodePtr
related_line_end_link(xmlNodePtr first, xmlNodePtr last)
{
	xmlNodePtr n;

	for (n = last; n != NULL; n = n == first ? NULL : n->prev) {
		if (n->type == XML_TEXT_NODE && xmlIsBlankNode(n)) {
			continue;
		}
		if (n->type == XML_COMMENT_NODE || related_is_element(n, "br")) {
			continue;
		}
		return n->type == XML_ELEMENT_NODE ? related_ending_read_more(n) : NULL;
	}
	return NULL;
}

static void
related_close_line(struct rlines *ls, xmlNodePtr first, xmlNodePtr last)
{
	struct rline *r;
	xmlNodePtr n, link = NULL;
	char *t;

	if (first == NULL || ls->nomem) {
		return;
	}
	t = related_range_text(first, last);
	if (t == NULL || t[0] == '\0') {
		ls->nomem = t == NULL;
		free(t);
		return;
	}
	for (n = first; link == NULL; n = n->next) {
		link = related_first_link(n);
		if (n == last) {
			break;
		}
	}
	if (ls->n == ls->cap) {
		size_t cap = ls->cap != 0 ? ls->cap * 2 : 32;
		struct rline *v = realloc(ls->v, cap * sizeof(*v));

		if (v == NULL) {
			free(t);
			ls->nomem = 1;
			return;
		}
		ls->v = v;
		ls->cap = cap;
	}
	r = &ls->v[ls->n++];
	r->first = first;
	r->last = last;
	r->text = t;
	r->link = link;
	r->more = related_line_end_link(first, last);
	/* a marker's link, if any, is all the line holds */
	r->tail = 0;
	if (related_line_is_read_more(t, link) &&
	    (link == NULL || related_is_read_more(link))) {
		r->mark = MARK_LINE;
	} else if (r->more != NULL) {
		char *own = related_text(r->more);
		size_t k = own != NULL ? strlen(own) : 0, len = strlen(t);

		r->mark = MARK_END;
		r->tail = k <= len && own != NULL && strcmp(t + len - k, own) == 0 ? k : 0;
		ls->nomem = own == NULL;
		free(own);
	} else {
		r->tail = related_tail_read_more(t);
		r->mark = r->tail > 0 ? MARK_END : MARK_NONE;
	}
}

/* The node after c in document order within top, NULL past its end. */
static xmlNodePtr
related_next_in(xmlNodePtr c, xmlNodePtr top)
{
	if (c->type == XML_ELEMENT_NODE && c->children != NULL) {
		return c->children;
	}
	while (c != top && c->next == NULL) {
		c = c->parent;
	}
	return c != top ? c->next : NULL;
}

/* Whether inline element n holds a read-more link before its end
 * ("<span><a>Title</a> <a>More</a> <a>Title</a> <a>More</a></span>"):
 * then its entries are read inside it, as a block's are. */
static int
related_holds_entries(xmlNodePtr n)
{
	xmlNodePtr c, end;

	if (n->type != XML_ELEMENT_NODE || related_is_element(n, "a")) {
		return 0;
	}
	end = related_ending_read_more(n);
	for (c = n->children; c != NULL; c = related_next_in(c, n)) {
		if (c != end && related_is_read_more(c)) {
			return 1;
		}
	}
	return 0;
}

/* Appends the lines inside container (no recursion into inline
 * elements: their text is part of the line that holds them). */
static void
related_lines_in(struct rlines *ls, xmlNodePtr container)
{
	xmlNodePtr n, first = NULL, last = NULL;

	for (n = container->children; n != NULL; n = n->next) {
		if (related_is_skipped(n) || related_is_block(n) || related_holds_entries(n)) {
			related_close_line(ls, first, last);
			first = last = NULL;
			if (!related_is_skipped(n) && !related_is_element(n, "br")) {
				related_lines_in(ls, n);
			}
			continue;
		}
		if (n->type != XML_ELEMENT_NODE && n->type != XML_TEXT_NODE &&
		    n->type != XML_COMMENT_NODE && n->type != XML_CDATA_SECTION_NODE &&
		    n->type != XML_ENTITY_REF_NODE) {
			continue;
		}
		if (first == NULL) {
			first = n;
		}
		last = n;
		if (n->type == XML_ELEMENT_NODE && related_ending_read_more(n) != NULL) {
			/* a read-more link ends its entry, and so its line */
			related_close_line(ls, first, last);
			first = last = NULL;
		}
	}
	related_close_line(ls, first, last);
}

static void
related_lines_free(struct rlines *ls)
{
	size_t i;

	for (i = 0; i < ls->n; i++) {
		free(ls->v[i].text);
	}
	free(ls->v);
}

/* Whether n holds nothing a reader would see. */
static int
related_is_empty(xmlNodePtr n)
{
	xmlNodePtr c;

	for (c = n->children; c != NULL; c = c->next) {
		if ((c->type == XML_ELEMENT_NODE && !related_is_element(c, "br")) ||
		    (c->type == XML_TEXT_NODE && !xmlIsBlankNode(c))) {
			return 0;
		}
	}
	return 1;
}

/* Takes a line out of the tree: its nodes, the <br> that ends it, and
 * the elements that it leaves empty. */
static void
related_cut_line(struct rline *r)
{
	xmlNodePtr parent = r->first->parent, next = r->last->next, up;

	while (next != NULL && next->type == XML_TEXT_NODE && xmlIsBlankNode(next)) {
		next = next->next;
	}
	related_cut(r->first, r->last);
	if (next != NULL && related_is_element(next, "br")) {
		related_cut(next, next);
	}
	while (parent != NULL && parent->type == XML_ELEMENT_NODE &&
	       !related_is_element(parent, "body") && !related_is_element(parent, "html") &&
	       related_is_empty(parent)) {
		up = parent->parent;
		related_cut(parent, parent);
		parent = up;
	}
}

/* The last line of the entry that marker line m closes: the marker
 * itself when it ends in its read-more link, else the line before. */
static size_t
related_entry_end(const struct rlines *ls, size_t m)
{
	return ls->v[m].mark == MARK_END ? m : m - 1;
}

static xmlNodePtr related_line_head(const struct rline *r);
static xmlNodePtr related_line_box(const struct rline *r);

/* Whether line r opens with an inline element holding its headline
 * ("<b>Headline</b> summary ..."). */
static int
related_line_has_head(const struct rline *r)
{
	xmlNodePtr head = related_line_head(r);
	xmlChar *raw = head != NULL ? xmlNodeGetContent(head) : NULL;
	int yes = raw != NULL && xmlStrlen(raw) >= 8 &&
	          (size_t)xmlStrlen(raw) < strlen(r->text) - r->tail;

	xmlFree(raw);
	return yes;
}

static int
related_line_is_label(const struct rline *r, int *bare)
{
	return r->link == NULL && r->mark == MARK_NONE && related_is_label_text(r->text, bare);
}

/* Where the first entry of a run starts, given its marker m and the
 * length in lines of the entry after it (0: none): as far back as that
 * entry reaches, never past lo, a marker or a label. A label just
 * before it (or before a bare label's short explanatory sentence) heads
 * the block. Sets *start_cut to the first line to take out: the nav
 * line, else the label, else the entry. */
static size_t
related_first_entry(const struct rlines *ls, size_t lo, size_t m, size_t want,
                    size_t *start_cut, int *labelled)
{
	size_t end = related_entry_end(ls, m), from = end, j;
	int bare = 0;

	*labelled = 0;
	/* a line that opens with its headline starts its entry; an entry
	 * never reaches out of the box that holds its end */
	while (from > lo && end + 1 - from < (want > 0 ? want : 1) &&
	       !related_line_has_head(&ls->v[from]) &&
	       ls->v[from - 1].mark == MARK_NONE && !related_line_is_label(&ls->v[from - 1], NULL) &&
	       related_line_box(&ls->v[from - 1]) == related_line_box(&ls->v[end])) {
		from--;
	}
	*start_cut = from;
	for (j = from; j > lo && from - j < 2; j--) {
		if (!related_line_is_label(&ls->v[j - 1], &bare)) {
			if (ls->v[j - 1].mark != MARK_NONE || ls->v[j - 1].link != NULL) {
				break;
			}
			continue;
		}
		if (j < from && (!bare || strlen(ls->v[j].text) > RELATED_NOTE_MAX)) {
			break;
		}
		*labelled = 1;
		*start_cut = j - 1;
		if (j - 1 > lo && ls->v[j - 2].link == NULL && ls->v[j - 2].mark == MARK_NONE &&
		    related_is_nav_text(ls->v[j - 2].text)) {
			*start_cut = j - 2;
		}
		break;
	}
	return from;
}

/* Whether n is an inline element that may hold a headline. */
static int
related_is_head_element(xmlNodePtr n)
{
	static const char *const names[] = {
		"a", "b", "strong", "span", "em", "font", "big",
	};
	size_t i;

	for (i = 0; n != NULL && i < sizeof(names) / sizeof(names[0]); i++) {
		if (related_is_element(n, names[i])) {
			return 1;
		}
	}
	return 0;
}

/* The line's first element when it opens the line and reads as a
 * headline (long enough, and not all of the line); NULL otherwise. */
static xmlNodePtr
related_line_head(const struct rline *r)
{
	xmlNodePtr n;

	for (n = r->first; n != NULL; n = n == r->last ? NULL : n->next) {
		if ((n->type == XML_TEXT_NODE && xmlIsBlankNode(n)) ||
		    n->type == XML_COMMENT_NODE) {
			continue;
		}
		break;
	}
	if (!related_is_head_element(n) || n == r->more) {
		return NULL;
	}
	/* a wrapper around the whole line: look inside it */
	while (n->children != NULL && n->children == n->last &&
	       related_is_head_element(n->children)) {
		n = n->children;
	}
	return n;
}

/* Appends text (n bytes) to the growing summary *sum, a space between. */
static int
related_sum_append(char **sum, const char *text, size_t n)
{
	size_t have = *sum != NULL ? strlen(*sum) : 0;
	char *grown;

	while (n > 0 && text[0] == ' ') {
		text++, n--;
	}
	while (n > 0 && text[n - 1] == ' ') {
		n--;
	}
	if (n == 0) {
		return 0;
	}
	grown = realloc(*sum, have + n + 2);
	if (grown == NULL) {
		return -1;
	}
	if (have > 0) {
		grown[have++] = ' ';
	}
	memcpy(grown + have, text, n);
	grown[have + n] = '\0';
	*sum = grown;
	return 0;
}

/* The length of line r's text less its closing read-more link's. */
static size_t
related_line_body(const struct rline *r)
{
	return strlen(r->text) - (r->mark == MARK_END ? r->tail : 0);
}

/* The entry of lines from..end closed by marker m: the headline is the
 * first line's opening element when that reads as a headline, else the
 * first line (less a summary glued on); the rest is its summary. */
static void
related_add_span(struct related_list *l, const struct rlines *ls, size_t from,
                 size_t end, xmlNodePtr link)
{
	const struct rline *first = &ls->v[from];
	size_t i, len = related_line_body(first), tl = len;
	xmlNodePtr head = related_line_head(first);
	char *ht = head != NULL ? related_text(head) : NULL, *sum = NULL;
	int from_head = 0, nomem = head != NULL && ht == NULL;

	for (i = from; link == NULL && i <= end; i++) {
		link = ls->v[i].link;
	}
	if (ht != NULL && strlen(ht) >= 8 && strlen(ht) < len &&
	    strncmp(first->text, ht, strlen(ht)) == 0) {
		tl = strlen(ht);
		from_head = 1;
	}
	nomem = nomem || related_sum_append(&sum, first->text + tl, len - tl) != 0;
	for (i = from + 1; !nomem && i <= end; i++) {
		nomem = related_sum_append(&sum, ls->v[i].text, related_line_body(&ls->v[i])) != 0;
	}
	if (nomem) {
		l->nomem = 1;
	} else {
		related_add_entry(l, first->text, tl, link, NULL, sum, !from_head);
	}
	free(ht);
	free(sum);
}

static void
related_add_line_entry(struct related_list *l, const struct rlines *ls,
                       size_t from, size_t m)
{
	related_add_span(l, ls, from, related_entry_end(ls, m),
	                 ls->v[m].more != NULL ? ls->v[m].more : ls->v[m].link);
}

/* Whether line r opens with its headline as a link ("<a>Headline</a>",
 * "<b><a>Headline</a></b> summary", "<h3><a>Headline</a></h3>"). */
static int
related_line_is_linked_head(const struct rline *r)
{
	xmlNodePtr head = related_line_head(r);
	xmlChar *raw;
	int yes;

	if (r->mark != MARK_NONE) {
		return 0;
	}
	if (head == NULL && r->first == r->last && related_is_element(r->first, "a")) {
		head = r->first;
	}
	if (head == NULL || related_first_link(head) == NULL ||
	    related_first_link(head) != r->link) {
		return 0;
	}
	raw = xmlNodeGetContent(head);
	yes = raw != NULL && xmlStrlen(raw) >= 8;
	xmlFree(raw);
	return yes;
}

/* The box that holds line r: its nearest ancestor other than a
 * paragraph, a heading or an inline element. */
static xmlNodePtr
related_line_box(const struct rline *r)
{
	static const char *const names[] = { "p", "h1", "h2", "h3", "h4", "h5", "h6" };
	xmlNodePtr n = r->first->parent;
	size_t i;

	while (n != NULL && n->type == XML_ELEMENT_NODE) {
		int inner = !related_is_block(n);

		for (i = 0; !inner && i < sizeof(names) / sizeof(names[0]); i++) {
			inner = related_is_element(n, names[i]);
		}
		if (!inner) {
			break;
		}
		n = n->parent;
	}
	return n;
}

/* Whether line k + 1 goes on the entry whose headline is line k: a line
 * of text in the same box. */
static int
related_line_goes_on(const struct rlines *ls, size_t head, size_t k)
{
	const struct rline *r = &ls->v[k];

	return k < ls->n && r->mark == MARK_NONE && r->link == NULL &&
	       !related_line_is_label(r, NULL) &&
	       related_line_box(r) == related_line_box(&ls->v[head]);
}

/* The last line of the entry whose headline is line k: its summary
 * lines in the same box, up to the next headline; the last entry of a
 * run (no headline after it) at most as long as the longest before it
 * (*longest, updated). */
static size_t
related_headed_end(const struct rlines *ls, size_t k, size_t *longest)
{
	size_t end = k;

	while (end + 1 < k + RELATED_ENTRY_LINES && related_line_goes_on(ls, k, end + 1)) {
		end++;
	}
	if (end + 1 >= ls->n || !related_line_is_linked_head(&ls->v[end + 1])) {
		if (end + 1 - k > *longest) {
			end = k + *longest - 1;
		}
	} else if (end + 1 - k > *longest) {
		*longest = end + 1 - k;
	}
	return end;
}

/* Entries with no read-more marker under a label: each opens with a
 * linked headline ("<a>Headline</a>", "<li><b><a>Headline</a></b>
 * summary", "<h3><a>Headline</a></h3><p>summary"). Returns the last line
 * taken, or label when there was no such run. */
static size_t
related_take_headed(struct related_list *l, const struct rlines *ls, size_t label)
{
	size_t start = label + 1, k, end = label, entries = 0, longest = 1;
	int bare = 0, pass;

	related_is_label_text(ls->v[label].text, &bare);
	if (bare && start + 1 < ls->n && !related_line_is_linked_head(&ls->v[start]) &&
	    ls->v[start].link == NULL && strlen(ls->v[start].text) <= RELATED_NOTE_MAX) {
		start++;	/* the explanatory sentence */
	}
	for (pass = 0; pass < 2; pass++) {
		longest = 1;
		for (k = start; k < ls->n && related_line_is_linked_head(&ls->v[k]); k = end + 1) {
			end = related_headed_end(ls, k, &longest);
			if (pass == 0) {
				entries++;
			} else {
				related_add_span(l, ls, k, end, NULL);
			}
		}
		if (entries < 2) {
			return label;
		}
	}
	return end;
}

/* The link of marker line r: the read-more link itself (words with no
 * link have none, whatever else the line links). */
static xmlNodePtr
related_marker_link(const struct rline *r)
{
	return r->mark == MARK_LINE ? r->link : r->more;
}

/* Reads the run of marker-closed entries that starts at marker m: the
 * number of entries, the last marker (*last) and the length of the
 * longest entry after the first (*want, 0 when there is none); whether
 * any marker has a link (*linked). */
static size_t
related_lines_run(const struct rlines *ls, size_t m, size_t *last, size_t *want,
                  int *linked)
{
	size_t prev = m, k, len, entries = 1;

	*want = 0;
	*linked = related_marker_link(&ls->v[m]) != NULL;
	for (k = m + 1; k < ls->n && k - prev - 1 <= RELATED_ENTRY_LINES; k++) {
		if (ls->v[k].mark == MARK_NONE) {
			continue;
		}
		len = related_entry_end(ls, k) + 1 - (prev + 1);
		if (len == 0 || len > RELATED_ENTRY_LINES) {
			break;
		}
		if (len > *want) {
			*want = len;
		}
		entries++;
		prev = k;
		*linked = *linked || related_marker_link(&ls->v[k]) != NULL;
	}
	*last = prev;
	return entries;
}

/* Finds the runs of marker-closed entries among the lines, adds their
 * entries and takes them out. Returns whether any was found. */
static int
related_take_lines(struct related_list *l, htmlDocPtr doc)
{
	struct rlines ls = { NULL, 0, 0, 0 };
	size_t i, m, lo = 0, *cut = NULL, ncut = 0;
	int found = 0;

	related_lines_in(&ls, (xmlNodePtr)doc);
	cut = ls.n > 0 ? calloc(ls.n, sizeof(*cut)) : NULL;
	if (ls.nomem || (ls.n > 0 && cut == NULL)) {
		l->nomem = 1;
		goto out;
	}
	for (m = 0; m < ls.n; m++) {
		size_t start_cut, first, prev, k, want, entries;
		int labelled, linked;

		if (m >= lo && related_line_is_label(&ls.v[m], NULL) &&
		    (prev = related_take_headed(l, &ls, m)) > m) {
			start_cut = m > lo && ls.v[m - 1].link == NULL &&
			            ls.v[m - 1].mark == MARK_NONE &&
			            related_is_nav_text(ls.v[m - 1].text) ? m - 1 : m;
			for (i = start_cut; i <= prev; i++) {
				cut[ncut++] = i;
			}
			found = 1;
			lo = prev + 1;
			m = prev;
			continue;
		}
		if (ls.v[m].mark == MARK_NONE ||
		    (ls.v[m].mark == MARK_LINE && (m <= lo || ls.v[m - 1].mark != MARK_NONE))) {
			continue;
		}
		entries = related_lines_run(&ls, m, &prev, &want, &linked);
		first = related_first_entry(&ls, lo, m, want, &start_cut, &labelled);
		/* markers that are only words, with no link anywhere, are
		 * weak: they make a block only under a label (which is also
		 * what keeps htmlfast's checks, labels and read-more links,
		 * enough to decline every block found here) */
		if ((entries < 2 && !labelled) || (!linked && !labelled)) {
			m = prev;	/* a later start in this run fares no better */
			continue;
		}
		related_add_line_entry(l, &ls, first, m);
		for (k = m + 1; k <= prev; k++) {
			if (ls.v[k].mark != MARK_NONE) {
				size_t from = k;

				while (from > 0 && ls.v[from - 1].mark == MARK_NONE) {
					from--;
				}
				related_add_line_entry(l, &ls, from, k);
			}
		}
		for (i = start_cut; i <= prev; i++) {
			cut[ncut++] = i;
		}
		found = 1;
		lo = prev + 1;
		m = prev;
	}
	for (i = 0; i < ncut; i++) {
		related_cut_line(&ls.v[cut[i]]);
	}
out:
	free(cut);
	related_lines_free(&ls);
	return found;
}

void
related_drop_own(struct nf_item *item, double threshold)
{
	size_t i, kept = 0;

	if (item->title == NULL || item->title[0] == '\0') {
		return;
	}
	for (i = 0; i < item->nrelated; i++) {
		struct nf_related *r = &item->related[i];

		if (title_similar(item->title, r->title, threshold)) {
			related_clear(r);
			continue;
		}
		item->related[kept++] = *r;
	}
	item->nrelated = kept;
	if (kept == 0) {
		free(item->related);
		item->related = NULL;
	}
}

size_t
related_extract(htmlDocPtr doc, const char *base_url, double threshold,
                struct nf_related **out)
{
	struct related_list l = { NULL, 0, 0, base_url, 0 };
	xmlNodePtr root = doc != NULL ? xmlDocGetRootElement(doc) : NULL;
	size_t i;

	*out = NULL;
	if (root == NULL || !related_may_hold(root)) {
		return 0;
	}
	/* blocks of entries first, then what is left of aggregators' lists */
	related_take_lines(&l, doc);
	if (!l.nomem) {
		related_walk(&l, root);
	}
	if (l.nomem || relmerge_copies(l.v, &l.n, threshold) != 0) {
		for (i = 0; i < l.n; i++) {
			related_clear(&l.v[i]);
		}
		free(l.v);
		return 0;
	}
	if (l.n == 0) {
		free(l.v);
		return 0;
	}
	*out = l.v;
	return l.n;
}
