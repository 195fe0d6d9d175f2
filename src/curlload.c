#include "autoconfig.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>

/* these definitions are the functions; the type-checking macros that
 * curl.h puts over some of them would rename them */
#define CURL_DISABLE_TYPECHECK 1
#include <curl/curl.h>

#include "src/curlload.h"

/* CURL_SONAME: the file name configure read from a program linked
 * against libcurl ("libcurl.so.4") */

/* The functions src/fetch.c calls, in one table: their addresses are
 * looked up together, once. */
#define CURLLOAD_FUNCTIONS(X) \
	X(curl_easy_cleanup) X(curl_easy_getinfo) X(curl_easy_header) \
	X(curl_easy_init) X(curl_easy_perform) X(curl_easy_setopt) \
	X(curl_easy_strerror) X(curl_global_cleanup) X(curl_global_init) \
	X(curl_multi_add_handle) X(curl_multi_cleanup) X(curl_multi_info_read) \
	X(curl_multi_init) X(curl_multi_perform) X(curl_multi_poll) \
	X(curl_multi_remove_handle) X(curl_multi_strerror) X(curl_multi_wakeup) \
	X(curl_slist_append) X(curl_slist_free_all)

enum curlload_fn {
#define CURLLOAD_ENUM(name) FN_##name,
	CURLLOAD_FUNCTIONS(CURLLOAD_ENUM)
#undef CURLLOAD_ENUM
	FN_COUNT
};

static const char *const fn_names[FN_COUNT] = {
#define CURLLOAD_NAME(name) #name,
	CURLLOAD_FUNCTIONS(CURLLOAD_NAME)
#undef CURLLOAD_NAME
};

/* Written once under load_once, read-only after. */
static void *fns[FN_COUNT];
static int loaded;
static char load_error[256];
static pthread_once_t load_once = PTHREAD_ONCE_INIT;

static void
load(void)
{
	void *lib = dlopen(CURL_SONAME, RTLD_NOW | RTLD_LOCAL);
	size_t i;

	if (lib == NULL) {
		snprintf(load_error, sizeof(load_error), "cannot load %s: %s",
		         CURL_SONAME, dlerror());
		return;
	}
	for (i = 0; i < FN_COUNT; i++) {
		if ((fns[i] = dlsym(lib, fn_names[i])) == NULL) {
			snprintf(load_error, sizeof(load_error), "%s lacks %s",
			         CURL_SONAME, fn_names[i]);
			return;
		}
	}
	loaded = 1;
}

/* The real function, or NULL when libcurl could not be loaded. */
static void *
fn(enum curlload_fn which)
{
	pthread_once(&load_once, load);
	return loaded ? fns[which] : NULL;
}

int
curlload_is_loaded(void)
{
	return loaded;
}

/* Each stand-in: the real function's type, then its call, or what libcurl
 * answers for a failed start. */
#define CALL(name, fail, ...) do { \
		__typeof__(&name) real_ = (__typeof__(&name))fn(FN_##name); \
		if (real_ == NULL) { \
			return fail; \
		} \
		return real_(__VA_ARGS__); \
	} while (0)
#define CALL_VOID(name, ...) do { \
		__typeof__(&name) real_ = (__typeof__(&name))fn(FN_##name); \
		if (real_ != NULL) { \
			real_(__VA_ARGS__); \
		} \
	} while (0)

CURLcode
curl_global_init(long flags)
{
	CALL(curl_global_init, CURLE_FAILED_INIT, flags);
}

void
curl_global_cleanup(void)
{
	/* nothing to undo when it was never loaded */
	if (loaded) {
		CALL_VOID(curl_global_cleanup);
	}
}

const char *
curl_easy_strerror(CURLcode code)
{
	CALL(curl_easy_strerror, load_error, code);
}

const char *
curl_multi_strerror(CURLMcode code)
{
	CALL(curl_multi_strerror, load_error, code);
}

CURL *
curl_easy_init(void)
{
	CALL(curl_easy_init, NULL);
}

void
curl_easy_cleanup(CURL *curl)
{
	CALL_VOID(curl_easy_cleanup, curl);
}

CURLcode
curl_easy_perform(CURL *curl)
{
	CALL(curl_easy_perform, CURLE_FAILED_INIT, curl);
}

/*
 * The one argument after option, read as the type the option's number
 * says (curl.h's CURLOPTTYPE_ ranges), and passed on as that type: a
 * variadic call cannot be forwarded whole.
 */
CURLcode
curl_easy_setopt(CURL *curl, CURLoption option, ...)
{
	__typeof__(&curl_easy_setopt) real = (__typeof__(&curl_easy_setopt))fn(FN_curl_easy_setopt);
	CURLcode rc;
	va_list ap;

	if (real == NULL) {
		return CURLE_FAILED_INIT;
	}
	va_start(ap, option);
	if (option < CURLOPTTYPE_OBJECTPOINT) {
		rc = real(curl, option, va_arg(ap, long));
	} else if (option < CURLOPTTYPE_FUNCTIONPOINT) {
		rc = real(curl, option, va_arg(ap, void *));
	} else if (option < CURLOPTTYPE_OFF_T) {
		rc = real(curl, option, va_arg(ap, void (*)(void)));
	} else if (option < CURLOPTTYPE_BLOB) {
		rc = real(curl, option, va_arg(ap, curl_off_t));
	} else {
		rc = real(curl, option, va_arg(ap, void *));
	}
	va_end(ap);
	return rc;
}

/* Every CURLINFO_ takes a pointer to where the answer goes. */
CURLcode
curl_easy_getinfo(CURL *curl, CURLINFO info, ...)
{
	__typeof__(&curl_easy_getinfo) real = (__typeof__(&curl_easy_getinfo))fn(FN_curl_easy_getinfo);
	CURLcode rc;
	va_list ap;

	if (real == NULL) {
		return CURLE_FAILED_INIT;
	}
	va_start(ap, info);
	rc = real(curl, info, va_arg(ap, void *));
	va_end(ap);
	return rc;
}

CURLHcode
curl_easy_header(CURL *easy, const char *name, size_t index, unsigned int origin,
                 int request, struct curl_header **hout)
{
	CALL(curl_easy_header, CURLHE_NOT_BUILT_IN, easy, name, index, origin, request, hout);
}

CURLM *
curl_multi_init(void)
{
	CALL(curl_multi_init, NULL);
}

CURLMcode
curl_multi_add_handle(CURLM *multi, CURL *curl)
{
	CALL(curl_multi_add_handle, CURLM_INTERNAL_ERROR, multi, curl);
}

CURLMcode
curl_multi_remove_handle(CURLM *multi, CURL *curl)
{
	CALL(curl_multi_remove_handle, CURLM_INTERNAL_ERROR, multi, curl);
}

CURLMcode
curl_multi_poll(CURLM *multi, struct curl_waitfd extra_fds[], unsigned int extra_nfds,
                int timeout_ms, int *ret)
{
	CALL(curl_multi_poll, CURLM_INTERNAL_ERROR, multi, extra_fds, extra_nfds, timeout_ms, ret);
}

CURLMcode
curl_multi_wakeup(CURLM *multi)
{
	CALL(curl_multi_wakeup, CURLM_INTERNAL_ERROR, multi);
}

CURLMcode
curl_multi_perform(CURLM *multi, int *running)
{
	CALL(curl_multi_perform, CURLM_INTERNAL_ERROR, multi, running);
}

CURLMcode
curl_multi_cleanup(CURLM *multi)
{
	CALL(curl_multi_cleanup, CURLM_INTERNAL_ERROR, multi);
}

CURLMsg *
curl_multi_info_read(CURLM *multi, int *msgs_in_queue)
{
	CALL(curl_multi_info_read, NULL, multi, msgs_in_queue);
}

struct curl_slist *
curl_slist_append(struct curl_slist *list, const char *data)
{
	CALL(curl_slist_append, NULL, list, data);
}

void
curl_slist_free_all(struct curl_slist *list)
{
	CALL_VOID(curl_slist_free_all, list);
}
