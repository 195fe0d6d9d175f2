/*
 * The text gate and the cutters: text_sanitize, text_clean_line,
 * htmltext_from_html, width_fit and width_wrap. The first byte picks the width
 * and padding; the rest is the text. Every output must pass the gate,
 * a fitted line must fit, and a wrapped line must be no wider than asked.
 */
#include "autoconfig.h"

#include <locale.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "src/htmltext.h"
#include "src/text.h"
#include "src/width.h"
#include "tests/fuzz/fuzz_check.h"

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	setlocale(LC_ALL, "C.UTF-8");
	return 0;
}

static void
check_wrap(const char *s, int width)
{
	char *out = width_wrap(s, width), *line, *end;

	fuzz_check_text(out);
	for (line = out; width >= 2 && line != NULL; line = end ? end + 1 : NULL) {
		end = strchr(line, '\n');
		if (end != NULL) {
			*end = '\0';
		}
		if (width_columns(line) > width) {
			fuzz_fail("wrapped line wider than asked", line, 0);
		}
	}
	free(out);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *clean, *s;
	int width, pad;

	if (size < 1) {
		return 0;
	}
	width = data[0] & 0x7f;
	pad = data[0] >> 7;
	data++, size--;

	clean = text_sanitize((const char *)data, size);
	fuzz_check_text(clean);
	s = text_clean_line((const char *)data, size);
	fuzz_check_line(s);
	free(s);

	s = htmltext_from_html((const char *)data, size);
	fuzz_check_text(s);
	check_wrap(s, width);
	free(s);

	if (clean != NULL) {
		s = width_fit(clean, width, pad);
		fuzz_check_line(s);
		if (width_columns(s) > width || (pad && width_columns(s) != width)) {
			fuzz_fail("fitted line of the wrong width", s, 0);
		}
		free(s);
		check_wrap(clean, width);
	}
	free(clean);
	return 0;
}
