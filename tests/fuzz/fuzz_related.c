/*
 * The Similar News extractor on its own, and the folding of one item's
 * related list: whatever the HTML, every title passes the text gate and
 * is never empty, no entry has more links than the document, and the
 * merge of near-duplicates never loses an entry -- the entries and
 * copies found are as many at any threshold.
 */
#include "autoconfig.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLparser.h>

#include "src/htmltext.h"
#include "src/item.h"
#include "src/related.h"
#include "src/title.h"
#include "tests/fuzz/fuzz_check.h"

static size_t
count_links(const struct nf_related *r, size_t n)
{
	size_t i, k = 0;

	for (i = 0; i < n; i++) {
		k += 1 + r[i].ncopies;
	}
	return k;
}

static void
check_entry(const struct nf_related *r)
{
	size_t i;

	if (r->title == NULL || r->title[0] == '\0') {
		fuzz_fail("empty related title", "", 0);
	}
	fuzz_check_line(r->title);
	fuzz_check_line(r->source);
	fuzz_check_text(r->summary);
	for (i = 0; i < r->ncopies; i++) {
		if (r->copies[i].ncopies != 0) {
			fuzz_fail("a copy with copies", r->copies[i].title, 0);
		}
		check_entry(&r->copies[i]);
	}
}

/* Extracts at threshold; returns the entries and copies found, and
 * hands the entries to item when it is not NULL. */
static size_t
extract(const uint8_t *data, size_t size, double threshold, struct nf_item *item)
{
	/* parsed as html_extract() parses an item's HTML */
	htmlDocPtr doc = size > 0 ? htmltext_parse((const char *)data, size) : NULL;
	struct nf_related *r = NULL;
	size_t n, i, total;

	if (doc == NULL) {
		return 0;
	}
	n = related_extract(doc, "https://news.example.org/x/", threshold, &r);
	total = count_links(r, n);
	for (i = 0; i < n; i++) {
		check_entry(&r[i]);
		if (item == NULL || item_add_related(item, &r[i]) != 0) {
			related_clear(&r[i]);
		}
	}
	free(r);
	xmlFreeDoc(doc);
	return total;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct nf_item *item;
	size_t all, loose, before;
	int own;

	/* long lists are tests/test_relatedgen.c's; here, many short ones */
	if (size > 1 << 15) {
		return 0;
	}
	item = item_new();
	all = extract(data, size, 1.0, NULL);
	loose = extract(data, size, 0.3, item);
	if (all != loose) {
		fuzz_fail("the merge lost or made an entry", "", 0);
	}
	/* one item's list folded against its own title: the first entry's */
	if (item != NULL && item->nrelated > 0) {
		before = item->nrelated;
		item->title = strdup(item->related[0].title);
		/* a short or generic title matches nothing, itself included */
		own = item->title != NULL && title_similar(item->title, item->title, 0.6);
		related_drop_own(item, 0.6);
		if (item->nrelated > before || (own && item->nrelated == before)) {
			fuzz_fail("an entry kept with the item's own title", "", 0);
		}
	}
	item_free(item);
	return 0;
}
