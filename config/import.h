#ifndef NF_CONFIG_IMPORT_H
#define NF_CONFIG_IMPORT_H

/*
 * The dotfile's side of OPML: an OPML list imported as dotfile lines,
 * and the dotfile's feeds as an OPML list to export. feeds/opml.h reads
 * and writes the documents.
 */

#include <stddef.h>

#include "config/config.h"
#include "feeds/opml.h"
#include "src/error.h"

/* Appends to the dotfile at path a "feed URL "TITLE" TAG..." line for
 * each feed of list that it does not list yet, under a comment naming
 * origin, keeping every byte already there. A path that is a symbolic
 * link stays one: the file it leads to is replaced (a link that leads
 * nowhere is NF_ERR_CONFIG, "PATH: broken symbolic link: REASON"). The
 * write holds an advisory lock (flock) on that file's folder, re-reads
 * the file under it, removes temporary files that killed writers left,
 * and goes through a temporary file in the same folder, fsync and
 * rename, so concurrent imports all land and a crash leaves the old
 * file or the new one. Creates the file (and its folders) when it does
 * not exist. *added is the number of feeds written. A dotfile with an
 * error is left alone (NF_ERR_CONFIG, "FILE:LINE: what is wrong"). */
enum nf_status config_import_opml(const char *path, const struct opml_list *list,
                                  const char *origin, size_t *added,
                                  struct nf_error *err);

/* Appends text (whole dotfile lines, each ending in \n) to the dotfile
 * at path under a comment naming origin, the same way as
 * config_import_opml(): every byte already there kept, a temporary file,
 * fsync and rename; the file and its folders made when missing. */
enum nf_status config_import_lines(const char *path, const char *text,
                                   const char *origin, struct nf_error *err);
/* Appends one "feed URL" line the same way (a feed the dotfile lists
 * already is not added: *added 0). */
enum nf_status config_add_feed(const char *path, const char *url,
                               const char *origin, size_t *added,
                               struct nf_error *err);

/* Fills out with the feeds of cfg, in dotfile order, titles and tags as
 * the dotfile gives them. Free out with opml_list_free(), also after
 * failure. */
enum nf_status config_export_opml(const struct config *cfg,
                                  struct opml_list *out, struct nf_error *err);

#endif
