#ifndef NF_SRC_COMMAND_H
#define NF_SRC_COMMAND_H

/*
 * A program as a source of bytes, for the dotfile's exec and filter
 * sources: run from an argument vector (execvp, never a shell), fed
 * bytes on its standard input, read from its standard output under the
 * same limits as a fetch (a timeout for the whole run, a ceiling on the
 * output). Its standard error goes to /dev/null: a program's chatter
 * never reaches the screen.
 */

#include <stdatomic.h>
#include <stddef.h>

#include "src/error.h"

/* Runs argv[0] with input (input_len bytes; NULL for /dev/null) on its
 * stdin and returns its stdout in *out (NUL-terminated; free() it) and
 * *len. It runs in a process group of its own; past timeout_ms, or past
 * max_size bytes of output, the whole group is killed (SIGKILL) and the
 * call fails: "timed out after 5s", "output too large (over 16 MiB)".
 * A program that cannot start fails as "cannot run PROGRAM", one that
 * exits non-zero as "PROGRAM exited with status N", one a signal ended
 * as "PROGRAM was killed by signal N" (NF_ERR_IO, NF_ERR_TOO_LARGE).
 * Blocks the calling thread for at most timeout_ms and a little more. */
enum nf_status command_run(char *const argv[], const char *input,
                           size_t input_len, long timeout_ms, size_t max_size,
                           char **out, size_t *len, struct nf_error *err);

/* command_run(), also ended as soon as *stop is nonzero (looked at every
 * tenth of a second): the group is killed and the call fails as
 * "cancelled". So a reader that quits never waits out a hanging
 * program's timeout. stop NULL = never. */
enum nf_status command_run_until(char *const argv[], const char *input,
                                 size_t input_len, long timeout_ms,
                                 size_t max_size, const atomic_int *stop,
                                 char **out, size_t *len,
                                 struct nf_error *err);

#endif
