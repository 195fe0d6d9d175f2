#ifndef NF_DIGEST_H
#define NF_DIGEST_H

/*
 * Keys that folding only compares for equality (GUIDs, links), kept
 * short: a key of up to DIGEST_RAW_MAX bytes stays as it is, a longer one
 * (or one that starts like a digest) becomes DIGEST_LEN bytes, a mark
 * (which tells a key with a URI scheme, digest_uri()) and 126 bits of two
 * murmur3-mixed lanes in base64url. Two kept keys are
 * equal exactly when the keys are, but for a collision (about 2^-126 a
 * pair). --dump and the refold keep a feed's keys this way.
 */

#include <stddef.h>

#define DIGEST_RAW_MAX 22
#define DIGEST_LEN 22

/* Whether the key s of n bytes is kept as it is. */
int digest_keeps_raw(const char *s, size_t n);

/* The form of the key s (n bytes) to keep: s itself, or its digest
 * written to scratch; *len is set to the form's length. */
const char *digest_form(const char *s, size_t n, char scratch[DIGEST_LEN],
                        size_t *len);

/* Whether the key s, or the key whose kept form s is, opens with a URI
 * scheme ("https:", "urn:", "tag:"): a GUID that names its item in
 * every feed, where "100241" is only its own feed's. */
int digest_uri(const char *s);

/* Writes the digest of the key s (n bytes) to out: DIGEST_LEN bytes, no
 * terminating NUL. */
void digest_key(const char *s, size_t n, char out[DIGEST_LEN]);

#endif
