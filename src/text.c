/* Placeholder until the text module lands: copies without cleaning. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "src/text.h"

char *text_sanitize(const char *s, size_t len) { return strndup(s, len); }
char *text_clean_line(const char *s, size_t len) { return strndup(s, len); }
char *text_from_html(const char *html, size_t len) { return strndup(html, len); }
int text_width(const char *s) { return (int)strlen(s); }
char *text_fit(const char *s, int width, int pad) { (void)width; (void)pad; return strdup(s); }
char *text_wrap(const char *s, int width) { (void)width; return strdup(s); }
