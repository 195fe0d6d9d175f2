#!/usr/bin/env python3
"""Loopback HTTP server for newsfold's tests and benchmarks.

Usage:
    server.py [--root DIR] [--log FILE] [--bind ADDR] [--no-stdin]

Binds 127.0.0.1 (or ADDR) on a free port and prints the port number alone on the
first line of stdout, then serves until stdin reaches end of file (the
test closes its end of the pipe) or SIGTERM / SIGINT arrives.  With
--no-stdin it ignores stdin and serves until a signal (for shell scripts,
whose background jobs get /dev/null as stdin).

  --root DIR   directory of fixtures (default: fixtures/http next to
               this script)
  --log FILE   append one JSON object per request: {"method", "path",
               "headers": {name: value}} so a test can assert what was sent

Routes (NAME is a file under the root; its extension sets the type:
.xml/.rss RSS, .atom Atom, .json JSON Feed, .html HTML):
  /feed/NAME              the file, with ETag and Last-Modified; 304 to a
                          matching If-None-Match or If-Modified-Since
  /gzip/NAME              the same, Content-Encoding: gzip
  /redirect?to=URL        302 to URL (any scheme, file:// included)
  /status/CODE            that status with a short text body
  /slow?seconds=N         headers and a first byte, then a stall of N s
  /endless                200 with a body that never ends
  /html                   an HTML page that is not a feed
  /located?at=LOC&feed=NAME  the file NAME with "Content-Location: LOC"
  /latency?ms=M&feed=NAME /feed/NAME after M milliseconds
  /latency?ms=M&items=K&seed=S   /gen after M milliseconds
  /gen?items=K&seed=S     a generated RSS feed of K fictional items,
                          the same bytes for the same K and S
  /blob/ANY?size=N        N bytes of a fixed pattern (a download; ANY is
                          any name, percent-escapes and all), answering
                          "Range: bytes=S-" with 206 and Content-Range (416
                          past the end); &cut=1: a request without a range
                          gets the headers of the whole and half the body,
                          then the connection closes; &norange=1: every
                          request gets the whole with 200; &slow=MS: a
                          pause of MS milliseconds after each 64 KiB
Misbehaving servers (what a hostile or broken host sends):
  /notmodified            304 Not Modified to any request, conditional or not
  /http09                 an HTTP/0.9 reply: the body with no status line
  /badstatus              a status line "HTTP/1.1 2000 OK"
  /bigheader?kb=K         a 200 whose one header line is K KiB long
  /truncated/NAME         NAME gzipped, cut off before its end, with a
                          Content-Length that matches the cut body
  /partial/NAME           206 Partial Content with the whole file, although
                          the request asked for no range
  /short/NAME             a Content-Length 100 bytes longer than the file,
                          then the connection closes
  /auth/NAME              /feed/NAME behind Basic authentication as
                          alice:s3cret; 401 otherwise
  /deflate/NAME?raw=1     NAME with Content-Encoding: deflate (zlib framing,
                          or a bare deflate stream with raw=1)
  /gzip2/NAME             NAME gzipped as two members, one after the other,
                          with a pause between them
  /bomb?mb=N              N MiB of spaces, gzipped (a few KiB on the wire)
  /brotli                 Content-Encoding: br, which was never asked for
Any route takes &charset=CS to name that charset in Content-Type.
"""

import argparse
import base64
import email.utils
import functools
import gzip
import hashlib
import json
import os
import random
import signal
import socket
import sys
import threading
import time
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

TYPES = {
    ".xml": "application/rss+xml",
    ".rss": "application/rss+xml",
    ".rdf": "application/rdf+xml",
    ".atom": "application/atom+xml",
    ".json": "application/feed+json",
    ".html": "text/html",
}

# A fixed date, so Last-Modified does not depend on checkout times.
LAST_MODIFIED = "Wed, 18 Oct 2023 06:00:00 GMT"

HTML_PAGE = b"""<!DOCTYPE html>
<html><head><title>Harbour Town Council</title></head>
<body><h1>Harbour Town Council</h1>
<p>The ferry timetable changes on Monday. This page is not a feed.</p>
</body></html>
"""

WORDS = ("harbour council ferry library bridge market festival river "
         "school orchard museum lantern tide station garden mill").split()


@functools.lru_cache(maxsize=4096)
def generate_feed(items, seed):
    """The same bytes for the same items and seed; kept, so that a
    benchmark of a thousand feeds measures the client, not this server
    generating them again under one interpreter lock."""
    rng = random.Random(seed)
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<rss version="2.0"><channel>',
           "<title>Generated News %d</title>" % seed,
           "<link>http://example.invalid/gen/%d</link>" % seed,
           "<description>Fictional news for benchmarks</description>"]
    for i in range(items):
        title = " ".join(rng.choice(WORDS) for _ in range(6)).capitalize()
        body = " ".join(rng.choice(WORDS) for _ in range(60))
        day = 1 + i % 28
        out.append(
            "<item><title>%s %d</title>"
            "<link>http://example.invalid/gen/%d/%d</link>"
            "<guid>gen-%d-%d</guid>"
            "<pubDate>Mon, %02d Oct 2023 08:%02d:00 +0000</pubDate>"
            "<description>&lt;p&gt;%s.&lt;/p&gt;</description></item>"
            % (title, i, seed, i, seed, i, day, i % 60, body))
    out.append("</channel></rss>\n")
    return "\n".join(out).encode("utf-8")


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "newsfold-test"

    def log_message(self, fmt, *args):
        pass

    def log_request_json(self):
        path = self.server.log_path
        if path is None:
            return
        entry = {"method": self.command, "path": self.path,
                 "headers": {k: v for k, v in self.headers.items()}}
        with self.server.log_lock:
            with open(path, "a", encoding="utf-8") as f:
                f.write(json.dumps(entry) + "\n")

    def do_GET(self):
        self.log_request_json()
        url = urlsplit(self.path)
        query = {k: v[-1] for k, v in parse_qs(url.query).items()}
        self.charset = query.get("charset")
        path = url.path
        try:
            self.route(path, query)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True

    def route(self, path, query):
        if path.startswith("/feed/"):
            self.serve_file(path[len("/feed/"):], False)
        elif path.startswith("/gzip/"):
            self.serve_file(path[len("/gzip/"):], True)
        elif path == "/redirect":
            self.send_response(302)
            self.send_header("Location", query.get("to", "/"))
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif path.startswith("/status/"):
            self.serve_status(path[len("/status/"):])
        elif path == "/slow":
            self.serve_slow(float(query.get("seconds", "5")))
        elif path == "/endless":
            self.serve_endless()
        elif path == "/html":
            self.send_body(200, "text/html", HTML_PAGE)
        elif path == "/located":
            self.send_body(200, "application/xml", self.fixture(query.get("feed", "")),
                           [("Content-Location", query.get("at", ""))])
        elif path == "/latency":
            time.sleep(int(query.get("ms", "50")) / 1000.0)
            if "feed" in query:
                self.serve_file(query["feed"], False)
            else:
                self.serve_generated(query)
        elif path == "/gen":
            self.serve_generated(query)
        elif path.startswith("/blob/"):
            self.serve_blob(query)
        elif not self.route_broken(path, query):
            self.send_body(404, "text/plain", b"no such route\n")

    def route_broken(self, path, query):
        """The misbehaving routes; False when path is none of them."""
        if path == "/notmodified":
            self.send_response(304)
            self.send_header("ETag", '"never-sent"')
            self.end_headers()
        elif path == "/http09":
            self.send_raw(self.fixture("world.xml"))
        elif path == "/badstatus":
            body = self.fixture("world.xml")
            self.send_raw(b"HTTP/1.1 2000 OK\r\n"
                          b"Content-Type: application/rss+xml\r\n"
                          b"Content-Length: %d\r\n\r\n" % len(body) + body)
        elif path == "/bigheader":
            filler = "a" * (int(query.get("kb", "200")) * 1024)
            self.send_body(200, "application/rss+xml",
                           self.fixture("world.xml"), [("X-Filler", filler)])
        elif path.startswith("/truncated/"):
            body = gzip.compress(self.fixture(path[len("/truncated/"):]))
            self.send_body(200, "application/rss+xml", body[:len(body) // 2],
                           [("Content-Encoding", "gzip")])
        elif path.startswith("/partial/"):
            body = self.fixture(path[len("/partial/"):])
            self.send_body(206, "application/rss+xml", body,
                           [("Content-Range", "bytes 0-%d/%d"
                             % (len(body) - 1, len(body)))])
        elif path.startswith("/short/"):
            self.serve_short(self.fixture(path[len("/short/"):]))
        elif path.startswith("/auth/"):
            self.serve_auth(path[len("/auth/"):])
        elif path.startswith("/deflate/"):
            body = self.fixture(path[len("/deflate/"):])
            if query.get("raw"):
                c = zlib.compressobj(9, zlib.DEFLATED, -15)
                body = c.compress(body) + c.flush()
            else:
                body = zlib.compress(body)
            self.send_body(200, "application/rss+xml", body,
                           self.validators(body) +
                           [("Content-Encoding", "deflate")])
        elif path.startswith("/gzip2/"):
            self.serve_two_members(self.fixture(path[len("/gzip2/"):]))
        elif path == "/bomb":
            body = gzip.compress(b" " * (int(query.get("mb", "64")) << 20))
            self.send_body(200, "application/rss+xml", body,
                           [("Content-Encoding", "gzip")])
        elif path == "/brotli":
            self.send_body(200, "application/rss+xml", b"\x0b\x02\x80x\x03",
                           [("Content-Encoding", "br")])
        else:
            return False
        return True

    @staticmethod
    def validators(body):
        return [("ETag", '"%s"' % hashlib.sha1(body).hexdigest()[:16]),
                ("Last-Modified", LAST_MODIFIED)]

    def fixture(self, name):
        root = self.server.root
        full = os.path.realpath(os.path.join(root, name))
        if not full.startswith(root + os.sep) or not os.path.isfile(full):
            return b"no such fixture\n"
        with open(full, "rb") as f:
            return f.read()

    def send_raw(self, data):
        """Bytes straight onto the socket, no status line of ours."""
        self.close_connection = True
        self.wfile.write(data)
        self.wfile.flush()

    def serve_short(self, body):
        self.close_connection = True
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml")
        self.send_header("Content-Length", str(len(body) + 100))
        self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(body)

    def serve_two_members(self, body):
        """Two gzip members, with a pause between them so that the client
        most likely reads the second in a piece of its own."""
        half = len(body) // 2
        first, second = gzip.compress(body[:half]), gzip.compress(body[half:])
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml")
        for name, value in self.validators(body):
            self.send_header(name, value)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(first) + len(second)))
        self.end_headers()
        self.wfile.write(first)
        self.wfile.flush()
        time.sleep(0.2)
        self.wfile.write(second)

    def serve_auth(self, name):
        want = "Basic " + base64.b64encode(b"alice:s3cret").decode("ascii")
        if self.headers.get("Authorization") != want:
            self.send_body(401, "text/plain", b"who are you?\n",
                           [("WWW-Authenticate", 'Basic realm="feeds"')])
            return
        self.serve_file(name, False)

    def content_type(self, ctype):
        if self.charset:
            return "%s; charset=%s" % (ctype, self.charset)
        return ctype

    def send_body(self, code, ctype, body, extra=()):
        self.send_response(code)
        self.send_header("Content-Type", self.content_type(ctype))
        for name, value in extra:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def not_modified(self, etag):
        inm = self.headers.get("If-None-Match")
        if inm is not None:
            return etag in [t.strip() for t in inm.split(",")] or inm == "*"
        ims = self.headers.get("If-Modified-Since")
        if ims is not None:
            try:
                since = email.utils.parsedate_to_datetime(ims)
                mod = email.utils.parsedate_to_datetime(LAST_MODIFIED)
                return mod <= since
            except (TypeError, ValueError):
                return False
        return False

    def serve_validated(self, body, ctype, compress):
        etag = '"%s"' % hashlib.sha1(body).hexdigest()[:16]
        validators = [("ETag", etag), ("Last-Modified", LAST_MODIFIED)]
        if self.not_modified(etag):
            self.send_response(304)
            for name, value in validators:
                self.send_header(name, value)
            self.end_headers()
            return
        if compress:
            body = gzip.compress(body)
            validators.append(("Content-Encoding", "gzip"))
        self.send_body(200, ctype, body, validators)

    def serve_file(self, name, compress):
        root = self.server.root
        full = os.path.realpath(os.path.join(root, name))
        if not full.startswith(root + os.sep) or not os.path.isfile(full):
            self.send_body(404, "text/plain", b"no such fixture\n")
            return
        with open(full, "rb") as f:
            body = f.read()
        ext = os.path.splitext(name)[1]
        self.serve_validated(body, TYPES.get(ext, "application/xml"),
                             compress)

    def serve_generated(self, query):
        body = generate_feed(int(query.get("items", "100")),
                             int(query.get("seed", "0")))
        self.serve_validated(body, "application/rss+xml", False)

    def serve_status(self, code):
        try:
            status = int(code)
        except ValueError:
            status = 400
        self.send_body(status, "text/plain",
                       ("status %d\n" % status).encode("ascii"))

    def serve_slow(self, seconds):
        self.close_connection = True
        self.send_response(200)
        self.send_header("Content-Type", self.content_type("application/rss+xml"))
        self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(b"<")
        self.wfile.flush()
        time.sleep(seconds)
        self.wfile.write(b'rss version="2.0"><channel><title>Late</title>'
                         b"</channel></rss>\n")

    def serve_blob(self, query):
        size = int(query.get("size", "1000"))
        body = bytes(i % 251 for i in range(size))
        ctype = "application/octet-stream"
        asked = self.headers.get("Range")
        if asked and not query.get("norange") and asked.startswith("bytes="):
            start = int(asked[len("bytes="):].split("-")[0])
            if start >= size:
                self.send_body(416, "text/plain", b"",
                               [("Content-Range", "bytes */%d" % size)])
                return
            self.send_blob(206, body[start:], query,
                           [("Content-Range", "bytes %d-%d/%d"
                             % (start, size - 1, size))])
            return
        if query.get("cut"):
            self.close_connection = True
            self.send_response(200)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(size))
            self.send_header("Connection", "close")
            self.end_headers()
            self.wfile.write(body[:size // 2])
            self.wfile.flush()
            return
        self.send_blob(200, body, query, [])

    def send_blob(self, code, body, query, extra):
        pause = int(query.get("slow", "0")) / 1000.0
        if not pause:
            self.send_body(code, "application/octet-stream", body, extra)
            return
        self.send_response(code)
        self.send_header("Content-Type", "application/octet-stream")
        for name, value in extra:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        for i in range(0, len(body), 65536):
            self.wfile.write(body[i:i + 65536])
            self.wfile.flush()
            time.sleep(pause)

    def serve_endless(self):
        self.close_connection = True
        self.send_response(200)
        self.send_header("Content-Type", self.content_type("application/rss+xml"))
        self.send_header("Connection", "close")
        self.end_headers()
        chunk = b"<!-- endless -->" * 4096
        while True:
            self.wfile.write(chunk)


class Server(ThreadingHTTPServer):
    # The default backlog of 5 drops connections when a client opens many
    # at once, and the client's SYN retry then adds whole seconds.
    request_queue_size = 256
    daemon_threads = True

    def handle_error(self, request, client_address):
        # A client that gives up (a timeout, a size limit, kill -9) is
        # part of the tests, not a server error.
        exc = sys.exc_info()[1]
        if isinstance(exc, (ConnectionError, TimeoutError)):
            return
        super().handle_error(request, client_address)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description="newsfold loopback test server")
    ap.add_argument("--root", default=os.path.join(here, "fixtures", "http"))
    ap.add_argument("--log")
    ap.add_argument("--bind", default="127.0.0.1")
    ap.add_argument("--no-stdin", action="store_true")
    opts = ap.parse_args()

    if ":" in opts.bind:
        Server.address_family = socket.AF_INET6
    httpd = Server((opts.bind, 0), Handler)
    httpd.root = os.path.realpath(opts.root)
    httpd.log_path = opts.log
    httpd.log_lock = threading.Lock()

    def stop(*_):
        threading.Thread(target=httpd.shutdown, daemon=True).start()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    if not opts.no_stdin:
        def watch_stdin():
            while sys.stdin.buffer.read(4096):
                pass
            stop()
        threading.Thread(target=watch_stdin, daemon=True).start()

    print(httpd.server_address[1], flush=True)
    httpd.serve_forever(poll_interval=0.2)
    httpd.server_close()


if __name__ == "__main__":
    main()
