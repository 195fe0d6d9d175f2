#ifndef NF_STORE_H
#define NF_STORE_H

/*
 * The store: one SQLite database that keeps every feed's items, read
 * flags and fetch metadata between runs.
 *
 * Durability: WAL journal with synchronous=NORMAL. Every write is one
 * transaction (one per feed update, one per bulk mark), so a process
 * killed at any moment leaves the database as of its last commit. A
 * power loss may lose the last few commits, never corrupt the file;
 * feeds are fetched again anyway, so we do not pay an fsync per commit.
 *
 * Items are keyed by feed + GUID, else link, else a hash of title and
 * content; a GUID or link that items with other titles or text carry in
 * the same update keys none of them. An item seen again keeps its read
 * flag and takes the new text.
 *
 * One struct store belongs to one thread at a time. Other processes
 * (a cron --refresh while the reader runs) may open the same file; writers
 * wait up to a few seconds for each other (busy_timeout).
 */

#include <stddef.h>
#include <stdint.h>

#include "src/error.h"
#include "src/item.h"
#include "src/query.h"

struct store;

/* Returns a new string: $XDG_DATA_HOME/newsfold/newsfold.db, else
 * $HOME/.local/share/newsfold/newsfold.db; free with free(). NULL when
 * neither variable is set or out of memory. */
char *store_default_path(void);

/* Whether store_open() found the file writable by nobody here (its mode,
 * or a folder that cannot take WAL's side files) and opened it read-only:
 * every read works, every write fails with "attempt to write a readonly
 * database". */
int store_is_read_only(const struct store *s);

/* Opens (creating file and missing directories) the database at path, or
 * at store_default_path() when path is NULL, and migrates its schema
 * forward. NF_ERR_DB when the file is not a database or its schema is
 * newer than this program. Close with store_close(). */
enum nf_status store_open(const char *path, struct store **out,
                          struct nf_error *err);
void store_close(struct store *s);
/* Opens a second handle on s's database, for another thread (a handle
 * belongs to one thread at a time). Close it with store_close(). */
enum nf_status store_open_again(const struct store *s, struct store **out,
                                struct nf_error *err);

/* Finds the feed with this URL (as the dotfile gives it), adding it when
 * missing; title is the dotfile's title or NULL, and replaces the stored
 * one. Feeds are listed in the order they were first added.
 *
 * Feeds are never deleted: one dropped from the dotfile keeps its items
 * and read flags here, the callers show only the dotfile's feeds, and the
 * line coming back finds the same feed id with everything it had. */
enum nf_status store_feed_ensure(struct store *s, const char *url,
                                 const char *title, int64_t *feed_id,
                                 struct nf_error *err);

/* The id of the feed with this URL, or 0 when the store has none; never
 * writes. */
enum nf_status store_feed_find(struct store *s, const char *url,
                               int64_t *feed_id, struct nf_error *err);

/* What fetch remembers about a feed. Strings are NULL when absent;
 * store_feed_meta_clear() frees them. */
struct store_feed_meta {
	char *etag;
	char *last_modified;	/* the Last-Modified header, verbatim */
	int64_t last_fetch;	/* time of the last attempt, or NF_NO_DATE */
	char *last_error;	/* why the last attempt failed; NULL on success */
	char *feed_title;	/* the title the feed gives itself */
};

void store_feed_meta_clear(struct store_feed_meta *meta);
/* Fills meta (cleared first; the caller frees it). NF_ERR_DB when there
 * is no such feed. */
enum nf_status store_feed_meta_get(struct store *s, int64_t feed_id,
                                   struct store_feed_meta *meta,
                                   struct nf_error *err);
/* Replaces all five fields (NULL clears a string). Call it after
 * store_feed_update() with the new validators: a kill between the two then
 * costs a full fetch next time, never items behind a stored ETag. */
enum nf_status store_feed_meta_set(struct store *s, int64_t feed_id,
                                   const struct store_feed_meta *meta,
                                   struct nf_error *err);

/* What a feed update keeps: the dotfile's max-items, prune-unread and
 * keep-unread. */
struct store_keep {
	int max_items;		/* per feed; 0 = no limit, nothing pruned */
	int prune_unread;	/* unread items may go like read ones */
	int64_t keep_unread;	/* seconds; else unread items older than this
				 * may go; 0 = unread items are never pruned */
};

/* Stores a freshly parsed feed in one transaction: new items inserted,
 * known ones updated (read flag kept), the feed's own title recorded.
 * Then, while the feed holds more than keep->max_items, prunes it oldest
 * first by publication date: read items; unread ones too with
 * prune_unread, else those older than keep_unread (an item's age counts
 * from its publication, or from when it was first stored if that is
 * earlier). Never an item of this update: it would come back as new
 * next time. So a feed keeps at most max_items items, or its latest
 * listing when that is longer, plus the unread items younger than
 * keep_unread. keep NULL prunes nothing. *new_count (may be NULL) gets
 * the number of items not seen before. */
enum nf_status store_feed_update(struct store *s, int64_t feed_id,
                                 const struct nf_feed *feed,
                                 const struct store_keep *keep,
                                 size_t *new_count, struct nf_error *err);

/* A store's first refresh: with no items stored yet, the indexes by
 * which read more finds an item (store_item_find(): link, title) are
 * dropped, *deferred 1, and made in one pass by store_lookup_build()
 * once the items are in; a store with items keeps them, or has them
 * made when a first refresh never finished (*deferred 0). Joins a batch.
 * A look-up only ever lacks them for speed, never for its answer;
 * store_open() writes nothing for them, so --headlines stays a reader.
 * The reader makes them at its start with store_lookup_build(). */
enum nf_status store_lookup_defer(struct store *s, int *deferred,
                                  struct nf_error *err);
enum nf_status store_lookup_build(struct store *s, struct nf_error *err);

/* Keeps s's page cache, and the memory a sort for an index may take
 * before it spills to a temporary file, at about kib KiB: for a handle
 * that makes an index in the background while another folds, so that
 * the two do not add up. */
enum nf_status store_cache_limit(struct store *s, unsigned kib,
                                 struct nf_error *err);

/* A batch: the writes of several feed updates (store_feed_update(),
 * store_feed_meta_set(), store_items_ignored(); store_feed_ensure() for
 * a list of feeds registered at once) in one transaction, so
 * that a refresh writes each page of the items' indexes once per batch
 * rather than once per feed. Nothing of a batch is stored until
 * store_batch_commit(). A write that fails inside it takes the whole
 * batch back (what was stored before it stays); the writes after fail
 * too until store_batch_commit(), which then fails, saying why. The
 * batch takes the store's write lock at its first write and holds it
 * until the commit, so keep it short. Only those
 * writes may run inside one; begin while one is open is a no-op, commit
 * without one is NF_OK. store_in_batch() says whether one is begun. */
enum nf_status store_batch_begin(struct store *s, struct nf_error *err);
enum nf_status store_batch_commit(struct store *s, struct nf_error *err);
int store_in_batch(const struct store *s);

/* One line of the Feeds screen. */
struct store_feed_info {
	int64_t id;
	char *url;
	char *title;		/* dotfile title, else the feed's, else the URL
				 * with its password starred out */
	size_t nitems;
	size_t nunread;
	int64_t last_fetch;	/* NF_NO_DATE when never fetched */
	char *last_error;	/* NULL when the last fetch worked */
};

/* Returns every feed in the order added, as a new array; free with
 * store_feed_list_free(). */
enum nf_status store_feed_list(struct store *s, struct store_feed_info **out,
                               size_t *n, struct nf_error *err);
/* The feeds never fetched, as store_feed_list() gives them but without
 * counts (nitems and nunread 0): what the reader needs at start, without
 * counting a large store's items. Free with store_feed_list_free(). */
enum nf_status store_feed_list_unfetched(struct store *s,
                                         struct store_feed_info **out,
                                         size_t *n, struct nf_error *err);
void store_feed_list_free(struct store_feed_info *feeds, size_t n);

/* What store_items_load() fills. */
enum store_load {
	STORE_LOAD_FULL = 0,	/* every field */
	STORE_LOAD_LIST = 1,	/* content left out (NULL), the rest filled:
				 * about half the time and memory for the
				 * headline screens; item_text_length() then
				 * measures the summary */
	STORE_LOAD_PAGE = 2,	/* what a front page prints (frontpage.h):
				 * as LIST, but no author, enclosures,
				 * categories or Similar News, of the image
				 * only its caption, and content NULL except
				 * its first 4,000 characters for an item
				 * without a summary; text_len measures the
				 * whole */
};

/* Loads the items of one feed, or of every feed when feed_id is 0, as a
 * new array of new items with rowid, feed_id, source (the feed's title as
 * store_feed_list() gives it, so never a password) and read filled. Order: feeds in the order
 * added, each feed's items as its latest fetch listed them, then older
 * ones newest first. Free with store_items_free(). */
enum nf_status store_items_load(struct store *s, int64_t feed_id,
                                enum store_load what, struct nf_item ***items,
                                size_t *n, struct nf_error *err);
void store_items_free(struct nf_item **items, size_t n);

/* One item as the refold after a refresh reads it (src/stories.c):
 * what folding and the kept page's lines read, borrowed for the
 * callback. summary is cut to its first max(256, title's length)
 * characters; the content is not read, text_len measures it (else the
 * summary) uncut; outlet is the extras' outlet, source the feed's title
 * as store_feed_list() gives it. Strings may be NULL. */
struct store_fold_item {
	int64_t rowid, feed_id, published;
	size_t text_len;
	const char *id, *title, *link, *summary, *outlet, *caption, *source;
};

/* Returns 0, or -1 to stop (out of memory). */
typedef int (*store_fold_item_fn)(void *ctx, const struct store_fold_item *it);

/* Calls fn for every stored item of feed_id, or of every feed when it
 * is 0, in store_items_load()'s order, in one statement (no item is
 * built). */
enum nf_status store_fold_items(struct store *s, int64_t feed_id,
                                store_fold_item_fn fn, void *ctx,
                                struct nf_error *err);

/* The fold's generation (store_fold_generation()) and SQLite's data
 * version of this handle, which moves on only when another handle
 * commits: read together inside a write, they tell whether a change of
 * generation since the last such reading was this handle's own. */
enum nf_status store_fold_mark(struct store *s, int64_t *gen,
                               int64_t *version, struct nf_error *err);

/* Loads one whole item (for the article screen); free with item_free().
 * NF_ERR_DB when there is no such row. */
enum nf_status store_item_load(struct store *s, int64_t rowid,
                               struct nf_item **item, struct nf_error *err);

/* The stored item whose link is link, else whose title is title (the
 * one with the longest text), or 0 when none is (NULL skips a test). */
int64_t store_item_find(struct store *s, const char *link, const char *title);

/* Sets the read flag (0 or 1) of n items in one transaction; unknown
 * rowids are skipped. */
enum nf_status store_mark_read(struct store *s, const int64_t *rowids,
                               size_t n, int read, struct nf_error *err);
/* Marks every item of one feed, or of every feed when feed_id is 0, read. */
enum nf_status store_mark_all_read(struct store *s, int64_t feed_id,
                                   struct nf_error *err);

/* Queries over the store (src/query.h): the dotfile's `query` feeds,
 * its `ignore` killfile and a tag narrowing, compiled to SQL with every
 * value a bound parameter. */

/* One dotfile feed's tags, for tag: conditions. Borrowed strings. */
struct store_feed_tags {
	const char *url;	/* as the dotfile gives it */
	char *const *tags;
	size_t ntags;
};

/* What a listing keeps. Everything is borrowed for the call. */
struct store_filter {
	const struct query *match;	/* items listed; NULL = every item */
	const struct query *const *ignore;	/* the killfile: an item that
						 * matches any is never listed */
	size_t nignore;
	const struct store_feed_tags *feeds;	/* what tag: looks up */
	size_t nfeeds;
	int64_t now;		/* what age< and age> count from; 0 = now */
};

/* As store_items_load(), keeping only the items filter lets through
 * (NULL, or one with neither match nor ignore lines, keeps every item
 * and is store_items_load() itself). Free with store_items_free(). */
enum nf_status store_items_query(struct store *s, int64_t feed_id,
                                 enum store_load what,
                                 const struct store_filter *filter,
                                 struct nf_item ***items, size_t *n,
                                 struct nf_error *err);

/* Counts the items of one feed (0: every feed) that filter lets through,
 * and how many of those are unread; either pointer may be NULL. */
enum nf_status store_items_count(struct store *s, int64_t feed_id,
                                 const struct store_filter *filter,
                                 size_t *total, size_t *unread,
                                 struct nf_error *err);

/* The largest item rowid so far (0 in an empty store): items stored
 * later have larger ones, so it marks where an update begins. */
enum nf_status store_items_last_rowid(struct store *s, int64_t *rowid,
                                      struct nf_error *err);

/* Brings the full-text index (text~) up to date with the items written
 * since it last caught up, at most chunks transactions of a few thousand
 * changes each (0: until done); *done (may be NULL) says whether it is
 * in step now. A refresh writes items without indexing them; the
 * screens call this before they search and while the reader idles. A
 * query never writes: over an index behind the items (--headlines, a
 * read-only store, inside a transaction) it scans what the index lacks,
 * so its answer is the same, only slower. */
enum nf_status store_search_catch_up(struct store *s, size_t chunks,
                                     int *done, struct nf_error *err);

/* Counts the items of feed_id with a rowid above after that filter's
 * killfile hides (its match is not used). */
enum nf_status store_items_ignored(struct store *s, int64_t feed_id,
                                   int64_t after,
                                   const struct store_filter *filter,
                                   size_t *count, struct nf_error *err);
/* Read state belongs to the story. The fold (run by the screens) tells the
 * store which items form one story; the store keys them together, so
 * that a mark reaches every copy, in any feed, across restarts. */

/* One story as the fold made it: the rowids of its copies. */
struct store_story {
	const int64_t *rowids;
	size_t n;
};

/* Records the stories of a fold over every feed: reads every item's story
 * first, then writes what changed (if anything) in one transaction. A
 * story keeps the key its members had (the smallest, when the fold joined
 * two); an item new to a story whose every earlier member was read is
 * marked read, so a late copy never makes a read story unread again.
 * *newly_read gets those items' rowids (a new array, free() it; NULL
 * when none). */
enum nf_status store_stories_join(struct store *s,
                                  const struct store_story *stories, size_t n,
                                  int64_t **newly_read, size_t *nread,
                                  struct nf_error *err);

/* A set of feeds; a NULL set stands for every feed. */
struct store_feeds {
	const int64_t *ids;
	size_t n;
};

/* The rowids given and those of every item in feeds sharing a story with
 * one of them, sorted, each once; with unread_only only the unread ones.
 * A new array in *out (free() it; NULL when empty). */
enum nf_status store_story_rowids(struct store *s, const int64_t *rowids,
                                  size_t n, const struct store_feeds *feeds,
                                  int unread_only, int64_t **out,
                                  size_t *nout, struct nf_error *err);

/* The rowids of one feed's unread items: a new array (free() it). */
enum nf_status store_feed_unread(struct store *s, int64_t feed_id,
                                 int64_t **out, size_t *nout,
                                 struct nf_error *err);

/* A read-more page fetched from the web, kept by URL with its
 * validators. The store keeps the STORE_PAGE_MAX latest. */
#define STORE_PAGE_MAX 200

struct store_page {
	char *text;		/* the page as text; NULL: not stored */
	char *etag;
	char *last_modified;
	int64_t fetched;	/* when it was fetched (seconds) */
};

void store_page_clear(struct store_page *page);
/* Fills page (the caller clears it); page->text stays NULL when the URL
 * is not stored. */
enum nf_status store_page_get(struct store *s, const char *url,
                              struct store_page *page, struct nf_error *err);
/* Stores (or replaces) the page of url, dropping the oldest past the
 * bound, in one transaction. */
enum nf_status store_page_put(struct store *s, const char *url,
                              const struct store_page *page,
                              struct nf_error *err);

/* The front page's fold kept between runs, so that --headlines and the
 * screens list stories without folding. Every change to what the fold
 * reads (an item's text, dates, order or feed, a feed's title) moves
 * the store's fold generation on; a stored fold is current while its
 * generation and its signature (whatever else it was made from: the
 * caller's threshold and feeds) still match. */

/* The generation now. Read it before loading the items to fold: a
 * change in between then leaves the saved fold stale, never wrong. */
enum nf_status store_fold_generation(struct store *s, int64_t *gen,
                                     struct nf_error *err);
/* Whether the stored fold is current for signature. */
enum nf_status store_fold_is_current(struct store *s, const char *signature,
                                     int *current, struct nf_error *err);

/* One story of a fold to keep, in page order. Everything is borrowed. */
struct store_fold_story {
	const struct nf_item *const *copies;	/* n, the lead copy first:
						 * rowid, published and link */
	const char *const *heads;	/* each copy's own line: headline */
	const char *const *sources;	/* and source */
	size_t n;
	size_t outlets;		/* distinct sources */
	int64_t newest;		/* the newest copy's date, or NF_NO_DATE */
	const char *head;	/* the story's line: headline and source */
	const char *source;
	const char *caption;	/* its photo's caption, or NULL */
};

/* Fills *story with the next story and returns 1; 0 at the end, -1 out
 * of memory. What it points to stays valid until the next call. */
typedef int (*store_fold_next)(void *ctx, struct store_fold_story *story);

/* Replaces the stored fold with the stories next gives, made at gen
 * (store_fold_generation() before the items were loaded) and signature,
 * in one transaction. */
enum nf_status store_fold_save(struct store *s, const char *signature,
                               int64_t gen, store_fold_next next, void *ctx,
                               struct nf_error *err);

/* One line of the stored page: a story's own line (member 0, its lead
 * copy) or one of its copies. Strings are borrowed for the callback;
 * caption and text may be NULL. */
struct store_fold_row {
	size_t place;		/* the story's place on the page, from 0 */
	size_t member;		/* 0: the lead copy */
	size_t members;		/* the story's */
	size_t outlets;
	int64_t newest;
	const char *head, *source, *caption;	/* the story's */
	int64_t rowid;		/* this copy's */
	int64_t published;
	const char *copy_head, *copy_source, *link;
	const char *text;	/* place 0, member 0 only: its summary, else
				 * the start of its content */
	int read;		/* with STORE_FOLD_READ */
	int story_unread;	/* likewise, member 0 only: some copy is unread */
};

/* Returns nonzero to stop the walk. */
typedef int (*store_fold_each)(void *ctx, const struct store_fold_row *row);

/* What store_fold_walk() gives besides each story's own line. */
enum {
	STORE_FOLD_COPIES = 1,	/* every copy's line too */
	STORE_FOLD_READ = 2	/* read state (else 0) */
};

/* Calls each for the lines of the stories at places from .. from+count-1
 * in page order (what: STORE_FOLD_ flags), in one read transaction; when
 * the stored fold is not current for signature, sets *current to 0 and
 * calls nothing. Writes nothing. */
enum nf_status store_fold_walk(struct store *s, const char *signature,
                               size_t from, size_t count, int what,
                               store_fold_each each, void *ctx, int *current,
                               struct nf_error *err);

/* The stored fold as rowids only: every copy, story after story in page
 * order (the lead copy first), in *rowids (*n of them), and each story's
 * count of copies in *counts (*nstories), when it is current for
 * signature (*current); new arrays, free() both. */
enum nf_status store_fold_members(struct store *s, const char *signature,
                                  int64_t **rowids, size_t *n, size_t **counts,
                                  size_t *nstories, int *current,
                                  struct nf_error *err);

/* How many stories the stored fold holds. */
enum nf_status store_fold_count(struct store *s, size_t *nstories,
                                struct nf_error *err);

/* The screens read the kept page a story at a time, never every item. */

/* Orders store_fold_stories() lists the story lines in. */
enum store_fold_order {
	STORE_FOLD_PAGE,	/* the page's */
	STORE_FOLD_NEWEST,	/* newest copy first, undated last */
	STORE_FOLD_OUTLETS	/* most distinct sources first */
};

/* Calls each with every story's own line (place, members, outlets,
 * newest, head, source, caption, rowid: the lead copy's, story_unread)
 * in order, the lead story first, ties in the page's order, reverse
 * turning the rest around; in one read transaction, nothing written.
 * When the stored fold is not current for signature, sets *current to 0
 * and calls nothing. */
enum nf_status store_fold_stories(struct store *s, const char *signature,
                                  enum store_fold_order order, int reverse,
                                  store_fold_each each, void *ctx,
                                  int *current, struct nf_error *err);

/* The first count lines store_fold_stories() gives, in the same order,
 * each story's unread state read from its own copies: for a first
 * screen, without a pass over the whole page. */
enum nf_status store_fold_first(struct store *s, const char *signature,
                                enum store_fold_order order, int reverse,
                                size_t count, store_fold_each each, void *ctx,
                                int *current, struct nf_error *err);

/* The rowids of the copies of the story at place, the lead copy first:
 * a new array (free() it). */
enum nf_status store_fold_story_rowids(struct store *s, size_t place,
                                       int64_t **rowids, size_t *n,
                                       struct nf_error *err);

/* The place of the story holding the copy rowid (*found 0: none). */
enum nf_status store_fold_place_of(struct store *s, int64_t rowid,
                                   size_t *place, int *found,
                                   struct nf_error *err);

/* The places of the stories a copy of which has needle (any case of
 * ASCII letters) in its title, source line or summary: sorted, each once,
 * a new array (free() it; NULL when none). */
enum nf_status store_fold_matching(struct store *s, const char *needle,
                                   int64_t **places, size_t *n,
                                   struct nf_error *err);

/* Whether the story at place has an unread copy. */
enum nf_status store_fold_unread_of(struct store *s, size_t place, int *unread,
                                    struct nf_error *err);

/* Whether each stored story has an unread copy: one byte per place, a
 * new array in *unread (free() it) of *nstories bytes. */
enum nf_status store_fold_unread(struct store *s, unsigned char **unread,
                                 size_t *nstories, struct nf_error *err);

#endif
