#include "autoconfig.h"

#include <stdio.h>
#include <string.h>

#include <curses.h>

#include "config/config.h"
#include "ui/keys.h"

/* curses key codes with a name in the dotfile. */
static const struct {
	int curses;
	int key;
} keys_table[] = {
	{ KEY_ENTER, CONFIG_KEY_ENTER },
	{ KEY_BACKSPACE, CONFIG_KEY_BACKSPACE },
	{ KEY_UP, CONFIG_KEY_UP },
	{ KEY_DOWN, CONFIG_KEY_DOWN },
	{ KEY_LEFT, CONFIG_KEY_LEFT },
	{ KEY_RIGHT, CONFIG_KEY_RIGHT },
	{ KEY_PPAGE, CONFIG_KEY_PGUP },
	{ KEY_NPAGE, CONFIG_KEY_PGDN },
	{ KEY_HOME, CONFIG_KEY_HOME },
	{ KEY_END, CONFIG_KEY_END },
	{ KEY_IC, CONFIG_KEY_INSERT },
	{ KEY_DC, CONFIG_KEY_DELETE },
	{ KEY_BTAB, '\t' },
};

int
keys_from_curses(int rc, wint_t ch)
{
	size_t i;

	if (rc == OK) {
		if (ch == '\n' || ch == '\r') {
			return CONFIG_KEY_ENTER;
		}
		if (ch == 127 || ch == 8) {
			return CONFIG_KEY_BACKSPACE;
		}
		return (int)ch;
	}
	if (rc != KEY_CODE_YES) {
		return -1;
	}
	for (i = 0; i < sizeof(keys_table) / sizeof(keys_table[0]); i++) {
		if (keys_table[i].curses == (int)ch) {
			return keys_table[i].key;
		}
	}
	if ((int)ch >= KEY_F(1) && (int)ch <= KEY_F(12)) {
		return CONFIG_KEY_F((int)ch - KEY_F0);
	}
	return -1;
}

void
keys_bound_to(const struct config *cfg, int action, char *out, size_t size)
{
	size_t i, used = 0;
	char name[32];

	out[0] = '\0';
	for (i = 0; i < cfg->nbindings; i++) {
		int n;

		if ((int)cfg->bindings[i].action != action) {
			continue;
		}
		config_key_name(cfg->bindings[i].key, name, sizeof(name));
		n = snprintf(out + used, size - used, "%s%s", used ? " " : "", name);
		if (n < 0 || (size_t)n >= size - used) {
			break;
		}
		used += (size_t)n;
	}
	/* ten digit keys (open-link) read as one range */
	if (strcmp(out, "1 2 3 4 5 6 7 8 9 0") == 0) {
		snprintf(out, size, "0-9");
	}
}
