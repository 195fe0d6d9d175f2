#include "autoconfig.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <wchar.h>

#include "src/item.h"
#include "src/width.h"
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

/* The wide characters of one cluster, into wch (at most max); their
 * count, 0 when the bytes do not decode. */
static size_t
draw_decode(const char *s, size_t n, wchar_t *wch, size_t max)
{
	mbstate_t ps;
	size_t k = 0, used;

	memset(&ps, 0, sizeof(ps));
	while (n > 0 && k < max) {
		used = mbrtowc(&wch[k], s, n, &ps);
		if (used == (size_t)-1 || used == (size_t)-2 || used == 0) {
			return 0;
		}
		s += used;
		n -= used;
		k++;
	}
	return k;
}

/* Writes s at y, x. An emoji cluster of several pictures (👩‍💻, a skin
 * tone) goes into one cell, its first character with the others
 * as its marks, so that curses counts the two columns the terminal
 * draws, not two or three cells that would leave stale ones behind. A
 * cluster longer than a cell holds keeps what fits. */
static void
draw_clusters(WINDOW *w, int y, int x, const char *s, attr_t attr)
{
	size_t len = strlen(s), i, start = 0, n, k, j;
	wchar_t wch[CCHARW_MAX + 1];
	int cols, counted;
	cchar_t cell;

	wmove(w, y, x);
	for (i = 0; i < len; i += n) {
		n = (unsigned char)s[i] < 0x80 ? 1 : width_cluster(s + i, len - i, &cols);
		k = n > 4 ? draw_decode(s + i, n, wch, CCHARW_MAX) : 0;
		for (j = 0, counted = 0; j < k; j++) {
			counted += wcwidth(wch[j]) > 0 ? wcwidth(wch[j]) : 0;
		}
		/* curses counts each character; a flag's two halves already
		 * make its two columns */
		if (k < 2 || counted == cols || wcwidth(wch[0]) != cols) {
			continue;
		}
		waddnstr(w, s + start, (int)(i - start));
		while (k > 1 && wch[k - 1] == 0x200D) {
			k--;	/* cut after a joiner: drop it */
		}
		wch[k] = L'\0';
		if (setcchar(&cell, (wchar_t[]){ wch[0], L'\0' }, attr & ~A_COLOR,
		             (short)PAIR_NUMBER(attr), NULL) == OK) {
			for (j = 1; j < k; j++) {
				cell.chars[j] = wch[j];
			}
			wadd_wch(w, &cell);
		}
		start = i + n;
	}
	waddnstr(w, s + start, (int)(len - start));
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
	fit = width_fit(s != NULL ? s : "", width, pad);
	if (fit == NULL) {
		return 0;
	}
	cols = width_columns(fit);
	wattrset(w, attr);
	draw_clusters(w, y, x, fit, attr);
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
	int marked = image_caption_labelled(cap);

	snprintf(out, size, "%s%s%s%s%s", marked ? "" : "Photo: ", cap,
	         img->credit != NULL ? " (" : "", nf_str(img->credit),
	         img->credit != NULL ? ")" : "");
}

