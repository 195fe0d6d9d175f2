#include "config.h"

#include <stdio.h>

#include "src/refresh.h"

int
refresh_main(const struct nf_args *args)
{
	(void)args;
	fprintf(stderr, "newsfold: --refresh is not available yet\n");
	return 2;
}
