/* Feed dates to UTC: a table of real-world shapes, good and broken. */
#include "autoconfig.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "src/date.h"

struct date_case {
	const char *in;
	const char *want;	/* RFC 3339 UTC, or NULL for no date */
};

static const struct date_case date_cases[] = {
	/* RFC 822 / 1123 */
	{ "Thu, 19 Oct 2023 08:00:00 GMT", "2023-10-19T08:00:00Z" },
	{ "Thu, 19 Oct 2023 08:00:00 +0000", "2023-10-19T08:00:00Z" },
	{ "Thu, 19 Oct 2023 17:00:00 +0900", "2023-10-19T08:00:00Z" },
	{ "Thu, 19 Oct 2023 03:00:00 -0500", "2023-10-19T08:00:00Z" },
	{ "Thu, 19 Oct 2023 08:00 GMT", "2023-10-19T08:00:00Z" },
	{ "Thu, 19 Oct 2023 17:00:00 +0900 (JST)", "2023-10-19T08:00:00Z" },
	{ "thu, 19 OCT 2023 08:00:00 gmt", "2023-10-19T08:00:00Z" },
	/* named zones */
	{ "Thu, 19 Oct 2023 08:00:00 UTC", "2023-10-19T08:00:00Z" },
	{ "Thu, 19 Oct 2023 08:00:00 UT", "2023-10-19T08:00:00Z" },
	{ "Thu, 19 Oct 2023 04:00:00 EDT", "2023-10-19T08:00:00Z" },
	{ "Thu, 19 Jan 2023 03:00:00 EST", "2023-01-19T08:00:00Z" },
	{ "Thu, 19 Jan 2023 02:00:00 CST", "2023-01-19T08:00:00Z" },
	{ "Thu, 19 Oct 2023 03:00:00 CDT", "2023-10-19T08:00:00Z" },
	{ "Thu, 19 Jan 2023 01:00:00 MST", "2023-01-19T08:00:00Z" },
	{ "Thu, 19 Oct 2023 02:00:00 MDT", "2023-10-19T08:00:00Z" },
	{ "Thu, 19 Jan 2023 00:00:00 PST", "2023-01-19T08:00:00Z" },
	{ "Thu, 19 Oct 2023 01:00:00 PDT", "2023-10-19T08:00:00Z" },
	{ "Thu, 19 Oct 2023 17:00:00 JST", "2023-10-19T08:00:00Z" },
	{ "Thu, 19 Jan 2023 09:00:00 CET", "2023-01-19T08:00:00Z" },
	{ "Thu, 19 Oct 2023 10:00:00 CEST", "2023-10-19T08:00:00Z" },
	{ "Thu, 19 Oct 2023 09:00:00 BST", "2023-10-19T08:00:00Z" },
	{ "Thu, 19 Oct 2023 17:00:00 GMT+0900", "2023-10-19T08:00:00Z" },
	{ "Thu, 19 Oct 2023 17:00:00 GMT+9", "2023-10-19T08:00:00Z" },
	{ "Thu, 19 Oct 2023 08:00:00 IST", NULL },
	{ "Thu, 19 Oct 2023 08:00:00 XYZ", NULL },
	/* two-digit years, missing or wrong weekday, one-digit days */
	{ "Thu, 19 Oct 23 08:00:00 GMT", "2023-10-19T08:00:00Z" },
	{ "Tue, 19 Oct 99 08:00:00 GMT", "1999-10-19T08:00:00Z" },
	{ "19 Oct 2023 08:00:00 GMT", "2023-10-19T08:00:00Z" },
	{ "Mon, 19 Oct 2023 08:00:00 GMT", "2023-10-19T08:00:00Z" },
	{ "Thu, 5 Oct 2023 08:00:00 GMT", "2023-10-05T08:00:00Z" },
	{ "Thu, 5 Oct 2023 8:00:00 GMT", "2023-10-05T08:00:00Z" },
	{ "Thursday, 19-Oct-23 08:00:00 GMT", "2023-10-19T08:00:00Z" },
	{ "Thu Oct 19 08:00:00 2023", "2023-10-19T08:00:00Z" },
	{ "October 19, 2023 8:00 PM", "2023-10-19T20:00:00Z" },
	{ "Oct 19, 2023 12:30 AM EDT", "2023-10-19T04:30:00Z" },
	{ "19 Oct 2023", "2023-10-19T00:00:00Z" },
	{ "Thu, 19 Sept 2023 08:00:00 GMT", "2023-09-19T08:00:00Z" },
	{ "  Thu, 19 Oct 2023 08:00:00 GMT \n", "2023-10-19T08:00:00Z" },
	/* RFC 3339 / ISO 8601 */
	{ "2023-10-19T08:00:00Z", "2023-10-19T08:00:00Z" },
	{ "2023-10-19T08:00:00z", "2023-10-19T08:00:00Z" },
	{ "2023-10-19T08:00:00.123456Z", "2023-10-19T08:00:00Z" },
	{ "2023-10-19T17:00:00+09:00", "2023-10-19T08:00:00Z" },
	{ "2023-10-19T17:00:00+0900", "2023-10-19T08:00:00Z" },
	{ "2023-10-19T17:00:00+09", "2023-10-19T08:00:00Z" },
	{ "2023-10-19T02:30:00-05:30", "2023-10-19T08:00:00Z" },
	{ "2023-10-19T08:00:00", "2023-10-19T08:00:00Z" },
	{ "2023-10-19T08:00", "2023-10-19T08:00:00Z" },
	{ "2023-10-19", "2023-10-19T00:00:00Z" },
	{ "2023-10-19 08:00:00", "2023-10-19T08:00:00Z" },
	{ "2023-10-19 17:00:00 +09:00", "2023-10-19T08:00:00Z" },
	{ "2023-10-19 17:00:00 JST", "2023-10-19T08:00:00Z" },
	{ "2023/10/19 17:00:00 +0900", "2023-10-19T08:00:00Z" },
	{ "2023-1-5", "2023-01-05T00:00:00Z" },
	{ "Thu, 2023-10-19 08:00:00 GMT", "2023-10-19T08:00:00Z" },
	{ "2023-12-31T23:30:00-01:00", "2024-01-01T00:30:00Z" },
	{ "2024-02-29T12:00:00Z", "2024-02-29T12:00:00Z" },
	{ "1970-01-01T00:00:00Z", "1970-01-01T00:00:00Z" },
	{ "1969-12-31T23:59:59Z", "1969-12-31T23:59:59Z" },
	{ "2016-12-31T23:59:60Z", "2016-12-31T23:59:59Z" },
	/* the Japanese form */
	{ "2023年10月19日 17:00 JST", "2023-10-19T08:00:00Z" },
	{ "2023年10月19日(木) 17:00:00 +0900", "2023-10-19T08:00:00Z" },
	{ "2023年10月19日（木）08:00", "2023-10-19T08:00:00Z" },
	{ "2023年1月5日", "2023-01-05T00:00:00Z" },
	{ "2023年2月30日", NULL },
	{ "2023年10月", NULL },
	/* impossible or unreadable: no date, never a neighbouring one */
	{ "Thu, 30 Feb 2023 08:00:00 GMT", NULL },
	{ "2023-02-29T08:00:00Z", NULL },
	{ "1900-02-29", NULL },
	{ "2023-04-31", NULL },
	{ "2023-13-01", NULL },
	{ "2023-00-10", NULL },
	{ "2023-10-00", NULL },
	{ "Thu, 19 Oct 2023 25:00:00 GMT", NULL },
	{ "2023-10-19T24:00:00Z", NULL },
	{ "2023-10-19T08:60:00Z", NULL },
	{ "2023-10-19T08:00:61Z", NULL },
	{ "2023-10-19T08:00:00+25:00", NULL },
	{ "Thu, 32 Oct 2023 08:00:00 GMT", NULL },
	{ "Oct 19, 2023 13:00 PM", NULL },
	{ "0001-01-01T00:00:00Z", NULL },
	{ "19/10/2023", NULL },
	{ "19-10-2023", NULL },
	{ "yesterday", NULL },
	{ "", NULL },
	{ "2023-10-19T08:00:00Z trailing junk", NULL },
	{ "Thu, 19 Oct 2023 08:00:00 GMT junk", NULL },
	{ "Thu, 19 2023 08:00:00 GMT", NULL },
};

static void
test_date_parse(void **state)
{
	size_t i, failed = 0;
	int64_t t;
	char got[32];

	(void)state;
	for (i = 0; i < sizeof(date_cases) / sizeof(date_cases[0]); i++) {
		const struct date_case *c = &date_cases[i];

		t = date_parse(c->in);
		date_format_rfc3339(t, got);
		if (c->want == NULL ? t != NF_NO_DATE : strcmp(got, c->want) != 0) {
			print_error("case '%s': got '%s' want '%s'\n", c->in,
			            t == NF_NO_DATE ? "(no date)" : got,
			            c->want != NULL ? c->want : "(no date)");
			failed++;
		}
	}
	assert_int_equal(failed, 0);
}

static void
test_date_null(void **state)
{
	(void)state;
	assert_true(date_parse(NULL) == NF_NO_DATE);
}

struct format_case {
	int64_t t;
	const char *want;
};

static const struct format_case format_cases[] = {
	{ 0, "1970-01-01T00:00:00Z" },
	{ 1697702400, "2023-10-19T08:00:00Z" },
	{ -1, "1969-12-31T23:59:59Z" },
	{ 951782400, "2000-02-29T00:00:00Z" },
	{ 4102444800LL, "2100-01-01T00:00:00Z" },
	{ 253402300799LL, "9999-12-31T23:59:59Z" },
	{ 253402300800LL, "" },
	/* A year past 2^32: its low 32 bits read as 1969. */
	{ 135536076801441792LL, "" },
	{ INT64_MAX, "" },
	{ INT64_MIN + 1, "" },
	{ NF_NO_DATE, "" },
};

static void
test_date_format(void **state)
{
	size_t i;
	char out[21];

	(void)state;
	for (i = 0; i < sizeof(format_cases) / sizeof(format_cases[0]); i++) {
		date_format_rfc3339(format_cases[i].t, out);
		if (strcmp(out, format_cases[i].want) != 0) {
			print_error("case %lld: got '%s'\n", (long long)format_cases[i].t, out);
		}
		assert_string_equal(out, format_cases[i].want);
	}
}

/* Every day of four centuries parses back to its own day. */
static void
test_date_round_trip(void **state)
{
	int64_t t, back;
	char out[21];

	(void)state;
	for (t = -70LL * 365 * 86400; t < 330LL * 365 * 86400; t += 86400 + 3661) {
		date_format_rfc3339(t, out);
		back = date_parse(out);
		if (back != t) {
			print_error("round trip %s: %lld != %lld\n", out, (long long)back,
			            (long long)t);
			fail();
		}
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_date_parse),
		cmocka_unit_test(test_date_null),
		cmocka_unit_test(test_date_format),
		cmocka_unit_test(test_date_round_trip),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
