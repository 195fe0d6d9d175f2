#ifndef NF_TESTS_FOLDRNG_H
#define NF_TESTS_FOLDRNG_H

/*
 * The scale archive's random numbers: splitmix64, so that one seed gives
 * the same archive on every machine and every libc (rand() would not).
 * Header-only: the state is a plain uint64_t the caller owns.
 */

#include <stddef.h>
#include <stdint.h>

static inline uint64_t
foldrng_next(uint64_t *state)
{
	uint64_t z = (*state += 0x9E3779B97F4A7C15ULL);

	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
	return z ^ (z >> 31);
}

/* A number in [0, n); n > 0. The modulo bias is far below what matters
 * for a benchmark's proportions. */
static inline size_t
foldrng_below(uint64_t *state, size_t n)
{
	return (size_t)(foldrng_next(state) % n);
}

/* 1 with probability percent/100. */
static inline int
foldrng_chance(uint64_t *state, unsigned percent)
{
	return foldrng_below(state, 100) < percent;
}

/* A value mixed from a and b, for facts that must be the same wherever
 * they are drawn (the weather in one city on one day). */
static inline uint64_t
foldrng_mix(uint64_t a, uint64_t b)
{
	uint64_t s = a * 0x100000001B3ULL ^ b;

	return foldrng_next(&s);
}

#endif
