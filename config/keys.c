/* Key names, actions and colour elements: the tables of config.h. */
#include "autoconfig.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "config/keys.h"
#include "src/utf8.h"

static const struct {
	const char *name;
	int key;
} key_names[] = {
	{ "space", CONFIG_KEY_SPACE },
	{ "tab", CONFIG_KEY_TAB },
	{ "enter", CONFIG_KEY_ENTER },
	{ "return", CONFIG_KEY_ENTER },
	{ "esc", CONFIG_KEY_ESC },
	{ "escape", CONFIG_KEY_ESC },
	{ "backspace", CONFIG_KEY_BACKSPACE },
	{ "up", CONFIG_KEY_UP },
	{ "down", CONFIG_KEY_DOWN },
	{ "left", CONFIG_KEY_LEFT },
	{ "right", CONFIG_KEY_RIGHT },
	{ "pgup", CONFIG_KEY_PGUP },
	{ "pageup", CONFIG_KEY_PGUP },
	{ "pgdn", CONFIG_KEY_PGDN },
	{ "pagedown", CONFIG_KEY_PGDN },
	{ "home", CONFIG_KEY_HOME },
	{ "end", CONFIG_KEY_END },
	{ "insert", CONFIG_KEY_INSERT },
	{ "delete", CONFIG_KEY_DELETE },
};

static const struct {
	const char *name;
	const char *help;
	const char *keys;
} actions[CONFIG_ACTION_COUNT] = {
	[CONFIG_ACTION_NONE] = { "none", "unbind the key", "" },
#define X(id, name, help, keys) [CONFIG_ACTION_##id] = { name, help, keys },
#include "config/actions.def"
#undef X
};

static const char *const elements[CONFIG_ELEMENT_COUNT] = {
#define X(id, name, fg, bg, attrs, help) [CONFIG_ELEMENT_##id] = name,
#include "config/colors.def"
#undef X
};

/* Decodes s as exactly one UTF-8 character; -1 when it is not. */
static int
utf8_single(const char *s)
{
	size_t n = strlen(s);
	uint32_t cp;

	if (n == 0 || utf8_decode(s, n, &cp) != n || cp == UTF8_INVALID) {
		return -1;
	}
	return (int)cp;
}

int
config_key_parse(const char *name)
{
	size_t i;
	char *end;
	long n;

	if (strlen(name) >= 2) {
		for (i = 0; i < sizeof(key_names) / sizeof(key_names[0]); i++) {
			if (strcasecmp(name, key_names[i].name) == 0) {
				return key_names[i].key;
			}
		}
		if (name[0] == '^' && name[2] == 0 && name[1] >= '@' &&
		    name[1] <= 'z' && name[1] != '`') {
			return (name[1] >= 'a' ? name[1] - 'a' + 'A' : name[1]) & 0x1f;
		}
		if ((name[0] == 'F' || name[0] == 'f') && name[1] >= '1' &&
		    name[1] <= '9') {
			n = strtol(name + 1, &end, 10);
			if (*end == 0 && n >= 1 && n <= 12) {
				return CONFIG_KEY_F(n);
			}
		}
	}
	return utf8_single(name);
}

void
config_key_name(int key, char *out, size_t size)
{
	char tmp[16];
	size_t i;

	tmp[0] = 0;
	for (i = 0; i < sizeof(key_names) / sizeof(key_names[0]); i++) {
		if (key_names[i].key == key) {
			snprintf(tmp, sizeof(tmp), "%s", key_names[i].name);
			break;
		}
	}
	if (tmp[0] != 0) {
		/* found a name */
	} else if (key > CONFIG_KEY_F0 && key <= CONFIG_KEY_F(12)) {
		snprintf(tmp, sizeof(tmp), "F%d", key - CONFIG_KEY_F0);
	} else if (key >= 0 && key < 0x20) {
		snprintf(tmp, sizeof(tmp), "^%c", key | 0x40);
	} else if (key > 0x20 && key <= 0x10ffff && key != 127) {
		tmp[utf8_encode((uint32_t)key, tmp)] = 0;
	} else {
		snprintf(tmp, sizeof(tmp), "?");
	}
	snprintf(out, size, "%s", tmp);
}

const char *
config_action_name(enum config_action action)
{
	return (unsigned)action < CONFIG_ACTION_COUNT ? actions[action].name : NULL;
}

const char *
config_action_help(enum config_action action)
{
	return (unsigned)action < CONFIG_ACTION_COUNT ? actions[action].help : NULL;
}

const char *
config_action_default_keys(enum config_action action)
{
	return (unsigned)action < CONFIG_ACTION_COUNT ? actions[action].keys : NULL;
}

enum config_action
config_action_by_name(const char *name)
{
	int i;

	for (i = 1; i < CONFIG_ACTION_COUNT; i++) {
		if (strcmp(actions[i].name, name) == 0) {
			return (enum config_action)i;
		}
	}
	return CONFIG_ACTION_NONE;
}

const char *
config_element_name(enum config_element element)
{
	return (unsigned)element < CONFIG_ELEMENT_COUNT ? elements[element] : NULL;
}

int
config_element_by_name(const char *name)
{
	int i;

	for (i = 0; i < CONFIG_ELEMENT_COUNT; i++) {
		if (strcmp(elements[i], name) == 0) {
			return i;
		}
	}
	return -1;
}
