#ifndef NF_RELATED_H
#define NF_RELATED_H

/*
 * "Similar News" blocks inside an item's HTML: runs of entries, each
 * closed by a read-more marker (Read more, 続きを読む, Weiterlesen, ...)
 * or, under a label (Similar News, Related, 関連ニュース, ...), opened by
 * a linked headline; and an aggregator's links with their outlets. They
 * become related entries and are taken out of the document, boilerplate
 * lines with them. The words are in src/related.def.
 */

#include <stddef.h>

#include <libxml/HTMLparser.h>

#include "src/item.h"

/* Finds the blocks in doc, unlinks and frees their nodes, and returns the
 * entries (near-duplicates merged into copies at threshold) as a new array
 * in *out; the caller frees each with related_clear() and the array with
 * free(). Returns the number of entries (0 with *out NULL when none, or
 * when out of memory). */
size_t related_extract(htmlDocPtr doc, const char *base_url, double threshold,
                       struct nf_related **out);

/* Takes out of item->related the entries that are copies of the item
 * itself (an aggregator lists the item's own outlet among the others):
 * those whose title matches the item's at threshold. */
void related_drop_own(struct nf_item *item, double threshold);

/* Loose tests for cheap skipping, on text with ASCII blanks and no-break
 * spaces left out (so that however a document splits or spaces it, they
 * never say no where related_extract() would find a block): whether s
 * holds one of the labels, and whether a link with text s may be a
 * read-more link. */
int related_may_label(const char *s, size_t n);
int related_may_read_more(const char *s, size_t n);

/* The i-th label of the table ("Similar News", 関連ニュース, ...), NULL past
 * its end: the one list that the pre-checks and their tests read. */
const char *related_label_at(size_t i);

#endif
