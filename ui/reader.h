#ifndef NF_UI_READER_H
#define NF_UI_READER_H

#include "src/cli.h"

/* The interactive reader (curses). Returns the exit status. */
int reader_main(const struct nf_args *args);

#endif
