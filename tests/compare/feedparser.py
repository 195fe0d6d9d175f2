#!/usr/bin/env python3
"""Compare `newsfold --dump` with Python's feedparser, feed by feed.

    python3 tests/compare/feedparser.py BUILD_DIR/newsfold DIR|FILE... [-v]

For every feed file given (or in a DIR given), both parsers read the same
bytes and each item is compared field by field: title, link, published
(UTC), author, id, summary and content (as plain text with whitespace
collapsed), enclosure URLs and categories. Prints one line per
disagreement, a table of agreeing fields per feed and per format, and the
total; then the share of feeds on which the two agree on what a reader
needs first: the item count and every item's title, link and date.

A feed with a NAME.expect sidecar (tests/compare/shapes.py writes them)
also says what it holds, so for those the table says which parser read
it right. A measurement, not a test: the exit status is 0 whenever both
parsers ran. Debian's python3-feedparser is enough.
"""

import calendar
import html
import html.parser
import json
import os
import re
import subprocess
import sys
import time
import urllib.parse

# This file is named like the module it measures against: keep its own
# folder off the import path, and look in Debian's folder too, for a
# python3 that is not the system one.
_here = os.path.dirname(os.path.abspath(__file__))
sys.path = [p for p in sys.path if os.path.abspath(p or ".") != _here]
try:
    import feedparser
except ImportError:
    sys.path.append("/usr/lib/python3/dist-packages")
    import feedparser

FIELDS = ["title", "link", "published", "author", "id", "summary",
          "content", "enclosures", "categories"]


class _Stripper(html.parser.HTMLParser):
    """Text of an HTML fragment, scripts and styles dropped."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.skip += 1
        elif tag in ("p", "br", "li", "div", "tr", "h1", "h2", "h3", "h4"):
            self.parts.append(" ")

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self.skip:
            self.skip -= 1
        elif tag in ("p", "li", "div", "td", "tr", "h1", "h2", "h3", "h4"):
            self.parts.append(" ")

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def norm(s):
    return " ".join((s or "").replace("\u00a0", " ").split())


def plain(value, ctype):
    """feedparser's value as plain text: HTML stripped when it is HTML."""
    if value is None:
        return ""
    if ctype and ("html" in ctype):
        p = _Stripper()
        p.feed(value)
        p.close()
        value = "".join(p.parts)
    return norm(value)


def fp_date(entry):
    t = entry.get("published_parsed") or entry.get("updated_parsed")
    if not t:
        return None
    return time.strftime("%Y-%m-%dT%H:%M:%SZ",
                         time.gmtime(calendar.timegm(t)))


def fp_item(e):
    td = e.get("title_detail") or {}
    sd = e.get("summary_detail") or {}
    content = e.get("content") or []
    c = content[0] if content else {}
    # without a summary of its own, feedparser copies the content into
    # summary but gives it no summary_detail
    summary = plain(e.get("summary"), sd.get("type")) if sd else ""
    ctext = plain(c.get("value"), c.get("type"))
    return {
        "title": plain(e.get("title"), td.get("type")),
        "link": e.get("link", ""),
        "published": fp_date(e),
        "author": norm(e.get("author", "")),
        "author_name": norm((e.get("author_detail") or {}).get("name", "")),
        "id": e.get("id", ""),
        "summary": summary,
        "content": ctext,
        "enclosures": [x.get("href", "") for x in e.get("enclosures", [])],
        "categories": [norm(t.get("term") or t.get("label") or "")
                       for t in e.get("tags", [])],
    }


def nf_item(it):
    return {
        "title": norm(it["title"]),
        "link": it["link"],
        "published": it["published"],
        "author": norm(it["author"]),
        "id": it["id"],
        "summary": norm(it["summary"]),
        "content": norm(it["content"]),
        "enclosures": [x["url"] for x in it["enclosures"]],
        "categories": [norm(c) for c in it["categories"]],
    }


def agrees(field, a, b):
    if field in ("summary", "content"):
        # our content leaves out captions and related blocks (SPEC);
        # summary vs content placement differs between the two parsers
        return a == b
    if field == "author":
        # feedparser writes "Name (email)"; its author_detail has the name
        return a == b["author"] or (a != "" and a == b["author_name"])
    if field in ("enclosures", "categories"):
        return sorted(a) == sorted(b)
    return a == b


def short(v, n=70):
    s = json.dumps(v, ensure_ascii=False)
    return s if len(s) <= n else s[:n - 1] + "…"


def _reads_json():
    try:
        from feedparser.parsers import json as _json  # noqa: F401
        return True
    except ImportError:
        return False


def resolve(link, feed_link, path):
    """feedparser leaves links relative where it knows no base; SPEC makes
    them absolute, against the feed link or the file's URL."""
    if not link or urllib.parse.urlsplit(link).scheme:
        return link
    base = feed_link or "file://" + os.path.abspath(path)
    return urllib.parse.urljoin(base, link)


def core(items, feed_link, path):
    """What a reader needs first: per item, its title, link and date."""
    return [(x["title"], resolve(x["link"], feed_link, path), x["published"])
            for x in items]


def read_expect(path):
    """The NAME.expect sidecar of a feed, as core() tuples, or None."""
    stem = os.path.splitext(path)[0]
    if not os.path.isfile(stem + ".expect"):
        return None
    fields = {}
    for line in open(stem + ".expect", encoding="utf-8"):
        line = line.rstrip("\n")
        if line.startswith("item "):
            _, i, key, *rest = line.split(" ", 3)
            value = rest[0] if rest else ""
            fields.setdefault(int(i), {})[key] = None if value == "null" else value
    return [(norm(f.get("title")), f.get("link", ""), f.get("published"))
            for _, f in sorted(fields.items())]


def core_diff(a, b):
    """The first way two core() lists differ, or None."""
    if len(a) != len(b):
        return "%d items against %d" % (len(a), len(b))
    for i, (x, y) in enumerate(zip(a, b)):
        for k, what in enumerate(("title", "link", "date")):
            if x[k] != y[k]:
                return "#%d %s %s against %s" % (i, what, short(x[k], 40), short(y[k], 40))
    return None


def compare_feed(newsfold, path, verbose):
    raw = open(path, "rb").read()
    if raw.lstrip().startswith(b"{") and not _reads_json():
        return None, "skipped: this feedparser reads no JSON Feed", []
    run = subprocess.run([newsfold, "--dump", path], capture_output=True)
    if run.returncode != 0:
        return None, "newsfold exit %d: %s" % (
            run.returncode, run.stderr.decode(errors="replace").strip()), []
    ours = json.loads(run.stdout.decode("utf-8"))
    theirs = feedparser.parse(raw)
    a = [nf_item(x) for x in ours["items"]]
    b = [fp_item(x) for x in theirs.entries]
    expect = read_expect(path)
    mine = core(a, ours["link"], path)
    other = core(b, theirs.feed.get("link", ""), path)
    verdict = {
        "agree": core_diff(mine, other),
        "newsfold": core_diff(mine, expect) if expect is not None else None,
        "feedparser": core_diff(other, expect) if expect is not None else None,
        "expect": expect is not None,
    }
    counts = {f: [0, 0] for f in FIELDS}
    diffs = []
    for i in range(max(len(a), len(b))):
        for f in FIELDS:
            counts[f][1] += 1
            if i >= len(a) or i >= len(b):
                diffs.append((i, f, a[i][f] if i < len(a) else "(no item)",
                              b[i][f] if i < len(b) else "(no item)"))
                continue
            if agrees(f, a[i][f], b[i] if f == "author" else b[i][f]):
                counts[f][0] += 1
            else:
                diffs.append((i, f, a[i][f], b[i][f]))
    return (ours["format"], counts, verdict), None, diffs


def feed_paths(args):
    for arg in args:
        if os.path.isdir(arg):
            for name in sorted(os.listdir(arg)):
                path = os.path.join(arg, name)
                if os.path.isfile(path) and not name.endswith((".expect", ".md")):
                    yield path
        else:
            yield arg


def print_core(verdicts):
    """The agreement on item counts, titles, links and dates."""
    n = len(verdicts)
    same = [name for name, v in verdicts if v["agree"] is None]
    print()
    print("feeds where both agree on the item count and every title, link "
          "and date: %d/%d (%.1f%%)" % (len(same), n, 100.0 * len(same) / n if n else 0))
    for name, v in verdicts:
        if v["agree"] is not None:
            print("  %-30s %s" % (name, v["agree"]))
    sided = [(name, v) for name, v in verdicts if v["expect"]]
    if sided:
        ok_nf = sum(1 for _, v in sided if v["newsfold"] is None)
        ok_fp = sum(1 for _, v in sided if v["feedparser"] is None)
        print("feeds with a sidecar read as it says: newsfold %d/%d, feedparser %d/%d"
              % (ok_nf, len(sided), ok_fp, len(sided)))
        for name, v in sided:
            for who in ("newsfold", "feedparser"):
                if v[who] is not None:
                    print("  %-30s %-10s %s" % (name, who, v[who]))


def main(argv):
    if len(argv) < 3:
        sys.stderr.write("usage: feedparser.py NEWSFOLD DIR|FILE... [-v]\n")
        return 2
    newsfold = argv[1]
    verbose = "-v" in argv[2:]
    total = [0, 0]
    per_format = {}
    rows = []
    verdicts = []
    for path in feed_paths(a for a in argv[2:] if a != "-v"):
        name = os.path.basename(path)
        res, err, diffs = compare_feed(newsfold, path, verbose)
        if err:
            rows.append((name, "-", 0, 0, err))
            continue
        fmt, counts, verdict = res
        verdicts.append((name, verdict))
        agree = sum(c[0] for c in counts.values())
        n = sum(c[1] for c in counts.values())
        rows.append((name, fmt, agree, n, ""))
        total[0] += agree
        total[1] += n
        pf = per_format.setdefault(fmt, [0, 0])
        pf[0] += agree
        pf[1] += n
        for i, f, x, y in diffs:
            print("%-24s #%-2d %-10s newsfold %s" % (name, i, f, short(x)))
            print("%-24s     %-10s feedparser %s" % ("", "", short(y)))
    print()
    print("%-26s %-9s %s" % ("feed", "format", "agreeing fields"))
    for name, fmt, agree, n, err in rows:
        print("%-26s %-9s %s" % (name, fmt, err or "%d/%d" % (agree, n)))
    print()
    for fmt in sorted(per_format):
        print("%-26s %d/%d" % ("format " + fmt, *per_format[fmt]))
    pct = 100.0 * total[0] / total[1] if total[1] else 0.0
    print("%-26s %d/%d (%.1f%%)" % ("total", total[0], total[1], pct))
    print_core(verdicts)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
