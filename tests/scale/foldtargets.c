#include "autoconfig.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "tests/scale/foldtargets.h"

struct target_case {
	const struct foldscore *score;
	enum foldscore_target target;
};

static void
test_target(void **state)
{
	const struct target_case *c = *state;
	char msg[160];

	if (!foldscore_meets(c->score, c->target, msg, sizeof(msg))) {
		fail_msg("%s", msg);
	}
}

int
foldtargets_run(const char *group, const struct foldscore *score,
                int (*setup)(void **state))
{
	struct target_case cases[] = {
		{ score, FOLDSCORE_PRECISION }, { score, FOLDSCORE_RECALL },
		{ score, FOLDSCORE_SIZE }, { score, FOLDSCORE_SPAN },
	};
	const struct CMUnitTest tests[] = {
		{ "test_precision", test_target, NULL, NULL, &cases[0] },
		{ "test_recall", test_target, NULL, NULL, &cases[1] },
		{ "test_no_story_too_large", test_target, NULL, NULL, &cases[2] },
		{ "test_no_story_too_wide", test_target, NULL, NULL, &cases[3] },
	};

	return cmocka_run_group_tests_name(group, tests, setup, NULL);
}
