#include "autoconfig.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <cJSON.h>
#include <sqlite3.h>

#include "src/buf.h"
#include "src/path.h"
#include "src/url.h"
#include "src/utf8.h"
#include "src/clock.h"
#include "src/store.h"

/*
 * Schema. Each entry moves the database one version forward and runs in
 * its own transaction together with the PRAGMA user_version that records
 * it, so a kill mid-migration leaves the previous version. Add a version
 * by appending an entry; never edit a released one.
 *
 * Items keep the image in three columns (read on every listing) and the
 * rarer lists (enclosures, categories, related entries) and the outlet
 * the feed names for the item in one JSON column,
 * extras, NULL when the item has none: a listing then reads one row per
 * item with no joins, and most rows skip the JSON parse.
 */
static const char *const migrations[] = {
	/* 1: feeds and their items */
	"CREATE TABLE feeds ("
	" id INTEGER PRIMARY KEY,"
	" url TEXT NOT NULL UNIQUE,"
	" title TEXT,"			/* the dotfile's */
	" feed_title TEXT,"		/* the feed's own */
	" etag TEXT,"
	" last_modified TEXT,"
	" last_fetch INTEGER,"
	" last_error TEXT,"
	" update_seq INTEGER NOT NULL DEFAULT 0);"
	"CREATE TABLE items ("
	" id INTEGER PRIMARY KEY,"
	" feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,"
	" key TEXT NOT NULL,"
	" guid TEXT, title TEXT, link TEXT, author TEXT,"
	" published INTEGER, updated INTEGER,"
	" summary TEXT, content TEXT,"
	" image_url TEXT, image_caption TEXT, image_credit TEXT,"
	" extras TEXT,"
	" read INTEGER NOT NULL DEFAULT 0,"
	" first_seen INTEGER NOT NULL,"
	" seen_seq INTEGER NOT NULL,"	/* feeds.update_seq when last listed */
	" position INTEGER NOT NULL,"	/* its place in that listing */
	" UNIQUE (feed_id, key));",
	/* 2: listings in feed order and unread counts from indexes */
	"CREATE INDEX items_order ON items (feed_id, seen_seq DESC, position);"
	"CREATE INDEX items_unread ON items (feed_id) WHERE read = 0;",
	/* 3: the content's length, so that a listing without the content
	 * still knows which copy of a story has the longest text */
	"ALTER TABLE items ADD COLUMN content_len INTEGER NOT NULL DEFAULT 0;"
	"UPDATE items SET content_len = COALESCE(length(CAST(content AS BLOB)), 0);",
	/* 4: read state belongs to the story: items the fold put together
	 * share a story key (the smallest rowid the story ever had), so a
	 * mark reaches copies in feeds that are not on screen, and a copy
	 * that arrives later can take the story's state */
	"ALTER TABLE items ADD COLUMN story INTEGER;"
	"CREATE INDEX items_story ON items (story) WHERE story IS NOT NULL;"
	/* read more finds a related entry's stored copy by link or title */
	"CREATE INDEX items_link ON items (link);"
	"CREATE INDEX items_title ON items (title);",
	/* 5: read-more pages fetched from the web, by URL, with their
	 * validators; bounded (PAGE_CACHE_MAX) oldest first */
	"CREATE TABLE pages ("
	" url TEXT PRIMARY KEY,"
	" etag TEXT, last_modified TEXT,"
	" fetched INTEGER NOT NULL,"
	" text TEXT NOT NULL);",
	/* 6: full-text search over titles, summaries and full text. The
	 * trigram tokenizer indexes every three characters, so Japanese and
	 * Chinese, written without spaces, are found like any other text.
	 * The index holds no copy of the text (content='items'); triggers
	 * keep it in step, and a refresh that stores the same text again
	 * leaves it alone. */
	"CREATE VIRTUAL TABLE items_fts USING fts5(title, summary, content,"
	" content='items', content_rowid='id', tokenize='trigram');"
	"CREATE TRIGGER items_fts_insert AFTER INSERT ON items BEGIN"
	" INSERT INTO items_fts (rowid, title, summary, content)"
	" VALUES (new.id, new.title, new.summary, new.content); END;"
	"CREATE TRIGGER items_fts_delete AFTER DELETE ON items BEGIN"
	" INSERT INTO items_fts (items_fts, rowid, title, summary, content)"
	" VALUES ('delete', old.id, old.title, old.summary, old.content); END;"
	"CREATE TRIGGER items_fts_update AFTER UPDATE OF title, summary, content"
	" ON items WHEN old.title IS NOT new.title OR old.summary IS NOT"
	" new.summary OR old.content IS NOT new.content BEGIN"
	" INSERT INTO items_fts (items_fts, rowid, title, summary, content)"
	" VALUES ('delete', old.id, old.title, old.summary, old.content);"
	" INSERT INTO items_fts (rowid, title, summary, content)"
	" VALUES (new.id, new.title, new.summary, new.content); END;"
	"INSERT INTO items_fts (items_fts) VALUES ('rebuild');",
	/* 7: the article text (lists, quotes, <pre>, numbered links) beside
	 * the plain content, NULL when it is the plain text itself; items
	 * stored before show their plain content */
	"ALTER TABLE items ADD COLUMN article TEXT;",
	/* 8: the front page's fold kept between runs, so that --headlines
	 * and the screens list stories without folding at start. fold_state
	 * holds a generation that every change the fold can see moves on
	 * (triggers below), and the generation and signature (threshold,
	 * feeds, program version) the stored fold was made at: the fold is
	 * current while both still match. stories has one row per story
	 * in page order; story_members each copy's line, the lead copy
	 * first, with what a page prints of it, so that listing the page
	 * reads neither items nor their text. A feed listing again what it
	 * listed last time, in the same places (seen_seq one on, position
	 * the same), leaves the fold's order and so the generation alone;
	 * any other move in a feed's order writes an item that moves it. */
	"CREATE TABLE fold_state ("
	" id INTEGER PRIMARY KEY CHECK (id = 1),"
	" gen INTEGER NOT NULL,"
	" folded_gen INTEGER,"
	" signature TEXT);"
	"INSERT INTO fold_state (id, gen) VALUES (1, 1);"
	"CREATE TABLE stories ("
	" place INTEGER PRIMARY KEY,"
	" lead INTEGER NOT NULL,"	/* the lead copy's item rowid */
	" members INTEGER NOT NULL,"
	" outlets INTEGER NOT NULL,"
	" newest INTEGER,"
	" head TEXT NOT NULL, source TEXT NOT NULL, caption TEXT);"
	"CREATE TABLE story_members ("
	" story INTEGER NOT NULL, place INTEGER NOT NULL,"
	" item INTEGER NOT NULL, published INTEGER, link TEXT,"
	" head TEXT NOT NULL, source TEXT NOT NULL,"
	" PRIMARY KEY (story, place)) WITHOUT ROWID;"
	"CREATE INDEX story_members_item ON story_members (item);"
	"CREATE TRIGGER fold_items_insert AFTER INSERT ON items BEGIN"
	" UPDATE fold_state SET gen = gen + 1; END;"
	"CREATE TRIGGER fold_items_delete AFTER DELETE ON items BEGIN"
	" UPDATE fold_state SET gen = gen + 1; END;"
	"CREATE TRIGGER fold_items_update AFTER UPDATE OF feed_id, guid, title,"
	" link, published, summary, content, image_caption, extras,"
	" content_len, seen_seq, position ON items WHEN"
	" old.feed_id IS NOT new.feed_id OR old.guid IS NOT new.guid OR"
	" old.title IS NOT new.title OR old.link IS NOT new.link OR"
	" old.published IS NOT new.published OR"
	" old.summary IS NOT new.summary OR old.content IS NOT new.content OR"
	" old.image_caption IS NOT new.image_caption OR"
	" old.extras IS NOT new.extras OR"
	" old.content_len IS NOT new.content_len OR"
	" ((old.seen_seq IS NOT new.seen_seq OR"
	" old.position IS NOT new.position) AND NOT"
	" (old.seen_seq = new.seen_seq - 1 AND old.position = new.position))"
	" BEGIN UPDATE fold_state SET gen = gen + 1; END;"
	"CREATE TRIGGER fold_feeds_update AFTER UPDATE OF url, title, feed_title"
	" ON feeds WHEN old.url IS NOT new.url OR old.title IS NOT new.title OR"
	" old.feed_title IS NOT new.feed_title"
	" BEGIN UPDATE fold_state SET gen = gen + 1; END;",
	/* 9: the full-text index catches up when asked (before the screens
	 * search: store_search_catch_up()), not inside every write: indexing
	 * every three characters of 100,000 items' text took most of a
	 * refresh. fts_pending lists the items whose current text the
	 * index lacks (added or changed); fts_stale keeps, for an item the
	 * index holds, the text it was indexed with until the index
	 * forgets it (FTS5 forgets a row of an external-content index
	 * only given the very values it indexed, and by then the item
	 * row has changed or gone). The index is in step here, so both
	 * start empty. */
	"DROP TRIGGER items_fts_insert;"
	"DROP TRIGGER items_fts_delete;"
	"DROP TRIGGER items_fts_update;"
	"CREATE TABLE fts_pending (id INTEGER PRIMARY KEY);"
	"CREATE TABLE fts_stale (id INTEGER PRIMARY KEY,"
	" title TEXT, summary TEXT, content TEXT);"
	"CREATE TRIGGER fts_items_insert AFTER INSERT ON items BEGIN"
	" INSERT OR IGNORE INTO fts_pending (id) VALUES (new.id); END;"
	/* what the index holds of a row: the stale copy when there is one
	 * (OR IGNORE keeps it), else the row itself unless it is pending */
	"CREATE TRIGGER fts_items_delete AFTER DELETE ON items BEGIN"
	" INSERT OR IGNORE INTO fts_stale (id, title, summary, content)"
	" SELECT old.id, old.title, old.summary, old.content WHERE NOT EXISTS"
	" (SELECT 1 FROM fts_pending WHERE id = old.id);"
	" DELETE FROM fts_pending WHERE id = old.id; END;"
	"CREATE TRIGGER fts_items_update AFTER UPDATE OF title, summary, content"
	" ON items WHEN old.title IS NOT new.title OR old.summary IS NOT"
	" new.summary OR old.content IS NOT new.content BEGIN"
	" INSERT OR IGNORE INTO fts_stale (id, title, summary, content)"
	" SELECT old.id, old.title, old.summary, old.content WHERE NOT EXISTS"
	" (SELECT 1 FROM fts_pending WHERE id = old.id);"
	" INSERT OR IGNORE INTO fts_pending (id) VALUES (new.id); END;",
	/* 10: no trigger on inserting an item. Any AFTER INSERT trigger
	 * on items cost a refresh a third of its insert time, so a new row
	 * tells by its rowid instead: fts_mark.upto is the highest rowid
	 * the full-text index has taken in, and every item above it is
	 * pending. fts_changed keeps the rows at or below the mark whose
	 * text changed. SQLite gives a deleted highest rowid to the next
	 * row, so a delete takes the mark down to the highest rowid left:
	 * a row that comes back above it is new to the index.
	 * fts_pending, a view now, still lists what the index lacks.
	 * The fold's generation moves on once per store_feed_update()
	 * that adds items rather than once an item; an item inserted by
	 * other means than the store leaves it. */
	"DROP TRIGGER fold_items_insert;"
	"DROP TRIGGER fts_items_insert;"
	"DROP TRIGGER fts_items_delete;"
	"DROP TRIGGER fts_items_update;"
	"ALTER TABLE fts_pending RENAME TO fts_changed;"
	"CREATE TABLE fts_mark ("
	" id INTEGER PRIMARY KEY CHECK (id = 1),"
	" upto INTEGER NOT NULL);"
	"INSERT INTO fts_mark (id, upto) SELECT 1, COALESCE(max(id), 0)"
	" FROM items;"
	"CREATE VIEW fts_pending AS SELECT id FROM fts_changed UNION ALL"
	" SELECT id FROM items WHERE id > (SELECT upto FROM fts_mark);"
	"CREATE TRIGGER fts_items_delete AFTER DELETE ON items"
	" WHEN old.id <= (SELECT upto FROM fts_mark) BEGIN"
	" INSERT OR IGNORE INTO fts_stale (id, title, summary, content)"
	" SELECT old.id, old.title, old.summary, old.content WHERE NOT EXISTS"
	" (SELECT 1 FROM fts_changed WHERE id = old.id);"
	" DELETE FROM fts_changed WHERE id = old.id;"
	" UPDATE fts_mark SET upto = (SELECT COALESCE(max(id), 0) FROM items)"
	" WHERE upto > (SELECT COALESCE(max(id), 0) FROM items); END;"
	"CREATE TRIGGER fts_items_update AFTER UPDATE OF title, summary, content"
	" ON items WHEN (old.title IS NOT new.title OR old.summary IS NOT"
	" new.summary OR old.content IS NOT new.content) AND"
	" old.id <= (SELECT upto FROM fts_mark) BEGIN"
	" INSERT OR IGNORE INTO fts_stale (id, title, summary, content)"
	" SELECT old.id, old.title, old.summary, old.content WHERE NOT EXISTS"
	" (SELECT 1 FROM fts_changed WHERE id = old.id);"
	" INSERT OR IGNORE INTO fts_changed (id) VALUES (new.id); END;"
	/* Story keys move to a narrow table of their own, item_story:
	 * writing a key into an item rewrote the item's whole row, and the
	 * keys a refresh writes touch rows all over the table. items.story
	 * is neither read nor written from here on. Nor is a key written
	 * for a story of one copy: an item at or below story_mark.upto
	 * without a key is a story of its own, keyed by its rowid; above
	 * it, it has not been joined yet. A key of 0 keeps an item the
	 * join passed over unjoined. A delete takes the item's key with
	 * it, and the mark down as it does the index's. */
	"CREATE TABLE item_story ("
	" id INTEGER PRIMARY KEY,"
	" story INTEGER NOT NULL);"
	"INSERT INTO item_story (id, story)"
	" SELECT id, story FROM items WHERE story IS NOT NULL;"
	"CREATE INDEX item_story_story ON item_story (story);"
	"DROP INDEX items_story;"
	"CREATE TABLE story_mark ("
	" id INTEGER PRIMARY KEY CHECK (id = 1),"
	" upto INTEGER NOT NULL);"
	"INSERT INTO story_mark (id, upto) VALUES (1, 0);"
	"CREATE TRIGGER story_items_delete AFTER DELETE ON items BEGIN"
	" DELETE FROM item_story WHERE id = old.id;"
	" UPDATE story_mark SET upto = (SELECT COALESCE(max(id), 0) FROM items)"
	" WHERE upto > (SELECT COALESCE(max(id), 0) FROM items); END;",
};

#define NMIGRATIONS (sizeof(migrations) / sizeof(migrations[0]))

/* Every statement is prepared once, on first use, and reset after. */
enum stmt_id {
	ST_BEGIN, ST_BEGIN_READ, ST_COMMIT, ST_ROLLBACK,
	ST_FEED_FIND, ST_FEED_ADD, ST_FEED_TITLE, ST_FEED_SEQ,
	ST_META_GET, ST_META_SET, ST_FEED_LIST,
	ST_ITEM_FIND, ST_ITEM_ADD, ST_ITEM_SET, ST_ITEM_COUNT,
	ST_ITEM_COUNT_ALL, ST_PRUNE, ST_FOLD_BUMP,
	ST_MARK, ST_MARK_FEED, ST_MARK_ALL,
	ST_LOAD_ALL, ST_LOAD_ALL_LIST, ST_LOAD_FEED, ST_LOAD_FEED_LIST,
	ST_LOAD_ALL_PAGE, ST_LOAD_FEED_PAGE,
	ST_LOAD_ONE,
	ST_STORY_IDS, ST_STORY_UNREAD, ST_STORY_KEYS, ST_STORY_READ, ST_STORY_KEY, ST_STORY_UPTO, ST_STORY_MARK,
	ST_STORY_COPIES, ST_FEED_UNREAD,
	ST_PAGE_GET, ST_PAGE_PUT, ST_PAGE_TRIM, ST_FIND_LINK, ST_FIND_TITLE,
	ST_ARTICLE, ST_FOLD_FEED,
	ST_COUNT
};

#define ITEM_COLUMNS_OF(author, summary, content, image, extras, len) \
	"SELECT i.id, i.feed_id, i.guid, i.title, i.link, " author "," \
	" i.published, i.updated, " summary ", " content ", " image "," \
	" " extras ", i.read," \
	" COALESCE(f.title, f.feed_title, url_redact(f.url)), " len \
	" FROM items i JOIN feeds f ON f.id = i.feed_id "
#define ITEM_COLUMNS(author, content, image, extras) \
	ITEM_COLUMNS_OF(author, "i.summary", content, image, extras, \
	                "i.content_len")
#define ITEM_IMAGE "i.image_url, i.image_caption, i.image_credit"
#define ITEM_FULL ITEM_COLUMNS("i.author", "i.content", ITEM_IMAGE, "i.extras")
#define ITEM_LIST ITEM_COLUMNS("i.author", "NULL", ITEM_IMAGE, "i.extras")
/* Of the extras, the outlet alone: a headline's " - Outlet" tail is cut
 * by it (title.h), so a page's lines need it; the lists need not. */
#define ITEM_OUTLET "CASE WHEN json_valid(i.extras) AND" \
	" json_extract(i.extras, '$.outlet') IS NOT NULL THEN" \
	" json_object('outlet', json_extract(i.extras, '$.outlet')) END"
/* A page's listing: no author, of the extras only the outlet (no
 * enclosures, categories, Similar News), of the picture only its
 * caption, and no content except the start of it for an item without a
 * summary, which is all a page prints of it (two lines at most). */
#define ITEM_PAGE ITEM_COLUMNS("NULL", "CASE WHEN i.summary IS NULL OR" \
	" i.summary = '' THEN substr(i.content, 1, 4000) END", \
	"NULL, i.image_caption, NULL", ITEM_OUTLET)
#define ITEM_ORDER " ORDER BY i.feed_id, i.seen_seq DESC, i.position"

/* What the refold reads of each item (store_fold_items()): the summary
 * (the content for an item without one, as fold_summary_of() reads it)
 * cut to the most folding reads of it (fold_summary_needed(), in
 * characters, so never fewer bytes), no more of the content, the
 * text's length measured here as the uncut text has it, and of the
 * extras the outlet alone. Column order: struct fold_item_col. */
#define FOLD_ITEM_CUT "256"
#define FOLD_ITEM_SQL "SELECT i.id, i.feed_id, i.published, i.guid," \
	" i.title, i.link, substr(CASE WHEN i.summary IS NULL OR i.summary = ''" \
	" THEN i.content ELSE i.summary END, 1, max(" FOLD_ITEM_CUT "," \
	" COALESCE(length(i.title), 0) + 8)), CASE WHEN json_valid(i.extras) AND" \
	" json_type(i.extras, '$.outlet') = 'text' THEN" \
	" json_extract(i.extras, '$.outlet') END, i.image_caption," \
	" COALESCE(f.title, f.feed_title, url_redact(f.url))," \
	" CASE WHEN i.content_len > 0 THEN i.content_len" \
	" ELSE COALESCE(length(CAST(i.summary AS BLOB)), 0) END" \
	" FROM items i JOIN feeds f ON f.id = i.feed_id"

static const char *const stmt_sql[ST_COUNT] = {
	[ST_BEGIN] = "BEGIN IMMEDIATE",
	[ST_BEGIN_READ] = "BEGIN",
	[ST_COMMIT] = "COMMIT",
	[ST_ROLLBACK] = "ROLLBACK",
	[ST_FEED_FIND] = "SELECT id FROM feeds WHERE url = ?1",
	[ST_FEED_ADD] = "INSERT INTO feeds (url, title) VALUES (?1, ?2)"
	                " ON CONFLICT (url) DO NOTHING",
	[ST_FEED_TITLE] = "UPDATE feeds SET title = ?2 WHERE id = ?1"
	                  " AND title IS NOT ?2",
	[ST_FEED_SEQ] = "UPDATE feeds SET update_seq = update_seq + 1,"
	                " feed_title = COALESCE(?2, feed_title)"
	                " WHERE id = ?1 RETURNING update_seq",
	[ST_META_GET] = "SELECT etag, last_modified, last_fetch, last_error,"
	                " feed_title FROM feeds WHERE id = ?1",
	[ST_META_SET] = "UPDATE feeds SET etag = ?2, last_modified = ?3,"
	                " last_fetch = ?4, last_error = ?5, feed_title = ?6"
	                " WHERE id = ?1",
	[ST_FEED_LIST] = "SELECT f.id, f.url, COALESCE(f.title, f.feed_title,"
	                 " url_redact(f.url)), f.last_fetch, f.last_error,"
	                 " (SELECT count(*) FROM items WHERE feed_id = f.id),"
	                 " (SELECT count(*) FROM items WHERE feed_id = f.id"
	                 " AND read = 0) FROM feeds f ORDER BY f.id",
	[ST_ITEM_FIND] = "SELECT id FROM items WHERE feed_id = ?1 AND key = ?2",
	[ST_ITEM_ADD] = "INSERT INTO items (feed_id, key, guid, title, link,"
	                " author, published, updated, summary, content,"
	                " image_url, image_caption, image_credit, extras,"
	                " seen_seq, position, first_seen, content_len, article)"
	                " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11,"
	                " ?12, ?13, ?14, ?15, ?16, ?17,"
	                " COALESCE(length(CAST(?10 AS BLOB)), 0), ?18)"
	                " ON CONFLICT (feed_id, key) DO NOTHING",
	[ST_ITEM_SET] = "UPDATE items SET guid = ?3, title = ?4, link = ?5,"
	                " author = ?6, published = ?7, updated = ?8,"
	                " summary = ?9, content = ?10, image_url = ?11,"
	                " image_caption = ?12, image_credit = ?13,"
	                " extras = ?14, seen_seq = ?15, position = ?16,"
	                " content_len = COALESCE(length(CAST(?10 AS BLOB)), 0),"
	                " article = ?18 WHERE id = ?1",
	[ST_ITEM_COUNT] = "SELECT count(*) FROM items WHERE feed_id = ?1",
	[ST_ITEM_COUNT_ALL] = "SELECT count(*) FROM items",
	/* An item's age runs from its publication, or from when it was
	 * first stored when that is earlier: a date in the future does not
	 * keep an item young. ?5 is the oldest an unread item may be to be
	 * kept; NULL keeps every unread item. */
	[ST_PRUNE] = "DELETE FROM items WHERE id IN (SELECT id FROM items"
	             " WHERE feed_id = ?1 AND seen_seq < ?2 AND (read OR ?3 OR"
	             " MIN(COALESCE(published, first_seen), first_seen) < ?5)"
	             " ORDER BY COALESCE(published, first_seen), id LIMIT ?4)",
	/* an update that added items: the fold's generation moves on once
	 * (migration 10) */
	[ST_FOLD_BUMP] = "UPDATE fold_state SET gen = gen + 1",
	[ST_MARK] = "UPDATE items SET read = ?2 WHERE id = ?1",
	[ST_MARK_FEED] = "UPDATE items SET read = 1 WHERE feed_id = ?1"
	                 " AND read = 0",
	[ST_MARK_ALL] = "UPDATE items SET read = 1 WHERE read = 0",
	[ST_LOAD_ALL] = ITEM_FULL ITEM_ORDER,
	[ST_LOAD_ALL_LIST] = ITEM_LIST ITEM_ORDER,
	[ST_LOAD_FEED] = ITEM_FULL "WHERE i.feed_id = ?1" ITEM_ORDER,
	[ST_LOAD_FEED_LIST] = ITEM_LIST "WHERE i.feed_id = ?1" ITEM_ORDER,
	[ST_LOAD_ALL_PAGE] = ITEM_PAGE ITEM_ORDER,
	[ST_LOAD_FEED_PAGE] = ITEM_PAGE "WHERE i.feed_id = ?1" ITEM_ORDER,
	[ST_LOAD_ONE] = ITEM_FULL "WHERE i.id = ?1",
	[ST_ARTICLE] = "SELECT article FROM items WHERE id = ?1",
	[ST_FOLD_FEED] = FOLD_ITEM_SQL " WHERE i.feed_id = ?1" ITEM_ORDER,
	/* What the join reads of every item, from narrow indexes rather
	 * than the items' rows (a scan of the whole table for its read
	 * flags): every rowid, the unread ones, and the stored keys
	 * (migration 10) */
	[ST_STORY_IDS] = "SELECT id FROM items INDEXED BY items_order",
	[ST_STORY_UNREAD] = "SELECT id FROM items INDEXED BY items_unread"
	                    " WHERE read = 0",
	[ST_STORY_KEYS] = "SELECT id, story FROM item_story",
	[ST_STORY_UPTO] = "SELECT upto FROM story_mark",
	/* from ?1 to ?2, unless a delete took it down since it was read */
	[ST_STORY_MARK] = "UPDATE story_mark SET upto = ?2"
	                  " WHERE upto = ?1 AND ?2 > ?1",
	[ST_STORY_READ] = "UPDATE items SET read = 1 WHERE id = ?1",
	/* an upsert, not INSERT OR REPLACE: a replace may delete a row as
	 * well as write one, so each of a join's 100,000 statements kept a
	 * statement journal of the pages it touched, spilled to a
	 * temporary file (635 MB written at 1,000 feeds) */
	[ST_STORY_KEY] = "INSERT INTO item_story (id, story) VALUES (?1, ?2)"
	                 " ON CONFLICT (id) DO UPDATE SET story = excluded.story",
	[ST_STORY_COPIES] = "SELECT id, read, feed_id FROM items WHERE id = ?1"
	                    " OR id IN (SELECT id FROM item_story WHERE story ="
	                    " (SELECT story FROM item_story"
	                    " WHERE id = ?1 AND story <> 0))",
	[ST_FEED_UNREAD] = "SELECT id FROM items WHERE feed_id = ?1 AND read = 0",
	[ST_FIND_LINK] = "SELECT id FROM items WHERE link = ?1"
	                 " ORDER BY content_len DESC, id LIMIT 1",
	[ST_FIND_TITLE] = "SELECT id FROM items WHERE title = ?1"
	                  " ORDER BY content_len DESC, id LIMIT 1",
	[ST_PAGE_GET] = "SELECT text, etag, last_modified, fetched FROM pages"
	                " WHERE url = ?1",
	[ST_PAGE_PUT] = "INSERT OR REPLACE INTO pages (url, etag,"
	                " last_modified, fetched, text) VALUES (?1, ?2, ?3, ?4, ?5)",
	[ST_PAGE_TRIM] = "DELETE FROM pages WHERE url NOT IN (SELECT url FROM"
	                 " pages ORDER BY fetched DESC, rowid DESC LIMIT ?1)",
};

/* Columns of ITEM_COLUMNS, in order. */
enum item_col {
	IC_ID, IC_FEED, IC_GUID, IC_TITLE, IC_LINK, IC_AUTHOR, IC_PUBLISHED,
	IC_UPDATED, IC_SUMMARY, IC_CONTENT, IC_IMAGE_URL, IC_IMAGE_CAPTION,
	IC_IMAGE_CREDIT, IC_EXTRAS, IC_READ, IC_SOURCE, IC_CONTENT_LEN
};

struct store {
	sqlite3 *db;
	char *path;
	sqlite3_stmt *stmt[ST_COUNT];
	int readonly;		/* opened for reading only: see store_open() */
	int batch;		/* inside store_batch_begin(): the writes
				 * share one transaction */
	int batch_open;		/* and it has begun (batch_join()) */
	int batch_lost;		/* a write failed and took the batch back:
				 * writes fail until store_batch_commit() */
	int batch_cache;	/* the batch's cache size is set */
};

#define BUSY_TIMEOUT_MS 5000
/* The page cache of a handle that writes batches, KiB: the index pages a
 * thousand feeds' items touch, each written once per batch. */
#define STORE_BATCH_CACHE_KIB "16384"
/* Marking 100,000 items read writes a WAL the size of the table; past a
 * checkpoint, cut the file back to this rather than keep it forever. */
#define WAL_SIZE_LIMIT "16777216"

static enum nf_status
db_error(struct store *s, struct nf_error *err, const char *what)
{
	return nf_error_set(err, NF_ERR_DB, "%s: %s: %s", s->path, what,
	                    sqlite3_errmsg(s->db));
}

/* Returns the prepared statement, reset and unbound, or NULL (err set). */
static sqlite3_stmt *
stmt_get(struct store *s, enum stmt_id id, struct nf_error *err)
{
	sqlite3_stmt *st = s->stmt[id];

	if (st == NULL) {
		if (sqlite3_prepare_v3(s->db, stmt_sql[id], -1,
		                       SQLITE_PREPARE_PERSISTENT, &st,
		                       NULL) != SQLITE_OK) {
			db_error(s, err, "cannot prepare a statement");
			return NULL;
		}
		s->stmt[id] = st;
	}
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return st;
}

/* Runs a statement that returns no rows we need. */
static enum nf_status
stmt_run(struct store *s, sqlite3_stmt *st, struct nf_error *err)
{
	int rc;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		return db_error(s, err, "write failed");
	}
	return NF_OK;
}

static enum nf_status
simple_run(struct store *s, enum stmt_id id, struct nf_error *err)
{
	sqlite3_stmt *st = stmt_get(s, id, err);

	return st != NULL ? stmt_run(s, st, err) : NF_ERR_DB;
}

/* Opens the transaction of a batch begun by store_batch_begin() at its
 * first write, so that a batch holds the write lock only from then on
 * (not while a feed is fetched or parsed). */
static enum nf_status
batch_join(struct store *s, struct nf_error *err)
{
	enum nf_status st = NF_OK;

	if (s->batch && !s->batch_open &&
	    (st = simple_run(s, ST_BEGIN, err)) == NF_OK) {
		s->batch_open = 1;
	}
	return st;
}

/* A write's transaction. Inside a batch the write joins the batch's: no
 * savepoint, whose journal would copy every page a feed touches; a
 * write that fails takes the whole batch back instead, and the batch is
 * over. */
static enum nf_status
tx_begin(struct store *s, struct nf_error *err)
{
	if (s->batch_lost) {
		return nf_error_set(err, NF_ERR_DB, "%s: the write was rolled"
		                    " back", s->path);
	}
	return s->batch ? batch_join(s, err) : simple_run(s, ST_BEGIN, err);
}

static enum nf_status
tx_commit(struct store *s, struct nf_error *err)
{
	return s->batch ? NF_OK : simple_run(s, ST_COMMIT, err);
}

/* Rolls back after a failure; err already says why, so keep it. */
static void
tx_rollback(struct store *s)
{
	if (s->batch) {
		s->batch = s->batch_open = 0;
		s->batch_lost = 1;
	}
	if (!sqlite3_get_autocommit(s->db)) {
		simple_run(s, ST_ROLLBACK, NULL);
	}
}

static int
bind_text(sqlite3_stmt *st, int col, const char *text)
{
	if (text == NULL) {
		return sqlite3_bind_null(st, col);
	}
	return sqlite3_bind_text(st, col, text, -1, SQLITE_STATIC);
}

static int
bind_date(sqlite3_stmt *st, int col, int64_t t)
{
	if (t == NF_NO_DATE) {
		return sqlite3_bind_null(st, col);
	}
	return sqlite3_bind_int64(st, col, t);
}

static int64_t
column_date(sqlite3_stmt *st, int col)
{
	if (sqlite3_column_type(st, col) == SQLITE_NULL) {
		return NF_NO_DATE;
	}
	return sqlite3_column_int64(st, col);
}

/* Copies a text column into *field (NULL for SQL NULL); -1 out of memory. */
static int
column_dup(sqlite3_stmt *st, int col, char **field)
{
	const unsigned char *text = sqlite3_column_text(st, col);
	size_t len;

	*field = NULL;
	if (text == NULL) {
		return sqlite3_errcode(sqlite3_db_handle(st)) == SQLITE_NOMEM ?
		       -1 : 0;
	}
	len = (size_t)sqlite3_column_bytes(st, col);
	if ((*field = malloc(len + 1)) == NULL) {
		return -1;
	}
	memcpy(*field, text, len + 1);
	return 0;
}

char *
store_default_path(void)
{
	const char *base = getenv("XDG_DATA_HOME");
	const char *rest = "/newsfold/newsfold.db";
	size_t len;
	char *path;

	if (base == NULL || base[0] != '/') {
		/* The XDG spec says to ignore a relative XDG_DATA_HOME. */
		base = getenv("HOME");
		rest = "/.local/share/newsfold/newsfold.db";
		if (base == NULL || base[0] == '\0') {
			return NULL;
		}
	}
	len = strlen(base) + strlen(rest) + 1;
	if ((path = malloc(len)) != NULL) {
		snprintf(path, len, "%s%s", base, rest);
	}
	return path;
}

static enum nf_status
exec_sql(struct store *s, const char *sql, struct nf_error *err)
{
	char *msg = NULL;

	if (sqlite3_exec(s->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		nf_error_set(err, NF_ERR_DB, "%s: %s", s->path,
		             msg != NULL ? msg : sqlite3_errmsg(s->db));
		sqlite3_free(msg);
		return NF_ERR_DB;
	}
	return NF_OK;
}


/* Sleeps 2 to 24 ms, a different time in each process and each try, so
 * that processes that collided do not collide again in step. */
static void
back_off(unsigned tries)
{
	struct timespec nap = { 0, 0 };

	nap.tv_nsec = (long)(2 + ((unsigned)getpid() + tries * 7) % 23) * 1000000L;
	nanosleep(&nap, NULL);
}

/* Runs one statement to its end; copies the first column of its first
 * row into out (when given). Returns SQLite's result code. */
static int
exec_once(struct store *s, const char *sql, char *out, size_t n)
{
	sqlite3_stmt *st = NULL;
	const unsigned char *text;
	int rc = sqlite3_prepare_v2(s->db, sql, -1, &st, NULL);

	if (rc != SQLITE_OK) {
		return rc;
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		text = sqlite3_column_text(st, 0);
		if (out != NULL && text != NULL) {
			snprintf(out, n, "%s", (const char *)text);
			out = NULL;
		}
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/*
 * Runs sql, and again while it fails because another connection holds a
 * lock, until the busy timeout has passed. SQLite does not call the busy
 * handler where waiting could deadlock: two connections that both hold a
 * read lock and want to write, as two processes switching a brand-new
 * file to WAL do, get SQLITE_BUSY at once. Backing off (a few
 * milliseconds, different in each process) and starting the statement
 * again from nothing is what breaks that tie.
 */
static enum nf_status
exec_patient(struct store *s, const char *sql, char *out, size_t n,
             struct nf_error *err)
{
	const int64_t deadline = clock_now_ms() + BUSY_TIMEOUT_MS;
	unsigned tries = 0;
	int rc;

	while (((rc = exec_once(s, sql, out, n)) & 0xff) == SQLITE_BUSY ||
	       (rc & 0xff) == SQLITE_LOCKED) {
		if (clock_now_ms() >= deadline) {
			break;
		}
		back_off(++tries);
	}
	if (rc != SQLITE_OK) {
		return nf_error_set(err, NF_ERR_DB, "%s: %s", s->path,
		                    sqlite3_errmsg(s->db));
	}
	return NF_OK;
}

static enum nf_status
user_version(struct store *s, int *version, struct nf_error *err)
{
	sqlite3_stmt *st;
	int rc;

	if (sqlite3_prepare_v2(s->db, "PRAGMA user_version", -1, &st,
	                       NULL) != SQLITE_OK) {
		return db_error(s, err, "cannot read the schema version");
	}
	rc = sqlite3_step(st);
	*version = rc == SQLITE_ROW ? sqlite3_column_int(st, 0) : -1;
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW) {
		return db_error(s, err, "cannot read the schema version");
	}
	return NF_OK;
}

/* Applies the migrations the file lacks, one transaction each. The version
 * is read again inside each transaction: another process may be creating
 * or migrating the same file at the same time, and the one that comes
 * second finds the work done and commits nothing. */
static enum nf_status
migrate(struct store *s, struct nf_error *err)
{
	char sql[64];
	int version = 0;

	for (;;) {
		if (exec_patient(s, "BEGIN IMMEDIATE", NULL, 0, err) != NF_OK ||
		    user_version(s, &version, err) != NF_OK) {
			goto fail;
		}
		if (version < 0 || (size_t)version > NMIGRATIONS) {
			nf_error_set(err, NF_ERR_DB, "%s: schema version %d is newer"
			             " than this newsfold knows (%zu)", s->path,
			             version, NMIGRATIONS);
			goto fail;
		}
		if ((size_t)version == NMIGRATIONS) {
			return exec_sql(s, "COMMIT", err);
		}
		snprintf(sql, sizeof(sql), "PRAGMA user_version = %d", version + 1);
		if (exec_sql(s, migrations[version], err) != NF_OK ||
		    exec_sql(s, sql, err) != NF_OK ||
		    exec_sql(s, "COMMIT", err) != NF_OK) {
			goto fail;
		}
	}
fail:
	if (!sqlite3_get_autocommit(s->db)) {
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	}
	return NF_ERR_DB;
}

/* Switches the file to WAL. The switch needs the file to itself for a
 * moment; while another process reads or creates it, the pragma fails
 * busy or answers with the mode that stayed, and is tried again. */
static enum nf_status
wal_switch(struct store *s, struct nf_error *err)
{
	const int64_t deadline = clock_now_ms() + BUSY_TIMEOUT_MS;
	unsigned tries = 0;
	char mode[16];

	for (;;) {
		mode[0] = '\0';
		if (exec_patient(s, "PRAGMA journal_mode = WAL", mode, sizeof(mode),
		                 err) != NF_OK) {
			return NF_ERR_DB;
		}
		if (strcmp(mode, "wal") == 0) {
			return NF_OK;
		}
		if (clock_now_ms() >= deadline) {
			return nf_error_set(err, NF_ERR_DB, "%s: cannot switch to WAL"
			                    " (journal mode stays %s)", s->path, mode);
		}
		back_off(++tries);
	}
}

/*
 * WAL lets the reader keep reading while a refresh writes. With WAL,
 * synchronous=NORMAL syncs at checkpoints, not at each commit: a crash of
 * the process loses nothing committed, a power loss may roll back the
 * last commits but never corrupts. Feeds can be fetched again; read
 * flags are the only thing at stake, and a few seconds of them is an
 * acceptable price for not syncing on every keypress.
 */
/* url_redact(url) in SQL: a feed without a title is named by its URL,
 * and a name is shown, so its password is starred out (url_redact). */
static void
sql_url_redact(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const char *url = (const char *)sqlite3_value_text(argv[0]);
	char *shown;

	(void)argc;
	if (url == NULL || strchr(url, '@') == NULL) {
		sqlite3_result_value(ctx, argv[0]);
		return;
	}
	if ((shown = url_redact(url)) == NULL) {
		sqlite3_result_error_nomem(ctx);
		return;
	}
	sqlite3_result_text(ctx, shown, -1, free);
}

/* Pages of 16 KiB for a new store (an existing one keeps its own): a
 * refold reads every item, and in pages of 4 KiB that was 24,000 reads
 * of the file at 100,000 items, each a system call, which on a virtual
 * machine costs more than copying its page. */
static enum nf_status
configure(struct store *s, struct nf_error *err)
{
	if (exec_sql(s, "PRAGMA page_size = 16384", err) != NF_OK ||
	    exec_sql(s, "PRAGMA synchronous = NORMAL", err) != NF_OK ||
	    exec_sql(s, "PRAGMA foreign_keys = ON", err) != NF_OK ||
	    exec_sql(s, "PRAGMA journal_size_limit = " WAL_SIZE_LIMIT,
	             err) != NF_OK ||
	    wal_switch(s, err) != NF_OK) {
		return NF_ERR_DB;
	}
	return migrate(s, err);
}

/* The SQL functions the statements use. */
static enum nf_status
store_add_functions(struct store *s, struct nf_error *err)
{
	if (sqlite3_create_function(s->db, "url_redact", 1, SQLITE_UTF8 |
	                            SQLITE_DETERMINISTIC, NULL, sql_url_redact,
	                            NULL, NULL) != SQLITE_OK) {
		return db_error(s, err, "cannot open");
	}
	return NF_OK;
}

/* Whether the file exists but this process may not write it, or may not
 * write the folder that WAL's side files need. */
static int
store_must_read_only(const char *path)
{
	char *dir = strdup(path), *slash;
	int ro;

	if (access(path, F_OK) != 0 || dir == NULL) {
		free(dir);
		return 0;
	}
	slash = strrchr(dir, '/');
	if (slash == dir) {
		slash[1] = '\0';
	} else if (slash != NULL) {
		*slash = '\0';
	}
	ro = access(path, W_OK) != 0 ||
	     access(slash != NULL ? dir : ".", W_OK) != 0;
	free(dir);
	return ro;
}

/* Opens a database that may not be written, as immutable: nothing is
 * locked or written, and the schema must be the one this newsfold
 * writes, since it cannot migrate it. */
static enum nf_status
store_open_read_only(struct store *s, struct nf_error *err)
{
	char *uri = (char *)sqlite3_mprintf("file:%s?mode=ro&immutable=1",
	                                    s->path);
	int version = -1;
	enum nf_status st;

	if (uri == NULL) {
		return nf_error_set(err, NF_ERR_NOMEM, "out of memory");
	}
	if (strpbrk(s->path, "?#%") != NULL) {
		sqlite3_free(uri);
		return nf_error_set(err, NF_ERR_DB, "%s: cannot write it, and cannot"
		                    " open it read-only (a ?, # or %% in its path)",
		                    s->path);
	}
	if (sqlite3_open_v2(uri, &s->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI |
	                    SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
		sqlite3_free(uri);
		return s->db != NULL ? db_error(s, err, "cannot open read-only") :
		       nf_error_set(err, NF_ERR_NOMEM, "out of memory");
	}
	sqlite3_free(uri);
	s->readonly = 1;
	if ((st = user_version(s, &version, err)) != NF_OK) {
		return st;
	}
	if ((size_t)version != NMIGRATIONS) {
		return nf_error_set(err, NF_ERR_DB, "%s: read-only, and its schema"
		                    " (%d) is not this newsfold's (%zu): open it once"
		                    " where it can be written", s->path, version,
		                    NMIGRATIONS);
	}
	return NF_OK;
}

int
store_is_read_only(const struct store *s)
{
	return s->readonly;
}

/* SQLite counts every allocation under one process-wide mutex unless
 * told not to; nothing here reads those counts, and the sync workers
 * and the fold's writer allocate at once. The setting only takes
 * before SQLite's first use, so it is made once, first thing. */
static pthread_once_t sqlite_setup_once = PTHREAD_ONCE_INIT;

static void
sqlite_setup(void)
{
	(void)sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

enum nf_status
store_open(const char *path, struct store **out, struct nf_error *err)
{
	struct store *s = calloc(1, sizeof(*s));
	enum nf_status status;

	(void)pthread_once(&sqlite_setup_once, sqlite_setup);
	*out = NULL;
	if (s == NULL) {
		return nf_error_set(err, NF_ERR_NOMEM, "out of memory");
	}
	s->path = path != NULL ? strdup(path) : store_default_path();
	if (s->path == NULL) {
		free(s);
		if (path == NULL && getenv("HOME") == NULL) {
			return nf_error_set(err, NF_ERR_IO, "no database path:"
			                    " neither XDG_DATA_HOME nor HOME is set");
		}
		return nf_error_set(err, NF_ERR_NOMEM, "out of memory");
	}
	if (store_must_read_only(s->path)) {
		if ((status = store_open_read_only(s, err)) != NF_OK ||
		    (status = store_add_functions(s, err)) != NF_OK) {
			store_close(s);
			return status;
		}
		*out = s;
		return NF_OK;
	}
	if ((status = path_make_parents(s->path, err)) != NF_OK) {
		store_close(s);
		return status;
	}
	if (sqlite3_open_v2(s->path, &s->db, SQLITE_OPEN_READWRITE |
	                    SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
	                    NULL) != SQLITE_OK) {
		status = s->db != NULL ? db_error(s, err, "cannot open") :
		         nf_error_set(err, NF_ERR_NOMEM, "out of memory");
		store_close(s);
		return status;
	}
	/* Before any statement: the very first read of a file another
	 * process is creating may already have to wait. */
	sqlite3_busy_timeout(s->db, BUSY_TIMEOUT_MS);
	if ((status = store_add_functions(s, err)) != NF_OK) {
		store_close(s);
		return status;
	}
	if ((status = configure(s, err)) != NF_OK) {
		store_close(s);
		return status;
	}
	*out = s;
	return NF_OK;
}

enum nf_status
store_open_again(const struct store *s, struct store **out,
                 struct nf_error *err)
{
	return store_open(s->path, out, err);
}

enum nf_status
store_batch_begin(struct store *s, struct nf_error *err)
{
	if (s->batch || s->batch_lost) {
		return NF_OK;
	}
	if (!s->batch_cache) {
		/* A batch's pages stay in memory until it commits: written
		 * once each rather than spilled and written again. So does
		 * a statement's journal, which would otherwise go to a
		 * temporary file. */
		if (exec_sql(s, "PRAGMA cache_size = -" STORE_BATCH_CACHE_KIB,
		             err) != NF_OK ||
		    exec_sql(s, "PRAGMA temp_store = MEMORY", err) != NF_OK) {
			return NF_ERR_DB;
		}
		s->batch_cache = 1;
	}
	s->batch = 1;
	return NF_OK;
}

enum nf_status
store_batch_commit(struct store *s, struct nf_error *err)
{
	enum nf_status st = NF_OK;

	if (s->batch_lost) {
		st = nf_error_set(err, NF_ERR_DB, "%s: the write was rolled back",
		                  s->path);
	} else if (s->batch_open) {
		s->batch = s->batch_open = 0;
		if (sqlite3_get_autocommit(s->db)) {
			/* SQLite ended it itself (a full disk, an I/O error) */
			st = nf_error_set(err, NF_ERR_DB, "%s: the write was"
			                  " rolled back", s->path);
		} else if ((st = simple_run(s, ST_COMMIT, err)) != NF_OK) {
			tx_rollback(s);
		}
	}
	s->batch = s->batch_open = s->batch_lost = 0;
	return st;
}

int
store_in_batch(const struct store *s)
{
	return s->batch;
}

void
store_close(struct store *s)
{
	size_t i;

	if (s == NULL) {
		return;
	}
	for (i = 0; i < ST_COUNT; i++) {
		sqlite3_finalize(s->stmt[i]);
	}
	sqlite3_close(s->db);
	free(s->path);
	free(s);
}

/* Looks the URL up: *feed_id is 0 when the store does not know it. */
static enum nf_status
feed_find(struct store *s, const char *url, int64_t *feed_id,
          struct nf_error *err)
{
	sqlite3_stmt *st = stmt_get(s, ST_FEED_FIND, err);
	int rc;

	if (st == NULL) {
		return NF_ERR_DB;
	}
	bind_text(st, 1, url);
	rc = sqlite3_step(st);
	*feed_id = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		return db_error(s, err, "cannot read feeds");
	}
	return NF_OK;
}

/* Adds the URL's row unless it has one, and finds its id. */
static enum nf_status
feed_add(struct store *s, const char *url, const char *title,
         int64_t *feed_id, struct nf_error *err)
{
	sqlite3_stmt *st;

	if (feed_find(s, url, feed_id, err) != NF_OK) {
		return NF_ERR_DB;
	}
	if (*feed_id != 0) {
		return NF_OK;
	}
	/* Another process may add the same URL between the look-up and the
	 * insert (two refreshes started together): the insert then does
	 * nothing, and the second look-up finds its row. */
	if ((st = stmt_get(s, ST_FEED_ADD, err)) == NULL) {
		return NF_ERR_DB;
	}
	bind_text(st, 1, url);
	bind_text(st, 2, title);
	if (stmt_run(s, st, err) != NF_OK ||
	    feed_find(s, url, feed_id, err) != NF_OK) {
		return NF_ERR_DB;
	}
	return *feed_id != 0 ? NF_OK : db_error(s, err, "cannot add a feed");
}

/* Inside a batch the writes join its transaction (a thousand feeds
 * registered one commit each took a thousand commits before the first
 * transfer); outside one each statement is its own, as before. */
enum nf_status
store_feed_ensure(struct store *s, const char *url, const char *title,
                  int64_t *feed_id, struct nf_error *err)
{
	sqlite3_stmt *st;
	enum nf_status status;

	if ((status = s->batch ? tx_begin(s, err) : NF_OK) != NF_OK) {
		return status;
	}
	if ((status = feed_add(s, url, title, feed_id, err)) == NF_OK) {
		if ((st = stmt_get(s, ST_FEED_TITLE, err)) == NULL) {
			status = NF_ERR_DB;
		} else {
			sqlite3_bind_int64(st, 1, *feed_id);
			bind_text(st, 2, title);
			status = stmt_run(s, st, err);
		}
	}
	if (status != NF_OK && s->batch) {
		tx_rollback(s);
	}
	return status;
}

void
store_feed_meta_clear(struct store_feed_meta *meta)
{
	if (meta == NULL) {
		return;
	}
	free(meta->etag);
	free(meta->last_modified);
	free(meta->last_error);
	free(meta->feed_title);
	memset(meta, 0, sizeof(*meta));
	meta->last_fetch = NF_NO_DATE;
}

enum nf_status
store_feed_meta_get(struct store *s, int64_t feed_id,
                    struct store_feed_meta *meta, struct nf_error *err)
{
	sqlite3_stmt *st;
	enum nf_status status = NF_OK;
	int rc;

	memset(meta, 0, sizeof(*meta));
	meta->last_fetch = NF_NO_DATE;
	if ((st = stmt_get(s, ST_META_GET, err)) == NULL) {
		return NF_ERR_DB;
	}
	sqlite3_bind_int64(st, 1, feed_id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		meta->last_fetch = column_date(st, 2);
		if (column_dup(st, 0, &meta->etag) ||
		    column_dup(st, 1, &meta->last_modified) ||
		    column_dup(st, 3, &meta->last_error) ||
		    column_dup(st, 4, &meta->feed_title)) {
			status = nf_error_set(err, NF_ERR_NOMEM, "out of memory");
		}
	} else if (rc == SQLITE_DONE) {
		status = nf_error_set(err, NF_ERR_DB, "%s: no feed %lld", s->path,
		                      (long long)feed_id);
	} else {
		status = db_error(s, err, "cannot read a feed");
	}
	sqlite3_reset(st);
	if (status != NF_OK) {
		store_feed_meta_clear(meta);
	}
	return status;
}

enum nf_status
store_feed_meta_set(struct store *s, int64_t feed_id,
                    const struct store_feed_meta *meta, struct nf_error *err)
{
	sqlite3_stmt *st = stmt_get(s, ST_META_SET, err);

	if (st == NULL || batch_join(s, err) != NF_OK) {
		return NF_ERR_DB;
	}
	sqlite3_bind_int64(st, 1, feed_id);
	bind_text(st, 2, meta->etag);
	bind_text(st, 3, meta->last_modified);
	bind_date(st, 4, meta->last_fetch);
	bind_text(st, 5, meta->last_error);
	bind_text(st, 6, meta->feed_title);
	if (stmt_run(s, st, err) != NF_OK) {
		return NF_ERR_DB;
	}
	if (sqlite3_changes(s->db) == 0) {
		return nf_error_set(err, NF_ERR_DB, "%s: no feed %lld", s->path,
		                    (long long)feed_id);
	}
	return NF_OK;
}

static cJSON *
related_to_json(const struct nf_related *r)
{
	cJSON *obj = cJSON_CreateObject();
	cJSON *copies;
	size_t i;

	if (obj == NULL ||
	    (r->title && !cJSON_AddStringToObject(obj, "title", r->title)) ||
	    (r->link && !cJSON_AddStringToObject(obj, "link", r->link)) ||
	    (r->source && !cJSON_AddStringToObject(obj, "source", r->source)) ||
	    (r->summary && !cJSON_AddStringToObject(obj, "summary", r->summary))) {
		goto fail;
	}
	if (r->ncopies > 0) {
		if ((copies = cJSON_AddArrayToObject(obj, "copies")) == NULL) {
			goto fail;
		}
		for (i = 0; i < r->ncopies; i++) {
			cJSON *c = related_to_json(&r->copies[i]);

			if (c == NULL) {
				goto fail;
			}
			cJSON_AddItemToArray(copies, c);
		}
	}
	return obj;
fail:
	cJSON_Delete(obj);
	return NULL;
}

static int
extras_add_lists(cJSON *obj, const struct nf_item *item)
{
	cJSON *a, *e;
	size_t i;

	if (item->nenclosures > 0) {
		if ((a = cJSON_AddArrayToObject(obj, "enclosures")) == NULL) {
			return -1;
		}
		for (i = 0; i < item->nenclosures; i++) {
			const struct nf_enclosure *en = &item->enclosures[i];

			if ((e = cJSON_CreateObject()) == NULL) {
				return -1;
			}
			cJSON_AddItemToArray(a, e);
			if ((en->url && !cJSON_AddStringToObject(e, "url", en->url)) ||
			    (en->type && !cJSON_AddStringToObject(e, "type", en->type)) ||
			    !cJSON_AddNumberToObject(e, "length", (double)en->length)) {
				return -1;
			}
		}
	}
	if (item->ncategories > 0) {
		if ((a = cJSON_AddArrayToObject(obj, "categories")) == NULL) {
			return -1;
		}
		for (i = 0; i < item->ncategories; i++) {
			if ((e = cJSON_CreateString(item->categories[i])) == NULL) {
				return -1;
			}
			cJSON_AddItemToArray(a, e);
		}
	}
	return 0;
}

/* The item's enclosures, categories and related entries as a new JSON
 * string in *out (NULL when it has none); -1 out of memory. An absent
 * string is left out of the JSON, so it reads back as NULL. */
static int
extras_encode(const struct nf_item *item, char **out)
{
	cJSON *obj, *a, *r;
	size_t i;
	int status = -1;

	*out = NULL;
	if (item->nenclosures == 0 && item->ncategories == 0 &&
	    item->nrelated == 0 && item->outlet == NULL) {
		return 0;
	}
	if ((obj = cJSON_CreateObject()) == NULL ||
	    extras_add_lists(obj, item) != 0 ||
	    (item->outlet != NULL && !cJSON_AddStringToObject(obj, "outlet", item->outlet))) {
		goto out;
	}
	if (item->nrelated > 0) {
		if ((a = cJSON_AddArrayToObject(obj, "related")) == NULL) {
			goto out;
		}
		for (i = 0; i < item->nrelated; i++) {
			if ((r = related_to_json(&item->related[i])) == NULL) {
				goto out;
			}
			cJSON_AddItemToArray(a, r);
		}
	}
	if ((*out = cJSON_PrintUnformatted(obj)) != NULL) {
		status = 0;
	}
out:
	cJSON_Delete(obj);
	return status;
}

static const char *
json_string(const cJSON *obj, const char *name)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, name);

	return cJSON_IsString(v) ? v->valuestring : NULL;
}

static int
related_from_json(const cJSON *obj, struct nf_related *r)
{
	const cJSON *c;

	memset(r, 0, sizeof(*r));
	if (nf_strset(&r->title, json_string(obj, "title")) ||
	    nf_strset(&r->link, json_string(obj, "link")) ||
	    nf_strset(&r->source, json_string(obj, "source")) ||
	    nf_strset(&r->summary, json_string(obj, "summary"))) {
		goto fail;
	}
	cJSON_ArrayForEach(c, cJSON_GetObjectItemCaseSensitive(obj, "copies")) {
		struct nf_related copy;

		if (related_from_json(c, &copy) != 0) {
			goto fail;
		}
		if (related_add_copy(r, &copy) != 0) {
			related_clear(&copy);
			goto fail;
		}
	}
	return 0;
fail:
	related_clear(r);
	return -1;
}

static int
extras_decode_lists(const cJSON *obj, struct nf_item *item)
{
	const cJSON *e;

	if (nf_strset(&item->outlet, json_string(obj, "outlet")) != 0) {
		return -1;
	}

	cJSON_ArrayForEach(e, cJSON_GetObjectItemCaseSensitive(obj,
	                                                       "enclosures")) {
		const cJSON *len = cJSON_GetObjectItemCaseSensitive(e, "length");

		if (item_add_enclosure(item, json_string(e, "url"),
		                       json_string(e, "type"), cJSON_IsNumber(len) ?
		                       (long long)len->valuedouble : 0) != 0) {
			return -1;
		}
	}
	cJSON_ArrayForEach(e, cJSON_GetObjectItemCaseSensitive(obj,
	                                                       "categories")) {
		if (cJSON_IsString(e) &&
		    item_add_category(item, e->valuestring) != 0) {
			return -1;
		}
	}
	return 0;
}

/* Fills the item's lists from the extras column; -1 out of memory. A
 * damaged column reads as no extras rather than failing the listing. */
static int
extras_decode(const char *json, size_t len, struct nf_item *item)
{
	cJSON *obj = cJSON_ParseWithLength(json, len);
	const cJSON *e;
	int status = -1;

	if (obj == NULL) {
		return 0;
	}
	if (extras_decode_lists(obj, item) != 0) {
		goto out;
	}
	cJSON_ArrayForEach(e, cJSON_GetObjectItemCaseSensitive(obj, "related")) {
		struct nf_related r;

		if (related_from_json(e, &r) != 0) {
			goto out;
		}
		if (item_add_related(item, &r) != 0) {
			related_clear(&r);
			goto out;
		}
	}
	status = 0;
out:
	cJSON_Delete(obj);
	return status;
}

/* FNV-1a, 64 bits: a stable key for items with neither GUID nor link.
 * Not a defence against anything; collisions only merge two such items
 * of one feed. */
static uint64_t
fnv1a(uint64_t h, const char *s)
{
	if (s == NULL) {
		return h;
	}
	for (; *s != '\0'; s++) {
		h ^= (unsigned char)*s;
		h *= UINT64_C(0x100000001b3);
	}
	return h;
}

/* What item_key() may not key an item by: its GUID, its link. */
enum { KEY_NO_GUID = 1, KEY_NO_LINK = 2 };

/* The hash of an item's title and text that keys it when it has no
 * GUID or link. */
static uint64_t
item_text_hash(const struct nf_item *item)
{
	uint64_t h = UINT64_C(0xcbf29ce484222325);

	h = fnv1a(h, item->title);
	h = fnv1a(h, "\x1f");
	h = fnv1a(h, item->content);
	h = fnv1a(h, "\x1f");
	return fnv1a(h, item->summary);
}

/* Returns the item's key as a new string, or NULL out of memory: "g:" and
 * the GUID, else "l:" and the link, else "h:" and a hash of the title and
 * text; skip (KEY_NO_GUID, KEY_NO_LINK) passes over the first two. The
 * prefixes keep a GUID from meeting an equal link. */
static char *
item_key(const struct nf_item *item, unsigned skip)
{
	const char *prefix = "g:", *value = skip & KEY_NO_GUID ? NULL : item->id;
	char hex[17];
	size_t len;
	char *key;

	if (value == NULL || value[0] == '\0') {
		prefix = "l:";
		value = skip & KEY_NO_LINK ? NULL : item->link;
	}
	if (value == NULL || value[0] == '\0') {
		snprintf(hex, sizeof(hex), "%016llx",
		         (unsigned long long)item_text_hash(item));
		prefix = "h:";
		value = hex;
	}
	len = strlen(prefix) + strlen(value) + 1;
	if ((key = malloc(len)) != NULL) {
		snprintf(key, len, "%s%s", prefix, value);
	}
	return key;
}

/* An item's GUID or link, as shared_addresses() sorts them. */
struct address {
	const char *s;
	size_t i;
};

static int
address_cmp(const void *x, const void *y)
{
	const struct address *a = x, *b = y;
	int r = strcmp(a->s, b->s);

	return r != 0 ? r : (a->i > b->i) - (a->i < b->i);
}

/* Sets bit in skip[i] for each item i of feed whose GUID (bit
 * KEY_NO_GUID) or link (KEY_NO_LINK), the one item_key() would key it by,
 * another item of the document carries with another title or text: a
 * site's address that a feed gives every item (its front page, "#", a
 * GUID of "1"), which would key them all as one item and keep only the
 * last. Items that share it with one title and text are one item told
 * twice. Returns -1 when out of memory. */
static int
shared_addresses(const struct nf_feed *feed, unsigned char *skip, unsigned bit)
{
	struct address *v = malloc((feed->nitems ? feed->nitems : 1) * sizeof(*v));
	size_t i, j, k, n = 0;

	if (v == NULL) {
		return -1;
	}
	for (i = 0; i < feed->nitems; i++) {
		const struct nf_item *it = feed->items[i];
		const char *s = bit == KEY_NO_GUID ? it->id : it->link;

		if ((bit == KEY_NO_GUID || skip[i] & KEY_NO_GUID ||
		     it->id == NULL || it->id[0] == '\0') && s != NULL && s[0] != '\0') {
			v[n++] = (struct address){ s, i };
		}
	}
	qsort(v, n, sizeof(*v), address_cmp);
	for (i = 0; i < n; i = j) {
		uint64_t text = 0;
		int texts = 1;

		/* most addresses are one item's: their text is not read */
		for (j = i + 1; j < n && strcmp(v[j].s, v[i].s) == 0; j++) {
			if (j == i + 1) {
				text = item_text_hash(feed->items[v[i].i]);
			}
			texts += texts == 1 && item_text_hash(feed->items[v[j].i]) != text;
		}
		for (k = i; texts > 1 && k < j; k++) {
			skip[v[k].i] |= (unsigned char)bit;
		}
	}
	free(v);
	return 0;
}

/* Binds ?3..?16, the columns an insert and an update share. */
static void
bind_item(sqlite3_stmt *st, const struct nf_item *item, const char *extras,
          int64_t seq, size_t position)
{
	const struct nf_image *im = item->image;

	bind_text(st, 3, item->id);
	bind_text(st, 4, item->title);
	bind_text(st, 5, item->link);
	bind_text(st, 6, item->author);
	bind_date(st, 7, item->published);
	bind_date(st, 8, item->updated);
	bind_text(st, 9, item->summary);
	bind_text(st, 10, item->content);
	bind_text(st, 11, im != NULL ? im->url : NULL);
	bind_text(st, 12, im != NULL ? im->caption : NULL);
	bind_text(st, 13, im != NULL ? im->credit : NULL);
	bind_text(st, 14, extras);
	sqlite3_bind_int64(st, 15, seq);
	sqlite3_bind_int64(st, 16, (sqlite3_int64)position);
}

/* One item of a feed update and where it goes. */
struct item_put {
	const struct nf_item *item;
	unsigned skip;		/* item_key()'s */
	char *extras;		/* encoded by item_put(), freed there */
	int64_t seq;		/* the feed's update counter */
	size_t position;	/* in the feed's listing */
	int64_t now;
};

/* Looks the key up: *rowid is 0 when the item is new. */
static enum nf_status
item_find(struct store *s, int64_t feed_id, const char *key, int64_t *rowid,
          struct nf_error *err)
{
	sqlite3_stmt *st = stmt_get(s, ST_ITEM_FIND, err);
	int rc;

	if (st == NULL) {
		return NF_ERR_DB;
	}
	sqlite3_bind_int64(st, 1, feed_id);
	bind_text(st, 2, key);
	rc = sqlite3_step(st);
	*rowid = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		return db_error(s, err, "cannot read items");
	}
	return NF_OK;
}

/* Writes the item as a new row (ST_ITEM_ADD) or over the row rowid
 * (ST_ITEM_SET). */
static enum nf_status
item_write(struct store *s, int64_t feed_id, const char *key, int64_t rowid,
           const struct item_put *put, struct nf_error *err)
{
	sqlite3_stmt *st = stmt_get(s, rowid != 0 ? ST_ITEM_SET : ST_ITEM_ADD,
	                            err);

	if (st == NULL) {
		return NF_ERR_DB;
	}
	bind_item(st, put->item, put->extras, put->seq, put->position);
	bind_text(st, 18, put->item->article);
	if (rowid != 0) {
		sqlite3_bind_int64(st, 1, rowid);
	} else {
		sqlite3_bind_int64(st, 1, feed_id);
		bind_text(st, 2, key);
		sqlite3_bind_int64(st, 17, put->now);
	}
	return stmt_run(s, st, err);
}

/* Inserts or updates one item of a feed update; the read flag and the
 * first-seen time of a known item are left alone. A feed's first update
 * tries the insert first, which a fresh store's items all take: one
 * statement an item instead of a lookup and a write. */
static enum nf_status
item_put(struct store *s, int64_t feed_id, struct item_put *put,
         size_t *new_count, struct nf_error *err)
{
	char *key = item_key(put->item, put->skip);
	int64_t rowid = 0;
	int inserted = 0;
	enum nf_status status;

	put->extras = NULL;
	if (key == NULL || extras_encode(put->item, &put->extras) != 0) {
		status = nf_error_set(err, NF_ERR_NOMEM, "out of memory");
		goto out;
	}
	if (put->seq == 1) {
		status = item_write(s, feed_id, key, 0, put, err);
		inserted = status == NF_OK && sqlite3_changes(s->db) > 0;
		if (status != NF_OK || inserted) {
			goto out;
		}
	}
	if ((status = item_find(s, feed_id, key, &rowid, err)) == NF_OK) {
		status = item_write(s, feed_id, key, rowid, put, err);
		inserted = status == NF_OK && rowid == 0;
	}
out:
	*new_count += (size_t)inserted;
	free(key);
	free(put->extras);
	return status;
}

/* Starts a feed update: bumps the feed's update counter, records its own
 * title, and returns the new counter in *seq. */
static enum nf_status
feed_next_seq(struct store *s, int64_t feed_id, const char *title,
              int64_t *seq, struct nf_error *err)
{
	sqlite3_stmt *st = stmt_get(s, ST_FEED_SEQ, err);
	int rc;

	if (st == NULL) {
		return NF_ERR_DB;
	}
	sqlite3_bind_int64(st, 1, feed_id);
	bind_text(st, 2, title);
	rc = sqlite3_step(st);
	*seq = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	if (rc == SQLITE_ROW) {
		rc = sqlite3_step(st);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		return db_error(s, err, "cannot update a feed");
	}
	if (*seq == 0) {
		return nf_error_set(err, NF_ERR_DB, "%s: no feed %lld", s->path,
		                    (long long)feed_id);
	}
	return NF_OK;
}

static enum nf_status
feed_prune(struct store *s, int64_t feed_id, int64_t seq,
           const struct store_keep *keep, int64_t now, struct nf_error *err)
{
	sqlite3_stmt *st;
	int64_t count;
	int rc;

	if (keep == NULL || keep->max_items <= 0) {
		return NF_OK;
	}
	if ((st = stmt_get(s, ST_ITEM_COUNT, err)) == NULL) {
		return NF_ERR_DB;
	}
	sqlite3_bind_int64(st, 1, feed_id);
	rc = sqlite3_step(st);
	count = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_reset(st);
	if (rc != SQLITE_ROW) {
		return db_error(s, err, "cannot count items");
	}
	/* A negative LIMIT means none to SQLite: only run with excess. */
	if (count <= keep->max_items) {
		return NF_OK;
	}
	if ((st = stmt_get(s, ST_PRUNE, err)) == NULL) {
		return NF_ERR_DB;
	}
	sqlite3_bind_int64(st, 1, feed_id);
	sqlite3_bind_int64(st, 2, seq);
	sqlite3_bind_int(st, 3, keep->prune_unread != 0);
	sqlite3_bind_int64(st, 4, count - keep->max_items);
	if (keep->keep_unread > 0) {
		sqlite3_bind_int64(st, 5, now - keep->keep_unread);
	}
	return stmt_run(s, st, err);
}

enum nf_status
store_feed_update(struct store *s, int64_t feed_id, const struct nf_feed *feed,
                  const struct store_keep *keep, size_t *new_count,
                  struct nf_error *err)
{
	int64_t seq, now = (int64_t)time(NULL);
	size_t i, added = 0;
	enum nf_status status;
	unsigned char *skip = calloc(feed->nitems ? feed->nitems : 1, 1);

	if (new_count != NULL) {
		*new_count = 0;
	}
	if (skip == NULL || shared_addresses(feed, skip, KEY_NO_GUID) != 0 ||
	    shared_addresses(feed, skip, KEY_NO_LINK) != 0) {
		free(skip);
		return nf_error_set(err, NF_ERR_NOMEM, "out of memory");
	}
	if ((status = tx_begin(s, err)) != NF_OK) {
		free(skip);
		return status;
	}
	if ((status = feed_next_seq(s, feed_id, feed->title, &seq, err)) != NF_OK) {
		goto fail;
	}
	for (i = 0; i < feed->nitems; i++) {
		struct item_put put = { .item = feed->items[i], .skip = skip[i],
		                        .seq = seq, .position = i, .now = now };

		if ((status = item_put(s, feed_id, &put, &added, err)) != NF_OK) {
			goto fail;
		}
	}
	if ((added > 0 && (status = simple_run(s, ST_FOLD_BUMP, err)) != NF_OK) ||
	    (status = feed_prune(s, feed_id, seq, keep, now, err)) != NF_OK ||
	    (status = tx_commit(s, err)) != NF_OK) {
		goto fail;
	}
	if (new_count != NULL) {
		*new_count = added;
	}
	free(skip);
	return NF_OK;
fail:
	tx_rollback(s);
	free(skip);
	return status;
}

void
store_feed_list_free(struct store_feed_info *feeds, size_t n)
{
	size_t i;

	if (feeds == NULL) {
		return;
	}
	for (i = 0; i < n; i++) {
		free(feeds[i].url);
		free(feeds[i].title);
		free(feeds[i].last_error);
	}
	free(feeds);
}

static int
feed_info_fill(sqlite3_stmt *st, struct store_feed_info *f)
{
	memset(f, 0, sizeof(*f));
	f->id = sqlite3_column_int64(st, 0);
	f->last_fetch = column_date(st, 3);
	f->nitems = (size_t)sqlite3_column_int64(st, 5);
	f->nunread = (size_t)sqlite3_column_int64(st, 6);
	if (column_dup(st, 1, &f->url) || column_dup(st, 2, &f->title) ||
	    column_dup(st, 4, &f->last_error)) {
		return -1;
	}
	return 0;
}

/* The feeds st lists (ST_FEED_LIST's columns), into a new array. */
static enum nf_status
feed_list_of(struct store *s, sqlite3_stmt *st, struct store_feed_info **out,
             size_t *n, struct nf_error *err)
{
	struct store_feed_info *v = NULL, *grown;
	size_t len = 0, cap = 0;
	enum nf_status status = NF_OK;
	int rc;

	*out = NULL;
	*n = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (len == cap) {
			cap = cap != 0 ? cap * 2 : 16;
			if ((grown = realloc(v, cap * sizeof(*v))) == NULL) {
				break;
			}
			v = grown;
		}
		if (feed_info_fill(st, &v[len++]) != 0) {
			break;
		}
	}
	sqlite3_reset(st);
	if (rc == SQLITE_ROW) {
		status = nf_error_set(err, NF_ERR_NOMEM, "out of memory");
	} else if (rc != SQLITE_DONE) {
		status = db_error(s, err, "cannot list feeds");
	}
	if (status != NF_OK) {
		store_feed_list_free(v, len);
		return status;
	}
	*out = v;
	*n = len;
	return NF_OK;
}

enum nf_status
store_feed_list(struct store *s, struct store_feed_info **out, size_t *n,
                struct nf_error *err)
{
	sqlite3_stmt *st;

	*out = NULL;
	*n = 0;
	if ((st = stmt_get(s, ST_FEED_LIST, err)) == NULL) {
		return NF_ERR_DB;
	}
	return feed_list_of(s, st, out, n, err);
}

enum nf_status
store_feed_list_unfetched(struct store *s, struct store_feed_info **out,
                          size_t *n, struct nf_error *err)
{
	sqlite3_stmt *st = NULL;
	enum nf_status status;

	*out = NULL;
	*n = 0;
	if (sqlite3_prepare_v2(s->db, "SELECT f.id, f.url, COALESCE(f.title,"
	                       " f.feed_title, url_redact(f.url)), f.last_fetch,"
	                       " f.last_error, 0, 0 FROM feeds f WHERE"
	                       " f.last_fetch IS NULL ORDER BY f.id", -1, &st,
	                       NULL) != SQLITE_OK) {
		sqlite3_finalize(st);
		return db_error(s, err, "cannot list feeds");
	}
	status = feed_list_of(s, st, out, n, err);
	sqlite3_finalize(st);
	return status;
}

static int
item_fill_image(sqlite3_stmt *st, struct nf_item *item)
{
	if (sqlite3_column_type(st, IC_IMAGE_URL) == SQLITE_NULL &&
	    sqlite3_column_type(st, IC_IMAGE_CAPTION) == SQLITE_NULL &&
	    sqlite3_column_type(st, IC_IMAGE_CREDIT) == SQLITE_NULL) {
		return 0;
	}
	if ((item->image = calloc(1, sizeof(*item->image))) == NULL) {
		return -1;
	}
	return column_dup(st, IC_IMAGE_URL, &item->image->url) ||
	       column_dup(st, IC_IMAGE_CAPTION, &item->image->caption) ||
	       column_dup(st, IC_IMAGE_CREDIT, &item->image->credit) ? -1 : 0;
}

/* Returns a new item made from the current row of an ITEM_COLUMNS
 * statement, or NULL out of memory. */
static struct nf_item *
item_from_row(sqlite3_stmt *st)
{
	struct nf_item *item = item_new();
	const char *extras;

	if (item == NULL) {
		return NULL;
	}
	item->rowid = sqlite3_column_int64(st, IC_ID);
	item->feed_id = sqlite3_column_int64(st, IC_FEED);
	item->published = column_date(st, IC_PUBLISHED);
	item->updated = column_date(st, IC_UPDATED);
	item->read = sqlite3_column_int(st, IC_READ);
	item->text_len = (size_t)sqlite3_column_int64(st, IC_CONTENT_LEN);
	if (column_dup(st, IC_GUID, &item->id) ||
	    column_dup(st, IC_TITLE, &item->title) ||
	    column_dup(st, IC_LINK, &item->link) ||
	    column_dup(st, IC_AUTHOR, &item->author) ||
	    column_dup(st, IC_SUMMARY, &item->summary) ||
	    column_dup(st, IC_CONTENT, &item->content) ||
	    column_dup(st, IC_SOURCE, &item->source) ||
	    item_fill_image(st, item) != 0) {
		goto fail;
	}
	extras = (const char *)sqlite3_column_text(st, IC_EXTRAS);
	if (extras != NULL &&
	    extras_decode(extras, (size_t)sqlite3_column_bytes(st, IC_EXTRAS),
	                  item) != 0) {
		goto fail;
	}
	return item;
fail:
	item_free(item);
	return NULL;
}

void
store_items_free(struct nf_item **items, size_t n)
{
	size_t i;

	if (items == NULL) {
		return;
	}
	for (i = 0; i < n; i++) {
		item_free(items[i]);
	}
	free(items);
}

/* Sizes the array from a count first: one allocation instead of a
 * doubling series over 100,000 pointers. The count is a hint: the caller
 * still grows the array if a writer got in between. */
static enum nf_status
items_reserve(struct store *s, int64_t feed_id, struct nf_item ***v,
              size_t *cap, struct nf_error *err)
{
	enum stmt_id id = feed_id != 0 ? ST_ITEM_COUNT : ST_ITEM_COUNT_ALL;
	sqlite3_stmt *st = stmt_get(s, id, err);
	int64_t count = 0;

	if (st == NULL) {
		return NF_ERR_DB;
	}
	if (feed_id != 0) {
		sqlite3_bind_int64(st, 1, feed_id);
	}
	if (sqlite3_step(st) == SQLITE_ROW) {
		count = sqlite3_column_int64(st, 0);
	}
	sqlite3_reset(st);
	*cap = (size_t)count + 16;
	if ((*v = malloc(*cap * sizeof(**v))) == NULL) {
		return nf_error_set(err, NF_ERR_NOMEM, "out of memory");
	}
	return NF_OK;
}

static enum nf_status
items_read(struct store *s, sqlite3_stmt *st, struct nf_item ***v, size_t *len,
           size_t *cap, struct nf_error *err)
{
	struct nf_item **grown;
	int rc;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*len == *cap) {
			if ((grown = realloc(*v, *cap * 2 * sizeof(**v))) == NULL) {
				break;
			}
			*v = grown;
			*cap *= 2;
		}
		if (((*v)[*len] = item_from_row(st)) == NULL) {
			break;
		}
		(*len)++;
	}
	sqlite3_reset(st);
	if (rc == SQLITE_ROW) {
		return nf_error_set(err, NF_ERR_NOMEM, "out of memory");
	}
	if (rc != SQLITE_DONE) {
		return db_error(s, err, "cannot read items");
	}
	return NF_OK;
}

enum nf_status
store_items_load(struct store *s, int64_t feed_id, enum store_load what,
                 struct nf_item ***items, size_t *n, struct nf_error *err)
{
	static const enum stmt_id ids[2][3] = {
		{ ST_LOAD_ALL, ST_LOAD_ALL_LIST, ST_LOAD_ALL_PAGE },
		{ ST_LOAD_FEED, ST_LOAD_FEED_LIST, ST_LOAD_FEED_PAGE },
	};
	struct nf_item **v = NULL;
	size_t len = 0, cap = 0;
	sqlite3_stmt *st;
	enum nf_status status;

	*items = NULL;
	*n = 0;
	/* One read transaction: the count and the rows see one snapshot. */
	if ((status = simple_run(s, ST_BEGIN_READ, err)) != NF_OK) {
		return status;
	}
	if ((status = items_reserve(s, feed_id, &v, &cap, err)) != NF_OK) {
		goto out;
	}
	st = stmt_get(s, ids[feed_id != 0][what], err);
	if (st == NULL) {
		status = NF_ERR_DB;
		goto out;
	}
	if (feed_id != 0) {
		sqlite3_bind_int64(st, 1, feed_id);
	}
	status = items_read(s, st, &v, &len, &cap, err);
out:
	tx_rollback(s);
	if (status != NF_OK) {
		store_items_free(v, len);
		return status;
	}
	*items = v;
	*n = len;
	return NF_OK;
}

/* The article text of a loaded item (only the article screen reads
 * it, so listings leave it out). */
static enum nf_status
item_load_article(struct store *s, struct nf_item *item, struct nf_error *err)
{
	sqlite3_stmt *st = stmt_get(s, ST_ARTICLE, err);
	enum nf_status status = NF_OK;
	int rc;

	if (st == NULL) {
		return NF_ERR_DB;
	}
	sqlite3_bind_int64(st, 1, item->rowid);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW && column_dup(st, 0, &item->article) != 0) {
		status = nf_error_set(err, NF_ERR_NOMEM, "out of memory");
	} else if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		status = db_error(s, err, "cannot read an item");
	}
	sqlite3_reset(st);
	return status;
}

enum nf_status
store_item_load(struct store *s, int64_t rowid, struct nf_item **item,
                struct nf_error *err)
{
	sqlite3_stmt *st = stmt_get(s, ST_LOAD_ONE, err);
	enum nf_status status = NF_OK;
	int rc;

	*item = NULL;
	if (st == NULL) {
		return NF_ERR_DB;
	}
	sqlite3_bind_int64(st, 1, rowid);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		if ((*item = item_from_row(st)) == NULL) {
			status = nf_error_set(err, NF_ERR_NOMEM, "out of memory");
		}
	} else if (rc == SQLITE_DONE) {
		status = nf_error_set(err, NF_ERR_DB, "%s: no item %lld", s->path,
		                      (long long)rowid);
	} else {
		status = db_error(s, err, "cannot read an item");
	}
	sqlite3_reset(st);
	if (status == NF_OK && (status = item_load_article(s, *item, err)) != NF_OK) {
		item_free(*item);
		*item = NULL;
	}
	return status;
}

enum nf_status
store_mark_read(struct store *s, const int64_t *rowids, size_t n, int read,
                struct nf_error *err)
{
	sqlite3_stmt *st;
	enum nf_status status;
	size_t i;

	if (n == 0) {
		return NF_OK;
	}
	if (s->readonly) {
		return nf_error_set(err, NF_ERR_DB, "read-only database: marks"
		                    " are not kept");
	}
	if ((status = tx_begin(s, err)) != NF_OK) {
		return status;
	}
	for (i = 0; i < n; i++) {
		if ((st = stmt_get(s, ST_MARK, err)) == NULL) {
			status = NF_ERR_DB;
			goto fail;
		}
		sqlite3_bind_int64(st, 1, rowids[i]);
		sqlite3_bind_int(st, 2, read != 0);
		if ((status = stmt_run(s, st, err)) != NF_OK) {
			goto fail;
		}
	}
	if ((status = tx_commit(s, err)) == NF_OK) {
		return NF_OK;
	}
fail:
	tx_rollback(s);
	return status;
}

enum nf_status
store_mark_all_read(struct store *s, int64_t feed_id, struct nf_error *err)
{
	sqlite3_stmt *st = stmt_get(s, feed_id != 0 ? ST_MARK_FEED : ST_MARK_ALL,
	                            err);

	if (st == NULL) {
		return NF_ERR_DB;
	}
	if (feed_id != 0) {
		sqlite3_bind_int64(st, 1, feed_id);
	}
	return stmt_run(s, st, err);
}

/* ---- stories --------------------------------------------------------- */

/* A growing array of rowids, bounded by the items table. */
struct idvec {
	int64_t *v;
	size_t n, cap;
};

static int
idvec_add(struct idvec *ids, int64_t id)
{
	if (ids->n == ids->cap) {
		size_t cap = ids->cap != 0 ? ids->cap * 2 : 16;
		int64_t *v = realloc(ids->v, cap * sizeof(*v));

		if (v == NULL) {
			return -1;
		}
		ids->v = v;
		ids->cap = cap;
	}
	ids->v[ids->n++] = id;
	return 0;
}

static int
id_compare(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return (x > y) - (x < y);
}

/* Sorts the rowids and drops repeats. */
static void
idvec_unique(struct idvec *ids)
{
	size_t i, n = 0;

	if (ids->n == 0) {
		return;
	}
	qsort(ids->v, ids->n, sizeof(*ids->v), id_compare);
	for (i = 1; i < ids->n; i++) {
		if (ids->v[i] != ids->v[n]) {
			ids->v[++n] = ids->v[i];
		}
	}
	ids->n = n + 1;
}

/* Every item's story key and read flag, by rowid: one scan instead of a
 * lookup per item when a fold over 100,000 items is recorded. */
struct story_row {
	int64_t id, story;	/* story 0: not keyed yet */
	int read;
	int stored;		/* the row holds its key (not the mark) */
};

struct story_map {
	struct story_row *rows;	/* sorted by id */
	size_t n;
	int64_t upto;		/* story_mark.upto */
};

/* story_mark.upto, into map->upto. */
static enum nf_status
story_mark_load(struct store *s, struct story_map *map, struct nf_error *err)
{
	sqlite3_stmt *st = stmt_get(s, ST_STORY_UPTO, err);
	int rc;

	if (st == NULL) {
		return NF_ERR_DB;
	}
	rc = sqlite3_step(st);
	map->upto = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? NF_OK : db_error(s, err, "cannot read items");
}

static struct story_row *
story_map_find(const struct story_map *map, int64_t id)
{
	size_t lo = 0, hi = map->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (map->rows[mid].id == id) {
			return &map->rows[mid];
		}
		if (map->rows[mid].id < id) {
			lo = mid + 1;
		} else {
			hi = mid;
		}
	}
	return NULL;
}

static int
story_row_compare(const void *a, const void *b)
{
	int64_t x = ((const struct story_row *)a)->id;
	int64_t y = ((const struct story_row *)b)->id;

	return (x > y) - (x < y);
}

/* Every item's rowid into map, read until shown otherwise, sorted. */
static enum nf_status
story_map_ids(struct store *s, struct story_map *map, struct nf_error *err)
{
	sqlite3_stmt *st = stmt_get(s, ST_STORY_IDS, err);
	size_t cap = 0;
	int rc;

	if (st == NULL) {
		return NF_ERR_DB;
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (map->n == cap) {
			size_t grown = cap != 0 ? cap * 2 : 256;
			struct story_row *v = realloc(map->rows, grown * sizeof(*v));

			if (v == NULL) {
				break;
			}
			map->rows = v;
			cap = grown;
		}
		map->rows[map->n++] = (struct story_row){
			.id = sqlite3_column_int64(st, 0), .read = 1 };
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		return rc == SQLITE_ROW ?
		       nf_error_set(err, NF_ERR_NOMEM, "out of memory") :
		       db_error(s, err, "cannot read items");
	}
	if (map->n > 1) {
		qsort(map->rows, map->n, sizeof(*map->rows), story_row_compare);
	}
	return NF_OK;
}

/* The unread items (ST_STORY_UNREAD) or the stored keys (ST_STORY_KEYS)
 * onto the rows of map. */
static enum nf_status
story_map_apply(struct store *s, struct story_map *map, enum stmt_id id,
                struct nf_error *err)
{
	sqlite3_stmt *st = stmt_get(s, id, err);
	struct story_row *r;
	int rc;

	if (st == NULL) {
		return NF_ERR_DB;
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if ((r = story_map_find(map, sqlite3_column_int64(st, 0))) == NULL) {
			continue;
		}
		if (id == ST_STORY_UNREAD) {
			r->read = 0;
		} else {
			r->story = sqlite3_column_int64(st, 1);
			r->stored = 1;
		}
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? NF_OK : db_error(s, err, "cannot read items");
}

/* Every item's story key and read flag (map->upto read first): a key
 * not stored is the item's rowid at or below the mark, else 0. */
static enum nf_status
story_map_load(struct store *s, struct story_map *map, struct nf_error *err)
{
	enum nf_status status;
	size_t i;

	map->rows = NULL;
	map->n = 0;
	if ((status = story_map_ids(s, map, err)) != NF_OK ||
	    (status = story_map_apply(s, map, ST_STORY_UNREAD, err)) != NF_OK ||
	    (status = story_map_apply(s, map, ST_STORY_KEYS, err)) != NF_OK) {
		free(map->rows);
		map->rows = NULL;
		return status;
	}
	for (i = 0; i < map->n; i++) {
		struct story_row *r = &map->rows[i];

		if (!r->stored) {
			r->story = r->id <= map->upto ? r->id : 0;
		}
	}
	return NF_OK;
}

static enum nf_status
story_set(struct store *s, int64_t rowid, int64_t key, int read,
          struct nf_error *err)
{
	sqlite3_stmt *st = stmt_get(s, ST_STORY_KEY, err);
	enum nf_status status;

	if (st == NULL) {
		return NF_ERR_DB;
	}
	sqlite3_bind_int64(st, 1, rowid);
	sqlite3_bind_int64(st, 2, key);
	if ((status = stmt_run(s, st, err)) != NF_OK || !read) {
		return status;
	}
	if ((st = stmt_get(s, ST_STORY_READ, err)) == NULL) {
		return NF_ERR_DB;
	}
	sqlite3_bind_int64(st, 1, rowid);
	return stmt_run(s, st, err);
}

/* A change the join makes to one item. */
struct story_change {
	int64_t rowid, key;
	int read;		/* 1: joins a read story read */
};

struct story_changes {
	struct story_change *v;
	size_t n, cap;
};

static int
story_changes_add(struct story_changes *c, int64_t rowid, int64_t key, int read)
{
	if (c->n == c->cap) {
		size_t cap = c->cap != 0 ? c->cap * 2 : 64;
		struct story_change *v = realloc(c->v, cap * sizeof(*v));

		if (v == NULL) {
			return -1;
		}
		c->v = v;
		c->cap = cap;
	}
	c->v[c->n++] = (struct story_change){ rowid, key, read };
	return 0;
}

/* One story: the key it keeps is the smallest any member has (else the
 * smallest rowid); members without a key are new to it, and take its read
 * state when every member it had was read. Items gone since the fold are
 * left alone. A story of one copy writes nothing: under the mark, the
 * store reads its rowid as its key (migration 10). Adds what must change
 * to changes (the map follows). */
static int
story_join(struct story_map *map, const struct store_story *story,
           struct story_changes *changes)
{
	int64_t key = 0, min_id = 0;
	int had = 0, all_read = 1;
	size_t i, found = 0;

	for (i = 0; i < story->n; i++) {
		const struct story_row *r = story_map_find(map, story->rowids[i]);

		if (r == NULL) {
			continue;
		}
		found++;
		min_id = min_id == 0 || r->id < min_id ? r->id : min_id;
		if (r->story != 0) {
			had = 1;
			all_read &= r->read != 0;
			key = key == 0 || r->story < key ? r->story : key;
		}
	}
	key = key != 0 ? key : min_id;
	for (i = 0; i < story->n; i++) {
		struct story_row *r = story_map_find(map, story->rowids[i]);
		int join_read;

		if (r == NULL) {
			continue;
		}
		join_read = r->story == 0 && had && all_read && !r->read;
		if (found == 1 || (r->story == key && r->stored && !join_read)) {
			r->story = key;
			continue;
		}
		if (story_changes_add(changes, r->id, key, join_read) != 0) {
			return -1;
		}
		r->story = key;
		r->stored = 1;
		r->read |= join_read;
	}
	return 0;
}

/* The items above the mark no story took stay unjoined once the mark
 * passes them: they are written with the key 0. */
static int
story_join_rest(const struct story_map *map, struct story_changes *changes)
{
	size_t i;

	for (i = 0; i < map->n; i++) {
		const struct story_row *r = &map->rows[i];

		if (r->id > map->upto && r->story == 0 && !r->stored &&
		    story_changes_add(changes, r->id, 0, 0) != 0) {
			return -1;
		}
	}
	return 0;
}

static int
story_change_compare(const void *a, const void *b)
{
	int64_t x = ((const struct story_change *)a)->rowid;
	int64_t y = ((const struct story_change *)b)->rowid;

	return (x > y) - (x < y);
}

/* Writes the changes and moves the story mark from map->upto to upto in
 * one transaction; the rowids joined read go to newly_read, in the order
 * of the stories. The rows are written in rowid order: a fold's worth of
 * changes in page order would touch the keys' pages at random, each read
 * and written again many times. */
static enum nf_status
story_changes_write(struct store *s, struct story_changes *c,
                    const struct story_map *map, int64_t upto,
                    struct idvec *newly_read, struct nf_error *err)
{
	sqlite3_stmt *st;
	enum nf_status status;
	size_t i;

	for (i = 0; i < c->n; i++) {
		if (c->v[i].read && idvec_add(newly_read, c->v[i].rowid) != 0) {
			return nf_error_set(err, NF_ERR_NOMEM, "out of memory");
		}
	}
	if (c->n > 1) {
		qsort(c->v, c->n, sizeof(*c->v), story_change_compare);
	}
	if ((status = tx_begin(s, err)) != NF_OK) {
		return status;
	}
	for (i = 0; i < c->n; i++) {
		if ((status = story_set(s, c->v[i].rowid, c->v[i].key, c->v[i].read,
		                        err)) != NF_OK) {
			goto fail;
		}
	}
	if ((st = stmt_get(s, ST_STORY_MARK, err)) == NULL) {
		status = NF_ERR_DB;
		goto fail;
	}
	sqlite3_bind_int64(st, 1, map->upto);
	sqlite3_bind_int64(st, 2, upto);
	if ((status = stmt_run(s, st, err)) == NF_OK &&
	    (status = tx_commit(s, err)) == NF_OK) {
		return NF_OK;
	}
fail:
	tx_rollback(s);
	return status;
}

/* Reading first and writing only what changed: a front page loaded again
 * with the same stories takes no write lock, so a --refresh running in
 * another process never makes the screen wait. */
enum nf_status
store_stories_join(struct store *s, const struct store_story *stories,
                   size_t n, int64_t **newly_read, size_t *nread,
                   struct nf_error *err)
{
	struct idvec ids = { 0 };
	struct story_map map = { 0 };
	struct story_changes changes = { 0 };
	enum nf_status status;
	int64_t upto;
	size_t i;

	*newly_read = NULL;
	*nread = 0;
	if (s->readonly) {
		return NF_OK;	/* nothing can be recorded; the page still folds */
	}
	if ((status = story_mark_load(s, &map, err)) != NF_OK ||
	    (status = story_map_load(s, &map, err)) != NF_OK) {
		return status;
	}
	upto = map.n > 0 ? map.rows[map.n - 1].id : 0;
	for (i = 0; i < n; i++) {
		if (story_join(&map, &stories[i], &changes) != 0) {
			status = nf_error_set(err, NF_ERR_NOMEM, "out of memory");
			goto out;
		}
	}
	if (story_join_rest(&map, &changes) != 0) {
		status = nf_error_set(err, NF_ERR_NOMEM, "out of memory");
		goto out;
	}
	if ((changes.n > 0 || upto > map.upto) &&
	    (status = story_changes_write(s, &changes, &map, upto, &ids,
	                                  err)) != NF_OK) {
		free(ids.v);
		goto out;
	}
	*newly_read = ids.v;
	*nread = ids.n;
out:
	free(changes.v);
	free(map.rows);
	return status;
}

static int
feed_is_in(const struct store_feeds *feeds, int64_t feed_id)
{
	size_t i;

	for (i = 0; feeds != NULL && i < feeds->n; i++) {
		if (feeds->ids[i] == feed_id) {
			return 1;
		}
	}
	return feeds == NULL;
}

/* Adds rowid and every item of its story in feeds to ids (only the
 * unread ones with unread_only). */
static enum nf_status
story_copies(struct store *s, int64_t rowid, const struct store_feeds *feeds,
             int unread_only, struct idvec *ids, struct nf_error *err)
{
	sqlite3_stmt *st = stmt_get(s, ST_STORY_COPIES, err);
	int rc;

	if (st == NULL) {
		return NF_ERR_DB;
	}
	sqlite3_bind_int64(st, 1, rowid);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if ((unread_only && sqlite3_column_int(st, 1) != 0) ||
		    (sqlite3_column_int64(st, 0) != rowid &&
		     !feed_is_in(feeds, sqlite3_column_int64(st, 2)))) {
			continue;
		}
		if (idvec_add(ids, sqlite3_column_int64(st, 0)) != 0) {
			sqlite3_reset(st);
			return nf_error_set(err, NF_ERR_NOMEM, "out of memory");
		}
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? NF_OK : db_error(s, err, "cannot read items");
}

enum nf_status
store_story_rowids(struct store *s, const int64_t *rowids, size_t n,
                   const struct store_feeds *feeds, int unread_only,
                   int64_t **out, size_t *nout, struct nf_error *err)
{
	struct idvec ids = { 0 };
	enum nf_status status = NF_OK;
	size_t i;

	for (i = 0; i < n && status == NF_OK; i++) {
		status = story_copies(s, rowids[i], feeds, unread_only, &ids, err);
	}
	idvec_unique(&ids);
	if (status != NF_OK) {
		free(ids.v);
		ids.v = NULL;
		ids.n = 0;
	}
	*out = ids.v;
	*nout = ids.n;
	return status;
}

enum nf_status
store_feed_unread(struct store *s, int64_t feed_id, int64_t **out,
                  size_t *nout, struct nf_error *err)
{
	sqlite3_stmt *st = stmt_get(s, ST_FEED_UNREAD, err);
	struct idvec ids = { 0 };
	int rc;

	*out = NULL;
	*nout = 0;
	if (st == NULL) {
		return NF_ERR_DB;
	}
	sqlite3_bind_int64(st, 1, feed_id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (idvec_add(&ids, sqlite3_column_int64(st, 0)) != 0) {
			break;
		}
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		free(ids.v);
		return rc == SQLITE_ROW ?
		       nf_error_set(err, NF_ERR_NOMEM, "out of memory") :
		       db_error(s, err, "cannot read items");
	}
	*out = ids.v;
	*nout = ids.n;
	return NF_OK;
}

/* ---- read-more pages --------------------------------------------------- */

void
store_page_clear(struct store_page *page)
{
	free(page->text);
	free(page->etag);
	free(page->last_modified);
	memset(page, 0, sizeof(*page));
}

enum nf_status
store_page_get(struct store *s, const char *url, struct store_page *page,
               struct nf_error *err)
{
	sqlite3_stmt *st = stmt_get(s, ST_PAGE_GET, err);
	enum nf_status status = NF_OK;

	memset(page, 0, sizeof(*page));
	if (st == NULL) {
		return NF_ERR_DB;
	}
	bind_text(st, 1, url);
	if (sqlite3_step(st) == SQLITE_ROW) {
		if (column_dup(st, 0, &page->text) != 0 ||
		    column_dup(st, 1, &page->etag) != 0 ||
		    column_dup(st, 2, &page->last_modified) != 0) {
			status = nf_error_set(err, NF_ERR_NOMEM, "out of memory");
			store_page_clear(page);
		}
		page->fetched = sqlite3_column_int64(st, 3);
	}
	sqlite3_reset(st);
	return status;
}

enum nf_status
store_page_put(struct store *s, const char *url, const struct store_page *page,
               struct nf_error *err)
{
	sqlite3_stmt *st;
	enum nf_status status;

	if ((status = tx_begin(s, err)) != NF_OK) {
		return status;
	}
	if ((st = stmt_get(s, ST_PAGE_PUT, err)) == NULL) {
		status = NF_ERR_DB;
		goto fail;
	}
	bind_text(st, 1, url);
	bind_text(st, 2, page->etag);
	bind_text(st, 3, page->last_modified);
	sqlite3_bind_int64(st, 4, page->fetched);
	bind_text(st, 5, nf_str(page->text));
	if ((status = stmt_run(s, st, err)) != NF_OK) {
		goto fail;
	}
	if ((st = stmt_get(s, ST_PAGE_TRIM, err)) == NULL) {
		status = NF_ERR_DB;
		goto fail;
	}
	sqlite3_bind_int(st, 1, STORE_PAGE_MAX);
	if ((status = stmt_run(s, st, err)) != NF_OK ||
	    (status = tx_commit(s, err)) != NF_OK) {
		goto fail;
	}
	return NF_OK;
fail:
	tx_rollback(s);
	return status;
}

/* The first row's id of a lookup by one text, or 0. */
static int64_t
find_by(struct store *s, enum stmt_id id, const char *text,
        struct nf_error *err)
{
	sqlite3_stmt *st;
	int64_t rowid = 0;

	if (text == NULL || text[0] == '\0' ||
	    (st = stmt_get(s, id, err)) == NULL) {
		return 0;
	}
	bind_text(st, 1, text);
	if (sqlite3_step(st) == SQLITE_ROW) {
		rowid = sqlite3_column_int64(st, 0);
	}
	sqlite3_reset(st);
	return rowid;
}

int64_t
store_item_find(struct store *s, const char *link, const char *title)
{
	int64_t rowid = find_by(s, ST_FIND_LINK, link, NULL);

	return rowid != 0 ? rowid : find_by(s, ST_FIND_TITLE, title, NULL);
}

/*
 * Queries compiled to SQL. The SQL text is built only from fixed pieces
 * and parameter numbers; every value of the query (a tag's feeds, a
 * title, a time) is a bound parameter, so nothing a dotfile says can
 * change the statement's shape.
 */

/* ---- the full-text index, caught up when asked (migration 9) ------- */

/* Changes indexed in one transaction: a search after a large refresh
 * commits now and then rather than hold the write lock throughout. */
#define FTS_CHUNK 4096

enum fts_step {
	FTS_STALE_UPTO, FTS_STALE_FORGET, FTS_STALE_DROP,
	FTS_CHANGED_UPTO, FTS_CHANGED_ADD, FTS_CHANGED_DROP,
	FTS_NEW_UPTO, FTS_NEW_ADD, FTS_NEW_MARK, FTS_NSTEPS
};

/* A chunk: the rows up to the FTS_CHUNKth, first what the index must
 * forget (fts_stale), then, once that is done, what changed at or below
 * the mark (fts_changed), then the rows above it (migration 10). */
static const char *const fts_sql[FTS_NSTEPS] = {
	[FTS_STALE_UPTO] = "SELECT max(id) FROM (SELECT id FROM fts_stale"
	                   " ORDER BY id LIMIT ?1)",
	[FTS_STALE_FORGET] = "INSERT INTO items_fts (items_fts, rowid, title,"
	                     " summary, content) SELECT 'delete', id, title,"
	                     " summary, content FROM fts_stale WHERE id <= ?1",
	[FTS_STALE_DROP] = "DELETE FROM fts_stale WHERE id <= ?1",
	[FTS_CHANGED_UPTO] = "SELECT max(id) FROM (SELECT id FROM fts_changed"
	                     " ORDER BY id LIMIT ?1)",
	[FTS_CHANGED_ADD] = "INSERT INTO items_fts (rowid, title, summary,"
	                    " content) SELECT i.id, i.title, i.summary,"
	                    " i.content FROM fts_changed p JOIN items i"
	                    " ON i.id = p.id WHERE p.id <= ?1",
	[FTS_CHANGED_DROP] = "DELETE FROM fts_changed WHERE id <= ?1",
	[FTS_NEW_UPTO] = "SELECT max(id) FROM (SELECT id FROM items WHERE"
	                 " id > (SELECT upto FROM fts_mark) ORDER BY id"
	                 " LIMIT ?1)",
	[FTS_NEW_ADD] = "INSERT INTO items_fts (rowid, title, summary,"
	                " content) SELECT id, title, summary, content"
	                " FROM items WHERE id > (SELECT upto FROM fts_mark)"
	                " AND id <= ?1",
	[FTS_NEW_MARK] = "UPDATE fts_mark SET upto = ?1",
};

/* Runs one step with ?1 bound to arg; *found (when not NULL) says
 * whether it gave a value other than NULL, and *out holds it. */
static enum nf_status
fts_run(struct store *s, enum fts_step step, int64_t arg, int64_t *out,
        int *found, struct nf_error *err)
{
	sqlite3_stmt *st = NULL;
	int rc;

	if (sqlite3_prepare_v2(s->db, fts_sql[step], -1, &st, NULL) != SQLITE_OK) {
		return db_error(s, err, "cannot prepare the search index's update");
	}
	sqlite3_bind_int64(st, 1, arg);
	rc = sqlite3_step(st);
	if (found != NULL) {
		*found = rc == SQLITE_ROW &&
		         sqlite3_column_type(st, 0) != SQLITE_NULL;
		*out = *found ? sqlite3_column_int64(st, 0) : 0;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		return db_error(s, err, "cannot update the search index");
	}
	return NF_OK;
}

/* Brings one chunk into the index in its own transaction; *did says
 * whether there was one. */
static enum nf_status
fts_chunk(struct store *s, int *did, struct nf_error *err)
{
	int64_t upto = 0;
	int found = 0;
	enum nf_status st = tx_begin(s, err);
	enum fts_step first = FTS_STALE_UPTO;

	for (; st == NF_OK; first = (enum fts_step)(first + 3)) {
		st = fts_run(s, first, FTS_CHUNK, &upto, &found, err);
		if (found || first == FTS_NEW_UPTO) {
			break;
		}
	}
	if (st == NF_OK && found) {
		st = fts_run(s, (enum fts_step)(first + 1), upto, NULL, NULL,
		             err);
	}
	if (st == NF_OK && found) {
		st = fts_run(s, (enum fts_step)(first + 2), upto, NULL, NULL,
		             err);
	}
	*did = found;
	if (st == NF_OK) {
		st = tx_commit(s, err);
	}
	if (st != NF_OK) {
		tx_rollback(s);
	}
	return st;
}

/* The one integer the one-row query sql answers, into *out; SQLITE_OK or
 * the step's error, *out untouched then. */
static int
sql_int64(struct store *s, const char *sql, int64_t *out)
{
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(s->db, sql, -1, &st, NULL);

	if (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		*out = sqlite3_column_int64(st, 0);
		rc = SQLITE_OK;
	}
	sqlite3_finalize(st);
	return rc;
}

/* ---- the look-up indexes by link and by title (migration 4's) -------- */

/* Read more finds an item through them. New items reach them at random,
 * so kept up row by row through a store's first refresh they cost a
 * tenth of its processor time (1,000 feeds x 100 items); made in one
 * sorted pass once the items are in, far less. */
#define LOOKUP_INDEXES_SQL \
	"CREATE INDEX IF NOT EXISTS items_link ON items (link);" \
	"CREATE INDEX IF NOT EXISTS items_title ON items (title);"

enum nf_status
store_lookup_defer(struct store *s, int *deferred, struct nf_error *err)
{
	enum nf_status status = NF_OK;
	int64_t any = 1;

	*deferred = 0;
	if (s->readonly || (status = tx_begin(s, err)) != NF_OK) {
		return s->readonly ? NF_OK : status;
	}
	if (sql_int64(s, "SELECT EXISTS (SELECT 1 FROM items)", &any) !=
	    SQLITE_OK) {
		status = db_error(s, err, "cannot read items");
	} else if (any != 0) {
		/* made again if a first refresh never finished */
		status = store_lookup_build(s, err);
	} else if ((status = exec_sql(s, "DROP INDEX IF EXISTS items_link;"
	                              " DROP INDEX IF EXISTS items_title;",
	                              err)) == NF_OK) {
		*deferred = 1;
	}
	if (status == NF_OK && (status = tx_commit(s, err)) == NF_OK) {
		return NF_OK;
	}
	*deferred = 0;
	tx_rollback(s);
	return status;
}

enum nf_status
store_lookup_build(struct store *s, struct nf_error *err)
{
	int64_t have = 2;

	if (s->readonly ||
	    (sql_int64(s, "SELECT count(*) FROM sqlite_schema WHERE type ="
	               " 'index' AND name IN ('items_link', 'items_title')",
	               &have) == SQLITE_OK && have == 2)) {
		return NF_OK;
	}
	return exec_sql(s, LOOKUP_INDEXES_SQL, err);
}

enum nf_status
store_cache_limit(struct store *s, unsigned kib, struct nf_error *err)
{
	char sql[64];

	/* a negative size counts KiB; SQLite's sorter takes the same */
	snprintf(sql, sizeof(sql), "PRAGMA cache_size = -%u", kib);
	return exec_sql(s, sql, err);
}

/* Whether the index lacks a change: one indexed lookup each, so that
 * a search as you type takes no write lock when it is in step. */
static int
fts_behind(struct store *s)
{
	int64_t behind = 1;

	sql_int64(s, "SELECT EXISTS (SELECT 1 FROM fts_stale)"
	          " OR EXISTS (SELECT 1 FROM fts_pending)", &behind);
	return behind != 0;
}

enum nf_status
store_search_catch_up(struct store *s, size_t chunks, int *done,
                      struct nf_error *err)
{
	/* read-only, or inside a transaction: a search scans what it lacks */
	int writable = !store_is_read_only(s) && sqlite3_get_autocommit(s->db);
	int more = fts_behind(s);
	size_t k;
	enum nf_status st = NF_OK;

	for (k = 0; more && writable && (chunks == 0 || k < chunks); k++) {
		if ((st = fts_chunk(s, &more, err)) != NF_OK) {
			break;
		}
		more = more && fts_behind(s);
	}
	if (done != NULL) {
		*done = !more;
	}
	return st;
}

#define QUERY_SQL_MAX 65536
#define QUERY_PARAMS_MAX 999	/* SQLite's smallest host-parameter limit */
#define QUERY_TEXTS_MAX 128	/* texts of text~ in one statement: two a word */

struct sql_param {
	const char *text;	/* borrowed; NULL for a number */
	int64_t number;
};

struct sql_build {
	struct buf sql;
	const struct store_filter *filter;
	int64_t now;
	struct sql_param params[QUERY_PARAMS_MAX];
	int nparams;
	char *texts[QUERY_TEXTS_MAX];	/* made here for text~; owned */
	size_t ntexts;
	enum nf_status status;	/* the first failure */
};

static void
sql_add(struct sql_build *b, const char *text)
{
	if (b->status == NF_OK) {
		b->status = buf_add_str(&b->sql, text);
	}
}

/* Adds a parameter and returns its number for "?N", or 0 past the limit. */
static int
sql_param(struct sql_build *b, const char *text, int64_t number)
{
	if (b->nparams == QUERY_PARAMS_MAX) {
		b->status = NF_ERR_TOO_LARGE;
		return 0;
	}
	b->params[b->nparams].text = text;
	b->params[b->nparams].number = number;
	return ++b->nparams;
}

/* Appends the text with each "?" replaced by "?N", N a new parameter
 * holding value: one value used in several places of one condition. */
static void
sql_with(struct sql_build *b, const char *text, const char *value,
         int64_t number)
{
	int n = sql_param(b, value, number);
	const char *q;

	for (; (q = strchr(text, '?')) != NULL; text = q + 1) {
		if (b->status == NF_OK) {
			b->status = buf_add(&b->sql, text, (size_t)(q - text));
		}
		if (b->status == NF_OK) {
			b->status = buf_printf(&b->sql, "?%d", n);
		}
	}
	sql_add(b, text);
}

static int
feed_has_tag(const struct store_feed_tags *f, const char *tag)
{
	size_t i;

	for (i = 0; i < f->ntags; i++) {
		if (strcmp(f->tags[i], tag) == 0) {
			return 1;
		}
	}
	return 0;
}

/* tag: is the dotfile's, so it becomes the list of feeds carrying it. */
static void
sql_tag(struct sql_build *b, const char *tag)
{
	const struct store_filter *f = b->filter;
	const char *sep = "f.url IN (";
	size_t i;

	for (i = 0; f != NULL && i < f->nfeeds; i++) {
		if (feed_has_tag(&f->feeds[i], tag)) {
			sql_add(b, sep);
			sql_with(b, "?", f->feeds[i].url, 0);
			sep = ", ";
		}
	}
	sql_add(b, *sep == ',' ? ")" : "0");
}


/* Keeps text (new, or NULL out of memory) for the life of the
 * statement, which binds it; NULL when it cannot. */
static const char *
sql_keep(struct sql_build *b, char *text)
{
	if (text == NULL || b->ntexts == QUERY_TEXTS_MAX) {
		free(text);
		b->status = b->status != NF_OK ? b->status :
		            text == NULL ? NF_ERR_NOMEM : NF_ERR_TOO_LARGE;
		return NULL;
	}
	return b->texts[b->ntexts++] = text;
}

/* The word as an FTS5 phrase: quoted, its own quotes doubled, so that it
 * is never FTS5 syntax. A new string, or NULL out of memory. */
static char *
fts_phrase(const char *word, size_t n)
{
	char *out = malloc(2 * n + 3), *d = out;
	size_t i;

	if (out == NULL) {
		return NULL;
	}
	*d++ = '"';
	for (i = 0; i < n; i++) {
		if (word[i] == '"') {
			*d++ = '"';
		}
		*d++ = word[i];
	}
	*d++ = '"';
	*d = 0;
	return out;
}

#define SQL_TEXT_SCAN "instr(lower(COALESCE(i.title, '') || ' ' ||" \
	" COALESCE(i.summary, '') || ' ' ||" \
	" COALESCE(i.content, '')), lower(?)) > 0"

/* One word of text~: through the full-text index; a word shorter than a
 * trigram (two-character words are common in Japanese) by a scan. Items
 * the index has not caught up with yet (fts_pending: the screens catch
 * it up before they search, --headlines never writes) are scanned too,
 * so that a result is never stale. */
static void
sql_text_word(struct sql_build *b, const char *word, size_t n)
{
	const char *kept, *plain;

	if ((plain = sql_keep(b, strndup(word, n))) == NULL) {
		return;
	}
	if (utf8_chars(word, n) < 3) {
		sql_with(b, SQL_TEXT_SCAN, plain, 0);
		return;
	}
	if ((kept = sql_keep(b, fts_phrase(word, n))) != NULL) {
		sql_with(b, "(i.id IN (SELECT rowid FROM items_fts WHERE"
		         " items_fts MATCH ?) AND i.id NOT IN"
		         " (SELECT id FROM fts_pending) OR", kept, 0);
		sql_with(b, " i.id IN (SELECT id FROM fts_pending) AND "
		         SQL_TEXT_SCAN ")", plain, 0);
	}
}

/* text~: every blank-separated word, anywhere in the item's text. */
static void
sql_text(struct sql_build *b, const char *text)
{
	const char *p = text, *end;
	const char *sep = "(";

	for (;;) {
		p += strspn(p, " \t");
		if (*p == 0) {
			break;
		}
		end = p + strcspn(p, " \t");
		sql_add(b, sep);
		sql_text_word(b, p, (size_t)(end - p));
		sep = " AND ";
		p = end;
	}
	sql_add(b, *sep == '(' ? "0" : ")");
}

/* An item's age, as pruning counts it: from its publication, or from
 * when it was first stored when that is earlier. */
#define SQL_ITEM_TIME "MIN(COALESCE(i.published, i.first_seen), i.first_seen)"
#define SQL_FEED_NAME "lower(COALESCE(f.title, f.feed_title, ''))"

static void
sql_query(struct sql_build *b, const struct query *q)
{
	static const char *const joins[] = {
		[QUERY_AND] = " AND ", [QUERY_OR] = " OR ",
	};

	switch (q->kind) {
	case QUERY_AND:
	case QUERY_OR:
		sql_add(b, "(");
		sql_query(b, q->left);
		sql_add(b, joins[q->kind]);
		sql_query(b, q->right);
		sql_add(b, ")");
		break;
	case QUERY_NOT:
		sql_add(b, "(NOT ");
		sql_query(b, q->left);
		sql_add(b, ")");
		break;
	case QUERY_UNREAD:
		sql_add(b, "i.read = 0");
		break;
	case QUERY_READ:
		sql_add(b, "i.read <> 0");
		break;
	case QUERY_TAG:
		sql_tag(b, q->text);
		break;
	case QUERY_SOURCE:
		/* the feed's name, or the outlet a title ends in (" - X") */
		sql_with(b, "(" SQL_FEED_NAME " = lower(?) OR"
		         " lower(substr(COALESCE(i.title, ''), -(length(?) + 3)))"
		         " = lower(' - ' || ?))", q->text, 0);
		break;
	case QUERY_FEED:
		sql_with(b, "(f.url = ? OR " SQL_FEED_NAME " = lower(?))",
		         q->text, 0);
		break;
	case QUERY_TITLE:
		sql_with(b, "instr(lower(COALESCE(i.title, '')), lower(?)) > 0",
		         q->text, 0);
		break;
	case QUERY_TEXT:
		sql_text(b, q->text);
		break;
	case QUERY_YOUNGER:
		sql_with(b, SQL_ITEM_TIME " > ?", NULL, b->now - q->seconds);
		break;
	case QUERY_OLDER:
		sql_with(b, SQL_ITEM_TIME " < ?", NULL, b->now - q->seconds);
		break;
	}
}

/* Appends " AND NOT (k1 OR k2 ...)" for the killfile, or "(k1 OR ...)"
 * alone with hidden set. */
static void
sql_killfile(struct sql_build *b, int hidden)
{
	const struct store_filter *f = b->filter;
	size_t i;

	if (f == NULL || f->nignore == 0) {
		sql_add(b, hidden ? " AND 0" : "");
		return;
	}
	sql_add(b, hidden ? " AND (" : " AND NOT (");
	for (i = 0; i < f->nignore; i++) {
		sql_add(b, i > 0 ? " OR " : "");
		sql_query(b, f->ignore[i]);
	}
	sql_add(b, ")");
}

static void
sql_build_init(struct sql_build *b, const struct store_filter *filter)
{
	buf_init(&b->sql, QUERY_SQL_MAX);
	b->filter = filter;
	b->now = filter != NULL && filter->now != 0 ? filter->now :
	         (int64_t)time(NULL);
	b->nparams = 0;
	b->ntexts = 0;
	b->status = NF_OK;
}

/* Frees what sql_build_init() and the building made, and b itself. */
static void
sql_build_free(struct sql_build *b)
{
	size_t i;

	for (i = 0; i < b->ntexts; i++) {
		free(b->texts[i]);
	}
	buf_free(&b->sql);
	free(b);
}

/* The WHERE clause of a listing: this feed, the match, not the killfile. */
static void
sql_where(struct sql_build *b, int64_t feed_id)
{
	sql_add(b, " WHERE 1");
	if (feed_id != 0) {
		sql_with(b, " AND i.feed_id = ?", NULL, feed_id);
	}
	if (b->filter != NULL && b->filter->match != NULL) {
		sql_add(b, " AND ");
		sql_query(b, b->filter->match);
	}
	sql_killfile(b, 0);
}

/* Prepares what b built and binds its parameters; NULL on failure. The
 * caller finalizes the statement and frees b->sql after. */
static sqlite3_stmt *
sql_prepare(struct store *s, struct sql_build *b, struct nf_error *err)
{
	sqlite3_stmt *st = NULL;
	int i;

	if (b->status != NF_OK) {
		nf_error_set(err, b->status, "%s: the query is too large",
		             s->path);
		return NULL;
	}
	if (sqlite3_prepare_v2(s->db, b->sql.data, -1, &st, NULL) != SQLITE_OK) {
		db_error(s, err, "cannot prepare a query");
		return NULL;
	}
	for (i = 0; i < b->nparams; i++) {
		if (b->params[i].text != NULL) {
			sqlite3_bind_text(st, i + 1, b->params[i].text, -1,
			                  SQLITE_STATIC);
		} else {
			sqlite3_bind_int64(st, i + 1, b->params[i].number);
		}
	}
	return st;
}

enum fold_item_col {
	FI_ID, FI_FEED, FI_PUBLISHED, FI_GUID, FI_TITLE, FI_LINK, FI_SUMMARY,
	FI_OUTLET, FI_CAPTION, FI_SOURCE, FI_TEXT_LEN
};

/* Steps st, a statement of FOLD_ITEM_SQL's columns, calling fn on each
 * row. */
static enum nf_status
fold_items_run(struct store *s, sqlite3_stmt *st, store_fold_item_fn fn,
               void *ctx, struct nf_error *err)
{
	struct store_fold_item it;
	int rc;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		it = (struct store_fold_item){
			.rowid = sqlite3_column_int64(st, FI_ID),
			.feed_id = sqlite3_column_int64(st, FI_FEED),
			.published = column_date(st, FI_PUBLISHED),
			.text_len = (size_t)sqlite3_column_int64(st, FI_TEXT_LEN),
			.id = (const char *)sqlite3_column_text(st, FI_GUID),
			.title = (const char *)sqlite3_column_text(st, FI_TITLE),
			.link = (const char *)sqlite3_column_text(st, FI_LINK),
			.summary = (const char *)sqlite3_column_text(st, FI_SUMMARY),
			.outlet = (const char *)sqlite3_column_text(st, FI_OUTLET),
			.caption = (const char *)sqlite3_column_text(st, FI_CAPTION),
			.source = (const char *)sqlite3_column_text(st, FI_SOURCE),
		};
		if (fn(ctx, &it) != 0) {
			return nf_error_set(err, NF_ERR_NOMEM, "out of memory");
		}
	}
	return rc == SQLITE_DONE ? NF_OK : db_error(s, err, "cannot list items");
}

enum nf_status
store_fold_items(struct store *s, int64_t feed_id, store_fold_item_fn fn,
                 void *ctx, struct nf_error *err)
{
	sqlite3_stmt *st = NULL;
	enum nf_status status;

	if (feed_id != 0) {
		/* one feed at a time, as often as a refresh stores one:
		 * prepared once */
		if ((st = stmt_get(s, ST_FOLD_FEED, err)) == NULL) {
			return NF_ERR_DB;
		}
		sqlite3_bind_int64(st, 1, feed_id);
		status = fold_items_run(s, st, fn, ctx, err);
		sqlite3_reset(st);
		return status;
	}
	if (sqlite3_prepare_v2(s->db, FOLD_ITEM_SQL ITEM_ORDER, -1, &st,
	                       NULL) != SQLITE_OK) {
		sqlite3_finalize(st);
		return db_error(s, err, "cannot list items");
	}
	status = fold_items_run(s, st, fn, ctx, err);
	sqlite3_finalize(st);
	return status;
}

enum nf_status
store_fold_mark(struct store *s, int64_t *gen, int64_t *version,
                struct nf_error *err)
{
	sqlite3_stmt *st = NULL;
	enum nf_status status = NF_OK;

	/* one statement: both from one snapshot */
	if (sqlite3_prepare_v2(s->db, "SELECT gen, (SELECT data_version FROM"
	                       " pragma_data_version) FROM fold_state WHERE"
	                       " id = 1", -1, &st, NULL) != SQLITE_OK ||
	    sqlite3_step(st) != SQLITE_ROW) {
		status = db_error(s, err, "cannot read the stored fold");
	} else {
		*gen = sqlite3_column_int64(st, 0);
		*version = sqlite3_column_int64(st, 1);
	}
	sqlite3_finalize(st);
	return status;
}

enum nf_status
store_items_query(struct store *s, int64_t feed_id, enum store_load what,
                  const struct store_filter *filter, struct nf_item ***items,
                  size_t *n, struct nf_error *err)
{
	struct sql_build *b;
	struct nf_item **v = NULL;
	size_t len = 0, cap = 64;
	sqlite3_stmt *st = NULL;
	enum nf_status status = NF_ERR_DB;

	/* Nothing to leave out: the plain listing, with its prepared
	 * statements and its sized array. */
	if (filter == NULL || (filter->match == NULL && filter->nignore == 0)) {
		return store_items_load(s, feed_id, what, items, n, err);
	}
	*items = NULL;
	*n = 0;
	if ((b = malloc(sizeof(*b))) == NULL ||
	    (v = malloc(cap * sizeof(*v))) == NULL) {
		free(b);
		return nf_error_set(err, NF_ERR_NOMEM, "out of memory");
	}
	sql_build_init(b, filter);
	sql_add(b, what == STORE_LOAD_PAGE ? ITEM_PAGE :
	        what == STORE_LOAD_LIST ? ITEM_LIST : ITEM_FULL);
	sql_where(b, feed_id);
	sql_add(b, ITEM_ORDER);
	if ((st = sql_prepare(s, b, err)) != NULL) {
		status = items_read(s, st, &v, &len, &cap, err);
	}
	sqlite3_finalize(st);
	sql_build_free(b);
	if (status != NF_OK) {
		store_items_free(v, len);
		return status;
	}
	*items = v;
	*n = len;
	return NF_OK;
}

/* Runs a built "SELECT count, unread" statement. */
static enum nf_status
sql_count(struct store *s, struct sql_build *b, size_t *total, size_t *unread,
          struct nf_error *err)
{
	sqlite3_stmt *st = sql_prepare(s, b, err);
	enum nf_status status = NF_OK;

	if (st == NULL) {
		return err != NULL ? err->code : NF_ERR_DB;
	}
	if (sqlite3_step(st) == SQLITE_ROW) {
		if (total != NULL) {
			*total = (size_t)sqlite3_column_int64(st, 0);
		}
		if (unread != NULL) {
			*unread = (size_t)sqlite3_column_int64(st, 1);
		}
	} else {
		status = db_error(s, err, "cannot count items");
	}
	sqlite3_finalize(st);
	return status;
}

#define SQL_COUNT "SELECT count(*), COALESCE(sum(i.read = 0), 0)" \
	" FROM items i JOIN feeds f ON f.id = i.feed_id"

enum nf_status
store_items_count(struct store *s, int64_t feed_id,
                  const struct store_filter *filter, size_t *total,
                  size_t *unread, struct nf_error *err)
{
	struct sql_build *b = malloc(sizeof(*b));
	enum nf_status status;

	if (b == NULL) {
		return nf_error_set(err, NF_ERR_NOMEM, "out of memory");
	}
	sql_build_init(b, filter);
	sql_add(b, SQL_COUNT);
	sql_where(b, feed_id);
	status = sql_count(s, b, total, unread, err);
	sql_build_free(b);
	return status;
}

enum nf_status
store_items_ignored(struct store *s, int64_t feed_id, int64_t after,
                    const struct store_filter *filter, size_t *count,
                    struct nf_error *err)
{
	struct sql_build *b;
	enum nf_status status;

	*count = 0;
	if (filter == NULL || filter->nignore == 0) {
		return NF_OK;
	}
	if ((b = malloc(sizeof(*b))) == NULL) {
		return nf_error_set(err, NF_ERR_NOMEM, "out of memory");
	}
	sql_build_init(b, filter);
	sql_add(b, SQL_COUNT);
	sql_with(b, " WHERE i.feed_id = ?", NULL, feed_id);
	sql_with(b, " AND i.id > ?", NULL, after);
	sql_killfile(b, 1);
	status = sql_count(s, b, count, NULL, err);
	sql_build_free(b);
	return status;
}

enum nf_status
store_items_last_rowid(struct store *s, int64_t *rowid, struct nf_error *err)
{
	*rowid = 0;
	if (sql_int64(s, "SELECT COALESCE(max(id), 0) FROM items", rowid) !=
	    SQLITE_OK) {
		return db_error(s, err, "cannot read the last item");
	}
	return NF_OK;
}

/* ---- the front page's fold, kept (migration 8) --------------------- */

/* The store's fold generation, and whether the stored fold was made at
 * it and at signature (NULL never matches). */
static enum nf_status
fold_state_read(struct store *s, const char *signature, int64_t *gen,
                int *current, struct nf_error *err)
{
	sqlite3_stmt *st = NULL;
	enum nf_status status = NF_OK;

	*gen = 0;
	*current = 0;
	if (sqlite3_prepare_v2(s->db, "SELECT gen, folded_gen = gen AND"
	                       " signature = ?1 FROM fold_state WHERE id = 1",
	                       -1, &st, NULL) != SQLITE_OK) {
		return db_error(s, err, "cannot read the stored fold");
	}
	bind_text(st, 1, signature);
	switch (sqlite3_step(st)) {
	case SQLITE_ROW:
		*gen = sqlite3_column_int64(st, 0);
		*current = sqlite3_column_int(st, 1) == 1;
		break;
	case SQLITE_DONE:
		break;
	default:
		status = db_error(s, err, "cannot read the stored fold");
	}
	sqlite3_finalize(st);
	return status;
}

enum nf_status
store_fold_generation(struct store *s, int64_t *gen, struct nf_error *err)
{
	int current;

	return fold_state_read(s, NULL, gen, &current, err);
}

enum nf_status
store_fold_is_current(struct store *s, const char *signature, int *current,
                      struct nf_error *err)
{
	int64_t gen;

	return fold_state_read(s, signature, &gen, current, err);
}

/* The statements that write one stored fold, prepared for one save. */
struct fold_writer {
	sqlite3_stmt *story, *member;
};

static enum nf_status
fold_write_story(struct store *s, struct fold_writer *w, size_t place,
                 const struct store_fold_story *fs, struct nf_error *err)
{
	size_t k;

	sqlite3_reset(w->story);
	sqlite3_bind_int64(w->story, 1, (int64_t)place);
	sqlite3_bind_int64(w->story, 2, fs->copies[0]->rowid);
	sqlite3_bind_int64(w->story, 3, (int64_t)fs->n);
	sqlite3_bind_int64(w->story, 4, (int64_t)fs->outlets);
	bind_date(w->story, 5, fs->newest);
	bind_text(w->story, 6, nf_str(fs->head));
	bind_text(w->story, 7, nf_str(fs->source));
	bind_text(w->story, 8, fs->caption);
	if (stmt_run(s, w->story, err) != NF_OK) {
		return NF_ERR_DB;
	}
	for (k = 0; k < fs->n; k++) {
		sqlite3_reset(w->member);
		sqlite3_bind_int64(w->member, 1, (int64_t)place);
		sqlite3_bind_int64(w->member, 2, (int64_t)k);
		sqlite3_bind_int64(w->member, 3, fs->copies[k]->rowid);
		bind_date(w->member, 4, fs->copies[k]->published);
		bind_text(w->member, 5, fs->copies[k]->link);
		bind_text(w->member, 6, nf_str(fs->heads[k]));
		bind_text(w->member, 7, nf_str(fs->sources[k]));
		if (stmt_run(s, w->member, err) != NF_OK) {
			return NF_ERR_DB;
		}
	}
	return NF_OK;
}

/* One transaction: the old fold goes, the new one and its generation
 * and signature come in together, so a reader sees one or the other. */
enum nf_status
store_fold_save(struct store *s, const char *signature, int64_t gen,
                store_fold_next next, void *ctx, struct nf_error *err)
{
	struct fold_writer w = { NULL, NULL };
	struct store_fold_story fs;
	sqlite3_stmt *state = NULL;
	enum nf_status status;
	size_t place = 0;
	int rc;

	if ((status = tx_begin(s, err)) != NF_OK) {
		return status;
	}
	/* The members come in page order, their items at random: the
	 * index by item (migration 8's, the same) is made again after
	 * them in one sorted pass rather than kept up row by row. */
	if ((status = exec_sql(s, "DROP INDEX story_members_item;"
	                       " DELETE FROM story_members;"
	                       " DELETE FROM stories;", err)) != NF_OK) {
		goto out;
	}
	if (sqlite3_prepare_v2(s->db, "INSERT INTO stories (place, lead, members,"
	                       " outlets, newest, head, source, caption) VALUES"
	                       " (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", -1, &w.story,
	                       NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(s->db, "INSERT INTO story_members (story, place,"
	                       " item, published, link, head, source) VALUES"
	                       " (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
	                       -1, &w.member, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(s->db, "UPDATE fold_state SET folded_gen = ?1,"
	                       " signature = ?2 WHERE id = 1", -1, &state,
	                       NULL) != SQLITE_OK) {
		status = db_error(s, err, "cannot store the fold");
		goto out;
	}
	while ((rc = next(ctx, &fs)) > 0) {
		if ((status = fold_write_story(s, &w, place++, &fs, err)) != NF_OK) {
			goto out;
		}
	}
	if (rc < 0) {
		status = nf_error_set(err, NF_ERR_NOMEM, "out of memory");
		goto out;
	}
	sqlite3_bind_int64(state, 1, gen);
	bind_text(state, 2, signature);
	if ((status = stmt_run(s, state, err)) == NF_OK &&
	    (status = exec_sql(s, "CREATE INDEX story_members_item ON"
	                       " story_members (item)", err)) == NF_OK) {
		status = tx_commit(s, err);
	}
out:
	if (status != NF_OK) {
		tx_rollback(s);
	}
	sqlite3_finalize(w.story);
	sqlite3_finalize(w.member);
	sqlite3_finalize(state);
	return status;
}

/* The walk reads the two tables side by side, each in its own key's
 * order (no sort, no lookup of a story's members by key): the story
 * lines, and the member lines, which follow them story by story. */

/* Columns of the story lines below, in order. */
enum fold_story_col {
	FS_PLACE, FS_MEMBERS, FS_OUTLETS, FS_NEWEST, FS_HEAD, FS_SOURCE,
	FS_CAPTION, FS_UNREAD
};

/* A story line knows whether any copy is unread (?4). */
#define FOLD_WALK_STORIES_SQL \
	"SELECT place, members, outlets, newest, head, source, caption," \
	" CASE WHEN ?4 THEN EXISTS (SELECT 1 FROM story_members u JOIN" \
	" items r ON r.id = u.item WHERE u.story = s.place AND r.read = 0) END" \
	" FROM stories s WHERE place >= ?1 AND place < ?2 ORDER BY place"

/* Columns of the member lines below, in order. */
enum fold_member_col {
	FM_STORY, FM_PLACE, FM_ITEM, FM_PUBLISHED, FM_HEAD, FM_SOURCE, FM_LINK,
	FM_TEXT, FM_READ
};

/* The lead story's lead copy carries its text as a page prints it (the
 * summary, else the start of the content: two lines at most are shown).
 * Read state (?4) is the items'. Nothing else reads an item. */
#define FOLD_WALK_MEMBERS_SQL \
	"SELECT story, place, item, published, head, source, link," \
	" CASE WHEN story = 0 AND place = 0 THEN (SELECT" \
	" COALESCE(i.summary, substr(i.content, 1, 4000)) FROM items i" \
	" WHERE i.id = m.item) END," \
	" CASE WHEN ?4 THEN (SELECT i.read FROM items i WHERE i.id = m.item)" \
	" END" \
	" FROM story_members m WHERE story >= ?1 AND story < ?2 AND" \
	" (?3 OR place = 0) ORDER BY story, place"

static const char *
column_text(sqlite3_stmt *st, int col)
{
	return (const char *)sqlite3_column_text(st, col);
}

static void
fold_row_story(sqlite3_stmt *st, struct store_fold_row *r)
{
	r->place = (size_t)sqlite3_column_int64(st, FS_PLACE);
	r->members = (size_t)sqlite3_column_int64(st, FS_MEMBERS);
	r->outlets = (size_t)sqlite3_column_int64(st, FS_OUTLETS);
	r->newest = column_date(st, FS_NEWEST);
	r->head = column_text(st, FS_HEAD);
	r->source = column_text(st, FS_SOURCE);
	r->caption = column_text(st, FS_CAPTION);
	r->story_unread = sqlite3_column_int(st, FS_UNREAD);
}

static void
fold_row_member(sqlite3_stmt *st, struct store_fold_row *r)
{
	r->member = (size_t)sqlite3_column_int64(st, FM_PLACE);
	r->rowid = sqlite3_column_int64(st, FM_ITEM);
	r->published = column_date(st, FM_PUBLISHED);
	r->copy_head = column_text(st, FM_HEAD);
	r->copy_source = column_text(st, FM_SOURCE);
	r->link = column_text(st, FM_LINK);
	r->text = column_text(st, FM_TEXT);
	r->read = sqlite3_column_int(st, FM_READ);
	r->story_unread = r->member == 0 ? r->story_unread : 0;
}

/* Binds the walk's range and flags to both statements. */
static void
fold_walk_bind(sqlite3_stmt *st, size_t from, size_t count, int what)
{
	sqlite3_bind_int64(st, 1, (int64_t)from);
	sqlite3_bind_int64(st, 2, count > (size_t)INT64_MAX - from ? INT64_MAX :
	                   (int64_t)(from + count));
	sqlite3_bind_int(st, 3, (what & STORE_FOLD_COPIES) != 0);
	sqlite3_bind_int(st, 4, (what & STORE_FOLD_READ) != 0);
}

/* Calls each for the member lines of the story line in *row (stories
 * without members give none, as members without a story). *rc is the
 * member statement's last step, its row not yet used when SQLITE_ROW.
 * Returns nonzero when each stopped the walk. */
static int
fold_walk_story(sqlite3_stmt *members, int *rc, struct store_fold_row *row,
                store_fold_each each, void *ctx)
{
	int64_t place = (int64_t)row->place, story;

	while (*rc == SQLITE_ROW &&
	       (story = sqlite3_column_int64(members, FM_STORY)) <= place) {
		if (story == place) {
			fold_row_member(members, row);
			if (each(ctx, row) != 0) {
				return 1;
			}
		}
		*rc = sqlite3_step(members);
	}
	return 0;
}

static enum nf_status
fold_walk_rows(struct store *s, size_t from, size_t count, int what,
               store_fold_each each, void *ctx, struct nf_error *err)
{
	sqlite3_stmt *stories = NULL, *members = NULL;
	struct store_fold_row row;
	enum nf_status status = NF_OK;
	int rc = SQLITE_DONE, mrc = SQLITE_DONE;

	if (sqlite3_prepare_v2(s->db, FOLD_WALK_STORIES_SQL, -1, &stories,
	                       NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(s->db, FOLD_WALK_MEMBERS_SQL, -1, &members,
	                       NULL) != SQLITE_OK) {
		status = db_error(s, err, "cannot read the stored fold");
		goto out;
	}
	fold_walk_bind(stories, from, count, what);
	fold_walk_bind(members, from, count, what);
	memset(&row, 0, sizeof(row));
	mrc = sqlite3_step(members);
	while (mrc == SQLITE_ROW && (rc = sqlite3_step(stories)) == SQLITE_ROW) {
		fold_row_story(stories, &row);
		if (fold_walk_story(members, &mrc, &row, each, ctx) != 0) {
			goto out;
		}
	}
	if ((rc != SQLITE_ROW && rc != SQLITE_DONE) ||
	    (mrc != SQLITE_ROW && mrc != SQLITE_DONE)) {
		status = db_error(s, err, "cannot read the stored fold");
	}
out:
	sqlite3_finalize(stories);
	sqlite3_finalize(members);
	return status;
}

/* One read transaction: the check and the rows see one snapshot, so a
 * refresh committing in between cannot mix two folds. */
enum nf_status
store_fold_walk(struct store *s, const char *signature, size_t from,
                size_t count, int what, store_fold_each each, void *ctx,
                int *current, struct nf_error *err)
{
	enum nf_status status;
	int64_t gen;

	*current = 0;
	if ((status = simple_run(s, ST_BEGIN_READ, err)) != NF_OK) {
		return status;
	}
	status = fold_state_read(s, signature, &gen, current, err);
	if (status == NF_OK && *current) {
		status = fold_walk_rows(s, from, count, what, each, ctx, err);
	}
	tx_rollback(s);
	return status;
}

/* store_fold_save() numbers the places from 0 without a gap, so the
 * last place tells the count from one step down the key, where count(*)
 * would read every page of the table. */
enum nf_status
store_fold_count(struct store *s, size_t *nstories, struct nf_error *err)
{
	int64_t n = 0;

	*nstories = 0;
	if (sql_int64(s, "SELECT COALESCE(max(place) + 1, 0) FROM stories",
	              &n) != SQLITE_OK) {
		return db_error(s, err, "cannot read the stored fold");
	}
	*nstories = (size_t)n;
	return NF_OK;
}

enum nf_status
store_feed_find(struct store *s, const char *url, int64_t *feed_id,
                struct nf_error *err)
{
	return feed_find(s, url, feed_id, err);
}

/* Appends one member to the arrays of store_fold_members(). */
static int
fold_members_add(int64_t story, int64_t rowid, int64_t **rowids, size_t *n,
                 size_t *cap, size_t **counts, size_t *nstories, size_t *scap)
{
	if (*n == *cap) {
		size_t grow = *cap ? *cap * 2 : 1024;
		int64_t *v = realloc(*rowids, grow * sizeof(*v));

		if (v == NULL) {
			return -1;
		}
		*rowids = v, *cap = grow;
	}
	if ((size_t)story >= *nstories) {
		if (*nstories == *scap) {
			size_t grow = *scap ? *scap * 2 : 1024;
			size_t *v = realloc(*counts, grow * sizeof(*v));

			if (v == NULL) {
				return -1;
			}
			*counts = v, *scap = grow;
		}
		(*counts)[(*nstories)++] = 0;
	}
	(*rowids)[(*n)++] = rowid;
	(*counts)[*nstories - 1]++;
	return 0;
}

/* Only the member table, in its own order: no join, no text. */
enum nf_status
store_fold_members(struct store *s, const char *signature, int64_t **rowids,
                   size_t *n, size_t **counts, size_t *nstories, int *current,
                   struct nf_error *err)
{
	sqlite3_stmt *st = NULL;
	enum nf_status status;
	size_t cap = 0, scap = 0;
	int64_t gen;
	int rc = SQLITE_DONE;

	*rowids = NULL, *counts = NULL, *n = *nstories = 0, *current = 0;
	if ((status = simple_run(s, ST_BEGIN_READ, err)) != NF_OK) {
		return status;
	}
	status = fold_state_read(s, signature, &gen, current, err);
	if (status == NF_OK && *current &&
	    sqlite3_prepare_v2(s->db, "SELECT story, item FROM story_members"
	                       " ORDER BY story, place", -1, &st, NULL) != SQLITE_OK) {
		status = db_error(s, err, "cannot read the stored fold");
	}
	while (status == NF_OK && st != NULL && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (fold_members_add(sqlite3_column_int64(st, 0),
		                     sqlite3_column_int64(st, 1), rowids, n, &cap,
		                     counts, nstories, &scap) != 0) {
			status = nf_error_set(err, NF_ERR_NOMEM, "out of memory");
		}
	}
	if (status == NF_OK && rc != SQLITE_DONE) {
		status = db_error(s, err, "cannot read the stored fold");
	}
	sqlite3_finalize(st);
	tx_rollback(s);
	if (status != NF_OK) {
		free(*rowids), free(*counts);
		*rowids = NULL, *counts = NULL, *n = *nstories = 0, *current = 0;
	}
	return status;
}

/* ---- the kept page for the screens, read a story at a time -------- */

/* Which stored stories have an unread copy, one byte per place: the
 * unread items come from their partial index (rowids only) into a bit
 * set, then the member table is read in its own order. No item row is
 * read. A new array in *out (free() it). */
static enum nf_status
fold_unread_places(struct store *s, unsigned char **out, size_t nstories,
                   struct nf_error *err)
{
	sqlite3_stmt *st = NULL;
	unsigned char *bits = NULL, *flags = calloc(nstories + 1, 1);
	int64_t max = 0;
	int rc = SQLITE_ERROR;

	*out = NULL;
	if (flags == NULL) {
		return nf_error_set(err, NF_ERR_NOMEM, "out of memory");
	}
	if (sqlite3_prepare_v2(s->db, "SELECT max(id) FROM items", -1, &st,
	                       NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW) {
		max = sqlite3_column_int64(st, 0);
		rc = SQLITE_DONE;
	}
	sqlite3_finalize(st);
	st = NULL;
	if (rc == SQLITE_DONE && (bits = calloc((size_t)max / 8 + 1, 1)) != NULL &&
	    sqlite3_prepare_v2(s->db, "SELECT id FROM items WHERE read = 0", -1,
	                       &st, NULL) == SQLITE_OK) {
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			int64_t id = sqlite3_column_int64(st, 0);

			bits[id / 8] |= (unsigned char)(1u << (id % 8));
		}
		sqlite3_finalize(st);
		st = NULL;
	}
	if (rc == SQLITE_DONE && bits != NULL &&
	    sqlite3_prepare_v2(s->db, "SELECT story, item FROM story_members",
	                       -1, &st, NULL) == SQLITE_OK) {
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			int64_t p = sqlite3_column_int64(st, 0);
			int64_t id = sqlite3_column_int64(st, 1);

			if (p >= 0 && (size_t)p < nstories && id > 0 && id <= max &&
			    (bits[id / 8] & (1u << (id % 8))) != 0) {
				flags[p] = 1;
			}
		}
	}
	sqlite3_finalize(st);
	free(bits);
	if (rc != SQLITE_DONE) {
		free(flags);
		return bits == NULL && rc == SQLITE_DONE ?
		       nf_error_set(err, NF_ERR_NOMEM, "out of memory") :
		       db_error(s, err, "cannot read the stored fold");
	}
	*out = flags;
	return NF_OK;
}

/* The story lines after the lead in order: ties keep the page's order,
 * reverse turns them around whole. The page's own order is the table's:
 * no sort. */
static const char *const fold_story_orders[2][3] = {
	{ "place", "newest IS NULL, newest DESC, place",
	  "outlets DESC, place" },
	{ "place DESC", "newest IS NULL DESC, newest, place DESC",
	  "outlets, place DESC" },
};

/* Which stories of the page have an unread copy: the flags of
 * fold_unread_places() (one pass over the store, for every line), or
 * NULL to ask each story's own copies (for a few lines). */
struct fold_unread {
	const unsigned char *flags;
	size_t nstories;
};

/* A story line's columns, the last only when flags is NULL. */
#define FOLD_LINE_SQL \
	"SELECT place, members, outlets, newest, head, source, caption, lead%s" \
	" FROM stories s WHERE %s ORDER BY %s LIMIT ?1"
#define FOLD_LINE_UNREAD_SQL \
	", EXISTS (SELECT 1 FROM story_members u JOIN items r ON" \
	" r.id = u.item WHERE u.story = s.place AND r.read = 0)"

static void
fold_line_fill(sqlite3_stmt *st, const struct fold_unread *u,
               struct store_fold_row *row)
{
	row->place = (size_t)sqlite3_column_int64(st, 0);
	row->members = (size_t)sqlite3_column_int64(st, 1);
	row->outlets = (size_t)sqlite3_column_int64(st, 2);
	row->newest = column_date(st, 3);
	row->head = column_text(st, 4);
	row->source = column_text(st, 5);
	row->caption = column_text(st, 6);
	row->rowid = sqlite3_column_int64(st, 7);
	row->story_unread = u->flags == NULL ? sqlite3_column_int(st, 8) :
	                    row->place < u->nstories && u->flags[row->place];
}

/* The lines of one statement, at most *left of them (counted down): the
 * lead story's (rest 0) or the others'; *stopped when each stopped the
 * walk. */
static enum nf_status
fold_story_lines(struct store *s, enum store_fold_order order, int reverse,
                 int rest, const struct fold_unread *u, size_t *left,
                 store_fold_each each, void *ctx, int *stopped,
                 struct nf_error *err)
{
	char sql[512];
	sqlite3_stmt *st = NULL;
	struct store_fold_row row;
	int rc;

	snprintf(sql, sizeof(sql), FOLD_LINE_SQL,
	         u->flags == NULL ? FOLD_LINE_UNREAD_SQL : "",
	         rest ? "place > 0" : "place = 0",
	         fold_story_orders[reverse != 0][order]);
	if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK) {
		return db_error(s, err, "cannot read the stored fold");
	}
	sqlite3_bind_int64(st, 1, *left > (size_t)INT64_MAX ? -1 : (int64_t)*left);
	memset(&row, 0, sizeof(row));
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		fold_line_fill(st, u, &row);
		(*left)--;
		if (each(ctx, &row) != 0) {
			break;
		}
	}
	sqlite3_finalize(st);
	*stopped = rc == SQLITE_ROW;
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? NF_OK :
	       db_error(s, err, "cannot read the stored fold");
}

/* The lead story first, then the rest in order, count lines at most. */
static enum nf_status
fold_story_rows(struct store *s, enum store_fold_order order, int reverse,
                const struct fold_unread *u, size_t count,
                store_fold_each each, void *ctx, struct nf_error *err)
{
	int stopped = 0;
	enum nf_status status = fold_story_lines(s, order, reverse, 0, u, &count,
	                                         each, ctx, &stopped, err);

	if (status == NF_OK && !stopped && count > 0) {
		status = fold_story_lines(s, order, reverse, 1, u, &count, each,
		                          ctx, &stopped, err);
	}
	return status;
}

enum nf_status
store_fold_stories(struct store *s, const char *signature,
                   enum store_fold_order order, int reverse,
                   store_fold_each each, void *ctx, int *current,
                   struct nf_error *err)
{
	unsigned char *unread = NULL;
	struct fold_unread u = { NULL, 0 };
	enum nf_status status;
	int64_t gen;

	*current = 0;
	if ((status = simple_run(s, ST_BEGIN_READ, err)) != NF_OK) {
		return status;
	}
	status = fold_state_read(s, signature, &gen, current, err);
	if (status == NF_OK && *current) {
		status = store_fold_count(s, &u.nstories, err);
	}
	if (status == NF_OK && *current) {
		status = fold_unread_places(s, &unread, u.nstories, err);
		u.flags = unread;
	}
	if (status == NF_OK && *current) {
		status = fold_story_rows(s, order, reverse, &u, SIZE_MAX, each, ctx,
		                         err);
	}
	free(unread);
	tx_rollback(s);
	return status;
}

/* A few lines: each story's unread state from its own copies, and the
 * order's first lines from a sort that keeps only them (the page's own
 * order from its key, no sort). */
enum nf_status
store_fold_first(struct store *s, const char *signature,
                 enum store_fold_order order, int reverse, size_t count,
                 store_fold_each each, void *ctx, int *current,
                 struct nf_error *err)
{
	struct fold_unread u = { NULL, 0 };
	enum nf_status status;
	int64_t gen;

	*current = 0;
	if ((status = simple_run(s, ST_BEGIN_READ, err)) != NF_OK) {
		return status;
	}
	status = fold_state_read(s, signature, &gen, current, err);
	if (status == NF_OK && *current && count > 0) {
		status = fold_story_rows(s, order, reverse, &u, count, each, ctx, err);
	}
	tx_rollback(s);
	return status;
}

enum nf_status
store_fold_story_rowids(struct store *s, size_t place, int64_t **rowids,
                        size_t *n, struct nf_error *err)
{
	sqlite3_stmt *st = NULL;
	struct idvec ids = { 0 };
	int rc;

	*rowids = NULL, *n = 0;
	if (sqlite3_prepare_v2(s->db, "SELECT item FROM story_members WHERE"
	                       " story = ?1 ORDER BY place", -1, &st,
	                       NULL) != SQLITE_OK) {
		return db_error(s, err, "cannot read the stored fold");
	}
	sqlite3_bind_int64(st, 1, (int64_t)place);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (idvec_add(&ids, sqlite3_column_int64(st, 0)) != 0) {
			sqlite3_finalize(st);
			free(ids.v);
			return nf_error_set(err, NF_ERR_NOMEM, "out of memory");
		}
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		free(ids.v);
		return db_error(s, err, "cannot read the stored fold");
	}
	*rowids = ids.v, *n = ids.n;
	return NF_OK;
}

enum nf_status
store_fold_place_of(struct store *s, int64_t rowid, size_t *place, int *found,
                    struct nf_error *err)
{
	sqlite3_stmt *st = NULL;
	int rc;

	*found = 0;
	if (sqlite3_prepare_v2(s->db, "SELECT story FROM story_members WHERE"
	                       " item = ?1 LIMIT 1", -1, &st, NULL) != SQLITE_OK) {
		return db_error(s, err, "cannot read the stored fold");
	}
	sqlite3_bind_int64(st, 1, rowid);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*place = (size_t)sqlite3_column_int64(st, 0);
		*found = 1;
	}
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? NF_OK :
	       db_error(s, err, "cannot read the stored fold");
}

/* needle as a LIKE pattern that matches it anywhere, literally. */
static char *
like_pattern(const char *needle)
{
	size_t len = strlen(needle);
	char *p = malloc(2 * len + 3), *q = p;

	if (p == NULL) {
		return NULL;
	}
	*q++ = '%';
	for (; *needle != '\0'; needle++) {
		if (*needle == '%' || *needle == '_' || *needle == '\\') {
			*q++ = '\\';
		}
		*q++ = *needle;
	}
	*q++ = '%';
	*q = '\0';
	return p;
}

/* LIKE is as blind to case as strcasestr() (ASCII letters only). */
enum nf_status
store_fold_matching(struct store *s, const char *needle, int64_t **places,
                    size_t *n, struct nf_error *err)
{
	sqlite3_stmt *st = NULL;
	struct idvec ids = { 0 };
	char *pattern = like_pattern(needle);
	int rc = SQLITE_ERROR;

	*places = NULL, *n = 0;
	if (pattern == NULL) {
		return nf_error_set(err, NF_ERR_NOMEM, "out of memory");
	}
	if (sqlite3_prepare_v2(s->db, "SELECT DISTINCT m.story FROM story_members m"
	                       " JOIN items i ON i.id = m.item WHERE"
	                       " i.title LIKE ?1 ESCAPE '\\' OR"
	                       " m.source LIKE ?1 ESCAPE '\\' OR"
	                       " i.summary LIKE ?1 ESCAPE '\\'", -1, &st,
	                       NULL) == SQLITE_OK) {
		bind_text(st, 1, pattern);
		while ((rc = sqlite3_step(st)) == SQLITE_ROW &&
		       idvec_add(&ids, sqlite3_column_int64(st, 0)) == 0) {
		}
	}
	sqlite3_finalize(st);
	free(pattern);
	if (rc != SQLITE_DONE) {
		free(ids.v);
		return rc == SQLITE_ROW ? nf_error_set(err, NF_ERR_NOMEM, "out of memory") :
		       db_error(s, err, "cannot read the stored fold");
	}
	idvec_unique(&ids);
	*places = ids.v, *n = ids.n;
	return NF_OK;
}

enum nf_status
store_fold_unread_of(struct store *s, size_t place, int *unread,
                     struct nf_error *err)
{
	sqlite3_stmt *st = NULL;
	int rc = SQLITE_ERROR;

	*unread = 0;
	if (sqlite3_prepare_v2(s->db, "SELECT EXISTS (SELECT 1 FROM story_members m"
	                       " JOIN items i ON i.id = m.item WHERE m.story = ?1"
	                       " AND i.read = 0)", -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_int64(st, 1, (int64_t)place);
		if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			*unread = sqlite3_column_int(st, 0);
		}
	}
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? NF_OK : db_error(s, err, "cannot read the stored fold");
}

enum nf_status
store_fold_unread(struct store *s, unsigned char **unread, size_t *nstories,
                  struct nf_error *err)
{
	enum nf_status status;

	*unread = NULL;
	if ((status = simple_run(s, ST_BEGIN_READ, err)) != NF_OK) {
		return status;
	}
	status = store_fold_count(s, nstories, err);
	if (status == NF_OK) {
		status = fold_unread_places(s, unread, *nstories, err);
	}
	tx_rollback(s);
	return status;
}
