#ifndef NF_UI_SAVE_H
#define NF_UI_SAVE_H

/*
 * The two ways a story leaves the reader besides the browser: saved as a
 * text file, or handed to the dotfile's bookmark-cmd.
 */

#include "src/error.h"
#include "src/item.h"
#include "ui/ui.h"

/* $XDG_DATA_HOME/newsfold/saved, else ~/.local/share/newsfold/saved. A
 * new string, or NULL when neither variable is set; free() it. */
char *save_default_dir(void);

/* Writes item as plain text (headline, source line, link, caption, body)
 * to a new file in dir, named after its headline; never replaces a file
 * (a second save of one story is NAME-2.txt). Creates dir when missing.
 * *path gets the new file's name; free() it. */
enum nf_status save_item(const struct nf_item *item, const char *dir,
                         char **path, struct nf_error *err);

/* Runs bookmark-cmd with %u the item's link and %t its title, as an
 * argument list with the terminal handed over, and says how it went on
 * the status line. */
void save_bookmark(struct ui *ui, const struct nf_item *item);

/* Plays the enclosure's http(s) URL as ui_open_enclosure() does: the
 * dotfile's player, else the browser. */
void save_play(struct ui *ui, const struct nf_enclosure *enc);

#endif
