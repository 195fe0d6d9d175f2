#include "autoconfig.h"

#include <arpa/inet.h>
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>

#include <curl/curl.h>
#include <zlib.h>

#include "src/buf.h"
#include "src/fetch.h"
#include "src/url.h"

#define DEFAULT_CONNECT_MS 10000L
#define DEFAULT_TIMEOUT_MS 30000L
#define DEFAULT_MAX_SIZE ((size_t)16 * 1024 * 1024)
#define DEFAULT_PARALLEL 8
#define MAX_REDIRECTS 10L
#define INFLATE_CHUNK 16384

/* Where an address leads, from the most to the least local. A redirect
 * may always lead to a public address; to any other kind only from a
 * start address of the same kind, or from loopback (the user's own
 * machine, where tests and local feed servers live). */
enum addr_kind {
	ADDR_LOOPBACK,
	ADDR_LINK_LOCAL,
	ADDR_PRIVATE,
	ADDR_PUBLIC,
	ADDR_UNKNOWN = -1
};

static const char *const addr_kind_names[] = {
	[ADDR_LOOPBACK] = "loopback",
	[ADDR_LINK_LOCAL] = "link-local",
	[ADDR_PRIVATE] = "private",
	[ADDR_PUBLIC] = "public",
};

/* How the body is encoded on the wire. */
enum body_coding {
	CODING_UNKNOWN,		/* no body byte seen yet */
	CODING_IDENTITY,
	CODING_ZLIB,		/* gzip or deflate, inflating */
	CODING_ENDED		/* the compressed stream ended cleanly */
};

/* One transfer, streamed (fetch_url_stream) or buffered (fetch_multi). */
struct transfer {
	CURL *easy;
	struct curl_slist *headers;
	struct fetch_limits limits;
	char errbuf[CURL_ERROR_SIZE];
	size_t received;	/* decompressed bytes so far */
	int too_large;
	int stopped;		/* on_chunk asked to stop, or an error status */
	fetch_type_fn on_type;	/* streamed only; NULL once told */
	fetch_chunk_fn on_chunk;	/* NULL: buffer into body */
	void *chunk_ctx;
	struct buf body;
	/* We inflate gzip and deflate ourselves: libcurl takes a compressed
	 * body cut short for a whole one. */
	enum body_coding coding;
	int gzip;		/* gzip, not deflate: members may follow */
	z_stream z;
	const char *body_error;	/* why the body was refused, or NULL */
	int conditional;	/* the request carried a validator */
	int ranged;		/* the request asked for a range: 206 is whole */
	fetch_cancel_fn is_cancelled;	/* fetch_url_resume(); NULL otherwise */
	int header_open;	/* in a response's header block */
	int responses;		/* status lines seen (redirects included) */
	enum addr_kind origin;	/* of the first address connected to */
	enum addr_kind refused;	/* an address the policy refused */
	/* multi only */
	char *url;
	char *etag_in;
	char *last_modified_in;
	void *user;
	struct nf_error early;	/* failed before starting */
	struct transfer *next;
};

struct fetch_multi {
	CURLM *multi;
	struct fetch_multi_options opts;
	fetch_done_fn on_done;
	void *ctx;
	struct transfer *queue;		/* not started yet, in order */
	struct transfer *queue_tail;
	struct transfer *failed;	/* finished before starting */
	struct transfer *running;
	size_t nrunning;
	size_t npending;
};

enum nf_status
fetch_global_init(struct nf_error *err)
{
	CURLcode rc;

	rc = curl_global_init(CURL_GLOBAL_DEFAULT);
	if (rc != CURLE_OK) {
		return nf_error_set(err, NF_ERR_NET, "libcurl: %s",
		                    curl_easy_strerror(rc));
	}
	return NF_OK;
}

void
fetch_global_cleanup(void)
{
	curl_global_cleanup();
}

static void
limits_resolve(struct fetch_limits *out, const struct fetch_limits *in)
{
	out->connect_timeout_ms = DEFAULT_CONNECT_MS;
	out->timeout_ms = DEFAULT_TIMEOUT_MS;
	out->max_size = DEFAULT_MAX_SIZE;
	if (in == NULL) {
		return;
	}
	if (in->connect_timeout_ms > 0) {
		out->connect_timeout_ms = in->connect_timeout_ms;
	}
	if (in->timeout_ms > 0) {
		out->timeout_ms = in->timeout_ms;
	}
	if (in->max_size > 0) {
		out->max_size = in->max_size;
	}
}

char *
fetch_content_charset(const char *content_type)
{
	const char *p, *end;
	char *out;
	size_t n;

	if (content_type == NULL) {
		return NULL;
	}
	for (p = strchr(content_type, ';'); p != NULL; p = strchr(p, ';')) {
		p++;
		while (*p == ' ' || *p == '\t') {
			p++;
		}
		if (strncasecmp(p, "charset=", 8) == 0) {
			break;
		}
	}
	if (p == NULL) {
		return NULL;
	}
	p += 8;
	if (*p == '"') {
		p++;
		end = strchr(p, '"');
	} else {
		end = p + strcspn(p, "; \t");
	}
	if (end == NULL || end == p) {
		return NULL;
	}
	n = (size_t)(end - p);
	out = malloc(n + 1);
	if (out != NULL) {
		memcpy(out, p, n);
		out[n] = '\0';
	}
	return out;
}

/* ---- One transfer --------------------------------------------------- */

/* Is the response one whose body we want? A 206 never is: we ask for no
 * range, so a part is not the feed. */
static int
status_is_success(const struct transfer *t)
{
	long code = 0;

	curl_easy_getinfo(t->easy, CURLINFO_RESPONSE_CODE, &code);
	return code >= 200 && code < 300 && (code != 206 || t->ranged);
}

/* Counts decompressed bytes, so the ceiling holds however well the body
 * compresses, and hands them on. Nonzero stops the transfer. */
static int
body_deliver(struct transfer *t, const char *data, size_t n)
{
	if (n > t->limits.max_size - t->received) {
		t->too_large = 1;
		return -1;
	}
	t->received += n;
	if (t->on_chunk != NULL) {
		if (t->on_chunk(t->chunk_ctx, data, n) != 0) {
			t->stopped = 1;
			return -1;
		}
		return 0;
	}
	return buf_add(&t->body, data, n) == NF_OK ? 0 : -1;
}

/* Does a deflate body start with a zlib header (RFC 1950)? Some servers
 * send a bare deflate stream instead (RFC 1951), as browsers accept. */
static int
has_zlib_header(const char *data, size_t n)
{
	const unsigned char *b = (const unsigned char *)data;

	return n < 2 || ((b[0] & 0x0f) == 8 && (b[0] >> 4) <= 7 &&
	                 ((unsigned)b[0] << 8 | b[1]) % 31 == 0);
}

/* Reads the response's Content-Encoding at its first body byte. */
static int
body_coding_start(struct transfer *t, const char *data, size_t n)
{
	int window = 15 + 32;	/* zlib or gzip, told apart by the header */
	struct curl_header *h;
	const char *v = "";
	size_t len;

	if (curl_easy_header(t->easy, "Content-Encoding", 0, CURLH_HEADER, -1,
	                     &h) == CURLHE_OK) {
		v = h->value;
	}
	v += strspn(v, " \t");
	len = strcspn(v, " \t");
	if (len == 0 || (len == 8 && strncasecmp(v, "identity", 8) == 0)) {
		t->coding = CODING_IDENTITY;
		return 0;
	}
	if (v[len + strspn(v + len, " \t")] != '\0' ||
	    !((len == 4 && strncasecmp(v, "gzip", 4) == 0) ||
	      (len == 6 && strncasecmp(v, "x-gzip", 6) == 0) ||
	      (len == 7 && strncasecmp(v, "deflate", 7) == 0))) {
		t->body_error = "unsupported content encoding";
		return -1;
	}
	if (len == 7 && !has_zlib_header(data, n)) {
		window = -15;
	}
	t->gzip = len != 7;
	if (inflateInit2(&t->z, window) != Z_OK) {
		t->body_error = "out of memory";
		return -1;
	}
	t->coding = CODING_ZLIB;
	return 0;
}

/* Inflates one piece of a gzip or deflate body. A gzip body may hold
 * several members one after the other, and a piece may end right between
 * two; anything after a deflate stream's end is ignored, as browsers do. */
static int
body_inflate(struct transfer *t, const char *data, size_t n)
{
	char out[INFLATE_CHUNK];
	int zr;

	t->z.next_in = (Bytef *)data;
	t->z.avail_in = (uInt)n;
	while (t->z.avail_in > 0) {
		if (t->coding == CODING_ENDED) {
			if (!t->gzip || t->z.next_in[0] != 0x1f) {
				break;
			}
			inflateReset(&t->z);	/* the next gzip member */
			t->coding = CODING_ZLIB;
		}
		t->z.next_out = (Bytef *)out;
		t->z.avail_out = sizeof(out);
		zr = inflate(&t->z, Z_NO_FLUSH);
		if (zr == Z_BUF_ERROR) {
			break;		/* no progress possible: wait for more */
		}
		if (zr != Z_OK && zr != Z_STREAM_END) {
			t->body_error = zr == Z_MEM_ERROR ? "out of memory" :
			                "corrupt compressed body";
			return -1;
		}
		if (body_deliver(t, out, sizeof(out) - t->z.avail_out) != 0) {
			return -1;
		}
		if (zr == Z_STREAM_END) {
			t->coding = CODING_ENDED;
		}
	}
	return 0;
}

/* Where this response's body sits in the whole resource, and how large
 * the whole is: "Content-Range: bytes A-B/T" on a 206, else the body is
 * the whole from 0 (its Content-Length, when sent, its size). */
static void
head_range(struct transfer *t, struct fetch_head *head)
{
	struct curl_header *h;
	curl_off_t length = -1;
	long long a = -1, b = -1, total = -1;

	curl_easy_getinfo(t->easy, CURLINFO_RESPONSE_CODE, &head->status);
	head->range_start = 0;
	head->total = -1;
	if (head->status != 206) {
		curl_easy_getinfo(t->easy, CURLINFO_CONTENT_LENGTH_DOWNLOAD_T,
		                  &length);
		head->total = length >= 0 ? (long long)length : -1;
		return;
	}
	head->range_start = -1;
	if (curl_easy_header(t->easy, "Content-Range", 0, CURLH_HEADER, -1, &h)
	    != CURLHE_OK) {
		return;
	}
	if (sscanf(h->value, "bytes %lld-%lld/%lld", &a, &b, &total) >= 2 &&
	    a >= 0 && b >= a) {
		head->range_start = a;
		head->total = total > b ? total : -1;
	}
}

/* An error page (404) is not read at all: its status is the whole
 * answer, and the transfer stops at its first byte. */
static size_t
transfer_write(char *data, size_t size, size_t nmemb, void *userp)
{
	struct transfer *t = userp;
	size_t n = size * nmemb;

	if (!status_is_success(t)) {
		t->stopped = 1;
		return 0;
	}
	if (t->coding == CODING_UNKNOWN && body_coding_start(t, data, n) != 0) {
		return 0;
	}
	if (t->on_type != NULL) {
		fetch_type_fn on_type = t->on_type;
		struct fetch_head head = { .content_type = NULL };
		struct curl_header *h;
		char *ct = NULL, *eff = NULL;

		/* the charset is known before the first body byte */
		t->on_type = NULL;
		curl_easy_getinfo(t->easy, CURLINFO_CONTENT_TYPE, &ct);
		curl_easy_getinfo(t->easy, CURLINFO_EFFECTIVE_URL, &eff);
		head.content_type = ct;
		head.effective_url = eff;
		head_range(t, &head);
		if (curl_easy_header(t->easy, "Content-Location", 0, CURLH_HEADER, -1, &h)
		    == CURLHE_OK && h->value[0] != '\0') {
			head.content_location = h->value;
		}
		if (on_type(t->chunk_ctx, &head) != 0) {
			t->stopped = 1;
			return 0;
		}
	}
	if (t->coding == CODING_IDENTITY) {
		return body_deliver(t, data, n) == 0 ? n : 0;
	}
	return body_inflate(t, data, n) == 0 ? n : 0;
}

/* Follows where each response's header block starts and ends: libcurl
 * gives up on a header line past its own ceiling with nothing but "out
 * of memory", which then reads as "response header too large". Counts
 * the responses, for the redirect policy. */
static size_t
transfer_header(char *data, size_t size, size_t nmemb, void *userp)
{
	struct transfer *t = userp;
	size_t n = size * nmemb;

	t->header_open = !(n <= 2 && (data[0] == '\r' || data[0] == '\n'));
	t->responses += n > 5 && strncmp(data, "HTTP/", 5) == 0;
	return n;
}

/* ---- Where a transfer may connect ---------------------------------------- */

static enum addr_kind
addr_kind_v4(uint32_t a)
{
	if ((a >> 24) == 127 || (a >> 24) == 0) {
		return ADDR_LOOPBACK;	/* 0.0.0.0 reaches this machine too */
	}
	if ((a >> 16) == 0xa9fe) {
		return ADDR_LINK_LOCAL;	/* 169.254/16, cloud metadata among them */
	}
	if ((a >> 24) == 10 || (a >> 20) == 0xac1 || (a >> 16) == 0xc0a8 ||
	    (a >> 22) == (100 << 2 | 1)) {
		return ADDR_PRIVATE;	/* 10/8, 172.16/12, 192.168/16, 100.64/10 */
	}
	return ADDR_PUBLIC;
}

static enum addr_kind
addr_kind_v6(const unsigned char *a)
{
	static const unsigned char zero[16] = { 0 };
	static const unsigned char mapped[12] = {
		0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff
	};

	if (memcmp(a, mapped, 12) == 0) {
		return addr_kind_v4((uint32_t)a[12] << 24 | (uint32_t)a[13] << 16 |
		                    (uint32_t)a[14] << 8 | a[15]);
	}
	if (memcmp(a, zero, 15) == 0 && a[15] <= 1) {
		return ADDR_LOOPBACK;	/* ::1 and :: */
	}
	if (a[0] == 0xfe && (a[1] & 0xc0) == 0x80) {
		return ADDR_LINK_LOCAL;	/* fe80::/10 */
	}
	if ((a[0] & 0xfe) == 0xfc || (a[0] == 0xfe && (a[1] & 0xc0) == 0xc0)) {
		return ADDR_PRIVATE;	/* fc00::/7, and the old fec0::/10 */
	}
	return ADDR_PUBLIC;
}

/* The kind of a numeric address, or ADDR_UNKNOWN. */
static enum addr_kind
addr_kind_of_text(const char *ip)
{
	unsigned char a[16];

	if (ip != NULL && inet_pton(AF_INET, ip, a) == 1) {
		return addr_kind_v4((uint32_t)a[0] << 24 | (uint32_t)a[1] << 16 |
		                    (uint32_t)a[2] << 8 | a[3]);
	}
	if (ip != NULL && inet_pton(AF_INET6, ip, a) == 1) {
		return addr_kind_v6(a);
	}
	return ADDR_UNKNOWN;
}

static int
addr_may_follow(enum addr_kind origin, enum addr_kind to)
{
	return to == ADDR_PUBLIC || origin == ADDR_LOOPBACK || to == origin;
}

int
fetch_redirect_allowed(const char *from_ip, const char *to_ip)
{
	enum addr_kind from = addr_kind_of_text(from_ip);
	enum addr_kind to = addr_kind_of_text(to_ip);

	if (from == ADDR_UNKNOWN || to == ADDR_UNKNOWN) {
		return -1;
	}
	return addr_may_follow(from, to);
}

/* Until the first response, every address is the start URL's, where the
 * user pointed the transfer (a host may have several; the origin is the
 * one the first request went over). Every later one (a redirect,
 * possibly over a reused connection) must be allowed from there. Zero
 * refuses it. */
static int
transfer_may_reach(struct transfer *t, enum addr_kind kind)
{
	if (kind == ADDR_UNKNOWN) {
		kind = ADDR_PUBLIC;
	}
	if (t->responses == 0) {
		t->origin = kind;
		return 1;
	}
	if (!addr_may_follow(t->origin, kind)) {
		t->refused = kind;
		return 0;
	}
	return 1;
}

/* Before a socket is opened: refused addresses are never connected to. */
static curl_socket_t
transfer_open_socket(void *userp, curlsocktype purpose,
                     struct curl_sockaddr *sa)
{
	struct transfer *t = userp;
	enum addr_kind kind = ADDR_PUBLIC;
	int type = sa->socktype;

	if (sa->family == AF_INET) {
		const struct sockaddr_in *in = (const void *)&sa->addr;

		kind = addr_kind_v4(ntohl(in->sin_addr.s_addr));
	} else if (sa->family == AF_INET6) {
		const struct sockaddr_in6 *in6 = (const void *)&sa->addr;

		kind = addr_kind_v6(in6->sin6_addr.s6_addr);
	}
	if (purpose == CURLSOCKTYPE_IPCXN && !transfer_may_reach(t, kind)) {
		return CURL_SOCKET_BAD;
	}
#ifdef SOCK_CLOEXEC
	type |= SOCK_CLOEXEC;	/* not inherited by the browser we start */
#endif
	return socket(sa->family, type, sa->protocol);
}

/* Before each request, on a new or a reused connection. */
static int
transfer_prereq(void *userp, char *primary_ip, char *local_ip,
                int primary_port, int local_port)
{
	(void)local_ip;
	(void)primary_port;
	(void)local_port;
	return transfer_may_reach(userp, addr_kind_of_text(primary_ip)) ?
	       CURL_PREREQFUNC_OK : CURL_PREREQFUNC_ABORT;
}

/* A stored validator goes back verbatim; one with line breaks in it
 * would smuggle headers, so it is dropped. Returns 1 when added, 0 when
 * not, -1 out of memory. */
static int
add_header(struct curl_slist **list, const char *name, const char *value)
{
	char line[1024];
	struct curl_slist *l;
	const char *p;

	if (value == NULL || value[0] == '\0') {
		return 0;
	}
	for (p = value; *p != '\0'; p++) {
		if ((unsigned char)*p < 0x20) {
			return 0;
		}
	}
	if (snprintf(line, sizeof(line), "%s: %s", name, value) >=
	    (int)sizeof(line)) {
		return 0;
	}
	l = curl_slist_append(*list, line);
	if (l == NULL) {
		return -1;
	}
	*list = l;
	return 1;
}

static void
transfer_setup_callbacks(struct transfer *t)
{
	CURL *e = t->easy;

	curl_easy_setopt(e, CURLOPT_ERRORBUFFER, t->errbuf);
	curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, transfer_write);
	curl_easy_setopt(e, CURLOPT_WRITEDATA, t);
	curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, transfer_header);
	curl_easy_setopt(e, CURLOPT_HEADERDATA, t);
	curl_easy_setopt(e, CURLOPT_OPENSOCKETFUNCTION, transfer_open_socket);
	curl_easy_setopt(e, CURLOPT_OPENSOCKETDATA, t);
	curl_easy_setopt(e, CURLOPT_PREREQFUNCTION, transfer_prereq);
	curl_easy_setopt(e, CURLOPT_PREREQDATA, t);
	curl_easy_setopt(e, CURLOPT_PRIVATE, t);
}

static enum nf_status
transfer_setup(struct transfer *t, const char *url, struct nf_error *err)
{
	CURL *e = t->easy;
	int etag, since;

	curl_easy_setopt(e, CURLOPT_URL, url);
	curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(e, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, 1L);
	curl_easy_setopt(e, CURLOPT_MAXREDIRS, MAX_REDIRECTS);
	/* Asked for, and inflated here (body_inflate), not by libcurl. */
	curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, "gzip, deflate");
	curl_easy_setopt(e, CURLOPT_HTTP_CONTENT_DECODING, 0L);
	curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS, t->limits.connect_timeout_ms);
	curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, t->limits.timeout_ms);
	/* An announced length past the ceiling fails before any byte. */
	curl_easy_setopt(e, CURLOPT_MAXFILESIZE_LARGE,
	                 (curl_off_t)t->limits.max_size);
	curl_easy_setopt(e, CURLOPT_USERAGENT, "newsfold/" PACKAGE_VERSION);
	curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
	transfer_setup_callbacks(t);
	etag = add_header(&t->headers, "If-None-Match", t->etag_in);
	since = add_header(&t->headers, "If-Modified-Since", t->last_modified_in);
	if (etag < 0 || since < 0) {
		return nf_error_set(err, NF_ERR_NOMEM, "out of memory");
	}
	t->conditional = etag > 0 || since > 0;
	if (t->headers != NULL) {
		curl_easy_setopt(e, CURLOPT_HTTPHEADER, t->headers);
	}
	t->errbuf[0] = '\0';
	return NF_OK;
}

static struct transfer *
transfer_new(const struct fetch_limits *limits)
{
	struct transfer *t = calloc(1, sizeof(*t));

	if (t == NULL) {
		return NULL;
	}
	limits_resolve(&t->limits, limits);
	buf_init(&t->body, t->limits.max_size);
	t->header_open = 1;
	t->origin = ADDR_UNKNOWN;
	t->refused = ADDR_UNKNOWN;
	t->easy = curl_easy_init();
	if (t->easy == NULL) {
		free(t);
		return NULL;
	}
	return t;
}

static void
transfer_free(struct transfer *t)
{
	if (t == NULL) {
		return;
	}
	if (t->easy != NULL) {
		curl_easy_cleanup(t->easy);
	}
	curl_slist_free_all(t->headers);
	if (t->coding == CODING_ZLIB || t->coding == CODING_ENDED) {
		inflateEnd(&t->z);
	}
	buf_free(&t->body);
	free(t->url);
	free(t->etag_in);
	free(t->last_modified_in);
	free(t);
}

/* "16 MiB", "64 KiB", "1000 bytes": the ceiling as the user wrote it. */
void
fetch_size_text(char *out, size_t n, size_t bytes)
{
	if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
		snprintf(out, n, "%zu MiB", bytes / (1024 * 1024));
	} else if (bytes >= 1024 && bytes % 1024 == 0) {
		snprintf(out, n, "%zu KiB", bytes / 1024);
	} else {
		snprintf(out, n, "%zu bytes", bytes);
	}
}

static void
format_seconds(char *out, size_t n, long ms)
{
	if (ms % 1000 == 0) {
		snprintf(out, n, "%ld s", ms / 1000);
	} else {
		snprintf(out, n, "%.1f s", (double)ms / 1000.0);
	}
}

/* The host of the URL curl was last working on, for the DNS reason. */
static void
failed_host(CURL *easy, char *out, size_t n)
{
	char *url = NULL, *host;

	curl_easy_getinfo(easy, CURLINFO_EFFECTIVE_URL, &url);
	host = url_host(url);
	snprintf(out, n, "%s", host != NULL ? host : "?");
	free(host);
}

static enum nf_status
reason_connect(struct transfer *t, struct nf_error *err)
{
	long oserr = 0;

	curl_easy_getinfo(t->easy, CURLINFO_OS_ERRNO, &oserr);
	if (oserr == ECONNREFUSED || oserr == 0) {
		return nf_error_set(err, NF_ERR_NET, "connection refused");
	}
	return nf_error_set(err, NF_ERR_NET, "could not connect: %s",
	                    strerror((int)oserr));
}

static enum nf_status
reason_timeout(struct transfer *t, struct nf_error *err)
{
	char secs[32];
	curl_off_t connected = 0;

	curl_easy_getinfo(t->easy, CURLINFO_CONNECT_TIME_T, &connected);
	if (connected == 0 &&
	    t->limits.connect_timeout_ms < t->limits.timeout_ms) {
		format_seconds(secs, sizeof(secs), t->limits.connect_timeout_ms);
		return nf_error_set(err, NF_ERR_NET, "connect timeout after %s",
		                    secs);
	}
	format_seconds(secs, sizeof(secs), t->limits.timeout_ms);
	return nf_error_set(err, NF_ERR_NET, "timeout after %s", secs);
}

/* A whole response: 2xx, or a 304 to a request that carried validators.
 * We never ask for a range, so a 206 is a part of something, not the
 * feed; a 304 to a request without validators says nothing about a feed
 * we have never read. */
static enum nf_status
reason_status(struct transfer *t, struct nf_error *err)
{
	long code = 0;

	curl_easy_getinfo(t->easy, CURLINFO_RESPONSE_CODE, &code);
	if (code == 206 && !t->ranged) {
		return nf_error_set(err, NF_ERR_NET, "HTTP 206 Partial Content to"
		                    " a request without a range");
	}
	if (code == 304 && !t->conditional) {
		return nf_error_set(err, NF_ERR_NET, "304 Not Modified to a request"
		                    " without validators");
	}
	if (code == 304 || (code >= 200 && code < 300)) {
		return NF_OK;
	}
	return nf_error_set(err, NF_ERR_NET, "HTTP %ld", code);
}

/* CURLE_UNSUPPORTED_PROTOCOL: the start URL was checked to be http(s),
 * so it is either a refused redirect (the last response was a 3xx) or a
 * reply that is not HTTP/1.x at all (HTTP/0.9, "HTTP/1.1 2000"). */
static enum nf_status
reason_protocol(struct transfer *t, struct nf_error *err)
{
	long code = 0;

	curl_easy_getinfo(t->easy, CURLINFO_RESPONSE_CODE, &code);
	if (code >= 300 && code < 400) {
		return nf_error_set(err, NF_ERR_NET,
		                    "redirect to a non-http URL refused");
	}
	return nf_error_set(err, NF_ERR_NET, "malformed HTTP response");
}

/* What our own callbacks refused, or NF_OK. */
static enum nf_status
reason_ours(struct transfer *t, CURLcode rc, struct nf_error *err)
{
	char text[64];

	if (t->too_large || rc == CURLE_FILESIZE_EXCEEDED) {
		fetch_size_text(text, sizeof(text), t->limits.max_size);
		return nf_error_set(err, NF_ERR_TOO_LARGE, "too large (over %s)",
		                    text);
	}
	if (t->refused != ADDR_UNKNOWN) {
		return nf_error_set(err, NF_ERR_NET, "redirect to a %s address"
		                    " refused", addr_kind_names[t->refused]);
	}
	if (t->body_error != NULL) {
		return nf_error_set(err, strcmp(t->body_error, "out of memory") == 0 ?
		                    NF_ERR_NOMEM : NF_ERR_NET, "%s", t->body_error);
	}
	if (rc == CURLE_OK && t->coding == CODING_ZLIB) {
		return nf_error_set(err, NF_ERR_NET, "truncated compressed body");
	}
	return NF_OK;
}

/* Turns curl's result into NF_OK or a short human reason. */
static enum nf_status
transfer_reason(struct transfer *t, CURLcode rc, struct nf_error *err)
{
	char text[256];

	if (reason_ours(t, rc, err) != NF_OK) {
		return err->code;
	}
	switch (rc) {
	case CURLE_OK:
		return reason_status(t, err);
	case CURLE_COULDNT_RESOLVE_HOST:
		failed_host(t->easy, text, sizeof(text));
		return nf_error_set(err, NF_ERR_NET, "could not resolve host %s",
		                    text);
	case CURLE_COULDNT_RESOLVE_PROXY:
		return nf_error_set(err, NF_ERR_NET, "could not resolve proxy");
	case CURLE_COULDNT_CONNECT:
		return reason_connect(t, err);
	case CURLE_OPERATION_TIMEDOUT:
		return reason_timeout(t, err);
	case CURLE_UNSUPPORTED_PROTOCOL:
		return reason_protocol(t, err);
	case CURLE_WEIRD_SERVER_REPLY:
		return nf_error_set(err, NF_ERR_NET, "malformed HTTP response");
	case CURLE_TOO_MANY_REDIRECTS:
		return nf_error_set(err, NF_ERR_NET, "too many redirects");
	case CURLE_OUT_OF_MEMORY:
		if (t->header_open) {
			/* libcurl's ceiling on one header line, not ours */
			return nf_error_set(err, NF_ERR_NET,
			                    "response header too large");
		}
		return nf_error_set(err, NF_ERR_NOMEM, "out of memory");
	case CURLE_WRITE_ERROR:
		if (t->stopped) {
			return reason_status(t, err);
		}
		return nf_error_set(err, NF_ERR_NOMEM, "out of memory");
	default:
		return nf_error_set(err, NF_ERR_NET, "%s",
		                    t->errbuf[0] != '\0' ? t->errbuf :
		                    curl_easy_strerror(rc));
	}
}

static char *
dup_or_null(const char *s)
{
	return s != NULL ? strdup(s) : NULL;
}

enum nf_status
fetch_url_stream(const char *url, const struct fetch_limits *limits,
                 fetch_type_fn on_type, fetch_chunk_fn on_chunk, void *ctx,
                 char **content_type, struct nf_error *err)
{
	struct transfer *t;
	enum nf_status st;
	CURLcode rc;
	char *ct = NULL;

	*content_type = NULL;
	if (!url_is_http(url)) {
		return nf_error_set(err, NF_ERR_NET, "not an http(s) URL");
	}
	t = transfer_new(limits);
	if (t == NULL) {
		return nf_error_set(err, NF_ERR_NOMEM, "out of memory");
	}
	t->on_type = on_type;
	t->on_chunk = on_chunk;
	t->chunk_ctx = ctx;
	st = transfer_setup(t, url, err);
	if (st != NF_OK) {
		goto out;
	}
	rc = curl_easy_perform(t->easy);
	st = transfer_reason(t, rc, err);
	if (st != NF_OK) {
		goto out;
	}
	/* Never asked conditionally: reason_status() refused any 304. */
	curl_easy_getinfo(t->easy, CURLINFO_CONTENT_TYPE, &ct);
	if (ct != NULL && (*content_type = strdup(ct)) == NULL) {
		st = nf_error_set(err, NF_ERR_NOMEM, "out of memory");
	}
out:
	transfer_free(t);
	return st;
}

/* Polled by libcurl about once a second and at each piece of data: a
 * stalled transfer still notices that it was cancelled. */
static int
resume_progress(void *userp, curl_off_t dltotal, curl_off_t dlnow,
                curl_off_t ultotal, curl_off_t ulnow)
{
	struct transfer *t = userp;

	(void)dltotal;
	(void)dlnow;
	(void)ultotal;
	(void)ulnow;
	return t->is_cancelled(t->chunk_ctx) ? 1 : 0;
}

/* A download is a file, not a text: nothing compressed is asked for (a
 * range of a gzip body would not be a range of the file), no whole-
 * transfer timeout (a podcast takes what it takes) but one on stalling,
 * and the range from `from` on. */
static enum nf_status
resume_setup(struct transfer *t, const struct fetch_resume *r,
             struct nf_error *err)
{
	CURL *e = t->easy;
	char range[32];

	if (transfer_setup(t, r->url, err) != NF_OK) {
		return err->code;
	}
	curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, NULL);
	curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, 0L);
	curl_easy_setopt(e, CURLOPT_LOW_SPEED_LIMIT, 1L);
	curl_easy_setopt(e, CURLOPT_LOW_SPEED_TIME,
	                 t->limits.timeout_ms / 1000 > 0 ?
	                 t->limits.timeout_ms / 1000 : 1L);
	if (r->from > 0) {
		snprintf(range, sizeof(range), "%lld-", r->from);
		curl_easy_setopt(e, CURLOPT_RANGE, range);
		t->ranged = 1;
	}
	if (r->is_cancelled != NULL) {
		t->is_cancelled = r->is_cancelled;
		curl_easy_setopt(e, CURLOPT_XFERINFOFUNCTION, resume_progress);
		curl_easy_setopt(e, CURLOPT_XFERINFODATA, t);
		curl_easy_setopt(e, CURLOPT_NOPROGRESS, 0L);
	}
	return NF_OK;
}

enum nf_status
fetch_url_resume(const struct fetch_resume *r, struct nf_error *err)
{
	struct transfer *t;
	enum nf_status st;
	CURLcode rc;

	if (!url_is_http(r->url)) {
		return nf_error_set(err, NF_ERR_NET, "not an http(s) URL");
	}
	if ((t = transfer_new(&r->limits)) == NULL) {
		return nf_error_set(err, NF_ERR_NOMEM, "out of memory");
	}
	t->on_type = r->on_head;
	t->on_chunk = r->on_chunk;
	t->chunk_ctx = r->ctx;
	if ((st = resume_setup(t, r, err)) == NF_OK) {
		rc = curl_easy_perform(t->easy);
		if (rc == CURLE_ABORTED_BY_CALLBACK) {
			st = nf_error_set(err, NF_ERR_NET, "cancelled");
		} else {
			st = transfer_reason(t, rc, err);
		}
	}
	transfer_free(t);
	return st;
}

/* ---- Many transfers ------------------------------------------------- */

struct fetch_multi *
fetch_multi_new(const struct fetch_multi_options *opts, fetch_done_fn on_done,
                void *ctx, struct nf_error *err)
{
	struct fetch_multi *m = calloc(1, sizeof(*m));

	if (m == NULL) {
		nf_error_set(err, NF_ERR_NOMEM, "out of memory");
		return NULL;
	}
	m->multi = curl_multi_init();
	if (m->multi == NULL) {
		free(m);
		nf_error_set(err, NF_ERR_NOMEM, "libcurl: cannot create a multi handle");
		return NULL;
	}
	if (opts != NULL) {
		m->opts = *opts;
	}
	if (m->opts.max_parallel <= 0) {
		m->opts.max_parallel = DEFAULT_PARALLEL;
	}
	limits_resolve(&m->opts.limits, opts != NULL ? &opts->limits : NULL);
	m->on_done = on_done;
	m->ctx = ctx;
	return m;
}

enum nf_status
fetch_multi_add(struct fetch_multi *m, const struct fetch_request *req,
                struct nf_error *err)
{
	struct transfer *t = transfer_new(&m->opts.limits);

	if (t == NULL) {
		return nf_error_set(err, NF_ERR_NOMEM, "out of memory");
	}
	t->user = req->user;
	t->url = dup_or_null(req->url);
	t->etag_in = dup_or_null(req->etag);
	t->last_modified_in = dup_or_null(req->last_modified);
	if (t->url == NULL || (req->etag != NULL && t->etag_in == NULL) ||
	    (req->last_modified != NULL && t->last_modified_in == NULL)) {
		transfer_free(t);
		return nf_error_set(err, NF_ERR_NOMEM, "out of memory");
	}
	m->npending++;
	if (!url_is_http(t->url)) {
		nf_error_set(&t->early, NF_ERR_NET, "not an http(s) URL");
		t->next = m->failed;
		m->failed = t;
		return NF_OK;
	}
	if (m->queue_tail != NULL) {
		m->queue_tail->next = t;
	} else {
		m->queue = t;
	}
	m->queue_tail = t;
	return NF_OK;
}

size_t
fetch_multi_pending(const struct fetch_multi *m)
{
	return m->npending;
}

static void
running_unlink(struct fetch_multi *m, struct transfer *t)
{
	struct transfer **pp;

	for (pp = &m->running; *pp != NULL; pp = &(*pp)->next) {
		if (*pp == t) {
			*pp = t->next;
			t->next = NULL;
			m->nrunning--;
			return;
		}
	}
}

/* Starts queued requests while fewer than max_parallel run. A request
 * that cannot start finishes as failed at this step. */
static void
start_queued(struct fetch_multi *m)
{
	struct transfer *t;

	while (m->queue != NULL && m->nrunning < (size_t)m->opts.max_parallel) {
		t = m->queue;
		m->queue = t->next;
		if (m->queue == NULL) {
			m->queue_tail = NULL;
		}
		t->next = NULL;
		if (transfer_setup(t, t->url, &t->early) != NF_OK ||
		    curl_multi_add_handle(m->multi, t->easy) != CURLM_OK) {
			if (t->early.code == NF_OK) {
				nf_error_set(&t->early, NF_ERR_NOMEM,
				             "cannot start the transfer");
			}
			t->next = m->failed;
			m->failed = t;
			continue;
		}
		t->next = m->running;
		m->running = t;
		m->nrunning++;
	}
}

/* Copies a response header's value, or NULL when absent. */
static char *
header_value(CURL *easy, const char *name)
{
	struct curl_header *h;

	if (curl_easy_header(easy, name, 0, CURLH_HEADER, -1, &h) !=
	    CURLHE_OK || h->value[0] == '\0') {
		return NULL;
	}
	return strdup(h->value);
}

/* Fills what a finished transfer learnt; NF_ERR_NOMEM is the only way
 * this fails, and it turns the result into a failure. */
static void
result_fill(struct transfer *t, struct fetch_result *r)
{
	char *s = NULL;

	curl_easy_getinfo(t->easy, CURLINFO_RESPONSE_CODE, &r->http_status);
	curl_easy_getinfo(t->easy, CURLINFO_EFFECTIVE_URL, &s);
	r->effective_url = dup_or_null(s);
	s = NULL;
	curl_easy_getinfo(t->easy, CURLINFO_CONTENT_TYPE, &s);
	r->content_type = dup_or_null(s);
	r->charset = fetch_content_charset(r->content_type);
	r->content_location = header_value(t->easy, "Content-Location");
	r->etag = header_value(t->easy, "ETag");
	r->last_modified = header_value(t->easy, "Last-Modified");
	/* A 304 may omit the validators: the stored ones still hold. */
	if (r->etag == NULL && r->http_status == 304) {
		r->etag = dup_or_null(t->etag_in);
	}
	if (r->last_modified == NULL && r->http_status == 304) {
		r->last_modified = dup_or_null(t->last_modified_in);
	}
	if (r->http_status == 304) {
		r->outcome = FETCH_UNCHANGED;
		return;
	}
	r->outcome = FETCH_OK;
	r->len = t->body.len;
	r->body = buf_take(&t->body);
	if (r->body == NULL) {
		r->outcome = FETCH_FAILED;
		nf_error_set(&r->err, NF_ERR_NOMEM, "out of memory");
	}
}

static void
result_clear(struct fetch_result *r)
{
	free(r->body);
	free(r->content_type);
	free(r->charset);
	free(r->effective_url);
	free(r->content_location);
	free(r->etag);
	free(r->last_modified);
}

/* Reports one transfer (finished with rc, or failed early) and frees it. */
static void
report(struct fetch_multi *m, struct transfer *t, CURLcode rc, int started)
{
	struct fetch_result r;

	memset(&r, 0, sizeof(r));
	r.url = t->url;
	r.user = t->user;
	nf_error_clear(&r.err);
	if (!started) {
		r.outcome = FETCH_FAILED;
		r.err = t->early;
	} else if (transfer_reason(t, rc, &r.err) != NF_OK) {
		r.outcome = FETCH_FAILED;
		curl_easy_getinfo(t->easy, CURLINFO_RESPONSE_CODE,
		                  &r.http_status);
	} else {
		result_fill(t, &r);
	}
	m->npending--;
	if (m->on_done != NULL) {
		m->on_done(m->ctx, &r);
	}
	result_clear(&r);
	transfer_free(t);
}

static void
report_failed(struct fetch_multi *m)
{
	struct transfer *t;

	while (m->failed != NULL) {
		t = m->failed;
		m->failed = t->next;
		report(m, t, CURLE_OK, 0);
	}
}

enum nf_status
fetch_multi_step(struct fetch_multi *m, struct nf_error *err)
{
	CURLMsg *msg;
	CURLMcode mc;
	struct transfer *t;
	int running, left, finished;

	do {
		start_queued(m);
		report_failed(m);
		mc = curl_multi_perform(m->multi, &running);
		if (mc != CURLM_OK) {
			return nf_error_set(err, mc == CURLM_OUT_OF_MEMORY ?
			                    NF_ERR_NOMEM : NF_ERR_NET,
			                    "libcurl: %s", curl_multi_strerror(mc));
		}
		finished = 0;
		while ((msg = curl_multi_info_read(m->multi, &left)) != NULL) {
			if (msg->msg != CURLMSG_DONE) {
				continue;
			}
			t = NULL;
			curl_easy_getinfo(msg->easy_handle, CURLINFO_PRIVATE,
			                  (char **)&t);
			curl_multi_remove_handle(m->multi, t->easy);
			running_unlink(m, t);
			report(m, t, msg->data.result, 1);
			finished++;
		}
		/* Freed slots start the next requests at once, not a turn later. */
	} while (finished > 0 && (m->queue != NULL || m->failed != NULL));
	return NF_OK;
}

static short
to_curl_events(short ev)
{
	return (short)(((ev & POLLIN) ? CURL_WAIT_POLLIN : 0) |
	               ((ev & POLLPRI) ? CURL_WAIT_POLLPRI : 0) |
	               ((ev & POLLOUT) ? CURL_WAIT_POLLOUT : 0));
}

static short
from_curl_events(short ev)
{
	return (short)(((ev & CURL_WAIT_POLLIN) ? POLLIN : 0) |
	               ((ev & CURL_WAIT_POLLPRI) ? POLLPRI : 0) |
	               ((ev & CURL_WAIT_POLLOUT) ? POLLOUT : 0));
}

enum nf_status
fetch_multi_wait(struct fetch_multi *m, struct fetch_waitfd *extra,
                 unsigned nextra, int timeout_ms, struct nf_error *err)
{
	struct curl_waitfd fds[16];
	CURLMcode mc;
	unsigned i;
	int numfds = 0;

	if (nextra > sizeof(fds) / sizeof(fds[0])) {
		return nf_error_set(err, NF_ERR_USAGE,
		                    "too many descriptors to wait on");
	}
	for (i = 0; i < nextra; i++) {
		fds[i].fd = extra[i].fd;
		fds[i].events = to_curl_events(extra[i].events);
		fds[i].revents = 0;
	}
	if (timeout_ms < 0) {
		timeout_ms = INT_MAX;
	}
	/* Failed-early requests are ready now: do not sleep over them. */
	if (m->failed != NULL || (m->queue != NULL &&
	    m->nrunning < (size_t)m->opts.max_parallel)) {
		timeout_ms = 0;
	}
	mc = curl_multi_poll(m->multi, fds, nextra, timeout_ms, &numfds);
	if (mc != CURLM_OK) {
		return nf_error_set(err, NF_ERR_NET, "libcurl: %s",
		                    curl_multi_strerror(mc));
	}
	for (i = 0; i < nextra; i++) {
		extra[i].revents = from_curl_events(fds[i].revents);
	}
	return NF_OK;
}

void
fetch_multi_wakeup(struct fetch_multi *m)
{
	curl_multi_wakeup(m->multi);
}

enum nf_status
fetch_multi_run(struct fetch_multi *m, struct nf_error *err)
{
	enum nf_status st;

	st = fetch_multi_step(m, err);
	while (st == NF_OK && m->npending > 0) {
		st = fetch_multi_wait(m, NULL, 0, 1000, err);
		if (st == NF_OK) {
			st = fetch_multi_step(m, err);
		}
	}
	return st;
}

static void
free_list(struct transfer *t)
{
	struct transfer *next;

	for (; t != NULL; t = next) {
		next = t->next;
		transfer_free(t);
	}
}

void
fetch_multi_free(struct fetch_multi *m)
{
	struct transfer *t;

	if (m == NULL) {
		return;
	}
	for (t = m->running; t != NULL; t = t->next) {
		curl_multi_remove_handle(m->multi, t->easy);
	}
	free_list(m->running);
	free_list(m->queue);
	free_list(m->failed);
	curl_multi_cleanup(m->multi);
	free(m);
}
