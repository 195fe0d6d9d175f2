#ifndef NF_PATH_H
#define NF_PATH_H

/*
 * Files on disk that newsfold writes: the database and the dotfile.
 */

#include "src/error.h"

/* Creates the missing folders above path, as mkdir -p of its dirname
 * would, each 0700 (a reader's database and dotfile are private).
 * Errors name the folder: "DIR: cannot create: REASON" (NF_ERR_IO). */
enum nf_status path_make_parents(const char *path, struct nf_error *err);

#endif
