#!/usr/bin/env python3
"""kill -9 at random moments, a full disk and a read-only workspace (issue 19's crash safety).

  python3 tests/fault_injection.py --cli build/bin/rapidun --lab build/tiny-lab --out DIR [--kills 20] [--seed S]

1. The pipeline (influence with cold sketches, weights, a RapidUn run, evaluation) on a copy of the
   tiny lab, killed with SIGKILL at moments drawn uniformly over an uninterrupted run's duration,
   until --kills runs were killed (a run that finishes first is checked and does not count). After every kill the workspace opens (`rapidun report` reads every file the studio
   shows), every JSON file in it parses and every run folder is whole; after every fifth kill and at
   the end the same command finishes with the same metrics, weights and adapter bytes as the
   uninterrupted run, and leaves no temporary or staging file behind.
2. Report writing (`rapidun report`, each format in turn, the saved heat-map explanations removed
   first so that they are computed and saved again): after every kill the output is absent or a
   whole report (a CSV folder with every table), the workspace opens, and afterwards every format is
   written whole with no temporary left.
3. The synthetic lab build (`rapidun demo --scale tiny`, two epochs), killed the same way: the output folder is
   absent or a whole lab, and a rerun gives the same model bytes and metrics as an uninterrupted build.
4. Disk full (a tmpfs a little larger than the workspace) and a read-only workspace (a read-only bind
   mount): the pipeline exits 1 with one message naming the file and the system's reason, every file
   that was there keeps its bytes, and the workspace still opens. Needs root (mount); skipped with a
   message otherwise.
5. The studio's settings (GUI builds, --settings-writer): a process saving them 300 times as the
   window does (QSettings, INI) killed 20 times: every time they read back as one whole save, and
   afterwards saving runs to the end (no stale lock).
The moments come from --seed (default: the clock), printed so that a failure can be replayed."""
import argparse, glob, hashlib, json, os, random, re, shutil, signal, subprocess, sys, time

ap = argparse.ArgumentParser()
ap.add_argument("--cli", required=True)
ap.add_argument("--lab", required=True)
ap.add_argument("--out", required=True)
ap.add_argument("--kills", type=int, default=20)
ap.add_argument("--seed", type=int, default=None)
ap.add_argument("--settings-writer", default=None, help="tests/ui/settings_writer (GUI builds): part 5")
a = ap.parse_args()

SEED = a.seed if a.seed is not None else int(time.time()) % 100000
rng = random.Random(SEED)
print(f"fault_injection: seed {SEED} (replay with --seed {SEED})", flush=True)
ENV = dict(os.environ, RAPIDUN_THREADS="2")
KEEP = {"workspace.json", "data", "model", "keywords.txt", "eval_before.json"}   # the lab as built
LITTER = re.compile(r"\.(tmp-\d+-\d+|partial-\d+)$")
# A run stopped half-way (a ctest timeout) may have left its mounts: undone before the folder goes.
for line in open("/proc/mounts"):
    point = line.split()[1]
    if point.startswith(os.path.abspath(a.out) + "/"):
        subprocess.run(["umount", "-l", point])
shutil.rmtree(a.out, ignore_errors=True)
os.makedirs(a.out)


def fail(msg):
    print(f"FAIL (seed {SEED}): {msg}", flush=True)
    sys.exit(1)


def copy_lab(dst):
    shutil.rmtree(dst, ignore_errors=True)
    shutil.copytree(a.lab, dst, ignore=lambda d, names: [n for n in names if d == a.lab and n not in KEEP])
    return dst


def run(cmd, **kw):
    return subprocess.run(cmd, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kw)


def kill_at(cmd, delay, env=ENV):
    """Starts cmd and SIGKILLs it after `delay` seconds; True if killed, False if it finished first."""
    p = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        p.wait(timeout=delay)
    except subprocess.TimeoutExpired:
        p.send_signal(signal.SIGKILL)
        p.wait()
        return True
    if p.returncode != 0:
        fail(f"{' '.join(cmd)} exited {p.returncode} without being killed")
    return False


def kill_attempts(name, prepare, env=ENV):
    """Attempts until --kills runs were killed (at most three times as many; one that finishes first
    is checked by the caller too and does not count): prepare(attempt) gives (command, seconds of an
    uninterrupted run), and the command is killed at a moment drawn over 0.02-1.0 of them. Yields
    (attempt, when, was_killed, killed so far); fails when too few were killed."""
    killed = attempts = 0
    while killed < a.kills and attempts < 3 * a.kills:
        attempts += 1
        cmd, seconds = prepare(attempts)
        delay = rng.uniform(0.02, 1.0) * seconds
        was_killed = kill_at(cmd, delay, env)
        killed += was_killed
        yield attempts, f"{name} attempt {attempts} at {delay:.2f} s", was_killed, killed
    if killed < a.kills:
        fail(f"only {killed} of {attempts} {name} runs were killed before they finished")


def check_opens(ws, when):
    """The workspace opens: the report reads it whole; every JSON file parses; every run folder is whole."""
    r = run([a.cli, "report", "--workspace", ws, "--format", "json", "--out", os.path.join(a.out, "check-report.json")])
    if r.returncode != 0:
        fail(f"{when}: the workspace does not open: {r.stderr.decode(errors='replace').strip()}")
    for path in glob.glob(os.path.join(ws, "**", "*.json"), recursive=True):
        try:
            json.load(open(path))
        except ValueError as e:
            fail(f"{when}: {path} is not whole JSON: {e}")
    for path in glob.glob(os.path.join(ws, "**", "*.jsonl"), recursive=True):
        for i, line in enumerate(open(path)):
            try:
                json.loads(line)
            except ValueError as e:
                fail(f"{when}: {path} line {i + 1} is not whole JSON: {e}")
    for d in glob.glob(os.path.join(ws, "runs", "*")):
        if LITTER.search(d):
            continue
        for f in ("run.json", "adapter_model.safetensors", "adapter_config.json", "metrics.jsonl"):
            if not os.path.exists(os.path.join(d, f)):
                fail(f"{when}: run folder {d} lacks {f}")


def litter(root):
    return [p for p in glob.glob(os.path.join(root, "**", "*"), recursive=True) if LITTER.search(p)]


def digest(path):
    return hashlib.sha256(open(path, "rb").read()).hexdigest()


def tree_digests(root):
    out = {}
    for path in glob.glob(os.path.join(root, "**", "*"), recursive=True):
        if os.path.isfile(path) and not os.path.basename(path).startswith(".rapidun.lock"):
            out[os.path.relpath(path, root)] = digest(path)
    return out


# ---- 1. The pipeline ---------------------------------------------------------------------------
PIPE = ["pipeline", "--method", "rapidun", "--seeds", "1", "--json"]
METRICS = ("seen_asr", "ood_asr", "false_trigger_rate", "clean_exact_match", "clean_rouge_l", "twin_exact_match",
           "twin_rouge_l", "clean_ppl")


def pipeline_result(ws, out):
    s = json.loads(out)
    r = s["methods"]["rapidun"]["runs"][0]
    metrics = {k + "_after": r[k + "_after"] for k in METRICS}
    files = {f: digest(os.path.join(ws, f)) for f in ("weights/forget_weights.jsonl", "weights/retain_weights.jsonl")}
    files["adapter"] = digest(os.path.join(ws, "runs", r["run"], "adapter_model.safetensors"))
    return metrics, files


def pipeline_finishes(ws, ref, when):
    r = run([a.cli, *PIPE[:1], "--workspace", ws, *PIPE[1:]])
    if r.returncode != 0:
        fail(f"{when}: the rerun failed: {r.stderr.decode(errors='replace').strip()}")
    got = pipeline_result(ws, r.stdout)
    if got != ref:
        fail(f"{when}: the rerun differs from the uninterrupted run:\n  {got}\n  {ref}")
    check_opens(ws, when)
    left = litter(ws)
    if left:
        fail(f"{when}: left behind after a finished run: {left}")


ref_ws = copy_lab(os.path.join(a.out, "pipe-ref"))
t0 = time.time()
r = run([a.cli, *PIPE[:1], "--workspace", ref_ws, *PIPE[1:]])
T = time.time() - t0
if r.returncode != 0:
    fail("the uninterrupted pipeline failed: " + r.stderr.decode(errors="replace"))
ref = pipeline_result(ref_ws, r.stdout)
print(f"pipeline: uninterrupted {T:.1f} s, {ref[0]}", flush=True)

ws = copy_lab(os.path.join(a.out, "pipe-kill"))
for attempts, when, was_killed, killed in kill_attempts("pipeline", lambda _: ([a.cli, *PIPE[:1], "--workspace", ws, *PIPE[1:]], T)):
    check_opens(ws, when)
    print(f"  {when}: {'killed' if was_killed else 'finished first'}, opens; litter {len(litter(ws))}", flush=True)
    if was_killed and killed % 5 == 0:
        pipeline_finishes(ws, ref, when + ", then the same command")
        print(f"  {when}, then the same command: same metrics, weights and adapter", flush=True)
pipeline_finishes(ws, ref, "the end")
print(f"pipeline: {killed} kills in {attempts} attempts, every one opened, {killed // 5 + 1} reruns identical", flush=True)

# ---- 2. Report writing -------------------------------------------------------------------------
# Each attempt writes one format (in turn) after removing the saved heat-map explanations, so the
# kill can land in their computing and saving (workspace files) as well as in the report's own writes.
REPORT_FORMATS = ["html", "pdf", "md", "json", "csv"]
EXPLANATIONS = os.path.join(ws, "influence", "explanations")


def report_cmd(fmt):
    out = os.path.join(a.out, "reports", "report-csv" if fmt == "csv" else "report." + fmt)
    return [a.cli, "report", "--workspace", ws, "--format", fmt, "--out", out], out


def report_wrong(path, fmt, csv_names):
    """None where `path` is absent or a whole report, else what is wrong with it."""
    if not os.path.exists(path):
        return None
    if fmt == "csv":   # a new folder appears whole: every table, each ending in its row terminator
        names = sorted(os.listdir(path))
        if names != csv_names:
            return f"tables {names}, expected {csv_names}"
        cut = [n for n in names if not open(os.path.join(path, n), "rb").read().endswith(b"\r\n")]
        return f"cut short: {cut}" if cut else None
    data = open(path, "rb").read()
    if fmt == "json":
        try:
            json.loads(data)
            return None
        except ValueError as e:
            return f"not whole JSON: {e}"
    if fmt == "md":   # the charts are written first, then the text that points at them
        for img in re.findall(rb"\(([^)\s]+\.svg)\)", data):
            svg = os.path.join(os.path.dirname(path), img.decode())
            if not os.path.exists(svg) or not open(svg, "rb").read().rstrip().endswith(b"</svg>"):
                return f"{img.decode()} absent or cut short"
    whole = {"html": data.rstrip().endswith(b"</html>"), "pdf": data.startswith(b"%PDF") and b"%%EOF" in data[-32:],
             "md": data.endswith(b"\n")}[fmt]
    return None if whole else "cut short"


report_secs, csv_names = {}, None
for fmt in REPORT_FORMATS:
    shutil.rmtree(EXPLANATIONS, ignore_errors=True)
    cmd, out = report_cmd(fmt)
    t0 = time.time()
    r = run(cmd)
    report_secs[fmt] = time.time() - t0
    err = r.stderr.decode(errors="replace").strip()
    if r.returncode != 0 and fmt == "pdf" and "built without Qt" in err:
        print("report: pdf skipped (a build without the studio writes no PDF)", flush=True)
        continue
    if r.returncode != 0:
        fail(f"the uninterrupted {fmt} report failed: {err}")
    if fmt == "csv":
        csv_names = sorted(os.listdir(out))
    wrong = report_wrong(out, fmt, csv_names)
    if wrong:
        fail(f"the uninterrupted {fmt} report: {wrong}")
if "pdf" in REPORT_FORMATS and not os.path.exists(report_cmd("pdf")[1]):
    REPORT_FORMATS.remove("pdf")
print("report: uninterrupted " + ", ".join(f"{f} {report_secs[f]:.1f} s" for f in REPORT_FORMATS), flush=True)


def report_attempt(attempt):
    fmt = REPORT_FORMATS[(attempt - 1) % len(REPORT_FORMATS)]
    shutil.rmtree(EXPLANATIONS, ignore_errors=True)
    cmd, out = report_cmd(fmt)
    if fmt == "csv":
        shutil.rmtree(out, ignore_errors=True)   # a new folder: it must appear whole or not at all
    return cmd, report_secs[fmt]


for attempts, when, was_killed, killed in kill_attempts("report", report_attempt):
    fmt = REPORT_FORMATS[(attempts - 1) % len(REPORT_FORMATS)]
    out = report_cmd(fmt)[1]
    when += f" ({fmt})"
    wrong = report_wrong(out, fmt, csv_names)
    if wrong:
        fail(f"{when}: {out}: {wrong}")
    check_opens(ws, when)
    print(f"  {when}: {'killed' if was_killed else 'finished first'}; output {'whole' if os.path.exists(out) else 'absent'}",
          flush=True)
for fmt in REPORT_FORMATS:   # then every format again, to the end, over whatever the kills left
    cmd, out = report_cmd(fmt)
    r = run(cmd)
    wrong = report_wrong(out, fmt, csv_names) if r.returncode == 0 else r.stderr.decode(errors="replace").strip()
    if wrong or not os.path.exists(out):
        fail(f"after the kills, the {fmt} report: {wrong or 'not written'}")
left = litter(os.path.join(a.out, "reports")) + litter(ws)
if left:
    fail(f"left behind after the reports finished: {left}")
print(f"report: {killed} kills in {attempts} attempts, every output absent or whole, every format rewritten whole", flush=True)

# ---- 3. The synthetic lab build ----------------------------------------------------------------
# Two epochs instead of 24: the build's stages and files are the same, only shorter.
DEMO = ["demo", "--scale", "tiny", "--seed", "5", "--no-retrain-reference", "--recipe", "epochs=2"]


def lab_result(out):
    ev = json.load(open(os.path.join(out, "eval_before.json")))
    ev.pop("seconds", None)
    return digest(os.path.join(out, "model", "model.safetensors")), json.dumps(ev, sort_keys=True)


t0 = time.time()
r = run([a.cli, *DEMO, "--out", os.path.join(a.out, "lab-ref")])
TL = time.time() - t0
if r.returncode != 0:
    fail("the uninterrupted lab build failed: " + r.stderr.decode(errors="replace"))
lab_ref = lab_result(os.path.join(a.out, "lab-ref"))
print(f"lab: uninterrupted {TL:.1f} s", flush=True)
out = os.path.join(a.out, "lab-kill")


def lab_attempt(_):
    if os.path.exists(os.path.join(out, "workspace.json")):
        shutil.rmtree(out)   # an attempt that finished first: the next one builds afresh (a .partial stays)
    return [a.cli, *DEMO, "--out", out], TL


for attempts, when, was_killed, killed in kill_attempts("lab", lab_attempt):
    if os.path.exists(out):   # absent, or a whole lab
        check_opens(out, when)
    print(f"  {when}: {'killed' if was_killed else 'finished first'}; {'a whole lab' if os.path.exists(out) else 'no lab yet'}",
          flush=True)
    if was_killed and killed % 5 == 0:
        r = run([a.cli, *DEMO, "--out", out])
        if r.returncode != 0:
            fail(f"{when}, then the same command: {r.stderr.decode(errors='replace').strip()}")
        if lab_result(out) != lab_ref:
            fail(f"{when}, then the same command: the lab differs from the uninterrupted build")
        if os.path.exists(out + ".partial"):
            fail(f"{when}, then the same command: {out}.partial left behind by a finished build")
        print(f"  {when}, then the same command: the same model bytes and metrics", flush=True)
print(f"lab: {killed} kills in {attempts} attempts, every output absent or whole, {killed // 5} rebuilds identical", flush=True)

# ---- 4. Disk full and read-only ----------------------------------------------------------------


def mount(*args):
    return subprocess.run(["mount", *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE).returncode == 0


def refused(ws, what, reason):
    before = tree_digests(ws)
    r = run([a.cli, *PIPE[:1], "--workspace", ws, *PIPE[1:]])
    err = r.stderr.decode(errors="replace").strip().splitlines()
    last = err[-1] if err else ""
    if r.returncode != 1 or reason not in last or "error: /" not in last:
        fail(f"{what}: expected exit 1 and one message naming a file and '{reason}', got {r.returncode}: {last}")
    after = tree_digests(ws)
    changed = [f for f in before if after.get(f) != before[f]]
    if changed:
        fail(f"{what}: files changed by a failed run: {changed}")
    check_opens(ws, what)
    print(f"{what}: refused with: {last}", flush=True)


if os.geteuid() != 0 or not shutil.which("mount"):
    print("disk full / read-only: skipped (mount needs root and util-linux's mount)")
else:
    mnt = os.path.join(a.out, "small-disk")
    os.makedirs(mnt)
    # The workspace as copied, in 4 KiB pages (tmpfs's unit), plus 64 KiB: room for the copy and the
    # lock, not for the sketches, views, weights and run the pipeline writes.
    probe = copy_lab(os.path.join(a.out, "size-probe"))
    pages = sum((os.path.getsize(p) + 4095) // 4096 for p in glob.glob(os.path.join(probe, "**", "*"), recursive=True)
                if os.path.isfile(p))
    shutil.rmtree(probe)
    if not mount("-t", "tmpfs", "-o", f"size={pages * 4 + 64}k", "tmpfs", mnt):
        print("disk full / read-only: skipped (mount -t tmpfs was refused here)")
    else:
        try:
            full_ws = copy_lab(os.path.join(mnt, "lab"))
            refused(full_ws, "disk full", "No space left on device")
        finally:
            subprocess.run(["umount", "-l", mnt])
        ro = os.path.join(a.out, "read-only")
        src = copy_lab(os.path.join(a.out, "ro-src"))
        os.makedirs(ro)
        bound = mount("--bind", src, ro)
        try:
            if bound and mount("-o", "remount,bind,ro", ro):
                refused(ro, "read-only workspace", "Read-only file system")
            else:
                print("read-only: skipped (a read-only bind mount was refused here)")
        finally:
            if bound:
                subprocess.run(["umount", "-l", ro])

# ---- 5. The studio's settings ------------------------------------------------------------------
if not a.settings_writer:
    print("settings: skipped (no --settings-writer: a build without the studio)")
else:
    SAVES = 300
    cfg = os.path.join(a.out, "settings-config")
    senv = dict(ENV, XDG_CONFIG_HOME=cfg)

    def settings_state(when):
        r = subprocess.run([a.settings_writer, "check"], env=senv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=60)
        said = r.stdout.decode(errors="replace").strip()
        if r.returncode != 0:
            fail(f"{when}: the settings are not one whole save: {said} {r.stderr.decode(errors='replace').strip()}")
        return said

    t0 = time.time()
    r = subprocess.run([a.settings_writer, "write", str(SAVES)], env=senv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    TS = time.time() - t0
    if r.returncode != 0 or settings_state("uninterrupted") != f"generation {SAVES - 1}":
        fail(f"the uninterrupted settings saves: {r.stdout.decode(errors='replace').strip()}")
    print(f"settings: {SAVES} saves uninterrupted in {TS:.1f} s", flush=True)
    for attempts, when, was_killed, killed in kill_attempts("settings", lambda _: ([a.settings_writer, "write", str(SAVES)], TS),
                                                          senv):
        print(f"  {when}: {'killed' if was_killed else 'finished first'}; {settings_state(when)}", flush=True)
    # A killed save's lock must not block the next start: the saves run to the end within the limit.
    try:
        r = subprocess.run([a.settings_writer, "write", str(SAVES)], env=senv, stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, timeout=max(60, 10 * TS))
    except subprocess.TimeoutExpired:
        fail("after the kills, saving the settings hangs (a stale lock?)")
    if r.returncode != 0 or settings_state("after the kills") != f"generation {SAVES - 1}":
        fail(f"after the kills, the settings saves: {r.stdout.decode(errors='replace').strip()}")
    print(f"settings: {killed} kills in {attempts} attempts, every time one whole save read back", flush=True)
print("fault_injection: OK", flush=True)
