#!/usr/bin/env python3
"""Reference logits and greedy continuations from `transformers` (PyPI, with torch) for
tests/test_model_golden.cpp, on a model folder written by scripts/make_random_model.py.

usage: model_reference.py MODEL_DIR REQUEST_JSON OUT_LOGITS

REQUEST_JSON: {"prompt": [ids], "prompts": [[ids], ...], "max_new_tokens": N, "eos": [ids]}
The model is AutoModelForCausalLM.from_pretrained(MODEL_DIR) in float32 with eager attention,
offline. Writes the logits of "prompt" ([T, V] float32, little-endian, row-major) to OUT_LOGITS,
and prints one JSON object: {"continuations": [[ids], ...], "transformers": V, "torch": V}, where
continuation i is generate(prompts[i] alone, greedy, max_new_tokens=N, eos_token_id=eos) without
the prompt and without the final end-of-sequence token.

Exit codes: 0 ok, 2 usage, 3 `import torch` / `transformers` failed (the caller skips), 1 anything else.
"""
import json
import sys

from reference_common import EXIT_NO_REFERENCE, start


def main(argv):
    if (rc := start(argv, 3, __doc__)) is not None:
        return rc
    try:
        import numpy as np
        import torch
        import transformers
        from transformers import AutoModelForCausalLM
    except Exception as e:  # noqa: BLE001 - any import failure means "no reference here"
        print(f"model_reference.py: cannot import torch / transformers: {e}", file=sys.stderr)
        return EXIT_NO_REFERENCE
    model_dir, request_path, out_logits = argv[1:]
    with open(request_path, encoding="utf-8") as f:
        req = json.load(f)
    torch.manual_seed(0)
    model, info = AutoModelForCausalLM.from_pretrained(model_dir, dtype=torch.float32, attn_implementation="eager",
                                                       output_loading_info=True)
    # Every tensor of the file must be used and none made up: a missing one would be initialised at
    # random here and the comparison would test nothing.
    bad = {k: v for k, v in info.items() if k in ("missing_keys", "unexpected_keys", "mismatched_keys") and v}
    if bad:
        print(f"model_reference.py: {model_dir}: weights do not match the architecture: {bad}", file=sys.stderr)
        return 1
    model.eval()
    with torch.no_grad():
        ids = torch.tensor([req["prompt"]], dtype=torch.long)
        logits = model(input_ids=ids).logits[0].to(torch.float32).numpy()
        np.ascontiguousarray(logits, dtype="<f4").tofile(out_logits)
        eos = req["eos"]
        outs = []
        for p in req["prompts"]:
            x = torch.tensor([p], dtype=torch.long)
            y = model.generate(x, attention_mask=torch.ones_like(x), do_sample=False, temperature=None, top_p=None,
                               top_k=None, max_new_tokens=req["max_new_tokens"], eos_token_id=eos,
                               pad_token_id=eos[0])[0, len(p):].tolist()
            if y and y[-1] in eos:
                y = y[:-1]
            outs.append(y)
    print(json.dumps({"continuations": outs, "transformers": transformers.__version__, "torch": torch.__version__}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
