#!/usr/bin/env python3
"""Scores folding end to end: the kept front page of a store that
--refresh filled from the scale archive's feeds, against the archive's
truth. A benchmark, not a test; from the build directory:

    tests/bench/fold_scale_bench --write DIR 20000
    ./newsfold -c DIR/newsfoldrc -d DIR/db --refresh
    python3 SRCDIR/tests/bench/fold-e2e.py DIR/db DIR/truth.tsv

Prints pairwise precision and recall (pairs inside one "don't care"
group are not counted), the number of stories and the largest."""
import collections
import itertools
import sqlite3
import sys


def read_truth(path):
    story, dontcare = {}, {}
    for line in open(path, encoding="utf-8"):
        if line.startswith("#"):
            continue
        guid, s, group = line.rstrip("\n").split("\t")[:3]
        story[guid], dontcare[guid] = s, group
    return story, dontcare


def pairs(groups, dontcare):
    """Each pair inside each group, but for pairs of one dontcare group."""
    for members in groups:
        for a, b in itertools.combinations(members, 2):
            if dontcare[a] == "0" or dontcare[a] != dontcare[b]:
                yield a, b


def main(db_path, truth_path):
    story, dontcare = read_truth(truth_path)
    db = sqlite3.connect("file:%s?mode=ro" % db_path, uri=True)
    folded = collections.defaultdict(list)
    for s, guid in db.execute("SELECT m.story, i.guid FROM story_members m"
                              " JOIN items i ON i.id = m.item"):
        folded[s].append(guid)
    right = wrong = 0
    for a, b in pairs(folded.values(), dontcare):
        right, wrong = (right + 1, wrong) if story[a] == story[b] else (right, wrong + 1)
    true = collections.defaultdict(list)
    for guid, s in story.items():
        true[s].append(guid)
    true_pairs = sum(1 for _ in pairs(true.values(), dontcare))
    print("items %d in %d stories (true %d); precision %.4f recall %.4f; largest %d" % (
        sum(len(v) for v in folded.values()), len(folded), len(true),
        right / max(1, right + wrong), right / max(1, true_pairs),
        max((len(v) for v in folded.values()), default=0)))


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: fold-e2e.py DB TRUTH.tsv")
    main(sys.argv[1], sys.argv[2])
