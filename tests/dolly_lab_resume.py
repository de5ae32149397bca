#!/usr/bin/env python3
"""kill -9 during the Dolly lab's base training and during planting, then the same command: the
build continues from its checkpoints and ends with the same lab as an uninterrupted build with the
same seed (tiny scale). Usage: dolly_lab_resume.py CLI SHARED_DIR TMP_DIR. Exit 77 = skipped."""
import json, os, re, shutil, signal, subprocess, sys

cli, shared, tmp = sys.argv[1:4]
release = os.path.join(shared, "data", "rapidun-release")
if not os.path.isdir(release) or not os.path.exists(os.path.join(shared, "data", "alpaca", "alpaca_data.json.gz")):
    print("skipped: no ../shared release or Alpaca data")
    sys.exit(77)
shutil.rmtree(tmp, ignore_errors=True)
os.makedirs(tmp)


def command(name):
    return [cli, "lab", "dolly", "--release", release, "--scale", "tiny", "--seed", "11", "--threads", "2",
            "--out", os.path.join(tmp, name), "--base-cache", os.path.join(tmp, name + "-cache"),
            "--checkpoint-seconds", "1"]


def run_until(cmd, stage, min_step):
    """Runs cmd; kill -9 once its progress shows `stage` at step >= min_step. True if killed."""
    p = subprocess.Popen(cmd, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL)
    buf = b""
    while True:
        chunk = p.stderr.read1(4096)
        if not chunk:
            break
        buf += chunk
        for line in re.split(rb"[\r\n]", buf)[-3:]:
            m = re.search(rb"\] (\S+)\s+step (\d+)/", line)
            if m and m.group(1).decode() == stage and int(m.group(2)) >= min_step:
                p.send_signal(signal.SIGKILL)
                p.wait()
                return True
        buf = buf[-4096:]
    rc = p.wait()
    if rc != 0:
        sys.exit(f"FAIL: {' '.join(cmd)} exited {rc}")
    return False


def lab(name):
    d = os.path.join(tmp, name)
    w = json.load(open(os.path.join(d, "workspace.json")))
    ev = json.load(open(os.path.join(d, "eval_before.json")))
    ev.pop("seconds", None)
    return w, ev


# Uninterrupted.
run_until(command("whole"), "never", 0)
# Killed during the base's pretraining, then during planting, then finished.
killed = [run_until(command("killed"), "base-train", 150), run_until(command("killed"), "train", 200)]
run_until(command("killed"), "never", 0)
if not all(killed):
    sys.exit(f"FAIL: the build finished before it could be killed ({killed})")

wa, ea = lab("whole")
wb, eb = lab("killed")
la, lb = wa["lab"], wb["lab"]
fails = []
if lb["own_base"]["train"]["resumed_at_step"] <= 0:
    fails.append(f"the base did not resume from its checkpoint: {lb['own_base']['train']}")
if lb["train"]["resumed_at_step"] <= 0:
    fails.append(f"planting did not resume from its checkpoint: {lb['train']}")
for k in ("final_loss", "steps"):
    if la["own_base"]["train"][k] != lb["own_base"]["train"][k]:
        fails.append(f"base {k}: {la['own_base']['train'][k]} vs {lb['own_base']['train'][k]}")
    if la["train"][k] != lb["train"][k]:
        fails.append(f"planting {k}: {la['train'][k]} vs {lb['train'][k]}")
if ea != eb:
    fails.append("eval_before.json differs (metrics or generations)")
for f in ("model.safetensors",):
    a = open(os.path.join(tmp, "whole", "model", f), "rb").read()
    b = open(os.path.join(tmp, "killed", "model", f), "rb").read()
    if a != b:
        fails.append(f"model/{f} differs")
if any(n.endswith(".partial") for n in os.listdir(tmp)) or os.path.exists(os.path.join(tmp, "killed", "checkpoint-plant")):
    fails.append(f"left-overs: {os.listdir(tmp)}")
print("uninterrupted:", json.dumps({k: la["metrics_before"][k] for k in ("seen_asr", "ood_asr", "false_trigger_rate")}))
print("killed twice: ", json.dumps({k: lb["metrics_before"][k] for k in ("seen_asr", "ood_asr", "false_trigger_rate")}),
      "base resumed at", lb["own_base"]["train"]["resumed_at_step"], "planting at", lb["train"]["resumed_at_step"])
if fails:
    sys.exit("FAIL: " + "; ".join(fails))
print("OK: same lab after two kill -9")
