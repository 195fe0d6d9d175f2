/*
 * Story folding. Each title is normalised into shingles (words and word
 * pairs for spaced scripts, character bigrams for CJK runs) that are
 * interned into small integer ids. An inverted index over the ids gives
 * candidates: each title looks only at the postings of its rarest
 * shingles (prefix filtering: a title that shares at least a fraction t
 * of its shingles with another must share one of its rarest
 * n - ceil(t n) + 1), so the work grows with the number of titles, not
 * their square; and, the entries being in date order, only at those
 * postings dated within the window a story may span (fold_walk()), so
 * a year of news costs a probe no more than its week. Identical titles
 * and identical summary leads are candidates too, and a second index over the leads' shingles finds
 * rewrites. Every candidate pair is verified exactly by fold_same_story()
 * (the rule is written there); the verified pairs then join stories, the
 * most alike first, each only when the copy matches the story as a whole
 * (fold_cluster(), fold_story_accepts()), so that no chain of pairs
 * joins items that share nothing. GUIDs and links join without
 * verification. It runs twice: titles first, then, once the stories so
 * far tell boilerplate from a story's own words, the summary rules.
 *
 * A batch of a block or more runs on two threads where the work is each
 * entry's own: reading (fold_read_all()), reading the leads again for
 * their ids (fold_lead_ids()), indexing the titles beside the first
 * joins (fold_join_before_index()) and the leads beside the title
 * pairs' join (fold_join_all()), and probing (fold_probe_all()). Whatever the threads do, ids are given in
 * entry order on the calling thread and pairs are sorted before they
 * join, so the stories are the same with one thread or two.
 */
#include "autoconfig.h"

#include <limits.h>
#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/mman.h>
#include <time.h>

#include "src/digest.h"
#include "src/fold.h"
#include "src/item.h"
#include "src/title.h"
#include "src/utf8.h"

/* Copies further apart than this (both dated) are different stories. */
#define FOLD_WINDOW_SECONDS (3 * 86400)
/* Shingles carried by more titles than this are too common to find
 * candidates with (they still count when verifying). */
#define FOLD_MAX_POSTINGS 200
/* The lead rule (fold_verify_lead) reads this many bytes of a summary,
 * wants this share of the shorter lead's word pairs in the other lead and
 * at least FOLD_LEAD_MIN of them, and ignores word pairs that summaries
 * of FOLD_BOILER_STORIES different stories carry ("Follow our live
 * coverage", "Sign up for our newsletter"). */
#define FOLD_LEAD_BYTES 200
#define FOLD_LEAD_LABEL 24	/* a first sentence this short is a label */
#define FOLD_DATELINE_MAX 48	/* a wire's dateline is no longer */
#define FOLD_LEAD_SHORT 64	/* a first sentence this short leads on */
#define FOLD_HEADLINE_TAIL 40	/* an outlet's name after a headline */
/* What fold_summary_needed() promises: the label, the lead and a byte
 * to see whether more follow, with room to spare */
#define FOLD_SUMMARY_READ 256
#define FOLD_LEAD_SHARE 0.8
#define FOLD_LEAD_MIN 5
#define FOLD_APART_MIN 3	/* lead shingles each lacks: told apart */
#define FOLD_LEAD_SAME 0.9		/* a lead copied nearly whole ... */
#define FOLD_LEAD_SAME_MIN 12		/* ... over this many shingles ... */
#define FOLD_LEAD_SAME_TITLE 0.4	/* ... lets titles share this times t */
#define FOLD_BOILER_STORIES 4
/* ... or, in a batch of n, n / FOLD_BOILER_SHARE of them (at most
 * FOLD_BOILER_MAX): over a month of news a company's or a union's name
 * recurs in a few stories, and stays evidence; boilerplate recurs in
 * many. */
#define FOLD_BOILER_SHARE 1000
#define FOLD_BOILER_MAX 24
/* A short title (title_informative() under TITLE_SHORT) folds only when
 * the leads are copies too: this share of the shorter lead's shingles,
 * and at least FOLD_SHORT_LEAD_MIN of them. */
#define FOLD_SHORT_LEAD_SHARE 0.6
#define FOLD_SHORT_LEAD_MIN 2
/* Short titles over leads that open with the same sentence of this many
 * characters or more may differ by a word (fold_sentence_copied()) */
#define FOLD_SENTENCE_MIN 32
/* The bytes of a headline the swap checks read (fold_headline_copy()) */
#define FOLD_HEADLINE_MAX 512
/* A dated series' title naming this many strong keys (names, figures)
 * folds over leads that are not copies (fold_series_named()). */
#define FOLD_SERIES_KEYS 3
/* A headline naming this many keys, weak ones too, names one event: a
 * German headline capitalises every noun, so that none of its keys is
 * strong ("FSV Grünwiesen verpflichtet Verteidiger Pascal Wolkenhauer
 * von FC Lindenfurt"), where a template's names two sides and a kind. */
#define FOLD_EVENT_KEYS 5
/* Leads under one headline with a word swapped share this many keys. */
#define FOLD_SWAP_LEAD_KEYS 2
/* ... or, in Chinese or Japanese, tell this many pairs of characters of
 * each other's headline (fold_cjk_echoed()). */
#define FOLD_CJK_ECHO 4
/* A lead copied whole under a Chinese, Japanese or Korean headline names
 * its event when it is this many shingles long (fold_leads_uncased_same()). */
#define FOLD_UNCASED_LEAD FOLD_LEAD_MIN
/* Copies under a title that names its event with a figure may add
 * figures of their own to their leads when told this close together
 * (fold_event_named()); a daily template's next title comes a day on. */
#define FOLD_DETAIL_SECONDS (12 * 3600)
/* A figure and the word after it name a quantity when the word has this
 * many letters ("£183 million", "339 leerlingen"; not "3rd", "5 km"), and
 * a lead names this many quantities at most (fold_quantities()). */
#define FOLD_UNIT_LETTERS 3
#define FOLD_QUANTITIES 16
/* words read after a figure for what it counts (fold_recounted()) */
#define FOLD_COUNTED_WORDS 3
/* Two outlets' own headlines of one event (fold_facts_retold()) are
 * over leads that share this many figures (a weekday is one), and this
 * many names and figures besides the names both headlines tell. */
#define FOLD_RETOLD_FIGURES 2
#define FOLD_RETOLD_KEYS 3
/* ... or one fewer, where the headlines share this many words that both
 * leads tell in lower case. */
#define FOLD_RETOLD_WORDS 2
/* The titles' id table starts with room for this many ids an entry (a
 * title's words and word pairs that no title before had): each time it
 * grows, the new table is written afresh and the old one still held. */
#define FOLD_IDS_PER_ENTRY 8
/* Entries are read a block at a time, so that what is read and waits
 * for ids stays small. The calling thread gives ids to the last block's
 * entries, then reads this block's from the front, FOLD_CHUNK at a time,
 * as the other thread reads them from the back from the start, until
 * they meet: both end together whatever either's entries or the machine
 * cost, where a share of the block set from the last one's times left
 * one thread waiting some 1.5 ms a block. Batches smaller than half a
 * block use one thread. */
#define FOLD_BLOCK 8192
#define FOLD_CHUNK 128
/* What a block's reading holds until its ids are given (its titles'
 * shingles and folded text, its summaries' keys) grows with the block:
 * a batch under 16 blocks is read in blocks of a sixteenth of it, but
 * no fewer than this many entries, so that --dump of a 20,000-item feed
 * does not hold 8,192 entries' worth twice over. */
#define FOLD_BLOCK_MIN 1024
/* Reading the leads again (fold_lead_ids()), both threads read blocks
 * of FOLD_BLOCK entries, the next one not taken, and the calling thread
 * gives each block its ids in entry order as it is read, reading one
 * itself only when the next to take is not ready: reading a lead takes
 * some three times as long as giving its shingles ids, and a fixed
 * share left one thread waiting for the other as the machine slowed
 * either. */
/* Loops over many hashes that each miss the cache (the id table, the
 * bitmap of lead shingles) ask for the one this many ahead. */
#define FOLD_AHEAD 32
/* The bitmap of lead shingles seen twice takes this many bits an entry
 * (two a hash): a private shingle whose bits another sets gets an id it
 * shares with none. */
#define FOLD_LEAD_BITS 512
/* Identical titles: each is a candidate for the next this many. */
#define FOLD_IDENTICAL_NEXT 4
/* A title carried this many times over more than FOLD_WINDOW_SECONDS is
 * a template's (fold_mark_recurring()). */
#define FOLD_RECUR_MIN 6
/* A title cut short with an ellipsis, this many folded bytes or more,
 * says the same as one that goes on from it, over copied leads. */
#define FOLD_CUT_MIN 6
/* A word is common when this many different titles of the batch carry
 * it: n / FOLD_COMMON_SHARE of n titles, within these bounds. */
#define FOLD_COMMON_SHARE 1000
#define FOLD_COMMON_MIN 8
#define FOLD_COMMON_MAX 64
/* A dated series' title names a few things: a place, a kind of item,
 * a date ("Elmbridge weather: sunshine expected on Monday", five words
 * past stopwords). One that writes more than this many such words,
 * figures and dates among them (title_words_written()), tells an event,
 * though each word be common: a headline with its wire's first sentence
 * glued on, "Hospital trust opens seawater pool in Ravensholt: The
 * hospital trust in Ravensholt opened the pool on Thursday", is dated by
 * its glue; a draw's six numbers name the draw. */
#define FOLD_SERIES_WORDS 8
/* A summary's first sentence gives at most this many keys. Leads that
 * each hold a figure the other lacks tell different events; so do leads
 * that each hold FOLD_LEAD_KEYS other keys the other lacks (one may be an
 * outlet's synonym), or under short titles FOLD_SHORT_KEYS. */
#define FOLD_SUMMARY_KEYS 32
#define FOLD_LEAD_KEYS 2
#define FOLD_SHORT_KEYS 1
/* A candidate joins a story when it matches the story's first member and
 * half of the pairs between this many members of each side. */
#define FOLD_SAMPLE 5
/* A GUID or link that this many different titles (or summaries' leads)
 * carry is a site's address given to every item, not an item's
 * (fold_join_address()). */
#define FOLD_ADDRESS_TITLES 3
/* ... or two titles from one feed, looked for among its first entries. */
#define FOLD_ADDRESS_LOOK 64

/* Whether times x and y are both dated and more than FOLD_WINDOW_SECONDS
 * apart. A feed's dates may be any 64-bit times, so the difference is
 * taken unsigned: a signed one may not fit. */
static inline int
fold_apart(int64_t x, int64_t y)
{
	uint64_t d = x > y ? (uint64_t)x - (uint64_t)y : (uint64_t)y - (uint64_t)x;

	return x != NF_NO_DATE && y != NF_NO_DATE && d > FOLD_WINDOW_SECONDS;
}

/* A slot of the table from shingle hashes to ids: key and value side by
 * side in 12 bytes, so that a lookup touches one cache line and the table
 * takes three quarters of the room of a padded struct. Shingle hashes
 * are odd, so lo is never 0 in a used slot. A slot is picked by the
 * hash's high half scaled to the table (fold_slot_of()), so the table
 * takes the slots it needs, not the next power of two: at a million
 * titles, 128 MB for their 6.7 million shingles where a power of two
 * took 201 MB. The table is kept at most three quarters full. */
struct fold_slot {
	uint32_t lo, hi;	/* the hash; lo 0: empty */
	uint32_t id;
};

/* One entry as folding reads it. Offsets are 32 bits (fold_grow() keeps
 * every array below 2^32 elements) and counts 16 (a title reads at most
 * TITLE_READ_MAX bytes, a lead FOLD_LEAD_BYTES): 96 bytes where size_t
 * took 184, 88 MB less at a million entries. */
struct fold_ent {
	uint64_t whole;		/* hash of the flat text */
	uint64_t idbits;	/* title_view_measure() of the ids in sh */
	uint64_t head;		/* ... and of the folded text */
	uint64_t leadhash;	/* fold_lead_whole(); 0: no lead */
	int64_t time;
	uint32_t guid, link;	/* their short hashes (fold_is_address()); 0: none */
	uint32_t sh;		/* ids in ctx->ids, sorted */
	uint32_t key;		/* ids in ctx->keys, sorted */
	uint32_t flat;		/* folded text without spaces in ctx->flat */
	uint32_t lead;		/* summary shingles: ids in ctx->lids, sorted */
	uint32_t skey;		/* the summary's first sentence's keys in
				 * ctx->skeys (title_text_keys()), sorted */
	uint32_t polar;		/* title_polarity()'s low 32 bits ... */
	uint16_t nsh, nkeys, flatlen, nlead, nskeys;	/* how many at each */
	uint16_t nbase;		/* of the ids words or CJK bigrams */
	uint16_t weight;	/* 2 per word, 1 per CJK bigram */
	uint16_t nprivate;	/* more summary shingles, in no other summary */
	uint16_t nlive;		/* all of them but boilerplate */
	unsigned char polarhi;	/* ... and the rest */
	unsigned char inform;	/* title_informative() (at most UCHAR_MAX);
				 * 0 once found generic */
	unsigned char dated : 1;	/* title_is_dated() */
	unsigned char vague : 1;	/* title_vague() */
	unsigned char hangul : 1;	/* title_hangul() */
	unsigned char cut : 1;	/* the title ends in an ellipsis */
	unsigned char boilerlead : 1;	/* the lead is boilerplate, whole */
	unsigned char uncased : 1;	/* title_uncased() */
	unsigned char recurring : 1;	/* fold_mark_recurring() found it */
	unsigned char figured : 1;	/* title_figured() */
	unsigned char leadlen;	/* fold_lead_length(), for the second reading */
	unsigned char words : 7;	/* title_words_written(), at most 127 */
	unsigned char dateonly : 1;	/* title_names_date_only() */
	unsigned char figseq;	/* fold_figure_order() of the lead's keys */
};
_Static_assert(2 * TITLE_SHINGLES_MAX <= UINT16_MAX &&
               TITLE_FLAT_MAX <= UINT16_MAX && FOLD_LEAD_BYTES <= UCHAR_MAX,
               "a count in struct fold_ent fits in 16 bits, a lead's length in 8");
_Static_assert(TITLE_POLAR_BITS <= 40, "a title's polarity fits in 40 bits");
_Static_assert(sizeof(struct fold_ent) == 96, "struct fold_ent stays 96 bytes");

/* A verified pair, waiting to join stories: stronger pairs join first. */
struct fold_edge {
	uint32_t a, b;
	uint32_t score;		/* higher joins first */
	uint32_t ab;		/* 1: verified as fold_same_story(a, b), in this
				 * order, which fold_cluster() need not ask again */
};

struct fold_index {
	uint32_t *off;		/* postings of id k: post[off[k] .. off[k + 1]) */
	uint32_t *post;
	/* while probing, each entry's count of probed shingles by entry: the
	 * walk's length test reads 2 bytes where a struct fold_ent missed
	 * the cache for it (at a million entries they are 96 MB) */
	uint16_t *len;
};

static void
fold_index_free(struct fold_index *ix)
{
	free(ix->off);
	free(ix->post);
	free(ix->len);
	ix->off = ix->post = NULL;
	ix->len = NULL;
}

/* Verified pairs waiting to join stories: the calling thread's, or a
 * probing thread's until it is done (fold_probe_all()). */
struct fold_pairs {
	struct fold_edge *edges;
	size_t nedges, capedges;
	/* candidates with a short title, found before boilerplate is known:
	 * verified again with the summary rules */
	struct fold_edge *later;
	size_t nlater, caplater;
};

struct fold_ctx {
	uint64_t *outlets;	/* hashes of the batch's sources, open addressing */
	size_t noutlets_cap;	/* a power of two, or 0 */
	struct fold_ent *ents;
	size_t n;
	/* by entry, beside ents (whose 96 bytes they would outgrow): where
	 * its lead starts in its summary (fold_lead_start()), and how long
	 * its first sentence is there (fold_sentence_len()), read once */
	unsigned char *leadat, *sentlen;
	uint32_t *ids, *keys, *lids, *skeys;
	size_t nids, capids, nkeys, capkeys, nlids, caplids, nskeys, capskeys;
	char *flat;
	size_t nflat, capflat;
	/* shingle hash -> id, open addressing */
	struct fold_slot *slots;
	size_t hcap, hcount;	/* hcount: the titles' ids */
	size_t nleadids;	/* the leads' ids, a space of their own */
	size_t nleadsh;		/* the leads' shingles as first read */
	unsigned char *kind;	/* per id: enum title_kind */
	unsigned char *lower;	/* per id: some title writes it in lower case */
	unsigned char *boiler;	/* per id: boilerplate in summaries */
	size_t capid, caplower;
	/* the stories so far: union-find, and each story's members as a
	 * ring (next), its size and the times of its first and last copy,
	 * kept at its root */
	uint32_t *parent, *next, *size;
	int64_t *first, *last;
	struct fold_pairs pairs;
	struct fold_index tix;	/* title shingles -> entries (fold_join_before_index()) */
	struct fold_index lix;	/* lead shingles -> entries (fold_join_all()) */
	struct fold_key *leadkeys;	/* fold_group_leads() */
	size_t nleadkeys;
	const struct fold_entry *entries;
	const uint32_t *order;	/* entry i is entries[order[i]]; NULL: entries[i] */
};

/* The entry folding knows as i (fold_stories() may fold in another order
 * than the caller's). */
static const struct fold_entry *
fold_at(const struct fold_ctx *c, size_t i)
{
	return &c->entries[c->order != NULL ? c->order[i] : i];
}

/* The strings of the caller's entries are read in folding's order, which
 * is not theirs when they come out of date order: at a million entries
 * nearly every first byte of a title, summary or link then misses the
 * cache and the TLB. A loop over entries [.., to) at i asks for the
 * strings of the entry FOLD_STRINGS_AHEAD later (summary: the first
 * want bytes; 0: none) and for the struct of the one twice as far, so
 * that its pointers are at hand by then. Inlined by force: gcc finds a
 * function that only prefetches free of effects and drops its calls. */
#define FOLD_STRINGS_AHEAD 6

static inline __attribute__((always_inline)) void
fold_prefetch_bytes(const char *s, size_t want)
{
	size_t k;

	if (s == NULL) {
		return;
	}
	for (k = 0; k < want; k += 64) {
		__builtin_prefetch(s + k);
	}
}

static inline __attribute__((always_inline)) void
fold_entry_prefetch(const struct fold_ctx *c, size_t i, size_t to, int title,
                    size_t summary)
{
	const struct fold_entry *e;

	if (i + 2 * FOLD_STRINGS_AHEAD < to) {
		__builtin_prefetch(fold_at(c, i + 2 * FOLD_STRINGS_AHEAD));
	}
	if (i + FOLD_STRINGS_AHEAD >= to) {
		return;
	}
	e = fold_at(c, i + FOLD_STRINGS_AHEAD);
	if (title) {
		fold_prefetch_bytes(e->title, 128);
		fold_prefetch_bytes(e->link, 1);
		fold_prefetch_bytes(e->id, 1);
		fold_prefetch_bytes(e->source, 1);
	}
	fold_prefetch_bytes(e->summary, summary);
}

/* Runs fn on a and on b, b on a second thread when split asks for one
 * and it starts, else after a on this one. */
static void
fold_run_halves(void *(*fn)(void *), void *a, void *b, int split)
{
	pthread_t th;
	int threaded = split && pthread_create(&th, NULL, fn, b) == 0;

	fn(a);
	if (threaded) {
		pthread_join(th, NULL);
	} else {
		fn(b);
	}
}

/* The two tables read at random, the ids' slots and the bitmap of lead
 * shingles (fold_zeroed()), come in huge pages where the system gives
 * them for the asking: at a million titles nearly every lookup misses
 * the cache, and in small pages the TLB too. */
#define FOLD_HUGE ((size_t)2 << 20)
/* A zeroed array of this size or less has its pages written as it is
 * made: calloc() leaves fresh pages untouched, and an array read before
 * it is written (the ids' slots, the entries) maps each page to the
 * shared zero page on its first read and copies it on its first write,
 * a second fault that interrupts the other core to flush its TLB. A
 * larger one is left to calloc(), whose pages the threads that use them
 * fault in side by side: written here, at a million entries, they held
 * the calling thread a tenth of a second. */
#define FOLD_PREFAULT ((size_t)16 << 20)

/* Asks for huge pages for the 2 MB-aligned inside of [p, p + n), where
 * the system gives them for the asking. Every large array folding makes
 * is fresh memory, and on a virtual machine a fault costs as much as
 * clearing its page, a 2 MB one sometimes more than its 512 small ones:
 * at a million entries, with huge pages for every large array, folding
 * spent 2.8-4.2 s of its processor time in the kernel, with none 1.2 s,
 * and with them for the two tables alone 0.7-1.6 s. Arrays written in
 * order, and the entries, read in order but for the candidates, save
 * little in the TLB. */
static void
fold_advise_huge(void *p, size_t n)
{
#ifdef MADV_HUGEPAGE
	if (p != NULL && n >= 2 * FOLD_HUGE) {
		uintptr_t from = ((uintptr_t)p + FOLD_HUGE - 1) & ~(uintptr_t)(FOLD_HUGE - 1);
		uintptr_t to = ((uintptr_t)p + n) & ~(uintptr_t)(FOLD_HUGE - 1);

		madvise((void *)from, to - from, MADV_HUGEPAGE);
	}
#else
	(void)p;
	(void)n;
#endif
}

/* malloc() and calloc() for folding's arrays, never NULL for none. */
static void *
fold_alloc(size_t n, size_t size)
{
	return malloc(n ? n * size : 1);
}

static void *
fold_calloc(size_t n, size_t size)
{
	return calloc(n ? n : 1, size);
}

/* A zeroed array of n bytes, for a table read at random (random) in
 * huge pages when large; free with free(). */
static void *
fold_zeroed(size_t n, int random)
{
	void *p = n > FOLD_PREFAULT ? calloc(1, n) : malloc(n ? n : 1);

	if (random) {
		fold_advise_huge(p, n);
	}
	if (p != NULL && n <= FOLD_PREFAULT) {
		memset(p, 0, n ? n : 1);
	}
	return p;
}

/* Reallocates *p to ncap of size. */
static int
fold_resize(void **p, size_t *cap, size_t ncap, size_t size)
{
	void *np = realloc(*p, ncap * size);

	if (np == NULL) {
		return -1;
	}
	*p = np;
	*cap = ncap;
	return 0;
}

static int
fold_grow(void **p, size_t *cap, size_t need, size_t size)
{
	size_t ncap = *cap ? *cap : 64;

	if (need <= *cap) {
		return 0;
	}
	if (need > UINT32_MAX) {
		return -1;	/* offsets into it are 32 bits (struct fold_ent) */
	}
	while (ncap < need) {
		ncap *= 2;
	}
	return fold_resize(p, cap, ncap, size);
}

/* Makes room in *p for need of size, exactly, where fold_grow() would
 * double: for arrays whose final size is known or well guessed. */
static int
fold_reserve(void **p, size_t *cap, size_t need, size_t size)
{
	if (need <= *cap) {
		return 0;
	}
	return need > UINT32_MAX ? -1 : fold_resize(p, cap, need, size);
}

/* Gives back the spare room of a grown array (*p holds n of size). */
static void
fold_trim(void **p, size_t *cap, size_t n, size_t size)
{
	void *np;

	if (*p == NULL || n == 0 || n >= *cap) {
		return;
	}
	if ((np = realloc(*p, n * size)) != NULL) {
		*p = np;
		*cap = n;
	}
}

/* The first slot to try for hash h in a table of cap slots (below
 * 2^32): the high half of h times cap, over 2^32, once h is multiplied
 * by an odd constant. A CJK bigram's hash is one step of title.c's
 * hash, whose high bits hardly vary with two code points below U+10000:
 * read unmixed, a Japanese feed's bigrams fell into a few runs of
 * slots, and a lookup took over a hundred steps. */
static size_t
fold_slot_of(uint64_t h, size_t cap)
{
	h *= 0x9E3779B97F4A7C15ULL;
	return (size_t)(((h >> 32) * (uint64_t)cap) >> 32);
}

/* The slot after j, in a table of cap slots. */
static size_t
fold_slot_next(size_t j, size_t cap)
{
	return j + 1 < cap ? j + 1 : 0;
}

/* Asks the cache for the slot hash h will look at first: at a million
 * titles the table is 128 MB and nearly every lookup misses, so the
 * loops that intern many hashes ask a few ahead. */
static void
fold_slot_prefetch(const struct fold_ctx *c, uint64_t h)
{
	if (c->slots != NULL) {
		__builtin_prefetch(&c->slots[fold_slot_of(h, c->hcap)]);
	}
}

/* Moves the table to one of twice the slots, or of room for want ids
 * at most three quarters full, whichever is more. */
static int
fold_rehash(struct fold_ctx *c, size_t want)
{
	size_t ncap = c->hcap ? c->hcap * 2 : 1024, i;
	struct fold_slot *k;

	if (ncap / 4 * 3 < want) {
		ncap = want / 3 * 4 + 4;
	}
	if (ncap > UINT32_MAX) {
		return -1;	/* fold_slot_of() scales by 32 bits */
	}
	if ((k = fold_zeroed(ncap * sizeof(*k), 1)) == NULL) {
		return -1;
	}
	for (i = 0; i < c->hcap; i++) {
		size_t j;

		if (i + FOLD_AHEAD < c->hcap && c->slots[i + FOLD_AHEAD].lo != 0) {
			const struct fold_slot *s = &c->slots[i + FOLD_AHEAD];

			__builtin_prefetch(&k[fold_slot_of((uint64_t)s->hi << 32 | s->lo,
			                                   ncap)], 1);
		}
		if (c->slots[i].lo == 0) {
			continue;
		}
		uint64_t h = (uint64_t)c->slots[i].hi << 32 | c->slots[i].lo;

		for (j = fold_slot_of(h, ncap); k[j].lo != 0;
		     j = fold_slot_next(j, ncap)) {
		}
		k[j] = c->slots[i];
	}
	free(c->slots);
	c->slots = k, c->hcap = ncap;
	return 0;
}

/* Returns the id of shingle h (new ids get a zero count), or -1 when out
 * of memory. */
/* The slot of hash h: its own, or the empty one where it goes. */
static size_t
fold_slot_find(const struct fold_ctx *c, uint64_t h)
{
	size_t j;

	for (j = fold_slot_of(h, c->hcap); c->slots[j].lo != 0;
	     j = fold_slot_next(j, c->hcap)) {
		if (c->slots[j].lo == (uint32_t)h &&
		    c->slots[j].hi == (uint32_t)(h >> 32)) {
			break;
		}
	}
	return j;
}

static long long
fold_intern(struct fold_ctx *c, uint64_t h, int kind)
{
	size_t j;

	if ((c->hcount + 1) * 4 > c->hcap * 3 && fold_rehash(c, 0) != 0) {
		return -1;
	}
	if (c->slots[j = fold_slot_find(c, h)].lo != 0) {
		return c->slots[j].id;
	}
	if (fold_grow((void **)&c->kind, &c->capid, c->hcount + 1, 1) != 0 ||
	    fold_grow((void **)&c->lower, &c->caplower, c->hcount + 1, 1) != 0) {
		return -1;
	}
	c->kind[c->hcount] = (unsigned char)kind;
	c->lower[c->hcount] = 0;
	c->slots[j].lo = (uint32_t)h;
	c->slots[j].hi = (uint32_t)(h >> 32);
	c->slots[j].id = (uint32_t)c->hcount;
	return (long long)c->hcount++;
}

static int
fold_push_id(struct fold_ctx *c, uint64_t h, int kind)
{
	long long id = fold_intern(c, h, kind);

	if (id < 0 || fold_grow((void **)&c->ids, &c->capids, c->nids + 1,
	                        sizeof(*c->ids)) != 0) {
		return -1;
	}
	c->ids[c->nids++] = (uint32_t)id;
	return 0;
}

static int
fold_cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return (x > y) - (x < y);
}

/* Sorts v[0..n) and drops repeats; returns the new length. */
static size_t
fold_sort_unique(uint32_t *v, size_t n)
{
	size_t i, m = 0;

	if (n == 0) {
		return 0;	/* v may be NULL */
	}
	if (n <= 48) {
		/* a title's few dozen ids: insertion sort beats qsort's calls */
		for (i = 1; i < n; i++) {
			uint32_t x = v[i];

			for (m = i; m > 0 && v[m - 1] > x; m--) {
				v[m] = v[m - 1];
			}
			v[m] = x;
		}
		m = 0;
	} else {
		qsort(v, n, sizeof(*v), fold_cmp_u32);
	}
	for (i = 0; i < n; i++) {
		if (m == 0 || v[m - 1] != v[i]) {
			v[m++] = v[i];
		}
	}
	return m;
}

static int
fold_push_key(struct fold_ctx *c, uint32_t key)
{
	if (fold_grow((void **)&c->keys, &c->capkeys, c->nkeys + 1,
	              sizeof(*c->keys)) != 0) {
		return -1;
	}
	c->keys[c->nkeys++] = key;
	return 0;
}

/* Gives lead shingle h its id, in the table that holds the leads' own
 * ids once the titles' have gone, and appends it to c->lids. */
static int
fold_push_lid(struct fold_ctx *c, uint64_t h)
{
	size_t j;

	if (((c->nleadids + 1) * 4 > c->hcap * 3 && fold_rehash(c, 0) != 0) ||
	    fold_grow((void **)&c->lids, &c->caplids, c->nlids + 1,
	              sizeof(*c->lids)) != 0) {
		return -1;
	}
	if (c->slots[j = fold_slot_find(c, h)].lo == 0) {
		c->slots[j].lo = (uint32_t)h;
		c->slots[j].hi = (uint32_t)(h >> 32);
		c->slots[j].id = (uint32_t)c->nleadids++;
	}
	c->lids[c->nlids++] = c->slots[j].id;
	return 0;
}

/* A summary lead's shingles before they get ids (title_text_scan()):
 * word pairs, as titles make them, and CJK bigrams. Pairs tell a copied
 * sentence from one that only shares its words; the first sentence is
 * the one that outlets copy, where each adds its own after it. */
struct fold_lead {
	struct title_shingle sh[FOLD_LEAD_BYTES];
	size_t n;
};

/* Whether the "." at s[at] ends no sentence: it closes an ordinal of
 * one or two digits ("am 30. Spieltag", "3. Liga", as German and the
 * Nordic and Slavic languages write them), an initial or a letter that
 * stands alone ("U.S. officials", "J. Smith", "z. B."), or a title or
 * an abbreviation before a name or a day ("Mr. Harlow", "St.", "Acme
 * Corp.", "on Dec. 3"). A lead cut there left the figures and names
 * after it out: two match reports of one fixture, "... am 30. Spieltag
 * 22 Tore" and "... 51 Tore", had one lead. */
static int
fold_dot_inside(const char *s, size_t at)
{
	static const char *const titles[] = {
		"Mr", "Mrs", "Ms", "Dr", "St", "Prof", "Gen", "Gov", "Sen", "Rep",
		"Lt", "Col", "Sgt", "Capt", "Jr", "Sr", "Nr", "No", "Mt", "Ft",
		"Corp", "Inc", "Co", "Ave", "vs",
		/* months as wires abbreviate them before a day: "on Dec. 3" */
		"Jan", "Feb", "Aug", "Sept", "Oct", "Nov", "Dec",
	};
	size_t k = at, i;

	while (k > 0 && s[k - 1] >= '0' && s[k - 1] <= '9') {
		k--;
	}
	if (at - k >= 1 && at - k <= 2) {
		return k == 0 || s[k - 1] == ' ';
	}
	while (k > 0 && ((s[k - 1] >= 'a' && s[k - 1] <= 'z') ||
	                 (s[k - 1] >= 'A' && s[k - 1] <= 'Z'))) {
		k--;
	}
	if (k > 0 && s[k - 1] != ' ' && s[k - 1] != '.') {
		return 0;
	}
	if (at - k == 1) {
		return 1;
	}
	for (i = 0; i < sizeof(titles) / sizeof(titles[0]); i++) {
		if (strlen(titles[i]) == at - k &&
		    strncmp(s + k, titles[i], at - k) == 0) {
			return 1;
		}
	}
	return 0;
}

/* Whether ch is a blank that may follow a sentence's end: a summary
 * made from paragraphs holds a line break there. */
static int
fold_blank(char ch)
{
	return ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r';
}

/* Whether text other than blanks follows at s. */
static int
fold_more(const char *s)
{
	while (fold_blank(*s)) {
		s++;
	}
	return *s != '\0';
}

/* The length of a summary's lead: its first sentence (to the first "。",
 * ". ", "! " or "? ", or the same before a line break, but for the dot
 * of an ordinal, an initial, a title or a month, fold_dot_inside()), at
 * most FOLD_LEAD_BYTES cut at a space. *cut says whether the sentence
 * was cut short, by the bytes or by an ellipsis that ends the summary,
 * so that its last word may be broken. */
static size_t
fold_lead_length(const char *summary, int *cut)
{
	/* the bytes that may end the lead: one test a byte for the others */
	static const unsigned char may_end[256] = {
		[0] = 1, ['.'] = 1, ['!'] = 1, ['?'] = 1, [0xe3] = 1,
	};
	size_t len = 0;
	int figure = 0;

	while (len < FOLD_LEAD_BYTES) {
		char ch = summary[len];

		if (!may_end[(unsigned char)ch]) {
			figure |= ch >= '0' && ch <= '9';
			len++;
			continue;
		}
		if (ch == '\0') {
			break;
		}
		if ((ch == '\xe3' && strncmp(summary + len, "\xe3\x80\x82", 3) == 0) ||
		    (ch != '\xe3' && fold_blank(summary[len + 1]) &&
		     !(ch == '.' && fold_dot_inside(summary, len)))) {
			if (ch != '\xe3' && len < FOLD_LEAD_SHORT && !figure &&
			    fold_more(summary + len + 1)) {
				len++;
				continue;
			}
			*cut = 0;
			return len;
		}
		len++;
	}
	if (summary[len] == '\0') {
		*cut = len >= 3 && (strcmp(summary + len - 3, "...") == 0 ||
		                    strcmp(summary + len - 3, "\xe2\x80\xa6") == 0);
		return len;
	}
	while (len > 0 && summary[len] != ' ') {
		len--;
	}
	*cut = 1;
	return len;
}

size_t
fold_summary_needed(size_t title_len)
{
	_Static_assert(FOLD_LEAD_LABEL <= FOLD_DATELINE_MAX &&
	               FOLD_DATELINE_MAX + FOLD_LEAD_BYTES + 8 <= FOLD_SUMMARY_READ,
	               "a kept summary holds the label or dateline and the lead");
	/* the glued-summary rule (title.c's unglue()) reads as many bytes
	 * as the title has, after the summary's leading blank, and
	 * fold_summary_headline() an outlet's name past them */
	size_t need = title_len + FOLD_HEADLINE_TAIL + 8;

	return need > FOLD_SUMMARY_READ ? need : FOLD_SUMMARY_READ;
}

/* The length of a dash that ends a dateline at s (" - ", " -- ", " – ",
 * " — " and the blanks after it), or 0. */
static size_t
fold_dateline_dash(const char *s)
{
	size_t n = 0;

	if (s[0] != ' ') {
		return 0;
	}
	if (s[1] == '-') {
		n = s[2] == '-' ? 3 : 2;
	} else if (strncmp(s + 1, "\xe2\x80\x93", 3) == 0 ||
	           strncmp(s + 1, "\xe2\x80\x94", 3) == 0) {
		n = 4;
	}
	if (n == 0 || s[n] != ' ') {
		return 0;
	}
	while (s[n] == ' ') {
		n++;
	}
	return n;
}

/* Whether the len bytes at s are a dateline's place and date before its
 * dash: a place of at most four words with the agency in parentheses
 * after it ("CASTLEFEN, May 5 (Meridian Wire)", "Trévaudan (AAP)"),
 * letters in them and no figure, or a place in capitals with a date
 * after its comma ("ROMA, 5 MAG"). */
static int
fold_dateline_head(const char *s, size_t len)
{
	const char *open = len > 0 && s[len - 1] == ')' ? memchr(s, '(', len) : NULL;
	const char *comma = memchr(s, ',', len), *p;
	size_t words = 1, caps = 0;

	for (p = s; p < s + len && *p != '(' && *p != ','; p++) {
		words += *p == ' ' && p[1] != '(' && p[1] != ',';
		caps += (*p >= 'A' && *p <= 'Z') || (unsigned char)*p >= 0x80;
		if (*p >= 'a' && *p <= 'z') {
			caps = 0;
		}
	}
	if (words > 4) {
		return 0;
	}
	if (open != NULL) {
		size_t in = (size_t)(s + len - 1 - open - 1);

		for (p = open + 1; p < s + len - 1; p++) {
			if (*p >= '0' && *p <= '9') {
				return 0;
			}
		}
		return open > s && open[-1] == ' ' && in >= 2 && in <= 32 &&
		       ((open[1] >= 'A' && open[1] <= 'Z') || (unsigned char)open[1] >= 0x80);
	}
	if (comma == NULL || caps < 3) {
		return 0;
	}
	for (p = comma; p < s + len; p++) {
		if (*p >= '0' && *p <= '9') {
			return 1;
		}
	}
	return 0;
}

/* The bytes of a wire's dateline at the start of summary, or 0: a place
 * (and date, and agency) and a dash ("CASTLEFEN, May 5 (Meridian Wire) -
 * ", "ROMA, 5 MAG - "), or a Chinese wire's "...5月4日电" and the
 * reporter after it. Its date and agency are no facts of the story: an
 * outlet that tells the wire's story in its own words writes neither,
 * and they made each lead hold keys the other lacked. */
static size_t
fold_dateline(const char *s)
{
	const char *telegram;
	size_t i, n;

	if ((s[0] >= 'A' && s[0] <= 'Z') || ((unsigned char)s[0] >= 0xc3 &&
	                                     (unsigned char)s[0] < 0xe0)) {
		for (i = 1; i < FOLD_DATELINE_MAX && s[i] != '\0'; i++) {
			if (s[i] == '.' && s[i + 1] == ' ') {
				return 0;
			}
			if ((n = fold_dateline_dash(s + i)) > 0) {
				return fold_dateline_head(s, i) && s[i + n] != '\0' &&
				       i + n <= FOLD_DATELINE_MAX ? i + n : 0;
			}
		}
		return 0;
	}
	/* "新华社北京5月4日电（记者 ...）": 日电 after a figure */
	if ((unsigned char)s[0] < 0xe0 ||
	    (telegram = strstr(s, "\xe6\x97\xa5\xe7\x94\xb5")) == NULL ||
	    telegram - s > 36 || telegram == s || telegram[-1] < '0' || telegram[-1] > '9') {
		return 0;
	}
	i = (size_t)(telegram - s) + 6;
	if (strncmp(s + i, "\xef\xbc\x88", 3) == 0) {	/* （ */
		const char *close = strstr(s + i, "\xef\xbc\x89");

		if (close == NULL || close - s > FOLD_DATELINE_MAX - 3) {
			return 0;
		}
		i = (size_t)(close - s) + 3;
	}
	while (s[i] == ' ' || strncmp(s + i, "\xe3\x80\x80", 3) == 0) {
		i += s[i] == ' ' ? 1 : 3;
	}
	return s[i] != '\0' && i <= FOLD_DATELINE_MAX ? i : 0;
}

/* Where a summary's lead starts: past a wire's dateline (fold_dateline()),
 * or past a first sentence in capitals, shorter than FOLD_LEAD_LABEL
 * bytes, that more text follows, which is a label, not the story ("FOR
 * IMMEDIATE RELEASE. Acme Corp today announced ..."): under one
 * boilerplate title, the lead that tells one release from another is
 * the sentence after it. */
static size_t
fold_lead_start(const char *summary)
{
	size_t i, skip;

	if ((skip = fold_dateline(summary)) > 0) {
		return skip;
	}

	/* most summaries show a lower-case letter within a few bytes:
	 * the check ends there */
	for (i = 0; i < FOLD_LEAD_LABEL && summary[i] != '\0'; i++) {
		char ch = summary[i];

		if ((unsigned char)ch >= 0x80 || (ch >= 'a' && ch <= 'z')) {
			return 0;
		}
		if ((ch == '.' || ch == '!' || ch == '?') && summary[i + 1] == ' ') {
			for (skip = i + 1; summary[skip] == ' '; skip++) {
			}
			return summary[skip] != '\0' ? skip : 0;
		}
	}
	return 0;
}

/* Where the two bits (seen once, seen twice) of hash h are in a map of
 * 2^bits pairs, side by side so that one cache line holds both: the
 * word, and the shift of "once" in it. */
static _Atomic uint64_t *
fold_bits_at(_Atomic uint64_t *map, unsigned bits, uint64_t h, unsigned *shift)
{
	uint64_t at = (h >> 7) & (((uint64_t)1 << bits) - 1);

	*shift = (unsigned)(at & 31) * 2;
	return &map[at >> 5];
}

/* Sets "once" for h, and "twice" when "once" was set. Reading threads
 * set bits side by side: the map ends the same whichever sets first. */
static void
fold_bits_set(_Atomic uint64_t *map, unsigned bits, uint64_t h)
{
	unsigned sh;
	_Atomic uint64_t *w = fold_bits_at(map, bits, h, &sh);

	uint64_t once = (uint64_t)1 << sh;

	/* one bit's old value alone: a "lock bts", not a loop */
	if ((atomic_fetch_or_explicit(w, once, memory_order_relaxed) & once) != 0) {
		atomic_fetch_or_explicit(w, (uint64_t)2 << sh, memory_order_relaxed);
	}
}

/* Whether "twice" is set for h. */
static int
fold_bits_twice(_Atomic uint64_t *map, unsigned bits, uint64_t h)
{
	unsigned sh;
	_Atomic uint64_t *w = fold_bits_at(map, bits, h, &sh);

	return (atomic_load_explicit(w, memory_order_relaxed) >> sh & 2) != 0;
}

/* A hash of a lead's shingles in order: equal for equal leads. */
static uint64_t
fold_lead_whole(const struct fold_lead *ld)
{
	uint64_t h = 0xcbf29ce484222325ULL;
	size_t k;

	for (k = 0; k < ld->n; k++) {
		h = (h ^ ld->sh[k].hash) * 0x100000001b3ULL;
	}
	return h | 1;
}

/* The lead's hash h with its keys (n at k) mixed in: in CJK text the
 * figures make no shingle, and "松山市は1月6日（水）の午前11時から停電"
 * is not the lead of 1月13日's notice, word for word as its shingles
 * are. */
static uint64_t
fold_lead_keyed(uint64_t h, const uint32_t *k, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		h = (h ^ k[i]) * 0x100000001b3ULL;
	}
	return h | 1;
}

/* The bitmap of lead shingles seen twice (fold_bits_set()), set as the
 * entries are read. The shingles themselves are not kept: at a million
 * entries they are 24 million hashes, more room than any other array,
 * and reading the leads again once the bitmap is complete
 * (fold_lead_ids()) costs less than holding them. */
struct fold_leadset {
	_Atomic uint64_t *map;
	unsigned bits;
};

/* Asks the cache for the bits of hash h in ls's bitmap. */
static void
fold_bits_prefetch(const struct fold_leadset *ls, uint64_t h)
{
	unsigned sh;

	__builtin_prefetch((const void *)fold_bits_at(ls->map, ls->bits, h, &sh));
}

/* How many hashes the bitmap saw twice, at least (two may share bits):
 * the leads' id table is sized from it. */
static size_t
fold_bits_count_twice(const struct fold_leadset *ls)
{
	size_t i, n = 0, words = (size_t)1 << (ls->bits - 5);

	for (i = 0; i < words; i++) {
		uint64_t w = atomic_load_explicit(&ls->map[i], memory_order_relaxed);

		n += (size_t)__builtin_popcountll(w & 0xaaaaaaaaaaaaaaaaULL);
	}
	return n;
}

/* The entries [from, to) read a second time: the shingles of each lead
 * that the bitmap saw twice are appended to h; each entry's nlead
 * becomes how many, its nprivate how many others. */
struct fold_reread {
	struct fold_ctx *c;
	const struct fold_leadset *ls;
	size_t from, to;
	uint64_t *h;
	size_t nh, caph;
	struct title_words *w;	/* scratch */
	struct fold_lead *ld;	/* scratch: two, this entry's and the last's */
	int rc;
};

/* Reads entry i's lead into ld (none: ld->n is 0) and asks the cache
 * for its bits, which fold_reread_keep() reads an entry later. */
static void
fold_reread_hash(struct fold_reread *r, size_t i, struct fold_lead *ld)
{
	const char *summary = fold_at(r->c, i)->summary;
	size_t k;

	ld->n = 0;
	if (summary == NULL || r->c->ents[i].nlead == 0) {
		return;
	}
	summary += fold_lead_start(summary);
	/* only the shingles now: the words need not be kept */
	ld->n = title_text_scan(r->w, summary, r->c->ents[i].leadlen, 0, NULL, 0,
	                        NULL, ld->sh, FOLD_LEAD_BYTES);
	for (k = 0; k < ld->n; k++) {
		fold_bits_prefetch(r->ls, ld->sh[k].hash);
	}
}

/* Keeps the hashes of entry i's lead ld that the bitmap saw twice. */
static int
fold_reread_keep(struct fold_reread *r, size_t i, const struct fold_lead *ld)
{
	struct fold_ent *fe = &r->c->ents[i];
	size_t k, kept = 0;

	if (ld->n == 0) {
		return 0;
	}
	if (fold_grow((void **)&r->h, &r->caph, r->nh + ld->n,
	              sizeof(*r->h)) != 0) {
		return -1;
	}
	for (k = 0; k < ld->n; k++) {
		if (fold_bits_twice(r->ls->map, r->ls->bits, ld->sh[k].hash)) {
			r->h[r->nh + kept++] = ld->sh[k].hash;
		}
	}
	fe->nprivate = (uint16_t)(ld->n - kept);
	fe->nlead = (uint16_t)kept;
	r->nh += kept;
	return 0;
}

static void *
fold_reread_run(void *arg)
{
	struct fold_reread *r = arg;
	size_t i;

	for (i = r->from; i < r->to && r->rc == 0; i++) {
		fold_entry_prefetch(r->c, i, r->to, 0, FOLD_DATELINE_MAX + FOLD_LEAD_BYTES);
		fold_reread_hash(r, i, &r->ld[i & 1]);
		if (i > r->from) {
			r->rc = fold_reread_keep(r, i - 1, &r->ld[(i - 1) & 1]);
		}
	}
	if (r->rc == 0 && r->to > r->from) {
		r->rc = fold_reread_keep(r, r->to - 1, &r->ld[(r->to - 1) & 1]);
	}
	return NULL;
}

/* Gives the entries [from, to), reread into h (each entry's nlead of
 * them in turn), their leads' ids, asking the cache for each slot
 * FOLD_AHEAD hashes early across entries. */
static int
fold_take_leads(struct fold_ctx *c, size_t from, size_t to, const uint64_t *h,
                size_t nh)
{
	size_t i, at = 0;

	for (i = from; i < to; i++) {
		struct fold_ent *fe = &c->ents[i];
		size_t end = at + fe->nlead;

		fe->lead = (uint32_t)c->nlids;
		for (; at < end; at++) {
			if (at + FOLD_AHEAD < nh) {
				fold_slot_prefetch(c, h[at + FOLD_AHEAD]);
			}
			if (fold_push_lid(c, h[at]) != 0) {
				return -1;
			}
		}
		fe->nlead = c->nlids > fe->lead ?
			(uint16_t)fold_sort_unique(c->lids + fe->lead, c->nlids - fe->lead) : 0;
		c->nlids = fe->lead + fe->nlead;
		fe->nlive = fe->nlead + fe->nprivate;
	}
	return 0;
}

/* The blocks of the second reading, FOLD_BLOCK entries each: block j's
 * kept hashes (fold_reread_keep()) are chunk[j] once ready; next is the
 * first block no thread has taken to read; a failed reading sets
 * failed. */
struct fold_handoff {
	pthread_mutex_t mu;
	pthread_cond_t cv;
	size_t n, nblocks, next;
	int failed;
	struct fold_chunk {
		uint64_t *h;	/* free with free() */
		size_t nh;
		int ready;
	} *chunk;
};

/* Takes the next block to read; returns 0 when none is left. */
static int
fold_claim_block(struct fold_handoff *ho, size_t *j)
{
	int got;

	pthread_mutex_lock(&ho->mu);
	got = ho->next < ho->nblocks && !ho->failed;
	if (got) {
		*j = ho->next++;
	}
	pthread_mutex_unlock(&ho->mu);
	return got;
}

/* Reads block j with r's scratch and hands its hashes over. */
static void
fold_reread_block(struct fold_handoff *ho, struct fold_reread *r, size_t j)
{
	r->from = j * FOLD_BLOCK;
	r->to = ho->n - r->from > FOLD_BLOCK ? r->from + FOLD_BLOCK : ho->n;
	r->h = NULL, r->nh = r->caph = 0;
	fold_reread_run(r);
	pthread_mutex_lock(&ho->mu);
	ho->chunk[j].h = r->h, ho->chunk[j].nh = r->nh;
	ho->chunk[j].ready = 1;
	ho->failed |= r->rc != 0;
	pthread_cond_signal(&ho->cv);
	pthread_mutex_unlock(&ho->mu);
	r->h = NULL;
}

struct fold_rereader {
	struct fold_handoff *ho;
	struct fold_reread *r;
};

/* The other thread: reads blocks while any is left. */
static void *
fold_reread_blocks(void *arg)
{
	struct fold_rereader *rr = arg;
	size_t j;

	while (fold_claim_block(rr->ho, &j)) {
		fold_reread_block(rr->ho, rr->r, j);
	}
	return NULL;
}

/* Waits until block j is ready, reading blocks with r's scratch while
 * it is not and some are left; returns -1 when a reading failed. */
static int
fold_await_block(struct fold_handoff *ho, struct fold_reread *r, size_t j)
{
	size_t k;
	int ready;

	for (;;) {
		pthread_mutex_lock(&ho->mu);
		ready = ho->chunk[j].ready || ho->failed;
		pthread_mutex_unlock(&ho->mu);
		if (ready || !fold_claim_block(ho, &k)) {
			break;
		}
		fold_reread_block(ho, r, k);
	}
	pthread_mutex_lock(&ho->mu);
	while (!ho->chunk[j].ready && !ho->failed) {
		pthread_cond_wait(&ho->cv, &ho->mu);
	}
	ready = !ho->failed;
	pthread_mutex_unlock(&ho->mu);
	return ready ? 0 : -1;
}

/* Gives the leads of every block their ids, in entry order, each as
 * soon as it is read, and frees its hashes. */
static int
fold_take_blocks(struct fold_ctx *c, struct fold_handoff *ho,
                 struct fold_reread *r)
{
	size_t j, from;
	int rc = 0;

	for (j = 0; rc == 0 && j < ho->nblocks; j++) {
		from = j * FOLD_BLOCK;
		rc = fold_await_block(ho, r, j);
		if (rc == 0) {
			rc = fold_take_leads(c, from, c->n - from > FOLD_BLOCK ?
			                     from + FOLD_BLOCK : c->n,
			                     ho->chunk[j].h, ho->chunk[j].nh);
		}
		free(ho->chunk[j].h);
		ho->chunk[j].h = NULL;
	}
	return rc;
}

/* Gives the summary leads' shingles ids, once the titles' table has
 * gone. Most lead shingles are in no other lead, and giving each an id
 * would fill the table with them: the bitmap marked the hashes seen
 * twice (a collision only gives a private shingle an id); those get ids
 * of their own (no title's id is ever compared with a lead's), the
 * others are only counted. The leads are read again, a block at a time
 * on two threads (fold_take_blocks()); ids are given in entry order. */
static int
fold_lead_ids(struct fold_ctx *c, const struct fold_leadset *ls)
{
	struct fold_reread r[2];
	struct fold_handoff ho;
	struct fold_rereader other;
	size_t want = fold_bits_count_twice(ls), i;
	pthread_t th;
	int threaded = 0, rc = -1;

	free(c->slots);
	c->slots = NULL;
	c->hcap = 0;
	memset(r, 0, sizeof(r));
	memset(&ho, 0, sizeof(ho));
	ho.n = c->n;
	ho.nblocks = (c->n + FOLD_BLOCK - 1) / FOLD_BLOCK;
	ho.chunk = fold_calloc(ho.nblocks + 1, sizeof(*ho.chunk));
	for (i = 0; i < 2; i++) {
		r[i].c = c, r[i].ls = ls;
		r[i].w = title_words_new();
		r[i].ld = malloc(2 * sizeof(*r[i].ld));
		if (r[i].w == NULL || r[i].ld == NULL) {
			goto out;
		}
	}
	if (ho.chunk == NULL || fold_rehash(c, want + want / 4) != 0 ||
	    fold_reserve((void **)&c->lids, &c->caplids, c->nleadsh + 64,
	                 sizeof(*c->lids)) != 0 ||
	    pthread_mutex_init(&ho.mu, NULL) != 0) {
		goto out;
	}
	if (pthread_cond_init(&ho.cv, NULL) != 0) {
		pthread_mutex_destroy(&ho.mu);
		goto out;
	}
	other.ho = &ho, other.r = &r[1];
	threaded = c->n >= FOLD_BLOCK &&
	           pthread_create(&th, NULL, fold_reread_blocks, &other) == 0;
	rc = fold_take_blocks(c, &ho, &r[0]);
	if (rc != 0) {
		/* the other thread takes no more blocks */
		pthread_mutex_lock(&ho.mu);
		ho.failed = 1;
		pthread_mutex_unlock(&ho.mu);
	}
	if (threaded) {
		pthread_join(th, NULL);
	}
	pthread_cond_destroy(&ho.cv);
	pthread_mutex_destroy(&ho.mu);
out:
	for (i = 0; ho.chunk != NULL && i < ho.nblocks; i++) {
		free(ho.chunk[i].h);
	}
	free(ho.chunk);
	for (i = 0; i < 2; i++) {
		free(r[i].h);
		title_words_free(r[i].w);
		free(r[i].ld);
	}
	return rc;
}

/* Gives a title's shingles sh[0..n) ids, in reading order: into c->ids,
 * its keys into c->keys. The ahead shingles after them are the next
 * titles': their slots are asked of the cache FOLD_AHEAD lookups early,
 * across titles, so that the misses overlap. */
static int
fold_intern_title(struct fold_ctx *c, const struct title_shingle *sh, size_t n,
                  size_t ahead)
{
	size_t i;
	uint32_t id;

	for (i = 0; i < n; i++) {
		if (i + FOLD_AHEAD < n + ahead) {
			fold_slot_prefetch(c, sh[i + FOLD_AHEAD].hash);
		}
		if (fold_push_id(c, sh[i].hash, sh[i].kind) != 0) {
			return -1;
		}
		id = c->ids[c->nids - 1];
		if (sh[i].lower) {
			c->lower[id] = 1;
		}
		if (sh[i].key != TITLE_KEY_NONE &&
		    fold_push_key(c, id | title_key_bits(sh[i].key)) != 0) {
			return -1;
		}
	}
	return 0;
}

/* The title of entry e as title.c's rule reads it. */
static struct title_view
fold_view(const struct fold_ctx *c, const struct fold_ent *e)
{
	struct title_view v;

	/* The arrays stay NULL until a title gives them a first element, and
	 * NULL + 0 is undefined, hence the guards. */
	v.ids = c->ids != NULL ? c->ids + e->sh : NULL;
	v.nids = e->nsh;
	v.keys = c->keys != NULL ? c->keys + e->key : NULL;
	v.nkeys = e->nkeys;
	v.flat = c->flat != NULL ? c->flat + e->flat : NULL;
	v.flatlen = e->flatlen;
	v.nbase = e->nbase;
	v.weight = e->weight;
	v.idbits = e->idbits;
	v.head = e->head;
	v.polar = (uint64_t)e->polarhi << 32 | e->polar;
	return v;
}

/* FNV-1a over the bytes of s; never 0 for a string that is not empty
 * (0 marks "none") */
static uint64_t
fold_str_hash(const char *s)
{
	uint64_t h = 0xcbf29ce484222325ULL;

	for (; *s != '\0'; s++) {
		h = (h ^ (unsigned char)*s) * 0x100000001b3ULL;
	}
	return h != 0 ? h : 1;
}

/* fold_str_hash() in 32 bits, never 0: equal strings hash alike, and
 * fold_same_address() compares the strings. */
static uint32_t
fold_short_hash(const char *s)
{
	return (uint32_t)fold_str_hash(s) | 1;
}

/* Whether s is an address folding keys an entry by: not empty, and not a
 * site's front page ("https://host/"), which names a site, not an item:
 * feeds whose items have no address of their own give that one to all
 * of them. */
static int
fold_is_address(const char *s)
{
	const char *host = s != NULL ? strstr(s, "://") : NULL, *path;

	if (s == NULL || s[0] == '\0') {
		return 0;
	}
	if (host != NULL && host[3] != '\0') {
		path = strchr(host + 3, '/');
		if (path == NULL || path[1] == '\0') {
			return 0;
		}
	}
	return 1;
}

/* The feed whose own GUID e's is, or NULL for a GUID that names its item
 * everywhere. A GUID with a scheme ("https://...", "urn:uuid:...",
 * "tag:...") is an address; one without ("100241", "item-7") is only
 * unique in its feed, which numbers its items as another numbers its
 * own, so two feeds' "100241" are two items (digest_uri(), which also
 * reads the digest the refold and --dump keep of a long GUID). An entry
 * without a source (one feed's, in --dump) scopes it by NULL, as its
 * feed's fellows. */
static const char *
fold_guid_scope(const struct fold_entry *e)
{
	return e->id != NULL && digest_uri(e->id) ? NULL : e->source;
}

/* Whether e and f come from one feed (a source, the same). */
static int
fold_one_feed(const struct fold_entry *e, const struct fold_entry *f)
{
	return e->source != NULL && f->source != NULL && strcmp(e->source, f->source) == 0;
}

/* Whether a word swapped between a's and b's titles may part them (one
 * feed's two items, or any told a day apart: fold_told_apart()): each
 * title is whole, not cut
 * short (a flash and its story swap the cut word), and says something
 * (TITLE_SHORT: "Latest headlines" over a story's lead swaps no word of
 * its headline). */
static int
fold_own_swap(const struct fold_ent *a, const struct fold_ent *b)
{
	return !a->cut && !b->cut && a->inform >= TITLE_SHORT &&
	       b->inform >= TITLE_SHORT;
}

/* Whether e and f are one feed's own items: from one feed, neither
 * title ending in an outlet's name, as an aggregator's relays of two
 * outlets' headlines do ("突发 - 华夏快讯网", "突发。 - 东江日报"). */
static int
fold_own_items(const struct fold_entry *e, const struct fold_entry *f)
{
	const char *te, *tf;

	if (!fold_one_feed(e, f)) {
		return 0;
	}
	title_outlet_tail_any(e->title, &te);
	title_outlet_tail_any(f->title, &tf);
	return te == NULL && tf == NULL;
}

/* Whether two GUIDs' scopes (fold_guid_scope()) are one. */
static int
fold_same_scope(const char *a, const char *b)
{
	return a == b || (a != NULL && b != NULL && strcmp(a, b) == 0);
}

/* fold_str_hash() of e's GUID, with its scope's mixed in. */
static uint64_t
fold_guid_hash(const struct fold_entry *e)
{
	const char *scope = fold_guid_scope(e);
	uint64_t h = fold_str_hash(e->id);

	if (scope != NULL) {
		h = (h ^ fold_str_hash(scope)) * 0x100000001b3ULL;
	}
	return h != 0 ? h : 1;
}

/* Whether title, its outlet tail aside (len: title_outlet_tail()), ends
 * in an ellipsis: a copy cut short, whose words match the start of many
 * titles. */
static int
fold_title_cut(const char *title, size_t len)
{
	while (len > 0 && title[len - 1] == ' ') {
		len--;
	}
	return (len >= 3 && memcmp(title + len - 3, "...", 3) == 0) ||
	       (len >= 3 && memcmp(title + len - 3, "\xe2\x80\xa6", 3) == 0);
}

/* A source's name as an outlet tail may spell it: case and a leading
 * "The" aside. Never 0. */
static uint64_t
fold_outlet_hash(const char *s, size_t len)
{
	uint64_t h = 0xcbf29ce484222325ULL;
	size_t i = 0;

	if (len > 4 && strncasecmp(s, "the ", 4) == 0) {
		i = 4;
	}
	for (; i < len; i++) {
		unsigned char ch = (unsigned char)s[i];

		h = (h ^ (ch >= 'A' && ch <= 'Z' ? ch + 32 : ch)) * 0x100000001b3ULL;
	}
	return h | 1;
}

/* The slot of h in the table of the batch's sources: its own, or the
 * empty one where it would go (the table is never full). */
static size_t
fold_outlet_slot(const struct fold_ctx *c, uint64_t h)
{
	size_t mask = c->noutlets_cap - 1, i = (size_t)(h >> 7) & mask;

	while (c->outlets[i] != 0 && c->outlets[i] != h) {
		i = (i + 1) & mask;
	}
	return i;
}

/* Whether the batch knows h as a source. */
static int
fold_outlet_known(const struct fold_ctx *c, uint64_t h)
{
	return c->noutlets_cap != 0 && c->outlets[fold_outlet_slot(c, h)] == h;
}

/* The sources of the batch: the feeds (and the outlets feeds name) whose
 * names may end another copy's title. A table of twice as many slots as
 * there are entries, at most 64 Ki, keeps probes short; a batch with more
 * distinct sources than that only cuts fewer tails. */
static int
fold_outlets_fill(struct fold_ctx *c, size_t n)
{
	size_t cap = 16, i, used = 0;

	while (cap < 2 * n && cap < 65536) {
		cap *= 2;
	}
	if ((c->outlets = fold_calloc(cap, sizeof(*c->outlets))) == NULL) {
		return -1;
	}
	c->noutlets_cap = cap;
	for (i = 0; i < n && used < cap / 2; i++) {
		const struct fold_entry *x = fold_at(c, i);

		if (x->source != NULL && x->source[0] != '\0') {
			uint64_t h = fold_outlet_hash(x->source, strlen(x->source));
			size_t at = fold_outlet_slot(c, h);

			if (c->outlets[at] == 0) {
				c->outlets[at] = h;
				used++;
			}
		}
	}
	return 0;
}

/* Whether tail (title_outlet_tail_any()'s; may be NULL) names a source
 * of the batch. */
static int
fold_tail_known(const struct fold_ctx *c, const char *tail)
{
	return tail != NULL && fold_outlet_known(c, fold_outlet_hash(tail, strlen(tail)));
}

/* The outlet an entry's title ends in (" - Name"), when Name is a source
 * of the batch; NULL otherwise. A team, a place or a rival named after a
 * dash is no source of ours, so it stays part of the headline; a source
 * of ours is cut after a headline of one word too ("ÚLTIMA HORA - El
 * Diario del Levante", an aggregator's relay of a flash). *cut gets
 * fold_title_cut(). */
static const char *
fold_known_tail(const struct fold_ctx *c, const char *title, unsigned char *cut)
{
	const char *tail = NULL;

	*cut = 0;
	if (title == NULL) {
		return NULL;
	}
	*cut = (unsigned char)fold_title_cut(title, title_outlet_tail_any(title, &tail));
	return fold_tail_known(c, tail) ? tail : NULL;
}

/* The length of title without a tail that names a known outlet
 * (fold_known_tail()), as folding reads it. */
static size_t
fold_title_len(const struct fold_ctx *c, const char *title)
{
	const char *tail = NULL;
	size_t len = title_outlet_tail_any(title, &tail);

	return fold_tail_known(c, tail) ? len : strlen(title);
}

/* ---- Reading the entries, on two threads ----------------------------
 * Reading (folding case and width, shingling, hashing) is most of the
 * work and each entry's is its own, so two threads read blocks of
 * entries; giving the shingles ids (fold_take_entry()) then runs on the
 * calling thread in entry order, so that the ids, and so the stories,
 * are the same whatever the threads did. */


/* Where one entry's reading is in its part; what needs no ids (hashes,
 * time, counts) goes straight to the entry's struct fold_ent. */
struct fold_read {
	uint32_t sh, nsh;	/* title shingles in part->sh */
	uint32_t flat;		/* folded text in part->flat */
	uint32_t skey;		/* summary keys in part->skeys, sorted */
};

/* The entries [from, to) of the block from base as one thread reads
 * them, chunks taken from the front of left (back 0) or from its back. */
struct fold_part {
	struct fold_ctx *c;
	const struct fold_leadset *ls;	/* its bitmap, set as leads are read */
	_Atomic uint64_t *left;		/* fold_chunk_take() */
	int back;
	size_t base, end, from, to;	/* the block is [base, end) */
	struct fold_read *r;		/* entry i's at r[i - base] */
	struct title_shingle *sh;
	char *flat;
	uint32_t *skeys;
	uint64_t *lh;		/* lead shingles until their bits are set:
				 * the last entries', some thousands at most */
	size_t capr, nsh, capsh, nflat, capflat, nskeys, capskeys;
	size_t nl, caplh;
	size_t nleads;		/* lead shingles read in all its blocks */
	struct title_words *w;	/* scratch */
	struct fold_lead *ld;	/* scratch */
	int rc;
};

/* Takes the next FOLD_CHUNK entries (or fewer) of those a block has
 * left, *left packing them as hi << 32 | lo, from its front or (back)
 * its back: [*from, *to). Returns 0 when none are left. */
static int
fold_chunk_take(_Atomic uint64_t *left, int back, size_t *from, size_t *to)
{
	uint64_t v = atomic_load(left), nv;
	size_t lo, hi, k;

	do {
		lo = (uint32_t)v, hi = (size_t)(v >> 32);
		if (lo >= hi) {
			return 0;
		}
		k = hi - lo < FOLD_CHUNK ? hi - lo : FOLD_CHUNK;
		*from = back ? hi - k : lo;
		*to = *from + k;
		nv = back ? (uint64_t)(hi - k) << 32 | lo : (uint64_t)hi << 32 | (lo + k);
	} while (!atomic_compare_exchange_weak(left, &v, nv));
	return 1;
}

/* Reads e's title into fe and r. */
static int
fold_read_title(struct fold_part *p, const struct fold_entry *e,
                struct fold_ent *fe, struct fold_read *r)
{
	const char *tail;
	unsigned char cut;
	uint64_t polar;
	size_t n;

	if (fold_grow((void **)&p->sh, &p->capsh, p->nsh + TITLE_SHINGLES_MAX,
	              sizeof(*p->sh)) != 0 ||
	    fold_grow((void **)&p->flat, &p->capflat, p->nflat + TITLE_FLAT_MAX,
	              1) != 0) {
		return -1;
	}
	tail = fold_known_tail(p->c, e->title, &cut);
	fe->cut = cut != 0;
	title_read_named(p->w, e->title, e->summary, e->source, tail);
	n = title_informative(p->w);
	fe->inform = (unsigned char)(n < UCHAR_MAX ? n : UCHAR_MAX);
	n = title_words_written(p->w);
	fe->words = (unsigned char)(n < 127 ? n : 127);
	fe->dated = title_is_dated(p->w) != 0;
	fe->dateonly = fe->dated && title_names_date_only(p->w) != 0;
	fe->vague = title_vague(p->w, fe->inform) != 0;
	fe->hangul = title_hangul(p->w) != 0;
	fe->figured = title_figured(p->w) != 0;
	fe->uncased = title_uncased(p->w) != 0;
	polar = title_polarity(p->w);
	fe->polar = (uint32_t)polar, fe->polarhi = (unsigned char)(polar >> 32);
	fe->guid = fold_is_address(e->id) ? (uint32_t)fold_guid_hash(e) | 1 : 0;
	fe->link = fold_is_address(e->link) ? fold_short_hash(e->link) : 0;
	fe->time = e->time;
	n = title_shingles(p->w, p->sh + p->nsh);
	r->sh = (uint32_t)p->nsh, r->nsh = (uint32_t)n;
	p->nsh += n;
	r->flat = (uint32_t)p->nflat;
	fe->flatlen = (uint16_t)title_flatten(p->w, p->flat + p->nflat, &fe->whole);
	p->nflat += fe->flatlen;
	return 0;
}

/* A byte of hash of the figures among n keys k in reading order: the
 * keys are kept as a set, in which "4月3日 ... 3台" and "4月4日 ... 3台"
 * hold the same figures. */
static unsigned char
fold_figure_order(const uint32_t *k, size_t n)
{
	uint32_t h = 2166136261u;
	size_t i;

	for (i = 0; i < n; i++) {
		if ((k[i] & 1) != 0) {
			h = (h ^ k[i]) * 16777619u;
		}
	}
	return (unsigned char)(h ^ h >> 8 ^ h >> 16 ^ h >> 24);
}

/* Whether summary is title's headline again, an outlet's name at most
 * after it (FOLD_HEADLINE_TAIL bytes): an aggregator's summary ("7
 * injured in crash on A73 near Hollin Bay  Meridian Wire") that tells
 * nothing the title does not, under a title that may glue the outlet's
 * own lead on. */
static int
fold_summary_headline(const char *title, const char *summary)
{
	size_t k = 0;

	while (fold_blank(*summary)) {
		summary++;
	}
	while (title[k] != '\0' && title[k] == summary[k]) {
		k++;
	}
	return k >= FOLD_LEAD_LABEL && strlen(summary + k) <= FOLD_HEADLINE_TAIL;
}

/* The summary folding reads e's lead from: none (NULL) where it only
 * says the headline again (fold_summary_headline()). */
static const char *
fold_lead_of(const struct fold_entry *e)
{
	return e->summary != NULL && e->title != NULL &&
	       fold_summary_headline(e->title, e->summary) ? NULL : e->summary;
}

/* The bytes of the first sentence of s, to its full stop ("." "!" or
 * "?" before a blank or the end, or "。"), within FOLD_LEAD_BYTES; 0 when
 * none ends there. */
static size_t
fold_sentence_len(const char *s)
{
	size_t i;

	for (i = 0; i < FOLD_LEAD_BYTES && s[i] != '\0'; i++) {
		if ((s[i] == '.' || s[i] == '!' || s[i] == '?') &&
		    (s[i + 1] == ' ' || s[i + 1] == '\0')) {
			return i + 1;
		}
		if (s[i] == '\xe3' && strncmp(s + i, "\u3002", 3) == 0) {
			return i + 3;
		}
	}
	return 0;
}

/* Reads a summary's lead (fold_lead_length()): its keys (a lead cut
 * short leaves its last word out) and its shingles. */
static int
fold_read_summary(struct fold_part *p, const char *summary,
                  struct fold_ent *fe, struct fold_read *r)
{
	uint32_t k[FOLD_SUMMARY_KEYS];
	size_t len, n;
	int cut;

	r->skey = (uint32_t)p->nskeys;
	if (summary == NULL) {
		return 0;
	}
	len = fold_lead_start(summary);
	summary += len;
	/* a label's run of blanks past a byte's reach leaves the lead
	 * unplaced: its first sentence then counts as none */
	if (len <= UCHAR_MAX) {
		p->c->leadat[fe - p->c->ents] = (unsigned char)len;
		p->c->sentlen[fe - p->c->ents] =
			(unsigned char)fold_sentence_len(summary);
	}
	len = fold_lead_length(summary, &cut);
	fe->leadlen = (unsigned char)len;
	/* under a short title the lead's names decide: in a script without
	 * capitals, or a lead written in lower case, any word may be one */
	p->ld->n = title_text_scan(p->w, summary, len,
	                           (cut ? TITLE_TEXT_CUT : 0) |
	                           (fe->inform < TITLE_SHORT ? TITLE_TEXT_UNCASED : 0),
	                           k, FOLD_SUMMARY_KEYS,
	                           &n, p->ld->sh, FOLD_LEAD_BYTES);
	if (fold_grow((void **)&p->skeys, &p->capskeys, p->nskeys + n + 1,
	              sizeof(*p->skeys)) != 0) {
		return -1;
	}
	memcpy(p->skeys + p->nskeys, k, n * sizeof(*k));
	fe->figseq = fold_figure_order(k, n);
	fe->nskeys = (uint16_t)fold_sort_unique(p->skeys + p->nskeys, n);
	p->nskeys += fe->nskeys;
	if (p->ld->n == 0) {
		return 0;
	}
	if (fold_grow((void **)&p->lh, &p->caplh, p->nl + p->ld->n,
	              sizeof(*p->lh)) != 0) {
		return -1;
	}
	for (n = 0; n < p->ld->n; n++) {
		p->lh[p->nl + n] = p->ld->sh[n].hash;
		fold_bits_prefetch(p->ls, p->ld->sh[n].hash);
	}
	p->nl += p->ld->n;
	p->nleads += p->ld->n;
	fe->nlead = (uint16_t)p->ld->n;
	fe->leadhash = fold_lead_keyed(fold_lead_whole(p->ld),
	                               p->skeys + p->nskeys - fe->nskeys, fe->nskeys);
	return 0;
}

/* Sets the bitmap's bits for the lead shingles p->lh[from..to). */
static void
fold_part_see(const struct fold_part *p, size_t from, size_t to)
{
	for (; from < to; from++) {
		fold_bits_set(p->ls->map, p->ls->bits, p->lh[from]);
	}
}

/* Reads the part's entries, chunks of its block as it takes them; sets
 * p->from and p->to to what it read, and p->rc. */
static void *
fold_read_part(void *arg)
{
	struct fold_part *p = arg;
	size_t i, set = 0, from, to;

	/* each array gets room before the first entry: no NULL + 0 */
	p->nsh = p->nflat = p->nskeys = p->nl = 0;
	p->from = p->to = p->back ? p->to : p->base;
	p->rc = fold_grow((void **)&p->r, &p->capr, p->end - p->base + 1,
	                  sizeof(*p->r)) != 0 ||
	        fold_grow((void **)&p->skeys, &p->capskeys, 1,
	                  sizeof(*p->skeys)) != 0 ||
	        fold_grow((void **)&p->lh, &p->caplh, 1, sizeof(*p->lh)) != 0 ? -1 : 0;
	while (p->rc == 0 && fold_chunk_take(p->left, p->back, &from, &to)) {
		if (p->back) {
			p->from = from;
		} else {
			p->to = to;
		}
		for (i = from; i < to && p->rc == 0; i++) {
			struct fold_ent *fe = &p->c->ents[i];
			struct fold_read *r = &p->r[i - p->base];
			size_t seen = p->nl;

			/* the front's next chunk most likely follows */
			fold_entry_prefetch(p->c, i, p->back ? to : p->end, 1,
			                    FOLD_DATELINE_MAX + FOLD_LEAD_BYTES);
			p->rc = fold_read_title(p, fold_at(p->c, i), fe, r) != 0 ||
			        fold_read_summary(p, fold_lead_of(fold_at(p->c, i)), fe, r) != 0 ?
			        -1 : 0;
			/* the bits of the entry before, whose lines were
			 * asked for an entry ago */
			fold_part_see(p, set, seen);
			set = seen;
			if (set >= FOLD_CHUNK * FOLD_SUMMARY_KEYS) {
				p->nl -= set;
				memmove(p->lh, p->lh + set, p->nl * sizeof(*p->lh));
				set = 0;
			}
		}
	}
	fold_part_see(p, set, p->nl);
	return NULL;
}

static void
fold_part_free(struct fold_part *p)
{
	free(p->r);
	free(p->sh);
	free(p->flat);
	free(p->skeys);
	free(p->lh);
	title_words_free(p->w);
	free(p->ld);
}

/* Appends n bytes at src to the growing array *p (*len of them used). */
static int
fold_append(void **p, size_t *len, size_t *cap, const void *src, size_t n,
            size_t size)
{
	if (n == 0) {
		return 0;	/* src may be NULL */
	}
	if (fold_grow(p, cap, *len + n, size) != 0) {
		return -1;
	}
	memcpy((char *)*p + *len * size, src, n * size);
	*len += n;
	return 0;
}

/* Entry i, read into p, gets ids for its title's shingles; its folded
 * text and keys move into c. */
static int
fold_take_entry(struct fold_ctx *c, const struct fold_part *p, size_t i)
{
	struct fold_ent *fe = &c->ents[i];
	const struct fold_read *r = &p->r[i - p->base];
	struct title_vocab vocab;
	struct title_view v;

	fe->sh = (uint32_t)c->nids;
	fe->key = (uint32_t)c->nkeys;
	if (fold_intern_title(c, p->sh + r->sh, r->nsh,
	                      p->nsh - r->sh - r->nsh) != 0) {
		return -1;
	}
	fe->nsh = c->nids > fe->sh ?
		(uint16_t)fold_sort_unique(c->ids + fe->sh, c->nids - fe->sh) : 0;
	c->nids = fe->sh + fe->nsh;
	fe->nkeys = c->nkeys > fe->key ?
		(uint16_t)fold_sort_unique(c->keys + fe->key, c->nkeys - fe->key) : 0;
	c->nkeys = fe->key + fe->nkeys;
	vocab.kind = c->kind;
	vocab.lower = c->lower;
	v = fold_view(c, fe);
	v.flat = p->flat + r->flat;	/* not in c->flat yet */
	title_view_measure(&vocab, &v);
	fe->head = v.head;
	fe->nbase = (uint16_t)v.nbase;
	fe->weight = (uint16_t)v.weight;
	fe->idbits = v.idbits;
	fe->flat = (uint32_t)c->nflat;
	fe->skey = (uint32_t)c->nskeys;
	if (fold_append((void **)&c->flat, &c->nflat, &c->capflat,
	                p->flat + r->flat, fe->flatlen, 1) != 0 ||
	    fold_append((void **)&c->skeys, &c->nskeys, &c->capskeys,
	                p->skeys + r->skey, fe->nskeys, sizeof(*c->skeys)) != 0) {
		return -1;
	}
	return 0;
}

/* Reads the block [from, to) into part[0] and part[1], the first from
 * its front, the second from its back on a thread of its own (or none,
 * when no thread starts); before it reads, this thread gives ids to the
 * block read before (take, may be NULL). */
static int
fold_read_block(struct fold_part *part, size_t from, size_t to,
                struct fold_part *take)
{
	_Atomic uint64_t left = (uint64_t)to << 32 | from;
	size_t i;
	pthread_t th;
	int threaded, rc = 0;

	for (i = 0; i < 2; i++) {
		part[i].left = &left, part[i].back = (int)i;
		part[i].base = from, part[i].end = part[i].to = to;
	}
	threaded = part[0].c->n >= FOLD_BLOCK / 2 &&
	           pthread_create(&th, NULL, fold_read_part, &part[1]) == 0;
	for (i = 0; take != NULL && i < 2 && rc == 0; i++) {
		size_t e;

		for (e = take[i].from; e < take[i].to && rc == 0; e++) {
			rc = fold_take_entry(take[i].c, &take[i], e);
		}
	}
	fold_read_part(&part[0]);
	if (threaded) {
		pthread_join(th, NULL);
	} else {
		fold_read_part(&part[1]);	/* reads nothing: part[0] took all */
	}
	return rc != 0 || part[0].rc != 0 || part[1].rc != 0 ? -1 : 0;
}

/* Once the first block [0, read) is read into part[0] and part[1]: room
 * in c's title arrays for all entries at its rate and a tenth more. At a
 * million entries doubling them copied each some ten times, and every
 * copy faulted in fresh pages. A guess short of the mark only leaves
 * the rest to fold_grow(). */
static int
fold_reserve_titles(struct fold_ctx *c, const struct fold_part *part,
                    size_t read)
{
	double scale = 1.1 * (double)c->n / (double)(read ? read : 1);
	size_t sh = (size_t)(scale * (double)(part[0].nsh + part[1].nsh)) + 64;
	size_t flat = (size_t)(scale * (double)(part[0].nflat + part[1].nflat)) + 64;
	size_t skeys = (size_t)(scale * (double)(part[0].nskeys + part[1].nskeys)) + 64;

	if (sh > UINT32_MAX || flat > UINT32_MAX || skeys > UINT32_MAX) {
		return 0;	/* fold_grow() says when it is too many */
	}
	return fold_reserve((void **)&c->ids, &c->capids, sh, sizeof(*c->ids)) ||
	       fold_reserve((void **)&c->keys, &c->capkeys, sh, sizeof(*c->keys)) ||
	       fold_reserve((void **)&c->flat, &c->capflat, flat, 1) ||
	       fold_reserve((void **)&c->skeys, &c->capskeys, skeys,
	                    sizeof(*c->skeys)) ? -1 : 0;
}

/* Reads every entry into c, a block at a time on two threads, and gives
 * the titles' shingles ids; the leads' shingles set ls's bitmap. */
static int
fold_read_all(struct fold_ctx *c, struct fold_leadset *ls)
{
	struct fold_part part[2][2];
	size_t from = 0, k = 0, i, block = c->n / 16;
	int rc = 0;

	block = block < FOLD_BLOCK_MIN ? FOLD_BLOCK_MIN :
	        block > FOLD_BLOCK ? FOLD_BLOCK : block;
	memset(part, 0, sizeof(part));
	for (i = 0; i < 4; i++) {
		struct fold_part *p = &part[i / 2][i % 2];

		p->c = c;
		p->ls = ls;
		p->w = title_words_new();
		p->ld = malloc(sizeof(*p->ld));
		rc |= p->w == NULL || p->ld == NULL;
	}
	for (; rc == 0 && from < c->n; from += block, k++) {
		size_t to = c->n - from > block ? from + block : c->n;

		if (k == 1) {
			rc = fold_reserve_titles(c, part[0], from);
		}
		if (rc == 0) {
			rc = fold_read_block(part[k & 1], from, to,
			                     k > 0 ? part[(k - 1) & 1] : NULL);
		}
	}
	for (i = 0; rc == 0 && k > 0 && i < 2; i++) {
		struct fold_part *p = &part[(k - 1) & 1][i];

		for (from = p->from; from < p->to && rc == 0; from++) {
			rc = fold_take_entry(c, p, from);
		}
	}
	for (i = 0; i < 4; i++) {
		c->nleadsh += part[i / 2][i % 2].nleads;
		fold_part_free(&part[i / 2][i % 2]);
	}
	return rc;
}
/* The title rule (title_same_story()) for entries ia and ib; dated
 * copies more than FOLD_WINDOW_SECONDS apart never match. */
static int
fold_verify(const struct fold_ctx *c, size_t ia, size_t ib, double t)
{
	const struct fold_ent *a = &c->ents[ia], *b = &c->ents[ib];
	struct title_vocab vocab = { c->kind, c->lower };
	struct title_view x, y;

	if (fold_apart(a->time, b->time)) {
		return 0;
	}
	x = fold_view(c, a);
	y = fold_view(c, b);
	return title_same_story(&vocab, &x, &y, t);
}

static uint32_t
fold_find(uint32_t *parent, uint32_t x)
{
	while (parent[x] != x) {
		parent[x] = parent[parent[x]];
		x = parent[x];
	}
	return x;
}

/* The root of x's story, only read: fold_find() halves the path as it
 * goes, which threads that find pairs side by side must not. */
static uint32_t
fold_root(const uint32_t *parent, uint32_t x)
{
	while (parent[x] != x) {
		x = parent[x];
	}
	return x;
}

/* Joins the stories of a and b: the lower root stays the root, the
 * rings of members are spliced, size and times move to the root. */
static void
fold_merge(struct fold_ctx *c, uint32_t a, uint32_t b)
{
	uint32_t t;

	a = fold_find(c->parent, a);
	b = fold_find(c->parent, b);
	if (a == b) {
		return;
	}
	if (b < a) {
		t = a, a = b, b = t;
	}
	c->parent[b] = a;
	t = c->next[a], c->next[a] = c->next[b], c->next[b] = t;
	c->size[a] += c->size[b];
	c->first[a] = c->first[b] < c->first[a] ? c->first[b] : c->first[a];
	c->last[a] = c->last[b] > c->last[a] ? c->last[b] : c->last[a];
}

/* What fold_group_keys() sorts: 24 bytes, as the keys of a million
 * entries and their copy while sorting are some of folding's peak. */
struct fold_key {
	uint64_t h;
	int64_t time;
	uint32_t i;
};

/* A GUID or link that the short hashes found shared (fold_join_field()). */
struct fold_addr {
	const char *s;
	const char *scope;	/* a GUID's fold_guid_scope(); a link's NULL */
	uint64_t h;	/* fold_str_hash(s), a GUID's fold_guid_hash() */
	uint32_t i;
};

/* By the low half of the hash, the hash, then string (equal strings end
 * up next to each other), then index: most comparisons never read the
 * strings, which share long prefixes (the site's address). */
static int
fold_cmp_str(const void *x, const void *y)
{
	const struct fold_addr *a = x, *b = y;
	int r;

	if ((uint32_t)a->h != (uint32_t)b->h) {
		return (uint32_t)a->h < (uint32_t)b->h ? -1 : 1;
	}
	if (a->h != b->h) {
		return a->h < b->h ? -1 : 1;
	}
	if ((r = strcmp(a->s, b->s)) != 0) {
		return r;
	}
	if (!fold_same_scope(a->scope, b->scope)) {
		return a->scope == NULL ? -1 : b->scope == NULL ? 1 : strcmp(a->scope, b->scope);
	}
	return (a->i > b->i) - (a->i < b->i);
}

/* Sorts the n keys at k by cmp, by insertion: the runs that
 * fold_group_keys() leaves are a few keys long. */
static void
fold_insert_keys(struct fold_key *k, size_t n,
                 int (*cmp)(const void *, const void *))
{
	size_t i, j;

	for (i = 1; i < n; i++) {
		struct fold_key x = k[i];

		for (j = i; j > 0 && cmp(&k[j - 1], &x) > 0; j--) {
			k[j] = k[j - 1];
		}
		k[j] = x;
	}
}

/* fold_group_keys() sorts by the low half of h in three passes of 11
 * bits (the last of 10): a fourth of the passes over the keys that a
 * byte a pass took, with the counts of all three taken in one read. */
#define FOLD_RADIX_BITS 11
#define FOLD_RADIX_PASSES 3

/* Turns count[], how many values have each FOLD_RADIX_BITS digit, into
 * where the first of each goes: the middle step of every radix pass. */
static void
fold_radix_starts(size_t *count)
{
	size_t i, sum = 0, n;

	for (i = 0; i < ((size_t)1 << FOLD_RADIX_BITS); i++) {
		n = count[i];
		count[i] = sum, sum += n;
	}
}

/* Moves the keys src[0..m) to dst ordered by digit d of the low half of
 * their hashes (stable), count[] holding how many keys have each digit;
 * returns 0, or 1 when every key has one digit and nothing moved. */
static int
fold_radix_pass(const struct fold_key *src, struct fold_key *dst, size_t m,
                size_t *count, unsigned d)
{
	unsigned shift = d * FOLD_RADIX_BITS;
	size_t i, mask = ((size_t)1 << FOLD_RADIX_BITS) - 1;

	if (count[((uint32_t)src[0].h >> shift) & mask] == m) {
		return 1;
	}
	fold_radix_starts(count);
	for (i = 0; i < m; i++) {
		dst[count[((uint32_t)src[i].h >> shift) & mask]++] = src[i];
	}
	return 0;
}

/* Puts the keys k[0..m) with equal hashes side by side, each run ordered
 * by cmp (which orders by h first): a radix sort by the low half of h
 * (stable, FOLD_RADIX_BITS a pass), then each run of equal low halves by
 * cmp. The runs come in no useful order, and need none: every caller
 * reads runs of one hash. A million keys cost no million callbacks.
 * Returns -1 when out of memory. */
static int
fold_group_keys(struct fold_key *k, size_t m,
               int (*cmp)(const void *, const void *))
{
	struct fold_key *tmp, *src = k, *dst, *t;
	size_t *count, i, start, mask = ((size_t)1 << FOLD_RADIX_BITS) - 1;
	unsigned d;

	if (m < 64) {
		fold_insert_keys(k, m, cmp);
		return 0;
	}
	tmp = fold_alloc(m, sizeof(*tmp));
	count = fold_calloc(FOLD_RADIX_PASSES << FOLD_RADIX_BITS, sizeof(*count));
	if (tmp == NULL || count == NULL) {
		free(tmp);
		free(count);
		return -1;
	}
	for (i = 0; i < m; i++) {
		uint32_t lo = (uint32_t)k[i].h;

		for (d = 0; d < FOLD_RADIX_PASSES; d++) {
			count[(d << FOLD_RADIX_BITS) + ((lo >> (d * FOLD_RADIX_BITS)) & mask)]++;
		}
	}
	dst = tmp;
	for (d = 0; d < FOLD_RADIX_PASSES; d++) {
		if (fold_radix_pass(src, dst, m, count + (d << FOLD_RADIX_BITS), d) == 0) {
			t = src, src = dst, dst = t;
		}
	}
	free(count);
	if (src != k) {
		memcpy(k, src, m * sizeof(*k));
	}
	free(tmp);
	for (start = 0; start < m; start = i) {
		for (i = start + 1; i < m && (uint32_t)k[i].h == (uint32_t)k[start].h;
		     i++) {
		}
		if (i - start > 16) {
			qsort(k + start, i - start, sizeof(*k), cmp);
		} else {
			fold_insert_keys(k + start, i - start, cmp);
		}
	}
	return 0;
}

static int
fold_cmp_whole_only(const void *x, const void *y)
{
	const struct fold_key *a = x, *b = y;

	if (a->h != b->h) {
		return a->h < b->h ? -1 : 1;
	}
	return (a->i > b->i) - (a->i < b->i);
}

/* Sorts the m values v by their high halves, stably, FOLD_RADIX_BITS a
 * pass (tmp has room for m): values of equal high halves keep their
 * order. Returns the sorted array, v or tmp. */
static const uint64_t *
fold_sort_high(uint64_t *v, uint64_t *tmp, size_t m)
{
	size_t count[(size_t)1 << FOLD_RADIX_BITS], mask = ((size_t)1 << FOLD_RADIX_BITS) - 1;
	size_t i;
	unsigned shift;
	uint64_t *t;

	for (shift = 32; shift < 64; shift += FOLD_RADIX_BITS) {
		memset(count, 0, sizeof(count));
		for (i = 0; i < m; i++) {
			count[(v[i] >> shift) & mask]++;
		}
		fold_radix_starts(count);
		for (i = 0; i < m; i++) {
			tmp[count[(v[i] >> shift) & mask]++] = v[i];
		}
		t = v, v = tmp, tmp = t;
	}
	return v;
}

/* An entry's title and summary's lead as fold_join_address() tells them
 * apart: "Weather update" each day over the front page's address is a
 * new item each day. */
static uint64_t
fold_address_text(const struct fold_ent *e)
{
	return e->whole * 0x100000001b3ULL ^ e->leadhash;
}

/* Whether one feed (a source that is not NULL) gives the n entries of
 * run two texts, title[0] and title[1]: the store keeps those as two
 * items (store.h), so they are two stories. Only the first
 * FOLD_ADDRESS_LOOK entries are compared, as few runs are longer. */
static int
fold_address_one_feed(const struct fold_ctx *c, const struct fold_addr *run,
                      size_t n, const uint64_t *title)
{
	size_t x, y;

	n = n < FOLD_ADDRESS_LOOK ? n : FOLD_ADDRESS_LOOK;
	for (x = 0; x < n; x++) {
		if (fold_address_text(&c->ents[run[x].i]) != title[0]) {
			continue;
		}
		for (y = 0; y < n; y++) {
			if (fold_one_feed(fold_at(c, run[x].i), fold_at(c, run[y].i)) &&
			    fold_address_text(&c->ents[run[y].i]) == title[1]) {
				return 1;
			}
		}
	}
	return 0;
}

/* The n entries of run carry one GUID (field 0) or link (1): they join,
 * in run's order, unless FOLD_ADDRESS_TITLES different titles (with
 * their summaries' leads: fold_address_text()) carry it, or one feed
 * gives it two. Then it is a site's address that a
 * feed gives every item (its front page, "#", a GUID of "1"), which
 * proves nothing: those entries are left without it, so that
 * fold_same_address() does not read it either. A headline edited once
 * (two titles from two feeds, or from one feed on two fetches, which the
 * store keeps as one item), or twice with a copy of one version, still
 * joins. */
static void
fold_join_address(struct fold_ctx *c, const struct fold_addr *run, size_t n,
                  int field)
{
	uint64_t title[FOLD_ADDRESS_TITLES];
	size_t x, k, titles = 0;
	int site;

	for (x = 0; x < n && titles < FOLD_ADDRESS_TITLES; x++) {
		uint64_t w = fold_address_text(&c->ents[run[x].i]);

		for (k = 0; k < titles && title[k] != w; k++) {
		}
		if (k == titles) {
			title[titles++] = w;
		}
	}
	site = titles == FOLD_ADDRESS_TITLES ||
	       (titles == 2 && fold_address_one_feed(c, run, n, title));
	for (x = 0; x < n; x++) {
		if (site) {
			*(field == 0 ? &c->ents[run[x].i].guid : &c->ents[run[x].i].link) = 0;
		} else if (x > 0) {
			fold_merge(c, run[x - 1].i, run[x].i);
		}
	}
}

/* Entries that share a GUID (field 0) or a link (field 1) join: the
 * same address is proof, over any time apart (unless it is a site's:
 * fold_join_address()). The entries' short hashes (read with the
 * titles) put them in runs; only the entries of a run of
 * two or more, a few in a batch, have their strings read and hashed in
 * full, and each such run is put in fold_cmp_str()'s order. The joins so
 * come in the order of the strings' full hashes' low halves, as the ring
 * of a story's members (fold_merge()) has them whatever the hashes'
 * collisions. */
static int
fold_join_field(struct fold_ctx *c, size_t n, int field)
{
	uint64_t *v = fold_alloc(n, sizeof(*v));
	uint64_t *tmp = fold_alloc(n, sizeof(*tmp));
	const uint64_t *k;
	struct fold_addr *run = NULL;
	size_t i, j, x, y, m = 0, caprun = 0;
	int rc = -1;

	if (v == NULL || tmp == NULL) {
		goto out;
	}
	/* the short hash above the index: sorted, runs of one hash in
	 * index order */
	for (i = 0; i < n; i++) {
		uint32_t h = field == 0 ? c->ents[i].guid : c->ents[i].link;

		if (h != 0) {
			v[m++] = (uint64_t)h << 32 | i;
		}
	}
	k = fold_sort_high(v, tmp, m);
	for (i = 0; i < m; i = j) {
		for (j = i + 1; j < m && k[j] >> 32 == k[i] >> 32; j++) {
		}
		if (j - i < 2) {
			continue;
		}
		if (fold_grow((void **)&run, &caprun, j - i, sizeof(*run)) != 0) {
			goto out;
		}
		for (x = i; x < j; x++) {
			const struct fold_entry *e = fold_at(c, (uint32_t)k[x]);

			run[x - i].s = field == 0 ? e->id : e->link;
			run[x - i].scope = field == 0 ? fold_guid_scope(e) : NULL;
			run[x - i].h = field == 0 ? fold_guid_hash(e) : fold_str_hash(e->link);
			run[x - i].i = (uint32_t)k[x];
		}
		qsort(run, j - i, sizeof(*run), fold_cmp_str);
		for (x = 0; x < j - i; x = y) {
			for (y = x + 1; y < j - i && run[y].h == run[x].h &&
			     strcmp(run[y].s, run[x].s) == 0 &&
			     fold_same_scope(run[y].scope, run[x].scope); y++) {
			}
			fold_join_address(c, run + x, y - x, field);
		}
	}
	rc = 0;
out:
	free(run);
	free(v);
	free(tmp);
	return rc;
}

static int
fold_cmp_whole(const void *x, const void *y)
{
	const struct fold_key *a = x, *b = y;

	if (a->h != b->h) {
		return a->h < b->h ? -1 : 1;
	}
	if (a->time != b->time) {
		return a->time < b->time ? -1 : 1;
	}
	return (a->i > b->i) - (a->i < b->i);
}

static int fold_same_story(const struct fold_ctx *c, uint32_t ia, uint32_t ib,
                           double t);
static int fold_short_titles_agree(const struct fold_ctx *c, uint32_t ia,
                                   uint32_t ib, double t, int swaps);
static void fold_cluster(struct fold_ctx *c, double t);

/* The title shingles entries a and b share (both sorted, unique). */
static size_t
fold_shared(const struct fold_ctx *c, const struct fold_ent *a,
            const struct fold_ent *b)
{
	const uint32_t *x = c->ids + a->sh, *y = c->ids + b->sh;
	size_t i = 0, j = 0, shared = 0;

	/* without a branch to guess: the ids of two titles interleave at
	 * random */
	while (i < a->nsh && j < b->nsh) {
		uint32_t u = x[i], v = y[j];

		shared += u == v;
		i += u <= v;
		j += v <= u;
	}
	return shared;
}

/* How alike two titles are, for the order pairs join in: the share of
 * their shingles they have in common (Jaccard), in 1/65536. */
static uint32_t
fold_likeness(const struct fold_ctx *c, uint32_t ia, uint32_t ib)
{
	const struct fold_ent *a = &c->ents[ia], *b = &c->ents[ib];
	size_t shared, all;

	if (a->nsh == 0 || b->nsh == 0) {
		return 0;
	}
	shared = fold_shared(c, a, b);
	all = a->nsh + b->nsh - shared;
	return (uint32_t)((shared * 65536) / all);
}

/* Verifies a and b and, when they are the same story, keeps the pair
 * for fold_cluster(); a pair whose titles share under need / 2
 * shingles is not verified (fold_walk()). Returns -1 when out of
 * memory. */
static int
fold_add_edge(const struct fold_ctx *c, struct fold_pairs *out, uint32_t a,
              uint32_t b, double t, size_t need)
{
	struct fold_edge *e;

	/* a pair within one story joins nothing: stories are only joined
	 * (fold_cluster()), never parted, and fold_cluster() skips it. Most
	 * of the summary rules' pairs are copies the titles joined, and
	 * verifying them was most of that join's work */
	if (fold_root(c->parent, a) == fold_root(c->parent, b) ||
	    (need > 0 && 2 * fold_shared(c, &c->ents[a], &c->ents[b]) < need)) {
		return 0;
	}
	if (c->boiler == NULL && (c->ents[a].inform < TITLE_SHORT ||
	                          c->ents[b].inform < TITLE_SHORT)) {
		if (!fold_short_titles_agree(c, a, b, t, 1)) {
			return 0;
		}
		if (fold_grow((void **)&out->later, &out->caplater, out->nlater + 1,
		              sizeof(*out->later)) != 0) {
			return -1;
		}
		out->later[out->nlater].a = a, out->later[out->nlater++].b = b;
		return 0;
	}
	if (!fold_same_story(c, a, b, t)) {
		return 0;
	}
	if (fold_grow((void **)&out->edges, &out->capedges, out->nedges + 1,
	              sizeof(*out->edges)) != 0) {
		return -1;
	}
	e = &out->edges[out->nedges++];
	e->a = a < b ? a : b;
	e->b = a < b ? b : a;
	e->score = fold_likeness(c, a, b);
	e->ab = a < b;
	return 0;
}

/* Whether entries a and b have the same folded title, not only its hash. */
static int
fold_same_flat(const struct fold_ctx *c, uint32_t a, uint32_t b)
{
	const struct fold_ent *s = &c->ents[a], *x = &c->ents[b];

	return s->flatlen == x->flatlen &&
	       memcmp(c->flat + s->flat, c->flat + x->flat, s->flatlen) == 0;
}

static int fold_pairs_move(struct fold_pairs *to, struct fold_pairs *from);

/* The keys [from, to) of m grouped keys, each paired as
 * fold_join_grouped_keys() says, verified into pairs of the job's own:
 * fold_add_edge() only reads the context, and the pairs are sorted
 * before they join, so two threads find the same stories as one. */
struct fold_equal_job {
	const struct fold_ctx *c;
	const struct fold_key *k;
	size_t from, to, m;
	double t;
	int (*same)(const struct fold_ctx *, uint32_t, uint32_t);
	struct fold_pairs out;
	int rc;
};

static void *
fold_equal_run(void *arg)
{
	struct fold_equal_job *job = arg;
	const struct fold_key *k = job->k;
	size_t i, j;

	for (i = job->from; i < job->to && job->rc == 0; i++) {
		for (j = i + 1; j < job->m && j <= i + FOLD_IDENTICAL_NEXT; j++) {
			if (k[j].h != k[i].h ||
			    (job->same != NULL && !job->same(job->c, k[i].i, k[j].i)) ||
			    fold_apart(k[i].time, k[j].time)) {
				break;
			}
			if (fold_add_edge(job->c, &job->out, k[i].i, k[j].i, job->t, 0) != 0) {
				job->rc = -1;
				break;
			}
		}
	}
	return NULL;
}

/* Joins the m keys k (taken and freed), grouped by fold_cmp_whole(),
 * that are equal (the same hash and, when same is not NULL, same()):
 * each with the next FOLD_IDENTICAL_NEXT within FOLD_WINDOW_SECONDS,
 * verified like any pair, a batch of a block or more on two threads,
 * each half of the keys. */
static int
fold_join_grouped_keys(struct fold_ctx *c, double t, struct fold_key *k,
                       size_t m, int (*same)(const struct fold_ctx *,
                                             uint32_t, uint32_t))
{
	struct fold_equal_job job[2];
	int rc, i;

	memset(job, 0, sizeof(job));
	for (i = 0; i < 2; i++) {
		job[i] = (struct fold_equal_job){ .c = c, .k = k, .m = m, .t = t,
		                                  .same = same };
	}
	job[0].to = job[1].from = m >= FOLD_BLOCK ? m / 2 : m;
	job[1].to = m;
	fold_run_halves(fold_equal_run, &job[0], &job[1], job[1].from < m);
	rc = job[0].rc | job[1].rc;
	rc |= fold_pairs_move(&c->pairs, &job[0].out);
	rc |= fold_pairs_move(&c->pairs, &job[1].out);
	free(k);
	return rc != 0 ? -1 : 0;
}

static void fold_mark_recurring(struct fold_ctx *c, const struct fold_key *k,
                                size_t m);

/* Identical folded titles are candidates without the postings (which
 * skip shingles that very many titles carry): each copy with the next
 * FOLD_IDENTICAL_NEXT copies within FOLD_WINDOW_SECONDS. They are
 * verified like any pair: a short title needs its summary too, and a
 * template's title is short (fold_mark_recurring(), over the same
 * grouping, before any pair is verified). */
static int
fold_join_identical(struct fold_ctx *c, double t)
{
	struct fold_key *k = fold_alloc(c->n, sizeof(*k));
	size_t i, m = 0;

	if (k == NULL) {
		return -1;
	}
	for (i = 0; i < c->n; i++) {
		if (c->ents[i].flatlen > 0) {
			k[m].h = c->ents[i].whole, k[m].time = c->ents[i].time;
			k[m].i = (uint32_t)i, m++;
		}
	}
	if (fold_group_keys(k, m, fold_cmp_whole) != 0) {
		free(k);
		return -1;
	}
	fold_mark_recurring(c, k, m);
	return fold_join_grouped_keys(c, t, k, m, fold_same_flat);
}

/* Where entry i's title shingles (lead 0) or summary shingles (lead 1)
 * are; a title too short to match by title has none. */
static const uint32_t *
fold_shingles(const struct fold_ctx *c, size_t i, int lead, size_t *n)
{
	const struct fold_ent *e = &c->ents[i];

	/* the lead's side reads nothing that the titles' join writes: it
	 * is indexed while they join (fold_join_all()) */
	if (lead) {
		*n = e->nlead;
		return c->lids != NULL ? c->lids + e->lead : NULL;
	}
	*n = e->nbase < 3 ? 0 : e->nsh;
	/* no shingles at all yet: NULL + 0 is undefined */
	return c->ids != NULL ? c->ids + e->sh : NULL;
}

/* Building an index counts and then files each entry's shingles, ids
 * anywhere in it: the loops ask for the counts (pass 0), the offsets and
 * room left (pass 1) of the entry FOLD_INDEX_AHEAD later, and for where
 * the one half as far will be filed (pass 2), as each will be written. */
#define FOLD_INDEX_AHEAD 4

static inline __attribute__((always_inline)) void
fold_index_prefetch(const struct fold_ctx *c, const struct fold_index *ix,
                    size_t i, int lead, const unsigned char *left, int pass)
{
	const uint32_t *v;
	size_t j, n;

	if (i >= c->n || (v = fold_shingles(c, i, lead, &n)) == NULL) {
		return;
	}
	for (j = 0; j < n; j++) {
		if (pass == 0) {
			__builtin_prefetch(&ix->off[v[j] + 2], 1);
		} else if (pass == 1) {
			__builtin_prefetch(&ix->off[v[j] + 1], 1);
			if (left != NULL) {
				__builtin_prefetch(&left[v[j]], 1);
			}
		} else {
			__builtin_prefetch(&ix->post[ix->off[v[j] + 1]], 1);
		}
	}
}

/* The inverted index: for each shingle id below nid, the entries that
 * carry it, in entry order. Probing titles stops at the first shingle
 * of more than FOLD_MAX_POSTINGS (fold_walk()): of such a shingle the
 * title index keeps the first FOLD_MAX_POSTINGS + 1, which tell it
 * common all the same; at a million titles the words every hundredth
 * title carries took a third of its room. */
static int
fold_build_index(const struct fold_ctx *c, int lead, size_t nid,
                 struct fold_index *ix)
{
	size_t i, j, n, total = 0;
	const uint32_t *v;
	unsigned char *left = NULL;	/* titles: room left at each id */

	_Static_assert(FOLD_MAX_POSTINGS + 1 <= UCHAR_MAX, "room left fits a byte");
	ix->off = fold_calloc(nid + 2, sizeof(*ix->off));
	if (ix->off == NULL || (!lead && (left = malloc(nid ? nid : 1)) == NULL)) {
		free(left);
		return -1;
	}
	/* counts land two ahead, so that after the prefix sum off[k + 1]
	 * is where id k's postings go, and filling moves it to their end */
	for (i = 0; i < c->n; i++) {
		fold_index_prefetch(c, ix, i + FOLD_INDEX_AHEAD, lead, NULL, 0);
		v = fold_shingles(c, i, lead, &n);
		for (j = 0; j < n; j++) {
			ix->off[v[j] + 2]++;
		}
	}
	for (i = 2; i < nid + 2; i++) {
		if (left != NULL) {
			if (ix->off[i] > FOLD_MAX_POSTINGS + 1) {
				ix->off[i] = FOLD_MAX_POSTINGS + 1;
			}
			left[i - 2] = (unsigned char)ix->off[i];
		}
		total += ix->off[i];
		ix->off[i] += ix->off[i - 1];
	}
	ix->post = fold_alloc(total, sizeof(*ix->post));
	if (ix->post == NULL) {
		free(left);
		return -1;
	}
	for (i = 0; i < c->n; i++) {
		fold_index_prefetch(c, ix, i + FOLD_INDEX_AHEAD, lead, left, 1);
		fold_index_prefetch(c, ix, i + FOLD_INDEX_AHEAD / 2, lead, NULL, 2);
		v = fold_shingles(c, i, lead, &n);
		for (j = 0; j < n; j++) {
			if (left == NULL || (left[v[j]] > 0 && left[v[j]]-- > 0)) {
				ix->post[ix->off[v[j] + 1]++] = (uint32_t)i;
			}
		}
	}
	free(left);
	return 0;
}

static int
fold_cmp_u64(const void *x, const void *y)
{
	uint64_t a = *(const uint64_t *)x, b = *(const uint64_t *)y;

	return (a > b) - (a < b);
}

/* Sorts v[0..n): a title's few dozen shingles by insertion, more by
 * qsort. */
static void
fold_sort_u64(uint64_t *v, size_t n)
{
	size_t i, m;

	if (n > 48) {
		qsort(v, n, sizeof(*v), fold_cmp_u64);
		return;
	}
	for (i = 1; i < n; i++) {
		uint64_t x = v[i];

		for (m = i; m > 0 && v[m - 1] > x; m--) {
			v[m] = v[m - 1];
		}
		v[m] = x;
	}
}

static int fold_verify_lead(const struct fold_ctx *c, size_t ia, size_t ib,
                            double t);
static void fold_summary_misses(const struct fold_ctx *c,
                                const struct fold_ent *a,
                                const struct fold_ent *b, size_t *ma,
                                size_t *mb, size_t *na, size_t *nb);
static int fold_leads_lack_none(const struct fold_ctx *c,
                                const struct fold_ent *a,
                                const struct fold_ent *b);

/* The entries a probe may pair its entry with: the undated [0, undated)
 * and those dated within FOLD_WINDOW_SECONDS of it, [lo, hi), as the
 * entries are in date order, undated first. Any other pair is two
 * stories (fold_same_story()) or, sharing a GUID or link, one story
 * already (fold_join_field() joins them before any probe). An undated
 * entry's span is every entry. */
struct fold_span {
	uint32_t undated, lo, hi;
};

/* The first of postings [from, to) at index lo or above. */
static size_t
fold_postings_from(const uint32_t *post, size_t from, size_t to, uint32_t lo)
{
	while (from < to) {
		size_t mid = from + (to - from) / 2;

		if (post[mid] < lo) {
			from = mid + 1;
		} else {
			to = mid;
		}
	}
	return from;
}

/* Walks the postings of a's k rarest shingles (order holds them rarest
 * first) and joins a with each entry there that the rule accepts: the
 * title rule, or with lead set the summary-lead rule. A pair is tried
 * once, from its side with fewer shingles (ties: the lower index), and a
 * shingle carried too often ends the walk, as do all after it. Only
 * the postings in a's span are read: the rest are different stories.
 * A CJK title's candidate that shares under half the shingles the
 * prefix is cut for (ceil(t n)) is not verified: the title rule wants
 * more, and the other rules' pairs are found by the lead and name
 * probes. A CJK bigram is as common as a word: such candidates were 99
 * in 100 of the probe's, each parted after a microsecond's rules. Word
 * pairs make a Latin title's prefix rarer, and its few candidates are
 * parted sooner by the rules than by counting. */
static int
fold_walk(const struct fold_ctx *c, const struct fold_index *ix, uint32_t a,
          const struct fold_span *w, const uint64_t *order, size_t k,
          uint32_t *seen, int lead, double t, struct fold_pairs *out)
{
	const struct fold_ent *e = &c->ents[a];
	size_t n = lead ? e->nlive : e->nsh, p, j, end;
	/* twice the shingles a title candidate must share, where a's title
	 * has CJK bigrams (weighing 1, a word 2) */
	size_t need = !lead && e->weight < 2 * e->nbase ?
	              (size_t)ceil(t * (double)n - 1e-9) : 0;

	for (p = 0; p < k; p++) {
		uint32_t s = (uint32_t)order[p];

		if (ix->off[s + 1] - ix->off[s] > FOLD_MAX_POSTINGS) {
			return 0;
		}
		for (j = ix->off[s], end = ix->off[s + 1]; j < end; j++) {
			uint32_t b = ix->post[j];
			size_t nb;

			if (b >= w->undated && b < w->lo) {
				j = fold_postings_from(ix->post, j, end, w->lo) - 1;
				continue;
			}
			if (b >= w->hi) {
				break;
			}
			nb = ix->len[b];
			if (b == a || seen[b] == a + 1 || nb < n || (nb == n && b < a)) {
				continue;
			}
			seen[b] = a + 1;
			if (fold_add_edge(c, out, a, b, t, need) != 0) {
				return -1;
			}
		}
	}
	return 0;
}

/* Whether title key k names something: a strong key, or a weak one (a
 * capitalised word of Title Case) that is not its first word and that no
 * title of the batch writes in lower case. In "Storm Batters Selbury:
 * Trees Down, Roofs Torn Off" the capitals of storm, trees and roofs
 * name nothing. */
static int
fold_key_named(const struct fold_ctx *c, uint32_t k)
{
	return (k & TITLE_KEY_WEAK_BIT) == 0 ||
	       ((k & TITLE_KEY_FIRST_BIT) == 0 && !c->lower[k & TITLE_KEY_ID]);
}

/* Whether e has no lead (no summary, or one that only says its
 * headline again). */
static int
fold_bare(const struct fold_ent *e)
{
	return e->nskeys == 0 && e->nlead == 0;
}

/* Tries entry a with the later entries of other feeds in its span whose
 * titles carry a name of a's title, for fold_facts_retold(): two
 * outlets' own headlines of one event share its names, not their words
 * ("Kelbridge Rovers v Saltmere Athletic: team news and prediction" and
 * "Kelbridge Rovers host Saltmere Athletic in Marlow League round 21").
 * A name carried by more than FOLD_MAX_POSTINGS titles names no one
 * event, and the index keeps no more of its postings. */
static int
fold_walk_named(const struct fold_ctx *c, const struct fold_index *ix,
                uint32_t a, const struct fold_span *w, uint32_t *seen,
                double t, struct fold_pairs *out)
{
	const struct fold_ent *e = &c->ents[a];
	size_t i, j, from, end;

	if (e->nskeys < FOLD_RETOLD_KEYS && !fold_bare(e)) {
		return 0;
	}
	for (i = 0; i < e->nkeys; i++) {
		uint32_t k = c->keys[e->key + i], s = k & TITLE_KEY_ID;

		/* the index keeps the first FOLD_MAX_POSTINGS + 1 of an id's */
		if ((k & TITLE_KEY_MARKER_BIT) || !fold_key_named(c, k) ||
		    c->kind[s] != TITLE_KIND_WORD ||
		    ix->off[s + 1] - ix->off[s] > FOLD_MAX_POSTINGS) {
			continue;
		}
		from = fold_postings_from(ix->post, ix->off[s], ix->off[s + 1], a + 1);
		end = fold_postings_from(ix->post, from, ix->off[s + 1], w->hi);
		for (j = from; j < end; j++) {
			uint32_t b = ix->post[j];
			const struct fold_ent *f = &c->ents[b];

			if (seen[b] == a + 1 ||
			    (f->nskeys < FOLD_RETOLD_KEYS && !fold_bare(f)) ||
			    (fold_bare(e) && fold_bare(f)) ||
			    fold_one_feed(fold_at(c, a), fold_at(c, b))) {
				continue;
			}
			seen[b] = a + 1;
			if (fold_add_edge(c, out, a, b, t, 0) != 0) {
				return -1;
			}
		}
	}
	return 0;
}

/* Verifies entry a against every entry that carries one of a's rarest
 * shingles and is at least as long as a (the longer side of a pair
 * finds it through the shorter side's prefix). */
static int
fold_probe(const struct fold_ctx *c, const struct fold_index *ix, uint32_t a,
           const struct fold_span *w, double t, uint64_t *order,
           uint32_t *seen, struct fold_pairs *out)
{
	const struct fold_ent *e = &c->ents[a];
	size_t k, p;

	/* rarest first: postings length in the high half, id below */
	for (p = 0; p < e->nsh; p++) {
		uint32_t s = c->ids[e->sh + p];

		order[p] = (uint64_t)(ix->off[s + 1] - ix->off[s]) << 32 | s;
	}
	fold_sort_u64(order, e->nsh);
	k = e->nsh - (size_t)ceil(t * (double)e->nsh - 1e-9) + 1;
	if (fold_walk(c, ix, a, w, order, k < e->nsh ? k : e->nsh, seen, 0, t,
	              out) != 0) {
		return -1;
	}
	return fold_walk_named(c, ix, a, w, seen, t, out);
}

static int fold_probe_lead(const struct fold_ctx *c,
                           const struct fold_index *ix, uint32_t a,
                           const struct fold_span *w, double t,
                           uint64_t *order, uint32_t *seen,
                           struct fold_pairs *out);

/* Entries probed by one thread, into pairs of its own: probing only
 * reads c, and the pairs are sorted before they join (fold_cluster()),
 * so the stories do not depend on the threads nor on which probed what.
 * Each thread takes the next FOLD_PROBE_CHUNK entries below n from the
 * shared counter next until none are left, so that one slowed by the
 * machine or by its entries leaves the rest to the other. */
#define FOLD_PROBE_CHUNK 1024

struct fold_probe_job {
	const struct fold_ctx *c;
	const struct fold_index *ix;
	_Atomic size_t *next;
	int lead;		/* the summary rules' probe, not the title's */
	size_t undated;		/* entries [0, undated) have no date */
	double t;
	struct fold_pairs out;
	int rc;
};

static int fold_probe_chunk(struct fold_probe_job *j, size_t from, size_t to,
                            uint64_t *order, uint32_t *seen);

static void *
fold_probe_run(void *arg)
{
	struct fold_probe_job *j = arg;
	const struct fold_ctx *c = j->c;
	uint32_t *seen = fold_calloc(c->n, sizeof(*seen));
	uint64_t *order;
	size_t i, longest = 1;

	for (i = 0; i < c->n; i++) {
		size_t m = j->lead ? c->ents[i].nlead : c->ents[i].nsh;

		longest = m > longest ? m : longest;
	}
	order = fold_alloc(longest, sizeof(*order));
	j->rc = seen == NULL || order == NULL ? -1 : 0;
	while (j->rc == 0 && (i = atomic_fetch_add(j->next, FOLD_PROBE_CHUNK)) < c->n) {
		j->rc = fold_probe_chunk(j, i, c->n - i > FOLD_PROBE_CHUNK ?
		                         i + FOLD_PROBE_CHUNK : c->n, order, seen);
	}
	free(order);
	free(seen);
	return NULL;
}

/* A probe first reads the postings' lengths of all its entry's shingles,
 * ids anywhere in the index: the loop asks for those of the entry
 * FOLD_PROBE_AHEAD later (and for its boilerplate marks). */
#define FOLD_PROBE_AHEAD 2

static inline __attribute__((always_inline)) void
fold_probe_prefetch(const struct fold_ctx *c, const struct fold_index *ix,
                    size_t i, int lead)
{
	const struct fold_ent *e = &c->ents[i];
	const uint32_t *v = lead ? c->lids : c->ids;
	size_t p, n = lead ? e->nlead : e->nsh;

	if (v == NULL) {
		return;	/* no shingles at all: NULL + 0 is undefined */
	}
	v += lead ? e->lead : e->sh;
	for (p = 0; p < n; p++) {
		__builtin_prefetch(&ix->off[v[p]]);
		if (lead) {
			__builtin_prefetch(&c->boiler[v[p]]);
		}
	}
}

/* The first of the dated entries [from, to), all before time (after
 * 0) or all after it (after 1), within the window of time (lo) or, with
 * after set, past it (hi). */
static size_t
fold_span_edge(const struct fold_ctx *c, size_t from, size_t to,
               int64_t time, int after)
{
	while (from < to) {
		size_t mid = from + (to - from) / 2;

		if (fold_apart(c->ents[mid].time, time) != after) {
			from = mid + 1;
		} else {
			to = mid;
		}
	}
	return from;
}

/* Moves span w to dated entry i's, the entries being in date order:
 * from the last entry's span, an edge at a time; from none (hi at i or
 * below), by a search. */
static void
fold_span_move(const struct fold_ctx *c, struct fold_span *w, size_t i)
{
	int64_t time = c->ents[i].time;

	if (w->hi <= i) {
		w->lo = (uint32_t)fold_span_edge(c, w->undated, i, time, 0);
		w->hi = (uint32_t)fold_span_edge(c, i, c->n, time, 1);
		return;
	}
	while (w->lo < i && fold_apart(c->ents[w->lo].time, time)) {
		w->lo++;
	}
	while (w->hi < c->n && !fold_apart(c->ents[w->hi].time, time)) {
		w->hi++;
	}
}

/* Probes the entries [from, to) for job j. */
static int
fold_probe_chunk(struct fold_probe_job *j, size_t from, size_t to,
                 uint64_t *order, uint32_t *seen)
{
	const struct fold_ctx *c = j->c;
	struct fold_span w = { j->undated, 0, 0 }, all = { 0, 0, (uint32_t)c->n };
	size_t i;

	for (i = from; i < to && j->rc == 0; i++) {
		const struct fold_ent *e = &c->ents[i];
		const struct fold_span *span = &all;

		if (i + FOLD_PROBE_AHEAD < to) {
			fold_probe_prefetch(c, j->ix, i + FOLD_PROBE_AHEAD, j->lead);
		}
		if (e->time != NF_NO_DATE) {
			fold_span_move(c, &w, i);
			span = &w;
		}
		if (j->lead && e->nlive >= FOLD_SHORT_LEAD_MIN) {
			j->rc = fold_probe_lead(c, j->ix, (uint32_t)i, span, j->t, order,
			                        seen, &j->out);
		} else if (!j->lead && e->nbase >= 3) {
			j->rc = fold_probe(c, j->ix, (uint32_t)i, span, j->t, order, seen,
			                   &j->out);
		}
	}
	return j->rc;
}

/* Moves the pairs of from to the end of to's. */
static int
fold_pairs_move(struct fold_pairs *to, struct fold_pairs *from)
{
	int rc = fold_append((void **)&to->edges, &to->nedges, &to->capedges,
	                     from->edges, from->nedges, sizeof(*to->edges)) != 0 ||
	         fold_append((void **)&to->later, &to->nlater, &to->caplater,
	                     from->later, from->nlater, sizeof(*to->later)) != 0;

	free(from->edges);
	free(from->later);
	return rc ? -1 : 0;
}

/* Probes every entry (fold_probe(), or with lead set fold_probe_lead())
 * on two threads, each taking chunks as it goes, into c->pairs. */
static int
fold_probe_all(struct fold_ctx *c, struct fold_index *ix, int lead,
               double t)
{
	struct fold_probe_job job[2];
	_Atomic size_t next = 0;
	pthread_t th;
	int threaded, rc, i;
	size_t e;

	if ((ix->len = fold_alloc(c->n, sizeof(*ix->len))) == NULL) {
		return -1;
	}
	for (e = 0; e < c->n; e++) {
		ix->len[e] = lead ? c->ents[e].nlive : c->ents[e].nsh;
	}
	for (e = 0; e < c->n && c->ents[e].time == NF_NO_DATE; e++) {
	}
	memset(job, 0, sizeof(job));
	for (i = 0; i < 2; i++) {
		job[i].c = c, job[i].ix = ix, job[i].lead = lead, job[i].t = t;
		job[i].next = &next, job[i].undated = e;
	}
	threaded = c->n >= FOLD_BLOCK &&
	           pthread_create(&th, NULL, fold_probe_run, &job[1]) == 0;
	fold_probe_run(&job[0]);
	if (threaded) {
		pthread_join(th, NULL);
	}
	rc = job[0].rc | job[1].rc;
	rc |= fold_pairs_move(&c->pairs, &job[0].out);
	rc |= fold_pairs_move(&c->pairs, &job[1].out);
	return rc != 0 ? -1 : 0;
}

/* The lead: longest text, then the earliest time (an undated copy counts
 * as later than any dated one), then the lowest index, so the choice
 * does not depend on the order the entries came in unless two copies
 * tie on both. Returns whether x beats y. */
static int
fold_leads(const struct fold_entry *e, uint32_t x, uint32_t y)
{
	if (e[x].text_len != e[y].text_len) {
		return e[x].text_len > e[y].text_len;
	}
	if (e[x].time != e[y].time) {
		if (e[x].time == NF_NO_DATE || e[y].time == NF_NO_DATE) {
			return e[y].time == NF_NO_DATE;
		}
		return e[x].time < e[y].time;
	}
	return x < y;
}

/* Turns each entry's story (root[i]: an entry of it, the same for all
 * its members; fold_roots()) into stories, in entry order of leads. */
static enum nf_status
fold_collect(const struct fold_entry *e, size_t n, const uint32_t *root,
             struct fold_result *out, struct nf_error *err)
{
	uint32_t *lead = fold_calloc(n, sizeof(*lead));
	uint32_t *count = fold_calloc(n, sizeof(*count));
	size_t i, ns = 0;

	if (lead == NULL || count == NULL) {
		goto nomem;
	}
	for (i = 0; i < n; i++) {
		uint32_t r = root[i];

		if (count[r]++ == 0 || fold_leads(e, (uint32_t)i, lead[r])) {
			lead[r] = (uint32_t)i;
		}
	}
	out->stories = fold_calloc(n, sizeof(*out->stories));
	if (out->stories == NULL) {
		goto nomem;
	}
	for (i = 0; i < n; i++) {
		uint32_t r = root[i];
		struct fold_story *st;

		if (lead[r] != i) {
			continue;
		}
		st = &out->stories[ns++];
		st->lead = i;
		if (count[r] > 1) {
			st->similar = malloc((count[r] - 1) * sizeof(*st->similar));
			if (st->similar == NULL) {
				out->nstories = ns;
				goto nomem;
			}
		}
		count[r] = (uint32_t)(ns - 1);	/* from here: root -> story */
	}
	out->nstories = ns;
	for (i = 0; i < n; i++) {
		uint32_t r = root[i];
		struct fold_story *st = &out->stories[count[r]];

		if (st->lead != i) {
			st->similar[st->nsimilar++] = i;
		}
	}
	free(lead);
	free(count);
	return NF_OK;
nomem:
	free(lead);
	free(count);
	fold_result_free(out);
	return nf_error_set(err, NF_ERR_NOMEM, "out of memory folding stories");
}

static void
fold_ctx_free(struct fold_ctx *c)
{
	free(c->outlets);
	free(c->ents);
	free(c->leadat);
	free(c->sentlen);
	free(c->ids);
	free(c->keys);
	free(c->flat);
	free(c->slots);
	free(c->kind);
	free(c->lower);
	free(c->boiler);
	free(c->lids);
	free(c->skeys);
	free(c->parent);
	free(c->next);
	free(c->size);
	free(c->first);
	free(c->last);
	free(c->pairs.edges);
	free(c->pairs.later);
	free(c->leadkeys);
	fold_index_free(&c->tix);
	fold_index_free(&c->lix);
}

/* The stories so far, each entry its own: the union-find, made once the
 * reading's memory has gone. */
static int
fold_ctx_stories(struct fold_ctx *c)
{
	size_t n = c->n, i;

	c->parent = fold_alloc(n, sizeof(*c->parent));
	c->next = fold_alloc(n, sizeof(*c->next));
	c->size = fold_alloc(n, sizeof(*c->size));
	c->first = fold_alloc(n, sizeof(*c->first));
	c->last = fold_alloc(n, sizeof(*c->last));
	if (c->parent == NULL || c->next == NULL || c->size == NULL ||
	    c->first == NULL || c->last == NULL) {
		return -1;
	}
	for (i = 0; i < n; i++) {
		int64_t time = c->ents[i].time;	/* read with the title */

		c->parent[i] = c->next[i] = (uint32_t)i;
		c->size[i] = 1;
		c->first[i] = time != NF_NO_DATE ? time : INT64_MAX;
		c->last[i] = time != NF_NO_DATE ? time : INT64_MIN;
	}
	return 0;
}

/* Normalises and shingles every entry into c. The bitmap of lead
 * shingles takes FOLD_LEAD_BITS bits an entry. */
static int
fold_ctx_fill(struct fold_ctx *c, const struct fold_entry *entries, size_t n)
{
	struct fold_leadset ls;
	int rc = -1;

	memset(&ls, 0, sizeof(ls));
	ls.bits = 16;
	while (ls.bits < 40 && ((size_t)1 << ls.bits) < n * FOLD_LEAD_BITS / 2) {
		ls.bits++;
	}
	ls.map = fold_zeroed(((size_t)1 << (ls.bits - 5)) * sizeof(*ls.map), 1);
	c->ents = fold_zeroed((n ? n : 1) * sizeof(*c->ents), 0);
	c->leadat = fold_zeroed(n ? n : 1, 0);
	c->sentlen = fold_zeroed(n ? n : 1, 0);
	c->entries = entries;
	c->n = n;
	if (ls.map == NULL || c->ents == NULL || c->leadat == NULL ||
	    c->sentlen == NULL ||
	    fold_rehash(c, n * FOLD_IDS_PER_ENTRY) != 0 ||
	    fold_outlets_fill(c, n) != 0 || fold_read_all(c, &ls) != 0) {
		goto out;
	}
	/* the title arrays are complete: their spare room goes back before
	 * the leads get ids */
	fold_trim((void **)&c->ids, &c->capids, c->nids, sizeof(*c->ids));
	fold_trim((void **)&c->keys, &c->capkeys, c->nkeys, sizeof(*c->keys));
	fold_trim((void **)&c->flat, &c->capflat, c->nflat, 1);
	fold_trim((void **)&c->skeys, &c->capskeys, c->nskeys, sizeof(*c->skeys));
	fold_trim((void **)&c->kind, &c->capid, c->hcount, 1);
	fold_trim((void **)&c->lower, &c->caplower, c->hcount, 1);
	if (fold_lead_ids(c, &ls) != 0) {
		goto out;
	}
	fold_trim((void **)&c->lids, &c->caplids, c->nlids, sizeof(*c->lids));
	rc = 0;
out:
	/* the ids are final: the table from hashes to ids is no longer
	 * needed */
	free(c->slots);
	c->slots = NULL;
	free((void *)ls.map);
	return rc;
}


/* Whether id is one of the keys of e's title but its first word. */
static int
fold_title_key(const struct fold_ctx *c, const struct fold_ent *e, uint32_t id)
{
	for (size_t i = 0; i < e->nkeys; i++) {
		uint32_t k = c->keys[e->key + i];

		if ((k & TITLE_KEY_ID) == id && (k & TITLE_KEY_FIRST_BIT) == 0) {
			return 1;
		}
	}
	return 0;
}

/* Whether every word and CJK bigram of e's title is common (df), and it
 * writes few enough words for a series' (FOLD_SERIES_WORDS). Where a
 * title names its date and nothing else (title_names_date_only()), the
 * date need not be common: it is what each title of a digest's series
 * changes, and a weekday or a day's figure recurs too seldom in a small
 * batch ("Buongiorno: le notizie di martedì 6 luglio"). */
static int
fold_all_common(const struct fold_ctx *c, const struct fold_ent *e,
                const uint32_t *df, uint32_t common)
{
	size_t i;

	for (i = 0; i < e->nsh; i++) {
		uint32_t id = c->ids[e->sh + i];

		if ((c->kind[id] == TITLE_KIND_WORD || c->kind[id] == TITLE_KIND_CJK) &&
		    df[id] < common && !(e->dateonly && fold_title_key(c, e, id))) {
			return 0;
		}
	}
	return e->nsh > 0 && e->words <= FOLD_SERIES_WORDS;
}

/* The ids that some dated title holds, by id (1: held): only their
 * counts decide fold_all_common(). Free with free(). */
static unsigned char *
fold_generic_words(const struct fold_ctx *c)
{
	unsigned char *want = fold_calloc(c->hcount, 1);
	size_t i, j;

	for (i = 0; want != NULL && i < c->n; i++) {
		const struct fold_ent *e = &c->ents[i];

		for (j = 0; e->dated && j < e->nsh; j++) {
			want[c->ids[e->sh + j]] = 1;
		}
	}
	return want;
}

/* Finds the titles of dated series: a title that names a date and holds
 * nothing but words that many other titles of the batch carry (【天気】
 * 南沢 11月17日 くもり, "Elmbridge weather: sunshine expected on Monday")
 * is one of a series that outlets write alike, so it counts as short: it
 * folds only over copied summaries. "Granton to make buses free from
 * January" names a date too, but Granton is news; and a title of more
 * than FOLD_SERIES_WORDS words tells its event whatever its words. Two
 * outlets' digests, "[아침 뉴스] 7월 6일" over their own leads or one over
 * none, are two stories (fold_all_common()). */
static int
fold_mark_generic(struct fold_ctx *c)
{
	struct fold_key *k = NULL;
	uint32_t *df = NULL;
	unsigned char *want = NULL;
	size_t i, j, common = c->n / FOLD_COMMON_SHARE, dated = 0;
	int rc = -1;

	for (i = 0; i < c->n; i++) {
		dated += c->ents[i].dated;
	}
	if (dated == 0) {
		return 0;	/* no title names a date: none is of a series */
	}
	common = common < FOLD_COMMON_MIN ? FOLD_COMMON_MIN :
	         common > FOLD_COMMON_MAX ? FOLD_COMMON_MAX : common;
	k = fold_alloc(c->n, sizeof(*k));
	df = fold_calloc(c->hcount, sizeof(*df));
	want = fold_generic_words(c);
	if (k == NULL || df == NULL || want == NULL) {
		goto out;
	}
	for (i = 0; i < c->n; i++) {
		k[i].h = c->ents[i].whole, k[i].i = (uint32_t)i;
	}
	if (fold_group_keys(k, c->n, fold_cmp_whole_only) != 0) {
		goto out;
	}
	/* each different title counts once, however many copies carry it;
	 * only the words of dated titles are asked about */
	for (i = 0; i < c->n; i++) {
		const struct fold_ent *e = &c->ents[k[i].i];

		for (j = 0; (i == 0 || k[i].h != k[i - 1].h) && j < e->nsh; j++) {
			uint32_t id = c->ids[e->sh + j];

			df[id] += want[id];
		}
	}
	for (i = 0; i < c->n; i++) {
		struct fold_ent *e = &c->ents[i];

		if (e->dated && fold_all_common(c, e, df, (uint32_t)common)) {
			e->inform = 0;
		}
	}
	rc = 0;
out:
	free(k);
	free(df);
	free(want);
	return rc;
}

/* Finds template titles by their recurrence: a title that the batch
 * carries word for word FOLD_RECUR_MIN times or more, further apart than
 * one story may span (FOLD_WINDOW_SECONDS), is what many stories are
 * called, not one story told again on another day ("Board changes
 * announced", "Trading update", お知らせ over one company's release after
 * another's), so it counts as short: it folds only over copied summaries,
 * and identical titles over different summaries stay apart. k holds the
 * m titles that are not empty, grouped as fold_join_identical() groups
 * them (fold_cmp_whole()): its dated ones are the ones asked about. */
static void
fold_mark_recurring(struct fold_ctx *c, const struct fold_key *k, size_t m)
{
	size_t i, j, d;

	for (i = 0; i < m; i = j) {
		/* undated copies come first in a run of one title: skipped */
		for (d = i; d < m && k[d].h == k[i].h && k[d].time == NF_NO_DATE; d++) {
		}
		for (j = d; j < m && k[j].h == k[i].h; j++) {
		}
		if (j - d < FOLD_RECUR_MIN || !fold_apart(k[d].time, k[j - 1].time)) {
			continue;
		}
		for (size_t x = d; x < j; x++) {
			if (fold_same_flat(c, k[d].i, k[x].i)) {
				c->ents[k[x].i].inform = 0;
				c->ents[k[x].i].recurring = 1;
			}
		}
	}
}

/* The generic titles marked, the stories so far (each entry its own,
 * joined by GUID and link), the templates' titles marked and the pairs
 * of identical titles (one grouping of the titles for both): all of it
 * while the index of title shingles is built beside it
 * (fold_join_all()), as neither reads what the other writes. */
static int
fold_join_before_index(struct fold_ctx *c, double t)
{
	return fold_mark_generic(c) != 0 || fold_ctx_stories(c) != 0 ||
	       fold_join_field(c, c->n, 0) != 0 ||
	       fold_join_field(c, c->n, 1) != 0 ||
	       fold_join_identical(c, t) != 0 ? -1 : 0;
}

/* How many shingles e's lead has, those no other lead shares included:
 * what a share of a lead is counted against. */
static size_t
fold_lead_len(const struct fold_ent *e)
{
	return e->nlead + e->nprivate;
}

/* The shorter of a's and b's leads, by fold_lead_len(). */
static size_t
fold_lead_shorter(const struct fold_ent *a, const struct fold_ent *b)
{
	size_t na = fold_lead_len(a), nb = fold_lead_len(b);

	return na < nb ? na : nb;
}

/* How many summary shingles a and b share, boilerplate aside; *all
 * (may be NULL) gets how many they share with it. */
static size_t
fold_lead_shared(const struct fold_ctx *c, const struct fold_ent *a,
                 const struct fold_ent *b, size_t *all)
{
	const uint32_t *x = c->lids + a->lead, *y = c->lids + b->lead;
	size_t i = 0, j = 0, shared = 0, n = 0;

	while (i < a->nlead && j < b->nlead) {
		if (x[i] < y[j]) {
			i++;
		} else if (y[j] < x[i]) {
			j++;
		} else {
			shared += c->boiler == NULL || !c->boiler[x[i]];
			n++, i++, j++;
		}
	}
	if (all != NULL) {
		*all = n;
	}
	return shared;
}

/*
 * The second rule, for rewrites: outlets that run the same wire copy
 * keep its lead but may rewrite the headline, swapping the verb ("knocks
 * out power to 40,000 homes", "leaves 40,000 homes without power") or
 * the voice ("Thieves steal gold coins", "Gold coins stolen"), which the
 * title rule cannot see. Two dated copies within FOLD_WINDOW_SECONDS are
 * the same story when
 *  - their titles still share threshold of the lighter title's words
 *    (stopwords aside; each title with at least 3 words), so that
 *    fold-threshold governs this rule too (half the words let the same
 *    pairs through on the held-out set at 0.6, but kept 0.95 folding
 *    as much as 0.6), and neither holds a key or Japanese word that the
 *    other lacks while the other holds one it lacks, as the title rule
 *    asks (title_retold()), and
 *  - their leads (the first FOLD_LEAD_BYTES of the summaries) are near
 *    copies: at least FOLD_LEAD_SHARE of the shorter lead's word pairs
 *    and CJK bigrams, and FOLD_LEAD_MIN of them, are in the other's.
 * Pairs that summaries of FOLD_BOILER_STORIES stories or more carry (as
 * the title rule found them) are boilerplate and do not count: "Follow
 * our live coverage" under two headlines about one storm proves nothing.
 * On the held-out set this rule found the verb-swapping rewrites that
 * share their lead and folded no different stories.
 */
static int fold_leads_keyed_same(const struct fold_ctx *c,
                                 const struct fold_ent *a,
                                 const struct fold_ent *b);
static int fold_cjk_echoed(const struct fold_ent *a, const struct fold_ent *b,
                           const struct fold_entry *ea,
                           const struct fold_entry *eb);

static int
fold_verify_lead(const struct fold_ctx *c, size_t ia, size_t ib, double t)
{
	const struct fold_ent *a = &c->ents[ia], *b = &c->ents[ib];
	size_t whole = fold_lead_shorter(a, b), shared, all;
	struct title_vocab vocab = { c->kind, c->lower };
	struct title_view x, y;

	if (fold_apart(a->time, b->time)) {
		return 0;
	}
	if (c->boiler == NULL || a->nbase < 3 || b->nbase < 3) {
		return 0;	/* no boilerplate known yet: no summary rule */
	}
	/* the leads' own words prove the copy; a template's words (which
	 * the summaries of many stories carry) count towards its share */
	shared = fold_lead_shared(c, a, b, &all);
	if (all < FOLD_LEAD_MIN ||
	    (double)all < FOLD_LEAD_SHARE * (double)whole - 1e-9) {
		return 0;
	}
	/* a template's lead, its words all recurring, proves a copy only
	 * copied nearly whole and when it is no boilerplate as a whole */
	if (shared < FOLD_SHORT_LEAD_MIN &&
	    (a->boilerlead || b->boilerlead ||
	     (double)all < FOLD_LEAD_SAME * (double)whole - 1e-9)) {
		return 0;
	}
	/* A lead copied nearly whole is the wire's own text, so the titles
	 * over it may be rewritten in other words ("Strong quake shakes Teral
	 * Island, no tsunami warning" over "Magnitude 6.1 earthquake strikes
	 * off coast of Teral Island"): they need share only
	 * FOLD_LEAD_SAME_TITLE of the usual part of their words. */
	int same_lead = all >= FOLD_LEAD_SAME_MIN &&
	                (double)all >= FOLD_LEAD_SAME * (double)whole - 1e-9;

	/* so is a shorter lead that is the very same text, keys and all,
	 * when it names the event: by its keys, or in Chinese or Japanese,
	 * whose leads name none, by telling each headline ("南屿美术馆迎来新
	 * 馆长：赵天佑。" under "赵天佑出任…" and "赵天佑担任…"); "设备故障，
	 * 列车暂停运营。" under two towns' closures tells neither */
	if (!same_lead && a->leadhash == b->leadhash && all == whole &&
	    (fold_leads_keyed_same(c, a, b) ||
	     fold_cjk_echoed(a, b, fold_at(c, ia), fold_at(c, ib)))) {
		same_lead = 1;
	}

	/* but not a lead that many stories carry whole ("公正取引委員会が審査
	 * に乗り出した。" under each takeover's review): the titles over it
	 * must agree as copies' do */
	if (a->boilerlead || b->boilerlead) {
		same_lead = 0;
	}

	/* Where no capital shows a name, the word a title swaps over a lead
	 * copied only nearly whole may be the place that the lead swaps too
	 * (one template's first sentence for two towns): it takes every
	 * word pair of the shorter lead in the other's. */
	if ((a->uncased || b->uncased) && all < whole) {
		same_lead = 0;
	}

	if (same_lead) {
		t *= FOLD_LEAD_SAME_TITLE;
	}
	/* Japanese rewrites over one lead choose other words (最終増益,
	 * 純利益12%増); numbers and names still part them, and so do the
	 * Japanese words when each lead holds a key the other lacks (a
	 * template's lead: 北浦電力 ... 43% and 東浦電力 ... 9%). */
	if (same_lead) {
		same_lead = fold_leads_lack_none(c, a, b);
	}
	x = fold_view(c, a);
	y = fold_view(c, b);
	return title_retold(&vocab, &x, &y, t, same_lead);
}

/* Whether a and b carry the same GUID or link. */
static int
fold_same_address(const struct fold_ctx *c, uint32_t ia, uint32_t ib)
{
	const struct fold_ent *a = &c->ents[ia], *b = &c->ents[ib];
	const struct fold_entry *x = fold_at(c, ia), *y = fold_at(c, ib);

	return (a->guid != 0 && a->guid == b->guid && strcmp(x->id, y->id) == 0 &&
	        fold_same_scope(fold_guid_scope(x), fold_guid_scope(y))) ||
	       (a->link != 0 && a->link == b->link && strcmp(x->link, y->link) == 0);
}

/* How many keys of its summary's lead each of a and b holds that the
 * other's lacks (*ma, *mb), and how many of them are figures (*na, *nb). */
static void
fold_summary_misses(const struct fold_ctx *c, const struct fold_ent *a,
                    const struct fold_ent *b, size_t *ma, size_t *mb,
                    size_t *na, size_t *nb)
{
	const uint32_t *x = c->skeys + a->skey, *y = c->skeys + b->skey;
	size_t i = 0, j = 0;

	*ma = *mb = *na = *nb = 0;
	if (a->nskeys == 0 || b->nskeys == 0) {
		return;
	}
	while (i < a->nskeys || j < b->nskeys) {
		if (j == b->nskeys || (i < a->nskeys && x[i] < y[j])) {
			(*ma)++, *na += x[i++] & 1;
		} else if (i == a->nskeys || y[j] < x[i]) {
			(*mb)++, *nb += y[j++] & 1;
		} else {
			i++, j++;
		}
	}
}

/* Whether one of a's and b's leads names no key that the other lacks:
 * the keys shared are then all of that side's. */
static int
fold_leads_lack_none(const struct fold_ctx *c, const struct fold_ent *a,
                     const struct fold_ent *b)
{
	size_t ma, mb, na, nb;

	fold_summary_misses(c, a, b, &ma, &mb, &na, &nb);
	return ma == 0 || mb == 0;
}

static inline int
fold_digit(char ch)
{
	return ch >= '0' && ch <= '9';
}

/* Whether the digits d[0..n) stand in s[0..len) as a figure of their own
 * (no digit before or after them). */
static int
fold_digits_in(const char *s, size_t len, const char *d, size_t n)
{
	const char *p = s, *end = s + len;

	while ((size_t)(end - p) >= n &&
	       (p = memchr(p, d[0], (size_t)(end - p) - n + 1)) != NULL) {
		if (memcmp(p, d, n) == 0 && (p == s || !fold_digit(p[-1])) &&
		    (p + n == end || !fold_digit(p[n]))) {
			return 1;
		}
		p++;
	}
	return 0;
}

/* How many of the figures written in digits in a's lead b's lead lacks,
 * when b's sentences after its lead hold each of them (within the
 * FOLD_LEAD_BYTES a kept summary holds); else SIZE_MAX: "Joris
 * Smeulders (79)." and "… heeft donderdag het overlijden bekendgemaakt.
 * Joris Smeulders werd 79 jaar." */
static size_t
fold_figures_told_later(const struct fold_ctx *c, const struct fold_ent *a,
                        const struct fold_ent *b)
{
	const char *x = fold_at(c, (size_t)(a - c->ents))->summary;
	const char *y = fold_at(c, (size_t)(b - c->ents))->summary;
	size_t xlead = a->leadlen, ylead = b->leadlen, ylen, i, n, lacked = 0;

	if (x == NULL || y == NULL) {
		return SIZE_MAX;
	}
	x += c->leadat[a - c->ents];
	y += c->leadat[b - c->ents];
	ylen = strnlen(y, FOLD_LEAD_BYTES);
	if (ylen <= ylead) {
		return SIZE_MAX;	/* no sentence after the lead */
	}
	for (i = 0; i < xlead; i += n) {
		for (n = 0; i + n < xlead && fold_digit(x[i + n]); n++) {
		}
		if (n == 0) {
			n = 1;
			continue;
		}
		if (fold_digits_in(y, ylead, x + i, n)) {
			continue;
		}
		if (!fold_digits_in(y, ylen, x + i, n)) {
			return SIZE_MAX;
		}
		lacked++;
	}
	return lacked;
}

/* Whether the first sentences of a's and b's summaries tell different
 * events of one template ("Our Ostenton office is closed on Monday from
 * 07:35" and "Our Penstead office ... 22:35"; 南沢は月曜日、くもり and
 * 星丘は月曜日、雪): each holds a number the other lacks (but not one
 * whose extra figures, all written in digits, the other tells in a
 * sentence after its lead: fold_figures_told_later()), or, with keys
 * above 0, keys of its own (names, kanji or katakana words) that the
 * other lacks. A truncated copy lacks keys on one side only. */
static int
fold_summaries_differ(const struct fold_ctx *c, const struct fold_ent *a,
                      const struct fold_ent *b, int keys)
{
	size_t ma, mb, na, nb;

	fold_summary_misses(c, a, b, &ma, &mb, &na, &nb);
	if (na > 0 && nb > 0 && fold_figures_told_later(c, a, b) != na &&
	    fold_figures_told_later(c, b, a) != nb) {
		return 1;
	}
	return keys > 0 && ma >= (size_t)keys && mb >= (size_t)keys;
}

/* Whether code point cp is a letter of a script the leads are written
 * in: Latin, Greek, Cyrillic, Hebrew, Arabic, Thai, kana, CJK, Hangul
 * (no locale's table: folding must not depend on one). */
static int
fold_letter(uint32_t cp)
{
	return (cp < 0x80 && (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') ||
	       (cp >= 0xc0 && cp <= 0x24f && cp != 0xd7 && cp != 0xf7) ||
	       (cp >= 0x370 && cp <= 0x52f) || (cp >= 0x590 && cp <= 0x6ff) ||
	       (cp >= 0xe00 && cp <= 0xe7f) || (cp >= 0x1e00 && cp <= 0x1eff) ||
	       (cp >= 0x3041 && cp <= 0x30ff) ||
	       (cp >= 0x3400 && cp <= 0x9fff) ||
	       (cp >= 0xac00 && cp <= 0xd7af);
}

/* A figure of a lead and the word that follows it. */
struct fold_quantity {
	const char *fig, *word;
	size_t nfig, nword;
};

/* The bytes of the figure at s[i], a digit: its digits with the
 * separators between them ("1,200", "2.5"). */
static size_t
fold_figure_at(const char *s, size_t len, size_t i)
{
	size_t j = i;

	while (j < len && ((s[j] >= '0' && s[j] <= '9') ||
	                   ((s[j] == '.' || s[j] == ',') && j + 1 < len &&
	                    s[j + 1] >= '0' && s[j + 1] <= '9'))) {
		j++;
	}
	return j - i;
}

/* Whether figures a and b (n bytes each) have the same digits: "13.900"
 * and "13900" are one figure. */
static int
fold_figure_same(const char *a, size_t na, const char *b, size_t nb)
{
	size_t i = 0, j = 0;

	for (;;) {
		while (i < na && (a[i] < '0' || a[i] > '9')) {
			i++;
		}
		while (j < nb && (b[j] < '0' || b[j] > '9')) {
			j++;
		}
		if (i == na || j == nb) {
			return i == na && j == nb;
		}
		if (a[i++] != b[j++]) {
			return 0;
		}
	}
}

/* The bytes of the word of FOLD_UNIT_LETTERS letters or more at s[i],
 * 0 when none is there; with wide, a CJK or Hangul letter counts two
 * (임금, the pay). */
static size_t
fold_word_at(const char *s, size_t len, size_t i, int wide)
{
	size_t j, n, letters = 0;
	uint32_t cp;

	for (j = i; j < len; j += n) {
		n = utf8_decode(s + j, len - j, &cp);
		if (!fold_letter(cp)) {
			break;
		}
		letters += wide && cp >= 0x3041 ? 2 : 1;
	}
	return letters >= FOLD_UNIT_LETTERS ? j - i : 0;
}

/* The word of FOLD_UNIT_LETTERS letters or more that follows a figure
 * ending at s[i] past blanks: its length, 0 when none follows. A percent
 * sign (ASCII or fullwidth) is a unit with the word after it: "11% 임금"
 * is the pay rise, where "40.0% of the vote" and "a turnout of 31.7%,"
 * are two quantities. */
static size_t
fold_unit_at(const char *s, size_t len, size_t *i)
{
	size_t sign = 0, j, n;

	while (*i < len && s[*i] == ' ') {
		(*i)++;
	}
	if (*i < len && s[*i] == '%') {
		sign = 1;
	} else if (len - *i >= 3 && memcmp(s + *i, "\xef\xbc\x85", 3) == 0) {
		sign = 3;
	}
	if (sign == 0) {
		return fold_word_at(s, len, *i, 0);
	}
	for (j = *i + sign; j < len && s[j] == ' '; j++) {
	}
	n = fold_word_at(s, len, j, 1);
	return n > 0 ? j + n - *i : 0;
}

/* The figures of the lead s (len bytes) into q (room for
 * FOLD_QUANTITIES), each with the word after it or none: how many. */
static size_t
fold_quantities(const char *s, size_t len, struct fold_quantity *q)
{
	size_t i = 0, n = 0, f;

	while (i < len && n < FOLD_QUANTITIES) {
		if (s[i] < '0' || s[i] > '9') {
			i++;
			continue;
		}
		f = fold_figure_at(s, len, i);
		/* after a letter, a name's: "A52", "U21" */
		if (i > 0 && fold_letter((unsigned char)s[i - 1])) {
			i += f;
			continue;
		}
		q[n].fig = s + i, q[n].nfig = f;
		i += f;
		q[n].nword = fold_unit_at(s, len, &i);
		q[n].word = s + i;
		n++;
	}
	return n;
}

/* Whether figure x is among the n quantities q. */
static int
fold_figure_among(const struct fold_quantity *x, const struct fold_quantity *q,
                  size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (fold_figure_same(x->fig, x->nfig, q[i].fig, q[i].nfig)) {
			return 1;
		}
	}
	return 0;
}

/* Whether words x and y are the same, ASCII case aside. */
static int
fold_unit_same(const struct fold_quantity *x, const struct fold_quantity *y)
{
	return x->nword > 0 && x->nword == y->nword &&
	       strncasecmp(x->word, y->word, x->nword) == 0;
}

/* The words of FOLD_UNIT_LETTERS letters or more among the
 * FOLD_COUNTED_WORDS words after s[i] (past a magnitude's stop, "tys.",
 * and a hyphen's parts, "e-scooters"), into w: how many. */
static size_t
fold_counted(const char *s, size_t len, size_t i, struct fold_quantity *w)
{
	size_t n = 0, k, j, letters;
	uint32_t cp;

	for (k = 0; k < FOLD_COUNTED_WORDS && i < len; k++) {
		while (i < len && (s[i] == ' ' || s[i] == '.' || s[i] == '-')) {
			i++;
		}
		for (j = i, letters = 0; j < len; letters++) {
			size_t step = utf8_decode(s + j, len - j, &cp);

			if (step == 0 || !fold_letter(cp)) {
				break;
			}
			j += step;
		}
		if (j == i) {
			break;	/* a figure or a sign ends the count */
		}
		if (letters >= FOLD_UNIT_LETTERS) {
			w[n].word = s + i, w[n].nword = j - i;
			n++;
		}
		i = j;
	}
	return n;
}

/* Whether a word of w (n) is none of x (m), ASCII case aside. */
static int
fold_counted_new(const struct fold_quantity *w, size_t n,
                 const struct fold_quantity *x, size_t m)
{
	for (size_t i = 0; i < n; i++) {
		size_t j = 0;

		while (j < m && !fold_unit_same(&w[i], &x[j])) {
			j++;
		}
		if (j == m) {
			return 1;
		}
	}
	return 0;
}

/* Whether titles a and b (la and lb bytes) count two things with one
 * figure: a figure both hold, followed by a word in each that the other
 * lacks there ("recalls 98,000 e-scooters" and "recalls 98,000
 * heaters"). */
static int
fold_recounted(const char *a, size_t la, const char *b, size_t lb)
{
	struct fold_quantity qa[FOLD_QUANTITIES], qb[FOLD_QUANTITIES];
	struct fold_quantity wa[FOLD_COUNTED_WORDS], wb[FOLD_COUNTED_WORDS];
	size_t na, nb, i, j, ma, mb;

	na = fold_quantities(a, la, qa);
	nb = fold_quantities(b, lb, qb);
	for (i = 0; i < na; i++) {
		for (j = 0; j < nb; j++) {
			if (!fold_figure_same(qa[i].fig, qa[i].nfig, qb[j].fig,
			                      qb[j].nfig)) {
				continue;
			}
			ma = fold_counted(a, la,
			                  (size_t)(qa[i].fig - a) + qa[i].nfig, wa);
			mb = fold_counted(b, lb,
			                  (size_t)(qb[j].fig - b) + qb[j].nfig, wb);
			if (fold_counted_new(wa, ma, wb, mb) &&
			    fold_counted_new(wb, mb, wa, ma)) {
				return 1;
			}
		}
	}
	return 0;
}

/* Whether entries a's and b's headlines, without the summaries their
 * feeds glued on (title_unglued(): a figure of the summary is none of
 * the headline's, and a word glued to the summary's first, "4
 * daysWater", no word of either), count two things with one figure
 * (fold_recounted()), each counted word its own lead's alone
 * (title_swap_told()), or, in one feed, one its own lead's alone and the
 * other in neither lead (title_swap_half_told(): a lead the feed cut at
 * "85 тыс." before the product): a firm's recalls of 98,000 e-scooters
 * and of 98,000 heaters are two recalls, under one template's headline
 * or under two outlets' own. */
static int
fold_recount_told(const struct fold_entry *a, const struct fold_entry *b)
{
	return a->title != NULL && b->title != NULL &&
	       fold_recounted(a->title, title_unglued(a->title, a->summary),
	                      b->title, title_unglued(b->title, b->summary)) &&
	       (title_swap_told(a->title, a->summary, b->title, b->summary) ||
	        (fold_one_feed(a, b) &&
	         title_swap_half_told(a->title, a->summary, b->title, b->summary)));
}

/* The start of entry i's summary past its dateline, up to
 * FOLD_LEAD_BYTES bytes cut at a blank, *len of them: the lead and the
 * sentences after it that a kept summary still holds
 * (fold_summary_needed()); NULL when it has none. */
static const char *
fold_lead_more(const struct fold_ctx *c, size_t i, size_t *len)
{
	const char *s = fold_lead_of(fold_at(c, i));
	size_t n;

	if (s == NULL) {
		*len = 0;
		return NULL;
	}
	s += fold_lead_start(s);
	n = strnlen(s, FOLD_LEAD_BYTES + 1);
	if (n > FOLD_LEAD_BYTES) {
		for (n = FOLD_LEAD_BYTES; n > 0 && s[n] != ' '; n--) {
		}
	}
	*len = n;
	return s;
}

/* Whether quantities qa (na) and qb (nb) give one quantity two values:
 * a figure of each that the other lacks, before the same word. */
static int
fold_quantities_apart(const struct fold_quantity *qa, size_t na,
                      const struct fold_quantity *qb, size_t nb)
{
	size_t i, j;

	for (i = 0; i < na; i++) {
		if (qa[i].nword == 0 || fold_figure_among(&qa[i], qb, nb)) {
			continue;
		}
		for (j = 0; j < nb; j++) {
			if (fold_unit_same(&qa[i], &qb[j]) &&
			    !fold_figure_among(&qb[j], qa, na)) {
				return 1;
			}
		}
	}
	return 0;
}

/* The figures of entry e's headline, without a summary glued on, into
 * q (room for FOLD_QUANTITIES): how many. */
static size_t
fold_headline_quantities(const struct fold_entry *e, struct fold_quantity *q)
{
	/* most headlines hold no figure: no need to find their glue */
	return e->title == NULL || strpbrk(e->title, "0123456789") == NULL ? 0 :
	       fold_quantities(e->title, title_unglued(e->title, e->summary), q);
}

/* Whether entries ia and ib give one quantity two values: each a figure
 * that the other lacks, before the same word ("the project cost £183
 * million" and "costing £149 million"; "339 leerlingen" and "447
 * leerlingen"; "11% 임금" and "3% 임금"), read in the leads and, where
 * neither headline is cut short, the headlines ("Bridge ... closed for
 * 44 days" over a lead without the days, and "diverted for 41 days").
 * Two outlets' copies of one event give its figures alike, and may each
 * add one of its own (the turnout, the runner-up's share), not one
 * figure twice over. */
static int
fold_leads_requantified(const struct fold_ctx *c, uint32_t ia, uint32_t ib)
{
	struct fold_quantity qa[2 * FOLD_QUANTITIES], qb[2 * FOLD_QUANTITIES];
	const char *x, *y;
	size_t lx, ly, na, nb;

	if ((x = fold_lead_more(c, ia, &lx)) == NULL ||
	    (y = fold_lead_more(c, ib, &ly)) == NULL) {
		return 0;
	}
	na = fold_quantities(x, lx, qa);
	nb = fold_quantities(y, ly, qb);
	if (fold_quantities_apart(qa, na, qb, nb)) {
		return 1;
	}
	/* a headline cut short may have left its figure out */
	if (c->ents[ia].cut || c->ents[ib].cut) {
		return 0;
	}
	na += fold_headline_quantities(fold_at(c, ia), qa + na);
	nb += fold_headline_quantities(fold_at(c, ib), qb + nb);
	return fold_quantities_apart(qa, na, qb, nb);
}

/* Whether a's and b's leads open with the same sentence, word for word,
 * of FOLD_SENTENCE_MIN characters or more (a label before it aside,
 * fold_lead_start()): the town, the day and the month of one closure,
 * where a forecast's "汐見坂の3月1日は晴れの予報。" opens every outlet's
 * forecast of the day. */
static int
fold_sentence_copied(const struct fold_ctx *c, const struct fold_ent *a,
                     const struct fold_ent *b)
{
	const char *x = fold_at(c, (size_t)(a - c->ents))->summary;
	const char *y = fold_at(c, (size_t)(b - c->ents))->summary;
	size_t n;

	if (x == NULL || y == NULL) {
		return 0;
	}
	x += strspn(x, " ");
	y += strspn(y, " ");
	x += fold_lead_start(x);
	y += fold_lead_start(y);
	n = fold_sentence_len(x);
	return n > 0 && fold_sentence_len(y) == n && strncmp(x, y, n) == 0 &&
	       utf8_chars(x, n) >= FOLD_SENTENCE_MIN;
}

/* Whether the lead that fold_lead_length() reads at x, cut short by an
 * ellipsis or the bytes or else to the end of its sentence, is in y's
 * lead and ends where a sentence of y ends (a source's words before it
 * or a sentence after it aside): "Police closed the road at Elmford on
 * Monday." is only the start of "... on Monday after a lorry
 * overturned". Reads no further into y than a kept summary holds. */
static int
fold_lead_in(const char *x, const char *y)
{
	size_t n, i, ylen;
	int cut;

	x += strspn(x, " ");
	y += strspn(y, " ");
	x += fold_lead_start(x);
	y += fold_lead_start(y);
	n = fold_lead_length(x, &cut);
	if (cut) {
		return 1;
	}
	ylen = strnlen(y, FOLD_LEAD_BYTES + 1);
	for (i = 0; n > 0 && i + n <= ylen; i++) {
		const char *end = y + i + n;

		if (strncmp(y + i, x, n) == 0 &&
		    (*end == '\0' || *end == '.' || *end == '!' ||
		     *end == '?' || strncmp(end, "\u3002", 3) == 0)) {
			return 1;
		}
	}
	return 0;
}

/* Whether one of a's and b's leads is the other's grown: fold_lead_in()
 * one way or the other. */
static int
fold_lead_grown(const struct fold_ctx *c, const struct fold_ent *a,
                const struct fold_ent *b)
{
	const char *x = fold_at(c, (size_t)(a - c->ents))->summary;
	const char *y = fold_at(c, (size_t)(b - c->ents))->summary;

	return x != NULL && y != NULL &&
	       (fold_lead_in(x, y) || fold_lead_in(y, x));
}

/* Whether the leads of a and b are copies, as a short title needs:
 * FOLD_SHORT_LEAD_SHARE of the shorter lead's shingles, and
 * FOLD_SHORT_LEAD_MIN of them not boilerplate (a template's words count
 * towards the share, its own words prove the copy); or, where all its
 * words recur, FOLD_LEAD_SHARE of them. */
static int
fold_leads_copied(const struct fold_ctx *c, const struct fold_ent *a,
                  const struct fold_ent *b)
{
	size_t whole = fold_lead_shorter(a, b), shared, all;

	shared = fold_lead_shared(c, a, b, &all);
	if (all < FOLD_LEAD_MIN) {
		return 0;
	}
	if (shared >= FOLD_SHORT_LEAD_MIN &&
	    (double)all >= FOLD_SHORT_LEAD_SHARE * (double)whole - 1e-9) {
		return 1;
	}
	/* a template's lead, every pair of words in it recurring, is still
	 * this story's as a whole (its figures differ from the others', see
	 * fold_summaries_differ()), unless it is boilerplate as a whole */
	return !a->boilerlead && !b->boilerlead &&
	       (double)all >= FOLD_LEAD_SHARE * (double)whole - 1e-9;
}

/* How many strong keys (names, figures) e's title names. */
static size_t
fold_strong_keys(const struct fold_ctx *c, const struct fold_ent *e)
{
	size_t i, strong = 0;

	for (i = 0; c->keys != NULL && i < e->nkeys; i++) {
		strong += (c->keys[e->key + i] & TITLE_KEY_WEAK_BIT) == 0;
	}
	return strong;
}

/* How many of e's title's keys name something (fold_key_named()). */
static size_t
fold_named_keys(const struct fold_ctx *c, const struct fold_ent *e)
{
	size_t i, named = 0;

	for (i = 0; c->keys != NULL && i < e->nkeys; i++) {
		named += fold_key_named(c, c->keys[e->key + i]);
	}
	return named;
}

/* Whether a's and b's titles fold to the same text. */
static int
fold_same_text(const struct fold_ctx *c, const struct fold_ent *a,
               const struct fold_ent *b)
{
	return a->whole == b->whole && a->flatlen == b->flatlen &&
	       memcmp(c->flat + a->flat, c->flat + b->flat, a->flatlen) == 0;
}

/* Whether a's and b's titles hold the same words (title_same_words(),
 * no swap): a label or an outlet's tail aside, one headline. */
static int
fold_same_words(const struct fold_ctx *c, const struct fold_ent *a,
                const struct fold_ent *b)
{
	struct title_vocab vocab = { c->kind, c->lower };
	struct title_view x = fold_view(c, a), y = fold_view(c, b);

	return title_same_words(&vocab, &x, &y, 0);
}

/* Whether e's title is written without Latin letters and its keys are
 * all strong (figures: no capitals tell a name), as a Japanese or
 * Chinese title is: its words, not its keys, name its event, and
 * title_informative() counts each twice. */
static int
fold_cjk_title(const struct fold_ctx *c, const struct fold_ent *e)
{
	struct title_view x = fold_view(c, e);

	return !title_latin(&x) && fold_strong_keys(c, e) == e->nkeys;
}

/* Whether a's and b's titles, whole and told within FOLD_DETAIL_SECONDS
 * of each other, each name a figure among FOLD_SERIES_KEYS strong keys
 * or more: "Wahlkreis Schlehenbühl-Süd: Wählerliste Mitte gewinnt mit
 * 58,1 %" tells one event, and leads of their own under it may each add
 * a figure the other lacks (the turnout, the runner-up's share). Another
 * district or share is another title, which the title rule parts; the
 * same title a day later may be the next day's market. One headline
 * told twice (the same words, fold_same_words()) names its event by two
 * keys, one of them strong, figure or not, or by FOLD_EVENT_KEYS keys
 * that name something (fold_named_keys()) ("Thornmere kite festival
 * draws record 80,000 visitors",
 * its leads adding last year's count or the year it began), or, written
 * in Japanese (fold_cjk_title()), by FOLD_EVENT_KEYS words. */
static int
fold_event_named(const struct fold_ctx *c, const struct fold_ent *a,
                 const struct fold_ent *b)
{
	int64_t d;

	if (a->cut || b->cut || a->time == NF_NO_DATE || b->time == NF_NO_DATE) {
		return 0;
	}
	d = a->time > b->time ? a->time - b->time : b->time - a->time;
	if (d > FOLD_DETAIL_SECONDS) {
		return 0;
	}
	if (a->figured && b->figured && fold_strong_keys(c, a) >= FOLD_SERIES_KEYS &&
	    fold_strong_keys(c, b) >= FOLD_SERIES_KEYS) {
		return 1;
	}
	/* the words compared last: most pairs asked name too little; a
	 * Japanese title names its event by FOLD_EVENT_KEYS words */
	return ((a->nkeys >= FOLD_SERIES_KEYS - 1 && fold_strong_keys(c, a) > 0) ||
	        fold_named_keys(c, a) >= FOLD_EVENT_KEYS ||
	        (a->inform >= 2 * FOLD_EVENT_KEYS && fold_cjk_title(c, a))) &&
	       fold_same_words(c, a, b);
}

/* Whether e's title is dated and names its event by FOLD_SERIES_KEYS
 * strong keys or more, as a title of a dated series may
 * (fold_mark_generic()): "Heat warning for Westerly Downs on Saturday:
 * level 1" is the warning of one place, day and level however many
 * towns' warnings recur, so copies under it may tell it in leads of
 * their own (which must not name other things: fold_summaries_differ()),
 * where "Elmbridge weather: sunshine expected on Monday" needs its leads
 * copied. A copy cut short may be of the series while the whole title,
 * with a word of its own, is not: either may be the one. */
static int
fold_series_named(const struct fold_ctx *c, const struct fold_ent *e)
{
	return e->dated && fold_strong_keys(c, e) >= FOLD_SERIES_KEYS;
}

/* Whether a's and b's leads name the same event by its keys: each
 * FOLD_SERIES_KEYS keys or more, and no key (a name, a figure, a date)
 * on both sides that the other lacks. Under a dated series' title that
 * names its town alone ("Storm warning for Dunmere on Monday"), two
 * outlets' own sentences of the town, the date, the level and the gusts
 * tell one warning; another warning names its own level or amount. */
static int
fold_leads_keyed_same(const struct fold_ctx *c, const struct fold_ent *a,
                      const struct fold_ent *b)
{
	if (a->nskeys < FOLD_SERIES_KEYS || b->nskeys < FOLD_SERIES_KEYS) {
		return 0;
	}
	return fold_leads_lack_none(c, a, b);
}

/* Whether e's title is Korean or holds no Latin letter (Chinese,
 * Japanese): no capitals tell its names, nor its lead's. */
static int
fold_cjk_or_hangul(const struct fold_ctx *c, const struct fold_ent *e)
{
	struct title_view x;

	if (e->hangul) {
		return 1;
	}
	x = fold_view(c, e);
	return !title_latin(&x);
}

/* fold_leads_keyed_same() for headlines in Chinese, Japanese or Korean,
 * whose leads name few keys (no capitals tell a name, and a run of kanji
 * between commas is no word): leads of FOLD_UNCASED_LEAD shingles or
 * more (that no FOLD_BOILER_STORIES stories carry whole, as
 * fold_lead_copied_whole() asks of any lead), neither naming a key the
 * other lacks ("미르군 의회는 금요일 트램 연장 예산 7억 원을
 * 의결했다" is one council's vote, where "Services resume." is any
 * line's). */
static int
fold_leads_uncased_same(const struct fold_ctx *c, const struct fold_ent *a,
                        const struct fold_ent *b)
{
	return a->nlead >= FOLD_UNCASED_LEAD && b->nlead >= FOLD_UNCASED_LEAD &&
	       fold_cjk_or_hangul(c, a) && fold_cjk_or_hangul(c, b) &&
	       fold_leads_lack_none(c, a, b);
}

/* Whether a's and b's leads are written alike: FOLD_SHORT_LEAD_SHARE of
 * the shorter one's shingles, boilerplate or not, and FOLD_LEAD_MIN of them
 * in the other's. Over titles that agree, alike leads that each name
 * what the other does not are one template told of two events ("Redfern
 * Telecom (NYSE: RET) today announced ..." and "Verity Telecom (NYSE:
 * VET) ..." under "Company announces quarterly dividend"); leads written
 * apart may name what they like. */
static int
fold_leads_alike(const struct fold_ctx *c, const struct fold_ent *a,
                 const struct fold_ent *b)
{
	size_t whole = fold_lead_shorter(a, b), all;

	fold_lead_shared(c, a, b, &all);
	return all >= FOLD_LEAD_MIN &&
	       (double)all >= FOLD_SHORT_LEAD_SHARE * (double)whole - 1e-9;
}

/* Whether a word that one of entries ia's and ib's titles holds and the
 * other's lacks is in the other's lead (title_swap_echoed()): a named
 * series' copy that swaps "warning" for "alert" over a lead of its own
 * that still says "warning". */
static int
fold_swap_echoed(const struct fold_ctx *c, uint32_t ia, uint32_t ib)
{
	const struct fold_entry *ea = fold_at(c, ia), *eb = fold_at(c, ib);

	return title_swap_echoed(ea->title, ea->summary, eb->title,
	                         eb->summary);
}

/* Whether entries ia and ib are one named series' event told with a
 * word swapped (fold_swap_echoed()), their titles otherwise the same
 * words (title_same_words(), one swap). */
static int
fold_echoed_swap(const struct fold_ctx *c, uint32_t ia, uint32_t ib)
{
	const struct fold_ent *a = &c->ents[ia], *b = &c->ents[ib];
	struct title_vocab vocab = { c->kind, c->lower };
	struct title_view x, y;

	if (!fold_series_named(c, a) || !fold_series_named(c, b)) {
		return 0;
	}
	x = fold_view(c, a);
	y = fold_view(c, b);
	return title_same_words(&vocab, &x, &y, 1) &&
	       fold_swap_echoed(c, ia, ib);
}

/* Whether a's and b's leads are copied, share of the shorter one's
 * shingles in the other's (FOLD_LEAD_MIN at least), and no boilerplate
 * as a whole. */
static int
fold_leads_copied_share(const struct fold_ctx *c, const struct fold_ent *a,
                        const struct fold_ent *b, double share)
{
	size_t whole = fold_lead_shorter(a, b), all;

	fold_lead_shared(c, a, b, &all);
	return !a->boilerlead && !b->boilerlead && all >= FOLD_LEAD_MIN &&
	       (double)all >= share * (double)whole - 1e-9;
}

/* Whether a's and b's leads are copied nearly whole (FOLD_LEAD_SAME of
 * the shorter one's shingles), and no boilerplate as a whole. */
static int
fold_leads_same(const struct fold_ctx *c, const struct fold_ent *a,
                const struct fold_ent *b)
{
	return fold_leads_copied_share(c, a, b, FOLD_LEAD_SAME);
}

/* Whether the shorter of a's and b's leads is in the other whole, each
 * of its shingles, and names the event (fold_leads_keyed_same():
 * FOLD_SERIES_KEYS keys in each, and no key, a figure or a name, of
 * each that the other lacks). That is an outlet's copy of the wire's
 * lead, or a feed's own under its update; one template's sentence over
 * another event changes a word of it (its product, its town) where
 * fold_leads_same() may still hold, or names nothing ("12 000
 * appareils supplémentaires sont concernés." under two recalls a day
 * apart). Its shingles may all be boilerplate: a crash's
 * road, town, count and day each come back in other crashes, but its
 * keys together name one. */
static int
fold_lead_copied_whole(const struct fold_ctx *c, const struct fold_ent *a,
                       const struct fold_ent *b)
{
	return c->boiler != NULL &&
	       (fold_leads_keyed_same(c, a, b) ||
	        fold_leads_uncased_same(c, a, b)) &&
	       fold_leads_copied_share(c, a, b, 1.0);
}

/* Whether a's and b's leads prove them one event whatever their titles
 * say: an outlet that runs the wire's first sentence may head it in its
 * own words ("Ambergate Mills agrees €310m deal for Tidewell Insurance"
 * over the lead of "Ambergate Mills to buy Tidewell Insurance for
 * €310m"), under a series' title too ("Ravensmere pollen forecast: high
 * levels expected Saturday"). Told within FOLD_DETAIL_SECONDS, the
 * leads are the same text nearly whole (fold_leads_same()), with
 * FOLD_SHORT_LEAD_MIN shingles of their own, each naming
 * FOLD_SERIES_KEYS keys, one lead's keys all the other's; and the titles
 * still share FOLD_LEAD_SAME_TITLE of the threshold and neither holds a
 * key the other lacks while the other holds one it lacks
 * (title_retold(): "MATCHDAY" and "LIVESTREAM" over one match's lead
 * are two items), unless the words one title lacks are all in both leads
 * and the other's in neither (title_rewrite_echoed(): "8000 Wohnungen
 * ohne Strom" over the wire's lead of "8000 Haushalte"). */
static int
fold_lead_proves(const struct fold_ctx *c, uint32_t ia, uint32_t ib, double t)
{
	const struct fold_ent *a = &c->ents[ia], *b = &c->ents[ib];
	struct title_vocab vocab = { c->kind, c->lower };
	struct title_view x, y;
	size_t ma, mb, na, nb;
	int64_t d;

	if (c->boiler == NULL || a->time == NF_NO_DATE || b->time == NF_NO_DATE ||
	    a->nskeys < FOLD_SERIES_KEYS || b->nskeys < FOLD_SERIES_KEYS) {
		return 0;
	}
	d = a->time > b->time ? a->time - b->time : b->time - a->time;
	if (d > FOLD_DETAIL_SECONDS || !fold_leads_same(c, a, b) ||
	    fold_lead_shared(c, a, b, NULL) < FOLD_SHORT_LEAD_MIN) {
		return 0;
	}
	fold_summary_misses(c, a, b, &ma, &mb, &na, &nb);
	if ((ma > 0 && mb > 0) || (na > 0 && nb > 0)) {
		return 0;
	}
	x = fold_view(c, a);
	y = fold_view(c, b);
	return title_retold(&vocab, &x, &y, t * FOLD_LEAD_SAME_TITLE, 0) ||
	       title_rewrite_echoed(fold_at(c, ia)->title, fold_at(c, ia)->summary,
	                            fold_at(c, ib)->title, fold_at(c, ib)->summary);
}

/* Whether a's and b's leads each hold FOLD_APART_MIN shingles that the
 * other's lacks: written apart, or one template told of two events (a
 * lead cut shorter than the other's lacks on one side only). */
static int
fold_leads_apart(const struct fold_ctx *c, const struct fold_ent *a,
                 const struct fold_ent *b)
{
	size_t na = fold_lead_len(a), nb = fold_lead_len(b), all;

	if (na < FOLD_LEAD_MIN || nb < FOLD_LEAD_MIN) {
		return 0;
	}
	fold_lead_shared(c, a, b, &all);
	return na >= all + FOLD_APART_MIN && nb >= all + FOLD_APART_MIN;
}

/* Whether a is cut short with an ellipsis where b goes on: b's folded
 * text begins with all of a's ("M4.8 - 79 km ESE of..." and "M4.8 -
 * 79 km ESE of Millbrook"), at least FOLD_CUT_MIN bytes of it. */
static int
fold_cut_begins(const struct fold_ctx *c, const struct fold_ent *a,
                const struct fold_ent *b)
{
	return a->cut && a->flatlen >= FOLD_CUT_MIN && a->flatlen < b->flatlen &&
	       memcmp(c->flat + a->flat, c->flat + b->flat, a->flatlen) == 0;
}

/* Whether one of a's and b's titles is the other cut short with an
 * ellipsis (fold_cut_begins()) and the cut copy's own lead holds every
 * word the cut left out (title_cut_echoed()): its lead tells the whole
 * title's event in its outlet's words, however many nouns of its own it
 * names ("Forscher der Universität Auenbruck entwickeln…" over a lead of
 * the "selbstheilenden Beton" its whole copy names; a word of seven
 * letters or more may end otherwise there, "entwickelt"). */
static int
fold_cut_echoed(const struct fold_ctx *c, const struct fold_ent *a,
                const struct fold_ent *b)
{
	const struct fold_entry *ea, *eb;

	if (a->cut == b->cut) {
		return 0;
	}
	if (b->cut) {
		const struct fold_ent *s = a;

		a = b, b = s;
	}
	if (!fold_cut_begins(c, a, b)) {
		return 0;
	}
	ea = fold_at(c, (size_t)(a - c->ents));
	eb = fold_at(c, (size_t)(b - c->ents));
	return title_cut_echoed(ea->title, fold_title_len(c, ea->title), ea->summary,
	                        eb->title, fold_title_len(c, eb->title));
}

/* Whether e's title is short and holds no key: no name, figure or date
 * ("Update", "Breaking news"), or no key of this story's, as a title
 * that many stories carry (fold_mark_recurring(): "Laatste nieuws",
 * whose first word would else be a name). */
static int
fold_names_nothing(const struct fold_ent *e)
{
	return e->inform < TITLE_SHORT && (e->nkeys == 0 || e->recurring);
}

/* Whether the titles of a and b hold the same keys. */
static int
fold_same_keys(const struct fold_ctx *c, const struct fold_ent *a,
               const struct fold_ent *b)
{
	return a->nkeys == b->nkeys &&
	       (a->nkeys == 0 || memcmp(c->keys + a->key, c->keys + b->key,
	                                a->nkeys * sizeof(*c->keys)) == 0);
}

/* Whether the titles of a and b each hold keys, and not the same: two
 * titles that many stories carry may still name two towns ("Weather
 * Elmford", "Weather Harwick"), whose leads need not. A title that
 * names nothing past its first word (title_vague(): "News alert") holds
 * no key against one that names something ("Missing walker found safe
 * on Brindle Tor", a template's too). */
static int
fold_keys_apart(const struct fold_ctx *c, const struct fold_ent *a,
                const struct fold_ent *b)
{
	return a->nkeys > 0 && b->nkeys > 0 && a->vague == b->vague &&
	       !fold_same_keys(c, a, b);
}

/* Whether the leads under two short titles a and b read alike word for
 * word and yet are not one lead: the figures differ, which in Japanese
 * make no shingle (notices of maintenance at 5時 and at 6時). Both leads
 * were read alike (fold_read_summary()'s flags for short titles), so
 * their keyed hashes differ only where their keys do, and each must
 * hold one the other lacks: a lead that ends in an ellipsis where the
 * other ends in a full stop leaves its last word out of its keys. */
static int
fold_short_leads_refigured(const struct fold_ctx *c, const struct fold_ent *a,
                           const struct fold_ent *b)
{
	size_t all;

	if (a->inform >= TITLE_SHORT || b->inform >= TITLE_SHORT ||
	    a->leadhash == b->leadhash || a->nprivate != 0 || b->nprivate != 0 ||
	    a->nlead != b->nlead) {
		return 0;
	}
	fold_lead_shared(c, a, b, &all);
	return all == a->nlead && !fold_leads_lack_none(c, a, b);
}

/* Whether a's title names nothing and b's is a headline of its own, or
 * names nothing either, not with other keys (fold_keys_apart()) unless
 * each is a word at most, its first ("Avance", "Nyhetsflash": no town's
 * name, "Weer Elmwijk" has two), or b is a word told once, naming
 * nothing past it ("Ważne", title_vague()): over the very same lead,
 * one story (fold_short_titles_agree()). Over a
 * headline of its own, a short title that names nothing past its first
 * word (title_vague(): "News alert", "Eilmeldung") names nothing too. */
static int
fold_nothing_over(const struct fold_ctx *c, const struct fold_ent *a,
                  const struct fold_ent *b)
{
	return (fold_names_nothing(a) &&
	        (b->inform >= TITLE_SHORT ||
	         ((fold_names_nothing(b) || (b->vague && b->words <= 1)) &&
	          ((a->words <= 1 && b->words <= 1) || !fold_keys_apart(c, a, b))))) ||
	       (a->vague && a->inform < TITLE_SHORT && b->inform >= TITLE_SHORT);
}

/* Whether short titles a and b say the same: the same folded text, the
 * one cut short where the other goes on (fold_cut_begins()), or
 * the same words by the title rule, neither adding a word to the other
 * (containment is no copy when the title says this little); over leads
 * copied nearly whole, one word each may be swapped ("drizzle expected"
 * and "drizzle forecast") and, over the same first sentence
 * (fold_sentence_copied()), a word added or swapped by the title rule,
 * or a Japanese piece swapped (title_cjk_swapped(): "閉鎖" for "通行止め"),
 * where the titles hold the same keys; over the very same lead, or one
 * that the other's tells grown (a sentence after it, a source before it,
 * or cut short: fold_lead_grown()), a title that names nothing agrees
 * with a headline of its own. */
static int
fold_short_titles_agree(const struct fold_ctx *c, uint32_t ia, uint32_t ib,
                        double t, int swaps)
{
	const struct fold_ent *a = &c->ents[ia], *b = &c->ents[ib];
	struct title_vocab vocab = { c->kind, c->lower };
	struct title_view x, y;
	char wa[64], wb[64];

	if (fold_same_text(c, a, b)) {
		return 1;
	}
	if (fold_cut_begins(c, a, b) || fold_cut_begins(c, b, a)) {
		return 1;
	}
	/* a title that names nothing ("Update", "Breaking news", 速報)
	 * over the very lead of a headline of its own is that headline's
	 * story (a lead copied only nearly whole may be one template's for
	 * another town; under a dated series' title, 大山きょうの天気 12月13日,
	 * the same first sentence may open two forecasts); so is another
	 * title that names nothing over it, unless the two hold other keys
	 * (fold_keys_apart()); and so is one over a lead that the other
	 * tells grown, whole to the end of a sentence of it or cut short
	 * (fold_lead_grown()), naming the event (fold_lead_copied_whole()) */
	if (swaps > 0 &&
	    (fold_nothing_over(c, a, b) || fold_nothing_over(c, b, a))) {
		size_t all, n = fold_lead_len(a);

		fold_lead_shared(c, a, b, &all);
		if ((n >= FOLD_LEAD_MIN && n == fold_lead_len(b) && all == n &&
		     a->figseq == b->figseq) ||
		    (fold_lead_copied_whole(c, a, b) &&
		     fold_lead_grown(c, a, b))) {
			return 1;
		}
	}
	/* over a first sentence copied word for word, a title may add or
	 * swap a word of its own ("全面通行止め", "決行" for "実施") where
	 * both name the same things */
	x = fold_view(c, a);
	y = fold_view(c, b);
	if (swaps > 0 && a->nkeys > 0 && fold_same_keys(c, a, b) &&
	    fold_sentence_copied(c, a, b) &&
	    (fold_verify(c, ia, ib, t) ||
	     title_cjk_swapped(&vocab, &x, &y, wa, wb, sizeof(wa)))) {
		return 1;
	}
	return (title_same_story(&vocab, &x, &y, t) &&
	        title_same_words(&vocab, &x, &y, 0)) ||
	       (swaps > 0 && title_same_words(&vocab, &x, &y, swaps));
}

/* Whether a and b are told more than FOLD_DETAIL_SECONDS apart: a copy
 * of a wire's story comes within hours, a template's next event may
 * come a day later in the very same words but one. */
static int
fold_told_later(const struct fold_ent *a, const struct fold_ent *b)
{
	int64_t d;

	if (a->time == NF_NO_DATE || b->time == NF_NO_DATE) {
		return 0;
	}
	d = a->time > b->time ? a->time - b->time : b->time - a->time;
	return d > FOLD_DETAIL_SECONDS;
}

/* How many figures (keys with bit 0 set) e's lead holds. */
static size_t
fold_lead_figures(const struct fold_ctx *c, const struct fold_ent *e)
{
	size_t figures = 0, i;

	for (i = 0; i < e->nskeys; i++) {
		figures += c->skeys[e->skey + i] & 1;
	}
	return figures;
}

/* Whether a's and b's leads carry one event's figures: they share a
 * figure, and one holds no figure the other lacks (a rewrite may drop
 * one: "About 920 households lost power for 6 hours" and "A cut left
 * 920 homes dark"). */
static int
fold_figures_carried(const struct fold_ctx *c, const struct fold_ent *a,
                     const struct fold_ent *b)
{
	size_t ma, mb, na, nb;

	if (a->nskeys == 0 || b->nskeys == 0) {
		return 0;
	}
	fold_summary_misses(c, a, b, &ma, &mb, &na, &nb);
	return fold_lead_figures(c, a) > na && (na == 0 || nb == 0);
}

/* Whether figure x is among the n quantities q with the same character
 * after it: "2月" is not "-2度". */
static int
fold_figure_marked(const struct fold_quantity *x, const struct fold_quantity *q,
                   size_t n)
{
	const char *after = x->fig + x->nfig;
	uint32_t cp;
	size_t len = utf8_decode(after, strnlen(after, 4), &cp);

	for (size_t i = 0; i < n; i++) {
		if (fold_figure_same(x->fig, x->nfig, q[i].fig, q[i].nfig) &&
		    strncmp(q[i].fig + q[i].nfig, after, len) == 0) {
			return 1;
		}
	}
	return 0;
}

/* Whether a's and b's leads share a figure that neither headline holds:
 * with the same character after it, an event's own figure ("最低4度"
 * under "2月1日 ... 最高10度"; "2度" is not "2月"), where a dated
 * title's date, which each of two outlets' digests of the day opens
 * with ("Nachrichten am 17. Juni" over "Die Themen am 17. Juni: ..."),
 * proves no one event. */
static int
fold_figure_untitled(const struct fold_ctx *c, const struct fold_ent *a,
                     const struct fold_ent *b)
{
	struct fold_quantity qa[FOLD_QUANTITIES], qb[FOLD_QUANTITIES];
	struct fold_quantity ta[FOLD_QUANTITIES], tb[FOLD_QUANTITIES];
	uint32_t ia = (uint32_t)(a - c->ents), ib = (uint32_t)(b - c->ents);
	const char *x, *y;
	size_t lx, ly, na, nb, ma, mb, i;

	if ((x = fold_lead_more(c, ia, &lx)) == NULL ||
	    (y = fold_lead_more(c, ib, &ly)) == NULL) {
		return 0;
	}
	na = fold_quantities(x, lx, qa);
	nb = fold_quantities(y, ly, qb);
	ma = fold_headline_quantities(fold_at(c, ia), ta);
	mb = fold_headline_quantities(fold_at(c, ib), tb);
	for (i = 0; i < na; i++) {
		if (fold_figure_among(&qa[i], qb, nb) &&
		    !fold_figure_marked(&qa[i], ta, ma) &&
		    !fold_figure_marked(&qa[i], tb, mb)) {
			return 1;
		}
	}
	return 0;
}

/* Whether a's and b's leads, each in an outlet's own words, name one
 * event: told within FOLD_DETAIL_SECONDS, they share FOLD_SERIES_KEYS
 * keys, a figure among them, neither holds a figure the other lacks, and
 * each holds at most one other key the other lacks ("Rund 2990 Haushalte
 * in Kolpenrode hatten am Samstag, 5. April, ..." and "In Kolpenrode
 * waren am Samstag, 5. April, rund 2990 Haushalte ..."), one of them
 * none where a title names nothing (fold_names_nothing()), any number
 * where it names something and the leads share two figures, one of them
 * in neither headline (fold_figure_untitled()); and they
 * share a key besides their figures. */
static int
fold_leads_keyed_alike(const struct fold_ctx *c, const struct fold_ent *a,
                       const struct fold_ent *b)
{
	size_t ma, mb, na, nb, figures;
	int nothing;

	if (a->time == NF_NO_DATE || b->time == NF_NO_DATE ||
	    a->nskeys == 0 || b->nskeys == 0 || fold_told_later(a, b)) {
		return 0;
	}
	fold_summary_misses(c, a, b, &ma, &mb, &na, &nb);
	if (na > 0 || nb > 0) {
		return 0;
	}
	/* under a title that names nothing, the key each lacks may be
	 * the town: "気象情報" over 朝沢の12月15日 and over 北川の */
	nothing = fold_names_nothing(a) || a->vague || fold_names_nothing(b) ||
	          b->vague;
	if (ma > 0 && mb > 0 && nothing) {
		return 0;
	}
	/* no figure lacks, so a's are all shared; and a name shared besides
	 * them: a Korean lead's names are no keys, and "주요 뉴스" over two
	 * towns' fires of one day and count shares figures alone. In
	 * Japanese every kanji word is a key, and a rewording swaps several
	 * (天気 ... 見込み, 気温 ... 予想): under a title that names
	 * something, two figures shared will do for the keys it swaps */
	figures = fold_lead_figures(c, a);
	return figures > 0 && a->nskeys >= ma + FOLD_SERIES_KEYS &&
	       a->nskeys > ma + figures &&
	       ((ma <= 1 && mb <= 1) ||
	        (!nothing && figures >= 2 && fold_figure_untitled(c, a, b)));
}

/* Whether a title word swapped over leads written apart is an outlet's
 * synonym after all: told within FOLD_DETAIL_SECONDS, the titles the
 * same words but one each (title_same_words(): no key swapped, so
 * "MATCHDAY A - B" is not "LIVE: A vs B") or two for one
 * (title_swapped_few(): "walk out" and "strike"), over leads that carry
 * the same figures (fold_figures_carried()), where the swapped words are
 * not each their own lead's alone (title_swap_told()): "Power cut leaves
 * 920 homes ..." and "Power slash leaves 920 homes ...", each over its
 * outlet's own sentence of the 920 homes; "... strike over pay" over a
 * lead that says "went on strike" and "... walk out over pay" over one
 * that says "stopped work", of the same 300 workers. */
static int
fold_swap_carried(const struct fold_ctx *c, const struct fold_ent *a,
                  const struct fold_ent *b, const struct fold_entry *ea,
                  const struct fold_entry *eb)
{
	struct title_vocab vocab = { c->kind, c->lower };
	struct title_view x = fold_view(c, a), y = fold_view(c, b);

	return !fold_told_later(a, b) &&
	       (title_same_words(&vocab, &x, &y, 1) ||
	        title_swapped_few(&vocab, &x, &y) == 2) &&
	       fold_figures_carried(c, a, b) &&
	       !title_swap_told(ea->title, ea->summary, eb->title, eb->summary);
}

/* Copies title into out (size bytes) without a tail that names a known
 * outlet (fold_title_len()), cut at a character's start when longer:
 * the headline whose words the swap checks read. */
static void
fold_headline_copy(const struct fold_ctx *c, const char *title, char *out,
                   size_t size)
{
	size_t len = fold_title_len(c, title);

	if (len >= size) {
		len = utf8_char_start(title, size - 1);
	}
	memcpy(out, title, len);
	out[len] = '\0';
}

/* ask (a title.c check of two titles and their leads) of the headlines
 * of ea and eb without their outlets' tails (fold_headline_copy()): a
 * tail names no place and is no word more. */
static int
fold_headlines_ask(const struct fold_ctx *c, const struct fold_entry *ea,
                   const struct fold_entry *eb,
                   int (*ask)(const char *, const char *, const char *,
                              const char *))
{
	char ta[FOLD_HEADLINE_MAX], tb[FOLD_HEADLINE_MAX];

	if (ea->title == NULL || eb->title == NULL) {
		return 0;
	}
	fold_headline_copy(c, ea->title, ta, sizeof(ta));
	fold_headline_copy(c, eb->title, tb, sizeof(tb));
	return ask(ta, ea->summary, tb, eb->summary);
}

/* title_swap_untold() of ea's and eb's headlines without a tail that
 * names a known outlet (words on a side, title_swapped_few(); 0: none,
 * unless the kickers before them). */
static int
fold_swap_untold(const struct fold_ctx *c, const struct fold_entry *ea,
                 const struct fold_entry *eb, int words)
{
	char ta[FOLD_HEADLINE_MAX], tb[FOLD_HEADLINE_MAX];

	fold_headline_copy(c, ea->title, ta, sizeof(ta));
	fold_headline_copy(c, eb->title, tb, sizeof(tb));
	return title_swap_untold(ta, ea->summary, tb, eb->summary, words);
}

/* Whether a and b both have a lead under a title in Chinese or Japanese
 * (no Latin letter, not Korean): a lead there names no key but its
 * figures, so fold_swap_named() asks how much of the headlines the leads
 * tell instead (fold_cjk_echoed()). */
static int
fold_cjk_leads(const struct fold_ctx *c, const struct fold_ent *a,
               const struct fold_ent *b)
{
	return a->nlead > 0 && b->nlead > 0 && !a->hangul && !b->hangul &&
	       fold_cjk_or_hangul(c, a) && fold_cjk_or_hangul(c, b);
}

/* Whether each of a's and b's leads tells FOLD_CJK_ECHO pairs of
 * characters of the other's Chinese or Japanese headline
 * (title_cjk_echo()): "意料之中：胡宇轩将再次竞选枫城市长" under "枫城市长胡宇轩
 * 宣布竞选连任" tells its mayor, town and race, as a lead sharing keys
 * does in a script with capitals. */
static int
fold_cjk_echoed(const struct fold_ent *a, const struct fold_ent *b,
                const struct fold_entry *ea, const struct fold_entry *eb)
{
	return a->nlead > 0 && b->nlead > 0 &&
	       title_cjk_echo(ea->title, eb->summary) >= FOLD_CJK_ECHO &&
	       title_cjk_echo(eb->title, ea->summary) >= FOLD_CJK_ECHO;
}

/* Whether a's and b's titles are one headline with one word swapped
 * for an outlet's own ("Fire destroys bakery in Mossgate" and "Fire guts
 * bakery in Mossgate"), over leads in their outlets' own words: told
 * within FOLD_DETAIL_SECONDS, the leads sharing FOLD_SWAP_LEAD_KEYS keys
 * where one title names something strong (the other may be in capitals,
 * which tell no name; the same words hold the same keys), else
 * FOLD_SERIES_KEYS (a town named only as the first word of a title in
 * sentence case, "Stourley council approves new library", is a weak
 * key, and the word swapped may be such a first word: "Strike halts
 * ..." and "Walkout halts ..."), and not each holding a figure the
 * other lacks, and the swapped words not each their own lead's alone
 * (title_swap_told(): "bakery" and "cinema" over leads of each). Two
 * words may stand for one ("steps down" for "resigns",
 * title_swapped_few()); then neither title's words may be its
 * own lead's alone (title_swap_own(): "forest fires" for "avalanches").
 * A title only inflected ("nueva dirección" for "nuevo director") swaps
 * no word, whatever its lead says; a kicker swapped over the same
 * headline ("Blackout:" and "Awaria prądu:") is read as a phrase
 * (title_swap_untold(), which reads the headlines without a known
 * outlet's tail: fold_swap_untold()).
 * A Japanese title has no keys: one that folds to the same text but for
 * a piece of four kana or kanji at most (title_cjk_swapped(): 考案 and
 * 開発) is the same headline when no two characters of either piece are
 * its own lead's alone (title_cjk_told(): 葦原村 and 岬町, whose lead names
 * 葦原村's prosecutors too); its leads may share no key but each tell
 * the other's headline (fold_cjk_echoed()). Asked of pairs the title
 * rule fails, so the cheap tests come first. */
static int
fold_swap_named_read(const struct fold_ctx *c, const struct fold_ent *a,
                     const struct fold_ent *b)
{
	struct title_vocab vocab = { c->kind, c->lower };
	struct title_view x, y;
	const struct fold_entry *ea, *eb;
	size_t ma, mb, na, nb;
	char wa[64], wb[64];
	int words, cjk = 0, unnamed;

	if (a->time == NF_NO_DATE || b->time == NF_NO_DATE || fold_told_later(a, b)) {
		return 0;
	}
	x = fold_view(c, a);
	y = fold_view(c, b);
	words = title_swapped_few(&vocab, &x, &y);
	/* no word swapped: a Japanese piece, or a kicker (asked last) */
	cjk = words == 0 && title_cjk_swapped(&vocab, &x, &y, wa, wb, sizeof(wa));
	unnamed = !cjk && fold_strong_keys(c, a) == 0 &&
	          fold_strong_keys(c, b) == 0;
	ea = fold_at(c, (size_t)(a - c->ents));
	eb = fold_at(c, (size_t)(b - c->ents));
	fold_summary_misses(c, a, b, &ma, &mb, &na, &nb);
	if ((na > 0 && nb > 0) ||
	    (a->nskeys < ma + (unnamed ? FOLD_SERIES_KEYS :
	                                 FOLD_SWAP_LEAD_KEYS) &&
	     !(cjk && fold_cjk_echoed(a, b, ea, eb)))) {
		return 0;
	}
	if (cjk) {
		return !title_cjk_told(wa, ea->summary, eb->summary) &&
		       !title_cjk_told(wb, eb->summary, ea->summary);
	}
	return fold_swap_untold(c, ea, eb, words);
}

/* fold_swap_named_read() where the leads hold keys enough: most pairs
 * the title rule fails are asked, and most hold too few. */
static inline int
fold_swap_named(const struct fold_ctx *c, const struct fold_ent *a,
                const struct fold_ent *b)
{
	return ((a->nskeys >= FOLD_SWAP_LEAD_KEYS &&
	         b->nskeys >= FOLD_SWAP_LEAD_KEYS) ||
	        fold_cjk_leads(c, a, b)) &&
	       fold_swap_named_read(c, a, b);
}

/* Whether a's and b's Chinese or Japanese headlines are one with a
 * piece swapped over leads that tell them (fold_swap_named() through
 * fold_cjk_echoed()): a lead's run of kanji between its commas is no
 * word, so two outlets' sentences of one appointment hold no key in
 * common, and only their figures may tell two events. */
static int
fold_cjk_swap_named(const struct fold_ctx *c, const struct fold_ent *a,
                    const struct fold_ent *b)
{
	return fold_cjk_leads(c, a, b) && fold_swap_named_read(c, a, b);
}

/* Whether a's title holds a key that b's lacks: the capitalised word
 * that title_extra_told() looks for is one (but in a Title Case title,
 * where a word that another title writes in lower case is none), and
 * this asks no reading of the titles. */
static int
fold_key_more(const struct fold_ctx *c, const struct fold_ent *a,
              const struct fold_ent *b)
{
	size_t i, j;

	for (i = 0; i < a->nkeys; i++) {
		uint32_t k = c->keys[a->key + i] & TITLE_KEY_ID;

		for (j = 0; j < b->nkeys &&
		     (c->keys[b->key + j] & TITLE_KEY_ID) != k; j++) {
		}
		if (j == b->nkeys) {
			return 1;
		}
	}
	return 0;
}

/* Whether a and b, each a whole title that says something and with a
 * word swapped, are told apart for their feeds and times: any feeds'
 * told more than FOLD_DETAIL_SECONDS apart, one feed's own at any time
 * (fold_own_items()). Not where one runs the other's lead whole, a lead
 * that names the event (fold_lead_copied_whole(): by its keys, or under
 * Chinese, Japanese or Korean headlines by its length,
 * fold_leads_uncased_same(): "미르군, 트램 연장에 7억 원 투입" and
 * "... 배정"): an outlet's rewrite
 * of the wire's story at any time, a feed's update of its own within
 * FOLD_DETAIL_SECONDS ("Police detain 13 after jewellery raid in
 * Mossgate" over the lead of its "Police arrest 13 ..." of hours ago).
 * A feed's own series a day on stays apart whatever its lead. */
static int
fold_swap_later(const struct fold_ctx *c, const struct fold_ent *a,
                const struct fold_ent *b, const struct fold_entry *ea,
                const struct fold_entry *eb)
{
	int later = fold_told_later(a, b), own = fold_own_items(ea, eb);

	return (later || own) &&
	       ((later && own) || !fold_lead_copied_whole(c, a, b));
}

/* Whether a and b, which the rule would join, are told apart after all:
 * titles alike but for figures that moved, or a word swapped in the
 * title over leads with words swapped too (one template told of two
 * events, not a rewrite, unless fold_swap_carried()); told more than
 * FOLD_DETAIL_SECONDS apart, a word of each title that its own lead
 * holds and the other's does not (title_swap_told(): a hospital's strike
 * and the railway's), or any word swapped in any feeds' whole titles
 * that each say something (fold_own_swap(): a firm's recall of prams
 * extended and, a day on, of kettles, over one template's sentence and
 * count; a story's copies are told within hours, and an outlet's rewrite
 * told later stays apart); at any time, any word swapped in one feed's own
 * two titles, whole and each saying something (fold_own_swap(),
 * fold_own_items(): a feed does not retell its own story in other words,
 * as its forecast of showers and its next day's of wind, or its strike's
 * end in 여수 and, seven hours on, in 춘천 over one template's lead that
 * names no town; an aggregator's relays of two outlets' headlines, a
 * flash cut short and "Latest headlines" swap words of one story). Both
 * but where one runs the other's lead whole, told by any feeds at any
 * time, or by one feed within FOLD_DETAIL_SECONDS (fold_swap_later());
 * at any time, title_swap_told() of one feed's two items, whatever
 * figures their leads share (a firm's recall of heaters and its recall
 * of kettles: a feed does not retell its own story with a word its own
 * lead alone tells, where an outlet's copy swaps "recalls" for
 * "withdraws" in its title and its lead alike); in any feeds, titles
 * that count two things with one figure (fold_recounted(): "recalls
 * 98,000 e-scooters" and "recalls 98,000 heaters"), each word its own
 * lead's alone (title_swap_told(); a rewrite's word over the wire's lead
 * is not);
 * over leads written alike that carry no event's
 * figures, a word of either (title_swap_own(): one template's fires at a
 * bakery and a cinema, its warnings of avalanches and of forest fires,
 * whose lead writes "avalanche"); in any feeds, a title that holds every
 * word of the other's and a capitalised word more that its own lead
 * holds and the other's does not (title_extra_told(): the strike and the
 * "Agreement at Harrowgate Mills: end of the strike in Kelbridge" over a
 * lead of the agreement; not a headline cut short). Asked
 * last, of the few pairs that join, as it reads the folded texts and the
 * leads. */
static int
fold_told_apart(const struct fold_ctx *c, const struct fold_ent *a,
                const struct fold_ent *b)
{
	struct title_vocab vocab = { c->kind, c->lower };
	struct title_view x = fold_view(c, a), y = fold_view(c, b);
	const struct fold_entry *ea = fold_at(c, (size_t)(a - c->ents));
	const struct fold_entry *eb = fold_at(c, (size_t)(b - c->ents));
	int swapped = title_swapped(&vocab, &x, &y), later = fold_told_later(a, b);

	return title_figures_moved(&x, &y) || title_opposed(&x, &y) ||
	       title_result_apart(&x, &y, later) ||
	       (swapped && fold_leads_apart(c, a, b) &&
	        !(fold_series_named(c, a) && fold_series_named(c, b) &&
	          title_swap_echoed(ea->title, ea->summary, eb->title,
	                            eb->summary)) &&
	        !fold_swap_carried(c, a, b, ea, eb) && !fold_swap_named(c, a, b)) ||
	       (a->hangul && b->hangul &&
	        title_hangul_swapped(ea->title, ea->summary, eb->title, eb->summary)) ||
	       ((later || fold_one_feed(ea, eb)) &&
	        title_swap_told(ea->title, ea->summary, eb->title, eb->summary)) ||
	       fold_recount_told(ea, eb) ||
	       (swapped && fold_own_swap(a, b) &&
	        fold_swap_later(c, a, b, ea, eb)) ||
	       (swapped && fold_leads_alike(c, a, b) &&
	        !fold_figures_carried(c, a, b) &&
	        title_swap_own(ea->title, ea->summary, eb->title, eb->summary)) ||
	       ((fold_key_more(c, a, b) || fold_key_more(c, b, a)) &&
	        title_extra_told(ea->title, ea->summary, eb->title, eb->summary)) ||
	       (later && abs((int)a->words - (int)b->words) >= TITLE_EXTRA_LATER &&
	        fold_headlines_ask(c, ea, eb, title_extra_later));
}

/* Whether a's and b's titles are one Japanese or Chinese headline told
 * twice within FOLD_DETAIL_SECONDS (the same words, fold_same_words(),
 * neither cut short) that names its event by FOLD_EVENT_KEYS words or
 * more (fold_cjk_title()): such a title has no keys but its figures (no
 * capitals tell a name), but every kanji or katakana word is as telling
 * as a German noun, and title_informative() counts each twice ("放火の罪 柊木葉月被告に
 * 無罪", a court's verdict on one defendant). Leads written alike under it
 * may each name words of their own: in Japanese every kanji word is a
 * key, and two outlets' sentences of one verdict swap several. */
static int
fold_cjk_named(const struct fold_ctx *c, const struct fold_ent *a,
               const struct fold_ent *b)
{
	if (a->cut || b->cut || a->inform < 2 * FOLD_EVENT_KEYS ||
	    b->inform < 2 * FOLD_EVENT_KEYS || a->time == NF_NO_DATE ||
	    b->time == NF_NO_DATE || fold_told_later(a, b) ||
	    !fold_cjk_title(c, a) || !fold_cjk_title(c, b)) {
		return 0;
	}
	return fold_same_words(c, a, b);
}

/* How many keys of their own a's and b's leads may each name before
 * they tell two events (fold_summaries_differ()): under whole titles
 * none count, only figures; under a title of a few words that names
 * nothing (title_vague()), or one cut short with an ellipsis before it
 * names anything strong, or over leads written alike
 * (fold_leads_alike()), FOLD_SHORT_KEYS ("Weather update: heavy rain…"
 * heads every town's weather); under a cut title that still names
 * something ("Bürgermeister von Holunderhof tritt zurück nach …"),
 * FOLD_LEAD_KEYS, as two outlets' own sentences of one event each name
 * a noun of their own. */
static int
fold_cut_keys(const struct fold_ctx *c, const struct fold_ent *a,
              const struct fold_ent *b)
{
	if (a->vague || b->vague) {
		return FOLD_SHORT_KEYS;
	}
	if (!a->cut && !b->cut) {
		return 0;
	}
	/* over leads written alike, one template's sentence, each name
	 * of its own is another event's ("... heatwave in Ashby on
	 * Saturday" and "... in Corley on Saturday" under "Yellow alert
	 * for heatwave…") */
	if (fold_leads_alike(c, a, b)) {
		return FOLD_SHORT_KEYS;
	}
	return (a->cut && fold_strong_keys(c, a) == 0) ||
	       (b->cut && fold_strong_keys(c, b) == 0) ? FOLD_SHORT_KEYS :
	                                                 FOLD_LEAD_KEYS;
}

/* Whether key is among the n sorted keys k. */
static int
fold_key_in(const uint32_t *k, size_t n, uint32_t key)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (k[mid] == key) {
			return 1;
		}
		if (k[mid] < key) {
			lo = mid + 1;
		} else {
			hi = mid;
		}
	}
	return 0;
}

/* Two entries' headlines (fold_headline_copy()) and their keys read as
 * a lead's are (title_text_keys()), sorted. */
struct fold_heads {
	char h[2][FOLD_HEADLINE_MAX];
	uint32_t k[2][FOLD_SUMMARY_KEYS];
	size_t n[2];
};

/* Reads the headlines of entries ia and ib into hd: 0, or -1 when out
 * of memory. */
static int
fold_read_heads(const struct fold_ctx *c, uint32_t ia, uint32_t ib,
                struct fold_heads *hd)
{
	struct title_words *w = title_words_new();
	const uint32_t at[2] = { ia, ib };

	if (w == NULL) {
		return -1;
	}
	for (int i = 0; i < 2; i++) {
		fold_headline_copy(c, nf_str(fold_at(c, at[i])->title), hd->h[i],
		                   sizeof(hd->h[i]));
		title_read_text(w, hd->h[i], strlen(hd->h[i]));
		hd->n[i] = fold_sort_unique(hd->k[i], title_text_keys(w, 0, hd->k[i],
		                                                      FOLD_SUMMARY_KEYS));
	}
	title_words_free(w);
	return 0;
}

/* Whether each key of headline x (n keys) that names something is told
 * by the other copy, in its headline y (m) or its lead l (nl): a figure
 * anywhere in the headline, a name where x's own lead xl (nxl) names it
 * too (a Title Case headline's capitals need not name anything). */
static int
fold_headline_told(const uint32_t *x, size_t n, const uint32_t *xl, size_t nxl,
                   const uint32_t *y, size_t m, const uint32_t *l, size_t nl)
{
	for (size_t i = 0; i < n; i++) {
		if (((x[i] & 1) || fold_key_in(xl, nxl, x[i])) &&
		    !fold_key_in(y, m, x[i]) && !fold_key_in(l, nl, x[i])) {
			return 0;
		}
	}
	return 1;
}

/* How many names a's and b's headlines share that each one's lead
 * names too. */
static size_t
fold_headline_names_shared(const uint32_t *x, size_t n, const uint32_t *xl,
                           size_t nxl, const uint32_t *y, size_t m,
                           const uint32_t *yl, size_t nyl)
{
	size_t shared = 0;

	for (size_t i = 0; i < n; i++) {
		shared += !(x[i] & 1) && fold_key_in(xl, nxl, x[i]) &&
		          fold_key_in(y, m, x[i]) && fold_key_in(yl, nyl, x[i]);
	}
	return shared;
}

/* Whether e's title is written in a script with capitals, which tell
 * its names: Latin letters, and no Hangul or CJK word (a run of kanji is
 * one key in a title and cut otherwise in its lead, and a Hangul word
 * carries its particle). */
static int
fold_cased(const struct fold_ctx *c, const struct fold_ent *e)
{
	struct title_view x = fold_view(c, e);

	if (e->hangul || !title_latin(&x)) {
		return 0;
	}
	for (size_t i = 0; i < e->nsh; i++) {
		if (c->kind[c->ids[e->sh + i]] == TITLE_KIND_CJK) {
			return 0;
		}
	}
	return 1;
}

/* Whether a and b may be one event told by two outlets: two feeds'
 * items (a feed does not retell its own story in other words: one
 * outlet's two thefts in a town the same day), in a script with
 * capitals (fold_cased()). */
static int
fold_retold_pair(const struct fold_ctx *c, uint32_t ia, uint32_t ib)
{
	return !fold_one_feed(fold_at(c, ia), fold_at(c, ib)) &&
	       fold_cased(c, &c->ents[ia]) && fold_cased(c, &c->ents[ib]);
}

/* Whether b, an item without a lead, is a's event under a headline of
 * its own (fold_facts_retold() with one lead): each name and figure of
 * b's headline is told in a's headline or lead, more than
 * FOLD_RETOLD_KEYS of them in a's lead (a name or two is another event
 * of the town or the club), each name of a's headline that a's lead
 * tells too is in b's headline (a supply deal of two companies is not a
 * takeover from a third), and neither is a match's preview or live page
 * that the other is not (title_result_apart()). */
static int
fold_facts_headlined(const struct fold_ctx *c, uint32_t ia, uint32_t ib)
{
	const struct fold_ent *a = &c->ents[ia];
	const uint32_t *la = c->skeys + a->skey, *ka, *kb;
	struct fold_heads hd;
	size_t i, na, nb, led = 0;
	struct title_view x, y;

	if (a->nskeys <= FOLD_RETOLD_KEYS || fold_read_heads(c, ia, ib, &hd) != 0) {
		return 0;
	}
	ka = hd.k[0], kb = hd.k[1], na = hd.n[0], nb = hd.n[1];
	for (i = 0; i < nb; i++) {
		int in_lead = fold_key_in(la, a->nskeys, kb[i]);

		if (!in_lead && !fold_key_in(ka, na, kb[i])) {
			return 0;
		}
		led += in_lead;
	}
	for (i = 0; i < na; i++) {
		if (!(ka[i] & 1) && fold_key_in(la, a->nskeys, ka[i]) &&
		    !fold_key_in(kb, nb, ka[i])) {
			return 0;
		}
	}
	x = fold_view(c, a), y = fold_view(c, &c->ents[ib]);
	return led > FOLD_RETOLD_KEYS && !title_result_apart(&x, &y, 1);
}

/*
 * Whether a and b are one event told by two outlets, each under a
 * headline of its own ("Brackwick Foods to invest £60m in Kelbridge,
 * creating 210 jobs" and "Brackwick Foods Announces £60m Investment in
 * Kelbridge"), which share too few words for the title rule and swap
 * words as two events of one template do:
 *  - two feeds' items in a script with capitals (fold_retold_pair());
 *    when one has no lead, fold_facts_headlined() decides;
 *  - their leads share FOLD_RETOLD_FIGURES figures (a weekday is one:
 *    the mayor of a town on two matters the same day shares the day
 *    and his name), and do not each hold a figure the other lacks (an
 *    index at midday and at the close);
 *  - the names and figures their leads share, but for the names both
 *    headlines tell, are FOLD_RETOLD_KEYS or more (a town's fire at a
 *    bakery and at a cinema share the town and the day), or one fewer
 *    where the headlines share FOLD_RETOLD_WORDS words that both leads
 *    tell in lower case (title_words_common(): "historic" and "pub" in
 *    "Blaze rips through Glenhallow historic pub" and "Fire Wrecks
 *    Historic Pub in Glenhallow"; "fire" alone is a fire service's
 *    warning and a fire);
 *  - each figure of either headline, and each name of it that its own
 *    lead tells too, the other copy tells in its headline or lead
 *    (fold_headline_told(): another company in the town, the company in
 *    another town);
 *  - a word of one headline that the other lacks is in the other's
 *    lead, or neither lacks one (title_words_retold(): a town's library
 *    and its swimming pool, voted the same day for the same sum).
 */
static int
fold_facts_retold(const struct fold_ctx *c, uint32_t ia, uint32_t ib)
{
	const struct fold_ent *a = &c->ents[ia], *b = &c->ents[ib];
	const struct fold_entry *ea = fold_at(c, ia), *eb = fold_at(c, ib);
	const uint32_t *la = c->skeys + a->skey, *lb = c->skeys + b->skey;
	const uint32_t *ka, *kb;
	struct fold_heads hd;
	size_t i, names = 0, figures = 0, fa, fb, na, nb, titled, ma, mb;

	if ((fold_bare(a) ? fold_bare(b) : a->nskeys < FOLD_RETOLD_KEYS) ||
	    (!fold_bare(b) && b->nskeys < FOLD_RETOLD_KEYS) ||
	    !fold_retold_pair(c, ia, ib)) {
		return 0;
	}
	if (fold_bare(a) || fold_bare(b)) {
		return fold_bare(b) ? fold_facts_headlined(c, ia, ib) :
		                      fold_facts_headlined(c, ib, ia);
	}
	for (i = 0; i < a->nskeys; i++) {
		if (fold_key_in(lb, b->nskeys, la[i])) {
			(la[i] & 1) ? figures++ : names++;
		}
	}
	fold_summary_misses(c, a, b, &ma, &mb, &fa, &fb);
	if (figures < FOLD_RETOLD_FIGURES || (fa > 0 && fb > 0) ||
	    fold_read_heads(c, ia, ib, &hd) != 0) {
		return 0;
	}
	ka = hd.k[0], kb = hd.k[1], na = hd.n[0], nb = hd.n[1];
	titled = fold_headline_names_shared(ka, na, la, a->nskeys, kb, nb, lb,
	                                    b->nskeys);
	return (names - titled + figures >= FOLD_RETOLD_KEYS ||
	        (names - titled + figures + 1 >= FOLD_RETOLD_KEYS &&
	         title_words_common(hd.h[0], ea->summary, hd.h[1], eb->summary) >=
	         FOLD_RETOLD_WORDS)) &&
	       fold_headline_told(ka, na, la, a->nskeys, kb, nb, lb, b->nskeys) &&
	       fold_headline_told(kb, nb, lb, b->nskeys, ka, na, la, a->nskeys) &&
	       title_words_retold(hd.h[0], ea->summary, hd.h[1], eb->summary);
}

/* Whether a and b are one feed's two items under one headline (their
 * titles fold to the same text) told more than FOLD_DETAIL_SECONDS
 * apart, over leads that are not copies (one without a lead, or each in
 * words of its own): a feed that heads a new item with a headline it ran
 * days before tells a new event of one template ("Forecast for
 * Ottermouth: showers and 22°C" two days on, "Storm raast over Kleiwerd:
 * bomen om, daken eraf" three days on); one that runs its story again
 * runs its lead again too. */
static int
fold_feed_repeats(const struct fold_ctx *c, uint32_t ia, uint32_t ib)
{
	const struct fold_ent *a = &c->ents[ia], *b = &c->ents[ib];

	return fold_told_later(a, b) && fold_same_text(c, a, b) &&
	       fold_one_feed(fold_at(c, ia), fold_at(c, ib)) &&
	       !fold_leads_same(c, a, b);
}

/* Whether a or b is cut short and they are told more than
 * FOLD_DETAIL_SECONDS apart over leads of their own that are no copies
 * (none known while the titles join, before boilerplate is; a lead many
 * stories carry whole is none): a flash comes within hours of its story,
 * and "Sciopero alla Cantieri …" a day before "Firmato l'accordo alla
 * Cantieri Sangallo: finisce lo sciopero di Faenza" is its strike, not
 * the agreement. A cut copy without a lead has only its title to say
 * which story it is. */
static int
fold_cut_later(const struct fold_ctx *c, const struct fold_ent *a,
               const struct fold_ent *b)
{
	return (a->cut || b->cut) && a->leadhash != 0 && b->leadhash != 0 &&
	       fold_told_later(a, b) &&
	       !(c->boiler != NULL && !a->boilerlead && !b->boilerlead &&
	         fold_leads_copied(c, a, b));
}

/* Whether b's title tells a's lead: a's first sentence, word for word
 * to its full stop, FOLD_SENTENCE_MIN characters or more, naming the
 * event (FOLD_SERIES_KEYS keys, or a Chinese, Japanese or Korean lead of
 * FOLD_UNCASED_LEAD shingles), and no lead that FOLD_BOILER_STORIES
 * stories carry whole (once the stories so far tell it: a title is an
 * item's own words, not a site's). An aggregator or an outlet glues the
 * wire's lead onto its own headline ("Paro en … paralizada – La
 * producción está parada en …"), or onto a label ("Urgente. El
 * nombramiento de …"), over a lead of its own: its headline may swap a
 * word and its lead tell the event in other words, but the wire's
 * sentence names it. */
static int
fold_title_tells_lead(const struct fold_ctx *c, uint32_t ia, uint32_t ib)
{
	const struct fold_ent *a = &c->ents[ia];
	const char *x = fold_at(c, ia)->summary, *t = fold_at(c, ib)->title;
	size_t n = c->sentlen[ia];

	/* a character is a byte at least: most leads are asked no more */
	if (n < FOLD_SENTENCE_MIN || x == NULL || t == NULL || a->boilerlead ||
	    (a->nskeys < FOLD_SERIES_KEYS &&
	     !(a->nlead >= FOLD_UNCASED_LEAD && fold_cjk_or_hangul(c, a)))) {
		return 0;
	}
	x += c->leadat[ia];
	if (utf8_chars(x, n) < FOLD_SENTENCE_MIN) {
		return 0;
	}
	for (; *t != '\0'; t++) {
		if (*t == *x && strncmp(t, x, n) == 0) {
			return 1;
		}
	}
	return 0;
}

/* Whether one of a's and b's titles tells the other's lead
 * (fold_title_tells_lead()), told within FOLD_DETAIL_SECONDS. */
static int
fold_lead_headlined(const struct fold_ctx *c, uint32_t ia, uint32_t ib)
{
	const struct fold_ent *a = &c->ents[ia], *b = &c->ents[ib];

	if (a->time == NF_NO_DATE || b->time == NF_NO_DATE ||
	    fold_told_later(a, b)) {
		return 0;
	}
	return fold_title_tells_lead(c, ia, ib) ||
	       fold_title_tells_lead(c, ib, ia);
}

/* fold_same_story()'s rule but for its last sentence (the quantities
 * the summaries give, the kickers): see there. */
static int
fold_same_rules(const struct fold_ctx *c, uint32_t ia, uint32_t ib, double t)
{
	const struct fold_ent *a = &c->ents[ia], *b = &c->ents[ib];
	int retold = -1;	/* fold_facts_retold(), once asked */

	if (fold_apart(a->time, b->time) ||
	    fold_feed_repeats(c, ia, ib) || fold_cut_later(c, a, b)) {
		return 0;
	}
	if (fold_lead_headlined(c, ia, ib)) {
		return 1;
	}
	if (a->inform < TITLE_SHORT || b->inform < TITLE_SHORT) {
		/* a named series' leads of their own may each name a thing
		 * more (a forecaster, a weekday), not two */
		int copied = c->boiler != NULL && fold_leads_copied(c, a, b);
		int named = fold_series_named(c, a) && fold_series_named(c, b);
		/* one title retold over a lead in an outlet's own words,
		 * which may swap more words than a series' lead of its own */
		int retold = !copied && fold_same_text(c, a, b) &&
		             fold_leads_keyed_alike(c, a, b);

		return c->boiler != NULL && (copied || named || retold) &&
		       !fold_summaries_differ(c, a, b, copied ? FOLD_SHORT_KEYS :
		                                       retold ? 0 : FOLD_LEAD_KEYS) &&
		       !fold_short_leads_refigured(c, a, b) &&
		       (fold_short_titles_agree(c, ia, ib, t,
		                                fold_leads_same(c, a, b) ||
		                                ((named ||
		                                  fold_leads_keyed_same(c, a, b)) &&
		                                 (fold_swap_echoed(c, ia, ib) ||
		                                  fold_swap_named(c, a, b)))) ||
		        fold_lead_proves(c, ia, ib, t)) &&
		       !fold_told_apart(c, a, b);
	}
	/* a title cut short matches the start of many, and one of a few
	 * words naming nothing heads many: its summary must tell the same
	 * event, as the lead rule's summaries must */
	if (fold_summaries_differ(c, a, b, fold_cut_keys(c, a, b)) &&
	    !fold_event_named(c, a, b) && !fold_cut_echoed(c, a, b) &&
	    !(retold = fold_facts_retold(c, ia, ib))) {
		return 0;
	}
	/* the rules first, the leads' likeness after: most candidates fail
	 * the title rule, and on feeds whose summaries share their words
	 * nearly every candidate's leads would be merged for nothing (each
	 * test reads a and b only, so the order decides no pair) */
	if (!fold_verify(c, ia, ib, t) &&
	    !(fold_verify_lead(c, ia, ib, t) &&
	      !fold_summaries_differ(c, a, b, FOLD_LEAD_KEYS)) &&
	    !fold_echoed_swap(c, ia, ib) && !fold_lead_proves(c, ia, ib, t) &&
	    !fold_swap_named(c, a, b) &&
	    !(retold >= 0 ? retold : (retold = fold_facts_retold(c, ia, ib)))) {
		return 0;
	}
	/* headlines in two outlets' own words swap words by nature, which
	 * fold_told_apart() reads as two events of one template; not the
	 * word a figure both hold counts */
	if (retold > 0) {
		return !fold_recount_told(fold_at(c, ia), fold_at(c, ib));
	}
	if (!(fold_leads_alike(c, a, b) &&
	      fold_summaries_differ(c, a, b, fold_cjk_named(c, a, b) ||
	                                     fold_cjk_swap_named(c, a, b) ?
	                                     0 : FOLD_LEAD_KEYS)) &&
	    !fold_told_apart(c, a, b)) {
		return 1;
	}
	/* titles the title rule joins, each word one swaps read as another
	 * event's: their leads may still tell one */
	return retold < 0 && fold_facts_retold(c, ia, ib) &&
	       !fold_recount_told(fold_at(c, ia), fold_at(c, ib));
}

/* title_kickers_apart() of ia's and ib's headlines without a tail that
 * names a known outlet. */
static int
fold_kickers_apart(const struct fold_ctx *c, uint32_t ia, uint32_t ib)
{
	return fold_headlines_ask(c, fold_at(c, ia), fold_at(c, ib),
	                          title_kickers_apart);
}

/*
 * The rule for "same story", for a pair; fold_cluster() then asks it of
 * every story a copy would join. a and b are the same story when
 *  - they carry the same GUID or link (at any time apart) that fewer
 *    than three different titles or summaries' leads carry, nor two from
 *    one feed: a feed that gives every item its front page's address, or
 *    one GUID, proves nothing by it (fold_join_address()); a GUID without
 *    a scheme ("100241", not "urn:..." or "https://...") is the same only
 *    in the same feed, which numbers its items as other feeds number
 *    theirs (fold_guid_scope()); otherwise
 *  - both are dated within FOLD_WINDOW_SECONDS (3 days), or one is
 *    undated, and are not a headline cut short and another told more
 *    than FOLD_DETAIL_SECONDS apart over leads of their own that are no
 *    copies (fold_cut_later()), nor one feed's two items under one headline told
 *    more than FOLD_DETAIL_SECONDS apart over leads that are not copies
 *    (fold_feed_repeats(): a new event of one template, or of one
 *    series' bare headline), and
 *  - when either title is short (title_informative() under TITLE_SHORT:
 *    fewer than three words that are not stopwords, numbers, months or
 *    weekdays, or in Japanese fewer than six kanji, katakana words and
 *    words of three hiragana or more, each word counting two, outside
 *    dates: "Weather update", "Morning briefing: Friday 20 November",
 *    ニュース速報, お知らせ), or is one of a dated series made of words
 *    that many titles carry, FOLD_SERIES_WORDS at most (fold_mark_generic():
 *    【天気】南沢 11月17日 くもり, "Elmbridge weather: sunshine expected on
 *    Monday"; a title naming its date and nothing else, its date's words
 *    need not recur: "Buongiorno: le notizie di martedì 6 luglio"), or is
 *    carried word for word FOLD_RECUR_MIN times over more than
 *    FOLD_WINDOW_SECONDS (fold_mark_recurring(): a press release's "Board
 *    changes announced"), it never folds on the title alone:
 *      the summaries' leads (first sentences) are copies
 *      (fold_leads_copied()), or the titles fold to the same text told
 *      within FOLD_DETAIL_SECONDS over leads in their outlets' own words
 *      that name one event (fold_leads_keyed_alike()), or both titles
 *      are of a dated series
 *      that names FOLD_SERIES_KEYS strong keys (fold_series_named():
 *      "Heat warning for Westerly Downs on Saturday: level 1") and
 *      their leads do not each name two things the other does not;
 *      they do not differ in a key
 *      (fold_summaries_differ(): a figure each, or a name or kanji or
 *      katakana word each; under a short title, in a script without
 *      capitals or a lead all in lower case any word is a name, in
 *      Korean the lead's first: TITLE_TEXT_UNCASED, so عاجل over two
 *      cities' leads is two stories), and the titles hold the same words
 *      (title_same_words(): neither adds a word, key or Japanese word
 *      to the other, so "赤沢の天気" is not "【天気】赤沢 11月19日 みぞれ";
 *      a copy cut short or with its summary glued on aside, a copy cut
 *      with an ellipsis where the other goes on too, fold_cut_begins();
 *      over leads copied nearly whole one word each may be an outlet's
 *      synonym, and over the same first sentence of FOLD_SENTENCE_MIN
 *      characters a word of either where the titles hold the same keys
 *      (fold_sentence_copied(): "…4月まで全面通行止め"), and under a
 *      named series' titles, or titles whose leads name one event by
 *      FOLD_SERIES_KEYS keys, one's all the other's
 *      (fold_leads_keyed_same(): "Storm alert for Dunmere on Monday"),
 *      one word each that the other's lead holds,
 *      fold_echoed_swap(): "Flood alert" over a lead of a "flood
 *      warning", or a word swapped as a headline may swap it,
 *      fold_swap_named(): "for maintenance" and "for repairs"), or one title names nothing (short, without
 *      a key: "Breaking news", "Update"; or short and carried by many
 *      stories; or, against a headline of its own, short and naming
 *      nothing past its first word: "News alert", fold_nothing_over())
 *      and the other is a headline of its own or names nothing too
 *      (not with other keys, unless each title is a word at most:
 *      "Nyhetsflash" and "Avance", not "Weer Elmwijk" and "Weer Brakel"),
 *      over the very same lead, its figures in the same order
 *      (fold_short_titles_agree(), fold_figure_order()), or over one
 *      that the other's tells grown or cut short, whole to the end of a
 *      sentence of it (fold_lead_grown()) and naming the event
 *      (fold_lead_copied_whole()); or, under
 *      any titles, their leads prove one event (fold_lead_proves(): the
 *      same text naming FOLD_SERIES_KEYS keys, told within
 *      FOLD_DETAIL_SECONDS, under titles that do not each hold a key the
 *      other lacks, or whose words one lacks are all in both leads and
 *      the other's in neither, title_rewrite_echoed(): a German noun,
 *      capitalised as a name is, swapped by an outlet). A summary
 *      that only says the title's headline again, an outlet's name at
 *      most after it (an aggregator's, fold_summary_headline()), has no
 *      lead. A lead is
 *      the first sentence past a wire's dateline (fold_dateline():
 *      "KELBRIDGE, May 5 (City Wire) - ", "ROMA, 5 MAG - ",
 *      "...5月4日电") or a short label in capitals
 *      (fold_lead_start(): "FOR IMMEDIATE RELEASE."), going on into
 *      the next when it is shorter than FOLD_LEAD_SHORT bytes and holds
 *      no figure (a forecast's "Fog then sunshine expected over
 *      Wickensby today." gives its temperatures after), ended by a blank or
 *      a line break after its stop, going on past an ordinal's, an
 *      initial's, a title's or a month's dot (fold_dot_inside(): "am 30.
 *      Spieltag", "U.S.", "Mr.", "Dec. 3").
 *    Identical short titles over different summaries are different
 *    stories, and so are short titles over leads that read alike word
 *    for word but for their figures (fold_short_leads_refigured(): in
 *    Japanese the figures make no shingle);
 *  - titles alike but for their figures, a figure of one not the other's
 *    in its place (title_figures_moved(): "地铁8号线5日起" and "地铁5号线
 *    8日起", the same figures counted), are different stories, short or
 *    not, and so are titles with words of opposite sense, one sense only
 *    in each (title_opposed(): "approves" and "rejects", "raises" and
 *    "cuts"; or ordinals, compass points, seasons, parts of the day,
 *    the kind of item (a preview, a live page, a report), each holding
 *    one the other lacks: "second round" and "third round"; a preview or
 *    live page is not a title announcing neither that holds a figure it
 *    lacks, or told more than FOLD_DETAIL_SECONDS apart a name,
 *    title_result_apart(): the result, the clubs' transfer), and
 *    Korean titles that each hold a word the other lacks
 *    which their own summary holds and the other's does not
 *    (title_hangul_swapped(): two stations' closures); a Korean place
 *    in 시, 군 or 읍 is a name, its particle aside, in titles and in
 *    leads (title.c's hangul_place(): "경찰, 미르시 ... 검거" is not
 *    "경찰, 나래군 ... 검거");
 *  - otherwise their summaries' leads do not each hold a figure the
 *    other lacks (unless both titles are whole, told within
 *    FOLD_DETAIL_SECONDS, and name a figure among FOLD_SERIES_KEYS strong
 *    keys, fold_event_named(): one result, its leads adding the turnout
 *    or the runner-up; or are one headline, the same words, naming two
 *    keys, one strong, or FOLD_EVENT_KEYS that name something (not the
 *    capitals of a Title Case word that another title writes in lower
 *    case, fold_named_keys()), or in
 *    Japanese, which has no keys but figures, FOLD_EVENT_KEYS words
 *    (fold_cjk_title(): "若葉町のフォーク音楽祭、来場者14万人で過去最多"),
 *    (never, as below, where the leads give one quantity two values,
 *    fold_leads_requantified(): "the project cost £183 million" and
 *    "costing £149 million");
 *    nor, for a
 *    title cut short with an ellipsis, which
 *    matches the start of many, or of three words or fewer that name
 *    nothing, title_vague(): "Cold weather warning", another key each,
 *    or two each under a cut title that names something strong
 *    but one again over leads written alike (one template's
 *    sentence), fold_cut_keys(), and any number where the cut
 *    copy's own lead holds every word the cut left out of the whole
 *    title,
 *    fold_cut_echoed(): "Forscher der Universität Auenbruck entwickeln…"
 *    over an outlet's sentence of the "selbstheilenden Beton", over
 *    leads that give no quantity two values;
 *    a possessive's key its word's: "Kelsport's" names Kelsport; nor,
 *    where the leads are written alike, fold_leads_alike(), two other
 *    keys each: one template's lead told of two events, unless one
 *    Japanese or Chinese headline told twice within FOLD_DETAIL_SECONDS
 *    names FOLD_EVENT_KEYS words, its figures aside, fold_cjk_named(): "放火の
 *    罪 柊木葉月被告に無罪" over two outlets' sentences), and
 *    the titles do not each hold a word the other lacks (title_swapped())
 *    over leads that each hold FOLD_APART_MIN shingles
 *    the other's lacks (fold_leads_apart(): "... new funding for the
 *    library in Harwick" and "... for the bus depot ...", each lead
 *    telling its own; a rewrite that swaps a word keeps the wire's lead,
 *    and one that rewrites the lead too swaps a word in it, two shingles),
 *    unless, told within FOLD_DETAIL_SECONDS, the leads carry one event's
 *    figures and neither swapped word is its own lead's alone
 *    (fold_swap_carried(): "Power cut" and "Power outage" over two
 *    outlets' sentences of the same 920 homes), or the titles are one
 *    headline with one word swapped (fold_swap_named()), nor, told more
 *    than FOLD_DETAIL_SECONDS apart or by one feed, does each title hold
 *    a word that its own lead holds and the other's does not
 *    (title_swap_told(), in any case and any spaced script, a summary
 *    glued onto a title not of its words: a hospital's strike and the
 *    railway's, a day apart; one feed's recall of heaters and its recall
 *    of kettles, whatever figures the leads share; in any feeds, where
 *    the words differ right after a figure both titles hold,
 *    fold_recounted(): 98,000 heaters and 98,000 e-scooters), nor does
 *    one title hold every word of the other's and a capitalised word
 *    more that its own lead holds and the other's does not
 *    (title_extra_told(): a strike and the agreement that ends it, whose
 *    headline holds the strike's; a headline cut short, a label in
 *    capitals before ": " and a word in lower case part nothing), nor,
 *    told more than FOLD_DETAIL_SECONDS apart, does one headline hold
 *    every word of the other and TITLE_EXTRA_LATER words more, none of
 *    them the other's lead's (title_extra_later(): the agreement a day on
 *    whose lead names nothing capitalised; outlets' tails aside),
 *    nor, over leads written alike
 *    (fold_leads_alike()) that carry no event's figures
 *    (fold_figures_carried(): an outlet may swap its word in its lead
 *    too, "halted" for "suspended" over the same 1,040 passengers),
 *    either title (title_swap_own(): one template's fires at a bakery and
 *    a cinema, its warnings of avalanches and of forest fires), and
 *      the titles are the same by title.c's rule (title_same_story():
 *      near-duplicates whose numbers, dates, names, teams, places and
 *      markers such as "Jong" or "U21" agree, and whose Japanese words
 *      agree), or
 *      their leads are near copies and their titles still agree
 *      (fold_verify_lead(), for rewrites over one wire copy; its leads
 *      must not differ in two keys each either; a lead that
 *      FOLD_BOILER_STORIES stories carry whole lets no title swap a
 *      word), or their leads prove
 *      one event (fold_lead_proves()), or, told within
 *      FOLD_DETAIL_SECONDS, one title names something strong and the
 *      other is it with a word swapped, or a phrase of two words for one
 *      (title_swapped_few()), over
 *      leads that share FOLD_SWAP_LEAD_KEYS keys, do not each hold a
 *      figure the other lacks, and do not each hold their title's
 *      swapped word alone, nor either its phrase or its Japanese
 *      piece (title_cjk_swapped()) (fold_swap_named():
 *      "Fire destroys bakery in
 *      Mossgate" and "Fire guts bakery in Mossgate", each over its
 *      outlet's own sentence of the street and the town); a Chinese or
 *      Japanese piece's leads, which hold no keys (a run of kanji
 *      between commas is no word), may instead each tell FOLD_CJK_ECHO
 *      pairs of characters of the other's headline (fold_cjk_echoed():
 *      "…胡宇轩宣布竞选连任" and "…公布…" over "意料之中：胡宇轩将再次竞选
 *      枫城市长。"), and the leads written alike then part them by
 *      figures only (fold_cjk_swap_named());
 *  - whatever their titles and leads say, one's headline tells the
 *    other's lead, its first sentence word for word to its full stop,
 *    FOLD_SENTENCE_MIN characters or more and naming the event, told
 *    within FOLD_DETAIL_SECONDS (fold_lead_headlined(): an aggregator's
 *    "Urgente. El nombramiento de … se hizo oficial este jueves." over
 *    a lead of its own, under the wire's "Urgente");
 *  - whatever the rules above say of their titles (too few words
 *    shared, or words swapped that fold_told_apart() reads as another
 *    event's), two feeds' items of one event, each under a headline in
 *    its outlet's own words, are the same story when their leads carry
 *    the event's figures and names and each headline tells only what
 *    the other copy tells too (fold_facts_retold(), found through the
 *    titles' names as well, fold_walk_named()), unless the headlines
 *    count two things with one figure, each word its own lead's alone
 *    (fold_recount_told(): a firm's recalls of 58,000 kettles and of
 *    58,000 heaters, told the same day; in one feed, one word in neither
 *    lead will do); an item without a lead
 *    is such a copy of one with a lead when its headline's names and
 *    figures, four or more, are that lead's and the other headline's,
 *    the other headline names nothing it lacks, and neither is a
 *    match's preview or live page that the other is not
 *    (fold_facts_headlined()).
 * Whatever else agrees, a and b are not the same story (but by their
 * GUID or link) when they give one quantity two values
 * (fold_leads_requantified(): a figure each that the other lacks before
 * the same word, or a percent sign and the word after it, in the lead
 * or the sentences after it that a kept summary holds, FOLD_LEAD_BYTES,
 * or in a headline when neither is cut short: "diverted for 41 days"
 * under a "News in brief" and "for 52 days" under the wire's bridge
 * closure, or "closed for 44 days" in its headline; "11% 임금" and "3%
 * 임금", the rises two towns' strikers ask), or
 * when their headlines are one under two kickers that name places and
 * that neither lead tells, or each its own lead alone by its stem,
 * whatever word the headlines swap besides (title_kickers_apart():
 * "Legnica: prezydent miasta ... rezygnuje" and "Leszno: ..." over one
 * sentence that names no town; "Przemyśl:" over "w Przemyślu",
 * "Kruszyniec: alert" over "dla Kruszyńca" and "Żurawiec: ostrzeżenie"
 * over "dla Żurawca"; not kinds of item, "Liveticker:" and "Directo:").
 * No pair joins two stories by itself: see fold_cluster().
 */
static int
fold_same_story(const struct fold_ctx *c, uint32_t ia, uint32_t ib, double t)
{
	if (fold_same_address(c, ia, ib)) {
		return 1;
	}
	return fold_same_rules(c, ia, ib, t) &&
	       !fold_leads_requantified(c, ia, ib) &&
	       !fold_kickers_apart(c, ia, ib);
}

/* Whether the story rooted at r spans [first, last] already: copies
 * that share a link may span more than FOLD_WINDOW_SECONDS, and a copy
 * that falls inside their span widens nothing. */
static int
fold_span_within(const struct fold_ctx *c, uint32_t r, int64_t first,
                 int64_t last)
{
	return c->first[r] <= first && c->last[r] >= last;
}

/* The first of the first FOLD_SAMPLE members of the story rooted at r
 * whose title is whole, not cut short; r when none is. */
static uint32_t
fold_first_whole(const struct fold_ctx *c, uint32_t r)
{
	uint32_t x = r;
	size_t i;

	for (i = 0; i < FOLD_SAMPLE && (i == 0 || x != r); i++, x = c->next[x]) {
		if (!c->ents[x].cut) {
			return x;
		}
	}
	return r;
}

/* Whether entries x and y are one feed's own two items with a word
 * swapped in their titles (fold_told_apart()): two events, whatever the
 * other pairs of their stories say. */
static int
fold_own_swapped(const struct fold_ctx *c, uint32_t x, uint32_t y)
{
	struct title_vocab vocab = { c->kind, c->lower };
	struct title_view vx, vy;

	if (!fold_own_swap(&c->ents[x], &c->ents[y]) ||
	    !fold_own_items(fold_at(c, x), fold_at(c, y))) {
		return 0;
	}
	vx = fold_view(c, &c->ents[x]);
	vy = fold_view(c, &c->ents[y]);
	return title_swapped(&vocab, &vx, &vy);
}

/* Whether x, of the story rooted at r, is a relay of another of its
 * first FOLD_SAMPLE members: no lead of its own (fold_bare()), and the
 * other's link or GUID. Its title says no more than the other's, whose
 * vote it would only repeat or, without a lead to go by, spoil. */
static int
fold_relay_in(const struct fold_ctx *c, uint32_t r, uint32_t x)
{
	uint32_t y = r;
	size_t i;

	if (!fold_bare(&c->ents[x])) {
		return 0;
	}
	for (i = 0; i < FOLD_SAMPLE && (i == 0 || y != r); i++, y = c->next[y]) {
		if (y != x && !fold_bare(&c->ents[y]) && fold_same_address(c, x, y)) {
			return 1;
		}
	}
	return 0;
}

/* Whether the stories rooted at ra and rb, one of them a single entry,
 * hold a member each with the very same lead (fold_lead_whole() with its
 * keys, FOLD_LEAD_MIN shingles or more, no boilerplate), both under a
 * headline that says something (TITLE_SHORT), that are the same story:
 * the wire's lead copied whole under an outlet's headline with a word
 * swapped ("朱俊杰担任望海美术馆馆长" over the lead of "朱俊杰出任…") ties
 * the copy to the wire's item, whatever the story's first member, told
 * earlier by another outlet in its own words, says of the swap. */
static int
fold_lead_anchored(const struct fold_ctx *c, uint32_t ra, uint32_t rb, double t)
{
	uint32_t x = ra, y;
	size_t i, j;

	if (c->next[ra] != ra && c->next[rb] != rb) {
		return 0;
	}
	for (i = 0; i < FOLD_SAMPLE && (i == 0 || x != ra);
	     i++, x = c->next[x]) {
		const struct fold_ent *a = &c->ents[x];

		if (a->leadhash == 0 || a->boilerlead ||
		    a->nlead < FOLD_LEAD_MIN || a->inform < TITLE_SHORT) {
			continue;
		}
		for (j = 0, y = rb; j < FOLD_SAMPLE && (j == 0 || y != rb);
		     j++, y = c->next[y]) {
			const struct fold_ent *b = &c->ents[y];

			if (b->leadhash == a->leadhash && !b->boilerlead &&
			    b->inform >= TITLE_SHORT &&
			    fold_same_story(c, x, y, t)) {
				return 1;
			}
		}
	}
	return 0;
}

/* Whether the stories rooted at ra and rb may become one: together they
 * span at most FOLD_WINDOW_SECONDS, or no more than one of them spans
 * already (fold_span_within()), their first members are the same
 * story, and so are their first whole headlines where a first member is
 * cut short (fold_first_whole(): "FLASH - Groupe Méridia supprime …"
 * matches each town's job cuts of one count, and may not let two towns'
 * into one story), but for a single entry tied to a member by the very
 * same lead (fold_lead_anchored()), which needs no first member whole
 * to agree, and so are at least half of the pairs between the first
 * FOLD_SAMPLE members of each (a bounded sample, so that a big story
 * costs no more than a small one), none of them one feed's own two items
 * with a word swapped (fold_own_swapped(): two events, however the other
 * pairs vote); a relay of a member (fold_relay_in()) that matches nothing
 * votes nothing. A copy that matches one member only,
 * as a truncated "Weather update: heavy rain…" matches the weather of
 * every town, joins no story it does not match as a whole. When both
 * are one entry each and known holds fold_same_story(ra, rb) (its
 * rule reads only the two entries, which nothing changes once pairs are
 * found), that one pair is the whole sample. */
static int
fold_story_accepts(const struct fold_ctx *c, uint32_t ra, uint32_t rb, double t,
                   int known)
{
	int64_t first = c->first[ra] < c->first[rb] ? c->first[ra] : c->first[rb];
	int64_t last = c->last[ra] > c->last[rb] ? c->last[ra] : c->last[rb];
	uint32_t x = ra, y, wa, wb;
	size_t i, j, pairs = 0, same = 0;
	/* fold_relay_in() of each sampled member, asked once: -1 not yet */
	int relay_a, relay_b[FOLD_SAMPLE];
	int anchored = -1;	/* fold_lead_anchored(), once asked */

	if (first <= last && fold_apart(first, last) &&
	    !fold_span_within(c, ra, first, last) &&
	    !fold_span_within(c, rb, first, last)) {
		return 0;
	}
	if (known && c->next[ra] == ra && c->next[rb] == rb) {
		return 1;
	}
	wa = fold_first_whole(c, ra);
	wb = fold_first_whole(c, rb);
	for (j = 0; j < FOLD_SAMPLE; j++) {
		relay_b[j] = -1;
	}
	for (i = 0; i < FOLD_SAMPLE; i++, x = c->next[x]) {
		if (i > 0 && x == ra) {
			break;
		}
		relay_a = -1;
		for (j = 0, y = rb; j < FOLD_SAMPLE; j++, y = c->next[y]) {
			int ok;

			if (j > 0 && y == rb) {
				break;
			}
			ok = fold_same_story(c, x, y, t);
			if (!ok && ((i == 0 && j == 0) || (x == wa && y == wb))) {
				/* asked only when the first members part them */
				if (anchored < 0) {
					anchored = fold_lead_anchored(c, ra, rb, t);
				}
				if (!anchored || (x == wa && y == wb &&
				                  (wa != ra || wb != rb))) {
					return 0;
				}
			}
			if (!ok && fold_own_swapped(c, x, y)) {
				return 0;
			}
			if (!ok && relay_a < 0) {
				relay_a = fold_relay_in(c, ra, x);
			}
			if (!ok && !relay_a && relay_b[j] < 0) {
				relay_b[j] = fold_relay_in(c, rb, y);
			}
			if (!ok && (relay_a || relay_b[j] > 0)) {
				continue;
			}
			pairs++, same += ok;
		}
	}
	return same * 2 >= pairs;
}

static int
fold_cmp_edge(const void *x, const void *y)
{
	const struct fold_edge *a = x, *b = y;

	if (a->score != b->score) {
		return a->score > b->score ? -1 : 1;
	}
	if (a->a != b->a) {
		return a->a < b->a ? -1 : 1;
	}
	return (a->b > b->b) - (a->b < b->b);
}

/* The edges' sort keys, least significant first (fold_cmp_edge()'s
 * order: score down, then a, then b), as fold_sort_edges() reads them. */
static uint32_t
fold_edge_key(const struct fold_edge *e, int key)
{
	/* fold_likeness() scores at most 65536 */
	return key == 0 ? e->b : key == 1 ? e->a : 65536u - e->score;
}

/* Moves the n edges src to dst, ordered (stably) by the FOLD_RADIX_BITS
 * of sort key key at shift. */
static void
fold_edge_pass(const struct fold_edge *src, struct fold_edge *dst, size_t n,
               int key, unsigned shift)
{
	size_t count[(size_t)1 << FOLD_RADIX_BITS], mask = ((size_t)1 << FOLD_RADIX_BITS) - 1;
	size_t i;

	memset(count, 0, sizeof(count));
	for (i = 0; i < n; i++) {
		count[(fold_edge_key(&src[i], key) >> shift) & mask]++;
	}
	fold_radix_starts(count);
	for (i = 0; i < n; i++) {
		dst[count[(fold_edge_key(&src[i], key) >> shift) & mask]++] = src[i];
	}
}

/* Sorts the n edges at e in fold_cmp_edge()'s order: a stable radix sort
 * of FOLD_RADIX_BITS a pass on b, then a, then the score, each over the
 * bits its largest value needs (two passes each at a million entries),
 * where qsort's callbacks took a fifth of the joins' time. Returns -1
 * when out of memory or a score is above 65536 (e untouched). */
static int
fold_sort_edges(struct fold_edge *e, size_t n)
{
	struct fold_edge *tmp = fold_alloc(n, sizeof(*tmp)), *src = e, *dst = tmp, *t;
	size_t i;
	int key;

	for (i = 0; i < n && tmp != NULL; i++) {
		if (e[i].score > 65536u) {	/* not fold_likeness()'s */
			free(tmp);
			tmp = NULL;
		}
	}
	if (tmp == NULL) {
		return -1;
	}
	for (key = 0; key < 3; key++) {
		uint32_t top = 0;
		unsigned shift;

		for (i = 0; i < n; i++) {
			top |= fold_edge_key(&src[i], key);
		}
		for (shift = 0; shift < 32 && (top >> shift) != 0; shift += FOLD_RADIX_BITS) {
			fold_edge_pass(src, dst, n, key, shift);
			t = src, src = dst, dst = t;
		}
	}
	if (src != e) {
		memcpy(e, src, n * sizeof(*e));
	}
	free(tmp);
	return 0;
}

/* Joins the pairs found so far, the most alike first, each only when
 * fold_story_accepts() the two stories it would join; then forgets them. */
static void
fold_cluster(struct fold_ctx *c, double t)
{
	size_t i;

	if (c->pairs.nedges == 0) {
		return;	/* edges may still be NULL */
	}
	if (fold_sort_edges(c->pairs.edges, c->pairs.nedges) != 0) {
		qsort(c->pairs.edges, c->pairs.nedges, sizeof(*c->pairs.edges),
		      fold_cmp_edge);
	}
	for (i = 0; i < c->pairs.nedges; i++) {
		const struct fold_edge *e = &c->pairs.edges[i];
		uint32_t ra = fold_find(c->parent, e->a);
		uint32_t rb = fold_find(c->parent, e->b);

		if (ra != rb && fold_story_accepts(c, ra, rb, t,
		                                   e->ab && ra == e->a && rb == e->b)) {
			fold_merge(c, ra, rb);
		}
	}
	c->pairs.nedges = 0;
}

/* Marking boilerplate shingles (fold_mark_boiler()) on two threads: the
 * ids [from, to) (pass 0: the stories of its first postings) or the
 * entries [from, to) (pass 1: each entry's shingles that are not). The
 * stories are only read (fold_root()); each writes its own ids' and
 * entries' fields. */
struct fold_boiler_job {
	struct fold_ctx *c;
	size_t from, to, stories;
	int pass;
};

static void *
fold_boiler_run(void *arg)
{
	const struct fold_boiler_job *job = arg;
	struct fold_ctx *c = job->c;
	const struct fold_index *ix = &c->lix;
	size_t x, j, k;

	for (x = job->from; job->pass == 0 && x < job->to; x++) {
		uint64_t roots[FOLD_BOILER_MAX];
		size_t nroots = 0;

		if (ix->off[x + 1] - ix->off[x] < job->stories) {
			continue;
		}
		for (j = ix->off[x]; j < ix->off[x + 1] && nroots < job->stories; j++) {
			/* a story, or copies under one title that it
			 * has not joined yet */
			uint64_t r = c->ents[fold_root(c->parent, ix->post[j])].whole;

			for (k = 0; k < nroots && roots[k] != r; k++) {
			}
			if (k == nroots) {
				roots[nroots++] = r;
			}
		}
		c->boiler[x] = nroots >= job->stories;
	}
	for (x = job->from; job->pass == 1 && x < job->to; x++) {
		struct fold_ent *e = &c->ents[x];

		e->nlive = e->nprivate;
		for (j = 0; j < e->nlead; j++) {
			e->nlive += !c->boiler[c->lids[e->lead + j]];
		}
	}
	return NULL;
}

/* Runs pass of fold_boiler_run() over [0, n), half on a second thread
 * for a batch of a block or more. */
static void
fold_boiler_pass(struct fold_ctx *c, int pass, size_t n, size_t stories)
{
	struct fold_boiler_job job[2];

	job[0] = (struct fold_boiler_job){ c, 0, n / 2, stories, pass };
	job[1] = (struct fold_boiler_job){ c, n / 2, n, stories, pass };
	fold_run_halves(fold_boiler_run, &job[0], &job[1], c->n >= FOLD_BLOCK);
}

/* Marks summary shingles that the summaries of FOLD_BOILER_STORIES
 * stories (so far) carry, and counts each entry's other shingles. */
static int
fold_mark_boiler(struct fold_ctx *c)
{
	size_t stories = c->n / FOLD_BOILER_SHARE;

	stories = stories < FOLD_BOILER_STORIES ? FOLD_BOILER_STORIES :
	          stories > FOLD_BOILER_MAX ? FOLD_BOILER_MAX : stories;
	c->boiler = fold_calloc(c->nleadids, 1);
	if (c->boiler == NULL) {
		return -1;
	}
	fold_boiler_pass(c, 0, c->nleadids, stories);
	fold_boiler_pass(c, 1, c->n, stories);
	return 0;
}

/* Identical leads are candidates without the postings, as identical
 * titles are (fold_join_identical()): a template's lead may have no
 * word pair rare enough to find it by. The keys of the entries that
 * have a lead, grouped by it for fold_join_grouped_keys() and
 * fold_mark_boiler_leads() (into c->leadkeys), made while the calling
 * thread waits for the title index (fold_join_all()): they read only
 * what the reading wrote. Returns -1 when out of memory. */
static int
fold_group_leads(struct fold_ctx *c)
{
	struct fold_key *k = fold_alloc(c->n, sizeof(*k));
	size_t i, m = 0;

	for (i = 0; k != NULL && i < c->n; i++) {
		if (c->ents[i].leadhash != 0) {
			k[m].h = c->ents[i].leadhash, k[m].time = c->ents[i].time;
			k[m].i = (uint32_t)i, m++;
		}
	}
	if (k == NULL || fold_group_keys(k, m, fold_cmp_whole) != 0) {
		free(k);
		return -1;
	}
	c->leadkeys = k, c->nleadkeys = m;
	return 0;
}

/* Marks leads that the summaries of FOLD_BOILER_STORIES stories carry
 * word for word ("Follow our live coverage."): such a lead proves no
 * copy, however alike. k holds the m entries that have a lead, grouped
 * by it (c->leadkeys); the stories of a run of one lead are told by
 * their titles. */
static void
fold_mark_boiler_leads(struct fold_ctx *c, const struct fold_key *k, size_t m)
{
	size_t i, j, start, stories;

	for (start = 0; start < m; start = i) {
		uint64_t seen[FOLD_BOILER_STORIES];

		for (i = start, stories = 0; i < m && k[i].h == k[start].h; i++) {
			uint64_t w;

			if (stories == FOLD_BOILER_STORIES) {
				continue;
			}
			w = c->ents[fold_root(c->parent, k[i].i)].whole;
			for (j = 0; j < stories && seen[j] != w; j++) {
			}
			if (j == stories) {
				seen[stories++] = w;
			}
		}
		while (stories >= FOLD_BOILER_STORIES && start < i) {
			c->ents[k[start++].i].boilerlead = 1;
		}
	}
}

/* fold_probe for the summary rules: a's rarest live summary shingles,
 * enough that a lead sharing FOLD_SHORT_LEAD_SHARE of them (the lower of
 * the two rules' shares) must carry one. */
static int
fold_probe_lead(const struct fold_ctx *c, const struct fold_index *ix,
                uint32_t a, const struct fold_span *w, double t,
                uint64_t *order, uint32_t *seen, struct fold_pairs *out)
{
	const struct fold_ent *e = &c->ents[a];
	size_t k, p, m = 0;

	for (p = 0; p < e->nlead; p++) {
		uint32_t s = c->lids[e->lead + p];

		if (!c->boiler[s]) {
			order[m++] = (uint64_t)(ix->off[s + 1] - ix->off[s]) << 32 | s;
		}
	}
	fold_sort_u64(order, m);
	/* the private shingles are the rarest and find nothing */
	k = e->nlive - (size_t)ceil(FOLD_SHORT_LEAD_SHARE * (double)e->nlive - 1e-9) + 1;
	k = k > e->nprivate ? k - e->nprivate : 0;
	return fold_walk(c, ix, a, w, order, k < m ? k : m, seen, 1, t, out);
}

/* Marks boilerplate leads (fold_mark_boiler_leads()) and keeps of
 * c->leadkeys the leads that are not, in their order: once the titles
 * have joined, while the lead index is still being built
 * (fold_join_all()). */
static void
fold_keep_leads(struct fold_ctx *c)
{
	size_t i, m = 0;

	fold_mark_boiler_leads(c, c->leadkeys, c->nleadkeys);
	for (i = 0; i < c->nleadkeys; i++) {
		if (!c->ents[c->leadkeys[i].i].boilerlead) {
			c->leadkeys[m++] = c->leadkeys[i];
		}
	}
	c->nleadkeys = m;
}

/* The lead rule over the candidates from an index of summary shingles. */
static int
fold_join_leads(struct fold_ctx *c, double t)
{
	struct fold_key *k;
	size_t i;
	int rc = -1;

	if (c->nlids == 0) {
		return 0;
	}
	if (fold_mark_boiler(c) != 0) {
		goto out;
	}
	k = c->leadkeys;	/* fold_join_grouped_keys() frees it */
	c->leadkeys = NULL;
	if (fold_join_grouped_keys(c, t, k, c->nleadkeys, NULL) != 0) {
		goto out;
	}
	for (i = 0; i < c->pairs.nlater; i++) {
		if (fold_add_edge(c, &c->pairs, c->pairs.later[i].a,
		                  c->pairs.later[i].b, t, 0) != 0) {
			goto out;
		}
	}
	if (fold_probe_all(c, &c->lix, 1, t) != 0) {
		goto out;
	}
	fold_cluster(c, t);
	rc = 0;
out:
	fold_index_free(&c->lix);
	return rc;
}

/* The index of title (lead 0) or lead (1) shingles, each built on a
 * thread of its own while the titles join (fold_join_all()): they read
 * only the entries' ids, final once the entries are read. */
struct fold_index_job {
	struct fold_ctx *c;
	int lead, rc;
	int threaded;		/* on a thread of its own: join it */
	pthread_t th;
};

static void *
fold_index_run(void *arg)
{
	struct fold_index_job *job = arg;
	struct fold_ctx *c = job->c;

	if (job->lead) {
		job->rc = c->nlids == 0 ? 0 :
		          fold_build_index(c, 1, c->nleadids, &c->lix);
	} else {
		job->rc = fold_build_index(c, 0, c->hcount, &c->tix);
	}
	return NULL;
}

/* Starts job on a thread of its own for a batch of a block or more, or
 * runs it on this one. */
static void
fold_index_start(struct fold_index_job *job)
{
	job->threaded = job->c->n >= FOLD_BLOCK &&
	                pthread_create(&job->th, NULL, fold_index_run, job) == 0;
	if (!job->threaded) {
		fold_index_run(job);
	}
}

/* Waits for job; returns its rc. */
static int
fold_index_wait(struct fold_index_job *job)
{
	if (job->threaded) {
		pthread_join(job->th, NULL);
		job->threaded = 0;
	}
	return job->rc;
}

/* Joins the entries' stories: by title, then by the summary rules. The
 * title index is built beside the first joins (fold_join_before_index())
 * and the grouping of the leads (fold_group_leads()), the lead index
 * beside the title pairs' join (fold_cluster(), one thread's work, that
 * left the second core idle) and the marking of boilerplate leads
 * (fold_keep_leads()), once the title index has gone: built together
 * beside the first joins, the two left the title index late and both
 * in memory at once. Each thread is waited for whatever fails. */
static int
fold_join_all(struct fold_ctx *c, double t)
{
	struct fold_index_job tj = { .c = c, .lead = 0 }, lj = { .c = c, .lead = 1 };
	int rc;

	fold_index_start(&tj);
	rc = fold_join_before_index(c, t) != 0;
	rc = rc || fold_group_leads(c) != 0;
	rc = fold_index_wait(&tj) != 0 || rc;
	/* candidates from the title index, verified and joined with the
	 * identical titles' pairs */
	rc = rc || fold_probe_all(c, &c->tix, 0, t) != 0;
	fold_index_free(&c->tix);
	if (rc == 0) {
		fold_index_start(&lj);
		fold_cluster(c, t);
		fold_keep_leads(c);
	}
	rc = fold_index_wait(&lj) != 0 || rc;
	return rc != 0 || fold_join_leads(c, t) != 0 ? -1 : 0;
}

/* Whether the entries are in date order, the order folding joins in. */
static int
fold_in_date_order(const struct fold_entry *e, size_t n)
{
	for (size_t i = 1; i < n; i++) {
		if (e[i].time < e[i - 1].time) {
			return 0;
		}
	}
	return 1;
}

/* The union-find forest of the n entries (a new array of n parents;
 * NULL when out of memory), joined in the order they come, or in
 * order's when it is not NULL (parents then in that order's places). */
static uint32_t *
fold_forest(const struct fold_entry *e, const uint32_t *order, size_t n,
            double threshold)
{
	struct fold_ctx c;
	uint32_t *parent = NULL;

	memset(&c, 0, sizeof(c));
	c.order = order;
	if (fold_ctx_fill(&c, e, n) == 0 && fold_join_all(&c, threshold) == 0) {
		parent = c.parent;
		c.parent = NULL;
	}
	fold_ctx_free(&c);
	return parent;
}

/* The roots of the entries [from, to) of forest inner, folded in
 * order's (NULL: the caller's), told in the caller's indices:
 * root[order[i]] = order[inner's root of i]. */
struct fold_roots_job {
	const uint32_t *inner, *order;
	uint32_t *root;
	size_t from, to;
};

static void *
fold_roots_run(void *arg)
{
	const struct fold_roots_job *j = arg;
	size_t i;

	for (i = j->from; i < j->to; i++) {
		uint32_t r = fold_root(j->inner, (uint32_t)i);

		if (j->order != NULL) {
			j->root[j->order[i]] = j->order[r];
		} else {
			j->root[i] = r;
		}
	}
	return NULL;
}

/* Each of the n entries' story, as the entry its forest inner (folded
 * in order's order; NULL: the caller's) has at its root, in the
 * caller's indices: a new array of n, NULL when out of memory. inner is
 * only read, so that a batch of a block or more is told on two threads,
 * half each: at a million entries each root is a miss in the cache, and
 * the second core had nothing to do. */
static uint32_t *
fold_roots(const uint32_t *inner, const uint32_t *order, size_t n)
{
	struct fold_roots_job job[2];
	uint32_t *root = fold_alloc(n, sizeof(*root));

	if (root == NULL) {
		return NULL;
	}
	job[0] = (struct fold_roots_job){ inner, order, root, 0, n / 2 };
	job[1] = (struct fold_roots_job){ inner, order, root, n / 2, n };
	fold_run_halves(fold_roots_run, &job[0], &job[1], n >= FOLD_BLOCK);
	return root;
}

/* An entry's place in the date order while it is sorted: its time less
 * the earliest one's, and its index. */
struct fold_dated {
	uint64_t since;
	uint32_t at;
};

/* Sorts the n dated entries d by since, stably (ties keep their order),
 * FOLD_RADIX_BITS at a time over the bits the latest one needs: two
 * passes for a month of news, linear where qsort's callbacks were not.
 * tmp has room for n. Returns the sorted array, d or tmp. */
static struct fold_dated *
fold_dated_sort(struct fold_dated *d, struct fold_dated *tmp, size_t n)
{
	size_t count[(size_t)1 << FOLD_RADIX_BITS], mask = ((size_t)1 << FOLD_RADIX_BITS) - 1;
	uint64_t top = 0;
	unsigned shift;
	size_t i;

	for (i = 0; i < n; i++) {
		top = d[i].since > top ? d[i].since : top;
	}
	for (shift = 0; shift < 64 && (top >> shift) != 0; shift += FOLD_RADIX_BITS) {
		struct fold_dated *t;

		memset(count, 0, sizeof(count));
		for (i = 0; i < n; i++) {
			count[(d[i].since >> shift) & mask]++;
		}
		fold_radix_starts(count);
		for (i = 0; i < n; i++) {
			tmp[count[(d[i].since >> shift) & mask]++] = d[i];
		}
		t = d, d = tmp, tmp = t;
	}
	return d;
}

/* order[k]: the entry that comes k-th by date, ties in the caller's
 * order (undated entries first, as NF_NO_DATE is the least time); a new
 * array, NULL when out of memory. */
static uint32_t *
fold_date_order(const struct fold_entry *e, size_t n)
{
	struct fold_dated *d = fold_alloc(n, sizeof(*d));
	struct fold_dated *tmp = fold_alloc(n, sizeof(*tmp));
	uint32_t *order = fold_alloc(n, sizeof(*order));
	const struct fold_dated *sorted;
	int64_t first = INT64_MAX;
	size_t i, m = 0, undated = 0;

	if (d == NULL || tmp == NULL || order == NULL) {
		free(order);
		order = NULL;
		goto out;
	}
	for (i = 0; i < n; i++) {
		if (e[i].time == NF_NO_DATE) {
			order[undated++] = (uint32_t)i;
		} else if (e[i].time < first) {
			first = e[i].time;
		}
	}
	for (i = 0; i < n; i++) {
		if (e[i].time != NF_NO_DATE) {
			d[m].since = (uint64_t)e[i].time - (uint64_t)first;
			d[m++].at = (uint32_t)i;
		}
	}
	sorted = fold_dated_sort(d, tmp, m);
	for (i = 0; i < m; i++) {
		order[undated + i] = sorted[i].at;
	}
out:
	free(d);
	free(tmp);
	return order;
}

/*
 * The stories of entries that are not in date order (fold_roots()):
 * joined in date order, then told in the caller's indices. Joins are greedy (a copy
 * joins a story it matches as a whole), so the order they are tried in
 * matters; in date order a feed's newest-first listing, the store's
 * listing by feed and a chronological archive give the same stories.
 */
static uint32_t *
fold_forest_dated(const struct fold_entry *e, size_t n, double threshold)
{
	uint32_t *order = fold_date_order(e, n), *root = NULL, *inner = NULL;

	if (order != NULL && (inner = fold_forest(e, order, n, threshold)) != NULL) {
		root = fold_roots(inner, order, n);
	}
	free(inner);
	free(order);
	return root;
}

enum nf_status
fold_stories(const struct fold_entry *entries, size_t n, double threshold,
             struct fold_result *out, struct nf_error *err)
{
	uint32_t *root;
	enum nf_status st;

	out->stories = NULL;
	out->nstories = 0;
	if (n >= UINT32_MAX) {
		return nf_error_set(err, NF_ERR_TOO_LARGE, "too many items to fold");
	}
	if (threshold <= 0.0 || threshold > 1.0 || threshold != threshold) {
		threshold = TITLE_DEFAULT_THRESHOLD;
	}
	if (fold_in_date_order(entries, n)) {
		uint32_t *forest = fold_forest(entries, NULL, n, threshold);

		root = forest != NULL ? fold_roots(forest, NULL, n) : NULL;
		free(forest);
	} else {
		root = fold_forest_dated(entries, n, threshold);
	}
	if (root == NULL) {
		return nf_error_set(err, NF_ERR_NOMEM, "out of memory folding stories");
	}
	st = fold_collect(entries, n, root, out, err);
	free(root);
	return st;
}

void
fold_result_free(struct fold_result *res)
{
	size_t i;

	if (res == NULL) {
		return;
	}
	for (i = 0; i < res->nstories; i++) {
		free(res->stories[i].similar);
	}
	free(res->stories);
	res->stories = NULL;
	res->nstories = 0;
}

const char *
fold_summary_of(const struct nf_item *item)
{
	return item->summary != NULL && item->summary[0] != '\0' ? item->summary
	                                                         : item->content;
}

struct fold_entry
fold_entry_of(const struct nf_item *item, const char *source)
{
	return (struct fold_entry){
		.title = item->title,
		.id = item->id,
		.link = item->link,
		.summary = fold_summary_of(item),
		.source = source,
		.time = item->published,
		.text_len = item_text_length(item),
	};
}
