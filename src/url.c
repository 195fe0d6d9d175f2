/*
 * URLs through libxml2's RFC 3986 parser, which the feed parser already
 * links: one reading of a URL for links, pages, local feeds and the
 * dotfile, whoever asks.
 */
#include "autoconfig.h"

#include <stdlib.h>
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include <libxml/uri.h>

#include "src/url.h"

int
url_is_http(const char *url)
{
	return url != NULL && (strncasecmp(url, "http://", 7) == 0 ||
	                       strncasecmp(url, "https://", 8) == 0);
}

int
url_is_file(const char *url)
{
	return url != NULL && strncasecmp(url, "file://", 7) == 0;
}

/* A string libxml2 allocated, as one the caller may free(). */
static char *
url_take(xmlChar *s)
{
	char *out;

	if (s == NULL) {
		return NULL;
	}
	out = strdup((const char *)s);
	xmlFree(s);
	return out;
}

char *
url_resolve(const char *ref, const char *base)
{
	char *out;

	if (ref == NULL) {
		return NULL;
	}
	if (base == NULL || base[0] == '\0') {
		return strdup(ref);
	}
	out = url_take(xmlBuildURI((const xmlChar *)ref, (const xmlChar *)base));
	return out != NULL ? out : strdup(ref);
}

char *
url_of_path(const char *path)
{
	xmlChar *esc = xmlURIEscapeStr((const xmlChar *)path, (const xmlChar *)"/");
	char *url;
	size_t n;

	if (esc == NULL) {
		return NULL;
	}
	n = strlen((const char *)esc) + sizeof("file://");
	if ((url = malloc(n)) != NULL) {
		memcpy(url, "file://", 7);
		memcpy(url + 7, esc, n - 7);
	}
	xmlFree(esc);
	return url;
}

char *
url_resolve_in_dir(const char *ref, const char *dir)
{
	char *base = url_of_path(dir), *slashed, *out;
	size_t n;

	if (base == NULL) {
		return NULL;
	}
	/* the folder itself, not its last segment, is the base */
	n = strlen(base);
	slashed = realloc(base, n + 2);
	if (slashed == NULL) {
		free(base);
		return NULL;
	}
	memcpy(slashed + n, "/", 2);
	out = url_resolve(ref, slashed);
	free(slashed);
	return out;
}

char *
url_file_path(const char *url)
{
	const char *p;
	size_t n;

	if (!url_is_file(url)) {
		return NULL;
	}
	p = url + 7;
	if (strncasecmp(p, "localhost/", 10) == 0) {
		p += 9;
	}
	if (*p != '/') {
		return NULL;	/* file://otherhost/x is not ours to read */
	}
	n = strcspn(p, "?#");
	return url_take((xmlChar *)xmlURIUnescapeString(p, (int)n, NULL));
}

char *
url_host(const char *url)
{
	xmlURIPtr uri = url != NULL ? xmlParseURI(url) : NULL;
	char *host = NULL;

	if (uri != NULL && uri->server != NULL && uri->server[0] != '\0') {
		host = strdup(uri->server);
	}
	xmlFreeURI(uri);
	return host;
}

size_t
url_scheme_length(const char *s, size_t n)
{
	size_t i = 0;

	if (n == 0 || !isalpha((unsigned char)s[0])) {
		return 0;
	}
	while (i < n && (isalnum((unsigned char)s[i]) || s[i] == '+' || s[i] == '-' ||
	                 s[i] == '.')) {
		i++;
	}
	return i < n && s[i] == ':' ? i : 0;
}

/* The end of a URL's scheme when url starts with one followed by "://",
 * else NULL. */
static const char *
url_scheme_end(const char *url)
{
	size_t n = url_scheme_length(url, strlen(url));

	return n > 0 && strncmp(url + n, "://", 3) == 0 ? url + n : NULL;
}

char *
url_redact(const char *url)
{
	const char *auth, *end, *at = NULL, *colon, *p;
	size_t keep, rest;
	char *out;

	if (url == NULL) {
		return NULL;
	}
	if ((auth = url_scheme_end(url)) != NULL) {
		auth += 3;
		end = auth + strcspn(auth, "/?#");
		for (p = auth; p < end; p++) {
			at = *p == '@' ? p : at;	/* a user name may hold '@' */
		}
	}
	if (at == NULL) {
		return strdup(url);
	}
	colon = memchr(auth, ':', (size_t)(at - auth));
	keep = (size_t)((colon != NULL ? colon + 1 : auth) - url);
	rest = strlen(at);
	if ((out = malloc(keep + 3 + rest + 1)) != NULL) {
		memcpy(out, url, keep);
		memcpy(out + keep, "***", 3);
		memcpy(out + keep + 3, at, rest + 1);
	}
	return out;
}

char *
url_body_base(const char *content_location, const char *at)
{
	char *named;

	if (at == NULL) {
		return NULL;
	}
	named = url_resolve(content_location, at);
	if (named != NULL && url_is_http(named)) {
		return named;
	}
	free(named);
	return strdup(at);
}
