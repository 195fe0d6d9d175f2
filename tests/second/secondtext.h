#ifndef NF_TESTS_SECONDTEXT_H
#define NF_TESTS_SECONDTEXT_H

/*
 * The second archive's templates: one story's title, the other title an
 * outlet may give it (another score-line form, "B: A" for "A, says B"),
 * its summary, and what makes it one event (two stories with the same
 * identity would be one story, so the generator draws again).
 */

#include <stddef.h>
#include <stdint.h>

enum secondtext_lang { ST_EN, ST_JA, ST_DE, ST_ES, ST_KO, ST_NLANGS };

#define ST_TITLE_MAX 400
#define ST_SUMMARY_MAX 900

struct secondtext_story {
	char title[ST_TITLE_MAX];
	char alt[ST_TITLE_MAX];		/* "" when the template has no other form */
	char preview[ST_TITLE_MAX];	/* a match's preview title, else "" */
	char summary[ST_SUMMARY_MAX];
	char preview_summary[ST_SUMMARY_MAX];
	char identity[160];
};

/* Writes a story of family (enum secondgen_family) in lang on day (0..27
 * from a Monday) drawn from *rng. Returns 0 when the language has no
 * such template. */
int secondtext_story(int family, int lang, int day, uint64_t *rng,
                     struct secondtext_story *out);

/* Whether lang runs family at all. */
int secondtext_has(int family, int lang);

/* A word of title an outlet may swap for its own ("rises" for "climbs"),
 * written into out (ST_TITLE_MAX); returns 0 when none is known. */
int secondtext_swap_word(const char *title, int lang, uint64_t *rng, char *out);

#endif
