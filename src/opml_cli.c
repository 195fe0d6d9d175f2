/* newsfold --import-opml FILE and --export-opml. */
#include "autoconfig.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config/config.h"
#include "config/import.h"
#include "feeds/opml.h"
#include "src/opml_cli.h"

/* The dotfile that config_load() would read, or the one to create. */
static char *
import_target(const struct nf_args *args)
{
	char *path = config_path_found(args->config_path);

	if (path != NULL) {
		return path;
	}
	if (args->config_path != NULL) {
		return strdup(args->config_path);
	}
	return getenv("NEWSFOLD_CONFIG") != NULL && *getenv("NEWSFOLD_CONFIG") != 0 ?
		strdup(getenv("NEWSFOLD_CONFIG")) : config_path_default();
}

enum nf_status
opml_import_run(const struct nf_args *args, struct nf_error *err)
{
	struct opml_list list;
	const char *file = args->args[0];
	char *target = NULL;
	size_t added = 0;
	enum nf_status st;

	if ((st = opml_read_file(file, &list, err)) != NF_OK) {
		nf_error_prefix(err, file);
	} else if ((target = import_target(args)) == NULL) {
		st = nf_error_set(err, NF_ERR_USAGE,
		                  "no dotfile to write: set HOME or use -c FILE");
	} else if ((st = config_import_opml(target, &list, file, &added, err)) == NF_OK) {
		printf("%zu feed%s added to %s (%zu already there",
		       added, added == 1 ? "" : "s", target, list.nfeeds - added);
		if (list.nskipped > 0) {
			printf(", %zu skipped: not http or https", list.nskipped);
		}
		printf(")\n");
	}
	free(target);
	opml_list_free(&list);
	return st;
}

enum nf_status
opml_export_run(const struct nf_args *args, struct nf_error *err)
{
	struct config cfg;
	struct opml_list list;
	struct buf out;
	enum nf_status st;

	memset(&list, 0, sizeof(list));
	buf_init(&out, 256L * 1024 * 1024);
	if ((st = config_load(args->config_path, &cfg, err)) != NF_OK ||
	    (st = config_export_opml(&cfg, &list, err)) != NF_OK) {
		goto out;
	}
	if (opml_write(list.feeds, list.nfeeds, "newsfold feeds", &out, err) != NF_OK) {
		st = nf_error_prefix(err, "--export-opml");
	} else if (fwrite(out.data, 1, out.len, stdout) != out.len ||
	           fflush(stdout) != 0) {
		st = nf_error_set(err, NF_ERR_IO, "--export-opml: cannot write the output");
	}
out:
	buf_free(&out);
	opml_list_free(&list);
	config_free(&cfg);
	return st;
}
