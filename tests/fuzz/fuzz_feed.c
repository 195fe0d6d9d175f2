/*
 * The feed parser through its push interface: the input is split into
 * chunks whose sizes come from the input itself, so the fuzzer explores
 * chunk boundaries inside tags, entities, UTF-8 sequences and JSON. The
 * first byte picks the charset hint and how many chunk sizes follow; the
 * last byte's low bit has items built on the parser's second thread
 * (feed_options.pipeline). Every item is checked against the text gate
 * and freed in the callback.
 */
#include "autoconfig.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "feeds/feed.h"
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

static int
on_item(void *ctx, const struct nf_feed *feed, struct nf_item *item)
{
	size_t i;

	(void)feed;
	fuzz_check_line(item->title);
	fuzz_check_line(item->author);
	fuzz_check_text(item->summary);
	fuzz_check_text(item->content);
	if (item->image != NULL) {
		fuzz_check_text(item->image->caption);
		fuzz_check_text(item->image->credit);
	}
	for (i = 0; i < item->ncategories; i++) {
		fuzz_check_line(item->categories[i]);
	}
	for (i = 0; i < item->nrelated; i++) {
		check_related(&item->related[i]);
	}
	item_free(item);
	/* Stopping early from the callback is part of the interface too. */
	return ++*(unsigned *)ctx > 200;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *charsets[] = { NULL, "utf-8", "iso-8859-1",
		"shift_jis", "euc-jp", "windows-1252", "x-unknown", "utf-16" };
	struct feed_options opts;
	struct feed_parser *p;
	struct nf_error err;
	const struct nf_feed *feed;
	unsigned nitems = 0;
	size_t nsizes, off, len, k = 0;

	if (size < 1) {
		return 0;
	}
	memset(&opts, 0, sizeof(opts));
	opts.source = "fuzz";
	opts.base_url = (data[0] & 0x80) ? "https://news.example.org/a/b" : NULL;
	opts.charset = charsets[data[0] & 7];
	opts.fold_threshold = 0.6;
	opts.max_size = 1 << 20;
	opts.pipeline = data[size - 1] & 1;
	nsizes = (data[0] >> 3) & 0x0f;
	if (size < 1 + nsizes) {
		return 0;
	}
	p = feed_parser_new(&opts, on_item, &nitems);
	if (p == NULL) {
		return 0;
	}
	off = 1 + nsizes;
	while (off < size) {
		len = nsizes ? 1 + (size_t)data[1 + k++ % nsizes] * 7 % 509 : size - off;
		if (len > size - off) {
			len = size - off;
		}
		if (feed_parser_push(p, (const char *)data + off, len, 0, &err) != NF_OK) {
			break;
		}
		off += len;
	}
	/* "" rather than NULL: xmlfeed.c computes NULL + 0 on a NULL final
	 * chunk, undefined behaviour that would stop every run here. */
	if (off >= size) {
		feed_parser_push(p, "", 0, 1, &err);
	}
	feed = feed_parser_feed(p);
	fuzz_check_line(feed->title);
	fuzz_check_text(feed->description);
	fuzz_check_line(feed->author);
	feed_parser_free(p);
	return 0;
}
