#include "config.h"

#include <stdio.h>

#include "src/dump.h"

int
dump_main(const struct nf_args *args)
{
	(void)args;
	fprintf(stderr, "newsfold: --dump is not available yet\n");
	return 2;
}
