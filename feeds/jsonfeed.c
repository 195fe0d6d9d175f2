#include "autoconfig.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "feeds/entry.h"
#include "feeds/jsonfeed.h"
#include "src/url.h"

static const char *
json_string(const cJSON *obj, const char *key)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);

	return cJSON_IsString(v) ? v->valuestring : NULL;
}

/* JSON Feed 1.1 "authors" (first one), else 1.0 "author". */
static const char *
json_author(const cJSON *obj)
{
	const cJSON *a = cJSON_GetObjectItemCaseSensitive(obj, "authors");

	if (cJSON_IsArray(a) && cJSON_GetArraySize(a) > 0) {
		return json_string(cJSON_GetArrayItem(a, 0), "name");
	}
	return json_string(cJSON_GetObjectItemCaseSensitive(obj, "author"), "name");
}

static int
set_resolved(char **field, const char *link, const char *base)
{
	char *abs;

	if (link == NULL || *field != NULL) {
		return 0;
	}
	if ((abs = url_resolve(link, base)) == NULL) {
		return -1;
	}
	*field = abs;
	return 0;
}

/* Ids may be numbers in the wild although the spec says string. */
static int
set_id(struct entry_raw *raw, const cJSON *item)
{
	const cJSON *id = cJSON_GetObjectItemCaseSensitive(item, "id");
	char num[64];

	if (cJSON_IsString(id)) {
		return nf_strset(&raw->id, id->valuestring);
	}
	if (cJSON_IsNumber(id)) {
		snprintf(num, sizeof(num), "%.17g", id->valuedouble);
		return nf_strset(&raw->id, num);
	}
	return 0;
}

static int
add_lists(struct entry_raw *raw, const cJSON *item, const char *base)
{
	const cJSON *v;

	cJSON_ArrayForEach(v, cJSON_GetObjectItemCaseSensitive(item, "tags")) {
		if (cJSON_IsString(v) && entry_add_category(raw, v->valuestring) != 0) {
			return -1;
		}
	}
	cJSON_ArrayForEach(v, cJSON_GetObjectItemCaseSensitive(item, "attachments")) {
		const char *type = json_string(v, "mime_type");
		const cJSON *size = cJSON_GetObjectItemCaseSensitive(v, "size_in_bytes");
		char *url = NULL;

		if (set_resolved(&url, json_string(v, "url"), base) != 0) {
			return -1;
		}
		if (url != NULL && type != NULL && strncmp(type, "image/", 6) == 0 &&
		    entry_set_first(&raw->enclosure_image, url) != 0) {
			free(url);
			return -1;
		}
		if (url != NULL && item_add_enclosure(raw->item, url, type,
		    cJSON_IsNumber(size) && size->valuedouble > 0 ?
		    (long long)size->valuedouble : 0) != 0) {
			free(url);
			return -1;
		}
		free(url);
	}
	return 0;
}

static int
fill_raw(struct entry_raw *raw, const cJSON *item, const char *base)
{
	const char *html = json_string(item, "content_html");
	const char *image = json_string(item, "image");

	if (set_id(raw, item) != 0 ||
	    set_resolved(&raw->link, json_string(item, "url"), base) != 0 ||
	    set_resolved(&raw->link, json_string(item, "external_url"), base) != 0 ||
	    set_resolved(&raw->json_image, image != NULL ? image :
	                 json_string(item, "banner_image"), base) != 0 ||
	    nf_strset(&raw->title, json_string(item, "title")) != 0 ||
	    nf_strset(&raw->summary, json_string(item, "summary")) != 0 ||
	    nf_strset(&raw->content, html != NULL ? html :
	              json_string(item, "content_text")) != 0 ||
	    nf_strset(&raw->published, json_string(item, "date_published")) != 0 ||
	    nf_strset(&raw->updated, json_string(item, "date_modified")) != 0 ||
	    nf_strset(&raw->author, json_author(item)) != 0 ||
	    nf_strset(&raw->base, base) != 0) {
		return -1;
	}
	raw->content_markup = html != NULL ? ENTRY_HTML : ENTRY_GUESS;
	return add_lists(raw, item, base);
}

static enum nf_status
read_meta(const cJSON *root, const struct feed_options *opts, struct nf_feed *meta)
{
	const char *home = json_string(root, "home_page_url");

	meta->format = "jsonfeed";
	meta->title = entry_clean_line(json_string(root, "title"), ENTRY_GUESS);
	meta->description = entry_clean_line(json_string(root, "description"), ENTRY_GUESS);
	meta->author = entry_clean_line(json_author(root), ENTRY_GUESS);
	if (set_resolved(&meta->link, home, opts->base_url) != 0) {
		return NF_ERR_NOMEM;
	}
	return NF_OK;
}

enum nf_status
jsonfeed_parse(const char *buf, size_t len, const struct feed_options *opts,
               struct nf_feed *meta, feed_item_fn on_item, void *ctx,
               struct nf_error *err)
{
	cJSON *root = cJSON_ParseWithLength(buf, len);
	const cJSON *items, *v;
	const char *version, *base, *feed_author;
	enum nf_status st = NF_OK;

	if (!cJSON_IsObject(root)) {
		st = nf_error_set(err, NF_ERR_PARSE, "not a feed: %s",
		                  root == NULL ? "invalid JSON" : "JSON but not an object");
		goto out;
	}
	version = json_string(root, "version");
	items = cJSON_GetObjectItemCaseSensitive(root, "items");
	if ((version == NULL || strstr(version, "jsonfeed.org") == NULL) &&
	    !cJSON_IsArray(items)) {
		st = nf_error_set(err, NF_ERR_PARSE, "not a feed: JSON without a JSON Feed version or items");
		goto out;
	}
	if ((st = read_meta(root, opts, meta)) != NF_OK) {
		nf_error_set(err, st, "out of memory");
		goto out;
	}
	base = meta->link != NULL ? meta->link : opts->base_url;
	feed_author = json_author(root);
	cJSON_ArrayForEach(v, items) {
		struct entry_raw raw;
		struct nf_item *item;

		if (!cJSON_IsObject(v)) {
			continue;
		}
		if (entry_init(&raw) != 0 || fill_raw(&raw, v, base) != 0) {
			entry_clear(&raw);
			st = nf_error_set(err, NF_ERR_NOMEM, "out of memory");
			goto out;
		}
		if ((st = entry_build(&raw, opts, feed_author, &item, err)) != NF_OK) {
			goto out;
		}
		if (on_item(ctx, meta, item) != 0) {
			break;
		}
	}
out:
	cJSON_Delete(root);
	return st;
}
