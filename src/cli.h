#ifndef NF_CLI_H
#define NF_CLI_H

/*
 * What main.c hands each command-line mode. Each mode returns the exit
 * status SPEC defines: 0 success, 1 a feed or input failed (message on
 * stderr naming it and why), 2 bad usage or a bad dotfile.
 */

struct nf_args {
	const char *config_path;	/* -c FILE, or NULL: search as SPEC says */
	const char *db_path;		/* -d DBFILE, or NULL: the XDG default */
	int nargs;			/* operands after the mode option */
	char **args;
};

#endif
