#include "autoconfig.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "src/title.h"
#include "tests/scale/foldarchive.h"

void
foldarchive_put(char *out, size_t cap, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(out, cap, fmt, ap);
	va_end(ap);
}

void
foldarchive_free_items(struct foldarchive_item *items, size_t n)
{
	for (size_t i = 0; items != NULL && i < n; i++) {
		struct foldarchive_item *it = &items[i];

		free(it->title), free(it->summary), free(it->link);
		free(it->guid), free(it->source);
	}
}

struct fold_entry *
foldarchive_entries(const struct foldarchive_item *items, size_t n)
{
	struct fold_entry *e = calloc(n ? n : 1, sizeof(*e));

	for (size_t i = 0; e != NULL && i < n; i++) {
		const struct foldarchive_item *it = &items[i];

		e[i].title = it->title;
		e[i].id = it->guid;
		e[i].link = it->link;
		e[i].summary = it->summary;
		e[i].source = it->source;
		e[i].time = it->time;
		e[i].text_len = strlen(it->summary);
	}
	return e;
}

struct foldscore_item *
foldarchive_truth(const struct foldarchive_item *items, size_t n)
{
	struct foldscore_item *t = malloc((n ? n : 1) * sizeof(*t));

	for (size_t i = 0; t != NULL && i < n; i++) {
		t[i].story = items[i].story;
		t[i].dontcare = items[i].dontcare;
		t[i].family = items[i].family;
		t[i].time = items[i].time;
	}
	return t;
}

void
foldarchive_show_pairs(const struct foldarchive_item *items, size_t n,
                       const struct fold_result *res, long show,
                       const char *(*family_name)(int family))
{
	uint32_t *of = malloc((n ? n : 1) * sizeof(*of));
	long wrong = 0, missed = 0;
	size_t s, i, j;

	for (s = 0; of != NULL && s < res->nstories; s++) {
		of[res->stories[s].lead] = (uint32_t)s;
		for (i = 0; i < res->stories[s].nsimilar; i++) {
			of[res->stories[s].similar[i]] = (uint32_t)s;
		}
	}
	for (i = 0; of != NULL && i < n; i++) {
		const struct foldarchive_item *x = &items[i];

		for (j = i + 1; j < n && items[j].time - x->time < 4 * 86400; j++) {
			const struct foldarchive_item *y = &items[j];
			int same = x->story == y->story, folded = of[i] == of[j];

			if (same == folded || (x->dontcare != 0 && x->dontcare == y->dontcare)) {
				continue;
			}
			if ((folded ? wrong : missed) < show) {
				printf("%s [%s]\n  %s | %.60s\n  %s | %.60s\n", folded ? "WRONG" : "MISSED",
				       family_name(x->family), x->title, x->summary, y->title, y->summary);
			}
			wrong += folded, missed += !folded;
		}
	}
	free(of);
}

enum nf_status
foldarchive_score(const struct foldarchive_item *items, size_t n,
                  size_t nfamilies, const char *(*family_name)(int family),
                  long show, struct foldscore *score, struct nf_error *err)
{
	struct fold_entry *e = foldarchive_entries(items, n);
	struct foldscore_item *truth = foldarchive_truth(items, n);
	struct fold_result res = { NULL, 0 };
	const char *names[FOLDSCORE_MAX_FAMILIES];
	enum nf_status st;

	st = e == NULL || truth == NULL ? nf_error_set(err, NF_ERR_NOMEM, "out of memory") :
	     fold_stories(e, n, TITLE_DEFAULT_THRESHOLD, &res, err);
	if (st == NF_OK) {
		st = foldscore_run(truth, n, nfamilies, &res, score, err);
	}
	if (st == NF_OK) {
		for (size_t f = 0; f < nfamilies && f < FOLDSCORE_MAX_FAMILIES; f++) {
			names[f] = family_name((int)f);
		}
		foldscore_print(stdout, score, names);
		if (show > 0) {
			foldarchive_show_pairs(items, n, &res, show, family_name);
		}
	}
	fold_result_free(&res);
	free(truth);
	free(e);
	return st;
}
