#include "config.h"

#include <stdio.h>

#include "ui/reader.h"

int
reader_main(const struct nf_args *args)
{
	(void)args;
	fprintf(stderr, "newsfold: the reader is not available yet\n");
	return 2;
}
