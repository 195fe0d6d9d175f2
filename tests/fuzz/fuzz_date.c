/*
 * date_parse() on any string: a date it returns must not be before 1900,
 * and must format and parse back to itself. The first eight bytes are
 * also formatted as a time of their own; whatever date_format_rfc3339()
 * writes (within its 21 bytes) must read back to that time, unless the
 * year is before 1900, which date_parse() refuses by design.
 */
#include "autoconfig.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "src/date.h"
#include "tests/fuzz/fuzz_check.h"

#define DATE_1900 (-2208988800LL)	/* 1900-01-01T00:00:00Z */

/* Formats t into a buffer of exactly the documented size, so ASan sees a
 * write past it, and checks that the text reads back as t. */
static void
check_format(int64_t t)
{
	char *out = malloc(21);

	if (out == NULL) {
		return;
	}
	date_format_rfc3339(t, out);
	if (out[0] != '\0' && t >= DATE_1900 && date_parse(out) != t) {
		fuzz_fail("formatted date does not read back", out, 0);
	}
	free(out);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s;
	int64_t t;

	if (size > 4096) {
		return 0;
	}
	if (size >= 8) {
		memcpy(&t, data, 8);
		check_format(t);
	}
	s = malloc(size + 1);
	if (s == NULL) {
		return 0;
	}
	memcpy(s, data, size);
	s[size] = '\0';
	t = date_parse(s);
	if (t != NF_NO_DATE) {
		if (t < DATE_1900) {
			fuzz_fail("a date before 1900", s, 0);
		}
		check_format(t);
	}
	free(s);
	return 0;
}
