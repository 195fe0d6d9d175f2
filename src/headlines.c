#include "config.h"

#include <stdio.h>

#include "src/headlines.h"

int
headlines_main(const struct nf_args *args)
{
	(void)args;
	fprintf(stderr, "newsfold: --headlines is not available yet\n");
	return 2;
}
