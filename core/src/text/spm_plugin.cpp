// librapidun_spm.so: the only place that links sentencepiece (and so its protobuf copy). Built
// with hidden visibility; only the extern "C" functions of spm_plugin.h are exported. Every
// entry point catches everything, since a C++ exception must not unwind into the loader's frames.
#include "text/spm_plugin.h"

#include <sentencepiece_processor.h>
#include <sentencepiece_trainer.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <exception>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#define RSPM_EXPORT extern "C" __attribute__((visibility("default")))

namespace {

struct Model {
    sentencepiece::SentencePieceProcessor sp;
    int32_t model_type = 1;
    bool byte_fallback = false;
};

// Copies `msg` (truncated) into a caller buffer, always NUL-ended.
void set_err(char * err, int32_t cap, const std::string & msg) {
    if (!err || cap <= 0) return;
    const size_t n = std::min(msg.size(), static_cast<size_t>(cap) - 1);
    std::memcpy(err, msg.data(), n);
    err[n] = '\0';
}

// sentencepiece's messages carry the failed check, e.g. "./src/x.cc(1101) [cond] why"; keep only
// "why", or `fallback` when nothing is left.
std::string status_text(const sentencepiece::util::Status & st, const char * fallback) {
    std::string m = st.message() ? st.message() : "";
    const size_t close = m.find("] ");
    if (m.rfind("./", 0) == 0 || m.rfind("src/", 0) == 0)
        m = close == std::string::npos ? std::string() : m.substr(close + 2);
    while (!m.empty() && (m.back() == ' ' || m.back() == '\n')) m.pop_back();
    return m.empty() ? fallback : m;
}

// Reads a protobuf varint; false when it runs past the end.
bool read_varint(const std::string & s, size_t & at, uint64_t & v) {
    v = 0;
    for (int shift = 0; shift < 64 && at < s.size(); shift += 7) {
        const uint8_t b = static_cast<uint8_t>(s[at++]);
        v |= static_cast<uint64_t>(b & 0x7f) << shift;
        if (!(b & 0x80)) return true;
    }
    return false;
}

// Finds field `field` of a serialized message: a varint value (wire type 0) or the bounds of a
// length-delimited one (wire type 2). The installed sentencepiece ships no sentencepiece_model.pb.h,
// so ModelProto.trainer_spec(2).model_type(3) is read straight from the wire format.
bool find_field(const std::string & s, uint32_t field, uint64_t & value, size_t & begin, size_t & end) {
    size_t at = 0;
    while (at < s.size()) {
        uint64_t key = 0;
        if (!read_varint(s, at, key)) return false;
        const uint32_t wire = key & 7, num = static_cast<uint32_t>(key >> 3);
        uint64_t v = 0;
        switch (wire) {
        case 0:
            if (!read_varint(s, at, v)) return false;
            if (num == field) { value = v; return true; }
            break;
        case 1: at += 8; break;
        case 5: at += 4; break;
        case 2:
            if (!read_varint(s, at, v) || v > s.size() - at) return false;
            if (num == field) { begin = at; end = at + v; return true; }
            at += v;
            break;
        default: return false;
        }
    }
    return false;
}

int32_t model_type_of(const std::string & serialized) {
    uint64_t v = 0;
    size_t b = 0, e = 0;
    if (!find_field(serialized, 2, v, b, e)) return 1;   // no trainer_spec: proto default UNIGRAM
    if (!find_field(serialized.substr(b, e - b), 3, v, b, e)) return 1;
    return static_cast<int32_t>(v);
}

} // namespace

RSPM_EXPORT int32_t rspm_abi_version(void) { return RSPM_ABI_VERSION; }

RSPM_EXPORT void * rspm_load(const char * path, char * err, int32_t err_cap) {
    try {
        auto m = std::make_unique<Model>();
        const auto st = m->sp.Load(path);
        if (!st.ok()) {
            set_err(err, err_cap, status_text(st, "the data does not parse as a model proto"));
            return nullptr;
        }
        const int n = m->sp.GetPieceSize();
        if (n <= 0) { set_err(err, err_cap, "the model has no pieces"); return nullptr; }
        for (int id = 0; id < n && !m->byte_fallback; ++id) m->byte_fallback = m->sp.IsByte(id);
        m->model_type = model_type_of(m->sp.serialized_model_proto());
        return m.release();
    } catch (const std::exception & e) {
        set_err(err, err_cap, e.what());
    } catch (...) {
        set_err(err, err_cap, "unknown error in sentencepiece");
    }
    return nullptr;
}

RSPM_EXPORT void rspm_free(void * h) { delete static_cast<Model *>(h); }

RSPM_EXPORT int32_t rspm_info(const void * h, int32_t what) {
    if (!h) return -1;
    const Model & m = *static_cast<const Model *>(h);
    try {
        switch (what) {
        case RSPM_INFO_VOCAB: return m.sp.GetPieceSize();
        case RSPM_INFO_BOS: return m.sp.bos_id();
        case RSPM_INFO_EOS: return m.sp.eos_id();
        case RSPM_INFO_PAD: return m.sp.pad_id();
        case RSPM_INFO_UNK: return m.sp.unk_id();
        case RSPM_INFO_BYTE_FALLBACK: return m.byte_fallback ? 1 : 0;
        case RSPM_INFO_MODEL_TYPE: return m.model_type;
        default: return -1;
        }
    } catch (...) {
        return -1;
    }
}

RSPM_EXPORT int32_t rspm_encode(const void * h, const char * text, int32_t len, int32_t * out,
                                int32_t cap, char * err, int32_t err_cap) {
    if (!h || (!text && len > 0) || len < 0) { set_err(err, err_cap, "bad arguments"); return -1; }
    try {
        std::vector<int> ids;
        const auto st = static_cast<const Model *>(h)->sp.Encode(std::string_view(text ? text : "", len), &ids);
        if (!st.ok()) { set_err(err, err_cap, status_text(st, "sentencepiece failed")); return -1; }
        const int32_t n = static_cast<int32_t>(ids.size());
        if (out && n <= cap)
            for (int32_t i = 0; i < n; ++i) out[i] = ids[i];
        return n;
    } catch (const std::exception & e) {
        set_err(err, err_cap, e.what());
    } catch (...) {
        set_err(err, err_cap, "unknown error in sentencepiece");
    }
    return -1;
}

RSPM_EXPORT int32_t rspm_decode(const void * h, const int32_t * ids, int32_t n, char * out,
                                int32_t cap, char * err, int32_t err_cap) {
    if (!h || (!ids && n > 0) || n < 0) { set_err(err, err_cap, "bad arguments"); return -1; }
    try {
        const auto & sp = static_cast<const Model *>(h)->sp;
        const int vocab = sp.GetPieceSize();
        std::vector<int> v(ids, ids + n);
        for (const int id : v)
            if (id < 0 || id >= vocab) {
                set_err(err, err_cap, "id " + std::to_string(id) + " is outside the vocabulary (0.." +
                                          std::to_string(vocab - 1) + ")");
                return -1;
            }
        std::string text;
        const auto st = sp.Decode(v, &text);
        if (!st.ok()) { set_err(err, err_cap, status_text(st, "sentencepiece failed")); return -1; }
        if (text.size() > INT32_MAX) { set_err(err, err_cap, "decoded text over 2 GiB"); return -1; }
        const int32_t size = static_cast<int32_t>(text.size());
        if (out && size <= cap) std::memcpy(out, text.data(), text.size());
        return size;
    } catch (const std::exception & e) {
        set_err(err, err_cap, e.what());
    } catch (...) {
        set_err(err, err_cap, "unknown error in sentencepiece");
    }
    return -1;
}

RSPM_EXPORT int32_t rspm_piece(const void * h, int32_t id, char * out, int32_t cap) {
    if (!h) return -1;
    try {
        const auto & sp = static_cast<const Model *>(h)->sp;
        if (id < 0 || id >= sp.GetPieceSize()) return -1;
        const std::string & p = sp.IdToPiece(id);
        const int32_t size = static_cast<int32_t>(p.size());
        if (out && size <= cap) std::memcpy(out, p.data(), p.size());
        return size;
    } catch (...) {
        return -1;
    }
}

RSPM_EXPORT int32_t rspm_train(const char * args, char * err, int32_t err_cap) {
    if (!args) { set_err(err, err_cap, "bad arguments"); return -1; }
    try {
        // One "key=value" per line; the map overload keeps values with spaces intact.
        std::unordered_map<std::string, std::string> kwargs;
        const std::string all = args;
        size_t at = 0;
        while (at < all.size()) {
            size_t nl = all.find('\n', at);
            if (nl == std::string::npos) nl = all.size();
            const std::string line = all.substr(at, nl - at);
            at = nl + 1;
            if (line.empty()) continue;
            const size_t eq = line.find('=');
            if (eq == std::string::npos || eq == 0) {
                set_err(err, err_cap, "trainer flag without key=value: " + line);
                return -1;
            }
            kwargs[line.substr(0, eq)] = line.substr(eq + 1);
        }
        const auto st = sentencepiece::SentencePieceTrainer::Train(kwargs);
        if (!st.ok()) { set_err(err, err_cap, status_text(st, "sentencepiece failed")); return -1; }
        return 0;
    } catch (const std::exception & e) {
        set_err(err, err_cap, e.what());
    } catch (...) {
        set_err(err, err_cap, "unknown error in sentencepiece");
    }
    return -1;
}
