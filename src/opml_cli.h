#ifndef NF_SRC_OPML_CLI_H
#define NF_SRC_OPML_CLI_H

#include "src/cli.h"

/* newsfold --import-opml FILE: adds the OPML's feeds to the dotfile. */
enum nf_status opml_import_run(const struct nf_args *args, struct nf_error *err);

/* newsfold --export-opml: prints the dotfile's feeds as OPML. */
enum nf_status opml_export_run(const struct nf_args *args, struct nf_error *err);

#endif
