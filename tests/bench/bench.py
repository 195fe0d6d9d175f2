#!/usr/bin/env python3
"""newsfold's benchmarks in one run, printed as one table (not a test).

Usage: bench.py [--build DIR] [--srcdir DIR] [--runs N] [--quick]

`make bench` runs it; `make bench COMPARE=1` installs the anchors first
(xmllint, sfeed, newsboat, hyperfine) with apt-get. Every row runs
newsfold and its anchors side by side in this run, N times each (default
5): the median wall time with its range, the median processor time (user
+ system) and the peak resident memory. Wall times come from hyperfine
when it is installed, else from this script's own repeat loop; processor
time and memory always come from wait4(2).

Rows:
  dump 35 MB      --dump of a 20,000-item RSS feed (tests/bench/genfeed.py)
                  against xmllint --stream --noout and sfeed
  dump 350 MB     200,000 items of the same kind, generated into a temporary
                  folder: memory must not grow
                  (with --base, a line after the table says whether both
                  builds print the same JSON on four generated feeds)
  headlines 100k  --headlines over 100 stored feeds of 1,000 items each,
                  against newsboat -x print-unread on the same feeds
  stories         the front page kept folded in the store: --headlines
                  over 100,000 and 1,000,000 stored items, and the
                  screens' first frame (a private tmux server; peak RSS
                  from GNU time inside the pane), each beside --base
                  over its own copy of the store; STORIES_SIZES=N,...
                  replaces the 1,000,000
  refresh         FEEDS x ITEMS from the loopback server (tests/server.py)
                  with LATENCY_MS per request at max-parallel PARALLEL,
                  new database each run, then again (all 304), against
                  the network floor and newsboat (reload-threads PARALLEL),
                  then again with the kept page stale (fold-threshold
                  moved each run: all 304, then the refold)
  refold          the refold after a refresh alone (stories_update() over
                  FEEDS x ITEMS stored items, the fold made stale each
                  run), beside --base; run with refresh too
  store insert    store_feed_update() of 1,000 feeds x 100 items
                  (tests/bench/store-bench) 100 feeds a batch, as the
                  refresh's worker stores them, beside one transaction
                  a feed: the insert's wall and processor time
  fold 100k, 1M   fold_stories() over synthetic items (tests/bench/fold_bench,
                  one size a process; 100k again with titles of kanji
                  bigrams, FOLD_BENCH_SCRIPT=cjk): fold time, what folding adds to
                  the resident memory, the 1M time over the 100k time
                  (linear is 10) and the stories' checksum, which must
                  not change with a faster build
Then the component benchmarks' own lines: fold_bench, store-bench,
text_bench. Corpora are cached in $BENCH_DIR (default
/tmp/newsfold-bench). FEEDS, ITEMS, LATENCY_MS and PARALLEL in the
environment change the refresh row (default 1000, 100, 50, 16).
"""
import argparse
import json
import math
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time


def have(tool):
    return shutil.which(tool) is not None


def run_once(argv, stdin=None, env=None):
    """Runs argv with stdout and stderr discarded; returns (wall s, cpu s,
    peak RSS KiB, exit status). A child of this Python process starts
    with Python's resident size as its peak (Linux keeps the high-water
    mark across exec), so GNU time, a small process, starts the command
    and reports its figures when it is installed."""
    fin = open(stdin, "rb") if stdin else subprocess.DEVNULL
    gnu_time = "/usr/bin/time" if os.path.exists("/usr/bin/time") else None
    with tempfile.NamedTemporaryFile(mode="r") as report:
        cmd = ([gnu_time, "-f", "%U %S %M", "-o", report.name] + argv
               if gnu_time else argv)
        start = time.monotonic()
        p = subprocess.Popen(cmd, stdin=fin, stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL, env=env)
        _, status, ru = os.wait4(p.pid, 0)
        wall = time.monotonic() - start
        cpu, kib = ru.ru_utime + ru.ru_stime, ru.ru_maxrss
        fields = report.read().split("\n")[-2].split() if gnu_time else []
        if len(fields) == 3:
            cpu, kib = float(fields[0]) + float(fields[1]), int(fields[2])
    if stdin:
        fin.close()
    return wall, cpu, kib, status


def shell_quote(s):
    return "'" + s.replace("'", "'\\''") + "'"


def hyperfine_walls(argv, stdin, runs, prepare):
    """Wall times of runs runs by hyperfine, or None."""
    if not have("hyperfine"):
        return None
    cmd = " ".join(shell_quote(a) for a in argv)
    if stdin:
        cmd += " < " + shell_quote(stdin)
    with tempfile.NamedTemporaryFile(suffix=".json") as out:
        hf = ["hyperfine", "--style", "none", "--runs", str(runs),
              "--ignore-failure", "--export-json", out.name]
        if prepare:
            hf += ["--prepare", prepare]
        hf.append(cmd + " > /dev/null 2>&1")
        if subprocess.run(hf, stdout=subprocess.DEVNULL,
                          stderr=subprocess.DEVNULL).returncode != 0:
            return None
        return json.load(open(out.name))["results"][0]["times"]


def measure(argv, runs, stdin=None, prepare=None, env=None):
    """Median wall, its range, median CPU, peak RSS over runs runs."""
    walls, cpus, rss, failed = [], [], 0, 0
    for _ in range(runs):
        if prepare:
            subprocess.run(["sh", "-c", prepare])
        wall, cpu, kib, status = run_once(argv, stdin, env)
        walls.append(wall)
        cpus.append(cpu)
        rss = max(rss, kib)
        failed += status != 0
    hf = hyperfine_walls(argv, stdin, runs, prepare)
    if hf:
        walls = hf
    return {"median": statistics.median(walls), "min": min(walls),
            "max": max(walls), "cpu": statistics.median(cpus),
            "rss": rss / 1024.0, "failed": failed,
            "timer": "hyperfine" if hf else "loop"}


BASE = None	# --base: another build's newsfold, measured beside this one


def with_base(argv, nf, runs, **kw):
    """The same command through the --base build, as an anchor row."""
    if BASE is None:
        return []
    other = [BASE if a == nf else a for a in argv]
    return [("before (--base)", measure(other, runs, **kw))]


def fmt(m):
    if m is None:
        return "—"
    s = "%.3f s (%.3f–%.3f), %s%.1f MiB" % (
        m["median"], m["min"], m["max"],
        "" if math.isnan(m["cpu"]) else "CPU %.2f s, " % m["cpu"], m["rss"])
    if m["failed"]:
        s += ", %d failed" % m["failed"]
    return s


def machine(build):
    lines = []
    cpu = "?"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        mem = [l for l in open("/proc/meminfo") if l.startswith("MemTotal")]
        mem = int(mem[0].split()[1]) // 1024 if mem else 0
    except OSError:
        mem = 0
    lines.append("machine: %s, %s, %d cores, %d MiB, %s" % (
        platform.node(), cpu, os.cpu_count() or 0, mem,
        " ".join(platform.uname()[0:3:2])))
    out = subprocess.run([os.path.join(build, "newsfold"), "--version"],
                         capture_output=True, text=True).stdout.strip()
    lines.append("newsfold: %s" % (out.splitlines()[0] if out else "?"))
    load = os.getloadavg()
    lines.append("load average at start: %.2f %.2f %.2f" % load)
    lines.append("anchors: " + ", ".join(
        "%s %s" % (t, "yes" if have(t) else "not installed")
        for t in ("xmllint", "sfeed", "newsboat", "hyperfine")))
    return lines


def genfeed(srcdir, path, items, seed=42):
    if not os.path.exists(path):
        subprocess.run([sys.executable,
                        os.path.join(srcdir, "tests/bench/genfeed.py"),
                        path, str(items), str(seed)], check=True)
    return path


def headlines_corpus(srcdir, build, work):
    """100 feeds of 1,000 items in a store; returns (rc, db, urls)."""
    folder = os.path.join(work, "h100k")
    os.makedirs(folder, exist_ok=True)
    rc, db = os.path.join(folder, "rc"), os.path.join(folder, "db")
    urls = [os.path.join(folder, "f%d.xml" % i) for i in range(100)]
    for i, path in enumerate(urls):
        genfeed(srcdir, path, 1000, i)
    with open(rc, "w") as f:
        for path in urls:
            f.write('feed "file://%s"\n' % path)
        f.write("max-items 1000\n")
    if not os.path.exists(db):
        # by the older build when there is one: a newer one may migrate
        # its schema past what the older reads
        subprocess.run([BASE or os.path.join(build, "newsfold"), "-c", rc,
                        "-d", db + ".tmp", "--refresh"],
                       stdout=subprocess.DEVNULL, check=True)
        os.rename(db + ".tmp", db)
    return rc, db, urls


def refreshed(nf, rc, db):
    """db after one untimed --refresh by nf, as a user's store is after
    any refresh: at nf's schema, its front page kept folded."""
    subprocess.run([nf, "-c", rc, "-d", db, "--refresh"],
                   stdout=subprocess.DEVNULL, check=True)
    return db


def copy_for(db, tag):
    """db's own copy for one build (tag), made once: opening a store
    migrates it, so two builds never share one."""
    dst = "%s.%s" % (db, tag)
    if not os.path.exists(dst):
        shutil.copyfile(db, dst + ".tmp")
        os.rename(dst + ".tmp", dst)
    return dst


def measure_alternated(cmds, runs):
    """measure() for several commands, (label, argv, stdin) each, run in
    turn in each of runs rounds, so that the load of a shared machine
    falls on all of them alike: the dump rows' ratios. Wall times come
    from this loop (not hyperfine). Returns {label: figures}."""
    got = {label: ([], [], [0], [0]) for label, _, _ in cmds}
    for _ in range(runs):
        for label, argv, stdin in cmds:
            wall, cpu, kib, status = run_once(argv, stdin)
            walls, cpus, rss, failed = got[label]
            walls.append(wall)
            cpus.append(cpu)
            rss[0] = max(rss[0], kib)
            failed[0] += status != 0
    return {label: {"median": statistics.median(w), "min": min(w),
                    "max": max(w), "cpu": statistics.median(c),
                    "rss": r[0] / 1024.0, "failed": f[0], "timer": "loop"}
            for label, (w, c, r, f) in got.items()}


def dump_pair(nf, feed, runs, sfeed=False):
    """newsfold --dump beside xmllint --stream --noout on feed (and the
    --base build's newsfold when given, sfeed when asked and installed),
    alternated."""
    cmds = [("mine", [nf, "--dump", feed], None)]
    if BASE is not None:
        cmds.append(("before (--base)", [BASE, "--dump", feed], None))
    if have("xmllint"):
        cmds.append(("xmllint --stream", ["xmllint", "--stream", "--noout", feed], None))
    if sfeed and have("sfeed"):
        cmds.append(("sfeed", ["sfeed"], feed))
    got = measure_alternated(cmds, runs)
    return got["mine"], [(label, got[label]) for label, _, _ in cmds[1:]]


def libraries_rss(nf):
    """The peak memory of newsfold --version: what the libraries newsfold
    links take before any work, part of every peak in the dump rows."""
    return measure([nf, "--version"], 1)["rss"]


def row_dump(nf, srcdir, work, runs):
    """--dump against libxml2's floor on the 35 MB feed (cached in work)
    and on a 350 MB one of 200,000 different items of the same size,
    generated into a temporary folder and removed after: its peak memory
    must be the 35 MB feed's."""
    feed = genfeed(srcdir, os.path.join(work, "feed-35mb.xml"), 20000)
    mine, anchors = dump_pair(nf, feed, runs, sfeed=True)
    rows = [("--dump, 35 MB / 20,000 items (--version alone: %.1f MiB)"
             % libraries_rss(nf), mine, anchors)]
    tmp = tempfile.mkdtemp(prefix="dump-", dir=work)
    try:
        big = genfeed(srcdir, os.path.join(tmp, "feed-350mb.xml"), 200000)
        mine_big, anchors_big = dump_pair(nf, big, 1)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    rows.append(("--dump, 350 MB / 200,000 items (1 run; RSS ratio %.2f)"
                 % (mine_big["rss"] / max(mine["rss"], 1e-9)),
                 mine_big, anchors_big))
    NOTES.append(dump_bytes_per_item(mine, mine_big, anchors, anchors_big))
    return rows


def dump_bytes_per_item(small, big, anchors, anchors_big):
    """What --dump's peak memory grows by for each item: the 350 MB
    feed's peak less the 35 MB one's, over the 180,000 items between
    them (what is kept for folding, and folding's own work), beside the
    --base build's when it ran."""
    def per_item(a, b):
        return (b["rss"] - a["rss"]) * 1024 * 1024 / 180000

    line = "--dump: %.0f bytes of peak memory an item" % per_item(small, big)
    base = dict(anchors).get("before (--base)")
    base_big = dict(anchors_big).get("before (--base)")
    if base is not None and base_big is not None:
        line += " (--base: %.0f)" % per_item(base, base_big)
    return line


def dump_same_as_base(nf, srcdir, work):
    """Whether --dump prints byte for byte what the --base build prints,
    on the 35 MB feed and three generated feeds of other seeds and sizes
    (a faster --dump must not change its JSON). One line, or none
    without --base."""
    if BASE is None:
        return []
    feeds = [genfeed(srcdir, os.path.join(work, "feed-35mb.xml"), 20000)]
    feeds += [genfeed(srcdir, os.path.join(work, "dump-seed%d.xml" % seed),
                      items, seed)
              for seed, items in ((1, 500), (2, 3000), (3, 7000))]
    differ = []
    for feed in feeds:
        outs = [subprocess.run([b, "--dump", feed], capture_output=True)
                for b in (nf, BASE)]
        if (outs[0].stdout, outs[0].stderr, outs[0].returncode) != \
                (outs[1].stdout, outs[1].stderr, outs[1].returncode):
            differ.append(os.path.basename(feed))
    return ["--dump beside --base: %s" % (
        "the same output on %d feeds" % len(feeds) if not differ
        else "DIFFERENT output on " + ", ".join(differ))]


def row_headlines(nf, srcdir, build, work, runs):
    rc, db, urls = headlines_corpus(srcdir, build, work)
    anchors = []
    if have("newsboat"):
        folder = os.path.dirname(rc)
        nb_urls = os.path.join(folder, "nb-urls")
        with open(nb_urls, "w") as f:
            for path in urls:
                f.write("file://%s\n" % path)
        nb_cache = os.path.join(folder, "nb.db")
        nb_conf = os.path.join(folder, "nb.conf")
        open(nb_conf, "w").close()
        nb = ["newsboat", "-u", nb_urls, "-c", nb_cache, "-C", nb_conf]
        if not os.path.exists(nb_cache):
            subprocess.run(nb + ["-x", "reload"], stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL)
        anchors.append(("newsboat -x print-unread",
                        measure(nb + ["-x", "print-unread"], runs)))
    env = dict(os.environ, COLUMNS="100")
    argv = [nf, "-c", rc, "-d", refreshed(nf, rc, copy_for(db, "new")),
            "--headlines"]
    mine = measure(argv, runs, env=env)
    if BASE:
        anchors = [("before (--base)", measure(
            [BASE, "-c", rc, "-d", refreshed(BASE, rc, copy_for(db, "base")),
             "--headlines"],
            runs, env=env))] + anchors
    return [("--headlines, 100,000 stored items", mine, anchors)]


def base_build():
    """The --base build's folder, or None."""
    return os.path.dirname(BASE) if BASE else None


def base_store(work, n):
    """The --base build's own store of n items, its page kept by the base
    when it has the tool (else the base folds it at every start, and a
    page kept under older folding rules would be refolded every run)."""
    keep = os.path.exists(os.path.join(base_build(), "tests/bench/stories-keep"))
    return store_corpus(base_build(), work, n, keep, "base-")


def store_corpus(build, work, n, keep, tag=""):
    """A store of n generated items (tests/tui/startup-bench of build),
    its front page kept folded when keep (tests/bench/stories-keep);
    tag names another build's own copy. Returns (rc, db), or None when
    build lacks the generator."""
    gen = os.path.join(build, "tests/tui/startup-bench")
    if not os.path.exists(gen):
        return None
    folder = os.path.join(work, "store-%d-%s%s" % (
        n, tag, "kept" if keep else "base"))
    os.makedirs(folder, exist_ok=True)
    rc, db = os.path.join(folder, "rc"), os.path.join(folder, "db")
    if not os.path.exists(db):
        with open(rc + ".tmp", "w") as f:
            subprocess.run([gen, db + ".tmp", str(n)], stdout=f, check=True)
            f.write("refresh-on-start no\n")
        os.rename(rc + ".tmp", rc)
        os.rename(db + ".tmp", db)
    if keep:
        keep_page(build, rc, db)
    return rc, db


def keep_page(build, rc, db):
    """Keeps db's front page folded as a refresh leaves it (nothing to do
    when the kept one is current, as on every run after the first)."""
    subprocess.run([os.path.join(build, "tests/bench/stories-keep"), db, rc],
                   check=True, stdout=subprocess.DEVNULL)


def kept_copy(build, rc, db, dst):
    """A copy of the store db with its front page kept."""
    if not os.path.exists(dst):
        shutil.copyfile(db, dst + ".tmp")
        os.rename(dst + ".tmp", dst)
    keep_page(build, rc, dst)
    return dst


def first_frame_once(nf, rc, db):
    """Seconds from starting the reader in a private tmux server to its
    first full frame, and the reader's peak RSS in KiB (GNU time inside
    the pane), or None when tmux is missing."""
    if not have("tmux") or not os.path.exists("/usr/bin/time"):
        return None
    folder = tempfile.mkdtemp(prefix="frame-")
    sock = "nf-bench-%d" % os.getpid()
    tm = ["tmux", "-L", sock, "-f", "/dev/null"]
    report = os.path.join(folder, "time")
    script = os.path.join(folder, "run.sh")
    with open(script, "w") as f:
        f.write("export TERM=xterm-256color LANG=C.UTF-8 LC_ALL=C.UTF-8"
                " HOME=%s\nexec /usr/bin/time -f %%M -o %s %s -c %s -d %s\n" % (
                    shell_quote(folder), shell_quote(report), shell_quote(nf),
                    shell_quote(rc), shell_quote(db)))
    try:
        start = time.monotonic()
        subprocess.run(tm + ["new-session", "-d", "-s", "nf", "-x", "100",
                             "-y", "30", "sh " + shell_quote(script)],
                       check=True)
        frame = None
        while time.monotonic() - start < 120:
            pane = subprocess.run(tm + ["capture-pane", "-p", "-t", "nf"],
                                  capture_output=True, text=True).stdout
            if "\u2500\u2500\u2500\u2500" in pane:
                frame = time.monotonic() - start
                break
            time.sleep(0.01)
        subprocess.run(tm + ["send-keys", "-t", "nf", "q"])
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and not (
                os.path.exists(report) and os.path.getsize(report) > 0):
            time.sleep(0.05)
        kib = 0
        if os.path.exists(report):
            fields = open(report).read().split()
            kib = int(fields[-1]) if fields and fields[-1].isdigit() else 0
        return frame, kib
    finally:
        subprocess.run(tm + ["kill-server"], stderr=subprocess.DEVNULL)
        shutil.rmtree(folder, ignore_errors=True)


def first_frame(nf, rc, db, runs):
    """first_frame_once() runs times as a measure() result, or None. A
    first run, not counted, lets the reader record the stories' read
    state once, as any start after the first finds it."""
    walls, rss, failed = [], 0, 0
    if first_frame_once(nf, rc, db) is None:
        return None
    for _ in range(runs):
        got = first_frame_once(nf, rc, db)
        if got is None:
            return None
        frame, kib = got
        if frame is None:
            failed += 1
            continue
        walls.append(frame)
        rss = max(rss, kib)
    if not walls:
        return None
    return {"median": statistics.median(walls), "min": min(walls),
            "max": max(walls), "cpu": float("nan"), "rss": rss / 1024.0,
            "failed": failed, "timer": "tmux"}


def row_stories(nf, srcdir, build, work, runs):
    """The kept front page: --headlines and the screens' first frame over
    100,000 and 1,000,000 stored items, each store's page kept folded as
    a refresh leaves it; --base runs over its own copy of each store
    (a store this build has opened has a schema the base may not read)."""
    rows = []
    rc, db, _ = headlines_corpus(srcdir, build, work)
    kept = kept_copy(build, rc, db, db + ".kept")
    env = dict(os.environ, COLUMNS="100")
    argv = [nf, "-c", rc, "-d", kept, "--headlines"]
    anchors = []
    if BASE:
        anchors = [("before (--base)", measure(
            [BASE, "-c", rc, "-d", copy_for(db, "base"), "--headlines"],
            runs, env=env))]
    rows.append(("--headlines, 100,000 stored items, page kept",
                 measure(argv, runs, env=env), anchors))
    sizes = [1000000] if not os.environ.get("STORIES_SIZES") else [
        int(x) for x in os.environ["STORIES_SIZES"].split(",")]
    for n in sizes:
        mine = store_corpus(build, work, n, True)
        if mine is None:
            continue
        base = base_store(work, n) if BASE else None
        argv = [nf, "-c", mine[0], "-d", mine[1], "--headlines"]
        anchors = []
        if base:
            anchors = [("before (--base)", measure(
                [BASE, "-c", base[0], "-d", base[1], "--headlines"],
                max(1, runs // 3 + 1), env=env))]
        rows.append(("--headlines, %s stored items, page kept" % format(
            n, ","), measure(argv, runs, env=env), anchors))
    for n in [100000] + sizes:
        mine = store_corpus(build, work, n, True)
        if mine is None:
            continue
        base = base_store(work, n) if BASE else None
        frame = first_frame(nf, mine[0], mine[1], runs)
        if frame is None:
            continue
        anchors = []
        if base:
            bf = first_frame(BASE, base[0], base[1], max(1, runs // 3 + 1))
            anchors = [("before (--base)", bf)] if bf else []
        rows.append(("the screens' first frame, %s stored items" % format(
            n, ","), frame, anchors))
    return rows


def loopback_server(srcdir):
    """tests/server.py on 127.0.0.1: (the process, its port)."""
    server = subprocess.Popen(
        [sys.executable, os.path.join(srcdir, "tests/server.py"),
         "--no-stdin"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
        text=True)
    return server, int(server.stdout.readline())


NOTES = []	# lines printed after the table


def headlines_of(nf, rc, db):
    """What nf --headlines prints over db: the kept page, as a refresh
    left it."""
    return subprocess.run([nf, "-c", rc, "-d", db, "--headlines"],
                          capture_output=True).stdout


def row_refresh(nf, srcdir, work, runs):
    feeds = int(os.environ.get("FEEDS", "1000"))
    items = int(os.environ.get("ITEMS", "100"))
    latency = int(os.environ.get("LATENCY_MS", "50"))
    parallel = int(os.environ.get("PARALLEL", "16"))
    folder = tempfile.mkdtemp(prefix="refresh-", dir=work)
    server, port = loopback_server(srcdir)
    try:
        base = "http://127.0.0.1:%d" % port
        urls = ["%s/latency?ms=%d&items=%d&seed=%d" % (base, latency, items, i)
                for i in range(feeds)]
        rc, db = os.path.join(folder, "rc"), os.path.join(folder, "db")
        with open(rc, "w") as f:
            for u in urls:
                f.write('feed "%s"\n' % u)
            f.write("max-parallel %d\n" % parallel)
        # "again, page stale": fold-threshold moved by one unit in the
        # last place before each run, so every run folds the front page
        # again after its 304s, as a new version's rules would make it
        shutil.copy(rc, rc + ".plain")
        for name, last in (("a", "1"), ("b", "2")):
            shutil.copy(rc, rc + "." + name)
            with open(rc + "." + name, "a") as f:
                f.write("fold-threshold 0.600000000000000%s\n" % last)
        toggle = ("cd %s && if cmp -s rc rc.a; then cp rc.b rc; else cp rc.a rc; fi"
                  % shell_quote(folder))
        plain = "cp %s %s" % (shell_quote(rc + ".plain"), shell_quote(rc))
        wipe = "rm -f %s %s-wal %s-shm" % (db, db, db)
        argv = [nf, "-c", rc, "-d", db, "--refresh"]
        run_once(argv)	# the server generates each feed once, here
        # each build's "again" runs over the store its own new-database
        # runs left: the other's schema or rules would make the first of
        # them a migration and a refold
        cold = measure(argv, runs, prepare=wipe)
        warm = measure(argv, runs)
        mine_page = headlines_of(nf, rc, db)
        stale = measure(argv, runs, prepare=toggle)
        subprocess.run(["sh", "-c", plain])
        base_cold = with_base(argv, nf, runs, prepare=wipe)
        base_warm = with_base(argv, nf, runs)
        if BASE:
            NOTES.append("refresh: --headlines over the store it left, the"
                         " same as --base's: %s" % (
                             "yes" if mine_page == headlines_of(BASE, rc, db)
                             else "NO"))
        base_stale = with_base(argv, nf, runs, prepare=toggle)
        subprocess.run(["sh", "-c", plain])
        floor = math.ceil(feeds / parallel) * latency / 1000.0
        anchors = [("network floor", {"median": floor, "min": floor,
                                      "max": floor, "cpu": 0, "rss": 0,
                                      "failed": 0})] + base_cold
        nb_cold = nb_warm = None
        if have("newsboat"):
            nb_urls = os.path.join(folder, "nb-urls")
            open(nb_urls, "w").write("\n".join(urls) + "\n")
            nb_conf = os.path.join(folder, "nb.conf")
            open(nb_conf, "w").write("reload-threads %d\n" % parallel)
            nb_cache = os.path.join(folder, "nb.db")
            nb = ["newsboat", "-x", "reload", "-u", nb_urls, "-c", nb_cache,
                  "-C", nb_conf]
            nb_cold = measure(nb, runs, prepare="rm -f %s" % nb_cache)
            nb_warm = measure(nb, runs)
        label = "--refresh %d x %d, %d ms, max-parallel %d" % (
            feeds, items, latency, parallel)
        rows = [(label + ", new database", cold,
                 anchors + ([("newsboat", nb_cold)] if nb_cold else [])),
                (label + ", again (304)", warm,
                 base_warm + ([("newsboat", nb_warm)] if nb_warm else [])),
                (label + ", again (304), kept page stale", stale, base_stale)]
    finally:
        server.terminate()
        server.wait()
        shutil.rmtree(folder, ignore_errors=True)
    return rows


def row_refold(nf, srcdir, work, runs):
    """The refold after a refresh alone: the front page of FEEDS x ITEMS
    stored items folded again and kept (stories_update()). The store is
    refreshed once from the loopback server, which then goes: every
    fetch is refused at once, and fold-threshold, moved by one unit in
    the last place between runs, makes the kept page stale each time."""
    feeds = int(os.environ.get("FEEDS", "1000"))
    items = int(os.environ.get("ITEMS", "100"))
    folder = tempfile.mkdtemp(prefix="refold-", dir=work)
    server, port = loopback_server(srcdir)
    try:
        urls = ["http://127.0.0.1:%d/gen?items=%d&seed=%d" % (port, items, i)
                for i in range(feeds)]
        rc, db = os.path.join(folder, "rc"), os.path.join(folder, "db")
        for name, threshold in (("rc.a", "0.6"), ("rc.b", "0.6000000000000001")):
            with open(os.path.join(folder, name), "w") as f:
                f.writelines('feed "%s"\n' % u for u in urls)
                f.write("max-parallel 16\nfold-threshold %s\n" % threshold)
        shutil.copy(os.path.join(folder, "rc.a"), rc)
        run_once([nf, "-c", rc, "-d", db, "--refresh"])
        if BASE:	# a store of its own: this build's schema may be newer
            run_once([BASE, "-c", rc, "-d", db + ".base", "--refresh"])
    finally:
        server.terminate()
        server.wait()
    try:
        toggle = "cd %s && if cmp -s rc rc.a; then cp rc.b rc; else cp rc.a rc; fi" % (
            shell_quote(folder))
        argv = [nf, "-c", rc, "-d", db, "--refresh"]
        new = measure(argv, runs, prepare=toggle)
        # --base's store was folded at rc.a too: its first run must not
        # find it current
        shutil.copy(os.path.join(folder, "rc.a"), rc)
        before = with_base([a if a != db else db + ".base" for a in argv],
                           nf, runs, prepare=toggle)
        for m in [new] + [b for _, b in before]:
            m["failed"] = 0	# every fetch fails, as it is meant to
        label = "refold after --refresh, %d x %d stored (fetches refused)" % (
            feeds, items)
        return [(label, new, before)]
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def store_insert_once(path, batch):
    """One store-bench fill of 1,000 feeds x 100 items, batch feeds a
    transaction: (insert s, insert CPU s, the process's peak RSS MiB), or
    None when it failed."""
    env = dict(os.environ, BATCH_FEEDS=str(batch))
    r = subprocess.run([path, "1000", "100"], capture_output=True, text=True,
                       env=env)
    m = re.search(r"insert .* items +([0-9.]+) ms, CPU ([0-9.]+) ms", r.stdout)
    peak = re.search(r"peak resident +([0-9.]+) MB", r.stdout)
    if r.returncode != 0 or not m:
        return None
    return (float(m.group(1)) / 1000.0, float(m.group(2)) / 1000.0,
            float(peak.group(1)) * 1e6 / 2**20 if peak else 0.0)


def row_store_insert(build, runs):
    """store_feed_update() of 1,000 feeds x 100 items into a new store as
    the refresh's worker stores them (100 feeds a batch), beside one
    transaction a feed: the insert's own wall and processor time."""
    path = os.path.join(build, "tests/bench/store-bench")
    if not os.path.exists(path):
        return []
    got = {1: [], 100: []}
    for _ in range(runs):
        for batch in (100, 1):	# alternated, side by side
            one = store_insert_once(path, batch)
            if one:
                got[batch].append(one)

    def stats(v):
        if not v:
            return {"median": float("nan"), "min": float("nan"),
                    "max": float("nan"), "cpu": 0, "rss": 0,
                    "failed": runs}
        walls = [w for w, _, _ in v]
        return {"median": statistics.median(walls), "min": min(walls),
                "max": max(walls),
                "cpu": statistics.median([c for _, c, _ in v]),
                "rss": max(r for _, _, r in v), "failed": runs - len(v)}
    return [("store insert 1000 x 100 items (store-bench), 100 feeds a batch",
             stats(got[100]), [("a transaction a feed", stats(got[1]))])]


def fold_once(path, size, script=None):
    """One fold_bench run of size items (script "cjk": titles of kanji
    bigrams): (fold s, MB added, peak RSS MiB, checksum, fold CPU s), or
    None when it failed."""
    env = dict(os.environ)
    env.pop("FOLD_BENCH_SCRIPT", None)
    if script:
        env["FOLD_BENCH_SCRIPT"] = script
    r = subprocess.run([path, str(size)], capture_output=True, text=True,
                       env=env)
    m = re.search(r"items: +([0-9.]+) s,.*peak RSS (\d+) MB, fold adds (-?\d+) MB, "
                  r"checksum ([0-9a-f]+), CPU ([0-9.]+) s", r.stdout)
    if r.returncode != 0 or not m:
        return None
    return (float(m.group(1)), int(m.group(3)), int(m.group(2)), m.group(4),
            float(m.group(5)))


def row_fold(build, runs, quick):
    """fold 100k and 1M: median fold time of runs (at most 3 at 1M), MB
    added, peak RSS, checksums, and the growth from 100k to 1M."""
    path = os.path.join(build, "tests/bench/fold_bench")
    if not os.path.exists(path):
        return []
    rows, medians = [], {}
    for size, script in [(100000, None), (100000, "cjk")] + (
            [] if quick else [(1000000, None)]):
        got = [fold_once(path, size, script)
               for _ in range(min(runs, 3) if size > 100000 else runs)]
        ok = [g for g in got if g]
        if not ok:
            continue
        times = [g[0] for g in ok]
        sums = sorted(set(g[3] for g in ok))
        if script:
            label = "fold %dk items, %s titles (fold adds %d MB; checksum %s)" % (
                size // 1000, script.upper(), max(g[1] for g in ok),
                ",".join(sums))
        else:
            medians[size] = statistics.median(times)
            label = "fold %dk items (fold adds %d MB; checksum %s%s)" % (
                size // 1000, max(g[1] for g in ok), ",".join(sums),
                "; %.1fx the 100k time" % (medians[size] / medians[100000])
                if size > 100000 and 100000 in medians else "")
        rows.append((label, {"median": statistics.median(times), "min": min(times),
                             "max": max(times),
                             "cpu": statistics.median(g[4] for g in ok),
                             "rss": max(g[2] for g in ok),
                             "failed": len(got) - len(ok)}, []))
    return rows


def components(build, quick):
    out = []
    progs = [("fold_bench", ["tests/bench/fold_bench"] +
              (["100000"] if quick else ["100000", "1000000"])),
             ("store-bench", ["tests/bench/store-bench"]),
             ("text_bench", ["tests/bench/text_bench"])]
    for name, argv in progs:
        path = os.path.join(build, argv[0])
        if not os.path.exists(path):
            out.append("%s: not built (make check builds it)" % name)
            continue
        r = subprocess.run([path] + argv[1:], capture_output=True, text=True)
        out.append("%s:" % name)
        out += ["  " + l for l in r.stdout.splitlines() if l.strip()]
    startup = os.path.join(build, "tests/tui/startup-bench")
    if have("tmux") and os.path.exists(startup) and not quick:
        env = dict(os.environ, top_builddir=build,
                   top_srcdir=os.path.join(os.path.dirname(
                       os.path.abspath(__file__)), "..", ".."))
        r = subprocess.run(["sh", os.path.join(env["top_srcdir"],
                                               "tests/tui/startup-bench.sh"),
                            "100000"], capture_output=True, text=True, env=env)
        out.append("startup-bench (the screens' first frame):")
        out += ["  " + l for l in r.stdout.splitlines()[:1]]
    return out


def print_table(rows):
    print("| work | newsfold: median (range), CPU, peak RSS | anchors in the same run |")
    print("| --- | --- | --- |")
    for label, mine, anchors in rows:
        cells = []
        for name, m in anchors:
            if name == "network floor":
                cells.append("network floor %.3f s (ratio %.2f)" % (
                    m["median"], mine["median"] / m["median"]))
            else:
                cells.append("%s: %s (ratio %.2f)" % (
                    name, fmt(m), mine["median"] / max(m["median"], 1e-9)))
        print("| %s | %s | %s |" % (label, fmt(mine),
                                    "; ".join(cells) if cells else "—"))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", default=".")
    ap.add_argument("--srcdir", default=os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..", ".."))
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--quick", action="store_true",
                    help="1,000 x 100 becomes 200 x 100; no 1M fold")
    ap.add_argument("--only",
                    default="dump,headlines,stories,refresh,fold,store,"
                    "components")
    ap.add_argument("--base", help="a second build folder: its newsfold "
                    "runs beside this one in every row")
    a = ap.parse_args()
    global BASE
    BASE = os.path.join(os.path.abspath(a.base), "newsfold") if a.base else None
    build = os.path.abspath(a.build)
    srcdir = os.path.abspath(a.srcdir)
    nf = os.path.join(build, "newsfold")
    work = os.environ.get("BENCH_DIR", "/tmp/newsfold-bench")
    os.makedirs(work, exist_ok=True)
    if a.quick:
        os.environ.setdefault("FEEDS", "200")
    for proxy in ("http_proxy", "HTTP_PROXY", "all_proxy", "ALL_PROXY"):
        os.environ.pop(proxy, None)
    only = a.only.split(",")
    print("\n".join(machine(build)))
    print("runs per row: %d; corpora in %s" % (a.runs, work))
    print()
    rows = []
    if "dump" in only:
        rows += row_dump(nf, srcdir, work, a.runs)
    if "headlines" in only:
        rows += row_headlines(nf, srcdir, build, work, a.runs)
    if "stories" in only:
        rows += row_stories(nf, srcdir, build, work, a.runs)
    if "refresh" in only:
        rows += row_refresh(nf, srcdir, work, a.runs)
    if "refresh" in only or "refold" in only:
        rows += row_refold(nf, srcdir, work, a.runs)
    if "fold" in only:
        rows += row_fold(build, a.runs, a.quick)
    if "store" in only:
        rows += row_store_insert(build, a.runs)
    print_table(rows)
    if NOTES:
        print("\n".join(NOTES))
    if "dump" in only:
        print("\n".join(dump_same_as_base(nf, srcdir, work)))
    if "components" in only:
        print()
        print("\n".join(components(build, a.quick)))


if __name__ == "__main__":
    main()
