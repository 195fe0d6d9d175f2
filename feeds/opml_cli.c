#include "config.h"

#include <stdio.h>

#include "feeds/opml_cli.h"

int
opml_import_main(const struct nf_args *args)
{
	(void)args;
	fprintf(stderr, "newsfold: --import-opml is not available yet\n");
	return 2;
}

int
opml_export_main(const struct nf_args *args)
{
	(void)args;
	fprintf(stderr, "newsfold: --export-opml is not available yet\n");
	return 2;
}
