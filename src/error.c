#include "autoconfig.h"

#include <stdarg.h>
#include <stdio.h>

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

void
nf_error_clear(struct nf_error *err)
{
	if (err != NULL) {
		err->code = NF_OK;
		err->msg[0] = '\0';
	}
}
