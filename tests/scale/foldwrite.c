/*
 * Writing the scale archive out as feeds, its truth and a dotfile.
 */
#include "autoconfig.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "tests/scale/foldwrite.h"

#define MAX_FEEDS 64

static void
put_escaped(FILE *f, const char *s)
{
	for (; *s != '\0'; s++) {
		switch (*s) {
		case '&': fputs("&amp;", f); break;
		case '<': fputs("&lt;", f); break;
		case '>': fputs("&gt;", f); break;
		case '"': fputs("&quot;", f); break;
		default: fputc(*s, f); break;
		}
	}
}

/* RFC 822 in English whatever the locale: "Mon, 16 Nov 2026 08:12:00 +0000". */
static void
put_date(FILE *f, int64_t when)
{
	static const char *const days[] = { "Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat" };
	static const char *const months[] = {
		"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep",
		"Oct", "Nov", "Dec",
	};
	time_t t = (time_t)when;
	struct tm tm;

	gmtime_r(&t, &tm);
	fprintf(f, "%s, %02d %s %04d %02d:%02d:%02d +0000", days[tm.tm_wday],
	        tm.tm_mday, months[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour,
	        tm.tm_min, tm.tm_sec);
}

static void
put_item(FILE *f, const struct foldgen_item *it)
{
	fputs("<item>\n<title>", f);
	put_escaped(f, it->title);
	fputs("</title>\n<link>", f);
	put_escaped(f, it->link);
	fputs("</link>\n<guid isPermaLink=\"false\">", f);
	put_escaped(f, it->guid);
	fputs("</guid>\n<pubDate>", f);
	put_date(f, it->time);
	fputs("</pubDate>\n<description>", f);
	put_escaped(f, it->summary);
	fputs("</description>\n</item>\n", f);
}

static FILE *
open_in(const char *dir, const char *name, struct nf_error *err)
{
	char path[PATH_MAX];
	FILE *f;

	if ((size_t)snprintf(path, sizeof(path), "%s/%s", dir, name) >= sizeof(path)) {
		nf_error_set(err, NF_ERR_IO, "%s/%s: path too long", dir, name);
		return NULL;
	}
	if ((f = fopen(path, "w")) == NULL) {
		nf_error_set(err, NF_ERR_IO, "%s: cannot write", path);
	}
	return f;
}

/* Closes f, failing when anything written to it was lost. */
static int
close_checked(FILE *f)
{
	int bad = ferror(f);

	return fclose(f) != 0 || bad ? -1 : 0;
}

static enum nf_status
write_feeds(const struct foldgen_archive *a, const char *dir, struct nf_error *err)
{
	const struct foldgen_feed *feeds;
	size_t nfeeds, f;
	FILE *out[MAX_FEEDS] = { NULL };
	char name[32];
	enum nf_status st = NF_OK;

	feeds = foldgen_feeds(&nfeeds);
	for (f = 0; f < nfeeds && f < MAX_FEEDS; f++) {
		snprintf(name, sizeof(name), "feed-%02zu.rss", f + 1);
		if ((out[f] = open_in(dir, name, err)) == NULL) {
			st = err->code;
			goto out;
		}
		fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		      "<rss version=\"2.0\">\n<channel>\n<title>", out[f]);
		put_escaped(out[f], feeds[f].title);
		fprintf(out[f], "</title>\n<link>https://%s/</link>\n"
		        "<description>", feeds[f].host);
		put_escaped(out[f], feeds[f].title);
		fputs("</description>\n", out[f]);
	}
	for (size_t i = a->n; i-- > 0; ) {
		put_item(out[a->items[i].feed], &a->items[i]);
	}
out:
	for (f = 0; f < nfeeds && f < MAX_FEEDS; f++) {
		if (out[f] == NULL) {
			continue;
		}
		fputs("</channel>\n</rss>\n", out[f]);
		if (close_checked(out[f]) != 0 && st == NF_OK) {
			st = nf_error_set(err, NF_ERR_IO, "%s/feed-%02zu.rss: write failed", dir, f + 1);
		}
	}
	return st;
}

static enum nf_status
write_truth(const struct foldgen_archive *a, const char *dir, struct nf_error *err)
{
	FILE *f = open_in(dir, "truth.tsv", err);

	if (f == NULL) {
		return err->code;
	}
	fputs("# guid\tstory\tdontcare\ttemplate\tlink\n", f);
	for (size_t i = 0; i < a->n; i++) {
		const struct foldgen_item *it = &a->items[i];

		fprintf(f, "%s\t%u\t%u\t%s\t%s\n", it->guid, it->story, it->dontcare,
		        foldtext_family_name(it->family), it->link);
	}
	return close_checked(f) != 0
	       ? nf_error_set(err, NF_ERR_IO, "%s/truth.tsv: write failed", dir) : NF_OK;
}

static enum nf_status
write_dotfile(const char *dir, struct nf_error *err)
{
	const struct foldgen_feed *feeds;
	size_t nfeeds;
	char full[PATH_MAX];
	FILE *f;

	if (realpath(dir, full) == NULL) {
		return nf_error_set(err, NF_ERR_IO, "%s: cannot resolve", dir);
	}
	if ((f = open_in(dir, "newsfoldrc", err)) == NULL) {
		return err->code;
	}
	feeds = foldgen_feeds(&nfeeds);
	fputs("# The scale archive's outlets; every item is kept.\n"
	      "max-items 1000000\nmax-size 1G\nprune-unread no\n", f);
	for (size_t i = 0; i < nfeeds; i++) {
		fprintf(f, "feed file://%s/feed-%02zu.rss \"%s\"\n", full, i + 1,
		        feeds[i].title);
	}
	return close_checked(f) != 0
	       ? nf_error_set(err, NF_ERR_IO, "%s/newsfoldrc: write failed", dir) : NF_OK;
}

enum nf_status
foldwrite_archive(const struct foldgen_archive *a, const char *dir,
                  struct nf_error *err)
{
	enum nf_status st;

	if ((st = write_feeds(a, dir, err)) != NF_OK
	    || (st = write_truth(a, dir, err)) != NF_OK) {
		return st;
	}
	return write_dotfile(dir, err);
}
