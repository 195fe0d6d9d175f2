/*
 * opml_parse() on any bytes; a parsed list is written back with
 * opml_write() and must parse again to the same number of feeds.
 */
#include "autoconfig.h"

#include <stdint.h>
#include <stdlib.h>

#include "feeds/opml.h"
#include "tests/fuzz/fuzz_check.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct opml_list list = { 0 }, again = { 0 };
	struct nf_error err;
	struct buf out;
	size_t i, j;

	if (opml_parse((const char *)data, size, &list, &err) != NF_OK) {
		opml_list_free(&list);
		return 0;
	}
	for (i = 0; i < list.nfeeds; i++) {
		fuzz_check_line(list.feeds[i].title);
		for (j = 0; j < list.feeds[i].ntags; j++) {
			fuzz_check_line(list.feeds[i].tags[j]);
		}
	}
	buf_init(&out, 1 << 24);
	if (opml_write(list.feeds, list.nfeeds, "Fuzz & <list>", &out,
	               &err) == NF_OK) {
		if (opml_parse(out.data, out.len, &again, &err) != NF_OK ||
		    again.nfeeds != list.nfeeds) {
			fuzz_fail("written list does not read back", out.data, 0);
		}
	}
	opml_list_free(&again);
	buf_free(&out);
	opml_list_free(&list);
	return 0;
}
