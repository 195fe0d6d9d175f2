#ifndef NF_SRC_FRONTPAGE_H
#define NF_SRC_FRONTPAGE_H

/*
 * The front page: items folded into stories, put in display order with
 * the lead story first, each with its headline, source line and photo.
 * `newsfold --headlines` prints it and the Headlines screen draws it;
 * neither decides any of it. It reads only what a store listing holds
 * (titles, sources, dates, summaries, text lengths, images).
 */

#include <stddef.h>

#include "src/error.h"
#include "src/fold.h"
#include "src/item.h"

struct frontpage_story {
	size_t *members;	/* item indexes: [0] the lead copy (longest
				 * text: the article's body), then the
				 * other copies in item order */
	size_t n;
};

struct frontpage {
	struct nf_item *const *items;	/* the caller's; must outlive the page */
	struct frontpage_story *stories;	/* display order, the lead first */
	size_t nstories;
};

enum frontpage_kind {
	/* Every feed: the lead is the story most outlets carry
	 * (frontpage_pick_lead), then the rest newest first. */
	FRONTPAGE_ALL_FEEDS,
	/* One feed: its first story leads (publishers put their top story
	 * first) and the feed's order stays. */
	FRONTPAGE_ONE_FEED
};

/* Folds n items (each with ->source its feed's title) at threshold into
 * *page. Free with frontpage_free(). */
enum nf_status frontpage_build(struct nf_item *const *items, size_t n,
                               double threshold, enum frontpage_kind kind,
                               struct frontpage *page, struct nf_error *err);
void frontpage_free(struct frontpage *page);

/* The same over fold entries made by the caller (fold_entry_of()'s,
 * with ->source the outlet, else the feed's title): page->items is then
 * NULL, and a story's members index the entries. */
enum nf_status frontpage_fold(const struct fold_entry *entries, size_t n,
                              double threshold, enum frontpage_kind kind,
                              struct frontpage *page, struct nf_error *err);

/* The page of items whose stories are known already (the store keeps
 * them folded, src/stories.h): nstories stories in display order, story
 * i made of the next counts[i] entries of members (item indexes, the
 * lead copy first). Free with frontpage_free(). */
enum nf_status frontpage_from_stories(struct nf_item *const *items,
                                      const size_t *members,
                                      const size_t *counts, size_t nstories,
                                      struct frontpage *page,
                                      struct nf_error *err);

/* Orders a list may be sorted by, besides the page's own. */
enum frontpage_order {
	FRONTPAGE_ORDER_PAGE,		/* as frontpage_build() put them */
	FRONTPAGE_ORDER_DATE,		/* newest copy, newest first; undated last */
	FRONTPAGE_ORDER_FEED,		/* the lead copy's feed, A to Z */
	FRONTPAGE_ORDER_TITLE,		/* the headline, A to Z */
	FRONTPAGE_ORDER_OUTLETS		/* most distinct sources first */
};

/* Sorts the stories after the lead (stories[0] stays first) by order,
 * reversed with reverse; ties keep the page's order. Sorting by
 * FRONTPAGE_ORDER_PAGE with reverse turns the page's order around. 0, or
 * -1 out of memory (the page is then left as it was). */
int frontpage_sort(struct frontpage *page, enum frontpage_order order,
                   int reverse);

/* The lead story (SPEC): among the stories with a copy dated within a
 * day of the newest dated entry (all of them when nothing is dated), the
 * one carried by the most distinct sources; ties to the story whose
 * newest copy is newest, then to the lower story index. Returns a story
 * index into res (0 when it has none). */
size_t frontpage_pick_lead(const struct fold_entry *entries,
                           const struct fold_result *res);

/* The item whose title heads the story of the n items members (the
 * lead copy first), by the headline rule (frontpage.c, README). */
size_t frontpage_headline(struct nf_item *const *items, const size_t *members,
                          size_t n);

/* A story's line: its headline (frontpage_headline()'s title, outlet tail
 * removed) into head, and its source line (the lead copy's: "Outlet via
 * Feed", or the feed) into source. Either may be NULL; both are always
 * terminated. Headline and photo are worked out when asked, so that a
 * page costs what is shown of it. */
void frontpage_story_line(const struct frontpage *page,
                          const struct frontpage_story *st, char *head,
                          size_t hsize, char *source, size_t ssize);

/* The same for one copy: its own title and source; a copy without a
 * title shows the start of its text (then 1 is returned, else 0). */
int frontpage_copy_line(const struct nf_item *it, char *head, size_t hsize,
                        char *source, size_t ssize);

/* The story's picture with its caption, or NULL: the lead copy's, else
 * the first copy's that has a caption. */
const struct nf_image *frontpage_photo(const struct frontpage *page,
                                       const struct frontpage_story *st);

#endif
