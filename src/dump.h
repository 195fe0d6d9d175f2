#ifndef NF_SRC_DUMP_H
#define NF_SRC_DUMP_H

#include "src/cli.h"

/* newsfold --dump SOURCE: one feed as JSON on stdout. Returns the exit status. */
int dump_main(const struct nf_args *args);

#endif
