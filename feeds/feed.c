/* Placeholder until the feed parsers land. */
#include "config.h"

#include "feeds/feed.h"

struct feed_parser *feed_parser_new(const struct feed_options *o, feed_item_fn f, void *c) { (void)o; (void)f; (void)c; return NULL; }
enum nf_status feed_parser_push(struct feed_parser *p, const char *c, size_t l, int f, struct nf_error *e) { (void)p; (void)c; (void)l; (void)f; return nf_error_set(e, NF_ERR_PARSE, "not implemented"); }
const struct nf_feed *feed_parser_feed(const struct feed_parser *p) { (void)p; return NULL; }
void feed_parser_free(struct feed_parser *p) { (void)p; }
enum nf_status feed_parse(const char *b, size_t l, const struct feed_options *o, struct nf_feed **f, struct nf_error *e) { (void)b; (void)l; (void)o; *f = NULL; return nf_error_set(e, NF_ERR_PARSE, "not implemented"); }
