#ifndef NF_SRC_CURLLOAD_H
#define NF_SRC_CURLLOAD_H

/*
 * libcurl loaded on its first use, not at start. Linking libcurl maps it
 * and its TLS, SSH, LDAP and Kerberos libraries into every run, and
 * relocating and initialising them costs about 6 MiB and a few
 * milliseconds even when the source is a file (--dump FILE, --headlines,
 * the OPML modes). curlload.c defines the libcurl functions src/fetch.c
 * calls; the first call opens libcurl with dlopen() and every call goes
 * on to the real function. A libcurl that cannot be opened fails the
 * call as libcurl would fail it (curl_global_init() says
 * CURLE_FAILED_INIT, curl_easy_strerror() then names the dlopen error).
 *
 * A libcurl function newly called in src/fetch.c needs its line in
 * curlload.c's table, or the program does not link.
 */

/* Whether libcurl has been opened in this process (for the tests). */
int curlload_is_loaded(void);

#endif
