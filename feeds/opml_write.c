/* OPML 2.0 export: an OPML list as a document. */
#include "autoconfig.h"

#include <string.h>
#include <time.h>

#include <libxml/tree.h>

#include "feeds/opml.h"

/* How many leading tags two feeds share. */
static size_t
common_tags(const struct opml_feed *a, const struct opml_feed *b)
{
	size_t i;

	for (i = 0; a != NULL && i < a->ntags && i < b->ntags; i++) {
		if (strcmp(a->tags[i], b->tags[i]) != 0) {
			break;
		}
	}
	return a != NULL ? i : 0;
}

static void
add_feed_outline(xmlNode *parent, const struct opml_feed *f)
{
	xmlNode *o = xmlNewChild(parent, NULL, BAD_CAST "outline", NULL);
	const char *text = f->title != NULL ? f->title : f->url;

	xmlNewProp(o, BAD_CAST "type", BAD_CAST "rss");
	xmlNewProp(o, BAD_CAST "text", BAD_CAST text);
	if (f->title != NULL) {
		xmlNewProp(o, BAD_CAST "title", BAD_CAST f->title);
	}
	xmlNewProp(o, BAD_CAST "xmlUrl", BAD_CAST f->url);
}

/* Feeds in order; each tag opens a folder outline, shared with the feed
 * before when its leading tags are the same, so order and tags survive a
 * round trip. */
static void
add_body(xmlNode *body, const struct opml_feed *feeds, size_t n)
{
	xmlNode *open[64];
	size_t i, depth = 0, keep;

	open[0] = body;
	for (i = 0; i < n; i++) {
		keep = common_tags(i > 0 ? &feeds[i - 1] : NULL, &feeds[i]);
		if (keep > depth) {
			keep = depth;
		}
		depth = keep;
		while (depth < feeds[i].ntags && depth < 63) {
			open[depth + 1] = xmlNewChild(open[depth], NULL,
			                              BAD_CAST "outline", NULL);
			xmlNewProp(open[depth + 1], BAD_CAST "text",
			           BAD_CAST feeds[i].tags[depth]);
			depth++;
		}
		add_feed_outline(open[depth], &feeds[i]);
	}
}

enum nf_status
opml_write(const struct opml_feed *feeds, size_t n, const char *title,
           struct buf *out, struct nf_error *err)
{
	xmlDoc *doc = xmlNewDoc(BAD_CAST "1.0");
	xmlNode *root, *head, *body;
	xmlChar *mem = NULL;
	char date[64];
	time_t now = time(NULL);
	struct tm tm;
	int size = 0;
	enum nf_status st;

	root = xmlNewNode(NULL, BAD_CAST "opml");
	xmlDocSetRootElement(doc, root);
	xmlNewProp(root, BAD_CAST "version", BAD_CAST "2.0");
	head = xmlNewChild(root, NULL, BAD_CAST "head", NULL);
	xmlNewTextChild(head, NULL, BAD_CAST "title", BAD_CAST title);
	gmtime_r(&now, &tm);
	strftime(date, sizeof(date), "%a, %d %b %Y %H:%M:%S GMT", &tm);
	xmlNewTextChild(head, NULL, BAD_CAST "dateCreated", BAD_CAST date);
	body = xmlNewChild(root, NULL, BAD_CAST "body", NULL);
	add_body(body, feeds, n);
	xmlDocDumpFormatMemoryEnc(doc, &mem, &size, "UTF-8", 1);
	xmlFreeDoc(doc);
	if (mem == NULL) {
		return nf_error_set(err, NF_ERR_NOMEM, "out of memory");
	}
	st = buf_add(out, mem, (size_t)size);
	xmlFree(mem);
	return st == NF_OK ? NF_OK : nf_error_set(err, st, "out of memory");
}
