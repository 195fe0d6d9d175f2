/*
 * Feed dates to UTC seconds.
 *
 * curl_getdate() reads RFC 822 well but turns 30 February into 2 March
 * and knows no ISO 8601, and a wrong date is worse than none; so the
 * fields are read here, checked against the calendar, and only then
 * counted into seconds with a days-from-civil sum (no time_t range
 * limits, no dependence on the process's time zone).
 */
#include "autoconfig.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "src/date.h"

/* Years outside this range are placeholders ("0001-01-01", a zero Go
 * time) or typing errors, never the date of a news item. */
#define DATE_MIN_YEAR 1900
#define DATE_MAX_YEAR 9999

#define NO_ZONE INT32_MIN

struct fields {
	int year, month, day;
	int hour, min, sec;
	int has_time;
	int32_t offset;		/* seconds east of UTC, or NO_ZONE */
};

struct zone_name {
	const char *name;
	int minutes;		/* east of UTC */
};

/* Sorted for bsearch(). The US names are RFC 822's; the rest are the
 * ones that feeds in the wild use. Ambiguous names (IST) are left out:
 * no date beats a wrong one. */
static const struct zone_name zone_names[] = {
	{ "ACDT", 630 }, { "ACST", 570 }, { "AEDT", 660 }, { "AEST", 600 },
	{ "AKDT", -480 }, { "AKST", -540 }, { "AWST", 480 }, { "BST", 60 },
	{ "CDT", -300 }, { "CEST", 120 }, { "CET", 60 }, { "CST", -360 },
	{ "EDT", -240 }, { "EEST", 180 }, { "EET", 120 }, { "EST", -300 },
	{ "GMT", 0 }, { "HKT", 480 }, { "HST", -600 }, { "JST", 540 },
	{ "KST", 540 }, { "MDT", -360 }, { "MEST", 120 }, { "MESZ", 120 },
	{ "MET", 60 }, { "MEZ", 60 }, { "MSK", 180 }, { "MST", -420 },
	{ "NZDT", 780 }, { "NZST", 720 }, { "PDT", -420 }, { "PST", -480 },
	{ "SGT", 480 }, { "UT", 0 }, { "UTC", 0 }, { "WEST", 60 },
	{ "WET", 0 }, { "Z", 0 },
};

static const char *const month_names[] = {
	"jan", "feb", "mar", "apr", "may", "jun",
	"jul", "aug", "sep", "oct", "nov", "dec"
};

static const char *const weekday_names[] = {
	"mon", "tue", "wed", "thu", "fri", "sat", "sun"
};

static int
zone_cmp(const void *key, const void *elem)
{
	return strcasecmp(key, ((const struct zone_name *)elem)->name);
}

static int
is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int
days_in_month(int y, int m)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant). */
static int64_t
days_from_civil(int64_t y, int m, int d)
{
	int64_t era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void
civil_from_days(int64_t z, int64_t *y, int *m, int *d)
{
	int64_t era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = yoe + era * 400 + (*m <= 2);
}

/* The checked fields as seconds, or NF_NO_DATE. */
static int64_t
fields_to_time(const struct fields *f)
{
	int sec = f->sec;

	if (f->year < DATE_MIN_YEAR || f->year > DATE_MAX_YEAR
	    || f->month < 1 || f->month > 12
	    || f->day < 1 || f->day > days_in_month(f->year, f->month)
	    || f->hour < 0 || f->hour > 23 || f->min < 0 || f->min > 59
	    || sec < 0 || sec > 60) {
		return NF_NO_DATE;
	}
	if (sec == 60) {
		sec = 59;	/* a leap second stays in its own minute */
	}
	return days_from_civil(f->year, f->month, f->day) * 86400
	       + f->hour * 3600 + f->min * 60 + sec
	       - (f->offset == NO_ZONE ? 0 : f->offset);
}

/* Reads 1..max digits at *p; returns the value or -1. */
static int
read_num(const char **p, int min, int max, int *ndigits)
{
	const char *s = *p;
	int v = 0, n = 0;

	while (n < max && isdigit((unsigned char)s[n])) {
		v = v * 10 + (s[n] - '0');
		n++;
	}
	if (n < min) {
		return -1;
	}
	*p = s + n;
	if (ndigits != NULL) {
		*ndigits = n;
	}
	return v;
}

static const char *
skip_space(const char *s)
{
	while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r') {
		s++;
	}
	return s;
}

/* HH:MM[:SS[.fraction]]; the fraction is dropped. */
static int
read_time(const char **p, struct fields *f)
{
	const char *s = *p;

	f->hour = read_num(&s, 1, 2, NULL);
	if (f->hour < 0 || *s++ != ':') {
		return -1;
	}
	f->min = read_num(&s, 2, 2, NULL);
	if (f->min < 0) {
		return -1;
	}
	f->sec = 0;
	if (*s == ':') {
		s++;
		f->sec = read_num(&s, 2, 2, NULL);
		if (f->sec < 0) {
			return -1;
		}
		if ((*s == '.' || *s == ',') && isdigit((unsigned char)s[1])) {
			for (s++; isdigit((unsigned char)*s); s++) {
				;
			}
		}
	}
	f->has_time = 1;
	*p = s;
	return 0;
}

/* +HH, +HHMM or +HH:MM (also one-digit hours, as in "GMT+9"), added to
 * *off in seconds. */
static int
read_offset(const char **p, int32_t *off)
{
	const char *s = *p;
	int sign = *s == '-' ? -1 : 1, nd, h, m = 0;

	s++;
	h = read_num(&s, 1, 4, &nd);
	if (h < 0) {
		return -1;
	}
	if (nd == 4 || nd == 3) {
		m = h % 100;
		h /= 100;
	} else if (*s == ':') {
		s++;
		m = read_num(&s, 2, 2, NULL);
	}
	if (h > 23 || m < 0 || m > 59) {
		return -1;
	}
	*off = (*off == NO_ZONE ? 0 : *off) + sign * (h * 3600 + m * 60);
	*p = s;
	return 0;
}

/* A zone name, optionally followed by an offset ("GMT+0900"). */
static int
read_zone_name(const char *word, size_t n, const char **p, struct fields *f)
{
	const struct zone_name *z;
	char name[8];

	if (n >= sizeof(name)) {
		return -1;
	}
	memcpy(name, word, n);
	name[n] = '\0';
	z = bsearch(name, zone_names, sizeof(zone_names) / sizeof(zone_names[0]),
	            sizeof(zone_names[0]), zone_cmp);
	if (z == NULL || f->offset != NO_ZONE) {
		return -1;
	}
	f->offset = z->minutes * 60;
	if ((**p == '+' || **p == '-') && isdigit((unsigned char)(*p)[1])) {
		return read_offset(p, &f->offset);
	}
	return 0;
}

/* Index of a month or weekday name (a prefix of at least three letters of
 * the full name, any case) in names, or -1. */
static int
name_index(const char *word, size_t n, const char *const *names, size_t count)
{
	static const char *const full[] = {
		"january", "february", "march", "april", "may", "june", "july",
		"august", "september", "october", "november", "december",
		"monday", "tuesday", "wednesday", "thursday", "friday",
		"saturday", "sunday"
	};
	size_t i, base = names == month_names ? 0 : 12;

	if (n < 3) {
		return -1;
	}
	for (i = 0; i < count; i++) {
		if (n <= strlen(full[base + i]) && strncasecmp(word, full[base + i], n) == 0) {
			return (int)i;
		}
	}
	return -1;
}

static int
is_weekday(const char *word, size_t n)
{
	return name_index(word, n, weekday_names, 7) >= 0;
}

/* Skips spaces and a trailing "(comment)", as in "+0900 (JST)"; returns
 * nonzero when nothing else is left. */
static int
at_end(const char *s)
{
	s = skip_space(s);
	if (*s == '(') {
		s = strchr(s, ')');
		if (s == NULL) {
			return 0;
		}
		s = skip_space(s + 1);
	}
	return *s == '\0';
}

/* An optional zone after a time: Z, an offset, or a name. */
static int
read_zone(const char **p, struct fields *f)
{
	const char *s = skip_space(*p), *w;

	if ((*s == '+' || *s == '-') && isdigit((unsigned char)s[1])) {
		if (read_offset(&s, &f->offset) < 0) {
			return -1;
		}
	} else if (isalpha((unsigned char)*s)) {
		for (w = s; isalpha((unsigned char)*s); s++) {
			;
		}
		if (read_zone_name(w, (size_t)(s - w), &s, f) < 0) {
			return -1;
		}
	}
	*p = s;
	return 0;
}

/* RFC 3339 / ISO 8601: YYYY-MM-DD[(T| )HH:MM[:SS[.frac]]][zone], also with
 * slashes and one-digit months and days. */
static int64_t
parse_iso(const char *s, struct fields *f)
{
	char sep;

	f->year = read_num(&s, 4, 4, NULL);
	sep = *s++;
	f->month = read_num(&s, 1, 2, NULL);
	if (f->year < 0 || f->month < 0 || *s++ != sep) {
		return NF_NO_DATE;
	}
	f->day = read_num(&s, 1, 2, NULL);
	if (f->day < 0) {
		return NF_NO_DATE;
	}
	if ((*s == 'T' || *s == 't' || *s == ' ') && isdigit((unsigned char)s[1])) {
		s++;
		if (read_time(&s, f) < 0 || read_zone(&s, f) < 0) {
			return NF_NO_DATE;
		}
	}
	return at_end(s) ? fields_to_time(f) : NF_NO_DATE;
}

/* A number in an RFC 822-like date: a four-digit year, else the day,
 * else a two-digit year (RFC 2822: 00-49 are 2000s, 50-99 1900s). */
static int
take_number(const char **p, struct fields *f)
{
	int nd, v = read_num(p, 1, 4, &nd);

	if (v < 0) {
		return -1;
	}
	if (nd >= 3) {
		if (f->year >= 0) {
			return -1;
		}
		f->year = nd == 3 ? v + 1900 : v;
	} else if (f->day < 0) {
		f->day = v;
	} else if (f->year < 0) {
		f->year = v < 50 ? v + 2000 : v + 1900;
	} else {
		return -1;
	}
	return 0;
}

/* A word: month, weekday (ignored, right or wrong), AM/PM or zone. */
static int
take_word(const char **p, struct fields *f, int *ampm)
{
	const char *w = *p, *s = *p;
	size_t n;
	int m;

	while (isalpha((unsigned char)*s)) {
		s++;
	}
	n = (size_t)(s - w);
	*p = s;
	if (*s == '.') {
		(*p)++;		/* "Oct." */
	}
	m = name_index(w, n, month_names, 12);
	if (m >= 0 && f->month < 0) {
		f->month = m + 1;
		return 0;
	}
	if (is_weekday(w, n)) {
		return 0;
	}
	if (n == 2 && f->has_time && (strncasecmp(w, "am", 2) == 0
	                             || strncasecmp(w, "pm", 2) == 0)) {
		*ampm = tolower((unsigned char)w[0]) == 'a' ? 1 : 2;
		*p = s;
		return 0;
	}
	*p = s;
	return read_zone_name(w, n, p, f);
}

/* 12-hour clock to 24-hour; -1 when the hour cannot be on one. */
static int
apply_ampm(struct fields *f, int ampm)
{
	if (ampm == 0) {
		return 0;
	}
	if (f->hour < 1 || f->hour > 12) {
		return -1;
	}
	f->hour = f->hour % 12 + (ampm == 2 ? 12 : 0);
	return 0;
}

/* RFC 822/1123/850, asctime and the loose mixes feeds produce: fields in
 * any sensible order, separated by spaces, commas, dashes or dots. */
static int64_t
parse_rfc822(const char *s, struct fields *f)
{
	int ampm = 0;
	const char *t;

	for (;;) {
		while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r'
		       || *s == ',' || *s == '.'
		       || (*s == '-' && !(f->has_time && isdigit((unsigned char)s[1])))) {
			s++;
		}
		if (*s == '\0') {
			break;
		}
		if (isdigit((unsigned char)*s)) {
			for (t = s; isdigit((unsigned char)*t); t++) {
				;
			}
			if (*t == ':' ? read_time(&s, f) < 0 || f->offset != NO_ZONE
			    : take_number(&s, f) < 0) {
				return NF_NO_DATE;
			}
		} else if (isalpha((unsigned char)*s)) {
			if (take_word(&s, f, &ampm) < 0) {
				return NF_NO_DATE;
			}
		} else if ((*s == '+' || *s == '-') && f->has_time && f->offset == NO_ZONE) {
			if (read_offset(&s, &f->offset) < 0) {
				return NF_NO_DATE;
			}
		} else if (*s == '(' && at_end(s)) {
			break;
		} else {
			return NF_NO_DATE;
		}
	}
	if (f->day < 0 || f->month < 0 || f->year < 0 || apply_ampm(f, ampm) < 0) {
		return NF_NO_DATE;
	}
	return fields_to_time(f);
}

/* Skips the literal lit at *p; nonzero when it was there. */
static int
skip_literal(const char **p, const char *lit)
{
	size_t n = strlen(lit);

	if (strncmp(*p, lit, n) != 0) {
		return 0;
	}
	*p += n;
	return 1;
}

/* The Japanese form: 2023年10月19日 [(木)] [08:00[:00]] [zone]. */
static int64_t
parse_kanji(const char *s, struct fields *f)
{
	f->year = read_num(&s, 4, 4, NULL);
	if (f->year < 0 || !skip_literal(&s, "年")) {
		return NF_NO_DATE;
	}
	f->month = read_num(&s, 1, 2, NULL);
	if (f->month < 0 || !skip_literal(&s, "月")) {
		return NF_NO_DATE;
	}
	f->day = read_num(&s, 1, 2, NULL);
	if (f->day < 0 || !skip_literal(&s, "日")) {
		return NF_NO_DATE;
	}
	s = skip_space(s);
	if (*s == '(' || skip_literal(&s, "（")) {
		/* a weekday in brackets, right or wrong */
		while (*s != '\0' && *s != ')' && strncmp(s, "）", 3) != 0) {
			s++;
		}
		if (!skip_literal(&s, ")") && !skip_literal(&s, "）")) {
			return NF_NO_DATE;
		}
	}
	s = skip_space(s);
	if (isdigit((unsigned char)*s) && (read_time(&s, f) < 0 || read_zone(&s, f) < 0)) {
		return NF_NO_DATE;
	}
	return at_end(s) ? fields_to_time(f) : NF_NO_DATE;
}

static int
looks_iso(const char *s)
{
	return isdigit((unsigned char)s[0]) && isdigit((unsigned char)s[1])
	       && isdigit((unsigned char)s[2]) && isdigit((unsigned char)s[3])
	       && (s[4] == '-' || s[4] == '/');
}

int64_t
date_parse(const char *s)
{
	struct fields f = { -1, -1, -1, 0, 0, 0, 0, NO_ZONE };
	const char *t, *w;

	if (s == NULL) {
		return NF_NO_DATE;
	}
	s = skip_space(s);
	/* An ISO date may hide behind a weekday: "Thu, 2023-10-19 08:00". */
	for (w = t = s; isalpha((unsigned char)*t); t++) {
		;
	}
	if (t > w && is_weekday(w, (size_t)(t - w))) {
		t = *t == ',' ? t + 1 : t;
		t = skip_space(t);
	} else {
		t = s;
	}
	if (looks_iso(t)) {
		return parse_iso(t, &f);
	}
	if (strstr(t, "年") != NULL) {
		return parse_kanji(t, &f);
	}
	return parse_rfc822(s, &f);
}

char *
date_format_rfc3339(int64_t t, char *out)
{
	int64_t days, rem, y;	/* y in 64 bits: far times give huge years */
	int m, d;

	if (t == NF_NO_DATE) {
		out[0] = '\0';
		return out;
	}
	days = t / 86400;
	rem = t % 86400;
	if (rem < 0) {
		rem += 86400;
		days--;
	}
	civil_from_days(days, &y, &m, &d);
	if (y < 0 || y > 9999) {
		out[0] = '\0';
		return out;
	}
	snprintf(out, 21, "%04d-%02d-%02dT%02d:%02d:%02dZ", (int)y, m, d,
	         (int)(rem / 3600), (int)(rem / 60 % 60), (int)(rem % 60));
	return out;
}
