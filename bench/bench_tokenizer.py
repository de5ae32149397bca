#!/usr/bin/env python3
"""PyPI `tokenizers` timing for bench/bench_tokenizer.cpp, which runs this in the same run.

usage: bench_tokenizer.py TOKENIZER_JSON STRINGS_JSONL [--reps R]

Single-threaded (RAYON_NUM_THREADS=1, TOKENIZERS_PARALLELISM=false), one encode call per string,
add_special_tokens=False; one warm-up pass, then the best of R timed passes. Prints one JSON
object: {"version", "strings", "tokens", "seconds", "tokens_per_second"}.
Exit 3 when `import tokenizers` fails.
"""
import json
import os
import sys
import time

os.environ["RAYON_NUM_THREADS"] = "1"            # before the import: rayon reads it once
os.environ["TOKENIZERS_PARALLELISM"] = "false"


def main(argv):
    args = argv[1:]
    reps = 3
    if "--reps" in args:
        i = args.index("--reps")
        reps = int(args[i + 1])
        del args[i:i + 2]
    if len(args) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    try:
        import tokenizers
        from tokenizers import Tokenizer
    except Exception as e:
        print(f"bench_tokenizer.py: cannot import tokenizers: {e}", file=sys.stderr)
        return 3
    tok = Tokenizer.from_file(args[0])
    with open(args[1], encoding="utf-8") as f:
        strings = [json.loads(line) for line in f if line.strip()]
    encode = tok.encode
    n_tokens = sum(len(encode(s, add_special_tokens=False).ids) for s in strings)   # warm-up
    best = float("inf")
    for _ in range(reps):
        t0 = time.perf_counter()
        for s in strings:
            encode(s, add_special_tokens=False)
        best = min(best, time.perf_counter() - t0)
    print(json.dumps({"version": tokenizers.__version__, "strings": len(strings), "tokens": n_tokens,
                      "seconds": best, "tokens_per_second": n_tokens / best}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
