#ifndef NF_TESTS_FOLDTARGETS_H
#define NF_TESTS_FOLDTARGETS_H

/*
 * The labelled archives' tests: each target of foldscore_meets() a
 * cmocka test of its own (test_precision, test_recall,
 * test_no_story_too_large, test_no_story_too_wide).
 */

#include "tests/scale/foldscore.h"

/* Runs the group named group: setup fills *score first (returns nonzero
 * when it cannot), then each target is checked against it. Returns what
 * cmocka's group run returns. */
int foldtargets_run(const char *group, const struct foldscore *score,
                    int (*setup)(void **state));

#endif
