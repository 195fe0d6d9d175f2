#ifndef NF_CLOCK_H
#define NF_CLOCK_H

/*
 * Time for deadlines and timers: a monotonic clock, which a change of
 * the wall clock never moves.
 */

#include <stdint.h>

/* Milliseconds of the monotonic clock (from an arbitrary start). */
int64_t clock_now_ms(void);

#endif
