#ifndef NF_CLI_H
#define NF_CLI_H

/*
 * The contract between main.c and the command-line modes. main parses
 * the command line, runs one mode through its handler, then alone prints
 * the failure and picks the exit status (SPEC): NF_OK 0; NF_ERR_USAGE and
 * NF_ERR_CONFIG 2; any other status 1.
 *
 * A failed mode fills err, and main prints err->msg as one line:
 *   NF_ERR_CONFIG              as it is: "FILE:LINE: what is wrong" (SPEC)
 *   a mode about one SOURCE    "SOURCE: reason" (--dump; the mode table
 *                              in main.c says which modes these are)
 *   any other                  "newsfold: reason", where the reason
 *                              names the input it is about, if any
 *
 * Already reported: a mode that gave each input that failed a line of
 * its own (--refresh's report on stdout, --headlines' on stderr) returns
 * the failure with an empty err->msg, and main adds nothing.
 *
 * Ended by a signal: a mode that stops on SIGINT or SIGTERM restores the
 * terminal and returns NF_ERR_SIGNAL with the signal's number, in
 * decimal, as err->msg; main exits with 128 + that number, as a shell
 * reports a command a signal ended.
 */

#include "src/error.h"

struct nf_args {
	const char *config_path;	/* -c FILE, or NULL: search as SPEC says */
	const char *db_path;		/* -d DBFILE, or NULL: the XDG default */
	int nargs;			/* operands after the mode option */
	char **args;
	const char *tag;		/* --tag TAG, or NULL (modes that narrow) */
	const char *query;		/* --query TITLE, or NULL (likewise) */
};

/* Every mode's handler. The operand count has been checked by main. */
typedef enum nf_status cli_run_fn(const struct nf_args *args,
                                  struct nf_error *err);

/* Returns code with err's message empty: the failure is already reported. */
static inline enum nf_status
cli_reported(struct nf_error *err, enum nf_status code)
{
	err->code = code;
	err->msg[0] = '\0';
	return code;
}

#endif
