#ifndef NF_TESTS_THIRDTEXT_H
#define NF_TESTS_THIRDTEXT_H

/*
 * The third archive's templates: one story's title, a rewrite of it and
 * its summary, drawn from the family's tables with the caller's random
 * numbers (tests/scale/foldrng.h).
 */

#include <stdint.h>

#define TT_TITLE_MAX 320
#define TT_SUMMARY_MAX 640

enum thirdtext_lang { TT_EN, TT_FR, TT_IT, TT_ZH };

struct thirdtext {
	char title[TT_TITLE_MAX];
	char alt[TT_TITLE_MAX];	/* a wire rewrite or a quote-led title; "" if none */
	char summary[TT_SUMMARY_MAX];
	char place[48];		/* a dateline's city in capitals; "" if none */
	char key[TT_TITLE_MAX];	/* what no other story of three days may be
				 * about (one team pair, route, town, firm) */
	int lang;		/* enum thirdtext_lang */
};

/* Draws one story of family (enum thirdgen_family) on day (0-27) into
 * out. */
void thirdtext_story(int family, int day, uint64_t *r, struct thirdtext *out);

#endif
