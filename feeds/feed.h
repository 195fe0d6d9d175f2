#ifndef NF_FEED_H
#define NF_FEED_H

/*
 * Feed parsing: bytes in, items out, as a stream. The parser never sees a
 * socket or the database: fetch or a file reader pushes chunks, and each
 * item is handed to the caller as soon as its closing tag is read, so a
 * feed of any size parses in bounded memory.
 *
 * Formats: RSS 0.9x/2.0, RSS 1.0 (RDF), Atom 0.3/1.0 (libxml2 SAX2, with
 * XML_PARSE_NONET, no entity substitution, no DTD loading, recover mode),
 * and JSON Feed 1.0/1.1 (cJSON; the whole document is buffered up to
 * max_size since cJSON does not stream).
 *
 * Field rules, where SPEC leaves a choice:
 * - summary is the RSS description / Atom summary / JSON summary; content
 *   is content:encoded / Atom content / content_html (else content_text).
 *   An item with only a description has it as summary and no content:
 *   readers of the item fall back to the summary, as item_text_length()
 *   does. Both pass through html_extract() when they are HTML, so the
 *   caption and "Similar News" entries are taken out of either.
 * - The picture: media:content (an image) or media:thumbnail, else an
 *   image enclosure, else JSON image/banner_image, else the picture
 *   html_extract() found. Caption: media:description, else media:title,
 *   else the HTML's caption; credit likewise.
 * - An item without an author takes the feed's, in every format. Where
 *   the usual element is missing, the iTunes, Media RSS, Dublin Core
 *   and dcterms ones stand in (itunes:summary/subtitle for the summary,
 *   itunes:author/dc:author, itunes:category/media:category, media:title
 *   for the title, dcterms:issued/modified); see feeds/elements.def.
 * - Atom text is read by its type: "text", text/plain or no type at all
 *   (Atom's default) is text even where it holds "<"; "html" is HTML;
 *   Atom 0.3 mode="base64" is decoded first. RSS text, which has no
 *   type, is HTML when it looks like HTML.
 * - Encoding: a BOM or the XML declaration wins; opts->charset (from HTTP)
 *   is used only when the document declares none, since servers send a
 *   default charset far more often than documents lie about theirs.
 *   Bytes that do not decode end up as U+FFFD through the text gate.
 *   ISO-8859-1/US-ASCII are read as windows-1252, Shift_JIS as CP932 and
 *   EUC-JP as EUC-JP-MS: the supersets that feeds with those labels use.
 *   A document without a charset, or labelled UTF-8, whose first bytes
 *   hold no UTF-8 character but bytes that are no UTF-8 is windows-1252.
 *   In a UTF-8 document, a later byte that is no UTF-8 is U+FFFD (the
 *   rest of the feed is still read), and the C1 controls U+0080-U+009F,
 *   as bytes or as "&#146;", are the windows-1252 punctuation feeds mean.
 * - An undefined HTML entity (&nbsp;) is read as HTML would; an unknown
 *   name or a bare "&" stays as text. An entity the DOCTYPE declares with
 *   a plain-text value is expanded; one whose value holds a reference to
 *   another entity, or that is external, is not.
 */

#include <stddef.h>

#include "feeds/options.h"
#include "src/error.h"
#include "src/item.h"

struct feed_parser;

/* Returns a new parser, or NULL when out of memory; free with
 * feed_parser_free(). opts and its strings must outlive the parser. */
struct feed_parser *feed_parser_new(const struct feed_options *opts,
                                    feed_item_fn on_item, void *ctx);
/* Pushes the next chunk; final is nonzero on the last call (len may be 0).
 * A malformed feed is read as far as it goes; NF_ERR_PARSE only when
 * nothing feed-like was found. */
enum nf_status feed_parser_push(struct feed_parser *p, const char *chunk,
                                size_t len, int final, struct nf_error *err);
/* The channel metadata read so far (format, title, link, ...); owned by
 * the parser, items is always empty. */
const struct nf_feed *feed_parser_feed(const struct feed_parser *p);
void feed_parser_free(struct feed_parser *p);

/* Whether a document's first bytes (512 are enough) settle its encoding:
 * a BOM, an XML declaration naming one, or JSON. When they do not,
 * opts->charset decides, so a caller that learns the charset late (after
 * an HTTP transfer) holds such a body back until it knows. */
int feed_names_encoding(const char *head, size_t len);

/* Convenience: parses a whole buffer into a new feed with its items;
 * free with feed_free(). */
enum nf_status feed_parse(const char *buf, size_t len,
                          const struct feed_options *opts,
                          struct nf_feed **feed, struct nf_error *err);

#endif
