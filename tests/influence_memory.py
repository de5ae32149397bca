#!/usr/bin/env python3
"""The ranking streams the train set's sketches from their cache: rapidun influence --rank-train on a
copy of the tiny lab (sketches cached first) with --row-block 16, 64 and one block of every row. Peak
RSS with 64 stays within 10% of 16; reading every row at once costs their size more (so the test
can fail); the three rankings are the same (scores to 1e-6).

  python3 tests/influence_memory.py --cli build/bin/rapidun --lab build/tiny-lab --out DIR"""
import argparse, json, os, shutil, subprocess, sys

ap = argparse.ArgumentParser()
ap.add_argument("--cli", required=True)
ap.add_argument("--lab", required=True)
ap.add_argument("--out", required=True)
a = ap.parse_args()
ENV = dict(os.environ, RAPIDUN_THREADS="1")


def fail(msg):
    print("FAIL: " + msg)
    sys.exit(1)


ws = os.path.join(a.out, "lab")
shutil.rmtree(ws, ignore_errors=True)
shutil.copytree(a.lab, ws, ignore=lambda d, n: [x for x in n if d == a.lab and x in {"cache", "influence", "runs", "reports", "weights", "report-test"}])


def run_rss(block):
    p = subprocess.Popen([a.cli, "influence", "--workspace", ws, "--rank-train", "--row-block", str(block)], env=ENV,
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, ru = os.wait4(p.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        fail("--row-block %d failed:\n%s" % (block, p.stderr.read().decode(errors="replace")))
    ranking = [json.loads(l) for l in open(os.path.join(ws, "influence/train_ranking.jsonl"))]
    return ru.ru_maxrss / 1024.0, ranking


run_rss(64)   # fills the sketch cache: the runs below only read it
summary = json.load(open(os.path.join(ws, "influence/summary.json")))
n_train, K = summary["caches"]["train"]["rows"], summary["K"]
whole = n_train * K * 4 / 2**20
rss, rankings = {}, {}
for block in (16, 64, 1 << 30):
    rss[block], rankings[block] = run_rss(block)
    print("--row-block %-10d peak RSS %.1f MiB" % (block, rss[block]))
print("the train sketches: %d rows x K %d = %.1f MiB" % (n_train, K, whole))
if rss[64] > 1.10 * rss[16]:
    fail("peak RSS with blocks of 64 rows (%.1f MiB) is more than 10%% above blocks of 16 (%.1f MiB)" % (rss[64], rss[16]))
if rss[1 << 30] < rss[16] + 0.5 * whole:
    fail("one block of every row (%.1f MiB) does not cost the sketches' size over blocks of 16 (%.1f MiB): the test measures nothing" % (rss[1 << 30], rss[16]))
for block in (64, 1 << 30):
    for x, y in zip(rankings[16], rankings[block]):
        if abs(x["score"] - y["score"]) > 1e-6 * max(1.0, abs(x["score"])):
            fail("--row-block %d: row %s scores %r, with 16 %r" % (block, x["id"], y["score"], x["score"]))
print("PASS: the same ranking with every block size; 64 rows %.1f MiB against 16 rows %.1f MiB" % (rss[64], rss[16]))
