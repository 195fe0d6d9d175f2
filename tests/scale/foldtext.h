#ifndef NF_TESTS_FOLDTEXT_H
#define NF_TESTS_FOLDTEXT_H

/*
 * The words of the scale archive: a title and a summary for one story of
 * a recurring template family, in English, Japanese or German, from
 * vocabularies of invented people, places, companies, clubs and shows.
 * Nothing here knows about outlets' copies or the truth; foldgen decides
 * which stories exist and who tells them.
 */

#include <stddef.h>
#include <stdint.h>

enum foldtext_lang { FOLDTEXT_EN, FOLDTEXT_JA, FOLDTEXT_DE, FOLDTEXT_NLANGS };

/* The template families; the scorer's per-template table uses these. */
enum foldtext_family {
	FOLDTEXT_NEWS,		/* ordinary news, titles unique as events are */
	FOLDTEXT_WEATHER,	/* per city and date, one per outlet */
	FOLDTEXT_MARKET,	/* an index's open, midday or close, with figures */
	FOLDTEXT_MATCHDAY,	/* "MATCHDAY A - B": a fixture's preview */
	FOLDTEXT_LIVESTREAM,	/* "LIVESTREAM A - B" */
	FOLDTEXT_REPORT,	/* a fixture's result */
	FOLDTEXT_PODCAST,	/* numbered episodes */
	FOLDTEXT_EARNINGS,	/* a company's quarter */
	FOLDTEXT_GENERIC,	/* "Breaking news", お知らせ: the summary is the story */
	FOLDTEXT_SERIES,	/* "Daily briefing, 3 December" */
	FOLDTEXT_NFAMILIES
};

#define FOLDTEXT_TITLE_MAX 320
#define FOLDTEXT_SUMMARY_MAX 900

struct foldtext_story {
	char title[FOLDTEXT_TITLE_MAX];
	char summary[FOLDTEXT_SUMMARY_MAX];
	uint64_t key;	/* the event told: two stories with one key would be
			 * one event (0: any number may exist) */
	int64_t at;	/* seconds after the day's start when it is told */
};

/* One match: the three fixture families tell it. */
struct foldtext_fixture {
	enum foldtext_lang lang;
	unsigned home, away;	/* team numbers (first teams, then reserves) */
	int64_t kickoff;
	unsigned home_goals, away_goals;
	uint64_t home_key, away_key;	/* a team plays once in three days */
};

/* Writes a new story of a family other than the fixture ones, told in
 * lang by outlet (its house style and, for weather and series, its own
 * slot) on the day that starts at day_start (UTC). */
void foldtext_write(enum foldtext_family family, enum foldtext_lang lang,
                    unsigned outlet, int64_t day_start, uint64_t *rng,
                    struct foldtext_story *out);

/* Draws a match on the day that starts at day_start. */
void foldtext_fixture_draw(enum foldtext_lang lang, int64_t day_start,
                           uint64_t *rng, struct foldtext_fixture *fx);

/* Writes the preview (FOLDTEXT_MATCHDAY), livestream notice or report of
 * fx as outlet tells it. */
void foldtext_fixture_write(enum foldtext_family family,
                            const struct foldtext_fixture *fx, unsigned outlet,
                            uint64_t *rng, struct foldtext_story *out);

/* Writes into out (cap bytes) a sentence an outlet adds of its own to a
 * story it retells in lang. */
void foldtext_aside(enum foldtext_lang lang, int64_t day_start, uint64_t *rng,
                    char *out, size_t cap);

/* Names for tables: "weather", "en"; never NULL. */
const char *foldtext_family_name(enum foldtext_family family);
const char *foldtext_lang_name(enum foldtext_lang lang);

#endif
