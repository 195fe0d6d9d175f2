/*
 * The Similar News invariant as a property: blocks built from the cross
 * product of container, entry markup, read-more form, language, copy
 * variant and label, with unrelated paragraphs around them, each run
 * through html_extract(). On every block:
 *
 *  - every link of an entry is among related[].link and
 *    related[].copies[].link exactly once, and no other link is;
 *  - no title holds a read-more word or the label;
 *  - nothing of the block (label, read-more words, summaries) is left in
 *    the text, and the paragraphs around it are;
 *  - the copies fold: two entries, the first with two copies, the
 *    second with one, each headed by its story's own headline;
 *  - each entry's summary is the text printed under its headline;
 *  - libxml2's tree alone gives what html_extract() gives.
 *
 * The count of blocks and of failures per check is printed; any failure
 * fails the test, with the first few blocks that failed written out.
 */
#include "autoconfig.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "src/html.h"
#include "src/item.h"
#include "src/title.h"

#define BASE "https://gen.example/item.html"
#define HTML_MAX 16384

struct lang {
	const char *code, *label, *read_more;
	const char *title[2], *summary[2];
	const char *width[2];	/* the title in other character widths */
};

/* Fictional news; each headline has a number, so the width variant has
 * something to widen. */
static const struct lang langs[] = {
	{ "en", "Similar News", "Read more",
	  { "Harbour board approves 40 new berths for Pelling marina",
	    "Storm closes Dunmere coast road for 3 days" },
	  { "The board voted late on Tuesday after a long public hearing.",
	    "Crews expect to clear the fallen rocks by the weekend." },
	  { "Harbour board approves \xef\xbc\x94\xef\xbc\x90 new berths for Pelling marina",
	    "Storm closes Dunmere coast road for \xef\xbc\x93 days" } },
	/* an English page with a Japanese site's read-more links */
	{ "en+ja", "Similar News", "\xe7\xb6\x9a\xe3\x81\x8d\xe3\x82\x92\xe8\xaa\xad\xe3\x82\x80",
	  { "Ferry operator adds 12 sailings to the winter timetable",
	    "Lighthouse museum reopens after 2 years of repairs" },
	  { "The extra crossings start on the first weekend of December.",
	    "Visitors can climb the tower again from Saturday." },
	  { "Ferry operator adds \xef\xbc\x91\xef\xbc\x92 sailings to the winter timetable",
	    "Lighthouse museum reopens after \xef\xbc\x92 years of repairs" } },
	{ "ja", "\xe9\x96\xa2\xe9\x80\xa3\xe3\x83\x8b\xe3\x83\xa5\xe3\x83\xbc\xe3\x82\xb9",
	  "\xe7\xb6\x9a\xe3\x81\x8d\xe3\x82\x92\xe8\xaa\xad\xe3\x82\x80",
	  { "\xe6\xb3\x8a\xe6\xb8\xaf\xe3\x81\xab\xe3\x82\xaf\xe3\x83\xab\xe3\x83\xbc\xe3\x82\xba"
	    "\xe8\x88\xb9\xe3\x81\x8c\x34\x30\xe9\x9a\xbb\xe5\x85\xa5\xe6\xb8\xaf\xe3\x80\x80"
	    "\xe8\xa6\xb3\xe5\x85\x89\xe5\xae\xa2\xe3\x81\x8c\xe9\x81\x8e\xe5\x8e\xbb\xe6\x9c\x80"
	    "\xe5\xa4\x9a\xe3\x81\xab",
	    "\xe6\xb5\xb7\xe5\xb2\xb8\xe9\x81\x93\xe8\xb7\xaf\xe3\x81\x8c\xe5\xb4\xa9\xe8\x90\xbd"
	    "\xe3\x81\xa7\x33\xe6\x97\xa5\xe9\x96\x93\xe9\x80\x9a\xe8\xa1\x8c\xe6\xad\xa2\xe3\x82"
	    "\x81\xe3\x80\x80\xe5\xbe\xa9\xe6\x97\xa7\xe3\x81\xab\xe6\x99\x82\xe9\x96\x93" },
	  { "\xe7\x94\xba\xe3\x81\xab\xe3\x82\x88\xe3\x82\x8b\xe3\x81\xa8\xe3\x80\x81\xe4\xbb\x8a"
	    "\xe5\xb9\xb4\xe3\x81\xae\xe5\x85\xa5\xe6\xb8\xaf\xe3\x81\xaf\xe6\x98\xa8\xe5\xb9\xb4"
	    "\xe3\x82\x92\xe4\xb8\x8a\xe5\x9b\x9e\xe3\x81\xa3\xe3\x81\x9f\xe3\x80\x82",
	    "\xe7\x9c\x8c\xe3\x81\xaf\xe9\x80\xb1\xe6\x9c\xab\xe3\x81\xbe\xe3\x81\xa7\xe3\x81\xab"
	    "\xe5\xbe\xa9\xe6\x97\xa7\xe3\x81\x99\xe3\x82\x8b\xe3\x81\xa8\xe3\x81\x97\xe3\x81\xa6"
	    "\xe3\x81\x84\xe3\x82\x8b\xe3\x80\x82" },
	  /* half-width katakana (ｸﾙｰｽﾞ) and full-width digits */
	  { "\xe6\xb3\x8a\xe6\xb8\xaf\xe3\x81\xab\xef\xbd\xb8\xef\xbe\x99\xef\xbd\xb0\xef\xbd\xbd"
	    "\xef\xbe\x9e\xe8\x88\xb9\xe3\x81\x8c\xef\xbc\x94\xef\xbc\x90\xe9\x9a\xbb\xe5\x85\xa5"
	    "\xe6\xb8\xaf\xe3\x80\x80\xe8\xa6\xb3\xe5\x85\x89\xe5\xae\xa2\xe3\x81\x8c\xe9\x81\x8e"
	    "\xe5\x8e\xbb\xe6\x9c\x80\xe5\xa4\x9a\xe3\x81\xab",
	    "\xe6\xb5\xb7\xe5\xb2\xb8\xe9\x81\x93\xe8\xb7\xaf\xe3\x81\x8c\xe5\xb4\xa9\xe8\x90\xbd"
	    "\xe3\x81\xa7\xef\xbc\x93\xe6\x97\xa5\xe9\x96\x93\xe9\x80\x9a\xe8\xa1\x8c\xe6\xad\xa2"
	    "\xe3\x82\x81\xe3\x80\x80\xe5\xbe\xa9\xe6\x97\xa7\xe3\x81\xab\xe6\x99\x82\xe9\x96\x93" } },
	{ "de", "\xc3\x84hnliche Nachrichten", "Weiterlesen",
	  { "Hafenamt genehmigt 40 neue Liegepl\xc3\xa4tze in Pelling",
	    "Sturm sperrt K\xc3\xbcstenstra\xc3\x9f" "e von Dunmere f\xc3\xbcr 3 Tage" },
	  { "Der Beschluss fiel nach einer langen Anh\xc3\xb6rung am Dienstag.",
	    "Die Arbeiter wollen die Felsen bis zum Wochenende r\xc3\xa4umen." },
	  { "Hafenamt genehmigt \xef\xbc\x94\xef\xbc\x90 neue Liegepl\xc3\xa4tze in Pelling",
	    "Sturm sperrt K\xc3\xbcstenstra\xc3\x9f" "e von Dunmere f\xc3\xbcr \xef\xbc\x93 Tage" } },
	{ "fr", "Articles similaires", "Lire la suite",
	  { "Le port de Pelling obtient 40 nouveaux anneaux",
	    "La temp\xc3\xaate ferme la route de Dunmere pendant 3 jours" },
	  { "Le conseil a vot\xc3\xa9 mardi soir apr\xc3\xa8s une longue audience.",
	    "Les \xc3\xa9quipes pensent d\xc3\xa9gager les rochers d'ici samedi." },
	  { "Le port de Pelling obtient \xef\xbc\x94\xef\xbc\x90 nouveaux anneaux",
	    "La temp\xc3\xaate ferme la route de Dunmere pendant \xef\xbc\x93 jours" } },
	{ "es", "Noticias relacionadas", "Leer m\xc3\xa1s",
	  { "El puerto de Pelling aprueba 40 amarres nuevos",
	    "La tormenta cierra la carretera de Dunmere durante 3 d\xc3\xad" "as" },
	  { "La junta vot\xc3\xb3 el martes tras una larga audiencia p\xc3\xba" "blica.",
	    "Los equipos esperan retirar las rocas antes del fin de semana." },
	  { "El puerto de Pelling aprueba \xef\xbc\x94\xef\xbc\x90 amarres nuevos",
	    "La tormenta cierra la carretera de Dunmere durante \xef\xbc\x93 d\xc3\xad" "as" } },
	{ "ko", "\xea\xb4\x80\xeb\xa0\xa8 \xea\xb8\xb0\xec\x82\xac", "\xeb\x8d\x94\xeb\xb3\xb4\xea\xb8\xb0",
	  { "\xed\x8e\xa0\xeb\xa7\x81 \xed\x95\xad\xea\xb5\xac\xec\x97\x90 \xec\x84\xa0\xec\x84\x9d"
	    " 40\xea\xb0\x9c \xec\x8b\xa0\xec\x84\xa4 \xec\x8a\xb9\xec\x9d\xb8",
	    "\xed\x8f\xad\xed\x92\x8d\xec\x9c\xbc\xeb\xa1\x9c \xeb\x8d\x98\xeb\xa8\xb8 \xed\x95\xb4"
	    "\xec\x95\x88\xeb\x8f\x84\xeb\xa1\x9c 3\xec\x9d\xbc\xea\xb0\x84 \xed\x86\xb5\xec\xa0\x9c" },
	  { "\xec\x9c\x84\xec\x9b\x90\xed\x9a\x8c\xeb\x8a\x94 \xed\x99\x94\xec\x9a\x94\xec\x9d\xbc"
	    " \xeb\xb0\xa4 \xea\xb3\xb5\xec\xb2\xad\xed\x9a\x8c \xeb\x92\xa4 \xed\x88\xac\xed\x91\x9c"
	    "\xed\x96\x88\xeb\x8b\xa4.",
	    "\xec\x9e\x91\xec\x97\x85\xec\x9e\x90\xeb\x93\xa4\xec\x9d\x80 \xec\xa3\xbc\xeb\xa7\x90"
	    "\xea\xb9\x8c\xec\xa7\x80 \xeb\x8f\x8c\xec\x9d\x84 \xec\xb9\x98\xec\x9a\xb8 \xec\x98\x88"
	    "\xec\xa0\x95\xec\x9d\xb4\xeb\x8b\xa4." },
	  { "\xed\x8e\xa0\xeb\xa7\x81 \xed\x95\xad\xea\xb5\xac\xec\x97\x90 \xec\x84\xa0\xec\x84\x9d"
	    " \xef\xbc\x94\xef\xbc\x90\xea\xb0\x9c \xec\x8b\xa0\xec\x84\xa4 \xec\x8a\xb9\xec\x9d\xb8",
	    "\xed\x8f\xad\xed\x92\x8d\xec\x9c\xbc\xeb\xa1\x9c \xeb\x8d\x98\xeb\xa8\xb8 \xed\x95\xb4"
	    "\xec\x95\x88\xeb\x8f\x84\xeb\xa1\x9c \xef\xbc\x93\xec\x9d\xbc\xea\xb0\x84 \xed\x86\xb5"
	    "\xec\xa0\x9c" } },
	{ "zh", "\xe7\x9b\xb8\xe5\x85\xb3\xe6\x96\xb0\xe9\x97\xbb", "\xe9\x98\x85\xe8\xaf\xbb\xe5\x85\xa8\xe6\x96\x87",
	  { "\xe4\xbd\xa9\xe6\x9e\x97\xe6\xb8\xaf\xe6\x96\xb0\xe5\xa2\x9e" "40\xe4\xb8\xaa\xe6\xb3\x8a"
	    "\xe4\xbd\x8d\xe8\x8e\xb7\xe6\x89\xb9\xe5\x87\x86\xe6\xb8\xb8\xe8\x89\x87\xe7\xa0\x81"
	    "\xe5\xa4\xb4\xe6\x89\xa9\xe5\xbb\xba",
	    "\xe6\x9a\xb4\xe9\xa3\x8e\xe9\x9b\xa8\xe5\xaf\xbc\xe8\x87\xb4\xe9\x82\x93\xe6\xa2\x85"
	    "\xe5\xb0\x94\xe6\xb2\xbf\xe6\xb5\xb7\xe5\x85\xac\xe8\xb7\xaf\xe5\xb0\x81\xe9\x97\xad"
	    "3\xe5\xa4\xa9" },
	  { "\xe5\xa7\x94\xe5\x91\x98\xe4\xbc\x9a\xe5\x91\xa8\xe4\xba\x8c\xe6\x99\x9a\xe9\x97\xb4"
	    "\xe5\x9c\xa8\xe5\x90\xac\xe8\xaf\x81\xe4\xbc\x9a\xe5\x90\x8e\xe8\xa1\xa8\xe5\x86\xb3"
	    "\xe3\x80\x82",
	    "\xe5\xb7\xa5\xe4\xba\xba\xe9\xa2\x84\xe8\xae\xa1\xe5\x91\xa8\xe6\x9c\xab\xe5\x89\x8d"
	    "\xe6\xb8\x85\xe7\x90\x86\xe5\xae\x8c\xe5\xb2\xa9\xe7\x9f\xb3\xe3\x80\x82" },
	  { "\xe4\xbd\xa9\xe6\x9e\x97\xe6\xb8\xaf\xe6\x96\xb0\xe5\xa2\x9e\xef\xbc\x94\xef\xbc\x90"
	    "\xe4\xb8\xaa\xe6\xb3\x8a\xe4\xbd\x8d\xe8\x8e\xb7\xe6\x89\xb9\xe5\x87\x86\xe6\xb8\xb8"
	    "\xe8\x89\x87\xe7\xa0\x81\xe5\xa4\xb4\xe6\x89\xa9\xe5\xbb\xba",
	    "\xe6\x9a\xb4\xe9\xa3\x8e\xe9\x9b\xa8\xe5\xaf\xbc\xe8\x87\xb4\xe9\x82\x93\xe6\xa2\x85"
	    "\xe5\xb0\x94\xe6\xb2\xbf\xe6\xb5\xb7\xe5\x85\xac\xe8\xb7\xaf\xe5\xb0\x81\xe9\x97\xad"
	    "\xef\xbc\x93\xe5\xa4\xa9" } },
};

enum container { C_NONE, C_DIV, C_UL, C_OL, C_TABLE, C_SECTION, C_NESTED, C_COUNT };
enum markup { M_TEXT_BR, M_P_LINES, M_DIV_B, M_DIV_SPAN, M_DIV_STRONG, M_LI, M_H3_P,
              M_LINK_TITLE, M_MIXED, M_COUNT };
enum read_more { R_LINK, R_TEXT, R_LINK_IN_P, R_ARROW, R_GUILLEMET, R_NONE, R_COUNT };
enum variant { V_GLUED, V_CASE, V_WIDTH, V_CUT, V_PUNCT, V_COUNT };

static const char *const container_names[] = {
	"none", "div", "ul", "ol", "table", "section", "nested" };
static const char *const markup_names[] = {
	"text+br", "p per line", "div+b", "div+span", "div+strong", "li", "h3+p",
	"link title", "mixed" };
static const char *const read_more_names[] = {
	"link", "text", "link in p", "arrow", "guillemet", "none" };
static const char *const variant_names[] = {
	"glued", "case", "width", "cut", "punct" };

struct block {
	const struct lang *lang;
	enum container c;
	enum markup m;
	enum read_more r;
	enum variant v;
	int labelled;
	char html[HTML_MAX];
	size_t len;
	char links[5][48];
};

struct out {
	char *s;
	size_t len, cap;
};

static void
put(struct block *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(b->html + b->len, HTML_MAX - b->len, fmt, ap);
	va_end(ap);
	assert_true(n >= 0 && (size_t)n < HTML_MAX - b->len);
	b->len += (size_t)n;
}

static int
is_cjk_lang(const struct lang *l)
{
	return strcmp(l->code, "ja") == 0 || strcmp(l->code, "zh") == 0 ||
	       strcmp(l->code, "ko") == 0;
}

/* The headline of a copy in variant v (s, n bytes). */
static void
variant_title(const struct block *b, int story, char *s, size_t n)
{
	const char *t = b->lang->title[story];
	size_t len = strlen(t), i;

	switch (b->v) {
	case V_CASE:
		snprintf(s, n, "%s", t);
		for (i = 0; s[i] != '\0'; i++) {
			if (s[i] >= 'a' && s[i] <= 'z') {
				s[i] = (char)(s[i] - 32);
			}
		}
		return;
	case V_WIDTH:
		snprintf(s, n, "%s", b->lang->width[story]);
		return;
	case V_CUT:
		/* the last word (or, in CJK, the last two characters) cut */
		if (is_cjk_lang(b->lang)) {
			i = len - 6;
		} else {
			for (i = len; i > 0 && t[i - 1] != ' '; i--) {
			}
			i--;
		}
		snprintf(s, n, "%.*s\xe2\x80\xa6", (int)i, t);
		return;
	case V_PUNCT:
		snprintf(s, n, is_cjk_lang(b->lang) ? "\xe3\x80\x8c%s\xe3\x80\x8d" : "\"%s\"", t);
		return;
	default:
		snprintf(s, n, "%s", t);
		return;
	}
}

static const char *
read_more_text(const struct block *b)
{
	static char s[64];

	snprintf(s, sizeof(s), "%s%s", b->lang->read_more,
	         b->r == R_ARROW ? " \xe2\x86\x92" : b->r == R_GUILLEMET ? " \xc2\xbb" : "");
	return s;
}

/* Whether the headline itself carries the entry's link: when the
 * read-more form has none, and in the link-title markup. */
static int
title_linked(const struct block *b)
{
	return b->m == M_LINK_TITLE || b->r == R_TEXT || b->r == R_NONE;
}

static int
read_more_linked(const struct block *b)
{
	return b->r == R_LINK || b->r == R_LINK_IN_P || b->r == R_ARROW ||
	       b->r == R_GUILLEMET;
}

/* The headline's markup: linked or not, inside tag when given. */
static void
put_title(struct block *b, const char *tag, const char *title, int k)
{
	if (tag != NULL) {
		put(b, "<%s>", tag);
	}
	if (title_linked(b)) {
		put(b, "<a href=\"%s\">%s</a>", b->links[k], title);
	} else {
		put(b, "%s", title);
	}
	if (tag != NULL) {
		put(b, "</%s>", tag);
	}
}

/* The read-more marker, in the block's form, as a line (br) or a
 * paragraph (p) of its own, or inline at the end of a box. */
static void
put_read_more(struct block *b, int k, const char *as)
{
	if (b->r == R_NONE) {
		return;
	}
	if (b->r == R_LINK_IN_P) {
		put(b, "<p><a href=\"%s\">%s</a></p>", b->links[k], read_more_text(b));
		return;
	}
	if (strcmp(as, "p") == 0) {
		put(b, "<p>");
	}
	if (read_more_linked(b)) {
		put(b, "<a href=\"%s\">%s</a>", b->links[k], read_more_text(b));
	} else {
		put(b, "%s", read_more_text(b));
	}
	put(b, strcmp(as, "br") == 0 ? "<br>\n" : strcmp(as, "p") == 0 ? "</p>\n" : "\n");
}

static void
put_entry(struct block *b, int k, int story, int copy)
{
	char title[512];
	const char *summary = b->lang->summary[story];
	int glued = copy && b->v == V_GLUED;
	static const char *const inline_tags[] = { "b", "span", "strong" };

	/* a mixed block: each entry in another markup, as when a page
	 * joins lists written by different templates */
	static const enum markup mixed[5] = {
		M_DIV_B, M_P_LINES, M_TEXT_BR, M_H3_P, M_DIV_SPAN };
	enum markup m = b->m == M_MIXED ? mixed[k] : b->m;

	variant_title(b, story, title, sizeof(title));
	if (!copy) {
		snprintf(title, sizeof(title), "%s", b->lang->title[story]);
	}
	switch (m) {
	case M_TEXT_BR:
	case M_LINK_TITLE:
		put_title(b, NULL, title, k);
		put(b, glued ? "%s<br>\n" : "<br>\n%s<br>\n", summary);
		put_read_more(b, k, "br");
		break;
	case M_P_LINES:
		put(b, "<p>");
		put_title(b, NULL, title, k);
		put(b, glued ? "%s</p>\n" : "</p>\n<p>%s</p>\n", summary);
		put_read_more(b, k, "p");
		break;
	case M_DIV_B:
	case M_DIV_SPAN:
	case M_DIV_STRONG:
		put(b, "<div class=\"entry\">");
		put_title(b, inline_tags[m - M_DIV_B], title, k);
		put(b, glued ? "%s " : " %s ", summary);
		put_read_more(b, k, "");
		put(b, "</div>\n");
		break;
	case M_LI:
		put(b, "<li>");
		put_title(b, "b", title, k);
		put(b, glued ? "%s " : " %s ", summary);
		put_read_more(b, k, "");
		put(b, "</li>\n");
		break;
	default:	/* M_H3_P */
		put_title(b, "h3", title, k);
		put(b, "<p>%s</p>\n", summary);
		put_read_more(b, k, "p");
		break;
	}
}

/* Each entry wrapped as the container holds its entries. */
static void
put_entries(struct block *b)
{
	static const int story[5] = { 0, 0, 0, 1, 1 };
	static const int copy[5] = { 0, 1, 0, 0, 1 };
	int k, list = b->c == C_UL || b->c == C_OL, li = b->m == M_LI;

	if (li && !list) {
		put(b, "<ul>\n");
	}
	for (k = 0; k < 5; k++) {
		if (list && !li) {
			put(b, "<li>");
		} else if (b->c == C_TABLE) {
			put(b, "<tr><td>");
		}
		put_entry(b, k, story[k], copy[k]);
		if (list && !li) {
			put(b, "</li>\n");
		} else if (b->c == C_TABLE) {
			put(b, "</td></tr>\n");
		}
	}
	if (li && !list) {
		put(b, "</ul>\n");
	}
}

static void
build(struct block *b)
{
	static const char *const open[] = {
		"", "<div class=\"related\">\n", "<ul>\n", "<ol>\n", "<table>\n",
		"<section>\n", "<div class=\"box\"><section><div>\n" };
	static const char *const close[] = {
		"", "</div>\n", "</ul>\n", "</ol>\n", "</table>\n", "</section>\n",
		"</div></section></div>\n" };
	int k;

	for (k = 0; k < 5; k++) {
		snprintf(b->links[k], sizeof(b->links[k]), "https://gen.example/%s/%d",
		         b->lang->code, k + 1);
	}
	b->len = 0;
	put(b, "<p>The lighthouse keepers' choir gave its first concert of the season "
	    "on Sunday evening.</p>\n");
	if (b->labelled) {
		put(b, b->c == C_NESTED || b->c == C_DIV ? "<h2>%s</h2>\n" : "<p>%s:</p>\n",
		    b->lang->label);
	}
	put(b, "%s", open[b->c]);
	put_entries(b);
	put(b, "%s", close[b->c]);
	put(b, "<p>Tickets for the next concert go on sale at the harbour office.</p>\n");
}

enum check { K_LINKS, K_TITLES, K_TEXT, K_FOLD, K_SUMMARY, K_PATHS, K_COUNT };
static const char *const check_names[] = {
	"links once each", "clean titles", "block out of the text", "copies folded",
	"summaries", "same through the tree" };

static int
count_link(const struct html_parts *p, const char *link)
{
	size_t i, j;
	int n = 0;

	for (i = 0; i < p->nrelated; i++) {
		n += p->related[i].link != NULL && strcmp(p->related[i].link, link) == 0;
		for (j = 0; j < p->related[i].ncopies; j++) {
			const char *l = p->related[i].copies[j].link;

			n += l != NULL && strcmp(l, link) == 0;
		}
	}
	return n;
}

static int
all_links(const struct html_parts *p)
{
	size_t i, n = 0;

	for (i = 0; i < p->nrelated; i++) {
		n += 1 + p->related[i].ncopies;
	}
	return (int)n;
}

static int
title_is_clean(const struct block *b, const char *t)
{
	return t != NULL && strstr(t, b->lang->read_more) == NULL &&
	       strstr(t, b->lang->label) == NULL;
}

static int
titles_clean(const struct block *b, const struct html_parts *p)
{
	size_t i, j;

	for (i = 0; i < p->nrelated; i++) {
		if (!title_is_clean(b, p->related[i].title)) {
			return 0;
		}
		for (j = 0; j < p->related[i].ncopies; j++) {
			if (!title_is_clean(b, p->related[i].copies[j].title)) {
				return 0;
			}
		}
	}
	return 1;
}

/* Which checks block b fails, as a bit set. */
static unsigned
check_block(const struct block *b, const struct html_parts *p)
{
	unsigned failed = 0;
	int k;

	for (k = 0; k < 5; k++) {
		if (count_link(p, b->links[k]) != 1) {
			failed |= 1u << K_LINKS;
		}
	}
	if (all_links(p) != 5) {
		failed |= 1u << K_LINKS;
	}
	if (!titles_clean(b, p)) {
		failed |= 1u << K_TITLES;
	}
	if (strstr(p->text, b->lang->read_more) != NULL ||
	    strstr(p->text, b->lang->label) != NULL ||
	    strstr(p->text, b->lang->summary[0]) != NULL ||
	    strstr(p->text, b->lang->summary[1]) != NULL ||
	    strstr(p->text, "choir gave its first concert") == NULL ||
	    strstr(p->text, "go on sale at the harbour office") == NULL) {
		failed |= 1u << K_TEXT;
	}
	if (p->nrelated != 2 || p->related[0].ncopies != 2 || p->related[1].ncopies != 1 ||
	    strcmp(p->related[0].title, b->lang->title[0]) != 0 ||
	    strcmp(p->related[1].title, b->lang->title[1]) != 0) {
		failed |= 1u << K_FOLD;
	} else if (strcmp(nf_str(p->related[0].summary), b->lang->summary[0]) != 0 ||
	           strcmp(nf_str(p->related[1].summary), b->lang->summary[1]) != 0) {
		failed |= 1u << K_SUMMARY;
	}
	return failed;
}

/* Whether libxml2's tree alone (no fast reader of simple HTML) gives
 * the same text and entries. */
static int
same_through_tree(const struct block *b, const struct html_parts *p)
{
	struct html_parts t;
	struct nf_error err;
	size_t i;
	int same;

	assert_int_equal(html_extract_tree(b->html, b->len, BASE, TITLE_DEFAULT_THRESHOLD,
	                                   &t, &err), NF_OK);
	same = strcmp(t.text, p->text) == 0 && t.nrelated == p->nrelated;
	for (i = 0; same && i < t.nrelated; i++) {
		same = strcmp(t.related[i].title, p->related[i].title) == 0 &&
		       t.related[i].ncopies == p->related[i].ncopies;
	}
	html_parts_free(&t);
	return same;
}

static void
report(const struct block *b, const struct html_parts *p, unsigned failed)
{
	size_t i, j;

	print_message("FAIL [%s] container %s, markup %s, read-more %s, variant %s, %s:",
	              b->lang->code, container_names[b->c], markup_names[b->m],
	              read_more_names[b->r], variant_names[b->v],
	              b->labelled ? "label" : "no label");
	for (i = 0; i < K_COUNT; i++) {
		if (failed & (1u << i)) {
			print_message(" %s;", check_names[i]);
		}
	}
	print_message("\n%s\n", b->html);
	for (i = 0; i < p->nrelated; i++) {
		print_message("  entry \"%s\" <%s> summary \"%s\"\n", p->related[i].title,
		              nf_str(p->related[i].link), nf_str(p->related[i].summary));
		for (j = 0; j < p->related[i].ncopies; j++) {
			print_message("    copy \"%s\" <%s>\n", p->related[i].copies[j].title,
			              nf_str(p->related[i].copies[j].link));
		}
	}
	print_message("  text: %s\n", p->text);
}

static void
test_generated_blocks(void **state)
{
	static struct block b;
	size_t li, count = 0, fails[K_COUNT] = { 0 }, shown = 0, bad = 0;
	const char *limit = getenv("RELATEDGEN_SHOW");
	size_t show = limit != NULL ? strtoul(limit, NULL, 10) : 3;
	int c, m, r, v, lab;

	(void)state;
	for (li = 0; li < sizeof(langs) / sizeof(langs[0]); li++)
	for (c = 0; c < C_COUNT; c++)
	for (m = 0; m < M_COUNT; m++)
	for (r = 0; r < R_COUNT; r++)
	for (v = 0; v < V_COUNT; v++)
	for (lab = 0; lab < 2; lab++) {
		struct html_parts parts;
		struct nf_error err;
		unsigned failed;
		size_t i;

		b.lang = &langs[li];
		b.c = (enum container)c, b.m = (enum markup)m;
		b.r = (enum read_more)r, b.v = (enum variant)v;
		b.labelled = lab;
		if (!lab && !read_more_linked(&b)) {
			continue;	/* words alone make a block only under a label */
		}
		if (b.c == C_NONE && b.r == R_NONE && b.v == V_GLUED) {
			/* with no marker and no box, where the last entry
			 * ends is not written anywhere: the paragraph after
			 * could be its summary */
			continue;
		}
		build(&b);
		assert_int_equal(html_extract(b.html, b.len, BASE, TITLE_DEFAULT_THRESHOLD,
		                              &parts, &err), NF_OK);
		failed = check_block(&b, &parts);
		if (!same_through_tree(&b, &parts)) {
			failed |= 1u << K_PATHS;
		}
		count++;
		for (i = 0; i < K_COUNT; i++) {
			fails[i] += (failed >> i) & 1u;
		}
		bad += failed != 0;
		if (failed != 0 && shown++ < show) {
			report(&b, &parts, failed);
		}
		html_parts_free(&parts);
	}
	print_message("%zu generated blocks, %zu failed", count, bad);
	for (li = 0; li < K_COUNT; li++) {
		print_message("; %s: %zu", check_names[li], fails[li]);
	}
	print_message("\n");
	assert_int_equal(bad, 0);
}

/* Long lists: 50,000 entries in one item, in the shapes that cost the
 * most (every headline a copy of one; every headline sharing most words
 * with the others yet a story of its own, told apart by a number; links
 * as headlines under a label). Each must take well under a second of CPU
 * per MB of HTML (a plain build takes about a quarter). */
enum long_shape { L_ONE_STORY, L_NUMBERED, L_HEADED, L_COUNT };
static const char *const long_names[] = {
	"one story, 50,000 copies", "50,000 stories told apart by a number",
	"50,000 linked headlines under a label" };

#define LONG_ENTRIES 50000

/* The bound is for a plain build; AddressSanitizer's own checks make the
 * same work several times slower. */
#if defined(__SANITIZE_ADDRESS__)
#define SECONDS_PER_MB 5.0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SECONDS_PER_MB 5.0
#endif
#endif
#ifndef SECONDS_PER_MB
#define SECONDS_PER_MB 1.0
#endif

static char *
long_list(enum long_shape shape, size_t *len)
{
	size_t cap = (size_t)LONG_ENTRIES * 200 + 256, n = 0, i;
	char *html = malloc(cap);

	assert_non_null(html);
	n += (size_t)snprintf(html, cap, "<p>Similar News</p>\n");
	for (i = 0; i < LONG_ENTRIES; i++) {
		if (shape == L_HEADED) {
			n += (size_t)snprintf(html + n, cap - n, "<p><a href=\"/r/%zu\">Harbour board "
			                      "approves %zu new berths</a></p>\n", i, i);
		} else {
			n += (size_t)snprintf(html + n, cap - n, "<p>Harbour board approves %zu new "
			                      "berths for the marina</p>\n<p><a href=\"/r/%zu\">Read "
			                      "more</a></p>\n", shape == L_ONE_STORY ? (size_t)40 : i, i);
		}
	}
	*len = n;
	return html;
}

static void
test_long_lists(void **state)
{
	int s;

	(void)state;
	for (s = 0; s < L_COUNT; s++) {
		struct html_parts parts;
		struct nf_error err;
		size_t len, links = 0, i;
		char *html = long_list((enum long_shape)s, &len);
		clock_t t0 = clock();
		double secs, per_mb;

		assert_int_equal(html_extract(html, len, BASE, TITLE_DEFAULT_THRESHOLD,
		                              &parts, &err), NF_OK);
		secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
		per_mb = secs / ((double)len / (1024.0 * 1024.0));
		for (i = 0; i < parts.nrelated; i++) {
			links += 1 + parts.related[i].ncopies;
		}
		print_message("%s: %.1f MB, %.2f s CPU, %.2f s per MB, %zu entries, %zu links\n",
		              long_names[s], (double)len / (1024.0 * 1024.0), secs, per_mb,
		              parts.nrelated, links);
		assert_int_equal(links, LONG_ENTRIES);
		assert_true(per_mb < SECONDS_PER_MB);
		html_parts_free(&parts);
		free(html);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_generated_blocks),
		cmocka_unit_test(test_long_lists),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
