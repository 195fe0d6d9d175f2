#ifndef NF_RELMERGE_H
#define NF_RELMERGE_H

/*
 * Near-duplicate Similar News entries become copies of the first of
 * them: a list of tens of thousands of entries costs time near linear in
 * its length (each entry is compared with the few kept entries sharing a
 * shingle of its normalised title).
 */

#include <stddef.h>

#include "src/item.h"

/* Folds v[0..*n) at threshold (title_similar()'s): an entry similar to
 * an earlier kept one moves into that one's copies, in order (a copy
 * that runs on from its entry's whole CJK title is cut back to it); the
 * kept entries close up in order and *n becomes their number. Returns 0,
 * or -1 when out of memory, when the entries not yet folded are cleared
 * and *n counts only those kept so far (each still to be cleared by the
 * caller). */
int relmerge_copies(struct nf_related *v, size_t *n, double threshold);

#endif
