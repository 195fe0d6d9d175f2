#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "src/item.h"
#include "src/text.h"
#include "ui/draw.h"

/* The UI's own state: one attribute per element, set once at start-up. */
static attr_t element_attr[CONFIG_ELEMENT_COUNT];

static attr_t
draw_attrs_of(unsigned bits)
{
	attr_t a = A_NORMAL;

	if (bits & CONFIG_ATTR_BOLD) {
		a |= A_BOLD;
	}
	if (bits & CONFIG_ATTR_UNDERLINE) {
		a |= A_UNDERLINE;
	}
	if (bits & CONFIG_ATTR_REVERSE) {
		a |= A_REVERSE;
	}
	if (bits & CONFIG_ATTR_STANDOUT) {
		a |= A_STANDOUT;
	}
	if (bits & CONFIG_ATTR_DIM) {
		a |= A_DIM;
	}
	if (bits & CONFIG_ATTR_BLINK) {
		a |= A_BLINK;
	}
	return a;
}

void
draw_setup(const struct config *cfg, int use_colour)
{
	int colour_on = 0, i;

	if (use_colour && has_colors() && start_color() == OK) {
		use_default_colors();
		colour_on = 1;
	}
	for (i = 0; i < CONFIG_ELEMENT_COUNT; i++) {
		const struct config_color *c = &cfg->colors[i];
		short pair = (short)(i + 1);

		element_attr[i] = draw_attrs_of(c->attrs);
		if (!colour_on || pair >= COLOR_PAIRS || c->fg >= COLORS ||
		    c->bg >= COLORS) {
			continue;
		}
		if ((c->fg != CONFIG_COLOR_DEFAULT || c->bg != CONFIG_COLOR_DEFAULT) &&
		    init_pair(pair, c->fg, c->bg) == OK) {
			element_attr[i] |= COLOR_PAIR(pair);
		}
	}
}

attr_t
draw_attr(enum config_element e)
{
	return e < CONFIG_ELEMENT_COUNT ? element_attr[e] : A_NORMAL;
}

int
draw_text(WINDOW *w, int y, int x, int width, const char *s, attr_t attr,
          int pad)
{
	char *fit;
	int cols;

	if (width <= 0) {
		return 0;
	}
	fit = text_fit(s != NULL ? s : "", width, pad);
	if (fit == NULL) {
		return 0;
	}
	cols = text_width(fit);
	wattrset(w, attr);
	mvwaddstr(w, y, x, fit);
	wattrset(w, A_NORMAL);
	free(fit);
	return cols;
}

void
draw_fill(WINDOW *w, int y, int x, int width, attr_t attr)
{
	if (width <= 0) {
		return;
	}
	wattrset(w, attr);
	mvwhline(w, y, x, ' ', width);
	wattrset(w, A_NORMAL);
}

void
draw_time(long long t, char *out, size_t size)
{
	time_t tt = (time_t)t;
	struct tm tm;

	out[0] = '\0';
	if (t == NF_NO_DATE || localtime_r(&tt, &tm) == NULL) {
		return;
	}
	strftime(out, size, "%b %d %H:%M", &tm);
}

void
draw_rule(WINDOW *w, int y, int width)
{
	int x;

	/* Drawn as U+2500 characters, not the alternate character set, so
	 * that it reads the same in every UTF-8 terminal and in a capture. */
	wattrset(w, A_NORMAL);
	wmove(w, y, 0);
	for (x = 0; x < width; x++) {
		waddstr(w, "─");
	}
}

void
draw_caption(const struct nf_image *img, char *out, size_t size)
{
	const char *cap = nf_str(img->caption);
	int marked = strncmp(cap, "Photo", 5) == 0 || strncmp(cap, "写真", 6) == 0 ||
	             strncmp(cap, "In this photo", 13) == 0;

	snprintf(out, size, "%s%s%s%s%s", marked ? "" : "Photo: ", cap,
	         img->credit != NULL ? " (" : "", nf_str(img->credit),
	         img->credit != NULL ? ")" : "");
}

/* Whether the len bytes at s read as an outlet's name: at most five
 * words, each capitalised (or in a script without case, or a short
 * joining word such as "of"), and no sentence punctuation. "Live
 * updates" or "3 dead" stay part of the headline. */
static int
draw_is_outlet(const char *s, size_t len)
{
	static const char *const small[] = { "of", "the", "and", "on", "de", "&" };
	size_t i = 0, words = 0;

	if (len == 0 || len > 48) {
		return 0;
	}
	while (i < len) {
		size_t end = i, k;
		int ok = 0;

		while (end < len && s[end] != ' ') {
			end++;
		}
		if (end == i) {
			return 0;	/* two spaces in a row */
		}
		for (k = 0; k < sizeof(small) / sizeof(small[0]); k++) {
			ok |= strlen(small[k]) == end - i &&
			      memcmp(s + i, small[k], end - i) == 0;
		}
		ok |= (s[i] >= 'A' && s[i] <= 'Z') || (unsigned char)s[i] >= 0x80;
		if (!ok || strcspn(s + i, "?!:;,\"") < end - i) {
			return 0;
		}
		words++;
		i = end < len ? end + 1 : end;
	}
	return words <= 5 && s[len - 1] != '.';
}

/* Compares outlet names the way people write them: case and a leading
 * "The " do not count ("Harbour Gazette" is "The Harbour Gazette"). */
static int
draw_same_outlet(const char *a, size_t alen, const char *b)
{
	size_t blen = strlen(b);

	if (alen >= 4 && strncasecmp(a, "the ", 4) == 0) {
		a += 4, alen -= 4;
	}
	if (blen >= 4 && strncasecmp(b, "the ", 4) == 0) {
		b += 4, blen -= 4;
	}
	return alen == blen && strncasecmp(a, b, alen) == 0;
}

void
draw_headline(const char *title, const char *feed, char *head, size_t hsize,
              char *source, size_t ssize)
{
	static const char *const seps[] = {
		" - ", " \xe2\x80\x93 ", " \xe2\x80\x94 ", " | ",
	};
	const char *t = nf_str(title), *tail = NULL;
	size_t len = strlen(t), cut = len, i;

	for (i = 0; i < sizeof(seps) / sizeof(seps[0]); i++) {
		const char *p = t, *last = NULL;
		size_t n = strlen(seps[i]);

		while ((p = strstr(p, seps[i])) != NULL) {
			last = p;
			p += n;
		}
		/* The headline before it must still say something. */
		if (last != NULL && last - t >= 12 && (size_t)(last - t) < cut &&
		    draw_is_outlet(last + n, len - (size_t)(last - t) - n)) {
			cut = (size_t)(last - t);
			tail = last + n;
		}
	}
	if (head != NULL && hsize > 0) {
		if (cut >= hsize) {
			/* Too long for the buffer: end on a whole character. */
			for (cut = hsize - 1; cut > 0 && (t[cut] & 0xC0) == 0x80; cut--) {
				continue;
			}
		}
		memcpy(head, t, cut);
		head[cut] = '\0';
	}
	if (source == NULL || ssize == 0) {
		return;
	}
	if (tail == NULL || (feed != NULL &&
	                     draw_same_outlet(tail, strlen(tail), feed))) {
		snprintf(source, ssize, "%s", nf_str(feed));
	} else if (feed != NULL && feed[0] != '\0') {
		snprintf(source, ssize, "%s via %s", tail, feed);
	} else {
		snprintf(source, ssize, "%s", tail);
	}
}
