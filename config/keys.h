#ifndef NF_CONFIG_KEYS_H
#define NF_CONFIG_KEYS_H

/*
 * The tables behind `bind` and `color`: key names, the reader's actions
 * (config/actions.def) and the colour elements (config/colors.def).
 * Curses-free: keys are ints, ui/ maps its KEY_* codes onto these.
 */

#include <stddef.h>

/* Special keys, above every Unicode code point so that a plain character
 * is its own key code. Control keys are their control characters (^A is
 * 1), tab is '\t', space is ' ', esc is 27. The UI maps '\n', '\r' and
 * KEY_ENTER to CONFIG_KEY_ENTER, and 127, KEY_BACKSPACE to
 * CONFIG_KEY_BACKSPACE. Function keys are CONFIG_KEY_F(1)..CONFIG_KEY_F(12). */
enum config_key {
	CONFIG_KEY_BASE = 0x110000,
	CONFIG_KEY_ENTER = CONFIG_KEY_BASE,
	CONFIG_KEY_BACKSPACE,
	CONFIG_KEY_UP,
	CONFIG_KEY_DOWN,
	CONFIG_KEY_LEFT,
	CONFIG_KEY_RIGHT,
	CONFIG_KEY_PGUP,
	CONFIG_KEY_PGDN,
	CONFIG_KEY_HOME,
	CONFIG_KEY_END,
	CONFIG_KEY_INSERT,
	CONFIG_KEY_DELETE,
	CONFIG_KEY_F0
};
#define CONFIG_KEY_F(n) (CONFIG_KEY_F0 + (n))
#define CONFIG_KEY_TAB '\t'
#define CONFIG_KEY_SPACE ' '
#define CONFIG_KEY_ESC 27

enum config_action {
	CONFIG_ACTION_NONE = 0,
#define X(id, name, help, keys) CONFIG_ACTION_##id,
#include "config/actions.def"
#undef X
	CONFIG_ACTION_COUNT
};

enum config_element {
#define X(id, name, fg, bg, attrs, help) CONFIG_ELEMENT_##id,
#include "config/colors.def"
#undef X
	CONFIG_ELEMENT_COUNT
};

/* Table look-ups. Names and help are static strings; NULL / NONE / -1
 * when unknown. */
const char *config_action_name(enum config_action action);
const char *config_action_help(enum config_action action);
const char *config_action_default_keys(enum config_action action);
enum config_action config_action_by_name(const char *name);
const char *config_element_name(enum config_element element);
int config_element_by_name(const char *name);

/* Key names as `bind` reads them: "j", "G", "space", "tab", "enter",
 * "esc", "backspace", "up", "pgdn", "^X", "F1".."F12", or any single
 * UTF-8 character. config_key_parse returns -1 for an unknown name.
 * config_key_name writes the canonical name into out (at least 16 bytes). */
int config_key_parse(const char *name);
void config_key_name(int key, char *out, size_t size);

#endif
