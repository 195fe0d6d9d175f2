#ifndef NF_HTMLPREP_H
#define NF_HTMLPREP_H

/*
 * HTML rewritten before libxml2 (2.9) reads it, where libxml2 would lose
 * the text around some markup, so that an element may go with its
 * content but never takes the text after it (htmltext.c reads every
 * field through this before libxml2; htmlfast.c declines all of it):
 *
 * - <embed> is void in HTML5, not in libxml2, which puts everything after
 *   it inside, where it was dropped. Its start tag is taken out.
 * - A dropped element (<script>, <style>, <noscript>, <select>, ...)
 *   whose end tag never comes would hold the rest of the document: such
 *   a start tag is taken out and what follows it stays as text.
 * - A comment with no "-->" ends at its first '>' ("sa<!-- -- x >fe" is
 *   "safe"); with no '>' either it runs to the end, as in HTML5.
 * - "<!" that opens no comment, CDATA section or declaration, or a
 *   declaration that never closes, is text ("<!'" and a bare "<!DOCTYPE"
 *   show).
 * - A CDATA section is its text.
 * - "&#146;" and the other references to 128-159 are windows-1252, as
 *   HTML5 reads them; libxml2 gives the C1 control, which the gate drops.
 *
 * <iframe>, <object> and <applet> are not dropped (htmltext.c): their
 * content is the fallback a browser shows when it shows no frame or
 * plug-in, which is what a text reader is; the elements show nothing.
 */

#include <stddef.h>

/* s[0..n) rewritten by the rules above. Returns a new string (free()
 * it), its length in *outlen; NULL when out of memory. */
char *htmlprep_rewrite(const char *s, size_t n, size_t *outlen);

#endif
