#include "autoconfig.h"

#include <stdlib.h>
#include <string.h>

#include "config/words.h"
#include "src/utf8.h"

static int
is_blank(char ch)
{
	return ch == ' ' || ch == '\t';
}

/* Copies the quoted word at *p (past its opening quote) to *d. */
static const char *
copy_quoted(const char **p, char **d)
{
	const char *s = *p;

	for (;;) {
		if (*s == 0) {
			return "unterminated quote";
		}
		if (*s == '"') {
			s++;
			break;
		}
		if (*s == '\\' && (s[1] == '"' || s[1] == '\\')) {
			s++;
		}
		*(*d)++ = *s++;
	}
	if (*s != 0 && !is_blank(*s)) {
		return "text right after a closing quote";
	}
	*p = s;
	return NULL;
}

static const char *
copy_plain(const char **p, char **d)
{
	const char *s = *p;

	while (*s != 0 && !is_blank(*s)) {
		if (*s == '"') {
			return "a quote inside a word (quote the whole word)";
		}
		*(*d)++ = *s++;
	}
	*p = s;
	return NULL;
}

enum nf_status
config_words_split(const char *line, int comments, struct config_words *out,
                   const char **problem)
{
	const char *p = line, *bad;
	char *d;

	memset(out, 0, sizeof(*out));
	if ((out->store = malloc(strlen(line) + 1)) == NULL) {
		return NF_ERR_NOMEM;
	}
	for (d = out->store;; out->n++) {
		while (is_blank(*p)) {
			p++;
		}
		if (*p == 0 || (comments && *p == '#')) {
			return NF_OK;
		}
		if (out->n == CONFIG_WORDS_MAX) {
			bad = "too many words on one line";
			break;
		}
		out->w[out->n] = d;
		out->quoted[out->n] = *p == '"';
		if (*p == '"') {
			p++;
			bad = copy_quoted(&p, &d);
		} else {
			bad = copy_plain(&p, &d);
		}
		if (bad != NULL) {
			break;
		}
		*d++ = 0;
	}
	*problem = bad;
	config_words_free(out);
	return NF_ERR_CONFIG;
}

void
config_words_free(struct config_words *w)
{
	free(w->store);
	w->store = NULL;
	w->n = 0;
}

void
config_words_trim_utf8(char *s)
{
	char *p = s, *d = s;
	size_t n, i;
	unsigned char c;

	while (*p != 0) {
		c = (unsigned char)*p;
		n = c < 0x80 ? 1 : c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 0;
		for (i = 1; i < n && ((unsigned char)p[i] & 0xc0) == 0x80; i++) {
			continue;
		}
		if (n == 0 || i < n || !utf8_is_valid(p, n)) {
			p++;
			continue;
		}
		memmove(d, p, n);
		d += n;
		p += n;
	}
	*d = 0;
}

enum nf_status
config_browser_argv(const char *command, const char *url, char ***argv,
                    struct nf_error *err)
{
	const struct config_subst subst[] = { { 'u', url } };

	return config_command_argv(command, subst, 1, argv, err);
}

void
config_argv_free(char **argv)
{
	size_t i;

	if (argv == NULL) {
		return;
	}
	for (i = 0; argv[i] != NULL; i++) {
		free(argv[i]);
	}
	free(argv);
}

static const struct config_subst *
subst_find(const struct config_subst *subst, size_t n, char key)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (subst[i].key == key) {
			return &subst[i];
		}
	}
	return NULL;
}

/* Returns word with its %KEYs replaced, or NULL out of memory. */
static char *
expand_keys(const char *word, const struct config_subst *subst, size_t n,
            int *used)
{
	const struct config_subst *sb;
	size_t len = strlen(word) + 1, i, j;
	char *out;

	for (i = 0; word[i] != 0; i++) {
		if (word[i] == '%' && (sb = subst_find(subst, n, word[i + 1])) != NULL) {
			len += strlen(sb->value != NULL ? sb->value : "");
		}
	}
	if ((out = malloc(len)) == NULL) {
		return NULL;
	}
	for (i = j = 0; word[i] != 0; i++) {
		sb = word[i] == '%' ? subst_find(subst, n, word[i + 1]) : NULL;
		if (sb != NULL) {
			len = strlen(sb->value != NULL ? sb->value : "");
			memcpy(out + j, sb->value != NULL ? sb->value : "", len);
			j += len;
			*used = 1;
			i++;
		} else if (word[i] == '%' && word[i + 1] == '%') {
			out[j++] = '%';
			i++;
		} else {
			out[j++] = word[i];
		}
	}
	out[j] = 0;
	return out;
}

enum nf_status
config_command_argv(const char *command, const struct config_subst *subst,
                    size_t nsubst, char ***argv, struct nf_error *err)
{
	struct config_words w;
	const char *problem = NULL;
	enum nf_status st;
	char **v;
	size_t i, k;
	int used = 0;

	*argv = NULL;
	if ((st = config_words_split(command, 0, &w, &problem)) != NF_OK) {
		nf_error_set(err, st, "%s in \"%.60s\"",
		             st == NF_ERR_NOMEM ? "out of memory" : problem, command);
		if (err != NULL) {
			config_words_trim_utf8(err->msg);
		}
		return st;
	}
	if (w.n == 0) {
		config_words_free(&w);
		return nf_error_set(err, NF_ERR_CONFIG, "empty command");
	}
	if ((v = calloc((size_t)w.n + nsubst + 1, sizeof(*v))) == NULL) {
		config_words_free(&w);
		return nf_error_set(err, NF_ERR_NOMEM, "out of memory");
	}
	for (i = 0; i < (size_t)w.n && st == NF_OK; i++) {
		if ((v[i] = expand_keys(w.w[i], subst, nsubst, &used)) == NULL) {
			st = NF_ERR_NOMEM;
		}
	}
	for (k = 0; st == NF_OK && !used && k < nsubst; k++, i++) {
		if ((v[i] = strdup(subst[k].value != NULL ? subst[k].value : "")) == NULL) {
			st = NF_ERR_NOMEM;
		}
	}
	config_words_free(&w);
	if (st != NF_OK) {
		config_argv_free(v);
		return nf_error_set(err, st, "out of memory");
	}
	*argv = v;
	return NF_OK;
}
