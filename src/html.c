/*
 * An item's HTML taken apart: related entries first (related.c unlinks
 * them), then the picture and its caption, then the rest as plain text.
 * And a fetched web page reduced to its article.
 */
#include "autoconfig.h"

#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>
#include <libxml/uri.h>

#include "src/html.h"
#include "src/htmlfast.h"
#include "src/htmltext.h"
#include "src/related.h"
#include "src/text.h"
#include "src/url.h"
#include "src/utf8.h"

/* A caption paragraph longer than this is body text that happens to
 * start like a caption. */
#define CAPTION_MAX 600

enum caption_where { AT_START, ANYWHERE, AT_END };

struct caption_rule {
	const char *text;
	enum caption_where where;
};

/* What marks a paragraph as a photo caption. ASCII matches ignore case. */
static const struct caption_rule caption_rules[] = {
	{ "In this photo", AT_START }, { "In this image", AT_START },
	{ "In this file photo", AT_START }, { "In this undated photo", AT_START },
	{ "In this handout photo", AT_START }, { "In this aerial photo", AT_START },
	{ "Photo:", AT_START }, { "Photograph:", AT_START },
	{ "Photo by ", AT_START }, { "Photograph by ", AT_START },
	{ "Image:", AT_START }, { "Pictured:", AT_START },
	{ "File photo:", AT_START },
	{ "(AP Photo/", ANYWHERE }, { "(Photo/", ANYWHERE },
	{ ". Photograph: ", ANYWHERE },
	{ "写真：", AT_START }, { "写真:", AT_START }, { "写真は", AT_START },
	{ "写真＝", AT_START }, { "【写真】", AT_START }, { "（写真：", ANYWHERE },
	{ "(写真：", ANYWHERE }, { "撮影", AT_END }, { "撮影）", AT_END },
	{ "撮影)", AT_END }, { "撮影。", AT_END },
};

/* Credits glued to the end of a caption: "... Photograph: Name/Agency". */
static const char *const credit_lead_ins[] = {
	" Photograph: ", " Photo: ", " Photo by ", " Photograph by ",
};

/* Pre-order successor of n within top; descend into n's children when
 * asked. */
static xmlNode *
node_next(xmlNode *n, const xmlNode *top, int descend)
{
	if (descend && n->children != NULL) {
		return n->children;
	}
	while (n != top && n != NULL) {
		if (n->next != NULL) {
			return n->next;
		}
		n = n->parent;
	}
	return NULL;
}

static int
is_element(const xmlNode *n, const char *name)
{
	return n->type == XML_ELEMENT_NODE && n->name != NULL
	       && strcmp((const char *)n->name, name) == 0;
}

/* The first element called name below top (top excluded), or NULL. */
static xmlNode *
find_element(xmlNode *top, const char *name)
{
	xmlNode *n;

	for (n = top->children != NULL ? top->children : NULL; n != NULL;
	     n = node_next(n, top, 1)) {
		if (is_element(n, name)) {
			return n;
		}
	}
	return NULL;
}

static void
remove_node(xmlNode *n)
{
	xmlUnlinkNode(n);
	xmlFreeNode(n);
}

/* The node's text as one clean line, or NULL when it is empty. */
static char *
node_line(const xmlNode *n)
{
	char *text = htmltext_from_tree(n, 0), *line;

	if (text == NULL) {
		return NULL;
	}
	line = text_clean_line(text, strlen(text));
	free(text);
	if (line != NULL && line[0] == '\0') {
		free(line);
		line = NULL;
	}
	return line;
}

/* An attribute as one clean line, or NULL when absent or empty. */
static char *
attr_line(xmlNode *n, const char *name)
{
	xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
	char *line = NULL;

	if (v != NULL) {
		line = text_clean_line((const char *)v, strlen((const char *)v));
		xmlFree(v);
	}
	if (line != NULL && line[0] == '\0') {
		free(line);
		line = NULL;
	}
	return line;
}

/* The first address of a srcset ("a.jpg 1x, b.jpg 2x"), or NULL. */
static char *
srcset_first(xmlNode *img)
{
	char *set = attr_line(img, "srcset"), *end;

	if (set != NULL) {
		end = strpbrk(set, " ,");
		if (end != NULL) {
			*end = '\0';
		}
	}
	return set;
}

/* The picture's address made absolute, or NULL: lazy-loading pages keep
 * it in data-src or only in srcset, and data: URLs are not addresses
 * worth keeping. */
static char *
image_url(xmlNode *img, const char *base_url)
{
	char *src = attr_line(img, "src"), *url;

	if (src == NULL || strncasecmp(src, "data:", 5) == 0) {
		free(src);
		src = attr_line(img, "data-src");
	}
	if (src == NULL) {
		src = srcset_first(img);
	}
	if (src == NULL || strncasecmp(src, "data:", 5) == 0) {
		free(src);
		return NULL;
	}
	url = url_resolve(src, base_url);
	free(src);
	return url;
}

/* Neither a 1x1 tracking pixel nor an emoji drawn as an image (as
 * WordPress feeds do) is the item's picture. */
static int
is_decoration(xmlNode *img)
{
	static const char *const dims[] = { "width", "height" };
	xmlChar *v;
	size_t i;
	int tiny = 0;

	for (i = 0; i < 2; i++) {
		v = xmlGetProp(img, (const xmlChar *)dims[i]);
		if (v != NULL && (strcmp((const char *)v, "1") == 0
		                  || strcmp((const char *)v, "0") == 0)) {
			tiny = 1;
		}
		xmlFree(v);
	}
	v = xmlGetProp(img, (const xmlChar *)"class");
	if (v != NULL && (strstr((const char *)v, "emoji") != NULL
	                  || strstr((const char *)v, "smiley") != NULL)) {
		tiny = 1;
	}
	xmlFree(v);
	return tiny;
}

/* The first picture under top that is not a decoration. */
static xmlNode *
first_image(xmlNode *top)
{
	xmlNode *n;

	for (n = top->children; n != NULL; n = node_next(n, top, 1)) {
		if (is_element(n, "img") && !is_decoration(n)) {
			return n;
		}
	}
	return NULL;
}

static int
starts_with_ci(const char *s, const char *prefix)
{
	return strncasecmp(s, prefix, strlen(prefix)) == 0;
}

/* Whether s[0..n) is a name as credits write it: one to five words,
 * each starting with a capital (or a letter outside ASCII), with no
 * digits and no sentence punctuation ("Jan Novak", "Coastal Wire"). */
static int
is_credit_name(const char *s, size_t n)
{
	size_t i, words = 0;
	int start = 1;

	while (n > 0 && s[n - 1] == ' ') {
		n--;
	}
	while (n > 0 && s[0] == ' ') {
		s++, n--;
	}
	if (n == 0) {
		return 0;
	}
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == ' ') {
			start = 1;
			continue;
		}
		if ((c >= '0' && c <= '9') || strchr(",;:!?()\"", c) != NULL) {
			return 0;
		}
		if (start) {
			if (c < 0x80 && !(c >= 'A' && c <= 'Z')) {
				return 0;
			}
			start = 0;
			words++;
		}
	}
	return words <= 5;
}

/* Lead-ins that open a credit: "Photo: Name", 撮影：Name, ... */
static const char *const credit_words[] = {
	"Photo: ", "Photo by ", "Photograph: ", "Photograph by ", "Picture: ",
	"写真：", "写真:", "撮影：", "撮影:",
};

/* The bytes of s[0..n) past a credit's lead-in, 0 when it has none. */
static size_t
credit_lead_in(const char *s, size_t n)
{
	size_t i, k;

	for (i = 0; i < sizeof(credit_words) / sizeof(credit_words[0]); i++) {
		k = strlen(credit_words[i]);
		if (n > k && strncasecmp(s, credit_words[i], k) == 0) {
			return k;
		}
	}
	return 0;
}

/* Whether s[0..n), the inside of a bracket, is a picture credit:
 * "Agency Photo/Name", "Agency/Name", "Photo: Name", "撮影：Name". */
static int
is_credit_body(const char *s, size_t n)
{
	const char *slash = memchr(s, '/', n);

	if (n < 3 || n > 100) {
		return 0;
	}
	if (credit_lead_in(s, n) > 0) {
		return 1;
	}
	return slash != NULL && is_credit_name(s, (size_t)(slash - s)) &&
	       is_credit_name(slash + 1, n - (size_t)(slash - s) - 1);
}

/* Where a bracketed credit that ends s begins ("... (Reuters/Jan
 * Novak)", "...（撮影：港町新報）"); NULL when s does not end in one.
 * Sets *open to the opening bracket's length. */
static const char *
credit_bracket_at_end(const char *s, size_t *open)
{
	size_t n = strlen(s);
	const char *o;

	if (n > 0 && s[n - 1] == ')' && (o = strrchr(s, '(')) != NULL &&
	    is_credit_body(o + 1, (size_t)(s + n - 1 - (o + 1)))) {
		*open = 1;
		return o;
	}
	if (n >= 3 && strcmp(s + n - 3, "\xef\xbc\x89") == 0) {
		for (o = s + n - 3; o > s; o--) {
			if (strncmp(o, "\xef\xbc\x88", 3) == 0) {
				break;
			}
		}
		if (o > s || strncmp(s, "\xef\xbc\x88", 3) == 0) {
			*open = 3;
			return is_credit_body(o + 3, (size_t)(s + n - 3 - (o + 3))) ? o : NULL;
		}
	}
	return NULL;
}

/* Whether s opens or closes with a picture credit: a bracketed one at
 * either end, or "Photo: Name/Agency" closing it. A paragraph that only
 * mentions a photo has none of these. */
static int
has_credit(const char *s)
{
	const char *p, *close;
	size_t open;

	if (credit_bracket_at_end(s, &open) != NULL) {
		return 1;
	}
	if (s[0] == '(' && (close = strchr(s, ')')) != NULL &&
	    is_credit_body(s + 1, (size_t)(close - s - 1))) {
		return 1;
	}
	for (p = strstr(s, " Photo: "); p != NULL; p = strstr(p + 1, " Photo: ")) {
		const char *name = p + strlen(" Photo: ");

		if (strchr(name, '/') != NULL && is_credit_body(name, strlen(name))) {
			return 1;
		}
	}
	return 0;
}

/* Nonzero when a paragraph's text reads as a photo caption. */
static int
is_caption_text(const char *s)
{
	size_t i, n = strlen(s), k;
	const struct caption_rule *r;

	if (n == 0 || n > CAPTION_MAX) {
		return 0;
	}
	for (i = 0; i < sizeof(caption_rules) / sizeof(caption_rules[0]); i++) {
		r = &caption_rules[i];
		k = strlen(r->text);
		if ((r->where == AT_START && starts_with_ci(s, r->text))
		    || (r->where == ANYWHERE && strstr(s, r->text) != NULL)
		    || (r->where == AT_END && n >= k && strcmp(s + n - k, r->text) == 0)) {
			return 1;
		}
	}
	return has_credit(s);
}

/* Where the credit starts in a caption: a closing "(AP Photo/Name)" or
 * "（写真：Agency）", or a lead-in such as " Photograph: ". Sets *skip to
 * the bytes to skip before the credit itself, *tail to the bytes to drop
 * at the end. NULL when there is none. */
static char *
credit_start(char *s, size_t *skip, size_t *tail)
{
	size_t n = strlen(s), i;
	char *open, *p;

	*tail = 0;
	if ((open = (char *)credit_bracket_at_end(s, skip)) != NULL) {
		/* "(Reuters/Name)", "（撮影：Name）": the credit less its lead-in */
		*tail = *skip;
		*skip += credit_lead_in(open + *skip, n - (size_t)(open - s) - *skip);
		return open;
	}
	if (n > 0 && s[n - 1] == ')' && (open = strrchr(s, '(')) != NULL
	    && (strstr(open, "Photo") != NULL || strstr(open, "photo") != NULL)) {
		*skip = 1;
		*tail = 1;
		return open;
	}
	if (n >= 3 && strcmp(s + n - 3, "）") == 0 && (open = strstr(s, "（写真：")) != NULL) {
		*skip = strlen("（写真：");
		*tail = 3;
		return open;
	}
	for (i = 0; i < sizeof(credit_lead_ins) / sizeof(credit_lead_ins[0]); i++) {
		p = strstr(s, credit_lead_ins[i]);
		if (p != NULL) {
			*skip = strlen(credit_lead_ins[i]);
			return p;
		}
	}
	if (starts_with_ci(s, "Photo by ") || starts_with_ci(s, "Photograph by ")) {
		*skip = strchr(s, ' ') - s + 4;	/* past "by " */
		return s;
	}
	return NULL;
}

/* Splits a bracketed credit that opens *caption ("(Reuters/Name) The
 * harbour ...") off into *credit: 1 when it did, 0 when *caption opens
 * with none (or is nothing else), -1 when out of memory. */
static int
split_opening_credit(char **caption, char **credit)
{
	const char *s = *caption, *close = strchr(s, ')');
	size_t lead;
	char *c, *rest;

	if (close == NULL || close[1] == '\0' || !is_credit_body(s + 1, (size_t)(close - s - 1))) {
		return 0;
	}
	lead = credit_lead_in(s + 1, (size_t)(close - s - 1));
	c = text_clean_line(s + 1 + lead, (size_t)(close - s - 1) - lead);
	rest = text_clean_line(close + 1, strlen(close + 1));
	if (c == NULL || rest == NULL) {
		free(c);
		free(rest);
		return -1;
	}
	free(*caption);
	*caption = rest;
	*credit = c;
	return 1;
}

/* Splits a trailing credit off *caption into *credit (when that is still
 * empty), or one in brackets that opens it. A caption that was only a
 * credit becomes NULL. */
static int
split_credit(char **caption, char **credit)
{
	size_t skip, tail, n;
	char *start, *c, *rest;
	int opened;

	if (*caption != NULL && *credit == NULL && (*caption)[0] == '(' &&
	    (opened = split_opening_credit(caption, credit)) != 0) {
		return opened > 0 ? 0 : -1;
	}
	if (*caption == NULL || *credit != NULL
	    || (start = credit_start(*caption, &skip, &tail)) == NULL) {
		return 0;
	}
	n = strlen(start);
	if (n <= skip + tail) {
		return 0;
	}
	c = text_clean_line(start + skip, n - skip - tail);
	if (c == NULL) {
		return -1;
	}
	rest = text_clean_line(*caption, (size_t)(start - *caption));
	if (rest == NULL) {
		free(c);
		return -1;
	}
	free(*caption);
	*caption = rest[0] != '\0' ? rest : NULL;
	if (*caption == NULL) {
		free(rest);
	}
	*credit = c;
	return 0;
}

struct picture {
	char *url;
	char *caption;
	char *credit;
	int from_figcaption;	/* caption came from a <figcaption> */
};

static void
picture_clear(struct picture *p)
{
	free(p->url);
	free(p->caption);
	free(p->credit);
}

/* Takes the credit out of a figcaption: its <cite> or <small>. */
static char *
figcaption_credit(xmlNode *cap)
{
	static const char *const names[] = { "cite", "small" };
	xmlNode *n;
	char *credit;
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		n = find_element(cap, names[i]);
		if (n != NULL) {
			credit = node_line(n);
			remove_node(n);
			return credit;
		}
	}
	return NULL;
}

/* The first <figure> holding a picture: its address, figcaption and
 * credit. The figure leaves the tree, so the caption is not repeated in
 * the text. Nonzero when one was found. */
static int
take_figure(xmlNode *top, const char *base_url, struct picture *pic)
{
	xmlNode *n, *img, *cap;

	for (n = top->children; n != NULL; n = node_next(n, top, 1)) {
		if (is_element(n, "figure") && (img = first_image(n)) != NULL) {
			break;
		}
	}
	if (n == NULL) {
		return 0;
	}
	pic->url = image_url(img, base_url);
	cap = find_element(n, "figcaption");
	if (cap != NULL) {
		pic->credit = figcaption_credit(cap);
		pic->caption = node_line(cap);
		pic->from_figcaption = pic->caption != NULL;
	}
	if (pic->caption == NULL) {
		pic->caption = attr_line(img, "alt");
	}
	if (pic->caption == NULL) {
		pic->caption = attr_line(img, "title");
	}
	remove_node(n);
	return 1;
}

/* The first picture outside a figure, with alt or title as its caption. */
static void
take_image(xmlNode *top, const char *base_url, struct picture *pic)
{
	xmlNode *img = first_image(top);

	if (img == NULL) {
		return;
	}
	pic->url = image_url(img, base_url);
	pic->caption = attr_line(img, "alt");
	if (pic->caption == NULL) {
		pic->caption = attr_line(img, "title");
	}
}

/* Whether t begins with word: ASCII letters in any case, other bytes
 * as they are. */
static int
starts_with_word(const char *t, const char *word)
{
	for (; *word != '\0'; t++, word++) {
		if (*t != *word && !(*word >= 'a' && *word <= 'z' && (*t | 0x20) == *word)) {
			return 0;
		}
	}
	return 1;
}

/* Whether one of the eight bytes of w, with the byte after each in next,
 * starts a caption word: "ph", "pi" or "im" in any case, 写 or 撮 (their
 * first two bytes), or '/'. Every word has_caption_word() looks for
 * starts with one of these pairs, which English text holds far less
 * often than the letters p and i alone. */
static int
word_may_start_caption(uint64_t w, uint64_t next)
{
	const uint64_t lower = 0x2020202020202020ULL;
	uint64_t wl = w | lower, nl = next | lower;

	return ((text_word_equal(wl, 'p') & (text_word_equal(nl, 'h') | text_word_equal(nl, 'i'))) |
	        (text_word_equal(wl, 'i') & text_word_equal(nl, 'm')) |
	        (text_word_equal(w, 0xe5) & text_word_equal(next, 0x86)) |
	        (text_word_equal(w, 0xe6) & text_word_equal(next, 0x92)) |
	        text_word_equal(w, '/')) != 0;
}

/* Whether the byte at t starts a word without which no caption rule can
 * match ("photo", "image", "picture", "pictured", 写真, 撮影, "/"). */
static int
starts_caption_word(const char *t)
{
	switch ((unsigned char)*t) {
	case 'p':
	case 'P':
		return starts_with_word(t, "photo") || starts_with_word(t, "picture");
	case 'i':
	case 'I':
		return starts_with_word(t, "image");
	case 0xe5:
	case 0xe6:
		return starts_with_word(t, "写真") || starts_with_word(t, "撮影");
	case '/':
		return 1;
	default:
		return 0;
	}
}

/* Nonzero when t (n bytes, NUL after them) holds a caption word: a
 * cheap look at the raw text spares rendering every paragraph twice.
 * Eight bytes at a look; only a word that may hold one is read a byte
 * at a time. */
static int
has_caption_word(const char *t, size_t n)
{
	size_t i = 0, k;
	uint64_t w, next;

	while (i < n) {
		for (; n - i > 8; i += 8) {
			memcpy(&w, t + i, 8);
			memcpy(&next, t + i + 1, 8);
			if (word_may_start_caption(w, next)) {
				break;
			}
		}
		for (k = i + 8 < n ? i + 8 : n; i < k; i++) {
			if (starts_caption_word(t + i)) {
				return 1;
			}
		}
	}
	return 0;
}

/* Adds the raw text of n (a text node or an element) to *len; nonzero
 * when it holds a caption word. */
static int
scan_caption_words(xmlNode *n, size_t *len)
{
	xmlNode *c;
	size_t k;

	for (c = n; c != NULL; c = node_next(c, n, 1)) {
		if (c->type != XML_TEXT_NODE || c->content == NULL) {
			continue;
		}
		k = strlen((const char *)c->content);
		*len += k;
		if (*len < 4 * CAPTION_MAX && has_caption_word((const char *)c->content, k)) {
			return 1;
		}
	}
	return 0;
}

/* Elements that end a line of inline content. */
static int
is_line_break(const xmlNode *n)
{
	static const char *const names[] = {
		"article", "blockquote", "br", "div", "dl", "figure", "h1", "h2",
		"h3", "h4", "h5", "h6", "header", "hr", "li", "ol", "p", "pre",
		"section", "table", "ul",
	};
	size_t i;

	if (n->type != XML_ELEMENT_NODE) {
		return 0;
	}
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		if (strcmp((const char *)n->name, names[i]) == 0) {
			return 1;
		}
	}
	return 0;
}

/* The text of the sibling run first..last as one line, or NULL. */
static char *
run_line(xmlNode *first, xmlNode *last)
{
	char *text = htmltext_from_range(first, last, 0), *line;

	if (text == NULL) {
		return NULL;
	}
	line = text_clean_line(text, strlen(text));
	free(text);
	return line;
}

/* Looks at each line of inline content directly inside block: a caption
 * line leaves the tree with the <br>s after it. Its text, or NULL. */
static char *
take_caption_line(xmlNode *block)
{
	xmlNode *first, *last, *next;
	size_t len;
	int maybe;
	char *line;

	for (first = block->children; first != NULL; first = last->next) {
		last = first;
		if (is_line_break(first)) {
			continue;
		}
		len = 0;
		maybe = scan_caption_words(first, &len);
		while (last->next != NULL && !is_line_break(last->next)) {
			last = last->next;
			maybe = scan_caption_words(last, &len) || maybe;
		}
		line = maybe && len < 4 * CAPTION_MAX ? run_line(first, last) : NULL;
		if (line != NULL && is_caption_text(line)) {
			for (next = last->next; next != NULL && is_element(next, "br");
			     next = next->next) {
				last = next;
			}
			for (; first != last; first = next) {
				next = first->next;
				remove_node(first);
			}
			remove_node(last);
			return line;
		}
		free(line);
	}
	return NULL;
}

/* The first photo caption in the text: a paragraph, or a line of one
 * (feeds often write "caption<br><br>story", which the parser puts in
 * one implied <p>). Taken out of the tree; its text, or NULL. */
static char *
take_caption_paragraph(xmlNode *top)
{
	static const char *const blocks[] = {
		"p", "div", "body", "section", "article", "td",
	};
	xmlNode *n;
	size_t i;
	char *line;

	for (n = top->children; n != NULL; n = node_next(n, top, 1)) {
		if (n->type != XML_ELEMENT_NODE) {
			continue;
		}
		for (i = 0; i < sizeof(blocks) / sizeof(blocks[0]); i++) {
			if (strcmp((const char *)n->name, blocks[i]) == 0) {
				break;
			}
		}
		if (i < sizeof(blocks) / sizeof(blocks[0])
		    && (line = take_caption_line(n)) != NULL) {
			return line;
		}
	}
	return NULL;
}

/* Fills pic from the tree: figcaption wins over a caption paragraph,
 * which wins over alt and title (often a file name or "image"). */
static enum nf_status
find_picture(xmlNode *top, const char *base_url, struct picture *pic)
{
	char *par, *par_credit = NULL;

	if (!take_figure(top, base_url, pic)) {
		take_image(top, base_url, pic);
	}
	par = take_caption_paragraph(top);
	if (split_credit(&pic->caption, &pic->credit) < 0
	    || split_credit(&par, &par_credit) < 0) {
		free(par);
		free(par_credit);
		return NF_ERR_NOMEM;
	}
	if (par != NULL && !pic->from_figcaption) {
		free(pic->caption);
		pic->caption = par;
		par = NULL;
	}
	if (pic->credit == NULL) {
		pic->credit = par_credit;
		par_credit = NULL;
	}
	free(par);
	free(par_credit);
	return NF_OK;
}

/*
 * The fast path's picture: while htmlfast sends the events of simple
 * HTML, the first <figure> that holds a picture is built as a small tree
 * of its own (a figure without one is dropped once it closes), and the
 * first picture outside it is kept, for when no figure holds one. Then
 * take_figure() and take_image() read them as they read libxml2's tree.
 */
struct gather {
	xmlNode *top;		/* holds the figure being built or taken */
	xmlNode *cur;		/* where events go inside it; NULL outside */
	xmlNode *img_top;	/* holds the first picture */
	size_t starts;		/* start events so far */
	size_t figure_start;	/* of the figure being built or taken */
	int taken;		/* top holds a figure with a picture */
	int nomem;
};

static xmlNode *
gather_element(struct gather *g, xmlNode *parent, const xmlChar *name, const xmlChar **atts)
{
	xmlNode *n = xmlNewNode(NULL, name);

	if (n == NULL || xmlAddChild(parent, n) == NULL) {
		xmlFreeNode(n);
		g->nomem = 1;
		return NULL;
	}
	for (; atts != NULL && atts[0] != NULL; atts += 2) {
		if (xmlNewProp(n, atts[0], atts[1]) == NULL) {
			g->nomem = 1;
		}
	}
	return n;
}

static void
gather_start(void *ctx, const xmlChar *name, const xmlChar **atts)
{
	struct gather *g = ctx;
	xmlNode *img;

	g->starts++;
	if (g->nomem) {
		return;
	}
	if (g->cur != NULL) {
		g->cur = gather_element(g, g->cur, name, atts);
	} else if (!g->taken && strcmp((const char *)name, "figure") == 0) {
		g->figure_start = g->starts;
		g->cur = gather_element(g, g->top, name, atts);
	} else if (g->img_top->children == NULL && strcmp((const char *)name, "img") == 0) {
		img = gather_element(g, g->img_top, name, atts);
		if (img != NULL && is_decoration(img)) {
			remove_node(img);
		}
	}
}

static void
gather_end(void *ctx, const xmlChar *name)
{
	struct gather *g = ctx;

	(void)name;
	if (g->cur == NULL || g->nomem) {
		return;
	}
	if (g->cur->parent != g->top) {
		g->cur = g->cur->parent;
		return;
	}
	if (first_image(g->cur) != NULL) {
		g->taken = 1;
	} else {
		remove_node(g->cur);
	}
	g->cur = NULL;
}

static void
gather_text(void *ctx, const xmlChar *s, int len)
{
	struct gather *g = ctx;
	xmlNode *t;

	if (g->cur == NULL || g->nomem) {
		return;
	}
	/* adjacent text joins into one node, as libxml2's tree has it */
	if (g->cur->last != NULL && g->cur->last->type == XML_TEXT_NODE) {
		xmlNodeAddContentLen(g->cur->last, s, len);
	} else if ((t = xmlNewTextLen(s, len)) == NULL || xmlAddChild(g->cur, t) == NULL) {
		xmlFreeNode(t);
		g->nomem = 1;
	}
}

/*
 * For a reader that does not want the picture (html_extract_text()
 * without picture), only where the figure it would come from starts:
 * found as gather_start() and gather_end() find it, without building it.
 */
struct figure_scan {
	size_t starts;		/* start events so far */
	size_t figure_start;	/* of the figure open or taken */
	int depth;		/* elements open inside it, itself included */
	int has_img;		/* it holds a picture that is no decoration */
	int taken;
};

/* is_decoration() of an <img> from its attributes (SAX order; the fast
 * reader gives each name once, in lower case). */
static int
atts_are_decoration(const xmlChar **atts)
{
	const char *name, *v;
	int tiny = 0;

	for (; atts != NULL && atts[0] != NULL; atts += 2) {
		name = (const char *)atts[0];
		v = atts[1] != NULL ? (const char *)atts[1] : NULL;
		if (v == NULL) {
			continue;
		}
		if ((strcmp(name, "width") == 0 || strcmp(name, "height") == 0) &&
		    (strcmp(v, "1") == 0 || strcmp(v, "0") == 0)) {
			tiny = 1;
		}
		if (strcmp(name, "class") == 0 &&
		    (strstr(v, "emoji") != NULL || strstr(v, "smiley") != NULL)) {
			tiny = 1;
		}
	}
	return tiny;
}

static void
figure_find_start(void *ctx, const xmlChar *name, const xmlChar **atts)
{
	struct figure_scan *f = ctx;

	f->starts++;
	if (f->depth > 0) {
		f->depth++;
		if (!f->has_img && strcmp((const char *)name, "img") == 0) {
			f->has_img = !atts_are_decoration(atts);
		}
	} else if (!f->taken && strcmp((const char *)name, "figure") == 0) {
		f->figure_start = f->starts;
		f->depth = 1;
		f->has_img = 0;
	}
}

static void
figure_find_end(void *ctx, const xmlChar *name)
{
	struct figure_scan *f = ctx;

	(void)name;
	if (f->depth > 0 && --f->depth == 0) {
		f->taken = f->has_img;
	}
}

static void
figure_find_text(void *ctx, const xmlChar *s, int len)
{
	(void)ctx;
	(void)s;
	(void)len;
}

/* The start event of the first figure in doc that holds a picture, 0
 * when none does. */
static size_t
figure_find(const struct htmlfast_doc *doc)
{
	static const struct htmlfast_sax sax = {
		figure_find_start, figure_find_end, figure_find_text
	};
	struct figure_scan f = { 0, 0, 0, 0, 0 };

	htmlfast_replay(doc, &sax, &f);
	return f.taken ? f.figure_start : 0;
}

/* Whether html may hold an <img> (any case): only then is it gathered. */
static int
may_hold_img(const char *html, size_t len)
{
	const char *p = html, *end = html + len;

	while ((p = memchr(p, '<', (size_t)(end - p))) != NULL && end - p >= 4) {
		if ((p[1] | 0x20) == 'i' && (p[2] | 0x20) == 'm' && (p[3] | 0x20) == 'g') {
			return 1;
		}
		p++;
	}
	return 0;
}

/* Gathers the picture of simple HTML (read into doc) into pic, and the
 * start event of the figure it came from (0: none) into *drop; without
 * picture, only *drop (the figure still leaves the text). Zero when
 * done; nonzero when out of memory. */
static int
gather_picture(const struct htmlfast_doc *doc, const char *html, size_t len,
               const char *base_url, int picture, struct picture *pic, size_t *drop)
{
	static const struct htmlfast_sax sax = { gather_start, gather_end, gather_text };
	struct gather g;
	int rc = -1;

	*drop = 0;
	if (!may_hold_img(html, len)) {
		return 0;
	}
	if (!picture) {
		*drop = figure_find(doc);
		return 0;
	}
	memset(&g, 0, sizeof(g));
	g.top = xmlNewNode(NULL, (const xmlChar *)"body");
	g.img_top = xmlNewNode(NULL, (const xmlChar *)"body");
	if (g.top == NULL || g.img_top == NULL) {
		goto out;
	}
	htmlfast_replay(doc, &sax, &g);
	if (!g.nomem) {
		if (g.taken) {
			take_figure(g.top, base_url, pic);
			*drop = g.figure_start;
		} else {
			take_image(g.img_top, base_url, pic);
		}
		rc = 0;
	}
out:
	xmlFreeNode(g.top);
	xmlFreeNode(g.img_top);
	return rc;
}

/* Simple HTML with no related block and no caption paragraph: its
 * picture and text (and with article set, the article text), without
 * libxml2's parser, from one reading of the HTML. Zero when parts is
 * filled (parts->text NULL: out of memory). */
static int
take_simple(const char *html, size_t len, const char *base_url, int article,
            int picture, struct html_parts *parts)
{
	/* what may hold a "Similar News" block goes to libxml2's tree */
	static const struct htmlfast_decline related = {
		related_may_label, related_may_read_more
	};
	struct picture pic = { NULL, NULL, NULL, 0 };
	struct htmlfast_doc *doc;
	size_t drop;
	char *text;

	if (htmlfast_lex(html, len, &related, &doc) != HTMLFAST_OK) {
		return -1;
	}
	if (gather_picture(doc, html, len, base_url, picture, &pic, &drop) != 0) {
		htmlfast_doc_free(doc);
		picture_clear(&pic);
		return -1;
	}
	if (!article) {
		text = htmltext_from_events(doc, drop);
	} else if (htmltext_article_from_events(doc, drop, &text, &parts->article) != 0) {
		text = NULL;
	}
	htmlfast_doc_free(doc);
	if (text != NULL && has_caption_word(text, strlen(text))) {
		free(text);
		free(parts->article);
		parts->article = NULL;
		picture_clear(&pic);
		return -1;
	}
	if (text != NULL && split_credit(&pic.caption, &pic.credit) < 0) {
		free(text);
		text = NULL;
	}
	if (text != NULL && (pic.url != NULL || pic.caption != NULL || pic.credit != NULL)) {
		parts->image = image_new(pic.url, pic.caption, pic.credit);
		if (parts->image == NULL) {
			free(text);
			text = NULL;
		}
	}
	picture_clear(&pic);
	parts->text = text;
	return 0;
}

/* Text with no tag at all keeps its lines: a new copy of html with a
 * <br> at each newline (so a caption line, or entries closed by
 * read-more lines, are found in plain text too), in *out; NULL when html
 * holds a tag or no newline (or out of memory: *nomem set). */
static char *
plain_lines(const char *html, size_t len, size_t *out_len, int *nomem)
{
	static const char br[] = "<br>";
	size_t i, lines = 0, n = 0;
	char *out;

	*nomem = 0;
	for (i = 0; i < len; i++) {
		unsigned char next = i + 1 < len ? (unsigned char)html[i + 1] : 0;

		if (html[i] == '<' && (((next | 0x20) >= 'a' && (next | 0x20) <= 'z')
		                       || next == '/' || next == '!' || next == '?')) {
			return NULL;
		}
		lines += html[i] == '\n';
	}
	if (lines == 0 || len > SIZE_MAX / 2 - lines * (sizeof(br) - 1)) {
		return NULL;
	}
	out = malloc(len + lines * (sizeof(br) - 1) + 1);
	if (out == NULL) {
		*nomem = 1;
		return NULL;
	}
	for (i = 0; i < len; i++) {
		if (html[i] == '\n') {
			memcpy(out + n, br, sizeof(br) - 1);
			n += sizeof(br) - 1;
		}
		out[n++] = html[i];
	}
	out[n] = '\0';
	*out_len = n;
	return out;
}

static enum nf_status
extract(const char *html, size_t len, const char *base_url, double threshold,
        int article, int picture, struct html_parts *parts, struct nf_error *err)
{
	size_t plain_len = 0;
	int nomem;
	char *plain = plain_lines(html, len, &plain_len, &nomem);
	enum nf_status rc;

	memset(parts, 0, sizeof(*parts));
	if (nomem) {
		return nf_error_set(err, NF_ERR_NOMEM, "out of memory reading item HTML");
	}
	if (plain != NULL) {
		html = plain;
		len = plain_len;
	}
	if (len > 0 && take_simple(html, len, base_url, article, picture, parts) == 0) {
		free(plain);
		return parts->text != NULL ? NF_OK
		       : nf_error_set(err, NF_ERR_NOMEM, "out of memory reading item HTML");
	}
	rc = html_extract_tree(html, len, base_url, threshold, parts, err);
	free(plain);
	if (!article) {
		free(parts->article);
		parts->article = NULL;
	}
	return rc;
}

enum nf_status
html_extract(const char *html, size_t len, const char *base_url, double threshold,
             struct html_parts *parts, struct nf_error *err)
{
	return extract(html, len, base_url, threshold, 1, 1, parts, err);
}

enum nf_status
html_extract_text(const char *html, size_t len, const char *base_url, double threshold,
                  int picture, struct html_parts *parts, struct nf_error *err)
{
	return extract(html, len, base_url, threshold, 0, picture, parts, err);
}

enum nf_status
html_extract_tree(const char *html, size_t len, const char *base_url, double threshold,
                  struct html_parts *parts, struct nf_error *err)
{
	struct picture pic = { NULL, NULL, NULL, 0 };
	htmlDocPtr doc;
	enum nf_status rc = NF_OK;
	size_t plain_len = 0;
	int nomem;
	char *plain;

	memset(parts, 0, sizeof(*parts));
	plain = plain_lines(html, len, &plain_len, &nomem);
	if (nomem) {
		return nf_error_set(err, NF_ERR_NOMEM, "out of memory reading item HTML");
	}
	if (plain != NULL) {
		html = plain;
		len = plain_len;
	}
	doc = len > 0 ? htmltext_parse(html, len) : NULL;
	if (doc == NULL) {
		/* Nothing to parse (or no memory): empty text, no picture. */
		parts->text = strdup("");
		goto out;
	}
	/* Related blocks go first: their pictures and captions are theirs,
	 * not the item's. */
	parts->nrelated = related_extract(doc, base_url, threshold, &parts->related);
	rc = find_picture((xmlNode *)doc, base_url, &pic);
	if (rc != NF_OK) {
		goto out;
	}
	if (pic.url != NULL || pic.caption != NULL || pic.credit != NULL) {
		parts->image = image_new(pic.url, pic.caption, pic.credit);
		if (parts->image == NULL) {
			rc = NF_ERR_NOMEM;
			goto out;
		}
	}
	if (htmltext_article_from_tree((xmlNode *)doc, &parts->text, &parts->article) != 0) {
		rc = NF_ERR_NOMEM;
	}
out:
	picture_clear(&pic);
	free(plain);
	if (doc != NULL) {
		xmlFreeDoc(doc);
	}
	if (rc == NF_OK && parts->text == NULL) {
		rc = NF_ERR_NOMEM;
	}
	if (rc != NF_OK) {
		html_parts_free(parts);
		return nf_error_set(err, rc, "out of memory reading item HTML");
	}
	return NF_OK;
}

void
html_parts_free(struct html_parts *parts)
{
	size_t i;

	if (parts == NULL) {
		return;
	}
	free(parts->text);
	free(parts->article);
	image_free(parts->image);
	for (i = 0; i < parts->nrelated; i++) {
		related_clear(&parts->related[i]);
	}
	free(parts->related);
	memset(parts, 0, sizeof(*parts));
}

/* Bytes of text below n, without building it. */
static size_t
text_length(xmlNode *n)
{
	xmlNode *c;
	size_t len = 0;

	for (c = n->children; c != NULL; c = node_next(c, n, 1)) {
		if (c->type == XML_TEXT_NODE && c->content != NULL) {
			len += strlen((const char *)c->content);
		}
	}
	return len;
}

/* Paragraph text held directly by n: its <p> children. */
static size_t
paragraph_score(xmlNode *n)
{
	xmlNode *c;
	size_t score = 0;

	for (c = n->children; c != NULL; c = c->next) {
		if (is_element(c, "p")) {
			score += text_length(c);
		}
	}
	return score;
}

/* The element whose name is given, or, for NULL, that holds the most
 * paragraph text; among several <article>s the one with the most text. */
static xmlNode *
best_block(xmlNode *top, const char *name)
{
	xmlNode *n, *best = NULL;
	size_t score, best_score = 0;

	for (n = top->children; n != NULL; n = node_next(n, top, 1)) {
		if (n->type != XML_ELEMENT_NODE || (name != NULL && !is_element(n, name))) {
			continue;
		}
		score = name != NULL ? text_length(n) : paragraph_score(n);
		if (score > best_score || (name != NULL && best == NULL)) {
			best = n;
			best_score = score;
		}
	}
	return best;
}

/* A fetched page: UTF-8 when it is valid UTF-8, else whatever its <meta
 * charset> says (libxml2 reads it; Latin-1 when there is none), so that
 * Shift_JIS and EUC-JP sites still read. */
static htmlDocPtr
parse_page(const char *html, size_t len)
{
	if (len == 0) {
		return NULL;
	}
	if (utf8_is_valid(html, len)) {
		return htmltext_parse(html, len);
	}
	return htmlReadMemory(html, len > INT_MAX ? INT_MAX : (int)len, NULL, NULL,
	                      HTML_PARSE_NONET | HTML_PARSE_NOERROR
	                      | HTML_PARSE_NOWARNING | HTML_PARSE_RECOVER
	                      | XML_PARSE_HUGE);
}

char *
html_article_text(const char *html, size_t len)
{
	htmlDocPtr doc = parse_page(html, len);
	xmlNode *top, *block;
	char *text = NULL;

	if (doc == NULL) {
		return NULL;
	}
	top = (xmlNode *)doc;
	block = best_block(top, "article");
	if (block == NULL) {
		block = best_block(top, "main");
	}
	if (block == NULL) {
		block = best_block(top, NULL);
	}
	if (block == NULL) {
		block = xmlDocGetRootElement(doc);
	}
	if (block != NULL) {
		text = htmltext_from_tree(block, HTMLTEXT_PAGE);
	}
	xmlFreeDoc(doc);
	if (text != NULL && text[0] == '\0') {
		free(text);
		text = NULL;
	}
	return text;
}
