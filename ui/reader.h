#ifndef NF_UI_READER_H
#define NF_UI_READER_H

#include "src/error.h"

/* The interactive reader (curses) on the dotfile at config_path and the
 * database at db_path (either NULL: found as SPEC says). Ended by SIGINT
 * or SIGTERM, it restores the terminal and returns NF_ERR_SIGNAL with the
 * signal's number in decimal as err->msg. */
enum nf_status reader_run(const char *config_path, const char *db_path,
                          struct nf_error *err);

#endif
