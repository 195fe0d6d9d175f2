#include "autoconfig.h"

#include <stdlib.h>
#include <string.h>

#include "src/item.h"

int
nf_strset(char **field, const char *s)
{
	char *copy = NULL;

	if (s != NULL && (copy = strdup(s)) == NULL) {
		return -1;
	}
	free(*field);
	*field = copy;
	return 0;
}

struct nf_item *
item_new(void)
{
	struct nf_item *item = calloc(1, sizeof(*item));

	if (item != NULL) {
		item->published = NF_NO_DATE;
		item->updated = NF_NO_DATE;
	}
	return item;
}

void
related_clear(struct nf_related *entry)
{
	size_t i;

	if (entry == NULL) {
		return;
	}
	free(entry->title);
	free(entry->link);
	free(entry->source);
	free(entry->summary);
	for (i = 0; i < entry->ncopies; i++) {
		related_clear(&entry->copies[i]);
	}
	free(entry->copies);
	memset(entry, 0, sizeof(*entry));
}

void
image_free(struct nf_image *image)
{
	if (image == NULL) {
		return;
	}
	free(image->url);
	free(image->caption);
	free(image->credit);
	free(image);
}

struct nf_image *
image_new(const char *url, const char *caption, const char *credit)
{
	struct nf_image *image = calloc(1, sizeof(*image));

	if (image == NULL) {
		return NULL;
	}
	if (nf_strset(&image->url, url) || nf_strset(&image->caption, caption) ||
	    nf_strset(&image->credit, credit)) {
		image_free(image);
		return NULL;
	}
	return image;
}

void
item_free(struct nf_item *item)
{
	size_t i;

	if (item == NULL) {
		return;
	}
	free(item->id);
	free(item->title);
	free(item->link);
	free(item->author);
	free(item->summary);
	free(item->content);
	free(item->article);
	free(item->source);
	free(item->outlet);
	image_free(item->image);
	for (i = 0; i < item->nenclosures; i++) {
		free(item->enclosures[i].url);
		free(item->enclosures[i].type);
	}
	free(item->enclosures);
	for (i = 0; i < item->ncategories; i++) {
		free(item->categories[i]);
	}
	free(item->categories);
	for (i = 0; i < item->nrelated; i++) {
		related_clear(&item->related[i]);
	}
	free(item->related);
	free(item);
}

/* v, an array of n entries of size each that only these functions
 * grow, with room for one more: it doubles when n reaches a power of
 * two, so that 10,000 categories or 100,000 items are not copied once
 * per entry. NULL when out of memory (v is still valid then). */
static void *
grow_for_one_more(void *v, size_t n, size_t size)
{
	if (n > 0 && (n & (n - 1)) != 0) {
		return v;
	}
	return realloc(v, (n > 0 ? 2 * n : 1) * size);
}

int
item_add_category(struct nf_item *item, const char *category)
{
	char **v;
	char *copy = strdup(category);

	if (copy == NULL) {
		return -1;
	}
	v = grow_for_one_more(item->categories, item->ncategories, sizeof(*v));
	if (v == NULL) {
		free(copy);
		return -1;
	}
	item->categories = v;
	v[item->ncategories++] = copy;
	return 0;
}

int
item_add_enclosure(struct nf_item *item, const char *url, const char *type,
                   long long length)
{
	struct nf_enclosure *v, e = { 0 };

	if (nf_strset(&e.url, url) || nf_strset(&e.type, type)) {
		goto fail;
	}
	e.length = length;
	v = grow_for_one_more(item->enclosures, item->nenclosures, sizeof(*v));
	if (v == NULL) {
		goto fail;
	}
	item->enclosures = v;
	v[item->nenclosures++] = e;
	return 0;
fail:
	free(e.url);
	free(e.type);
	return -1;
}

/* The array grows to the next power of two when n reaches one, so that
 * a list of tens of thousands of entries costs linear time whatever the
 * allocator does with realloc(). */
static int
related_append(struct nf_related **v, size_t *n, struct nf_related *entry)
{
	struct nf_related *grown = *v;

	if ((*n & (*n - 1)) == 0) {
		grown = realloc(*v, (*n > 0 ? *n * 2 : 1) * sizeof(**v));
		if (grown == NULL) {
			return -1;
		}
	}
	*v = grown;
	grown[(*n)++] = *entry;
	memset(entry, 0, sizeof(*entry));
	return 0;
}

int
item_add_related(struct nf_item *item, struct nf_related *entry)
{
	return related_append(&item->related, &item->nrelated, entry);
}

int
related_add_copy(struct nf_related *entry, struct nf_related *copy)
{
	return related_append(&entry->copies, &entry->ncopies, copy);
}

int
image_caption_labelled(const char *caption)
{
	return strncmp(caption, "Photo", 5) == 0 ||
	       strncmp(caption, "\xe5\x86\x99\xe7\x9c\x9f", 6) == 0 ||
	       strncmp(caption, "In this photo", 13) == 0;
}

size_t
item_text_length(const struct nf_item *item)
{
	if (item->text_len > 0) {
		return item->text_len;	/* stored: also when a listing left the
					 * content out or cut it */
	}
	if (item->content != NULL && item->content[0] != '\0') {
		return strlen(item->content);
	}
	return item->summary != NULL ? strlen(item->summary) : 0;
}

struct nf_feed *
feed_new(void)
{
	return calloc(1, sizeof(struct nf_feed));
}

void
feed_free(struct nf_feed *feed)
{
	size_t i;

	if (feed == NULL) {
		return;
	}
	for (i = 0; i < feed->nitems; i++) {
		item_free(feed->items[i]);
	}
	free(feed->items);
	free(feed->source);
	free(feed->title);
	free(feed->link);
	free(feed->description);
	free(feed->author);
	free(feed);
}

int
feed_add_item(struct nf_feed *feed, struct nf_item *item)
{
	struct nf_item **v = grow_for_one_more(feed->items, feed->nitems, sizeof(*v));

	if (v == NULL) {
		return -1;
	}
	feed->items = v;
	v[feed->nitems++] = item;
	return 0;
}
