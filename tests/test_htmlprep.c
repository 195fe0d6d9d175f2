/* HTML rewritten before libxml2 reads it, as a table of cases. */
#include "autoconfig.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "src/htmlprep.h"

struct prep_case {
	const char *name, *in, *want;
};

static const struct prep_case cases[] = {
	{ "plain text unchanged", "Tide tables & times", "Tide tables & times" },
	{ "simple markup unchanged", "<p>a <b>b</b></p>", "<p>a <b>b</b></p>" },
	{ "embed start tag goes", "safe<embed src=\"x\"> text", "safe text" },
	{ "embed in capitals", "a<EMBED SRC=x>b", "ab" },
	{ "closed script stays", "a<script>x</script>b", "a<script>x</script>b" },
	{ "script content is raw", "a<script>if (x<y) '<!--'</script>b",
	  "a<script>if (x<y) '<!--'</script>b" },
	{ "unclosed script start goes", "a <script>b c", "a b c" },
	{ "unclosed style start goes", "a<style type=text/css>b", "ab" },
	{ "closed noscript stays", "a<noscript>b</noscript>", "a<noscript>b</noscript>" },
	{ "unclosed noscript start goes", "a<noscript>b", "ab" },
	{ "an end tag closes the nearest: the outer start goes", "<select><select></select>x",
	  "<select></select>x" },
	{ "an end tag closes what opened inside", "<video><audio>a</video>b",
	  "<video><audio>a</video>b" },
	{ "closed comment stays", "a<!-- c -->b", "a<!-- c -->b" },
	{ "unclosed comment ends at gt", "sa<!-- -- x >fe", "safe" },
	{ "unclosed comment without gt runs out", "safe<!-- rest", "safe" },
	{ "not a declaration", "<!' <a href=\"x\">", "&lt;!' <a href=\"x\">" },
	{ "unclosed declaration", " <!DOCTYPE ", " &lt;!DOCTYPE " },
	{ "doctype stays", "<!DOCTYPE html><p>x", "<!DOCTYPE html><p>x" },
	{ "cdata is text", "a<![CDATA[b < c & d]]>e", "ab &lt; c &amp; de" },
	{ "unclosed cdata is text", "a<![CDATA[b", "a&lt;![CDATA[b" },
	{ "decimal reference 146", "don&#146;t", "don\xe2\x80\x99t" },
	{ "hex reference 0x93", "&#x93;q&#X94;", "\xe2\x80\x9cq\xe2\x80\x9d" },
	{ "reference without semicolon", "a&#150 b", "a\xe2\x80\x93 b" },
	{ "undefined 129 unchanged", "a&#129;b", "a&#129;b" },
	{ "other references unchanged", "&#8217;&amp;&eacute;", "&#8217;&amp;&eacute;" },
	{ "lone lt", "1 < 2", "1 < 2" },
	{ "empty", "", "" },
};

static void
test_rewrite(void **state)
{
	size_t i, len;
	char *got;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		got = htmlprep_rewrite(cases[i].in, strlen(cases[i].in), &len);
		assert_non_null(got);
		if (strcmp(got, cases[i].want) != 0 || len != strlen(got)) {
			fail_msg("%s: got \"%s\", want \"%s\"", cases[i].name, got, cases[i].want);
		}
		free(got);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rewrite),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
