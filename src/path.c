#include "autoconfig.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "src/path.h"

enum nf_status
path_make_parents(const char *path, struct nf_error *err)
{
	char *dir = strdup(path);
	char *p;
	enum nf_status status = NF_OK;

	if (dir == NULL) {
		return nf_error_set(err, NF_ERR_NOMEM, "out of memory");
	}
	for (p = dir + 1; *p != '\0'; p++) {
		if (*p != '/') {
			continue;
		}
		*p = '\0';
		if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
			status = nf_error_set(err, NF_ERR_IO, "%s: cannot create: %s",
			                      dir, strerror(errno));
			break;
		}
		*p = '/';
	}
	free(dir);
	return status;
}
