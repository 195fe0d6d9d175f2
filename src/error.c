#include "autoconfig.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "src/error.h"

enum nf_status
nf_error_set(struct nf_error *err, enum nf_status code, const char *fmt, ...)
{
	va_list ap;

	if (err == NULL) {
		return code;
	}
	err->code = code;
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
	va_end(ap);
	return code;
}

enum nf_status
nf_error_prefix(struct nf_error *err, const char *what)
{
	char reason[sizeof(err->msg)];

	memcpy(reason, err->msg, sizeof(reason));
	if (snprintf(err->msg, sizeof(err->msg), "%s: %s", what, reason) < 0) {
		err->msg[0] = '\0';
	}
	return err->code;
}

void
nf_error_clear(struct nf_error *err)
{
	if (err != NULL) {
		err->code = NF_OK;
		err->msg[0] = '\0';
	}
}
