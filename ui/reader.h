#ifndef NF_UI_READER_H
#define NF_UI_READER_H

#include "src/cli.h"

/* The interactive reader (curses). Ended by SIGINT or SIGTERM, it
 * restores the terminal and returns NF_ERR_SIGNAL (src/cli.h). */
enum nf_status reader_run(const struct nf_args *args, struct nf_error *err);

#endif
