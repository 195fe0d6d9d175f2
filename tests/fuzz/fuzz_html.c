/*
 * html_extract() on an item's HTML, and html_article_text() on the same
 * bytes as a page: every text out of them must pass the text gate.
 */
#include "autoconfig.h"

#include <stdint.h>
#include <stdlib.h>

#include "src/html.h"
#include "tests/fuzz/fuzz_check.h"

static void
check_related(const struct nf_related *r)
{
	size_t i;

	fuzz_check_line(r->title);
	fuzz_check_line(r->source);
	for (i = 0; i < r->ncopies; i++) {
		check_related(&r->copies[i]);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct html_parts parts;
	struct nf_error err;
	char *page;
	size_t i;

	if (html_extract((const char *)data, size, "https://news.example.org/x/",
	                 0.6, &parts, &err) == NF_OK) {
		if (parts.text == NULL) {
			fuzz_fail("no text on success", "", 0);
		}
		fuzz_check_text(parts.text);
		if (parts.image != NULL) {
			fuzz_check_text(parts.image->caption);
			fuzz_check_text(parts.image->credit);
		}
		for (i = 0; i < parts.nrelated; i++) {
			check_related(&parts.related[i]);
		}
		html_parts_free(&parts);
	}
	page = html_article_text((const char *)data, size);
	fuzz_check_text(page);
	free(page);
	return 0;
}
