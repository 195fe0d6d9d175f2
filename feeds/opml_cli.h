#ifndef NF_FEEDS_OPML_CLI_H
#define NF_FEEDS_OPML_CLI_H

#include "src/cli.h"

/* newsfold --import-opml FILE / --export-opml. Return the exit status. */
int opml_import_main(const struct nf_args *args);
int opml_export_main(const struct nf_args *args);

#endif
