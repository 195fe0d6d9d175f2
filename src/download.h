#ifndef NF_SRC_DOWNLOAD_H
#define NF_SRC_DOWNLOAD_H

/*
 * An enclosure (a podcast episode, a video) downloaded into a folder,
 * on a thread of its own so that the reader's loop never waits for it.
 *
 * The file is written as NAME.part and becomes NAME when it is whole. A
 * NAME.part left by a download that was cut (a lost connection, a quit)
 * is continued with "Range: bytes=SIZE-"; a server that answers with the
 * whole file (200) instead has the part started again from its first
 * byte. A file that is or grows past max_size stops the download, with
 * "too large (over 100 MiB)", and its part is removed. A finished file
 * is never replaced: the next name is "NAME (1).EXT", "NAME (2).EXT"...,
 * and so is a part another download is writing (it holds a lock on it).
 * The part is synced to disk before it is renamed.
 *
 * The name comes from the URL's last path segment, percent-decoded and
 * made safe (download_file_name()). Only src/fetch.h touches the network.
 */

#include <stddef.h>

#include "src/error.h"

struct download_options {
	const char *url;	/* http(s) only */
	const char *dir;	/* created when missing */
	size_t max_size;	/* the whole file's ceiling, in bytes */
	long timeout_ms;	/* to connect, and the longest stall */
	/* Called on the download's thread when there is news (progress
	 * about every tenth of a second, the end); may be NULL. */
	void (*wake)(void *ctx);
	void *wake_ctx;
};

/* Where a download stands. */
struct download_progress {
	long long have;		/* bytes in the file so far */
	long long total;	/* the whole file's size; -1 unknown */
	int done;		/* it ended: status and msg say how */
	enum nf_status status;
	char name[256];		/* the file's name, once chosen, else "" */
	char msg[1024];		/* done: the finished file's path, or why
				 * it failed ("HTTP 404", "too large (over
				 * 100 MiB)", "PATH: cannot write: REASON") */
};

struct download;

/* Starts downloading on a new thread; options are copied. Returns the
 * download (free it with download_free()), or NULL with err set when
 * no thread could start. */
struct download *download_start(const struct download_options *o,
                                 struct nf_error *err);

/* Copies where d stands into *out (safe while it runs). */
void download_get(struct download *d, struct download_progress *out);

/* Stops d if it still runs (its part stays, to be continued) and
 * frees it. NULL is a no-op. */
void download_free(struct download *d);

/* The same download on the calling thread, blocking: *out says how it
 * ended (out->status; NF_OK when the file is whole at out->msg). */
void download_run(const struct download_options *o,
                  struct download_progress *out);

/* A safe file name from url's last path segment, percent-decoded: '/',
 * '\', control characters (C0, C1, DEL), bidi controls and bytes that
 * are no UTF-8 become '_', and so do a leading '.' or '-'; cut to fit
 * (at most 200 bytes, the extension kept); "download" when empty. out
 * is at least 16 bytes. */
void download_file_name(const char *url, char *out, size_t size);

#endif
