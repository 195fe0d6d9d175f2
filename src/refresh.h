#ifndef NF_SRC_REFRESH_H
#define NF_SRC_REFRESH_H

#include "src/cli.h"

/* newsfold --refresh: fetch every configured feed into the store. Returns the exit status. */
int refresh_main(const struct nf_args *args);

#endif
