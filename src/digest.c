#include <stdint.h>
#include <string.h>

#include "src/digest.h"
#include "src/url.h"

/* Marks a digest, so that a raw key can never equal one. */
#define DIGEST_MARK '\x01'
#define DIGEST_MARK_URI '\x02'	/* the digest of a key with a URI scheme */

/* murmur3's finaliser */
static uint64_t
digest_mix(uint64_t h)
{
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdULL;
	h ^= h >> 33;
	h *= 0xc4ceb9fe1a85ec53ULL;
	h ^= h >> 33;
	return h;
}

/* One 64-bit lane over each eight bytes of s, seeded apart. */
static uint64_t
digest_lane(const char *s, size_t n, uint64_t seed)
{
	uint64_t h = seed ^ (n * 0x9e3779b97f4a7c15ULL), w;
	size_t i;

	for (i = 0; i < n; i += 8) {
		w = 0;
		memcpy(&w, s + i, n - i < 8 ? n - i : 8);
		h = digest_mix(h ^ w) + 0x9e3779b97f4a7c15ULL;
	}
	return digest_mix(h);
}

int
digest_keeps_raw(const char *s, size_t n)
{
	return n <= DIGEST_RAW_MAX &&
	       (n == 0 || (s[0] != DIGEST_MARK && s[0] != DIGEST_MARK_URI));
}

int
digest_uri(const char *s)
{
	return s[0] == DIGEST_MARK_URI || url_scheme_length(s, strlen(s)) > 0;
}

void
digest_key(const char *s, size_t n, char out[DIGEST_LEN])
{
	static const char b64[] =
		"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
	uint64_t h[2];
	size_t i;

	h[0] = digest_lane(s, n, 0x6e657773666f6c64ULL);
	h[1] = digest_lane(s, n, 0x64756d706b657973ULL);
	out[0] = url_scheme_length(s, n) > 0 ? DIGEST_MARK_URI : DIGEST_MARK;
	/* six bits a character: 60 of each lane, then 4 + 2 of their tops */
	for (i = 0; i < 20; i++) {
		out[1 + i] = b64[(h[i / 10] >> (6 * (i % 10))) & 63];
	}
	out[DIGEST_LEN - 1] = b64[((h[0] >> 60) | (h[1] >> 60 << 4)) & 63];
}

const char *
digest_form(const char *s, size_t n, char scratch[DIGEST_LEN], size_t *len)
{
	if (digest_keeps_raw(s, n)) {
		*len = n;
		return s;
	}
	digest_key(s, n, scratch);
	*len = DIGEST_LEN;
	return scratch;
}
