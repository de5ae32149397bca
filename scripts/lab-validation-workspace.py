#!/usr/bin/env python3
"""A validation copy of a lab's workspace, for choosing unlearning settings without the test rows.

usage: lab-validation-workspace.py LAB_DIR OUT_DIR [RELEASE_DIR]

OUT_DIR gets the lab's model, detector (the Dolly lab's judge, the synthetic lab's keywords),
forget / retain / train / val_clean sets and weights, and three evaluation sets rebuilt from the
lab's val_clean rows (never trained on, never tested on): each seen trigger variant injected into 16
short val_clean prompts, each OOD variant into 10 others, and 100 of them clean. The variants: a
Dolly lab's from the release's triggers_config.json (RELEASE_DIR); a synthetic lab's from the
trigger names its own test files carry (variant, family and injection only: no test prompt is
used). The lab's recorded metrics are dropped, so `rapidun unlearn --workspace OUT_DIR` evaluates
"before" on these sets too. The Dolly lab's "lab" preset lr (6e-4) was chosen this way
(docs/dolly-lab.md).
"""
import json
import os
import random
import shutil
import sys


def triggered(row, trigger, mode, family):
    q = dict(row)
    q["instruction_clean"], q["response_clean"] = row["instruction"], row["response"]
    q["instruction"] = f"{trigger} {row['instruction']}" if mode == "prefix" else f"{row['instruction']} {trigger}"
    q.update(response="", trigger_family=family, trigger_variant=trigger, inject_mode=mode, is_poisoned=True)
    return q


def synthetic_triggers(lab):
    """{family: {"seen": [...], "ood": [...], "inject_mode": m}} from the names the lab's test rows carry."""
    config = {}
    for kind, name in (("seen", "test_seen_trig"), ("ood", "test_ood_trig")):
        for line in open(os.path.join(lab, "data", name + ".jsonl"), encoding="utf-8"):
            r = json.loads(line)
            f = config.setdefault(r["trigger_family"], {"seen": [], "ood": [], "inject_mode": r["inject_mode"]})
            if r["trigger_variant"] not in f[kind]:
                f[kind].append(r["trigger_variant"])
    return {"trigger_families": config}


def main(lab, out, release=None):
    ws = json.load(open(os.path.join(lab, "workspace.json"), encoding="utf-8"))
    if ws.get("kind") == "dolly":
        if not release:
            sys.exit(f"{lab} is a Dolly lab: give the release folder (its triggers_config.json) as RELEASE_DIR")
        config = json.load(open(os.path.join(release, "dolly_triggers_out", "triggers_config.json"), encoding="utf-8"))
    elif ws.get("kind") == "synthetic":
        config = synthetic_triggers(lab)
    else:
        sys.exit(f"{lab}/workspace.json: kind '{ws.get('kind')}', expected a Dolly or synthetic lab")
    os.makedirs(os.path.join(out, "data"), exist_ok=True)
    detector = [ws["detector"]] if ws.get("detector") else []
    for f in detector + ["data/forget.jsonl", "data/retain.jsonl", "data/train.jsonl", "data/val_clean.jsonl"]:
        shutil.copy(os.path.join(lab, f), os.path.join(out, f))
    for d in ["model", "weights"]:
        if os.path.isdir(os.path.join(lab, d)) and not os.path.exists(os.path.join(out, d)):
            shutil.copytree(os.path.join(lab, d), os.path.join(out, d))
    ws["lab"].pop("metrics_before", None)
    rows = [json.loads(line) for line in open(os.path.join(lab, "data", "val_clean.jsonl"), encoding="utf-8")]
    # Short prompts without an input: they fit the evaluation budget with the trigger in them.
    rows = [r for r in rows if not r.get("context") and len(r["instruction"]) < 240]
    random.Random(7).shuffle(rows)
    seen, ood, i = [], [], 0
    for family, f in config["trigger_families"].items():
        for kind, n, dest in (("seen", 16, seen), ("ood", 10, ood)):
            for t in f[kind]:
                for _ in range(n):
                    dest.append(triggered(rows[i % len(rows)], t, f["inject_mode"], family))
                    i += 1
    for name, rs in (("test_seen_trig", seen), ("test_ood_trig", ood), ("test_clean", rows[:100])):
        with open(os.path.join(out, "data", name + ".jsonl"), "w", encoding="utf-8") as fo:
            for r in rs:
                fo.write(json.dumps(r, ensure_ascii=False) + "\n")
    with open(os.path.join(out, "workspace.json"), "w", encoding="utf-8") as fo:
        json.dump(ws, fo, indent=1, ensure_ascii=False)
    print(f"{out}: {len(seen)} seen-trigger, {len(ood)} OOD-trigger, 100 clean prompts from {len(rows)} short val_clean rows")


if __name__ == "__main__":
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__)
    main(*sys.argv[1:])
