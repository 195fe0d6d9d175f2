#ifndef NF_UI_NOTIFY_H
#define NF_UI_NOTIFY_H

/*
 * The dotfile's notify command, run after a reload that brought new
 * items: detached (its own session, /dev/null for its standard streams,
 * never waited for), from an argument vector, never through a shell.
 */

#include <stddef.h>

#include "config/config.h"

/* Starts cfg->notify_cmd with %n the number of new items and %f the
 * number of feeds they came from (both added at the end when neither is
 * written). Returns 0 when it was started or there is none, -1 when it
 * could not be. */
int notify_new_items(const struct config *cfg, size_t items, size_t feeds);

#endif
