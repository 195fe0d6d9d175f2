#ifndef NF_ERROR_H
#define NF_ERROR_H

/*
 * Status codes and the caller-owned error that every fallible function
 * fills. Only main.c turns a status into an exit code and prints
 * "SOURCE: reason".
 */

enum nf_status {
	NF_OK = 0,
	NF_ERR_USAGE,		/* bad command line */
	NF_ERR_CONFIG,		/* bad dotfile line */
	NF_ERR_IO,		/* a file could not be read or written */
	NF_ERR_PARSE,		/* input is not a feed we can read */
	NF_ERR_NET,		/* network: DNS, refused, timeout, HTTP status */
	NF_ERR_TOO_LARGE,	/* a size ceiling was passed */
	NF_ERR_DB,		/* the SQLite store */
	NF_ERR_NOMEM,
	NF_ERR_SIGNAL		/* ended by a signal; see src/cli.h */
};

struct nf_error {
	enum nf_status code;
	char msg[256];
};

/* Sets err (when not NULL) and returns code, so callers can write
 * `return nf_error_set(err, NF_ERR_IO, "cannot open: %s", ...);`. */
enum nf_status nf_error_set(struct nf_error *err, enum nf_status code,
                            const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Puts "what: " before err's message (cut to fit), so that it names what
 * failed: "SOURCE: reason". Returns err->code. */
enum nf_status nf_error_prefix(struct nf_error *err, const char *what);

/* Clears err to NF_OK and an empty message. */
void nf_error_clear(struct nf_error *err);

#endif
