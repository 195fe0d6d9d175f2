#ifndef NF_UI_SCREEN_HELP_H
#define NF_UI_SCREEN_HELP_H

/*
 * The Help screen of the screen on top: the actions of
 * config/actions.def that it answers, with the keys bound to them now
 * (defaults and the dotfile's `bind` lines) and what they do there (the
 * table's help, or the screen's own word in screen_ops.help).
 */

#include "ui/ui.h"

/* Returns a new screen, or NULL with a status message. */
struct screen *help_new(struct ui *ui);

#endif
