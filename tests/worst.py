"""Worst cases for each algorithm that reads outside input.

Builds each input, runs newsfold on it once, and prints the input size,
the CPU time and the peak memory of the run. A case fails when its CPU
time goes above --margin seconds per MB of input (at least
--margin * 0.5 s, for the start-up of a small input): newsfold promises
near-linear work on what strangers write, and 1 s per MB is the bound.
CPU time, not wall time, so that a busy machine does not fail the test;
the margin covers a sanitizer build. A case marked known is a gap
being worked on elsewhere: it is held to 1 s per MB and reported as
SKIP, not failed, above it; flip its flag once it is fixed. Peak memory
includes the few MB that the Python starting the run holds when it
forks.

    python3 tests/worst.py NEWSFOLD TMPDIR [--margin N] [--only NAME]
    python3 tests/worst.py --write-corpus DIR   # fuzz seeds, small sizes
"""
import argparse
import os
import resource
import signal
import subprocess
import sys
import time

RSS_HEAD = ('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>'
            '<title>Worst</title><link>https://worst.example/</link>\n')
RSS_TAIL = '</channel></rss>\n'


def rss_item(title, guid, description='', extra=''):
    return ('<item><title>%s</title><link>https://worst.example/%s</link>'
            '<guid>%s</guid>%s%s</item>\n'
            % (title, guid, guid, description, extra))


def one_title(n):
    """n items with one title: folding compares them all."""
    items = ''.join(rss_item('Port Avel signs fishing accord with island neighbour',
                             i) for i in range(n))
    return RSS_HEAD + items + RSS_TAIL


def deep_html(n):
    """One description nested n levels deep."""
    html = '<div>' * n + 'The bottom of the well.' + '</div>' * n
    return RSS_HEAD + rss_item('Deep', 1, '<description><![CDATA[%s]]></description>'
                               % html) + RSS_TAIL


def categories(n):
    """One item with n categories."""
    cats = ''.join('<category>topic %d</category>' % i for i in range(n))
    return RSS_HEAD + rss_item('Many topics', 1, '', cats) + RSS_TAIL


def related(n):
    """One description whose Similar News list has n entries."""
    parts = ['<p>The harbour city signed a fishing accord on Tuesday.</p>',
             '<p>Similar News:You can also read news stories like this one, '
             'gathered from other sources.</p>']
    for i in range(n):
        parts.append('<p>Port Avel and island neighbour sign accord, report %d'
                     'Officials said the accord ends months of quarrelling</p>'
                     '<p><a href="/r/%d">Read more \u00bb</a></p>' % (i, i))
    html = ''.join(parts)
    return RSS_HEAD + rss_item('Related', 1, '<description><![CDATA[%s]]></description>'
                               % html) + RSS_TAIL


def dotfile(n):
    """n feed lines, a bind every tenth."""
    out = []
    for i in range(n):
        out.append('feed https://site%d.example/feed.xml "Feed %d" news\n' % (i, i))
        if i % 10 == 0:
            out.append('bind %s down\n' % chr(0x4e00 + i // 10))
    return ''.join(out)


def opml(n):
    """An OPML list of n feeds, in folders of a hundred."""
    out = ['<?xml version="1.0"?>\n<opml version="2.0"><body>\n']
    for i in range(n):
        if i % 100 == 0:
            out.append('%s<outline text="Folder %d">\n' % ('</outline>\n' if i else '', i))
        out.append('<outline type="rss" text="Feed %d" xmlUrl="https://o%d.example/f.xml"/>\n'
                   % (i, i))
    out.append('</outline>\n</body></opml>\n')
    return ''.join(out)


# name, generator, full size, fuzz-corpus size, how to run, known gap
CASES = [
    ('one-title', one_title, 100000, 40, 'headlines', False),
    ('deep-html', deep_html, 100000, 300, 'dump', False),
    ('categories', categories, 10000, 50, 'dump', False),
    ('dotfile', dotfile, 50000, 40, 'dotfile', False),
    ('opml', opml, 50000, 40, 'opml', False),
    ('related', related, 50000, 30, 'dump', False),
]

CONFIG = 'max-size 1G\nmax-items 1000000\ntimeout 600\n'


def command(nf, how, path, tmp):
    rc = os.path.join(tmp, 'settings.rc')
    db = os.path.join(tmp, 'worst.db')
    if how == 'headlines':
        return [nf, '-c', rc, '-d', db, '--headlines', path]
    if how == 'dump':
        return [nf, '-c', rc, '-d', db, '--dump', path]
    if how == 'dotfile':
        return [nf, '-c', path, '--export-opml']
    target = os.path.join(tmp, 'imported.rc')
    if os.path.exists(target):
        os.unlink(target)
    return [nf, '-c', target, '--import-opml', path]


def measure(argv, cpu_limit):
    """Runs argv with its CPU time capped (SIGXCPU past cpu_limit, so a
    quadratic case stops at the bound instead of running for minutes);
    returns (exit status, CPU seconds, peak RSS in MB). A status of -1
    means the cap stopped it."""
    def cap():
        resource.setrlimit(resource.RLIMIT_CPU, (cpu_limit, cpu_limit + 5))

    with open(os.devnull, 'wb') as null:
        proc = subprocess.Popen(argv, stdout=null, stderr=subprocess.PIPE,
                                preexec_fn=cap)
        err = proc.stderr.read()
        _, status, usage = os.wait4(proc.pid, 0)
    cpu = usage.ru_utime + usage.ru_stime
    if os.WIFSIGNALED(status) and os.WTERMSIG(status) in (signal.SIGXCPU,
                                                          signal.SIGKILL):
        return -1, cpu, usage.ru_maxrss / 1024.0
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        sys.stderr.write(err.decode('utf-8', 'replace')[:500])
    return code, cpu, usage.ru_maxrss / 1024.0


def run(args):
    with open(os.path.join(args.tmp, 'settings.rc'), 'w') as f:
        f.write(CONFIG)
    failed = 0
    print('%-11s %10s %9s %9s %9s  %s' % ('case', 'input MB', 'CPU s', 'bound s',
                                         'peak MB', 'verdict'))
    for name, gen, size, _, how, known in CASES:
        if args.only and name not in args.only:
            continue
        path = os.path.join(args.tmp, name + ('.opml' if how == 'opml' else
                                              '.rc' if how == 'dotfile' else '.xml'))
        # Built by a child, so that this process stays small: the peak
        # memory of a run counts what its parent held when it forked.
        subprocess.check_call([sys.executable, __file__, '--generate', name, path])
        mb = os.path.getsize(path) / 1e6
        # A known gap is held to the bound itself, without the margin:
        # it is reported, not failed, and should cost no more than that.
        bound = (1 if known else args.margin) * max(mb, 0.5)
        start = time.time()
        status, cpu, rss = measure(command(args.nf, how, path, args.tmp),
                                   int(bound) + 1)
        wall = time.time() - start
        verdict = 'ok'
        if status == -1:
            cpu = max(cpu, bound)
            verdict = ('SKIP: known gap, stopped at the bound' if known else
                       'FAIL: stopped at %.0f s per MB' % args.margin)
        elif status != 0:
            verdict = 'FAIL: exit %d' % status
        elif cpu > bound:
            verdict = ('SKIP: known gap, above the bound' if known else
                       'FAIL: above %.0f s per MB' % args.margin)
        print('%-11s %10.2f %9.2f %9.2f %9.1f  %s (wall %.2f s)'
              % (name, mb, cpu, bound, rss, verdict, wall), flush=True)
        failed += verdict.startswith('FAIL')
        os.unlink(path)
    return 1 if failed else 0


def write_corpus(out):
    """Small versions of each worst case, as fuzz seeds by target: the
    import target takes a dotfile, a NUL byte and an OPML document."""
    targets = {'headlines': 'feed', 'dump': 'feed', 'dotfile': 'config',
               'opml': 'opml'}

    def put(target, name, text):
        d = os.path.join(out, target)
        os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, 'worst-' + name), 'w', encoding='utf-8') as f:
            f.write(text)

    for name, gen, _, small, how, _ in CASES:
        text = gen(small)
        put(targets[how], name, text)
        if how == 'dotfile':
            put('import', name, text + '\0')
        elif how == 'opml':
            put('import', name, '\0' + text)
        elif name in ('deep-html', 'related'):
            put('html', name, text[text.index('<![CDATA[') + 9:text.index(']]>')])
    return 0


def main():
    p = argparse.ArgumentParser()
    p.add_argument('nf', nargs='?')
    p.add_argument('tmp', nargs='?')
    p.add_argument('--margin', type=float, default=float(os.environ.get('WORST_MARGIN', 3)))
    p.add_argument('--only', action='append')
    p.add_argument('--write-corpus')
    p.add_argument('--generate', nargs=2, metavar=('NAME', 'PATH'))
    args = p.parse_args()
    if args.generate:
        case = [c for c in CASES if c[0] == args.generate[0]][0]
        with open(args.generate[1], 'w', encoding='utf-8') as f:
            f.write(case[1](case[2]))
        return 0
    if args.write_corpus:
        return write_corpus(args.write_corpus)
    if not args.nf or not args.tmp:
        p.error('NEWSFOLD and TMPDIR are needed')
    return run(args)


if __name__ == '__main__':
    sys.exit(main())
