#ifndef NF_URL_H
#define NF_URL_H

/*
 * URLs as feeds, pages and the dotfile write them: scheme tests,
 * references made absolute, file:// URLs to paths and back, the host.
 * Every returned string is new; free() it. NULL means out of memory
 * unless a function says otherwise.
 */

#include <stddef.h>

/* The length of the URI scheme that the n bytes at s open with, up to
 * its colon (RFC 3986: a letter, then letters, digits, "+", "-" or
 * "."), or 0 when they open with none. */
size_t url_scheme_length(const char *s, size_t n);

/* Whether url begins "http://" or "https://" (any case). */
int url_is_http(const char *url);

/* Whether url begins "file://" (any case). */
int url_is_file(const char *url);

/* ref made absolute against base (RFC 3986), e.g. a link against xml:base
 * or the feed's address. ref as written when base is NULL or "", or when
 * either will not parse. NULL when ref is NULL. */
char *url_resolve(const char *ref, const char *base);

/* The URL a fetched body is at, which its relative links resolve
 * against: the Content-Location value (NULL when none) read against the
 * URL after redirects, when that gives an http(s) URL (a javascript: or
 * file: location is ignored); else the URL after redirects. New string,
 * the caller frees it; NULL when at is NULL or out of memory. */
char *url_body_base(const char *content_location, const char *at);

/* ref made absolute against the folder dir (an absolute path): a
 * relative path becomes a file:// URL, an absolute URL stays. */
char *url_resolve_in_dir(const char *ref, const char *dir);

/* The local path a file:// URL names ("file:///a%20b" and
 * "file://localhost/a%20b" are "/a b"), without its query or fragment.
 * NULL for another scheme, another host, or no absolute path. */
char *url_file_path(const char *url);

/* The file:// URL of an absolute path, escaped as a URL must be. */
char *url_of_path(const char *path);

/* The host url names ("news.example" for "https://news.example:8080/a"),
 * NULL when it names none or will not parse. */
char *url_host(const char *url);

/* Returns url as a new string fit to print or to name a feed by: the
 * password of its user information replaced by three stars
 * (http://alice:s3cret@host/feed becomes http://alice:<stars>@host/feed),
 * or the whole user information when it has no password (a token).
 * Other URLs come back unchanged. NULL for NULL or out of memory; the
 * caller frees it. */
char *url_redact(const char *url);

#endif
