#!/usr/bin/env python3
"""Writes a large RSS 2.0 feed for the --dump benchmark (not a test).

Usage: genfeed.py [OUT] [ITEMS] [SEED] -- default /tmp/newsfold-bench.xml,
20000 items, seed 42, about 35 MB: escaped HTML descriptions, content:encoded in CDATA,
media:content with captions, categories, a few entities, English and
Japanese text. Deterministic, so runs compare.
"""
import random
import sys

if len(sys.argv) > 1 and sys.argv[1].startswith("-"):
    sys.exit(__doc__.strip())
out = sys.argv[1] if len(sys.argv) > 1 else "/tmp/newsfold-bench.xml"
n = int(sys.argv[2]) if len(sys.argv) > 2 else 20000
seed = int(sys.argv[3]) if len(sys.argv) > 3 else 42
rnd = random.Random(seed)
words = ("harbour council ferry bridge market river school library bakery "
         "storm tide orchard valley festival museum station railway park "
         "budget mayor report weather season record opening village").split()
ja = ["港町", "新しい", "橋", "開通", "市場", "祭り", "紅葉", "駅前", "噴水", "花火"]

def sentence(k):
    return " ".join(rnd.choice(words) for _ in range(k)).capitalize() + "."

with open(out, "w", encoding="utf-8") as f:
    f.write('<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0" '
            'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" '
            'xmlns:media="http://search.yahoo.com/mrss/">\n<channel>\n'
            '<title>Benchmark Gazette</title>\n<link>https://bench.example.org/</link>\n'
            '<description>A large generated feed</description>\n')
    for i in range(n):
        title = sentence(8)[:-1]
        if i % 5 == 0:
            title += " " + "".join(rnd.choice(ja) for _ in range(4))
        paras = "".join("<p>%s</p>" % sentence(rnd.randint(20, 30)) for _ in range(4))
        desc = sentence(25).replace("the", "the &amp;")
        f.write("<item>\n<title>%s &#8212; %d</title>\n" % (title, i))
        f.write("<link>https://bench.example.org/%d/%s</link>\n" % (i, "-".join(title.split()[:4]).lower()))
        f.write('<guid isPermaLink="false">bench-%d</guid>\n' % i)
        f.write("<pubDate>Thu, %02d Oct 2023 %02d:%02d:00 GMT</pubDate>\n" % (1 + i % 28, i % 24, i % 60))
        f.write("<dc:creator>Desk %d</dc:creator>\n" % (i % 17))
        f.write("<category>%s</category><category>%s</category>\n" % (rnd.choice(words), rnd.choice(words)))
        f.write("<description>&lt;p&gt;%s&lt;/p&gt;</description>\n" % desc)
        f.write("<content:encoded><![CDATA[<figure><img src=\"/img/%d.jpg\" alt=\"%s\">"
                "<figcaption>%s</figcaption></figure>%s]]></content:encoded>\n"
                % (i, sentence(4), sentence(10), paras))
        f.write('<media:content url="https://img.bench.example.org/%d.jpg" medium="image">'
                "<media:description>%s</media:description><media:credit>Staff</media:credit>"
                "</media:content>\n</item>\n" % (i, sentence(12)))
    f.write("</channel>\n</rss>\n")
