/*
 * date_parse() on any string; a date it returns must format and parse
 * back to itself, and must not be before 1900.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "src/date.h"
#include "tests/fuzz/fuzz_check.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s, out[32];
	int64_t t;

	if (size > 4096) {
		return 0;
	}
	s = malloc(size + 1);
	if (s == NULL) {
		return 0;
	}
	memcpy(s, data, size);
	s[size] = '\0';
	t = date_parse(s);
	if (t != NF_NO_DATE) {
		date_format_rfc3339(t, out);
		if (t < -2208988800LL) {
			fuzz_fail("a date before 1900", s, 0);
		}
		if (date_parse(out) != t) {
			fuzz_fail("formatted date does not read back", out, 0);
		}
	}
	free(s);
	return 0;
}
