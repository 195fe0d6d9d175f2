#ifndef NF_CONFIG_WORDS_H
#define NF_CONFIG_WORDS_H

/*
 * Splits a dotfile line into words: blanks separate words; a word that
 * begins with a double quote runs to the closing quote, with \" and \\
 * as escapes; with comments set, a word that begins with # (at the start
 * of the line or after a blank, outside quotes) starts a comment that
 * runs to the end of the line, so a URL keeps its #fragment.
 */

#include "src/error.h"

#define CONFIG_WORDS_MAX 64

struct config_words {
	char *store;			/* the words, NUL-separated */
	char *w[CONFIG_WORDS_MAX];
	int quoted[CONFIG_WORDS_MAX];	/* the word was written in quotes */
	int n;
};

/* On NF_ERR_CONFIG, *problem is a static message ("unterminated quote");
 * NF_ERR_NOMEM when out of memory. out needs config_words_free() only
 * after success. */
enum nf_status config_words_split(const char *line, int comments,
                                  struct config_words *out,
                                  const char **problem);
void config_words_free(struct config_words *w);

/* Drops in place the bytes of s that are not whole UTF-8 sequences: what
 * a "%.60s" or a full message buffer leaves of a character it cut. */
void config_words_trim_utf8(char *s);

/* Splits the browser command into an argument vector, in the dotfile's
 * quoting (double quotes, backslash escapes \" and \\), with every %u
 * replaced by url, or url appended when the command has no %u. Returns a
 * NULL-terminated vector; free it with config_argv_free(). */
enum nf_status config_browser_argv(const char *command, const char *url,
                                   char ***argv, struct nf_error *err);
void config_argv_free(char **argv);

/* One %KEY of a command line and what it stands for. */
struct config_subst {
	char key;		/* 'u' for %u */
	const char *value;
};

/* Splits command as config_browser_argv() does, with every %KEY of subst
 * replaced by its value (a value is one argument however it reads: no
 * shell ever sees it), %% by %, and any other % kept. When no word uses
 * a key, the values are added as arguments, in subst's order. Returns a
 * NULL-terminated vector; free it with config_argv_free(). */
enum nf_status config_command_argv(const char *command,
                                   const struct config_subst *subst,
                                   size_t nsubst, char ***argv,
                                   struct nf_error *err);

#endif
