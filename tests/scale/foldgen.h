#ifndef NF_TESTS_FOLDGEN_H
#define NF_TESTS_FOLDGEN_H

/*
 * A labelled archive at scale: N items from 20 outlets in English,
 * Japanese and German over some 30 days, built from recurring template
 * families (foldtext.h). About one story in ten is told by 2-5 outlets
 * within hours, each copy varied as outlets vary them (foldvary.h); every
 * other story is distinct, even where its title is another's word for
 * word. Deterministic: one seed and size give the same archive anywhere.
 *
 * The truth: items with the same story are copies of one another. Items
 * that share a dontcare number (a match's preview and its report) may be
 * folded or not; the scorer leaves pairs across them out.
 */

#include <stddef.h>
#include <stdint.h>

#include "src/error.h"
#include "src/fold.h"
#include "tests/scale/foldtext.h"

struct foldgen_feed {
	const char *title;	/* the outlet: its items' source */
	const char *host;	/* links and GUIDs are made from it */
	enum foldtext_lang lang;
	unsigned families;	/* bit (1 << family) for each family it runs */
};

struct foldgen_item {
	const char *title, *summary, *link, *guid;	/* in the archive */
	int64_t time;
	uint32_t story;		/* the truth */
	uint32_t dontcare;	/* 0, or the fixture it previews or reports */
	unsigned short feed;	/* index into foldgen_feeds() */
	unsigned char family;	/* enum foldtext_family */
	unsigned char copy;	/* 0 for the first telling, else which copy */
};

struct foldgen_archive {
	struct foldgen_item *items;	/* in time order */
	size_t n;
	size_t nstories;
	size_t ncopied;		/* stories told by more than one outlet */
	int64_t start;		/* 00:00 UTC of the first day */
	int days;
	struct foldgen_arena *arena;	/* the items' strings */
};

#define FOLDGEN_DAYS 30
#define FOLDGEN_START 1794787200	/* 2026-11-16T00:00:00Z, a Monday */

/* The outlets, n of them; static, never freed. */
const struct foldgen_feed *foldgen_feeds(size_t *n);

/* Builds an archive of exactly n items from seed over FOLDGEN_DAYS days.
 * Free with foldgen_free(). */
enum nf_status foldgen_build(size_t n, uint64_t seed, struct foldgen_archive *out,
                             struct nf_error *err);
void foldgen_free(struct foldgen_archive *a);

/* The archive as fold_stories() takes it, entry i for item i; pointers
 * into a, which must outlive them. Returns a new array (free()), NULL
 * when out of memory. */
struct fold_entry *foldgen_entries(const struct foldgen_archive *a);

#endif
