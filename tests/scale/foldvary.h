#ifndef NF_TESTS_FOLDVARY_H
#define NF_TESTS_FOLDVARY_H

/*
 * How outlets vary a story they copy: the edits the scale archive applies
 * to a copy's title and summary. Pure functions of their inputs, so each
 * edit can be tested on its own; the generator picks which ones apply.
 */

#include <stddef.h>

enum foldvary_kind {
	FOLDVARY_UPPER,		/* ASCII and German umlauts to capitals */
	FOLDVARY_LOWER,
	FOLDVARY_TITLE_CASE,	/* each word's first letter a capital */
	FOLDVARY_FULL_WIDTH,	/* ASCII to full-width forms */
	FOLDVARY_HALF_WIDTH,	/* full-width ASCII, katakana, CJK marks to half-width */
	FOLDVARY_PUNCTUATION,	/* one change of stops, colons, commas, quotes */
	FOLDVARY_TAIL,		/* " - OUTLET" appended (arg: the outlet) */
	FOLDVARY_GLUE,		/* arg's first sentence glued on with no space */
	FOLDVARY_TRUNCATE,	/* cut at a word (or character) and "…" */
	FOLDVARY_SYNONYM,	/* one word swapped for a synonym */
	FOLDVARY_NKINDS
};

/* Writes text varied by kind into out (cap bytes, NUL-terminated). arg is
 * the outlet for FOLDVARY_TAIL and the summary for FOLDVARY_GLUE, else
 * unused. pick chooses where an edit applies (which word, where to cut).
 * Returns 0, or -1 when the edit would not change text or out is too
 * small (out is then unspecified). */
int foldvary_apply(enum foldvary_kind kind, const char *text, const char *arg,
                   unsigned pick, char *out, size_t cap);

/* The first sentence of text (through its ". " or "。") into out; the
 * whole text when it has one sentence. Returns 0, -1 when out is too
 * small. */
int foldvary_first_sentence(const char *text, char *out, size_t cap);

/* The kind's name for tables ("tail", "synonym"); never NULL. */
const char *foldvary_name(enum foldvary_kind kind);

#endif
