#!/usr/bin/env python3
"""Reference ids from HF's `tokenizers` (PyPI) for tests/test_tokenizer_json.cpp.

usage: tokenizer_reference.py TOKENIZER_JSON INPUT_JSONL [--add-special] [--decode]

Encode (default): each input line is one JSON string; prints one JSON array of ids per line,
add_special_tokens=False unless --add-special.
--decode: each input line is one JSON array of ids; prints one JSON string per line, the text of
decode(ids, skip_special_tokens=True).

Exit codes: 0 ok, 2 usage, 3 `import tokenizers` failed (the caller skips), 1 anything else.
"""
import json
import sys

EXIT_NO_TOKENIZERS = 3


def main(argv):
    args = [a for a in argv[1:] if not a.startswith("--")]
    flags = {a for a in argv[1:] if a.startswith("--")}
    if len(args) != 2 or flags - {"--add-special", "--decode"}:
        print(__doc__, file=sys.stderr)
        return 2
    try:
        from tokenizers import Tokenizer
    except Exception as e:  # ImportError, or a broken install
        print(f"tokenizer_reference.py: cannot import tokenizers: {e}", file=sys.stderr)
        return EXIT_NO_TOKENIZERS
    tok = Tokenizer.from_file(args[0])
    with open(args[1], encoding="utf-8") as f:
        rows = [json.loads(line) for line in f if line.strip()]
    out = sys.stdout
    # Batches keep the memory flat and use the library's own threads; ids do not depend on them.
    step = 4096
    for i in range(0, len(rows), step):
        chunk = rows[i:i + step]
        if "--decode" in flags:
            texts = tok.decode_batch(chunk, skip_special_tokens=True)
            out.write("".join(json.dumps(t, ensure_ascii=False) + "\n" for t in texts))
        else:
            encs = tok.encode_batch(chunk, add_special_tokens="--add-special" in flags)
            out.write("".join(json.dumps(e.ids, separators=(",", ":")) + "\n" for e in encs))
    out.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
