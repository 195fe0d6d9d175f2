#include "autoconfig.h"

#include <getopt.h>
#include <locale.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/xmlerror.h>

#include "src/cli.h"
#include "src/dump.h"
#include "src/headlines.h"
#include "src/newsboat_cli.h"
#include "src/opml_cli.h"
#include "src/refresh.h"
#include "ui/reader.h"

/* The reader lives with the screens, which know nothing of the command
 * line: it takes the two paths alone. */
static enum nf_status
reader_args_run(const struct nf_args *args, struct nf_error *err)
{
	return reader_run(args->config_path, args->db_path, err);
}

/* max_operands for a mode that takes any number. */
#define OPERANDS_ANY (-1)

/* The command-line modes, each named here and nowhere else: the usage
 * text, the long options, the operand check and the dispatch all come
 * from this table. The first row, without an option, is the default. */
static const struct mode {
	const char *option;	/* --option that selects the mode */
	cli_run_fn *run;
	int min_operands, max_operands;
	const char *usage_args;	/* what follows the option in the usage */
	const char *summary;
	int names_source;	/* each failure is its operand's: "SOURCE: reason" */
	int narrows;		/* takes --tag TAG and --query TITLE */
	int fetches;		/* refreshes the dotfile's feeds */
} modes[] = {
	{ NULL, reader_args_run, 0, 0, "[-c FILE] [-d DBFILE]",
	  "the interactive reader", 0, 0, 1 },
	{ "dump", dump_run, 1, 1, "SOURCE",
	  "parse one feed, print JSON", 1, 0, 0 },
	{ "refresh", refresh_run, 0, 0, "",
	  "fetch every configured feed", 0, 0, 1 },
	{ "headlines", headlines_run, 0, OPERANDS_ANY, "[SOURCE...]",
	  "print the folded front page", 0, 1, 0 },
	{ "import-opml", opml_import_run, 1, 1, "FILE",
	  "add an OPML's feeds to the dotfile", 0, 0, 0 },
	{ "export-opml", opml_export_run, 0, 0, "",
	  "print the feed list as OPML", 0, 0, 0 },
	{ "import-newsboat", newsboat_import_run, 0, 1, "[DIR]",
	  "bring newsboat's feeds, queries, settings and read state", 0, 0, 0 },
};

#define NMODES (sizeof(modes) / sizeof(modes[0]))
/* getopt_long's value for modes[i] is MODE_VAL + i, clear of every
 * character a short option could be. */
#define MODE_VAL 0x100

static const char usage_tail[] =
	"       newsfold --help | --version\n"
	"\n"
	"SOURCE is an http(s) URL, a file:// URL, a path, or - for standard input.\n"
	"  -c, --config FILE   the dotfile (default $NEWSFOLD_CONFIG,\n"
	"                      $XDG_CONFIG_HOME/newsfold/config, ~/.newsfoldrc)\n"
	"  -d, --db DBFILE     the database (default $XDG_DATA_HOME/newsfold/newsfold.db)\n"
	"  --tag TAG           --headlines: only the feeds carrying TAG\n"
	"  --query TITLE       --headlines: only what the dotfile's query TITLE lists\n";

/* libxml2 prints some errors (a failed encoding conversion, say) straight
 * to stderr, which would land on the reader's screen. Every failure
 * already reaches the user through the parsers' own messages. */
static void
xml_quiet(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

static void
xml_quiet_structured(void *ctx, xmlErrorPtr error)
{
	(void)ctx;
	(void)error;
}

static int
usage(FILE *out, int status)
{
	const struct mode *m;
	char synopsis[64];

	for (m = modes; m < modes + NMODES; m++) {
		snprintf(synopsis, sizeof(synopsis), "%s%s%s%s",
		         m->option != NULL ? "--" : "",
		         m->option != NULL ? m->option : "",
		         m->option != NULL && m->usage_args[0] != '\0' ? " " : "",
		         m->usage_args);
		fprintf(out, "%snewsfold %-30s %s\n", m == modes ? "usage: " : "       ",
		        synopsis, m->summary);
	}
	fputs(usage_tail, out);
	return status;
}

/* The long options: -c, -d, --help, --version and one per mode. */
static void
make_options(struct option *out)
{
	static const struct option fixed[] = {
		{ "config", required_argument, NULL, 'c' },
		{ "db", required_argument, NULL, 'd' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ "tag", required_argument, NULL, 't' },
		{ "query", required_argument, NULL, 'q' },
	};
	size_t i, n = 0;

	for (i = 0; i < sizeof(fixed) / sizeof(fixed[0]); i++) {
		out[n++] = fixed[i];
	}
	for (i = 1; i < NMODES; i++) {
		out[n++] = (struct option){ modes[i].option, no_argument, NULL,
		                            MODE_VAL + (int)i };
	}
	out[n] = (struct option){ NULL, 0, NULL, 0 };
}

static int
operands_fit(const struct mode *m, int n)
{
	return n >= m->min_operands &&
	       (m->max_operands == OPERANDS_ANY || n <= m->max_operands);
}

/* Prints a failed mode's message (src/cli.h says how it reads) and
 * returns the exit status for st. */
static int
report(const struct mode *m, const char *source, enum nf_status st,
       const struct nf_error *err)
{
	if (st == NF_OK) {
		return 0;
	}
	if (st == NF_ERR_SIGNAL) {
		return 128 + (int)strtol(err->msg, NULL, 10);
	}
	if (err->msg[0] == '\0') {
		/* already reported */
	} else if (st == NF_ERR_CONFIG) {
		fprintf(stderr, "%s\n", err->msg);
	} else {
		fprintf(stderr, "%s: %s\n", m->names_source ? source : "newsfold",
		        err->msg);
	}
	return st == NF_ERR_USAGE || st == NF_ERR_CONFIG ? 2 : 1;
}

/*
 * A refresh parses one feed after another on each worker: every parse
 * grows the same buffers (the body, libxml2's input, the filter's
 * output) and frees them, and glibc handed that memory back to the
 * kernel each time (a worker's heap is trimmed past 128 KiB free; a
 * buffer past its mmap threshold is unmapped), so the next feed faulted
 * it in again: half the refresh's page faults. Kept up to 16 MiB at a
 * heap's top, and served from the heap up to 4 MiB, it is reused.
 */
static void
keep_freed_memory(void)
{
#ifdef __GLIBC__
	mallopt(M_TRIM_THRESHOLD, 16 << 20);
	mallopt(M_MMAP_THRESHOLD, 4 << 20);
#endif
}

int
main(int argc, char **argv)
{
	struct option options[6 + NMODES];	/* see make_options() */
	struct nf_args args = { 0 };
	struct nf_error err;
	const struct mode *mode = &modes[0];
	enum nf_status st;
	int c, chosen = 0;

	setlocale(LC_ALL, "");
	xmlSetGenericErrorFunc(NULL, xml_quiet);
	xmlSetStructuredErrorFunc(NULL, xml_quiet_structured);
	make_options(options);
	while ((c = getopt_long(argc, argv, "c:d:hV", options, NULL)) != -1) {
		if (c >= MODE_VAL && c < MODE_VAL + (int)NMODES) {
			mode = &modes[c - MODE_VAL];
			chosen++;
			continue;
		}
		switch (c) {
		case 'c': args.config_path = optarg; break;
		case 'd': args.db_path = optarg; break;
		case 't': args.tag = optarg; break;
		case 'q': args.query = optarg; break;
		case 'h': return usage(stdout, 0);
		case 'V': puts(PACKAGE_STRING); return 0;
		default: return usage(stderr, 2);
		}
	}
	args.nargs = argc - optind;
	args.args = argv + optind;
	if (chosen > 1 || !operands_fit(mode, args.nargs) ||
	    ((args.tag != NULL || args.query != NULL) && !mode->narrows)) {
		return usage(stderr, 2);
	}
	nf_error_clear(&err);
	if (mode->fetches) {
		keep_freed_memory();
	}
	st = mode->run(&args, &err);
	return report(mode, args.nargs > 0 ? args.args[0] : "", st, &err);
}
