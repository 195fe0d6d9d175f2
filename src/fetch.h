#ifndef NF_SRC_FETCH_H
#define NF_SRC_FETCH_H

/*
 * HTTP(S) fetching over libcurl. Fetch hands bytes and a charset to its
 * caller and never parses: the caller pushes them into feed_parse() or
 * the article reducer.
 *
 * Two ways in:
 *  - fetch_url_stream(): one URL, blocking, body streamed in chunks
 *    (a SOURCE of --dump and --headlines, through src/source.h).
 *  - struct fetch_multi: many URLs over one curl multi handle, at most
 *    max_parallel at once, driven by the caller's own loop, so that the
 *    reader's screen never freezes (--refresh, the reader's r / R).
 *
 * Every transfer: http and https only, for the start URL and for every
 * redirect (a remote feed can never redirect to file://); redirects are
 * followed (at most 10), but never from the address the first request
 * went over into a more local kind: a redirect may go to a public address
 * from anywhere, to a private (10/8, 172.16/12, 192.168/16, 100.64/10,
 * fc00::/7), link-local (169.254/16, fe80::/10) or loopback address only
 * from an address of the same kind or from loopback; a refused address
 * is never connected to, nor sent a request over a reused connection.
 * (Through a proxy every address is the proxy's, and the proxy decides.)
 * "Accept-Encoding: gzip, deflate", inflated here: a compressed body cut
 * short fails, and the size ceiling is counted on the decompressed body.
 * Connect and whole transfer timeouts; "User-Agent: newsfold/VERSION";
 * proxies from the usual environment variables (http_proxy, https_proxy,
 * no_proxy), as libcurl does by default; no signals (CURLOPT_NOSIGNAL).
 * A whole 2xx response only: a 206 (asked for a range only by
 * fetch_url_resume()) fails, and
 * a 304 counts only as the answer to a request that carried validators.
 *
 * file:// URLs are never fetched here: a feed the user listed as file://
 * is read from disk by the caller (url_file_path() gives the path).
 *
 * Human reasons, as the status line and --refresh print them:
 * "could not resolve host X", "connection refused", "timeout after 30 s",
 * "HTTP 404", "too large (over 16 MiB)",
 * "redirect to a non-http URL refused", "redirect to a loopback address
 * refused" (or link-local, private), "malformed HTTP response",
 * "response header too large", "truncated compressed body",
 * "corrupt compressed body", "unsupported content encoding",
 * "HTTP 206 Partial Content to a request without a range",
 * "304 Not Modified to a request without validators".
 */

#include <stddef.h>

#include "src/error.h"

/* Process-wide setup: calls curl_global_init() once. Call it from main
 * (or a test's setup) before any other fetch function, while only one
 * thread runs. fetch_global_cleanup() undoes it at exit. */
enum nf_status fetch_global_init(struct nf_error *err);
void fetch_global_cleanup(void);

/* 0 in a field = the default: 10 s to connect, 30 s for the whole
 * transfer, 16 MiB of decompressed body. */
struct fetch_limits {
	long connect_timeout_ms;
	long timeout_ms;
	size_t max_size;
};

/* Receives body bytes as they arrive (decompressed); nonzero stops the
 * transfer (fetch_url_stream then returns NF_OK with what was read). */
typedef int (*fetch_chunk_fn)(void *ctx, const char *data, size_t len);

/* What a streamed response's headers said, for the body that follows.
 * The strings belong to the fetcher and last only for the call. */
struct fetch_head {
	const char *content_type;	/* Content-Type value, or NULL */
	const char *content_location;	/* Content-Location value as sent
					 * (maybe relative), or NULL */
	const char *effective_url;	/* after redirects, or NULL */
	long status;		/* the HTTP status */
	long long range_start;	/* where the body starts in the whole
				 * resource: 0 but on a 206, where it is
				 * Content-Range's first byte (-1 when it
				 * sent none that reads) */
	long long total;	/* the whole resource's size, -1 unknown */
};

/* Told the response's headers once, just before the first body byte, so
 * that a reader knows the HTTP charset and where the body is without
 * holding it back; nonzero stops the transfer as on_chunk does. Not
 * called for an empty body. */
typedef int (*fetch_type_fn)(void *ctx, const struct fetch_head *head);

/* Fetches one http(s) URL, blocking, streaming the body to on_chunk
 * (after on_type, which may be NULL). limits NULL = defaults. On NF_OK
 * (HTTP 2xx) *content_type is a new
 * string ("text/xml; charset=utf-8") or NULL when the server sent none;
 * the caller frees it. On failure *content_type is NULL and err holds
 * one of the reasons above (NF_ERR_NET, NF_ERR_TOO_LARGE, NF_ERR_NOMEM). */
enum nf_status fetch_url_stream(const char *url,
                                const struct fetch_limits *limits,
                                fetch_type_fn on_type,
                                fetch_chunk_fn on_chunk, void *ctx,
                                char **content_type, struct nf_error *err);

/* Nonzero when a transfer should stop now (a cancelled download). */
typedef int (*fetch_cancel_fn)(void *ctx);

/* One URL fetched into a file, by src/download.h. */
struct fetch_resume {
	const char *url;
	long long from;		/* > 0: ask for the bytes from here on */
	struct fetch_limits limits;	/* timeout_ms: the longest stall */
	fetch_type_fn on_head;	/* told status and range (may be NULL) */
	fetch_chunk_fn on_chunk;	/* the body's bytes, as they come */
	fetch_cancel_fn is_cancelled;	/* polled; may be NULL */
	void *ctx;		/* for the three callbacks */
};

/*
 * Fetches one http(s) URL for a download, blocking: as fetch_url_stream()
 * (the same address and redirect rules, the same reasons), except that
 * with from > 0 it sends "Range: bytes=FROM-" and takes a 206 as the
 * answer (on_head says where the part starts, or a status 200 when the
 * server sent the whole again), nothing compressed is asked for, and
 * instead of a timeout on the whole transfer it fails after
 * limits.timeout_ms without a byte ("timeout after 30 s"). A cancelled
 * transfer fails as "cancelled". on_chunk or on_head returning nonzero
 * stops it with NF_OK: the caller knows why.
 */
enum nf_status fetch_url_resume(const struct fetch_resume *r,
                                struct nf_error *err);

/* Returns a new string with the charset named in a Content-Type value
 * ("text/xml; charset=\"UTF-8\"" -> "UTF-8"), or NULL when there is none
 * (or out of memory). The caller frees it. */
char *fetch_content_charset(const char *content_type);

/* Writes a size ceiling as people write it: "16 MiB", "64 KiB",
 * "1000 bytes" (the wording of the "too large" reason). */
void fetch_size_text(char *out, size_t n, size_t bytes);

/* The redirect policy on two numeric addresses (IPv4 or IPv6): may a
 * transfer that started at from_ip go on to to_ip? 1 yes, 0 refused, -1
 * when either is not an address. See "Every transfer" above. */
int fetch_redirect_allowed(const char *from_ip, const char *to_ip);

/* ---- Many transfers at once ---------------------------------------- */

enum fetch_outcome {
	FETCH_OK,		/* 2xx: body holds the new content */
	FETCH_UNCHANGED,	/* 304 to a conditional GET: no body (a 304
				 * to a request without validators fails) */
	FETCH_FAILED		/* err says why */
};

/* What to fetch. The strings are copied by fetch_multi_add(). */
struct fetch_request {
	const char *url;
	const char *etag;		/* stored ETag, or NULL */
	const char *last_modified;	/* stored Last-Modified, or NULL */
	void *user;			/* the caller's tag, handed back */
};

/* One finished transfer, handed to the done callback. Every pointer is
 * owned by the fetcher and freed when the callback returns, except that
 * the callback may take any of the char * members by copying the
 * pointer and setting the member to NULL; it then frees it with free(). */
struct fetch_result {
	const char *url;	/* as requested */
	void *user;		/* fetch_request.user */
	enum fetch_outcome outcome;
	struct nf_error err;	/* code NF_OK unless outcome is FETCH_FAILED */
	long http_status;	/* 0 when no response arrived */
	char *body;		/* FETCH_OK: NUL-terminated, len bytes; else NULL */
	size_t len;
	char *content_type;	/* Content-Type value, or NULL */
	char *charset;		/* its charset parameter, or NULL */
	char *effective_url;	/* after redirects, or NULL */
	char *content_location;	/* Content-Location value as sent (maybe
				 * relative to effective_url), or NULL */
	char *etag;		/* new ETag (or the stored one on 304), or NULL */
	char *last_modified;	/* likewise Last-Modified, or NULL */
};

typedef void (*fetch_done_fn)(void *ctx, struct fetch_result *result);

struct fetch_multi_options {
	int max_parallel;		/* transfers at once; 0 = 8 */
	struct fetch_limits limits;	/* per transfer */
};

struct fetch_multi;

/* Returns a new fetcher over one curl multi handle, or NULL with err
 * set; free with fetch_multi_free(). opts NULL = defaults. on_done is
 * called once per added request, from fetch_multi_step() only. */
struct fetch_multi *fetch_multi_new(const struct fetch_multi_options *opts,
                                    fetch_done_fn on_done, void *ctx,
                                    struct nf_error *err);

/* Queues a request; it starts as soon as fewer than max_parallel run.
 * A URL that is not http(s) is not refused here: it finishes as
 * FETCH_FAILED at the next step, like any other failure. */
enum nf_status fetch_multi_add(struct fetch_multi *m,
                               const struct fetch_request *req,
                               struct nf_error *err);

/* Requests queued or running, not yet reported. */
size_t fetch_multi_pending(const struct fetch_multi *m);

/* Extra descriptors for fetch_multi_wait(): events and revents use the
 * poll(2) bits POLLIN, POLLPRI, POLLOUT. */
struct fetch_waitfd {
	int fd;
	short events;
	short revents;
};

/*
 * The one blocking call of a UI loop turn: waits in curl_multi_poll()
 * until a transfer has work, one of the extra fds is ready (the reader
 * passes stdin and its self-pipe), fetch_multi_wakeup() is called, or
 * timeout_ms passes (-1 = only curl's own timeouts; curl caps the wait
 * at its next internal timeout anyway). revents of the extra fds are
 * filled. With nothing pending it still waits on the extra fds, so the
 * reader can always use it as its only wait.
 */
enum nf_status fetch_multi_wait(struct fetch_multi *m,
                                struct fetch_waitfd *extra, unsigned nextra,
                                int timeout_ms, struct nf_error *err);

/* Makes a fetch_multi_wait() in progress (or the next one) return at
 * once. Safe from another thread; not from a signal handler (a handler
 * writes to the self-pipe instead). */
void fetch_multi_wakeup(struct fetch_multi *m);

/* Does the work that is ready without blocking: starts queued requests,
 * moves data, and calls on_done for each finished transfer. The callback
 * may add new requests. Errors here are the multi handle's own
 * (NF_ERR_NOMEM, NF_ERR_NET); one feed's failure is its result. */
enum nf_status fetch_multi_step(struct fetch_multi *m, struct nf_error *err);

/* Waits and steps until nothing is pending (--refresh, tests). */
enum nf_status fetch_multi_run(struct fetch_multi *m, struct nf_error *err);

/* Aborts what is still running without calling on_done, and frees m.
 * NULL is a no-op. */
void fetch_multi_free(struct fetch_multi *m);

#endif
