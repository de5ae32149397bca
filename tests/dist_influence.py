#!/usr/bin/env python3
"""rapidun influence --rank-train sharded over 2 processes (c10d, Gloo on loopback) against 1 process
on copies of the tiny lab: the same ranking and the same matrices (scores to 1e-6); rapidun eval on 2
processes: the same report; then rank 1 killed (SIGKILL) in the middle of the train set's sketches:
rank 0 ends with a clear message, and running the same command again resumes from the rows written
(reused > 0) and gives the same ranking.

  python3 tests/dist_influence.py --cli build/bin/rapidun --launch scripts/launch.sh --lab build/tiny-lab --out DIR
Prints the seconds and peak RSS of 1 process and of each of 2 (one thread each)."""
import argparse, json, math, os, re, resource, shutil, signal, struct, subprocess, sys, threading, time

ap = argparse.ArgumentParser()
ap.add_argument("--cli", required=True)
ap.add_argument("--launch", required=True)
ap.add_argument("--lab", required=True)
ap.add_argument("--out", required=True)
a = ap.parse_args()

ENV = dict(os.environ, RAPIDUN_THREADS="1")
SKIP = {"cache", "influence", "runs", "reports", "weights", "report-test"}


def fail(msg):
    print("FAIL: " + msg)
    sys.exit(1)


def copy_lab(name):
    dst = os.path.join(a.out, name)
    shutil.rmtree(dst, ignore_errors=True)
    shutil.copytree(a.lab, dst, ignore=lambda d, names: [n for n in names if d == a.lab and n in SKIP])
    return dst


def rank_env(rank, world, port):
    return dict(ENV, MASTER_ADDR="127.0.0.1", MASTER_PORT=str(port), RANK=str(rank), WORLD_SIZE=str(world))


def free_port():
    import socket
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def run_group(ws, world):
    """Starts `world` ranks directly (not through the launcher) and returns (seconds, [(rc, maxrss MiB, out)])."""
    port = free_port()
    cmd = [a.cli, "influence", "--workspace", ws, "--rank-train"]
    t0 = time.time()
    procs = [subprocess.Popen(cmd, env=rank_env(r, world, port) if world > 1 else ENV, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT) for r in range(world)]
    outs = [None] * world

    def drain(i):
        outs[i] = procs[i].stdout.read().decode(errors="replace")

    threads = [threading.Thread(target=drain, args=(i,)) for i in range(world)]
    for t in threads:
        t.start()
    res = []
    for i, p in enumerate(procs):
        _, status, ru = os.wait4(p.pid, 0)
        p.returncode = os.waitstatus_to_exitcode(status)
        res.append([p.returncode, ru.ru_maxrss / 1024.0])
    for t in threads:
        t.join()
    secs = time.time() - t0
    return secs, [(rc, rss, outs[i]) for i, (rc, rss) in enumerate(res)]


def read_matrix(path):
    b = open(path, "rb").read()
    if b[:4] != b"RUIM":
        fail(path + ": not an influence matrix")
    n_test, n_train = struct.unpack_from("<qq", b, 8)
    vals = struct.unpack_from("<%df" % (n_test * n_train), b, 24)
    return n_test, n_train, vals


def close(x, y):
    return abs(x - y) <= 1e-6 * max(1.0, abs(x), abs(y))


def same_results(one, two, what):
    r1 = [json.loads(l) for l in open(os.path.join(one, "influence/train_ranking.jsonl"))]
    r2 = [json.loads(l) for l in open(os.path.join(two, "influence/train_ranking.jsonl"))]
    if len(r1) != len(r2) or not r1:
        fail("%s: %d ranked rows against %d" % (what, len(r2), len(r1)))
    for x, y in zip(r1, r2):
        if not close(x["score"], y["score"]):
            fail("%s: row %s scores %r on 1 process, %r here" % (what, x["id"], x["score"], y["score"]))
    # Ties may order differently; rows whose scores differ by more than the tolerance may not.
    for k, (x, y) in enumerate(zip(r1, r2)):
        if x["id"] != y["id"] and not close(x["score"], y["score"]):
            fail("%s: rank %d is %s on 1 process, %s here" % (what, k + 1, x["id"], y["id"]))
    n = 0
    for f in sorted(os.listdir(os.path.join(one, "influence"))):
        if not f.endswith(".bin"):
            continue
        m1, m2 = read_matrix(os.path.join(one, "influence", f)), read_matrix(os.path.join(two, "influence", f))
        if m1[:2] != m2[:2]:
            fail("%s: %s is %dx%d, not %dx%d" % (what, f, m2[0], m2[1], m1[0], m1[1]))
        worst = max((abs(x - y) for x, y in zip(m1[2], m2[2])), default=0.0)
        scale = max((abs(x) for x in m1[2]), default=1.0)
        if worst > 1e-6 * max(1.0, scale):
            fail("%s: %s differs by %g (largest |value| %g)" % (what, f, worst, scale))
        n += 1
    s1 = json.load(open(os.path.join(one, "influence/summary.json")))
    s2 = json.load(open(os.path.join(two, "influence/summary.json")))
    if not close(s1["rank_train"]["detection_auc"], s2["rank_train"]["detection_auc"]):
        fail("%s: detection AUC %r against %r" % (what, s2["rank_train"]["detection_auc"], s1["rank_train"]["detection_auc"]))
    if s2.get("processes") != 2:
        fail("%s: summary.json says %r processes" % (what, s2.get("processes")))
    print("%s: %d ranked rows and %d matrices equal to 1 process's (1e-6), AUC %.6f" % (what, len(r1), n, s2["rank_train"]["detection_auc"]))


os.makedirs(a.out, exist_ok=True)
one, two, three = copy_lab("one"), copy_lab("two"), copy_lab("three")

# 1 process, then 2 through the launcher (the way a user starts them).
t1, r1 = run_group(one, 1)
if r1[0][0] != 0:
    fail("1 process failed:\n" + r1[0][2])
t0 = time.time()
p = subprocess.run(["bash", a.launch, "2", a.cli, "influence", "--workspace", two, "--rank-train"], env=ENV,
                   stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
t2 = time.time() - t0
if p.returncode != 0:
    fail("2 processes through the launcher failed (%d):\n%s" % (p.returncode, p.stdout.decode(errors="replace")))
if "rank 1 of 2: sketched" not in p.stdout.decode():
    fail("rank 1 did not report its rows:\n" + p.stdout.decode(errors="replace"))
same_results(one, two, "2 processes")

# The figures: 1 against 2 processes started directly, each on one thread (rows of all sets / s).
rows = sum(c["rows"] for c in json.load(open(os.path.join(one, "influence/summary.json")))["caches"].values())
for ws in (one, two):
    shutil.rmtree(os.path.join(ws, "cache"))
t1, r1 = run_group(one, 1)
t2, r2 = run_group(two, 2)
if any(rc != 0 for rc, _, _ in r1 + r2):
    fail("a timed run failed:\n" + "\n".join(o for _, _, o in r1 + r2))
print("1 process:   %.2f s, %.1f rows/s, peak RSS %.0f MiB" % (t1, rows / t1, r1[0][1]))
print("2 processes: %.2f s, %.1f rows/s, peak RSS %s MiB" % (t2, rows / t2, " / ".join("%.0f" % m for _, m, _ in r2)))

# Evaluation: the generation batches and perplexity rows dealt over 2 processes give rank 0 the
# report 1 process makes (the same batches: the same generations; perplexity to 1e-6).
def run_eval(world):
    port = free_port()
    cmd = [a.cli, "eval", "--workspace", one, "--json", "--generations"]
    t0 = time.time()
    procs = [subprocess.Popen(cmd, env=rank_env(r, world, port) if world > 1 else ENV, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE) for r in range(world)]
    outs = [p.communicate() for p in procs]
    secs = time.time() - t0
    for p, (o, e) in zip(procs, outs):
        if p.returncode != 0:
            fail("eval on %d processes failed:\n%s" % (world, e.decode(errors="replace")))
    return secs, json.loads(outs[0][0]), [o.decode() for o, _ in outs[1:]]


t_e1, e1, _ = run_eval(1)
t_e2, e2, rest = run_eval(2)
if not rest or "rank 1 of 2: evaluated" not in rest[0]:
    fail("rank 1 of the evaluation said: %r" % rest)
for key in ("seen_asr", "ood_asr", "false_trigger_rate", "clean_exact_match", "clean_rouge_l", "n_seen", "n_ood", "n_clean",
            "asr_per_variant"):
    if e1[key] != e2[key]:
        fail("eval on 2 processes: %s is %r, on 1 %r" % (key, e2[key], e1[key]))
if not close(e1["clean_ppl"], e2["clean_ppl"]):
    fail("eval on 2 processes: perplexity %r, on 1 %r" % (e2["clean_ppl"], e1["clean_ppl"]))
if [g["generated"] for g in e1["generations"]] != [g["generated"] for g in e2["generations"]]:
    fail("eval on 2 processes: the generations differ from 1 process's")
print("eval: 2 processes give 1 process's report (%d generations, seen ASR %.3f, perplexity %.6f); %.2f s against %.2f s"
      % (len(e2["generations"]), e2["seen_asr"], e2["clean_ppl"], t_e2, t_e1))

# Rank 1 killed in the middle of the train set: rank 0 stops with a message, a rerun resumes.
port = free_port()
cmd = [a.cli, "influence", "--workspace", three, "--rank-train"]
procs = [subprocess.Popen(cmd, env=rank_env(r, 2, port), stdout=subprocess.PIPE, stderr=subprocess.PIPE) for r in range(2)]
seen = []


def watch():
    buf = b""
    while True:
        c = procs[0].stderr.read(1)
        if not c:
            break
        buf += c
        seen.append(c)
        m = re.search(rb"train\s+(\d+)/(\d+)\s", buf[-80:])
        if m and int(m.group(1)) >= 64 and procs[1].poll() is None:
            procs[1].send_signal(signal.SIGKILL)


w = threading.Thread(target=watch)
w.start()
try:
    rc0 = procs[0].wait(timeout=200)
except subprocess.TimeoutExpired:
    procs[0].kill()
    fail("rank 0 did not end within 200 s of rank 1's death")
w.join()
procs[1].wait()
err0 = b"".join(seen).decode(errors="replace")
if procs[1].returncode != -signal.SIGKILL:
    fail("rank 1 was not killed mid-run (it ended with %r); rank 0 said:\n%s" % (procs[1].returncode, err0[-2000:]))
if rc0 == 0:
    fail("rank 0 succeeded although rank 1 was killed")
msg = [l for l in err0.replace("\r", "\n").splitlines() if "rank 0 of 2" in l]
if not msg or "run the same command again to resume" not in msg[-1]:
    fail("rank 0's message does not say what happened:\n" + err0[-2000:])
print("rank 1 killed: rank 0 ended (%d): %s" % (rc0, msg[-1].strip()))
p = subprocess.run(["bash", a.launch, "2", a.cli, "influence", "--workspace", three, "--rank-train"], env=ENV,
                   stdout=subprocess.PIPE, stderr=subprocess.PIPE)
if p.returncode != 0:
    fail("the rerun failed:\n" + p.stderr.decode(errors="replace"))
summary = json.load(open(os.path.join(three, "influence/summary.json")))
reused = summary["caches"]["train"]["reused"]
if reused <= 0:
    fail("the rerun computed every train row again (reused %d)" % reused)
print("rerun: %d of %d train rows reused, %d computed" % (reused, summary["caches"]["train"]["rows"], summary["caches"]["train"]["computed"]))
same_results(one, three, "after the kill and the rerun")
print("PASS")
