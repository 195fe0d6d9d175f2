#ifndef NF_SRC_HEADLINES_H
#define NF_SRC_HEADLINES_H

#include "src/cli.h"

/* newsfold --headlines [SOURCE...]: the folded front page as text. Returns the exit status. */
int headlines_main(const struct nf_args *args);

#endif
