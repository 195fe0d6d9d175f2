#ifndef NF_UI_DRAW_H
#define NF_UI_DRAW_H

/*
 * Drawing helpers: every string reaches the screen through draw_text(),
 * which cuts and pads by display width with width_fit(), and every
 * attribute comes from the element table (config/colors.def), so colours
 * from the dotfile and NO_COLOR are decided in one place.
 */

#include <curses.h>

#include "config/config.h"

/* Sets the attribute of every element from cfg (the dotfile's `color`
 * lines over the defaults). Without colour (NO_COLOR set, or a terminal
 * without colours) only the attributes are kept. Call after initscr(). */
void draw_setup(const struct config *cfg, int use_colour);
attr_t draw_attr(enum config_element e);

/* Writes s at (y, x) cut to width columns with "…", padded to width when
 * pad is set, in attribute attr. Returns the columns written. */
int draw_text(WINDOW *w, int y, int x, int width, const char *s, attr_t attr,
              int pad);
/* Blanks width columns of line y from column x in attribute attr. */
void draw_fill(WINDOW *w, int y, int x, int width, attr_t attr);
/* The caption of a picture as the screens show it: "Photo: " first
 * unless the caption already says so, the credit in parentheses. */
struct nf_image;
void draw_caption(const struct nf_image *img, char *out, size_t size);
/* A horizontal line across width columns of line y. */
void draw_rule(WINDOW *w, int y, int width);
/* Formats t (UTC seconds) in local time for a row: "Oct 19 08:00", or
 * "" for NF_NO_DATE. out holds at least 32 bytes. */
void draw_time(long long t, char *out, size_t size);


#endif
