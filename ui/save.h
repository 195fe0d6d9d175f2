#ifndef NF_UI_SAVE_H
#define NF_UI_SAVE_H

/*
 * The ways a story leaves the reader besides the browser: saved as a
 * text file (at a path the status line asks for), handed to the
 * dotfile's bookmark-cmd, its enclosures to the player or downloaded.
 */

#include "src/error.h"
#include "src/item.h"
#include "ui/ui.h"

/* $XDG_DATA_HOME/newsfold/saved, else ~/.local/share/newsfold/saved. A
 * new string, or NULL when neither variable is set; free() it. */
char *save_default_dir(void);

/* The path save_ask() offers: dir/HEADLINE.txt, or the first of
 * HEADLINE-2.txt ... that is free. A new string (NULL out of memory);
 * free() it. */
char *save_default_path(const char *dir, const struct nf_item *item);

/* Writes item as save_item() does to a new file at path (a leading
 * folder made when missing), never replacing one: errors name the path
 * and the reason ("PATH: cannot create: File exists"). */
enum nf_status save_item_to(const struct nf_item *item, const char *path,
                            struct nf_error *err);

/* s: asks on the status line where to save item (its text as it is
 * now), offering save_default_path() in the default folder; Enter saves
 * there (a leading ~/ is the home folder) and says where or why not, Esc
 * saves nothing. */
void save_ask(struct ui *ui, const struct nf_item *item);

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

/* Plays the enclosure's http(s) URL with the dotfile's player, or
 * downloads it (ui_download()) when no player is set. */
void save_play(struct ui *ui, const struct nf_enclosure *enc);

/* e (download 0) and D (download 1) on a story: its enclosures in turn,
 * the next one on each press for the same item, played as save_play()
 * does or downloaded. */
void save_enclosure(struct ui *ui, const struct nf_item *item, int download);

#endif
