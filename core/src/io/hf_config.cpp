// HF config.json <-> ModelConfig for LlamaForCausalLM / MistralForCausalLM / Qwen2ForCausalLM.
// Strict on purpose: a wrong type or an unknown architecture is an error naming the field,
// because guessing would load weights into the wrong shapes or the wrong attention.
#include "rapidun/model/config.h"

#include "rapidun/error.h"
#include "rapidun/io/atomic_file.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace rapidun {

using json = nlohmann::json;

namespace {

const char * type_word(const json & v) {
    if (v.is_number_float()) return "number";
    if (v.is_number_integer()) return "integer";
    return v.type_name();   // "string", "boolean", "null", "array", "object"
}

// Field readers: `required` missing -> error; present with the wrong JSON type -> error.
struct Reader {
    const json & j;
    const std::string & path;

    const json * find(const char * key, bool required) const {
        const auto it = j.find(key);
        if (it == j.end()) {
            if (required) fail(path, "", std::string("missing required field '") + key + "'");
            return nullptr;
        }
        return &*it;
    }
    [[noreturn]] void wrong(const char * key, const char * want, const json & v) const {
        fail(path, std::string("field '") + key + "'", std::string("expected ") + want + ", got " + type_word(v));
    }
    int64_t integer(const char * key, bool required, int64_t fallback) const {
        const json * v = find(key, required);
        if (!v) return fallback;
        if (!v->is_number_integer()) wrong(key, "an integer", *v);
        return v->get<int64_t>();
    }
    double number(const char * key, bool required, double fallback) const {
        const json * v = find(key, required);
        if (!v) return fallback;
        if (!v->is_number()) wrong(key, "a number", *v);
        return v->get<double>();
    }
    // Integer, or null meaning "not set" (-> fallback).
    int64_t integer_or_null(const char * key, int64_t fallback) const {
        const json * v = find(key, false);
        if (!v || v->is_null()) return fallback;
        if (!v->is_number_integer()) wrong(key, "an integer or null", *v);
        return v->get<int64_t>();
    }
};

std::string line_of(const std::string & text, size_t byte) {
    const size_t end = std::min(byte, text.size());
    return std::to_string(1 + std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(end), '\n'));
}

bool supported(const std::string & arch) {
    return arch == "LlamaForCausalLM" || arch == "MistralForCausalLM" || arch == "Qwen2ForCausalLM";
}

RopeScaling read_rope_scaling(const json & rs, const std::string & path) {
    const std::string where = "field 'rope_scaling'";
    if (!rs.is_object()) fail(path, where, std::string("expected an object or null, got ") + type_word(rs));
    const Reader r{rs, path};
    RopeScaling s;
    const json * type = r.find("rope_type", false);
    if (!type) type = r.find("type", false);
    if (!type) fail(path, where, "missing 'rope_type' (linear, dynamic or llama3)");
    if (!type->is_string()) r.wrong("rope_scaling.rope_type", "a string", *type);
    s.type = type->get<std::string>();
    if (s.type == "default") return RopeScaling{};
    if (s.type != "linear" && s.type != "dynamic" && s.type != "llama3")
        fail(path, where, "rope_type '" + s.type + "' is not supported (supported: linear, dynamic, llama3)");
    s.factor = r.number("factor", true, 1.0);
    if (!(s.factor >= 1.0)) fail(path, where, "factor must be >= 1, got " + std::to_string(s.factor));
    if (s.type == "llama3") {
        s.low_freq_factor = r.number("low_freq_factor", true, 1.0);
        s.high_freq_factor = r.number("high_freq_factor", true, 4.0);
        s.original_max_position_embeddings = r.integer("original_max_position_embeddings", true, 0);
        if (!(s.high_freq_factor > s.low_freq_factor) || !(s.low_freq_factor > 0) || s.original_max_position_embeddings <= 0)
            fail(path, where, "llama3 needs 0 < low_freq_factor < high_freq_factor and original_max_position_embeddings > 0");
    }
    return s;
}

} // namespace

int64_t ModelConfig::n_params() const {
    const int64_t q_width = n_heads * head_dim;
    const int64_t kv_width = n_kv_heads * head_dim;
    const int64_t per_layer = 2 * dim                 // input + post-attention RMSNorm
                            + dim * q_width           // q_proj
                            + 2 * dim * kv_width      // k_proj, v_proj
                            + q_width * dim           // o_proj
                            + 3 * dim * hidden_dim;   // gate, up, down
    const int64_t biases = (qkv_bias ? q_width + 2 * kv_width : 0) + (o_bias ? dim : 0) +
                           (mlp_bias ? 2 * hidden_dim + dim : 0);
    return vocab_size * dim + n_layers * (per_layer + biases) + dim + (tie_embeddings ? 0 : vocab_size * dim);
}

std::vector<double> ModelConfig::rope_inv_freq() const {
    // HF: inv_freq[i] = theta^(-2i / hd), i < hd/2, in float64 here (HF computes it in float32 and
    // the angle p * inv_freq in float32 too; llama.cpp builds the tables in float64, then rounds).
    const int64_t half = head_dim / 2;
    std::vector<double> f(static_cast<size_t>(half));
    for (int64_t i = 0; i < half; ++i) f[size_t(i)] = std::pow(rope_theta, -double(2 * i) / double(head_dim));
    const RopeScaling & s = rope_scaling;
    if (s.type == "linear") {
        for (double & x : f) x /= s.factor;
    } else if (s.type == "llama3") {   // transformers' _compute_llama3_parameters
        const double old_len = double(s.original_max_position_embeddings);
        const double low_wavelen = old_len / s.low_freq_factor, high_wavelen = old_len / s.high_freq_factor;
        for (double & x : f) {
            const double wavelen = 2.0 * M_PI / x;
            if (wavelen > low_wavelen) {
                x /= s.factor;                     // long wavelengths: stretched
            } else if (wavelen >= high_wavelen) {  // in between: smoothed from stretched to kept
                const double smooth = (old_len / wavelen - s.low_freq_factor) / (s.high_freq_factor - s.low_freq_factor);
                x = (1.0 - smooth) * x / s.factor + smooth * x;
            }
        }
    }   // dynamic: unchanged within max_position_embeddings (see RopeScaling)
    return f;
}

std::string ModelConfig::rope_summary() const {
    char buf[160];
    if (rope_scaling.type.empty()) {
        std::snprintf(buf, sizeof buf, "theta %g", rope_theta);
    } else if (rope_scaling.type == "llama3") {
        std::snprintf(buf, sizeof buf, "theta %g, llama3 x%g (original %lld positions)", rope_theta, rope_scaling.factor,
                      (long long)rope_scaling.original_max_position_embeddings);
    } else {
        std::snprintf(buf, sizeof buf, "theta %g, %s x%g", rope_theta, rope_scaling.type.c_str(), rope_scaling.factor);
    }
    return buf;
}

std::string ModelConfig::bias_summary() const {
    std::string s = qkv_bias ? "q k v" : "";
    if (o_bias) s += s.empty() ? "o" : " o";
    if (mlp_bias) s += s.empty() ? "mlp" : ", mlp";
    return s.empty() ? "none" : s;
}

ModelConfig parse_hf_config(const std::string & path) {
    return parse_hf_config_text(read_file_text(path), path);
}

ModelConfig parse_hf_config_text(const std::string & text, const std::string & path) {
    json j;
    try {
        j = json::parse(text);
    } catch (const json::parse_error & e) {
        fail(path, "line " + line_of(text, e.byte ? e.byte - 1 : 0), std::string("invalid JSON: ") + e.what());
    } catch (const json::exception & e) {   // e.g. a number too large for a double (1e309)
        fail(path, "", std::string("invalid JSON: ") + e.what());
    }
    if (!j.is_object()) fail(path, "", std::string("expected a JSON object, got ") + j.type_name());
    const Reader r{j, path};
    ModelConfig c;

    // Architecture: "architectures" wins; older exports only carry model_type.
    if (const json * a = r.find("architectures", false); a && !a->is_null()) {
        if (!a->is_array() || a->empty()) r.wrong("architectures", "a non-empty array", *a);
        std::string first;
        bool found = false;
        for (const json & s : *a) {
            if (!s.is_string()) r.wrong("architectures", "an array of strings", *a);
            if (first.empty()) first = s.get<std::string>();
            if (supported(s.get<std::string>())) { c.architecture = s.get<std::string>(); found = true; break; }
        }
        if (!found)
            fail(path, "field 'architectures'", "unsupported architecture '" + first +
                                                "' (supported: LlamaForCausalLM, MistralForCausalLM, Qwen2ForCausalLM)");
    } else if (const json * m = r.find("model_type", false)) {
        if (!m->is_string()) r.wrong("model_type", "a string", *m);
        const std::string t = m->get<std::string>();
        if (t == "llama") c.architecture = "LlamaForCausalLM";
        else if (t == "mistral") c.architecture = "MistralForCausalLM";
        else if (t == "qwen2") c.architecture = "Qwen2ForCausalLM";
        else fail(path, "field 'model_type'", "unsupported architecture '" + t + "' (supported: llama, mistral, qwen2)");
    } else {
        fail(path, "", "missing required field 'architectures' (or 'model_type')");
    }

    // RoPE: rope_theta + rope_scaling as the published checkpoints have them, or transformers 5's
    // rope_parameters (the same fields in one object, which it writes on save).
    c.rope_theta = r.number("rope_theta", false, 10000.0);
    if (const json * rs = r.find("rope_scaling", false); rs && !rs->is_null()) c.rope_scaling = read_rope_scaling(*rs, path);
    if (const json * rp = r.find("rope_parameters", false); rp && !rp->is_null()) {
        if (!rp->is_object()) r.wrong("rope_parameters", "an object or null", *rp);
        const Reader pr{*rp, path};
        if (!pr.find("rope_theta", false))
            fail(path, "field 'rope_parameters'", "missing 'rope_theta' (per-layer-type RoPE parameters are not supported)");
        c.rope_theta = pr.number("rope_theta", true, 0.0);
        if (pr.find("rope_type", false) || pr.find("type", false)) c.rope_scaling = read_rope_scaling(*rp, path);
    }
    auto flag = [&](const char * key) {
        const json * b = r.find(key, false);
        if (!b || b->is_null()) return false;
        if (!b->is_boolean()) r.wrong(key, "a boolean", *b);
        return b->get<bool>();
    };
    if (c.architecture == "Qwen2ForCausalLM") {
        c.qkv_bias = true;   // Qwen2's q, k and v projections always carry a bias; o and the MLP none
    } else {
        c.qkv_bias = c.o_bias = flag("attention_bias");
        c.mlp_bias = flag("mlp_bias");
    }

    c.dim        = r.integer("hidden_size", true, 0);
    c.n_layers   = r.integer("num_hidden_layers", true, 0);
    c.n_heads    = r.integer("num_attention_heads", true, 0);
    c.hidden_dim = r.integer("intermediate_size", true, 0);
    c.vocab_size = r.integer("vocab_size", true, 0);
    c.norm_eps   = r.number("rms_norm_eps", true, 0.0);

    c.n_kv_heads  = r.integer_or_null("num_key_value_heads", c.n_heads);
    const json * head_dim_field = r.find("head_dim", false);
    const bool explicit_head_dim = head_dim_field && !head_dim_field->is_null();
    c.max_seq_len = r.integer("max_position_embeddings", false, 2048);
    c.sliding_window = r.integer_or_null("sliding_window", 0);
    if (c.architecture == "LlamaForCausalLM") {
        c.sliding_window = 0;   // Llama has no sliding window; HF ignores the field there too
    } else if (c.architecture == "Qwen2ForCausalLM") {
        // Qwen2 applies its window only with use_sliding_window, and then only to layers from
        // max_window_layers on: one window per layer, which this implementation does not have.
        if (flag("use_sliding_window"))
            fail(path, "field 'use_sliding_window'", "Qwen2's per-layer sliding window is not supported");
        c.sliding_window = 0;
    }
    c.bos_id = r.integer_or_null("bos_token_id", 1);

    if (const json * t = r.find("tie_word_embeddings", false)) {
        if (!t->is_boolean()) r.wrong("tie_word_embeddings", "a boolean", *t);
        c.tie_embeddings = t->get<bool>();
    }
    // eos_token_id may be a list (Llama 3 instruct: end_of_text, eom, eot); generation stops on any.
    if (const json * e = r.find("eos_token_id", false); e && !e->is_null()) {
        if (e->is_array()) {
            if (e->empty()) r.wrong("eos_token_id", "an integer or a non-empty array of integers", *e);
            for (const json & id : *e) {
                if (!id.is_number_integer()) r.wrong("eos_token_id", "an integer or a non-empty array of integers", *e);
                c.eos_ids.push_back(id.get<int64_t>());
            }
        } else if (e->is_number_integer()) {
            c.eos_ids = {e->get<int64_t>()};
        } else {
            r.wrong("eos_token_id", "an integer or an array of integers", *e);
        }
        c.eos_id = c.eos_ids.front();
    } else {
        c.eos_ids = {c.eos_id};
    }
    if (const json * d = r.find("torch_dtype", false); d && !d->is_null()) {
        if (!d->is_string()) r.wrong("torch_dtype", "a string", *d);
        c.torch_dtype = d->get<std::string>();
    }

    auto positive = [&](const char * key, int64_t v) {
        if (v <= 0) fail(path, std::string("field '") + key + "'", "must be positive, got " + std::to_string(v));
    };
    positive("hidden_size", c.dim);
    positive("num_hidden_layers", c.n_layers);
    positive("num_attention_heads", c.n_heads);
    positive("num_key_value_heads", c.n_kv_heads);
    positive("intermediate_size", c.hidden_dim);
    positive("vocab_size", c.vocab_size);
    positive("max_position_embeddings", c.max_seq_len);
    if (!(c.norm_eps > 0)) fail(path, "field 'rms_norm_eps'", "must be positive, got " + std::to_string(c.norm_eps));
    if (!(c.rope_theta > 0)) fail(path, "field 'rope_theta'", "must be positive, got " + std::to_string(c.rope_theta));
    if (c.sliding_window < 0)
        fail(path, "field 'sliding_window'", "must be positive or null, got " + std::to_string(c.sliding_window));

    if (explicit_head_dim) {
        c.head_dim = r.integer_or_null("head_dim", 0);
        positive("head_dim", c.head_dim);
    } else {
        if (c.dim % c.n_heads != 0)
            fail(path, "field 'num_attention_heads'", std::to_string(c.n_heads) +
                       " heads do not divide hidden_size " + std::to_string(c.dim));
        c.head_dim = c.dim / c.n_heads;
    }
    if (c.head_dim % 2 != 0)   // RoPE rotates pairs of channels
        fail(path, "field 'head_dim'", "must be even for RoPE, got " + std::to_string(c.head_dim));
    if (c.n_heads % c.n_kv_heads != 0)
        fail(path, "field 'num_key_value_heads'", std::to_string(c.n_kv_heads) +
                   " key/value heads do not divide num_attention_heads " + std::to_string(c.n_heads));
    return c;
}

std::string hf_config_json(const ModelConfig & c) {
    const bool mistral = c.architecture == "MistralForCausalLM", qwen2 = c.architecture == "Qwen2ForCausalLM";
    nlohmann::ordered_json j;
    j["architectures"] = {c.architecture};
    j["model_type"] = mistral ? "mistral" : qwen2 ? "qwen2" : "llama";
    j["hidden_size"] = c.dim;
    j["intermediate_size"] = c.hidden_dim;
    j["num_hidden_layers"] = c.n_layers;
    j["num_attention_heads"] = c.n_heads;
    j["num_key_value_heads"] = c.n_kv_heads;
    j["head_dim"] = c.head_dim;
    j["vocab_size"] = c.vocab_size;
    j["max_position_embeddings"] = c.max_seq_len;
    j["rope_theta"] = c.rope_theta;
    j["rms_norm_eps"] = c.norm_eps;
    j["tie_word_embeddings"] = c.tie_embeddings;
    j["bos_token_id"] = c.bos_id;
    if (c.eos_ids.size() > 1) j["eos_token_id"] = c.eos_ids;
    else j["eos_token_id"] = c.eos_id;
    j["hidden_act"] = "silu";
    j["torch_dtype"] = c.torch_dtype;
    if (c.rope_scaling.type.empty()) {
        j["rope_scaling"] = nullptr;
    } else {
        nlohmann::ordered_json rs;
        rs["rope_type"] = c.rope_scaling.type;
        rs["factor"] = c.rope_scaling.factor;
        if (c.rope_scaling.type == "llama3") {
            rs["low_freq_factor"] = c.rope_scaling.low_freq_factor;
            rs["high_freq_factor"] = c.rope_scaling.high_freq_factor;
            rs["original_max_position_embeddings"] = c.rope_scaling.original_max_position_embeddings;
        }
        j["rope_scaling"] = rs;
    }
    if (qwen2) {
        j["use_sliding_window"] = false;
    } else {
        j["attention_bias"] = c.qkv_bias;
        j["mlp_bias"] = c.mlp_bias;
    }
    if (mistral) j["sliding_window"] = c.sliding_window > 0 ? json(c.sliding_window) : json(nullptr);
    return j.dump(2) + "\n";
}

} // namespace rapidun
