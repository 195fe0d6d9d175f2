#ifndef NF_UI_SCREEN_HELP_H
#define NF_UI_SCREEN_HELP_H

/*
 * The Help screen: every action of config/actions.def with the keys
 * bound to it now (defaults and the dotfile's `bind` lines).
 */

#include "ui/ui.h"

/* Returns a new screen, or NULL with a status message. */
struct screen *help_new(struct ui *ui);

#endif
