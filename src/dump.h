#ifndef NF_SRC_DUMP_H
#define NF_SRC_DUMP_H

#include "src/cli.h"

/* newsfold --dump SOURCE: one feed as JSON on stdout. Every failure is
 * about SOURCE: err holds the reason. */
enum nf_status dump_run(const struct nf_args *args, struct nf_error *err);

#endif
