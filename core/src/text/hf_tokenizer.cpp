// HF tokenizer.json -> the Tokenizer interface (rapidun/text/hf_tokenizer.h).
//
// The pipeline is HF `tokenizers`' TokenizerImpl::encode, stage for stage:
//   1. added tokens with normalized=false are cut out of the raw text (leftmost-longest);
//   2. every other stretch is normalized, then added tokens with normalized=true are cut out;
//   3. the pre-tokenizer splits the rest into words (and maps bytes, for byte-level BPE);
//   4. the BPE model turns each word into ids (hf_bpe.cpp);
//   5. encode_hf(text, true) applies the post-processor's template.
// Dependencies, chosen to match HF byte for byte (more in hf_unicode.cpp):
//   regex: Oniguruma (Debian libonig-dev), the engine HF itself uses through the Rust `onig` crate,
//          so \p{L}, \p{N}, \s, (?i:...) and (?!\S) in the files' patterns mean exactly the same;
//   NFC:   ICU (Debian libicu-dev) rather than utf8proc: already installed wherever Qt is, the
//          reference implementation, and it normalizes UTF-8 in place after a quick check.
// Speed: one regex pass per text, words looked up whole first (ignore_merges) or through a word
// cache, BPE merges by heap (hf_bpe.h); a few times faster than PyPI tokenizers on one thread.
#include "rapidun/text/hf_tokenizer.h"

#include "rapidun/error.h"
#include "rapidun/io/atomic_file.h"
#include "text/hf_bpe.h"
#include "text/hf_pipeline.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <unordered_map>

namespace rapidun {

namespace fs = std::filesystem;
using json = nlohmann::json;

namespace {

json parse_json_file(const std::string & file) {
    const std::string text = read_file_text(file);
    try {
        return json::parse(text);
    } catch (const json::parse_error & e) {
        fail(file, "", "not valid JSON (truncated or damaged?): " + json_message(e));
    } catch (const json::exception & e) {   // e.g. a number too large for a double (1e309)
        fail(file, "", std::string("not readable JSON: ") + e.what());
    }
}

// A JSON value with its path, e.g. "pre_tokenizer.pretokenizers[1]", for error messages.
struct At {
    const json & v;
    std::string path;
    const std::string & file;

    [[noreturn]] void bad(const std::string & what) const { fail(file, path, what); }
    [[noreturn]] void bad_at(const std::string & key, const std::string & what) const { fail(file, sub(key), what); }
    std::string sub(const std::string & key) const { return path.empty() ? key : path + "." + key; }

    const json * find(const char * key) const {
        if (!v.is_object()) bad(std::string("expected an object, got ") + v.type_name());
        const auto it = v.find(key);
        return it == v.end() ? nullptr : &*it;
    }
    At operator[](const char * key) const {
        const json * p = find(key);
        if (!p) bad(std::string("missing field '") + key + "'");
        return At{*p, sub(key), file};
    }
    At at(size_t i) const { return At{v[i], path + "[" + std::to_string(i) + "]", file}; }
    bool has(const char * key) const { const json * p = find(key); return p && !p->is_null(); }

    std::string str() const {
        if (!v.is_string()) bad(std::string("expected a string, got ") + v.type_name());
        return v.get<std::string>();
    }
    bool boolean() const {
        if (!v.is_boolean()) bad(std::string("expected true or false, got ") + v.type_name());
        return v.get<bool>();
    }
    int64_t integer() const {
        if (!v.is_number_integer()) bad(std::string("expected an integer, got ") + v.type_name());
        return v.get<int64_t>();
    }
    const json & array() const {
        if (!v.is_array()) bad(std::string("expected an array, got ") + v.type_name());
        return v;
    }
    // Optional fields: absent or null -> fallback.
    bool opt_bool(const char * key, bool fallback) const { return has(key) ? (*this)[key].boolean() : fallback; }
    std::optional<std::string> opt_str(const char * key) const {
        if (!has(key)) return std::nullopt;
        return (*this)[key].str();
    }
    std::string type() const { return (*this)["type"].str(); }
    // One Unicode character (Rust `char` fields: Metaspace replacement, Strip content).
    uint32_t character() const {
        const std::string s = str();
        size_t i = 0;
        const uint32_t cp = s.empty() ? 0 : hf::next_code_point(s, i);
        if (s.empty() || i != s.size()) bad("expected exactly one character, got '" + s + "'");
        return cp;
    }
};

[[noreturn]] void unknown_type(const At & node, const std::string & what, const std::string & type, const char * supported) {
    node.bad_at("type", "unsupported " + what + " type '" + type + "' (supported: " + supported + ")");
}

// A String / Regex pattern object ({"String": "..."} or {"Regex": "..."}) -> literal or regex.
void read_pattern(const At & p, std::string & literal, std::shared_ptr<hf::Regex> & regex) {
    std::string source;
    if (p.has("String")) {
        literal = p["String"].str();
        if (!literal.empty()) return;   // searched as a plain string, same matches as the escaped regex
        source = hf::escape_regex(literal);
    } else if (p.has("Regex")) {
        source = p["Regex"].str();
    } else {
        p.bad("expected {\"String\": ...} or {\"Regex\": ...}");
    }
    try {
        regex = std::make_shared<hf::Regex>(source);
    } catch (const std::exception & e) {
        p.bad_at(p.has("Regex") ? "Regex" : "String", std::string("bad regex: ") + e.what());
    }
}

hf::PrependScheme read_prepend_scheme(const At & node) {
    hf::PrependScheme scheme = hf::PrependScheme::Always;
    if (node.has("prepend_scheme")) {
        const std::string s = node["prepend_scheme"].str();
        if (s == "always") scheme = hf::PrependScheme::Always;
        else if (s == "first") scheme = hf::PrependScheme::First;
        else if (s == "never") scheme = hf::PrependScheme::Never;
        else node.bad_at("prepend_scheme", "expected always, first or never, got '" + s + "'");
    }
    // Older files: add_prefix_space=false means "never" (and must not contradict prepend_scheme).
    if (node.has("add_prefix_space") && !node["add_prefix_space"].boolean()) {
        if (node.has("prepend_scheme") && scheme != hf::PrependScheme::Never)
            node.bad_at("add_prefix_space", "false contradicts prepend_scheme");
        scheme = hf::PrependScheme::Never;
    }
    return scheme;
}

void read_normalizer(const At & node, std::vector<hf::NormalizerStep> & out) {
    const std::string type = node.type();
    hf::NormalizerStep st;
    if (type == "Sequence") {
        const At list = node["normalizers"];
        for (size_t i = 0; i < list.array().size(); ++i) read_normalizer(list.at(i), out);
        return;
    } else if (type == "NFC" || type == "NFD" || type == "NFKC" || type == "NFKD") {
        st.kind = hf::NormalizerStep::Kind::Unicode;
        st.form = type == "NFC" ? hf::NormalForm::NFC : type == "NFD" ? hf::NormalForm::NFD
                : type == "NFKC" ? hf::NormalForm::NFKC : hf::NormalForm::NFKD;
    } else if (type == "Prepend") {
        st.kind = hf::NormalizerStep::Kind::Prepend;
        st.text = node["prepend"].str();
    } else if (type == "Replace") {
        st.kind = hf::NormalizerStep::Kind::Replace;
        read_pattern(node["pattern"], st.literal, st.regex);
        st.text = node["content"].str();
    } else {
        unknown_type(node, "normalizer", type, "NFC, NFD, NFKC, NFKD, Prepend, Replace, Sequence");
    }
    out.push_back(std::move(st));
}

void read_pre_tokenizer(const At & node, std::vector<hf::PreTokenizerStep> & out) {
    const std::string type = node.type();
    hf::PreTokenizerStep st;
    if (type == "Sequence") {
        const At list = node["pretokenizers"];
        for (size_t i = 0; i < list.array().size(); ++i) read_pre_tokenizer(list.at(i), out);
        return;
    } else if (type == "ByteLevel") {
        st.kind = hf::PreTokenizerStep::Kind::ByteLevel;
        st.add_prefix_space = node.opt_bool("add_prefix_space", true);
        st.use_regex = node.opt_bool("use_regex", true);
        if (st.use_regex) st.regex = hf::gpt2_regex();
    } else if (type == "Split") {
        st.kind = hf::PreTokenizerStep::Kind::Split;
        std::string literal;
        read_pattern(node["pattern"], literal, st.regex);
        if (!st.regex) st.regex = std::make_shared<hf::Regex>(hf::escape_regex(literal));
        const std::string b = node["behavior"].str();
        if (b == "Removed") st.behavior = hf::SplitBehavior::Removed;
        else if (b == "Isolated") st.behavior = hf::SplitBehavior::Isolated;
        else if (b == "MergedWithPrevious") st.behavior = hf::SplitBehavior::MergedWithPrevious;
        else if (b == "MergedWithNext") st.behavior = hf::SplitBehavior::MergedWithNext;
        else if (b == "Contiguous") st.behavior = hf::SplitBehavior::Contiguous;
        else node.bad_at("behavior", "expected Removed, Isolated, MergedWithPrevious, MergedWithNext or Contiguous, got '" + b + "'");
        st.invert = node.opt_bool("invert", false);
    } else if (type == "Metaspace") {
        st.kind = hf::PreTokenizerStep::Kind::Metaspace;
        st.replacement = node["replacement"].character();
        st.prepend = read_prepend_scheme(node);
        st.split = node.opt_bool("split", true);
    } else {
        unknown_type(node, "pre-tokenizer", type, "ByteLevel, Split, Metaspace, Sequence");
    }
    out.push_back(std::move(st));
}

void read_decoder(const At & node, std::vector<hf::DecoderStep> & out) {
    const std::string type = node.type();
    hf::DecoderStep st;
    if (type == "Sequence") {
        const At list = node["decoders"];
        for (size_t i = 0; i < list.array().size(); ++i) read_decoder(list.at(i), out);
        return;
    } else if (type == "ByteLevel") {
        st.kind = hf::DecoderStep::Kind::ByteLevel;
    } else if (type == "Replace") {
        st.kind = hf::DecoderStep::Kind::Replace;
        read_pattern(node["pattern"], st.literal, st.regex);
        st.text = node["content"].str();
    } else if (type == "ByteFallback") {
        st.kind = hf::DecoderStep::Kind::ByteFallback;
    } else if (type == "Fuse") {
        st.kind = hf::DecoderStep::Kind::Fuse;
    } else if (type == "Strip") {
        st.kind = hf::DecoderStep::Kind::Strip;
        st.content = node["content"].character();
        const int64_t a = node["start"].integer(), b = node["stop"].integer();
        if (a < 0 || b < 0) node.bad("start and stop must be >= 0");
        st.start = static_cast<size_t>(a);
        st.stop = static_cast<size_t>(b);
    } else if (type == "Metaspace") {
        st.kind = hf::DecoderStep::Kind::Metaspace;
        st.replacement = node["replacement"].character();
        st.prepend = read_prepend_scheme(node);
    } else {
        unknown_type(node, "decoder", type, "ByteLevel, Replace, ByteFallback, Fuse, Strip, Metaspace, Sequence");
    }
    out.push_back(std::move(st));
}

// One template of a post-processor: items are either the text's ids or fixed ids.
struct Template {
    struct Item { bool sequence = false; std::vector<int32_t> ids; };
    std::vector<Item> items;
};

int32_t read_id(const At & node) {
    const int64_t id = node.integer();
    if (id < 0 || id > INT32_MAX) node.bad("id " + std::to_string(id) + " is out of range");
    return static_cast<int32_t>(id);
}

void read_post_processor(const At & node, std::vector<Template> & out) {
    const std::string type = node.type();
    if (type == "Sequence") {
        const At list = node["processors"];
        for (size_t i = 0; i < list.array().size(); ++i) read_post_processor(list.at(i), out);
    } else if (type == "ByteLevel") {
        // Changes offsets only.
    } else if (type == "TemplateProcessing") {
        const At single = node["single"];
        const At specials = node["special_tokens"];
        Template t;
        for (size_t i = 0; i < single.array().size(); ++i) {
            const At item = single.at(i);
            Template::Item it;
            if (item.has("Sequence")) {
                it.sequence = true;
            } else if (item.has("SpecialToken")) {
                const std::string name = item["SpecialToken"]["id"].str();
                if (!specials.has(name.c_str())) item["SpecialToken"].bad_at("id", "'" + name + "' is not in special_tokens");
                const At ids = specials[name.c_str()]["ids"];
                for (size_t k = 0; k < ids.array().size(); ++k) it.ids.push_back(read_id(ids.at(k)));
            } else {
                item.bad("expected {\"Sequence\": ...} or {\"SpecialToken\": ...}");
            }
            t.items.push_back(std::move(it));
        }
        out.push_back(std::move(t));
    } else if (type == "BertProcessing" || type == "RobertaProcessing") {
        // {"cls": ["[CLS]", 101], "sep": ["[SEP]", 102]}: cls, the text, sep.
        auto id_of = [&](const char * key) {
            const At pair = node[key];
            if (pair.array().size() != 2) pair.bad("expected [token, id]");
            return read_id(pair.at(1));
        };
        Template t;
        t.items.push_back({false, {id_of("cls")}});
        t.items.push_back({true, {}});
        t.items.push_back({false, {id_of("sep")}});
        out.push_back(std::move(t));
    } else {
        unknown_type(node, "post-processor", type,
                     "TemplateProcessing, ByteLevel, BertProcessing, RobertaProcessing, Sequence");
    }
}

// Splits a legacy merge "a b" at its one space.
bool split_merge(const std::string & m, std::string & a, std::string & b) {
    const size_t sp = m.find(' ');
    if (sp == std::string::npos || m.find(' ', sp + 1) != std::string::npos) return false;
    a = m.substr(0, sp);
    b = m.substr(sp + 1);
    return true;
}

class HfTokenizerImpl final : public HfTokenizer {
public:
    explicit HfTokenizerImpl(const std::string & path) : path_(path) { load(); }

    std::vector<int32_t> encode(const std::string & text, bool add_bos, bool add_eos) const override {
        std::vector<int32_t> ids;
        if (add_bos && bos_ >= 0) ids.push_back(bos_);
        encode_into(text, ids);
        if (add_eos && eos_ >= 0) ids.push_back(eos_);
        return ids;
    }

    std::vector<int32_t> encode_hf(const std::string & text, bool add_special_tokens) const override {
        std::vector<int32_t> ids;
        encode_into(text, ids);
        if (!add_special_tokens) return ids;
        for (const Template & t : post_) {
            std::vector<int32_t> out;
            for (const Template::Item & it : t.items) {
                const std::vector<int32_t> & src = it.sequence ? ids : it.ids;
                out.insert(out.end(), src.begin(), src.end());
            }
            ids.swap(out);
        }
        return ids;
    }

    std::string decode(const std::vector<int32_t> & ids) const override { return decode_hf(ids, true); }

    std::string decode_hf(const std::vector<int32_t> & ids, bool skip_special_tokens) const override {
        std::vector<std::string> tokens;
        tokens.reserve(ids.size());
        for (const int32_t id : ids) {
            check_id(id, "decode");
            if (!present_[id]) continue;   // a gap in the ids: HF drops it
            if (skip_special_tokens && special_[id]) continue;
            const auto it = decode_text_.find(id);
            tokens.push_back(it != decode_text_.end() ? it->second : pieces_[id]);
        }
        if (!has_decoder_) {   // HF joins the raw tokens with spaces
            std::string out;
            for (size_t i = 0; i < tokens.size(); ++i) out += (i ? " " : "") + tokens[i];
            return out;
        }
        return hf::decode_tokens(decoder_, std::move(tokens));
    }

    std::string piece(int32_t id) const override {
        check_id(id, "piece");
        return pieces_[id];
    }
    int32_t token_to_id(const std::string & token) const override {
        const auto it = added_ids_.find(token);
        return it != added_ids_.end() ? it->second : bpe_->token_to_id(token);
    }
    int32_t vocab_size() const override { return static_cast<int32_t>(pieces_.size()); }
    int32_t bos_id() const override { return bos_; }
    int32_t eos_id() const override { return eos_; }
    int32_t pad_id() const override { return pad_; }
    int32_t unk_id() const override { return unk_; }
    bool byte_fallback() const override { return bpe_->config().byte_fallback; }
    std::string path() const override { return path_; }
    std::string kind() const override { return byte_level_ ? "hf-bpe-bytelevel" : "hf-bpe"; }
    bool add_bos_default() const override { return add_bos_default_; }
    bool add_eos_default() const override { return add_eos_default_; }

private:
    void check_id(int32_t id, const char * place) const {
        if (id < 0 || id >= vocab_size())
            fail(path_, place, "id " + std::to_string(id) + " is outside the vocabulary (0.." +
                                   std::to_string(vocab_size() - 1) + ")");
    }

    void encode_into(const std::string & text, std::vector<int32_t> & ids) const {
        const size_t bad = hf::find_invalid_utf8(text.data(), text.size());
        if (bad != hf::k_npos) fail(path_, "encode", "the text is not valid UTF-8 (byte " + std::to_string(bad) + ")");
        std::vector<hf::Piece> pieces;
        if (!raw_added_.empty()) raw_added_.split(text, true, pieces);
        else if (!text.empty()) pieces.push_back(hf::Piece{text, -1, true});
        if (!normalizer_.empty() || !normalized_added_.empty()) {
            std::vector<hf::Piece> next;
            next.reserve(pieces.size());
            for (hf::Piece & p : pieces) {
                if (p.id >= 0) { next.push_back(std::move(p)); continue; }
                hf::normalize(normalizer_, p.text);
                if (!normalized_added_.empty()) normalized_added_.split(p.text, p.at_origin, next);
                else if (!p.text.empty()) next.push_back(std::move(p));
            }
            pieces.swap(next);
        }
        hf::pre_tokenize(pre_, pieces);
        try {
            for (const hf::Piece & p : pieces) {
                if (p.id >= 0) ids.push_back(p.id);
                else bpe_->tokenize(p.text, ids);
            }
        } catch (const std::runtime_error & e) {
            fail(path_, "encode", e.what());
        }
    }

    void load();
    void load_model(const At & model);
    void load_added_tokens(const At & list);
    void load_config();
    int32_t config_token(const At & cfg, const char * key, int32_t fallback) const;

    std::string path_;
    std::unique_ptr<hf::Bpe> bpe_;
    std::vector<hf::NormalizerStep> normalizer_;
    std::vector<hf::PreTokenizerStep> pre_;
    std::vector<hf::DecoderStep> decoder_;
    bool has_decoder_ = false;
    std::vector<Template> post_;
    hf::AddedMatcher raw_added_, normalized_added_;
    std::unordered_map<std::string, int32_t> added_ids_;   // content -> id
    std::vector<std::string> pieces_;                      // id -> token (added tokens' content)
    std::vector<uint8_t> present_, special_;               // per id
    std::unordered_map<int32_t, std::string> decode_text_; // added tokens whose normalized form decodes
    int32_t bos_ = -1, eos_ = -1, pad_ = -1, unk_ = -1;
    bool add_bos_default_ = false, add_eos_default_ = false, byte_level_ = false;
};

void HfTokenizerImpl::load() {
    const json doc = parse_json_file(path_);
    const At root{doc, "", path_};
    if (!doc.is_object()) root.bad(std::string("expected a JSON object, got ") + doc.type_name());
    if (root.has("normalizer")) read_normalizer(root["normalizer"], normalizer_);
    if (root.has("pre_tokenizer")) read_pre_tokenizer(root["pre_tokenizer"], pre_);
    if (root.has("post_processor")) read_post_processor(root["post_processor"], post_);
    if (root.has("decoder")) { read_decoder(root["decoder"], decoder_); has_decoder_ = true; }
    load_model(root["model"]);
    if (root.has("added_tokens")) load_added_tokens(root["added_tokens"]);
    for (const auto & st : pre_) byte_level_ = byte_level_ || st.kind == hf::PreTokenizerStep::Kind::ByteLevel;

    // Defaults before tokenizer_config.json: what the post-processor puts around a text.
    if (!post_.empty()) {
        const auto & items = post_.front().items;
        if (!items.empty() && !items.front().sequence && items.front().ids.size() == 1) bos_ = items.front().ids[0];
        add_bos_default_ = bos_ >= 0;
    }
    if (pad_ < 0 && root.has("padding") && root["padding"].has("pad_id")) pad_ = read_id(root["padding"]["pad_id"]);
    load_config();
}

void HfTokenizerImpl::load_model(const At & model) {
    // Older files have no "type"; HF then tries BPE first, which is what a "merges" field means.
    const std::string type = model.has("type") ? model.type() : (model.has("merges") ? "BPE" : "");
    if (type != "BPE") {
        if (type.empty()) model.bad("no 'type' and no 'merges': not a BPE model");
        unknown_type(model, "model", type, "BPE");
    }
    if (model.has("dropout")) {
        const At d = model["dropout"];
        if (!d.v.is_number()) d.bad(std::string("expected a number, got ") + d.v.type_name());
        if (d.v.get<double>() != 0.0) d.bad("BPE dropout is not supported (encoding would be random)");
    }
    hf::BpeConfig cfg;
    cfg.byte_fallback = model.opt_bool("byte_fallback", false);
    cfg.fuse_unk = model.opt_bool("fuse_unk", false);
    cfg.ignore_merges = model.opt_bool("ignore_merges", false);
    cfg.unk_token = model.opt_str("unk_token");
    cfg.continuing_subword_prefix = model.opt_str("continuing_subword_prefix");
    cfg.end_of_word_suffix = model.opt_str("end_of_word_suffix");
    bpe_ = std::make_unique<hf::Bpe>(cfg);

    const At vocab = model["vocab"];
    if (!vocab.v.is_object()) vocab.bad(std::string("expected an object {token: id}, got ") + vocab.v.type_name());
    std::vector<std::pair<int32_t, const std::string *>> entries;
    entries.reserve(vocab.v.size());
    int32_t max_id = -1;
    for (auto it = vocab.v.begin(); it != vocab.v.end(); ++it) {
        const At entry{it.value(), vocab.path + "[\"" + it.key() + "\"]", path_};
        const int32_t id = read_id(entry);
        bpe_->add_token(it.key(), id);
        entries.emplace_back(id, &it.key());
        max_id = std::max(max_id, id);
    }
    pieces_.assign(static_cast<size_t>(max_id + 1), std::string());
    present_.assign(pieces_.size(), 0);
    special_.assign(pieces_.size(), 0);
    for (const auto & e : entries) { pieces_[e.first] = *e.second; present_[e.first] = 1; }

    const At merges = model["merges"];
    const size_t prefix_len = cfg.continuing_subword_prefix ? cfg.continuing_subword_prefix->size() : 0;
    std::string a, b;
    for (size_t i = 0; i < merges.array().size(); ++i) {
        const At m = merges.at(i);
        if (m.v.is_string()) {
            const std::string line = m.str();
            if (line.rfind("#version", 0) == 0) continue;
            if (!split_merge(line, a, b)) m.bad("expected \"left right\" with one space, got '" + line + "'");
        } else if (m.v.is_array() && m.v.size() == 2) {
            a = m.at(0).str();
            b = m.at(1).str();
        } else {
            m.bad(std::string("expected \"left right\" or [left, right], got ") + m.v.type_name());
        }
        const std::string shown = "'" + a + " " + b + "'";
        const int32_t ia = bpe_->token_to_id(a), ib = bpe_->token_to_id(b);
        if (ia < 0) m.bad("the merge " + shown + " names '" + a + "', which is not in model.vocab");
        if (ib < 0) m.bad("the merge " + shown + " names '" + b + "', which is not in model.vocab");
        if (b.size() < prefix_len) m.bad("the merge " + shown + ": '" + b + "' is shorter than continuing_subword_prefix");
        const std::string joined = a + b.substr(prefix_len);
        const int32_t ij = bpe_->token_to_id(joined);
        if (ij < 0) m.bad("the merge " + shown + " makes '" + joined + "', which is not in model.vocab");
        bpe_->add_merge(ia, ib, ij);
    }
    bpe_->finish();
    if (cfg.unk_token) unk_ = bpe_->token_to_id(*cfg.unk_token);
}

void HfTokenizerImpl::load_added_tokens(const At & list) {
    std::vector<hf::AddedToken> raw, normalized;
    for (size_t i = 0; i < list.array().size(); ++i) {
        const At t = list.at(i);
        hf::AddedToken tok;
        tok.content = t["content"].str();
        tok.special = t.opt_bool("special", false);
        tok.single_word = t.opt_bool("single_word", false);
        tok.lstrip = t.opt_bool("lstrip", false);
        tok.rstrip = t.opt_bool("rstrip", false);
        tok.normalized = t.opt_bool("normalized", !tok.special);
        if (tok.content.empty()) continue;   // HF ignores empty added tokens
        // HF keeps a token already known (model vocab or an earlier added token) at its id.
        tok.id = token_to_id(tok.content);
        if (tok.id < 0) tok.id = read_id(t["id"]);
        if (static_cast<size_t>(tok.id) >= pieces_.size()) {
            pieces_.resize(static_cast<size_t>(tok.id) + 1);
            present_.resize(pieces_.size(), 0);
            special_.resize(pieces_.size(), 0);
        }
        pieces_[tok.id] = tok.content;
        present_[tok.id] = 1;
        special_[tok.id] = tok.special ? 1 : 0;
        added_ids_[tok.content] = tok.id;
        if (tok.normalized) {
            std::string n = tok.content;
            hf::normalize(normalizer_, n);
            if (n != tok.content) decode_text_[tok.id] = n;
            tok.content = n;
            if (!tok.content.empty()) normalized.push_back(tok);
        } else {
            raw.push_back(tok);
        }
    }
    raw_added_.build(raw);
    normalized_added_.build(normalized);
}

// A token named in tokenizer_config.json: a string, {"content": ...}, or null (-> -1).
int32_t HfTokenizerImpl::config_token(const At & cfg, const char * key, int32_t fallback) const {
    const json * p = cfg.find(key);
    if (!p) return fallback;
    if (p->is_null()) return -1;
    const At node{*p, key, cfg.file};
    const std::string name = p->is_object() ? node["content"].str() : node.str();
    const int32_t id = token_to_id(name);
    if (id < 0) node.bad("'" + name + "' is not a token of " + path_);
    return id;
}

void HfTokenizerImpl::load_config() {
    const std::string file = (fs::path(path_).parent_path() / "tokenizer_config.json").string();
    std::error_code ec;
    if (!fs::is_regular_file(file, ec)) return;
    const json doc = parse_json_file(file);
    const At cfg{doc, "", file};
    if (!doc.is_object()) cfg.bad(std::string("expected a JSON object, got ") + doc.type_name());
    bos_ = config_token(cfg, "bos_token", bos_);
    eos_ = config_token(cfg, "eos_token", eos_);
    pad_ = config_token(cfg, "pad_token", pad_);
    unk_ = config_token(cfg, "unk_token", unk_);
    add_bos_default_ = cfg.opt_bool("add_bos_token", add_bos_default_ && bos_ >= 0);
    add_eos_default_ = cfg.opt_bool("add_eos_token", add_eos_default_);
}

} // namespace

std::unique_ptr<HfTokenizer> load_hf_tokenizer(const std::string & path) {
    std::error_code ec;
    const auto st = fs::status(path, ec);
    if (ec || !fs::exists(st)) fail(path, "", "not found");
    if (fs::is_directory(st)) fail(path, "", "is a folder, expected a tokenizer.json file");
    return std::make_unique<HfTokenizerImpl>(path);
}

} // namespace rapidun
