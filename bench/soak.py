#!/usr/bin/env python3
"""Soak: the default pipeline (RapidUn, one seed, as the studio's one-click panel runs it) ROUNDS times
from the CLI, each a new process, then ROUNDS times in one studio process (soak_studio). For each
round: seconds, peak RSS (the CLI: the process's own, from wait4; the studio: resident after the
round), the metrics after unlearning and the SHA-256 of the weights files and the adapter.

  python3 bench/soak.py [--build build] [--workspace W (default: the studio's lab)] [--rounds 5]
Ends with `soak-cli rss_growth <%> identical <yes|no>` and soak_studio's own line; exit 1 when the
memory grew by more than 5% over round 1 or a round's results differ."""
import argparse, hashlib, json, os, subprocess, sys, time

ap = argparse.ArgumentParser()
ap.add_argument("--build", default="build")
ap.add_argument("--workspace", default=os.environ.get("RAPIDUN_LAB_DIR", os.path.expanduser("~/.cache/rapidun/synthetic-lab")))
ap.add_argument("--rounds", type=int, default=5)
a = ap.parse_args()
cli = os.path.join(a.build, "bin", "rapidun")
if not os.path.exists(os.path.join(a.workspace, "workspace.json")):
    # With its clean-retraining reference, so that no round measures it (the first pipeline would).
    print(f"building the lab in {a.workspace} first", flush=True)
    subprocess.run([cli, "demo", "--out", a.workspace], check=True)


def sha(path):
    try:
        return hashlib.sha256(open(path, "rb").read()).hexdigest()[:16]
    except OSError:
        return "(absent)"


print("round  seconds  peak_MiB  seen_after  ood_after  false_after  clean_em_after  twin_rouge_after  weights+adapter")
first, rss1, growth, same = None, 0, 0.0, True
for r in range(1, a.rounds + 1):
    t0 = time.time()
    p = subprocess.Popen([cli, "pipeline", "--workspace", a.workspace, "--method", "rapidun", "--seeds", "1", "--json"],
                         stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    out = p.stdout.read()
    _, status, ru = os.wait4(p.pid, 0)
    if status != 0:
        sys.exit(f"round {r}: the pipeline failed ({status})")
    run = json.loads(out)["methods"]["rapidun"]["runs"][0]
    digest = "/".join([sha(os.path.join(a.workspace, "weights", f)) for f in ("forget_weights.jsonl", "retain_weights.jsonl")] +
                      [sha(os.path.join(a.workspace, "runs", run["run"], "adapter_model.safetensors"))])
    line = " ".join(f"{run[k]:.4f}" for k in ("seen_asr_after", "ood_asr_after", "false_trigger_rate_after",
                                               "clean_exact_match_after", "twin_rouge_l_after")) + " " + digest
    rss = ru.ru_maxrss / 1024
    print(f"{r:5d}  {time.time() - t0:7.1f}  {rss:8.1f}  {line}", flush=True)
    if r == 1:
        first, rss1 = line, rss
    else:
        growth = max(growth, 100 * (rss / rss1 - 1))
        same = same and line == first
print(f"soak-cli rss_growth {growth:.1f}% identical {'yes' if same else 'no'}", flush=True)
studio = os.path.join(a.build, "bin", "soak_studio")
rc = subprocess.run([studio, a.workspace, str(a.rounds)]).returncode if os.path.exists(studio) else 0
if not os.path.exists(studio):
    print("soak-studio: skipped (no GUI build)")
sys.exit(0 if growth <= 5 and same and rc == 0 else 1)
