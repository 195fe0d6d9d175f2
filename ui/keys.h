#ifndef NF_UI_KEYS_H
#define NF_UI_KEYS_H

/*
 * Keys from curses to the dotfile's curses-free key codes (enum
 * config_key), so that `bind` and the defaults in config/actions.def
 * mean the same keys on every terminal.
 */

#include <wchar.h>

/* The key code for what wget_wch() returned (rc OK or KEY_CODE_YES and
 * the character or key), or -1 for a key newsfold has no name for
 * (KEY_RESIZE is handled by the caller before this). */
int keys_from_curses(int rc, wint_t ch);

/* Writes the names of every key bound to action, separated by spaces,
 * into out ("" when none); the ten digits in order read "0-9". */
struct config;
void keys_bound_to(const struct config *cfg, int action, char *out,
                   size_t size);

#endif
