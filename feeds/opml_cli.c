/* newsfold --import-opml FILE and --export-opml. */
#include "autoconfig.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config/config.h"
#include "feeds/opml.h"
#include "feeds/opml_cli.h"

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

int
opml_import_main(const struct nf_args *args)
{
	struct opml_list list;
	struct nf_error err;
	const char *file = args->args[0];
	char *target = NULL;
	size_t added = 0;
	int status = 0;

	if (opml_read_file(file, &list, &err) != NF_OK) {
		fprintf(stderr, "newsfold: %s: %s\n", file, err.msg);
		opml_list_free(&list);
		return 1;
	}
	if ((target = import_target(args)) == NULL) {
		fprintf(stderr, "newsfold: no dotfile to write: set HOME or use -c FILE\n");
		status = 2;
	} else if (opml_merge_into(target, &list, file, &added, &err) != NF_OK) {
		fprintf(stderr, "newsfold: %s\n", err.msg);
		status = err.code == NF_ERR_CONFIG ? 2 : 1;
	} else {
		printf("%zu feed%s added to %s (%zu already there",
		       added, added == 1 ? "" : "s", target, list.nfeeds - added);
		if (list.nskipped > 0) {
			printf(", %zu skipped: not http or https", list.nskipped);
		}
		printf(")\n");
	}
	free(target);
	opml_list_free(&list);
	return status;
}

int
opml_export_main(const struct nf_args *args)
{
	struct config cfg;
	struct nf_error err;
	struct buf out;
	int status = 0;

	if (config_load(args->config_path, &cfg, &err) != NF_OK) {
		/* a dotfile error reads "FILE:LINE: what is wrong" as it is */
		fprintf(stderr, err.code == NF_ERR_CONFIG ? "%s\n" : "newsfold: %s\n",
		        err.msg);
		config_free(&cfg);
		return 2;
	}
	buf_init(&out, 256L * 1024 * 1024);
	if (opml_write(cfg.feeds, cfg.nfeeds, "newsfold feeds", &out, &err) != NF_OK) {
		fprintf(stderr, "newsfold: --export-opml: %s\n", err.msg);
		status = 1;
	} else if (fwrite(out.data, 1, out.len, stdout) != out.len ||
	           fflush(stdout) != 0) {
		fprintf(stderr, "newsfold: --export-opml: cannot write the output\n");
		status = 1;
	}
	buf_free(&out);
	config_free(&cfg);
	return status;
}
