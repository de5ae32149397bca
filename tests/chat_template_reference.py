#!/usr/bin/env python3
"""Reference chat-template renderings from `transformers` (PyPI) for tests/test_chat_template.cpp.

usage: chat_template_reference.py INPUT_JSONL

Each input line is one JSON object:
  {"folder": DIR or null, "template": TEXT or null, "messages": [...],
   "add_generation_prompt": BOOL, "variables": {...}}
With a folder: AutoTokenizer.from_pretrained(DIR).apply_chat_template(messages, chat_template=TEXT
(None: the folder's own), add_generation_prompt=..., tokenize=False, **variables), offline.
Without one: TEXT through transformers' own Jinja environment (render_jinja_template, or
_compile_jinja_template(...).render(...) on versions without it), with tools and documents None.
Prints one JSON object per input line: {"text": RENDERING} or {"error": "<type>: <message>"}.

Exit codes: 0 ok, 2 usage, 3 `import transformers` / `jinja2` failed (the caller skips), 1 anything else.
"""
import json
import sys

from reference_common import EXIT_NO_REFERENCE, start


def main(argv):
    if (rc := start(argv, 1, __doc__)) is not None:
        return rc
    try:
        import jinja2  # noqa: F401  (apply_chat_template needs it; say so here rather than per line)
        from transformers import AutoTokenizer
        from transformers.utils import chat_template_utils as ctu
    except Exception as e:  # ImportError, or a broken install
        print(f"chat_template_reference.py: cannot import transformers / jinja2: {e}", file=sys.stderr)
        return EXIT_NO_REFERENCE

    tokenizers = {}

    def render(row):
        messages = row["messages"]
        agp = bool(row.get("add_generation_prompt", False))
        variables = row.get("variables") or {}
        folder = row.get("folder")
        template = row.get("template")
        if folder:
            if folder not in tokenizers:
                tokenizers[folder] = AutoTokenizer.from_pretrained(folder)
            return tokenizers[folder].apply_chat_template(
                messages, chat_template=template, add_generation_prompt=agp, tokenize=False, **variables)
        # apply_chat_template drops message fields that are None; do the same for bare templates.
        messages = [{k: v for k, v in m.items() if v is not None} for m in messages]
        if hasattr(ctu, "render_jinja_template"):
            rendered, _ = ctu.render_jinja_template(
                conversations=[messages], chat_template=template, add_generation_prompt=agp, **variables)
            return rendered[0]
        return ctu._compile_jinja_template(template).render(
            messages=messages, tools=None, documents=None, add_generation_prompt=agp, **variables)

    out = sys.stdout
    with open(argv[1], encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            try:
                res = {"text": render(json.loads(line))}
            except Exception as e:  # the template raised, or transformers refused the input
                res = {"error": f"{type(e).__name__}: {e}"}
            out.write(json.dumps(res, ensure_ascii=False) + "\n")
    out.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
