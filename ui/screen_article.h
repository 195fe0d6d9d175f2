#ifndef NF_UI_SCREEN_ARTICLE_H
#define NF_UI_SCREEN_ARTICLE_H

/*
 * The Article screen, a pager: headline, source, author, date, link, the
 * caption set apart, the body wrapped to the window, and a folded
 * "Similar News (N)" item made of the story's copies and the item's
 * related entries. Enter on an entry is read more.
 */

#include <stddef.h>
#include <stdint.h>

#include "src/item.h"
#include "ui/ui.h"

/* Returns a new screen for the stored item rowid; the story's other
 * members (indexes into items, members[0] the lead; n may be 0) become
 * Similar News entries. NULL with a status message when it cannot load. */
struct screen *article_new(struct ui *ui, int64_t rowid,
                           const struct nf_item *const *items,
                           const size_t *members, size_t n);

/* Returns a new screen for read more on an entry that is not in the
 * store: its own text (summary, may be NULL) at once, replaced by link's
 * article text when the page arrives (a failure shows as one line under
 * the text). */
struct screen *article_new_page(struct ui *ui, const char *title,
                                const char *link, const char *source,
                                const char *summary);

/* How much text an item needs for read more to show it rather than fetch
 * the linked page. */
#define ARTICLE_ENOUGH_TEXT 400

#endif
