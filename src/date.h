#ifndef NF_DATE_H
#define NF_DATE_H

/*
 * Dates from feeds to seconds since the epoch, UTC. RFC 822/1123 (with
 * named zones, two-digit years, a missing weekday), RFC 3339 / ISO 8601,
 * the Japanese 2023年10月19日 form and the common broken mixes. A date
 * without a zone is UTC. An impossible or unparseable date, a year before
 * 1900 (placeholders such as 0001-01-01) or an ambiguous zone name (IST)
 * is NF_NO_DATE, never a guess.
 */

#include <stdint.h>

#include "src/item.h"

int64_t date_parse(const char *s);

/* Writes "YYYY-MM-DDTHH:MM:SSZ" into out (at least 21 bytes); returns out.
 * NF_NO_DATE writes "". */
char *date_format_rfc3339(int64_t t, char *out);

#endif
