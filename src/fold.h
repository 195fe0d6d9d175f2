#ifndef NF_FOLD_H
#define NF_FOLD_H

/*
 * Story folding: items that tell the same story become one story with a
 * lead and its similar copies. Near-linear: candidates from an inverted
 * index over title shingles, then exact verification (title.h's rule,
 * and a second one over summary leads); a copy joins a story only when it
 * matches the story as a whole, and a story spans at most three days
 * unless its copies share a GUID or link. Joins are greedy, so they are
 * tried in date order whatever order the entries come in (a feed lists
 * newest first, the store by feed): the same entries give the same
 * stories in any order (ties of date keep the caller's). A large batch
 * is folded on two threads, with the same stories as on one.
 *
 * fold works on light entries (pointers into items the caller owns), so
 * that --dump can fold a large feed without keeping whole items.
 */

#include <stddef.h>
#include <stdint.h>

#include "src/error.h"
#include "src/item.h"

struct fold_entry {
	const char *title;
	const char *id;		/* GUID, may be NULL */
	const char *link;	/* may be NULL */
	const char *summary;	/* for "title with summary glued on"; may be NULL */
	const char *source;	/* feed title, not part of the headline; may be NULL */
	int64_t time;		/* published, or NF_NO_DATE */
	size_t text_len;	/* item_text_length(), picks the lead */
};

struct fold_story {
	size_t lead;		/* index into the entries */
	size_t *similar;	/* the other members, in entry order */
	size_t nsimilar;
};

struct fold_result {
	struct fold_story *stories;	/* in entry order of their leads */
	size_t nstories;
};

/* The entry for item, told by source (the feed's title; may be NULL): its
 * pointers point into item, which must outlive the entry. */
struct fold_entry fold_entry_of(const struct nf_item *item, const char *source);

/* The text folding reads as item's summary: its summary, or for an item
 * that has none (a JSON Feed item with content_html alone, an RSS item
 * with content:encoded alone) the start of its content, whose first
 * sentence is the lead as much as a summary's is. Points into item. */
const char *fold_summary_of(const struct nf_item *item);

/* The bytes of a summary that folding reads of an entry whose title is
 * title_len bytes: a dateline or short label sentence it skips, then the
 * lead's 200 bytes and whether more follow, or, for a summary glued onto
 * the title or one that only says the headline again, as many as the
 * title has and an outlet's name after them. A caller that keeps only part of a summary
 * for folding (--dump, the refold) keeps at least this much. */
size_t fold_summary_needed(size_t title_len);

/* Clusters n entries; every index lands in exactly one story. threshold
 * is fold-threshold (0..1; TITLE_DEFAULT_THRESHOLD outside it). Free
 * with fold_result_free(). */
enum nf_status fold_stories(const struct fold_entry *entries, size_t n,
                            double threshold, struct fold_result *out,
                            struct nf_error *err);
void fold_result_free(struct fold_result *res);

#endif
