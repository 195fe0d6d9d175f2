#include "autoconfig.h"

#include <getopt.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include <libxml/xmlerror.h>

#include "feeds/opml_cli.h"
#include "src/cli.h"
#include "src/dump.h"
#include "src/headlines.h"
#include "src/refresh.h"
#include "ui/reader.h"

enum mode {
	MODE_READER,
	MODE_DUMP,
	MODE_REFRESH,
	MODE_HEADLINES,
	MODE_IMPORT_OPML,
	MODE_EXPORT_OPML
};

static const char usage_text[] =
	"usage: newsfold [-c FILE] [-d DBFILE]          the interactive reader\n"
	"       newsfold --dump SOURCE                  parse one feed, print JSON\n"
	"       newsfold --refresh                      fetch every configured feed\n"
	"       newsfold --headlines [SOURCE...]        print the folded front page\n"
	"       newsfold --import-opml FILE             add an OPML's feeds to the dotfile\n"
	"       newsfold --export-opml                  print the feed list as OPML\n"
	"       newsfold --help | --version\n"
	"\n"
	"SOURCE is an http(s) URL, a file:// URL, a path, or - for standard input.\n"
	"  -c, --config FILE   the dotfile (default $NEWSFOLD_CONFIG,\n"
	"                      $XDG_CONFIG_HOME/newsfold/config, ~/.newsfoldrc)\n"
	"  -d, --db DBFILE     the database (default $XDG_DATA_HOME/newsfold/newsfold.db)\n";

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
	fputs(usage_text, out);
	return status;
}

static int
run_mode(enum mode mode, const struct nf_args *args)
{
	switch (mode) {
	case MODE_DUMP:
		return dump_main(args);
	case MODE_REFRESH:
		return refresh_main(args);
	case MODE_HEADLINES:
		return headlines_main(args);
	case MODE_IMPORT_OPML:
		return opml_import_main(args);
	case MODE_EXPORT_OPML:
		return opml_export_main(args);
	case MODE_READER:
		break;
	}
	return reader_main(args);
}

/* Checks the operand count each mode takes: --dump and --import-opml one,
 * --headlines any, the rest none. */
static int
operands_fit(enum mode mode, int n)
{
	switch (mode) {
	case MODE_DUMP:
	case MODE_IMPORT_OPML:
		return n == 1;
	case MODE_HEADLINES:
		return 1;
	default:
		return n == 0;
	}
}

int
main(int argc, char **argv)
{
	static const struct option options[] = {
		{ "config", required_argument, NULL, 'c' },
		{ "db", required_argument, NULL, 'd' },
		{ "dump", no_argument, NULL, 'D' },
		{ "refresh", no_argument, NULL, 'r' },
		{ "headlines", no_argument, NULL, 'H' },
		{ "import-opml", no_argument, NULL, 'i' },
		{ "export-opml", no_argument, NULL, 'e' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	struct nf_args args = { 0 };
	enum mode mode = MODE_READER;
	int c, modes = 0;

	setlocale(LC_ALL, "");
	xmlSetGenericErrorFunc(NULL, xml_quiet);
	xmlSetStructuredErrorFunc(NULL, xml_quiet_structured);
	while ((c = getopt_long(argc, argv, "c:d:hV", options, NULL)) != -1) {
		switch (c) {
		case 'c': args.config_path = optarg; break;
		case 'd': args.db_path = optarg; break;
		case 'D': mode = MODE_DUMP; modes++; break;
		case 'r': mode = MODE_REFRESH; modes++; break;
		case 'H': mode = MODE_HEADLINES; modes++; break;
		case 'i': mode = MODE_IMPORT_OPML; modes++; break;
		case 'e': mode = MODE_EXPORT_OPML; modes++; break;
		case 'h': return usage(stdout, 0);
		case 'V': puts(PACKAGE_STRING); return 0;
		default: return usage(stderr, 2);
		}
	}
	args.nargs = argc - optind;
	args.args = argv + optind;
	if (modes > 1 || !operands_fit(mode, args.nargs)) {
		return usage(stderr, 2);
	}
	return run_mode(mode, &args);
}
