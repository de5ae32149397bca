#!/usr/bin/env python3
"""Writes a random-weight HF model folder of a real model's shapes, for measuring what the project
needs at real size (no one's weights are downloaded or copied: the values are random).

usage: make_random_model.py SHAPE OUT_DIR [--dtype bf16|f32] [--seed N] [--tokenizer DIR]
  SHAPE: llama-3.2-1b | llama-3.1-8b | tinyllama-1.1b (their published config.json values), or a
         tiny model of each family for the golden comparisons with transformers:
         llama3-tiny (rope_scaling llama3, tied head), qwen2-tiny (q/k/v biases),
         mistral-tiny (sliding window of 8)
  --tokenizer DIR: copies DIR's tokenizer.json and tokenizer_config.json beside the weights

Writes OUT_DIR/config.json and OUT_DIR/model.safetensors (one file, tensors in HF names), streaming
one tensor at a time, so memory stays near the largest tensor. Real shapes: values ~ N(0, 0.02),
norms 1. Tiny shapes: values ~ N(0, 0.1) and norms 1 + N(0, 0.1), so that every part of the forward
(biases, norm weights, the scaled RoPE frequencies) moves the logits well above float rounding.
Needs numpy only (bf16 = the upper half of each fp32, rounded to nearest even).
"""
import argparse
import json
import os
import shutil
import struct
import sys

import numpy as np

SHAPES = {
    "llama-3.2-1b": dict(hidden_size=2048, intermediate_size=8192, num_hidden_layers=16, num_attention_heads=32,
                         num_key_value_heads=8, head_dim=64, vocab_size=128256, max_position_embeddings=131072,
                         rope_theta=500000.0, tie_word_embeddings=True, bos_token_id=128000, eos_token_id=128001,
                         rope_scaling=dict(factor=32.0, high_freq_factor=4.0, low_freq_factor=1.0,
                                           original_max_position_embeddings=8192, rope_type="llama3")),
    "llama-3.1-8b": dict(hidden_size=4096, intermediate_size=14336, num_hidden_layers=32, num_attention_heads=32,
                         num_key_value_heads=8, head_dim=128, vocab_size=128256, max_position_embeddings=131072,
                         rope_theta=500000.0, tie_word_embeddings=False, bos_token_id=128000, eos_token_id=128001,
                         rope_scaling=dict(factor=8.0, high_freq_factor=4.0, low_freq_factor=1.0,
                                           original_max_position_embeddings=8192, rope_type="llama3")),
    "tinyllama-1.1b": dict(hidden_size=2048, intermediate_size=5632, num_hidden_layers=22, num_attention_heads=32,
                           num_key_value_heads=4, head_dim=64, vocab_size=32000, max_position_embeddings=2048,
                           rope_theta=10000.0, tie_word_embeddings=False, bos_token_id=1, eos_token_id=2,
                           rope_scaling=None),
    "llama3-tiny": dict(hidden_size=64, intermediate_size=128, num_hidden_layers=2, num_attention_heads=4,
                        num_key_value_heads=2, head_dim=16, vocab_size=512, max_position_embeddings=256,
                        rope_theta=10000.0, tie_word_embeddings=True, bos_token_id=1, eos_token_id=[2, 3],
                        rope_scaling=dict(factor=8.0, high_freq_factor=4.0, low_freq_factor=1.0,
                                          original_max_position_embeddings=64, rope_type="llama3")),
    "qwen2-tiny": dict(architectures=["Qwen2ForCausalLM"], model_type="qwen2", hidden_size=64, intermediate_size=160,
                       num_hidden_layers=2, num_attention_heads=4, num_key_value_heads=2, vocab_size=512,
                       max_position_embeddings=256, rope_theta=1000000.0, tie_word_embeddings=False, rms_norm_eps=1e-6,
                       use_sliding_window=False, sliding_window=4096, max_window_layers=2, bos_token_id=1,
                       eos_token_id=2),
    "mistral-tiny": dict(architectures=["MistralForCausalLM"], model_type="mistral", hidden_size=64,
                         intermediate_size=128, num_hidden_layers=2, num_attention_heads=4, num_key_value_heads=1,
                         head_dim=16, vocab_size=512, max_position_embeddings=256, rope_theta=10000.0,
                         tie_word_embeddings=False, sliding_window=8, bos_token_id=1, eos_token_id=2),
}
TINY = {"llama3-tiny", "qwen2-tiny", "mistral-tiny"}


def tensors(c):
    """(name, shape) in HF order."""
    d, f, v = c["hidden_size"], c["intermediate_size"], c["vocab_size"]
    hd = c.get("head_dim", d // c["num_attention_heads"])
    q, kv = c["num_attention_heads"] * hd, c["num_key_value_heads"] * hd
    qkv_bias = c.get("model_type") == "qwen2" or c.get("attention_bias", False)
    yield "model.embed_tokens.weight", (v, d)
    for l in range(c["num_hidden_layers"]):
        p = f"model.layers.{l}."
        yield p + "input_layernorm.weight", (d,)
        yield p + "post_attention_layernorm.weight", (d,)
        yield p + "self_attn.q_proj.weight", (q, d)
        yield p + "self_attn.k_proj.weight", (kv, d)
        yield p + "self_attn.v_proj.weight", (kv, d)
        yield p + "self_attn.o_proj.weight", (d, q)
        if qkv_bias:
            yield p + "self_attn.q_proj.bias", (q,)
            yield p + "self_attn.k_proj.bias", (kv,)
            yield p + "self_attn.v_proj.bias", (kv,)
        yield p + "mlp.gate_proj.weight", (f, d)
        yield p + "mlp.up_proj.weight", (f, d)
        yield p + "mlp.down_proj.weight", (d, f)
    yield "model.norm.weight", (d,)
    if not c["tie_word_embeddings"]:
        yield "lm_head.weight", (v, d)


def to_bf16(x):
    u = x.astype(np.float32).view(np.uint32)
    u = u + 0x7FFF + ((u >> 16) & 1)   # round to nearest even
    return (u >> 16).astype(np.uint16)


def main(argv):
    ap = argparse.ArgumentParser(description="random-weight HF model folder of a real model's shapes")
    ap.add_argument("shape", choices=sorted(SHAPES))
    ap.add_argument("out")
    ap.add_argument("--dtype", choices=["bf16", "f32"], default="bf16")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--tokenizer", help="folder whose tokenizer.json and tokenizer_config.json are copied beside")
    a = ap.parse_args(argv[1:])
    shape, out, dtype = a.shape, a.out, a.dtype
    rng = np.random.default_rng(a.seed)
    c = dict(SHAPES[shape])
    config = dict(architectures=["LlamaForCausalLM"], model_type="llama", hidden_act="silu", rms_norm_eps=1e-5,
                  torch_dtype="bfloat16" if dtype == "bf16" else "float32")
    if c.get("model_type", "llama") != "qwen2":
        config.update(attention_bias=False, mlp_bias=False)
    config.update(c)
    c = config
    std = 0.1 if shape in TINY else 0.02
    os.makedirs(out, exist_ok=True)

    names = list(tensors(c))
    esize = 2 if dtype == "bf16" else 4
    header, offset = {}, 0
    for name, shp in names:
        n = int(np.prod(shp)) * esize
        header[name] = dict(dtype="BF16" if dtype == "bf16" else "F32", shape=list(shp), data_offsets=[offset, offset + n])
        offset += n
    header["__metadata__"] = {"format": "pt", "note": "random weights, " + shape + " shapes"}
    h = json.dumps(header, separators=(",", ":")).encode()
    h += b" " * (-len(h) % 8)
    tmp = os.path.join(out, "model.safetensors.tmp")
    with open(tmp, "wb") as fo:
        fo.write(struct.pack("<Q", len(h)))
        fo.write(h)
        for name, shp in names:
            if name.endswith("norm.weight"):
                x = np.ones(shp, dtype=np.float32)
                if shape in TINY:
                    x = x + rng.standard_normal(shp, dtype=np.float32) * np.float32(0.1)
            else:
                x = rng.standard_normal(shp, dtype=np.float32) * np.float32(std)
            fo.write((to_bf16(x) if dtype == "bf16" else x).tobytes())
    os.replace(tmp, os.path.join(out, "model.safetensors"))
    with open(os.path.join(out, "config.json"), "w") as fo:
        json.dump(config, fo, indent=2)
    tok = a.tokenizer
    if tok:
        for f in ("tokenizer.json", "tokenizer_config.json"):
            if os.path.exists(os.path.join(tok, f)):
                shutil.copyfile(os.path.join(tok, f), os.path.join(out, f))
    print(f"{out}: {shape}, {dtype}, {offset / 2**30:.2f} GiB of weights")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
