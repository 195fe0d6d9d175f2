/* Placeholder until the related module lands. */
#include "config.h"

#include "src/related.h"

size_t
related_extract(htmlDocPtr doc, const char *base_url, double threshold, struct nf_related **out)
{
	(void)doc; (void)base_url; (void)threshold;
	*out = NULL;
	return 0;
}
