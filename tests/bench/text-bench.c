/*
 * Measures the text gate on feed-sized work: 20,000 item descriptions of
 * about 1.7 KB of HTML (35 MB, the size of the large-feed benchmark)
 * through htmltext_from_html(), html_extract(), text_sanitize() and
 * date_parse(). Prints seconds and MB/s; it asserts nothing.
 *
 *   make check builds it; run tests/bench/text_bench [items]
 */
#include "autoconfig.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libxml/HTMLparser.h>

#include "src/buf.h"
#include "src/date.h"
#include "src/html.h"
#include "src/htmltext.h"
#include "src/text.h"

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static char *
make_item(size_t i, size_t *len)
{
	struct buf b;
	int p;

	buf_init(&b, 1 << 20);
	buf_printf(&b, "<figure><img src=\"/img/%zu.jpg\" alt=\"Quay\"><figcaption>"
	           "Workers at the quay, item %zu.</figcaption></figure>", i, i);
	for (p = 0; p < 5; p++) {
		buf_printf(&b, "<p>The ferry between Port Alder and Gull Island sailed"
		           " again on Thursday &mdash; four days after a storm tore part"
		           " of the pier away. <a href=\"https://ledger.example/%zu\">"
		           "Repairs</a> took three shifts&nbsp;of workers and a borrowed"
		           " crane, the <b>harbour office</b> said. 港の職員は「予定より"
		           "早く再開できた」と話した。</p>\n", i);
	}
	buf_add_str(&b, "<ul><li>Timetable</li><li>Fares</li></ul>");
	*len = b.len;
	return buf_take(&b);
}

static void
no_text(void *ctx, const xmlChar *ch, int len)
{
	(void)ctx;
	(void)ch;
	(void)len;
}

/* libxml2's HTML parser alone, with callbacks that do nothing: the floor
 * under htmltext_from_html(). */
static double
parser_floor(char **items, const size_t *lens, size_t n)
{
	htmlParserCtxtPtr ctxt;
	double t0 = now();
	size_t i;

	for (i = 0; i < n; i++) {
		ctxt = htmlNewParserCtxt();
		if (ctxt == NULL) {
			return -1;
		}
		memset(ctxt->sax, 0, sizeof(*ctxt->sax));
		ctxt->sax->characters = no_text;
		xmlFreeDoc(htmlCtxtReadMemory(ctxt, items[i], (int)lens[i], NULL, "UTF-8",
		                              HTML_PARSE_NONET | HTML_PARSE_NOERROR
		                              | HTML_PARSE_NOWARNING | HTML_PARSE_RECOVER));
		htmlFreeParserCtxt(ctxt);
	}
	return now() - t0;
}

int
main(int argc, char **argv)
{
	size_t n = argc > 1 ? (size_t)strtoul(argv[1], NULL, 10) : 20000, i;
	size_t total = 0, out = 0;
	char **items = calloc(n, sizeof(*items));
	size_t *lens = calloc(n, sizeof(*lens));
	double t0, t;
	char *s;
	struct html_parts parts;
	struct nf_error err;
	int64_t sum = 0;

	if (items == NULL || lens == NULL) {
		return 1;
	}
	for (i = 0; i < n; i++) {
		items[i] = make_item(i, &lens[i]);
		total += lens[i];
	}
	printf("%zu items, %.1f MB of HTML\n", n, (double)total / 1e6);

	t0 = now();
	for (i = 0; i < n; i++) {
		s = text_sanitize(items[i], lens[i]);
		out += strlen(s);
		free(s);
	}
	t = now() - t0;
	printf("text_sanitize       %6.3f s  %7.1f MB/s\n", t, (double)total / 1e6 / t);

	t = parser_floor(items, lens, n);
	printf("libxml2 alone       %6.3f s  %7.1f MB/s  %5.1f us/item\n", t,
	       (double)total / 1e6 / t, t * 1e6 / (double)n);

	t0 = now();
	for (i = 0; i < n; i++) {
		s = htmltext_from_html(items[i], lens[i]);
		out += strlen(s);
		free(s);
	}
	t = now() - t0;
	printf("htmltext_from_html  %6.3f s  %7.1f MB/s  %5.1f us/item\n", t,
	       (double)total / 1e6 / t, t * 1e6 / (double)n);

	t0 = now();
	for (i = 0; i < n; i++) {
		if (html_extract(items[i], lens[i], "https://ledger.example/", 0.6,
		                 &parts, &err) == NF_OK) {
			out += strlen(parts.text);
			html_parts_free(&parts);
		}
	}
	t = now() - t0;
	printf("html_extract        %6.3f s  %7.1f MB/s  %5.1f us/item\n", t,
	       (double)total / 1e6 / t, t * 1e6 / (double)n);

	t0 = now();
	for (i = 0; i < n; i++) {
		sum += date_parse(i % 2 ? "Thu, 19 Oct 2023 17:00:00 +0900"
		                        : "2023-10-19T08:00:00.123+09:00");
	}
	t = now() - t0;
	printf("date_parse          %6.3f s  %5.2f us/date\n", t, t * 1e6 / (double)n);

	for (i = 0; i < n; i++) {
		free(items[i]);
	}
	free(items);
	free(lens);
	return out == 0 || sum == 0;
}
