#!/usr/bin/env python3
"""The include arrows between newsfold's parts, held against HACKING.md.

Reads every #include "..." of the project's sources, maps each file to its
part, and fails when an arrow goes where the table below does not allow, or
when modules include each other in a circle. Run from the top of the tree:
    python3 tests/arrows.py [--print]
--print lists the part-to-part arrows that exist, with how many includes
carry each.
"""
import os
import re
import sys

# (part, path patterns): the first match wins. Keep in step with HACKING.md.
PARTS = [
    ("model", ["src/error.", "src/item.", "src/buf.", "src/clock.", "src/digest.", "src/arena.", "src/path.", "src/utf8.", "src/url.",
               "src/title.", "src/letter.", "src/query."]),
    ("text", ["src/text.", "src/htmltext.", "src/htmlfast.", "src/htmlprep.", "src/html.",
              "src/related.", "src/relmerge.", "src/date.", "src/width."]),
    ("formats", ["feeds/"]),
    ("fold", ["src/fold.", "src/frontpage."]),
    ("fetch", ["src/fetch.", "src/source.", "src/command.", "src/download.",
               "src/curlload."]),
    ("store", ["src/store."]),
    ("config", ["config/"]),
    ("sync", ["src/sync.", "src/syncq."]),
    ("stories", ["src/stories."]),
    ("modes", ["src/main.", "src/cli.", "src/dump.", "src/refresh.",
               "src/headlines.", "src/opml_cli.", "src/newsboat_cli."]),
    ("screens", ["ui/"]),
]

# Which parts each part may include (its own part is always allowed).
ALLOWED = {
    "model": set(),
    "text": {"model"},
    "formats": {"model", "text"},
    "fold": {"model", "text"},
    "fetch": {"model"},
    "store": {"model"},
    "config": {"model", "text", "formats"},
    "sync": {"model", "text", "formats", "fetch", "store", "config"},
    "stories": {"model", "text", "fold", "store", "config", "sync"},
    "modes": {"model", "text", "formats", "fold", "fetch", "store", "config",
              "sync", "stories"},
    "screens": {"model", "text", "fold", "fetch", "store", "config", "sync",
                "stories"},
}

# The one arrow into the screens from outside them: main() starts the reader.
EXCEPTIONS = {("src/main.c", "ui/reader.h")}

INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"')
SOURCE_DIRS = ("src", "feeds", "config", "ui")


def part_of(path):
    for part, prefixes in PARTS:
        if any(path.startswith(p) for p in prefixes):
            return part
    return None


def module_of(path):
    return os.path.splitext(path)[0]


def sources():
    for top in SOURCE_DIRS:
        for dirpath, _, files in os.walk(top):
            for name in files:
                if name.endswith((".c", ".h")):
                    yield os.path.join(dirpath, name)


def includes(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            m = INCLUDE.match(line)
            if m and os.path.splitext(m.group(1))[1] == ".h":
                yield m.group(1)


def find_cycle(graph):
    """A list of modules that include each other in a circle, or None."""
    state = {}

    def visit(node, stack):
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return stack[stack.index(nxt):] + [nxt]
            if nxt not in state:
                found = visit(nxt, stack)
                if found:
                    return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state:
            found = visit(node, [])
            if found:
                return found
    return None


def main():
    status = 0
    graph = {}
    arrows = {}
    for path in sorted(sources()):
        src_part = part_of(path)
        if src_part is None:
            print(f"arrows: {path} belongs to no part; add it to tests/arrows.py and HACKING.md")
            status = 1
            continue
        for inc in includes(path):
            dst_part = part_of(inc)
            if dst_part is None:
                continue	# a table (.def) or a header outside the parts
            if module_of(inc) != module_of(path):
                graph.setdefault(module_of(path), set()).add(module_of(inc))
            arrows[(src_part, dst_part)] = arrows.get((src_part, dst_part), 0) + 1
            if dst_part == src_part or dst_part in ALLOWED[src_part] or \
                    (path, inc) in EXCEPTIONS:
                continue
            print(f"arrows: {path} includes {inc}: {src_part} may not depend on {dst_part}")
            status = 1
    cycle = find_cycle(graph)
    if cycle:
        print("arrows: modules include each other in a circle: " + " -> ".join(cycle))
        status = 1
    if "--print" in sys.argv:
        for (a, b), n in sorted(arrows.items()):
            if a != b:
                print(f"{a} -> {b}: {n}")
    if status == 0:
        print(f"arrows: {len(graph)} modules, {len(arrows)} part arrows, all allowed, no circle")
    return status


if __name__ == "__main__":
    sys.exit(main())
