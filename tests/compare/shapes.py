#!/usr/bin/env python3
"""Feeds in the shapes real generators write, with what each one says.

    python3 tests/compare/shapes.py OUTDIR [--variants N] [--seed S]

Writes one small feed per shape (WordPress, Blogger, Medium, Substack,
Ghost, Hugo, Jekyll, YouTube, a podcast host, Reddit, GitHub releases,
Mastodon, arXiv, Google News, a Japanese news portal and a Japanese blog
host) with fictional content, and next to each a NAME.expect sidecar:
what the generator put in the feed, as `newsfold --dump` should print
it (format, feed title, item count, each item's title, link and
published date in UTC). tests/fixtures/shapes/ holds the output of a
plain run; tests/shapes.sh checks newsfold against the sidecars.

With --variants N, each shape is written N times with other content and
the quirks its generator shows in the wild (CDATA or escaped text, time
zones, entities, Japanese titles, missing fields), for a differential
run against another parser:

    python3 tests/compare/shapes.py /tmp/shapes --variants 25
    python3 tests/compare/feedparser.py ./newsfold /tmp/shapes

Standard library only; deterministic for a given seed.
"""

import datetime as dt
import html
import os
import random
import sys

UTC = dt.timezone.utc

PLACES = ["Saltmere", "Kestrel Bay", "Hollow Ford", "Ashby Green", "Larkspur",
          "Northgate", "Copper Hill", "Windle", "Marrow Point", "Elm Vale"]
SUBJECTS = ["council", "ferry service", "library", "harbour board", "bakery",
            "rail line", "school", "orchard", "museum", "market"]
VERBS = ["approves", "delays", "opens", "rethinks", "expands", "closes",
         "celebrates", "reviews", "funds", "pauses"]
OBJECTS = ["a new footbridge", "weekend hours", "its winter timetable",
           "the riverside park", "plans for a solar roof", "a seed library",
           "night markets", "the old mill", "free bus passes", "a cycle lane"]
QUIRKS = ["’s plan, explained", " & the budget", ": “not yet”", " — again",
          " (updated)", " in 5 < 7 steps", " at 50% off", ""]
JA_PLACES = ["港町", "山里", "駅前", "湖畔", "北浜", "雪国", "城下町"]
JA_EVENTS = ["花火大会が開催", "新しい橋が開通", "朝市が再開", "紅葉まつりに三万人",
             "図書館が夜間開館", "路線バスが増便", "噴水が完成"]
OUTLETS = ["Coastal Herald", "Morning Ledger", "Valley Wire", "Ridge Times",
           "The Lantern"]
AUTHORS = ["Mara Lindqvist", "Jonas Berg", "Ines Marlow", "Pavel Oduya",
           "Rosa Lind", "Tomas Reyes"]
JA_AUTHORS = ["山田 花子", "佐藤 一郎", "鈴木 雪子", "高橋 海"]
WORDS = ("harbour council ferry bridge market river school library bakery "
         "storm tide orchard valley festival museum station railway park "
         "budget mayor report weather season record opening village").split()


def sentence(rnd, k=12):
    return " ".join(rnd.choice(WORDS) for _ in range(k)).capitalize() + "."


def headline(rnd, quirky):
    t = "%s %s %s %s" % (rnd.choice(PLACES), rnd.choice(SUBJECTS),
                         rnd.choice(VERBS), rnd.choice(OBJECTS))
    return t + (rnd.choice(QUIRKS) if quirky else "")


def ja_headline(rnd):
    return "%sで%s" % (rnd.choice(JA_PLACES), rnd.choice(JA_EVENTS))


def slug(s, i):
    keep = "".join(c if c.isalnum() and c.isascii() else "-" for c in s.lower())
    return "-".join(p for p in keep.split("-") if p)[:48].strip("-") or "post-%d" % i


# ---- dates ------------------------------------------------------------

def rfc822(t, offset_min=0, zone=None):
    local = t.astimezone(dt.timezone(dt.timedelta(minutes=offset_min)))
    if zone is None:
        sign = "+" if offset_min >= 0 else "-"
        zone = "%s%02d%02d" % (sign, abs(offset_min) // 60, abs(offset_min) % 60)
    return local.strftime("%a, %d %b %Y %H:%M:%S ") + zone


def iso(t, offset_min=0, frac=""):
    local = t.astimezone(dt.timezone(dt.timedelta(minutes=offset_min)))
    s = local.strftime("%Y-%m-%dT%H:%M:%S") + frac
    if offset_min == 0:
        return s + "Z" if frac or local.second % 2 else s + "+00:00"
    sign = "+" if offset_min >= 0 else "-"
    return s + "%s%02d:%02d" % (sign, abs(offset_min) // 60, abs(offset_min) % 60)


def utc(t):
    return t.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def esc(s):
    return html.escape(s, quote=True)


def cdata(s):
    return "<![CDATA[" + s.replace("]]>", "]]]]><![CDATA[>") + "]]>"


# ---- the content every shape renders -----------------------------------

class Item:
    def __init__(self, rnd, i, when, base, ja=False, quirky=False):
        self.title = ja_headline(rnd) if ja else headline(rnd, quirky)
        self.slug = slug(self.title, i)
        self.when = when
        self.author = rnd.choice(JA_AUTHORS if ja else AUTHORS)
        self.summary = ("%sの詳細は後日発表される。" % self.title) if ja else sentence(rnd)
        self.paras = [sentence(rnd, rnd.randint(8, 20)) for _ in range(rnd.randint(1, 3))]
        self.category = rnd.choice(["地域", "経済", "天気"] if ja else
                                   ["Local", "Transport", "Culture", "Weather"])
        self.n = 1000 + i * 7 + rnd.randint(0, 6)
        self.base = base

    def html(self):
        return "".join("<p>%s</p>" % esc(p) for p in self.paras)


class Feed:
    def __init__(self, rnd, title, base, n, ja=False, quirky=False, hours=5):
        self.title = title
        self.base = base
        start = dt.datetime(2024, 4, 12, 9, 30, tzinfo=UTC) - \
            dt.timedelta(days=rnd.randint(0, 400), minutes=rnd.randint(0, 59))
        self.items = [Item(rnd, i, start - dt.timedelta(hours=hours * i + rnd.randint(0, 3)),
                           base, ja, quirky and rnd.random() < 0.5)
                      for i in range(n)]
        self.expect_items = []

    def expect(self, title, link, published):
        self.expect_items.append((title, link, published))


# ---- one function per shape: returns (format, feed title, feed bytes) ----

def wordpress(rnd, f):
    out = ['<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"\n'
           '\txmlns:content="http://purl.org/rss/1.0/modules/content/"\n'
           '\txmlns:wfw="http://wellformedweb.org/CommentAPI/"\n'
           '\txmlns:dc="http://purl.org/dc/elements/1.1/"\n'
           '\txmlns:atom="http://www.w3.org/2005/Atom"\n'
           '\txmlns:sy="http://purl.org/rss/1.0/modules/syndication/"\n'
           '\txmlns:slash="http://purl.org/rss/1.0/modules/slash/"\n\t>\n\n<channel>\n',
           '\t<title>%s</title>\n' % esc(f.title),
           '\t<atom:link href="%sfeed/" rel="self" type="application/rss+xml" />\n' % f.base,
           '\t<link>%s</link>\n\t<description>Notes from the allotments</description>\n' % f.base,
           '\t<lastBuildDate>%s</lastBuildDate>\n\t<language>en-GB</language>\n' %
           rfc822(f.items[0].when),
           '\t<sy:updatePeriod>\n\thourly\t</sy:updatePeriod>\n'
           '\t<generator>https://wordpress.org/?v=6.4.3</generator>\n']
    for it in f.items:
        link = "%s%s/%s/" % (f.base, it.when.strftime("%Y/%m"), it.slug)
        # WordPress writes typographic characters as numeric references
        title = esc(it.title).replace("’", "&#8217;").replace("“", "&#8220;") \
            .replace("”", "&#8221;").replace("—", "&#8212;")
        out.append('\t<item>\n\t\t<title>%s</title>\n\t\t<link>%s</link>\n' % (title, link))
        out.append('\t\t<comments>%s#respond</comments>\n' % link)
        out.append('\t\t<dc:creator><![CDATA[%s]]></dc:creator>\n' % it.author)
        out.append('\t\t<pubDate>%s</pubDate>\n' % rfc822(it.when))
        out.append('\t\t\t\t<category><![CDATA[%s]]></category>\n' % it.category)
        out.append('\t\t<guid isPermaLink="false">%s?p=%d</guid>\n\n' % (f.base, it.n))
        out.append('\t\t\t\t\t<description>%s</description>\n' %
                   cdata("%s [&#8230;]" % it.summary))
        out.append('\t\t\t\t\t\t\t\t\t\t<content:encoded>%s</content:encoded>\n' %
                   cdata(it.html()))
        out.append('\t\t\t\t\t<wfw:commentRss>%sfeed/</wfw:commentRss>\n' % link)
        out.append('\t\t\t<slash:comments>%d</slash:comments>\n\t\t</item>\n' %
                   rnd.randint(0, 9))
        f.expect(it.title, link, utc(it.when))
    out.append('\t</channel>\n</rss>\n')
    return "rss", "".join(out).encode("utf-8")


def blogger(rnd, f):
    blog = rnd.randint(10 ** 17, 10 ** 18)
    out = ["<?xml version='1.0' encoding='UTF-8'?><feed xmlns='http://www.w3.org/2005/Atom' "
           "xmlns:openSearch='http://a9.com/-/spec/opensearchrss/1.0/' "
           "xmlns:blogger='http://schemas.google.com/blogger/2008' "
           "xmlns:georss='http://www.georss.org/georss' "
           "xmlns:gd='http://schemas.google.com/g/2005' "
           "xmlns:thr='http://purl.org/syndication/thread/1.0'>",
           "<id>tag:blogger.com,1999:blog-%d</id>" % blog,
           "<updated>%s</updated>" % iso(f.items[0].when, 60, ".001"),
           "<title type='text'>%s</title><subtitle type='html'></subtitle>" % esc(f.title),
           "<link rel='http://schemas.google.com/g/2005#feed' type='application/atom+xml' "
           "href='%sfeeds/posts/default'/>" % f.base,
           "<link rel='alternate' type='text/html' href='%s'/>" % f.base,
           "<author><name>%s</name><uri>https://www.blogger.example/profile/1</uri>"
           "<email>noreply@blogger.com</email></author>" % f.items[0].author,
           "<generator version='7.00' uri='http://www.blogger.com'>Blogger</generator>",
           "<openSearch:totalResults>%d</openSearch:totalResults>" % len(f.items)]
    for it in f.items:
        link = "%s%s/%s.html" % (f.base, it.when.strftime("%Y/%m"), it.slug)
        out.append("<entry><id>tag:blogger.com,1999:blog-%d.post-%d</id>" % (blog, it.n))
        out.append("<published>%s</published>" % iso(it.when, 60, ".003"))
        out.append("<updated>%s</updated>" % iso(it.when + dt.timedelta(minutes=5), 60, ".117"))
        out.append("<category scheme='http://www.blogger.com/atom/ns#' term='%s'/>" % it.category)
        out.append("<title type='text'>%s</title>" % esc(it.title))
        out.append("<content type='html'>%s</content>" % esc(it.html()))
        out.append("<link rel='replies' type='application/atom+xml' "
                   "href='%sfeeds/%d/comments/default' title='Post Comments'/>" % (f.base, it.n))
        out.append("<link rel='edit' type='application/atom+xml' "
                   "href='https://www.blogger.example/feeds/%d/posts/default/%d'/>" % (blog, it.n))
        out.append("<link rel='alternate' type='text/html' href='%s' title='%s'/>" %
                   (link, esc(it.title)))
        out.append("<author><name>%s</name><email>noreply@blogger.com</email>"
                   "<gd:image rel='http://schemas.google.com/g/2005#thumbnail' width='16' "
                   "height='16' src='https://img.blogger.example/b16.png'/></author>" % it.author)
        out.append("<thr:total>%d</thr:total></entry>" % rnd.randint(0, 5))
        f.expect(it.title, link, utc(it.when))
    out.append("</feed>")
    return "atom", "".join(out).encode("utf-8")


def medium(rnd, f):
    out = ['<?xml version="1.0" encoding="UTF-8"?><rss xmlns:dc="http://purl.org/dc/elements/1.1/" '
           'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
           'xmlns:atom="http://www.w3.org/2005/Atom" version="2.0" '
           'xmlns:cc="http://cyber.law.harvard.edu/rss/creativeCommonsRssModule.html">'
           '<channel><title>%s</title>' % cdata(f.title),
           '<description>%s</description>' % cdata("Stories by the Saltmere writers"),
           '<link>%s?source=rss----a1b2c3d4e5f6---4</link>' % f.base,
           '<generator>Medium</generator><lastBuildDate>%s</lastBuildDate>' %
           rfc822(f.items[0].when, zone="GMT"),
           '<atom:link href="%sfeed" rel="self" type="application/rss+xml"/>' % f.base]
    for it in f.items:
        hexid = "%012x" % rnd.getrandbits(48)
        link = "%s%s-%s?source=rss----a1b2c3d4e5f6---4" % (f.base, it.slug, hexid)
        out.append('<item><title>%s</title><link>%s</link>' % (cdata(it.title), link))
        out.append('<guid isPermaLink="false">https://medium.example/p/%s</guid>' % hexid)
        out.append('<category>%s</category>' % cdata(it.category.lower()))
        out.append('<dc:creator>%s</dc:creator>' % cdata(it.author))
        out.append('<pubDate>%s</pubDate>' % rfc822(it.when, zone="GMT"))
        out.append('<atom:updated>%s</atom:updated>' % iso(it.when, 0, ".123"))
        out.append('<content:encoded>%s</content:encoded></item>' % cdata(
            "<h3>%s</h3>%s<img src=\"https://medium.example/_/stat?event=post.clientViewed"
            "&referrerSource=full_rss&postId=%s\" width=\"1\" height=\"1\" alt=\"\">" %
            (esc(it.title), it.html(), hexid)))
        f.expect(it.title, link, utc(it.when))
    out.append('</channel></rss>')
    return "rss", "".join(out).encode("utf-8")


def substack(rnd, f):
    out = ['<?xml version="1.0" encoding="UTF-8"?><rss xmlns:dc="http://purl.org/dc/elements/1.1/" '
           'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
           'xmlns:atom="http://www.w3.org/2005/Atom" version="2.0" '
           'xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" '
           'xmlns:googleplay="http://www.google.com/schemas/play-podcasts/1.0">'
           '<channel><title>%s</title><description>%s</description><link>%s</link>' %
           (cdata(f.title), cdata("Letters about small towns"), f.base),
           '<image><url>https://substackcdn.example/image/logo.png</url><title>%s</title>'
           '<link>%s</link></image><generator>Substack</generator>' % (esc(f.title), f.base),
           '<lastBuildDate>%s</lastBuildDate>' % rfc822(f.items[0].when, zone="GMT"),
           '<atom:link href="%sfeed" rel="self" type="application/rss+xml"/>' % f.base,
           '<copyright>%s</copyright><language>%s</language>' % (cdata("A. Writer"), cdata("en"))]
    for it in f.items:
        link = "%sp/%s" % (f.base, it.slug)
        out.append('<item><title>%s</title><description>%s</description>' %
                   (cdata(it.title), cdata(it.summary)))
        out.append('<link>%s</link><guid isPermaLink="false">%s</guid>' % (link, link))
        out.append('<dc:creator>%s</dc:creator><pubDate>%s</pubDate>' %
                   (cdata(it.author), rfc822(it.when, zone="GMT")))
        out.append('<enclosure url="https://substack-post-media.example/public/images/%d.jpeg" '
                   'length="0" type="image/jpeg"/>' % it.n)
        out.append('<content:encoded>%s</content:encoded></item>' % cdata(
            '<div class="captioned-image-container"><figure><img src="https://substack-post-'
            'media.example/public/images/%d.jpeg"/><figcaption>%s</figcaption></figure></div>%s' %
            (it.n, esc(it.paras[0]), it.html())))
        f.expect(it.title, link, utc(it.when))
    out.append('</channel></rss>')
    return "rss", "".join(out).encode("utf-8")


def ghost(rnd, f):
    out = ['<?xml version="1.0" encoding="UTF-8"?><rss xmlns:dc="http://purl.org/dc/elements/1.1/" '
           'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
           'xmlns:atom="http://www.w3.org/2005/Atom" version="2.0" '
           'xmlns:media="http://search.yahoo.com/mrss/"><channel>',
           '<title>%s</title><description>%s</description><link>%s</link>' %
           (cdata(f.title), cdata("Thoughts, stories and ideas."), f.base),
           '<image><url>%sfavicon.png</url><title>%s</title><link>%s</link></image>' %
           (f.base, esc(f.title), f.base),
           '<generator>Ghost 5.82</generator><lastBuildDate>%s</lastBuildDate>' %
           rfc822(f.items[0].when, zone="GMT"),
           '<atom:link href="%srss/" rel="self" type="application/rss+xml"/><ttl>60</ttl>' % f.base]
    for it in f.items:
        link = "%s%s/" % (f.base, it.slug)
        out.append('<item><title>%s</title><description>%s</description>' %
                   (cdata(it.title), cdata(it.summary)))
        out.append('<link>%s</link><guid isPermaLink="false">%024x</guid>' %
                   (link, rnd.getrandbits(96)))
        out.append('<category>%s</category><dc:creator>%s</dc:creator>' %
                   (cdata(it.category), cdata(it.author)))
        out.append('<pubDate>%s</pubDate>' % rfc822(it.when, zone="GMT"))
        out.append('<media:content url="%scontent/images/2024/04/%s.jpg" medium="image"/>' %
                   (f.base, it.slug))
        out.append('<content:encoded>%s</content:encoded></item>' % cdata(
            '<img src="%scontent/images/2024/04/%s.jpg" alt="%s"><br>%s' %
            (f.base, it.slug, esc(it.summary), it.html())))
        f.expect(it.title, link, utc(it.when))
    out.append('</channel></rss>')
    return "rss", "".join(out).encode("utf-8")


def hugo(rnd, f):
    off = rnd.choice([0, 120, -300, 330])
    out = ['<?xml version="1.0" encoding="utf-8" standalone="yes"?>\n'
           '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">\n  <channel>\n',
           '    <title>%s</title>\n    <link>%s</link>\n' % (esc(f.title), f.base),
           '    <description>Recent content on %s</description>\n' % esc(f.title),
           '    <generator>Hugo -- gohugo.io</generator>\n    <language>en-us</language>\n',
           '    <lastBuildDate>%s</lastBuildDate>\n' % rfc822(f.items[0].when, off),
           '    <atom:link href="%sindex.xml" rel="self" type="application/rss+xml" />\n' %
           f.base]
    for it in f.items:
        link = "%sposts/%s/" % (f.base, it.slug)
        # Go templates escape ' as &#39; and " as &#34;
        title = esc(it.title).replace("&#x27;", "&#39;").replace("&quot;", "&#34;")
        out.append('    <item>\n      <title>%s</title>\n      <link>%s</link>\n' % (title, link))
        out.append('      <pubDate>%s</pubDate>\n' % rfc822(it.when, off))
        out.append('      <guid>%s</guid>\n' % link)
        out.append('      <description>%s</description>\n    </item>\n' % esc(it.html()))
        f.expect(it.title, link, utc(it.when))
    out.append('  </channel>\n</rss>\n')
    return "rss", "".join(out).encode("utf-8")


def jekyll(rnd, f):
    off = rnd.choice([0, 60, 120, -240, 540])
    out = ['<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom" '
           'xml:lang="en"><generator uri="https://jekyllrb.com/" version="4.3.3">Jekyll</generator>',
           '<link href="%sfeed.xml" rel="self" type="application/atom+xml" />' % f.base,
           '<link href="%s" rel="alternate" type="text/html" hreflang="en" />' % f.base,
           '<updated>%s</updated><id>%sfeed.xml</id>' % (iso(f.items[0].when, off), f.base),
           '<title type="html">%s</title><subtitle>A small site</subtitle>' % esc(esc(f.title)),
           '<author><name>%s</name></author>' % f.items[0].author]
    for it in f.items:
        path = "%s/%s.html" % (it.when.astimezone(dt.timezone(dt.timedelta(minutes=off)))
                               .strftime("%Y/%m/%d"), it.slug)
        link = f.base + path
        out.append('<entry><title type="html">%s</title>' % esc(esc(it.title)))
        out.append('<link href="%s" rel="alternate" type="text/html" title="%s" />' %
                   (link, esc(it.title)))
        out.append('<published>%s</published><updated>%s</updated><id>%s</id>' %
                   (iso(it.when, off), iso(it.when, off), link))
        out.append('<content type="html" xml:base="%s">%s</content>' %
                   (link, esc(it.html() + '<p><a href="/about/">About</a></p>')))
        out.append('<author><name>%s</name></author><category term="%s" />' %
                   (it.author, it.category.lower()))
        out.append('<summary type="html">%s</summary></entry>' % esc(esc(it.summary)))
        f.expect(it.title, link, utc(it.when))
    out.append('</feed>')
    return "atom", "".join(out).encode("utf-8")


def youtube(rnd, f):
    chan = "UC%022x" % rnd.getrandbits(88)
    out = ['<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns:yt="http://www.youtube.com/xml/'
           'schemas/2015" xmlns:media="http://search.yahoo.com/mrss/" '
           'xmlns="http://www.w3.org/2005/Atom">\n',
           ' <link rel="self" href="https://www.youtube.example/feeds/videos.xml?channel_id=%s"/>\n'
           % chan,
           ' <id>yt:channel:%s</id>\n <yt:channelId>%s</yt:channelId>\n' % (chan[2:], chan[2:]),
           ' <title>%s</title>\n' % esc(f.title),
           ' <link rel="alternate" href="https://www.youtube.example/channel/%s"/>\n' % chan,
           ' <author>\n  <name>%s</name>\n  <uri>https://www.youtube.example/channel/%s</uri>\n'
           ' </author>\n <published>2019-03-02T10:11:12+00:00</published>\n' % (esc(f.title), chan)]
    for it in f.items:
        vid = "".join(rnd.choice("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-")
                      for _ in range(11))
        link = "https://www.youtube.example/watch?v=%s" % vid
        out.append(' <entry>\n  <id>yt:video:%s</id>\n  <yt:videoId>%s</yt:videoId>\n' % (vid, vid))
        out.append('  <yt:channelId>%s</yt:channelId>\n  <title>%s</title>\n' %
                   (chan, esc(it.title)))
        out.append('  <link rel="alternate" href="%s"/>\n' % link)
        out.append('  <author>\n   <name>%s</name>\n   <uri>https://www.youtube.example/channel/%s'
                   '</uri>\n  </author>\n' % (esc(f.title), chan))
        out.append('  <published>%s</published>\n  <updated>%s</updated>\n' %
                   (iso(it.when), iso(it.when + dt.timedelta(hours=7))))
        out.append('  <media:group>\n   <media:title>%s</media:title>\n' % esc(it.title))
        out.append('   <media:content url="https://www.youtube.example/v/%s?version=3" '
                   'type="application/x-shockwave-flash" width="640" height="390"/>\n' % vid)
        out.append('   <media:thumbnail url="https://i1.ytimg.example/vi/%s/hqdefault.jpg" '
                   'width="480" height="360"/>\n' % vid)
        out.append('   <media:description>%s\n%s</media:description>\n' %
                   (esc(it.summary), esc(it.paras[0])))
        out.append('   <media:community>\n    <media:starRating count="%d" average="5.00" '
                   'min="1" max="5"/>\n    <media:statistics views="%d"/>\n   </media:community>\n'
                   '  </media:group>\n </entry>\n' % (rnd.randint(1, 99), rnd.randint(100, 9999)))
        f.expect(it.title, link, utc(it.when))
    out.append('</feed>\n')
    return "atom", "".join(out).encode("utf-8")


def podcast(rnd, f):
    out = ['<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" '
           'xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" '
           'xmlns:podcast="https://podcastindex.org/namespace/1.0" '
           'xmlns:atom="http://www.w3.org/2005/Atom" '
           'xmlns:content="http://purl.org/rss/1.0/modules/content/">\n<channel>\n',
           '<title>%s</title>\n<link>%s</link>\n' % (esc(f.title), f.base),
           '<description>%s</description>\n' % cdata("<p>A show about village life.</p>"),
           '<itunes:author>%s</itunes:author>\n<itunes:explicit>false</itunes:explicit>\n' %
           esc(f.items[0].author),
           '<itunes:image href="%scover.jpg"/>\n' % f.base,
           '<itunes:category text="Society &amp; Culture"><itunes:category text="Places '
           '&amp; Travel"/></itunes:category>\n',
           '<podcast:locked>no</podcast:locked>\n<podcast:guid>%s</podcast:guid>\n' %
           "%08x-0000-4000-8000-%012x" % (rnd.getrandbits(32), rnd.getrandbits(48))]
    for k, it in enumerate(f.items):
        episode = len(f.items) - k
        has_link = k % 2 == 0
        link = "%sepisodes/%d" % (f.base, episode) if has_link else ""
        title = "Episode %d: %s" % (episode, it.title)
        out.append('<item>\n<title>%s</title>\n<itunes:title>%s</itunes:title>\n' %
                   (esc(title), esc(it.title)))
        out.append('<description>%s</description>\n' % cdata("<p>%s</p>" % esc(it.summary)))
        if has_link:
            out.append('<link>%s</link>\n' % link)
        out.append('<guid isPermaLink="false">%s-ep-%d</guid>\n' % (slug(f.title, 0), episode))
        out.append('<pubDate>%s</pubDate>\n' % rfc822(it.when, rnd.choice([0, -300, -240])))
        out.append('<enclosure url="https://cdn.podhost.example/%d/ep%d.mp3" length="%d" '
                   'type="audio/mpeg"/>\n' % (it.n, episode, rnd.randint(10 ** 6, 10 ** 8)))
        out.append('<itunes:duration>%02d:%02d:%02d</itunes:duration>\n<itunes:episode>%d'
                   '</itunes:episode>\n<itunes:episodeType>full</itunes:episodeType>\n</item>\n' %
                   (0, rnd.randint(10, 59), rnd.randint(0, 59), episode))
        f.expect(title, link, utc(it.when))
    out.append('</channel>\n</rss>\n')
    return "rss", "".join(out).encode("utf-8")


def reddit(rnd, f):
    sub = "r/" + slug(f.title, 0).replace("-", "")[:16]
    out = ['<?xml version="1.0" encoding="UTF-8"?><feed xmlns="http://www.w3.org/2005/Atom" '
           'xmlns:media="http://search.yahoo.com/mrss/">',
           '<category term="%s" label="%s"/>' % (sub[2:], sub),
           '<updated>%s</updated><icon>https://www.redditstatic.example/icon.png/</icon>' %
           iso(f.items[0].when),
           '<id>/%s/.rss</id><link rel="self" href="https://www.reddit.example/%s/.rss" '
           'type="application/atom+xml" />' % (sub, sub),
           '<link rel="alternate" href="https://www.reddit.example/%s/" type="text/html" />' % sub,
           '<title>%s</title>' % esc(f.title)]
    for it in f.items:
        tid = "%07x" % rnd.getrandbits(28)
        user = "/u/" + it.author.split()[0].lower() + str(rnd.randint(1, 99))
        link = "https://www.reddit.example/%s/comments/%s/%s/" % (sub, tid, it.slug.replace("-", "_"))
        out.append('<entry><author><name>%s</name><uri>https://www.reddit.example/user/%s</uri>'
                   '</author>' % (user, user[3:]))
        out.append('<category term="%s" label="%s"/>' % (sub[2:], sub))
        out.append('<content type="html">%s</content>' % esc(
            '<table> <tr><td> <a href="%s"> <img src="https://b.thumbs.reddit.example/%s.jpg" '
            'alt="%s" title="%s" /> </a> </td><td> &#32; submitted by &#32; <a href="https://www.'
            'reddit.example/user/%s"> %s </a> <br/> <span><a href="%s">[link]</a></span> &#32; '
            '<span><a href="%s">[comments]</a></span> </td></tr></table>' %
            (link, tid, esc(it.title), esc(it.title), user[3:], user, link, link)))
        out.append('<id>t3_%s</id><media:thumbnail url="https://b.thumbs.reddit.example/%s.jpg" />'
                   % (tid, tid))
        out.append('<link href="%s" /><updated>%s</updated><published>%s</published>' %
                   (link, iso(it.when), iso(it.when)))
        out.append('<title>%s</title></entry>' % esc(it.title))
        f.expect(it.title, link, utc(it.when))
    out.append('</feed>')
    return "atom", "".join(out).encode("utf-8")


def github_releases(rnd, f):
    repo = "%s/%s" % (slug(f.title, 0).split("-")[0], rnd.choice(["quill", "lathe", "kiln"]))
    out = ['<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" '
           'xmlns:media="http://search.yahoo.com/mrss/" xml:lang="en-US">\n',
           '  <id>tag:github.com,2008:https://github.example/%s/releases</id>\n' % repo,
           '  <link type="text/html" rel="alternate" href="https://github.example/%s/releases"/>\n'
           % repo,
           '  <link type="application/atom+xml" rel="self" href="https://github.example/%s/'
           'releases.atom"/>\n' % repo,
           '  <title>Release notes from %s</title>\n' % repo.split("/")[1],
           '  <updated>%s</updated>\n' % iso(f.items[0].when, 0)]
    version = [2, rnd.randint(0, 9), rnd.randint(0, 9)]
    f.title = "Release notes from %s" % repo.split("/")[1]
    for it in f.items:
        tag = "v%d.%d.%d" % tuple(version)
        version[2] = version[2] - 1 if version[2] > 0 else 0
        link = "https://github.example/%s/releases/tag/%s" % (repo, tag)
        title = "%s: %s" % (tag, it.title) if rnd.random() < 0.5 else tag
        out.append('  <entry>\n    <id>tag:github.com,2008:Repository/%d/%s</id>\n' %
                   (it.n, tag))
        out.append('    <updated>%s</updated>\n' % iso(it.when, 0))
        out.append('    <link rel="alternate" type="text/html" href="%s"/>\n' % link)
        out.append('    <title>%s</title>\n' % esc(title))
        out.append('    <content type="html">%s</content>\n' % esc(
            "<h2>What's changed</h2><ul><li>%s</li><li>%s</li></ul>" %
            (esc(it.paras[0]), esc(it.summary))))
        out.append('    <author>\n      <name>%s</name>\n    </author>\n' %
                   it.author.split()[0].lower())
        out.append('    <media:thumbnail height="30" width="30" url="https://avatars.github'
                   '.example/u/%d?s=60&amp;v=4"/>\n  </entry>\n' % it.n)
        f.expect(title, link, utc(it.when))
    out.append('</feed>\n')
    return "atom", "".join(out).encode("utf-8")


def mastodon(rnd, f):
    user = slug(f.items[0].author, 0).split("-")[0]
    home = "https://social.example/@%s" % user
    f.title = f.items[0].author
    out = ['<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" '
           'xmlns:webfeeds="http://webfeeds.org/rss/1.0" '
           'xmlns:media="http://search.yahoo.com/mrss/">\n  <channel>\n',
           '    <title>%s</title>\n    <description>Public posts from @%s@social.example'
           '</description>\n    <link>%s</link>\n' % (esc(f.title), user, home),
           '    <image>\n      <url>https://files.social.example/avatars/%s.png</url>\n'
           '      <title>%s</title>\n      <link>%s</link>\n    </image>\n' %
           (user, esc(f.title), home),
           '    <lastBuildDate>%s</lastBuildDate>\n    <webfeeds:icon>https://files.social.example'
           '/avatars/%s.png</webfeeds:icon>\n    <generator>Mastodon v4.2.8</generator>\n' %
           (rfc822(f.items[0].when), user)]
    for it in f.items:
        sid = 111000000000000000 + it.n * 7919
        link = "%s/%d" % (home, sid)
        out.append('    <item>\n      <guid isPermaLink="true">%s</guid>\n      <link>%s</link>\n'
                   % (link, link))
        out.append('      <pubDate>%s</pubDate>\n' % rfc822(it.when))
        out.append('      <description>%s</description>\n' % esc(
            '<p>%s <a href="https://social.example/tags/%s" class="mention hashtag" rel="tag">'
            '#<span>%s</span></a></p>' % (esc(it.summary), it.category.lower(),
                                          it.category.lower())))
        if rnd.random() < 0.5:
            out.append('      <media:content url="https://files.social.example/media/%d.jpg" '
                       'type="image/jpeg" fileSize="%d" medium="image">\n        <media:rating '
                       'scheme="urn:simple">nonadult</media:rating>\n        <media:description '
                       'type="plain">%s</media:description>\n      </media:content>\n' %
                       (sid, rnd.randint(10 ** 4, 10 ** 6), esc(it.paras[0])))
        out.append('      <category>%s</category>\n    </item>\n' % it.category.lower())
        f.expect("", link, utc(it.when))
    out.append('  </channel>\n</rss>\n')
    return "rss", "".join(out).encode("utf-8")


def arxiv(rnd, f):
    f.title = "cs.DL updates on arXiv.example"
    out = ['<?xml version=\'1.0\' encoding=\'UTF-8\'?>\n<rss xmlns:arxiv="http://arxiv.org/schemas/'
           'atom" xmlns:dc="http://purl.org/dc/elements/1.1/" '
           'xmlns:atom="http://www.w3.org/2005/Atom" '
           'xmlns:content="http://purl.org/rss/1.0/modules/content/" version="2.0">\n  <channel>\n',
           '    <title>%s</title>\n    <link>http://rss.arxiv.example/rss/cs.DL</link>\n' % f.title,
           '    <description>cs.DL updates on the arXiv.example e-print archive.</description>\n',
           '    <atom:link href="https://rss.arxiv.example/rss/cs.DL" rel="self" '
           'type="application/rss+xml"/>\n    <docs>http://www.rssboard.org/rss-specification'
           '</docs>\n    <language>en-us</language>\n',
           '    <lastBuildDate>%s</lastBuildDate>\n' % rfc822(f.items[0].when, -240),
           '    <skipDays>\n      <day>Saturday</day>\n      <day>Sunday</day>\n'
           '    </skipDays>\n']
    day = f.items[0].when.replace(hour=4, minute=0, second=0)
    for k, it in enumerate(f.items):
        num = "24%02d.%05d" % (day.month, 1000 + it.n)
        link = "https://arxiv.example/abs/%s" % num
        title = "A study of %s %ss" % (rnd.choice(WORDS), rnd.choice(WORDS))
        authors = ", ".join(rnd.sample(AUTHORS, rnd.randint(1, 3)))
        out.append('    <item>\n      <title>%s</title>\n      <link>%s</link>\n' % (title, link))
        out.append('      <description>arXiv:%sv1 Announce Type: %s \nAbstract: %s</description>\n'
                   % (num, "new" if k % 3 else "cross", esc(" ".join(it.paras))))
        out.append('      <guid isPermaLink="false">oai:arXiv.org:%sv1</guid>\n' % num)
        out.append('      <category>cs.DL</category>\n      <category>cs.IR</category>\n')
        out.append('      <pubDate>%s</pubDate>\n' % rfc822(day, -240))
        out.append('      <arxiv:announce_type>new</arxiv:announce_type>\n'
                   '      <dc:rights>http://creativecommons.org/licenses/by/4.0/</dc:rights>\n')
        out.append('      <dc:creator>%s</dc:creator>\n    </item>\n' % esc(authors))
        f.expect(title, link, utc(day))
    out.append('  </channel>\n</rss>\n')
    return "rss", "".join(out).encode("utf-8")


def google_news(rnd, f):
    f.title = "%s - Latest - Google News" % rnd.choice(PLACES)
    out = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?><rss version="2.0" '
           'xmlns:media="http://search.yahoo.com/mrss/"><channel>'
           '<generator>NFE/5.0</generator><title>%s</title>' % esc(f.title),
           '<link>https://news.google.example/search?q=harbour&amp;hl=en-US&amp;gl=US&amp;'
           'ceid=US:en</link><language>en-US</language>'
           '<webMaster>news-webmaster@google.example</webMaster>'
           '<copyright>2024 Google LLC</copyright>',
           '<lastBuildDate>%s</lastBuildDate><description>Google News</description>' %
           rfc822(f.items[0].when, zone="GMT")]
    for it in f.items:
        outlet = rnd.choice(OUTLETS)
        token = "".join(rnd.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
                        for _ in range(40))
        link = "https://news.google.example/rss/articles/CBMi%s?oc=5" % token
        title = "%s - %s" % (it.title, outlet)
        out.append('<item><title>%s</title><link>%s</link>' % (esc(title), link.replace("&", "&amp;")))
        out.append('<guid isPermaLink="false">CBMi%s</guid>' % token)
        out.append('<pubDate>%s</pubDate>' % rfc822(it.when, zone="GMT"))
        out.append('<description>%s</description>' % esc(
            '<a href="%s" target="_blank">%s</a>&nbsp;&nbsp;<font color="#6f6f6f">%s</font>' %
            (link, esc(it.title), outlet)))
        out.append('<source url="https://%s.example">%s</source></item>' %
                   (slug(outlet, 0), esc(outlet)))
        f.expect(title, link, utc(it.when))
    out.append('</channel></rss>')
    return "rss", "".join(out).encode("utf-8")


def japanese_portal(rnd, f):
    f.title = "%sニュース - トピックス" % rnd.choice(JA_PLACES)
    out = ['<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0">\n<channel>\n',
           '<title>%s</title>\n<link>https://news.portal.example.jp/</link>\n' % f.title,
           '<description>%sの最新ニュース</description>\n<language>ja</language>\n' % f.title,
           '<pubDate>%s</pubDate>\n' % rfc822(f.items[0].when, 540)]
    for it in f.items:
        link = "https://news.portal.example.jp/pickup/%d" % (6400000 + it.n)
        out.append('<item>\n<title>%s</title>\n<link>%s</link>\n' % (esc(it.title), link))
        out.append('<pubDate>%s</pubDate>\n' % rfc822(it.when, 540))
        out.append('<comments>https://news.portal.example.jp/pickup/%d/comments</comments>\n'
                   % (6400000 + it.n))
        if rnd.random() < 0.5:
            out.append('<enclosure length="0" url="https://news-pctr.portal.example.jp/%d.jpg" '
                       'type="image/jpeg"/>\n' % it.n)
        out.append('<guid isPermaLink="false">pickup-%d</guid>\n</item>\n' % (6400000 + it.n))
        f.expect(it.title, link, utc(it.when))
    out.append('</channel>\n</rss>\n')
    return "rss", "".join(out).encode("utf-8")


def japanese_blog(rnd, f):
    """A Japanese blog host's RSS 1.0, in Shift_JIS, dates as dc:date."""
    f.title = "%s日記" % rnd.choice(JA_PLACES)
    base = "https://yamasato.blog.example.jp/"
    nec = rnd.random() < 0.34
    items = "".join('<rdf:li rdf:resource="%sarchives/%d.html"/>' % (base, it.n) for it in f.items)
    out = ['<?xml version="1.0" encoding="Shift_JIS"?>\n<rdf:RDF '
           'xmlns="http://purl.org/rss/1.0/" '
           'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
           'xmlns:dc="http://purl.org/dc/elements/1.1/" '
           'xmlns:content="http://purl.org/rss/1.0/modules/content/" xml:lang="ja">\n',
           '<channel rdf:about="%sindex.rdf">\n<title>%s</title>\n<link>%s</link>\n' %
           (base, f.title, base),
           '<description>山あいの暮らし</description>\n<dc:language>ja</dc:language>\n'
           '<items><rdf:Seq>%s</rdf:Seq></items>\n</channel>\n' % items]
    for it in f.items:
        link = "%sarchives/%d.html" % (base, it.n)
        out.append('<item rdf:about="%s">\n<title>%s</title>\n<link>%s</link>\n' %
                   (link, esc(it.title), link))
        out.append('<description>%s</description>\n' % esc(it.summary))
        out.append('<dc:subject>%s</dc:subject>\n<dc:creator>%s</dc:creator>\n' %
                   (it.category, it.author))
        out.append('<dc:date>%s</dc:date>\n' % iso(it.when, 540))
        # NEC characters (①) are common on such hosts, and are CP932, not
        # Shift_JIS proper: in a third of the feeds
        extra = "<p>①番目の写真は後ほど。</p>" if nec else ""
        out.append('<content:encoded>%s</content:encoded>\n</item>\n' %
                   cdata("<p>%s</p>%s" % (esc(it.summary), extra)))
        f.expect(it.title, link, utc(it.when))
    out.append('</rdf:RDF>\n')
    return "rdf", "".join(out).encode("cp932")


# name, file suffix, shape, feed title, base URL, Japanese content
SHAPES = [
    ("wordpress", "xml", wordpress, "Hillcrest Community Garden",
     "https://hillcrest-garden.example.org/", False),
    ("blogger", "xml", blogger, "Tide Tables & Teacups", "https://tidetables.blogspot.example/",
     False),
    ("medium", "xml", medium, "Saltmere Writers on Medium", "https://medium.example/saltmere/",
     False),
    ("substack", "xml", substack, "The Small Towns Letter", "https://smalltowns.substack.example/",
     False),
    ("ghost", "xml", ghost, "Ferry Road Journal", "https://ferryroad.ghost.example/", False),
    ("hugo", "xml", hugo, "Notes from Kestrel Bay", "https://kestrelbay.example.net/", False),
    ("jekyll", "xml", jekyll, "Lathe & Loom", "https://latheandloom.example.io/", False),
    ("youtube", "xml", youtube, "Workshop by the Harbour", "", False),
    ("podcast", "xml", podcast, "Village Hall Radio", "https://villagehall.podhost.example/",
     False),
    ("reddit", "xml", reddit, "Small Harbours", "", False),
    ("github-releases", "xml", github_releases, "Acme Tools", "", False),
    ("mastodon", "xml", mastodon, "", "", False),
    ("arxiv", "xml", arxiv, "", "", False),
    ("googlenews", "xml", google_news, "", "", False),
    ("japanese-portal", "xml", japanese_portal, "", "", True),
    ("japanese-blog", "rdf", japanese_blog, "", "", True),
]


def write_expect(path, source, fmt, f):
    with open(path, "w", encoding="utf-8") as out:
        out.write("# written by tests/compare/shapes.py: what the feed says, as\n")
        out.write("# newsfold --dump prints it (titles as text, links absolute, dates UTC)\n")
        out.write("source %s\nformat %s\ntitle %s\nitems %d\n" %
                  (source, fmt, f.title, len(f.expect_items)))
        for i, (title, link, published) in enumerate(f.expect_items):
            out.write("item %d title %s\n" % (i, title))
            out.write("item %d link %s\n" % (i, link))
            out.write("item %d published %s\n" % (i, published or "null"))


def generate(outdir, variants, seed):
    os.makedirs(outdir, exist_ok=True)
    for v in range(variants):
        for name, suffix, shape, title, base, ja in SHAPES:
            rnd = random.Random("%s-%d-%d" % (name, v, seed))
            n = 3 if v == 0 else rnd.randint(1, 8)
            f = Feed(rnd, title, base, n, ja=ja or (v > 0 and rnd.random() < 0.15),
                     quirky=v > 0)
            fmt, data = shape(rnd, f)
            stem = name if variants == 1 else "%s-%02d" % (name, v)
            with open(os.path.join(outdir, "%s.%s" % (stem, suffix)), "wb") as out:
                out.write(data)
            write_expect(os.path.join(outdir, stem + ".expect"), "%s.%s" % (stem, suffix), fmt, f)


def main(argv):
    if len(argv) < 2 or argv[1].startswith("-"):
        sys.stderr.write("usage: shapes.py OUTDIR [--variants N] [--seed S]\n")
        return 2
    variants, seed = 1, 0
    args = argv[2:]
    while args:
        if args[0] == "--variants" and len(args) > 1:
            variants = int(args[1])
        elif args[0] == "--seed" and len(args) > 1:
            seed = int(args[1])
        else:
            sys.stderr.write("shapes.py: unknown option %s\n" % args[0])
            return 2
        args = args[2:]
    generate(argv[1], variants, seed)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
