// The sentencepiece Tokenizer, reached through the plug-in librapidun_spm.so (spm_plugin.h).
// sentencepiece and LibTorch carry two protobuf copies that crash before main() when linked into
// one binary, so this file includes no sentencepiece header: it dlopen()s the plug-in with
// RTLD_LOCAL | RTLD_DEEPBIND, which keeps the plug-in's protobuf symbols out of everyone's way.
#include "rapidun/text/tokenizer.h"

#include "rapidun/error.h"
#include "text/spm_plugin.h"

#include <climits>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <system_error>

#include <dlfcn.h>

namespace rapidun {

namespace fs = std::filesystem;

namespace {

constexpr const char * k_plugin_file = "librapidun_spm.so";

struct Plugin {
    std::string path;
    rspm_load_fn load = nullptr;
    rspm_free_fn free = nullptr;
    rspm_info_fn info = nullptr;
    rspm_encode_fn encode = nullptr;
    rspm_decode_fn decode = nullptr;
    rspm_piece_fn piece = nullptr;
    rspm_train_fn train = nullptr;
};

// Search order: $RAPIDUN_SPM_PLUGIN alone when set; else beside the running executable; else
// <prefix>/lib/rapidun/ for an executable in <prefix>/bin (the installed package, wherever its
// root is); else where this build put it (tests run from the build tree).
std::vector<std::string> plugin_candidates() {
    const char * env = std::getenv("RAPIDUN_SPM_PLUGIN");
    if (env && *env) return {env};
    std::vector<std::string> out;
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        out.push_back((exe.parent_path() / k_plugin_file).string());
        out.push_back((exe.parent_path().parent_path() / "lib" / "rapidun" / k_plugin_file).string());
    }
#ifdef RAPIDUN_SPM_PLUGIN_BUILD_PATH
    out.push_back(RAPIDUN_SPM_PLUGIN_BUILD_PATH);
#endif
    return out;
}

bool is_file(const std::string & path) {
    std::error_code ec;
    return fs::is_regular_file(path, ec);
}

template <class Fn>
Fn symbol(void * lib, const std::string & path, const char * name) {
    void * p = ::dlsym(lib, name);
    if (!p) {
        ::dlclose(lib);
        fail(path, "", std::string("not a rapidun sentencepiece plug-in (no symbol ") + name + ")");
    }
    return reinterpret_cast<Fn>(p);
}

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define RAPIDUN_ASAN 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__)
#define RAPIDUN_ASAN 1
#endif

// dlopen(RTLD_NOW | RTLD_LOCAL | RTLD_DEEPBIND). AddressSanitizer's dlopen interceptor refuses
// RTLD_DEEPBIND and ends the process (a deeply bound library calls libc's malloc and free, not the
// sanitizer's, and memory passed between the two would be misread). The plug-in's interface passes
// no memory across (every buffer is the caller's, spm_plugin.h), so an ASan build calls libc's own
// dlopen, taken from libc's handle, where the interceptor is not in the way.
void * dlopen_deep(const char * path) {
    const int flags = RTLD_NOW | RTLD_LOCAL | RTLD_DEEPBIND;
#ifdef RAPIDUN_ASAN
    using dlopen_fn = void * (*)(const char *, int);
    static const dlopen_fn libc_dlopen = [] {
        void * libc = ::dlopen("libc.so.6", RTLD_NOW | RTLD_NOLOAD);
        return libc ? reinterpret_cast<dlopen_fn>(::dlsym(libc, "dlopen")) : nullptr;
    }();
    if (libc_dlopen) return libc_dlopen(path, flags);
#endif
    return ::dlopen(path, flags);
}

Plugin * open_plugin() {
    const std::vector<std::string> cands = plugin_candidates();
    std::string path;
    for (const auto & c : cands)
        if (is_file(c)) { path = c; break; }
    const char * env = std::getenv("RAPIDUN_SPM_PLUGIN");
    if (path.empty() && env && *env) fail(env, "", "not found (named by RAPIDUN_SPM_PLUGIN)");
    if (path.empty()) {
        std::string tried;
        for (const auto & c : cands) tried += (tried.empty() ? "" : ", ") + c;
        fail(cands.empty() ? std::string(k_plugin_file) : cands.front(), "",
             "sentencepiece plug-in not found (looked at: " + tried + "; set RAPIDUN_SPM_PLUGIN)");
    }
    void * lib = dlopen_deep(path.c_str());
    if (!lib) {
        const char * why = ::dlerror();
        fail(path, "", std::string("cannot load the sentencepiece plug-in: ") + (why ? why : "dlopen failed"));
    }
    const auto version = symbol<rspm_abi_version_fn>(lib, path, RSPM_SYM_ABI_VERSION)();
    if (version != RSPM_ABI_VERSION) {
        ::dlclose(lib);
        fail(path, "", "sentencepiece plug-in has interface version " + std::to_string(version) +
                           ", this program needs " + std::to_string(RSPM_ABI_VERSION) + " (stale build?)");
    }
    auto p = std::make_unique<Plugin>();
    p->path = path;
    p->load = symbol<rspm_load_fn>(lib, path, RSPM_SYM_LOAD);
    p->free = symbol<rspm_free_fn>(lib, path, RSPM_SYM_FREE);
    p->info = symbol<rspm_info_fn>(lib, path, RSPM_SYM_INFO);
    p->encode = symbol<rspm_encode_fn>(lib, path, RSPM_SYM_ENCODE);
    p->decode = symbol<rspm_decode_fn>(lib, path, RSPM_SYM_DECODE);
    p->piece = symbol<rspm_piece_fn>(lib, path, RSPM_SYM_PIECE);
    p->train = symbol<rspm_train_fn>(lib, path, RSPM_SYM_TRAIN);
    return p.release();
}

std::mutex g_plugin_mutex;
const Plugin * g_plugin = nullptr;   // never freed nor dlclose()d: tokenizers may outlive main()

// Loads the plug-in on first use and keeps it. A failed load is retried on the next call, so a
// user can fix RAPIDUN_SPM_PLUGIN without restarting.
const Plugin & plugin() {
    std::lock_guard<std::mutex> lock(g_plugin_mutex);
    if (!g_plugin) g_plugin = open_plugin();
    return *g_plugin;
}

class SpmTokenizer final : public Tokenizer {
public:
    SpmTokenizer(const Plugin & pl, void * h, std::string path) : pl_(pl), h_(h), path_(std::move(path)) {
        vocab_ = pl_.info(h_, RSPM_INFO_VOCAB);
        bos_ = pl_.info(h_, RSPM_INFO_BOS);
        eos_ = pl_.info(h_, RSPM_INFO_EOS);
        pad_ = pl_.info(h_, RSPM_INFO_PAD);
        unk_ = pl_.info(h_, RSPM_INFO_UNK);
        byte_fallback_ = pl_.info(h_, RSPM_INFO_BYTE_FALLBACK) == 1;
        switch (pl_.info(h_, RSPM_INFO_MODEL_TYPE)) {
        case 2: kind_ = "sentencepiece-bpe"; break;
        case 3: kind_ = "sentencepiece-word"; break;
        case 4: kind_ = "sentencepiece-char"; break;
        default: kind_ = "sentencepiece-unigram"; break;
        }
        // Pieces are cached once so piece() is cheap and needs no buffer dance per call.
        pieces_.reserve(vocab_);
        std::string buf(64, '\0');
        for (int32_t id = 0; id < vocab_; ++id) {
            int32_t n = pl_.piece(h_, id, buf.data(), static_cast<int32_t>(buf.size()));
            if (n > static_cast<int32_t>(buf.size())) {
                buf.resize(n);
                n = pl_.piece(h_, id, buf.data(), n);
            }
            if (n < 0) { pl_.free(h_); fail(path_, "piece " + std::to_string(id), "cannot read the piece"); }
            pieces_.emplace_back(buf.data(), n);
        }
    }
    ~SpmTokenizer() override { pl_.free(h_); }
    SpmTokenizer(const SpmTokenizer &) = delete;
    SpmTokenizer & operator=(const SpmTokenizer &) = delete;

    std::vector<int32_t> encode(const std::string & text, bool add_bos, bool add_eos) const override {
        if (text.size() > static_cast<size_t>(INT32_MAX) / 2) fail(path_, "encode", "text over 1 GiB");
        const int32_t len = static_cast<int32_t>(text.size());
        // A BOS slot in front so the ids land in place; sentencepiece gives at most about one id
        // per byte, and the call reports the size when the guess was short.
        const size_t front = (add_bos && bos_ >= 0) ? 1 : 0;
        std::vector<int32_t> ids(front + text.size() + 8);
        char err[512] = "";
        int32_t cap = static_cast<int32_t>(ids.size() - front);
        int32_t n = pl_.encode(h_, text.data(), len, ids.data() + front, cap, err, sizeof err);
        if (n > cap) {
            ids.resize(front + n);
            cap = n;
            n = pl_.encode(h_, text.data(), len, ids.data() + front, cap, err, sizeof err);
        }
        if (n < 0 || n > cap) fail(path_, "encode", err[0] ? err : "sentencepiece failed");
        ids.resize(front + n);
        if (front) ids[0] = bos_;
        if (add_eos && eos_ >= 0) ids.push_back(eos_);
        return ids;
    }

    std::string decode(const std::vector<int32_t> & ids) const override {
        std::vector<int32_t> kept;
        kept.reserve(ids.size());
        size_t guess = 8;
        for (const int32_t id : ids) {
            if (id < 0 || id >= vocab_)
                fail(path_, "decode", "id " + std::to_string(id) + " is outside the vocabulary (0.." +
                                          std::to_string(vocab_ - 1) + ")");
            if (id == bos_ || id == eos_ || id == pad_) continue;
            kept.push_back(id);
            guess += pieces_[id].size();   // a piece never decodes to more bytes than it has
        }
        if (guess > static_cast<size_t>(INT32_MAX)) fail(path_, "decode", "text over 2 GiB");
        std::string out(guess, '\0');
        char err[512] = "";
        const int32_t n_ids = static_cast<int32_t>(kept.size());
        int32_t cap = static_cast<int32_t>(out.size());
        int32_t n = pl_.decode(h_, kept.data(), n_ids, out.data(), cap, err, sizeof err);
        if (n > cap) {
            out.resize(n);
            cap = n;
            n = pl_.decode(h_, kept.data(), n_ids, out.data(), cap, err, sizeof err);
        }
        if (n < 0 || n > cap) fail(path_, "decode", err[0] ? err : "sentencepiece failed");
        out.resize(n);
        return out;
    }

    std::string piece(int32_t id) const override {
        if (id < 0 || id >= vocab_)
            fail(path_, "piece", "id " + std::to_string(id) + " is outside the vocabulary (0.." +
                                     std::to_string(vocab_ - 1) + ")");
        return pieces_[id];
    }
    int32_t vocab_size() const override { return vocab_; }
    int32_t bos_id() const override { return bos_; }
    int32_t eos_id() const override { return eos_; }
    int32_t pad_id() const override { return pad_; }
    int32_t unk_id() const override { return unk_; }
    bool byte_fallback() const override { return byte_fallback_; }
    std::string path() const override { return path_; }
    std::string kind() const override { return kind_; }

private:
    const Plugin & pl_;
    void * h_;
    std::string path_;
    std::string kind_;
    std::vector<std::string> pieces_;
    int32_t vocab_ = 0, bos_ = -1, eos_ = -1, pad_ = -1, unk_ = -1;
    bool byte_fallback_ = false;
};

// Trainer flags travel one per line, so a value must not hold a newline.
void add_flag(std::string & args, const std::string & file, const std::string & key, const std::string & value) {
    if (value.find('\n') != std::string::npos || value.find('\r') != std::string::npos)
        fail(file, "sentencepiece training", key + " must not contain a line break");
    args += key + "=" + value + "\n";
}

} // namespace

std::unique_ptr<Tokenizer> load_sentencepiece(const std::string & path) {
    std::error_code ec;
    const auto st = fs::status(path, ec);
    if (ec || !fs::exists(st)) fail(path, "", "not found");
    if (fs::is_directory(st)) fail(path, "", "is a folder, not a sentencepiece model file");
    if (fs::file_size(path, ec) == 0 && !ec) fail(path, "", "not a sentencepiece model: the file is empty");
    const Plugin & pl = plugin();
    char err[1024] = "";
    void * h = pl.load(path.c_str(), err, sizeof err);
    if (!h) fail(path, "", std::string("not a sentencepiece model: ") + (err[0] ? err : "load failed"));
    return std::make_unique<SpmTokenizer>(pl, h, path);
}

void train_sentencepiece(const SentencepieceTrainOptions & opt) {
    const std::string & in = opt.input_path;
    const char * place = "sentencepiece training";
    if (in.empty()) fail("(no input)", place, "input_path is empty");
    if (!is_file(in)) fail(in, "", "not found");
    if (opt.model_prefix.empty()) fail(in, place, "model_prefix is empty");
    const fs::path out_dir = fs::path(opt.model_prefix).parent_path();
    std::error_code ec;
    if (!out_dir.empty() && !fs::is_directory(out_dir, ec))
        fail(out_dir.string(), "", "output folder not found");
    if (opt.vocab_size <= 0) fail(in, place, "vocab_size must be positive, got " + std::to_string(opt.vocab_size));
    if (opt.model_type != "bpe" && opt.model_type != "unigram" && opt.model_type != "word" && opt.model_type != "char")
        fail(in, place, "model_type must be bpe, unigram, word or char, got '" + opt.model_type + "'");
    if (!(opt.character_coverage > 0.0 && opt.character_coverage <= 1.0))
        fail(in, place, "character_coverage must be in (0, 1]");
    if (opt.n_threads <= 0) fail(in, place, "n_threads must be positive");

    char coverage[32];
    std::snprintf(coverage, sizeof coverage, "%.9g", opt.character_coverage);
    std::string args;
    add_flag(args, in, "input", in);
    add_flag(args, in, "model_prefix", opt.model_prefix);
    add_flag(args, in, "vocab_size", std::to_string(opt.vocab_size));
    add_flag(args, in, "model_type", opt.model_type);
    add_flag(args, in, "byte_fallback", opt.byte_fallback ? "true" : "false");
    add_flag(args, in, "split_digits", opt.split_digits ? "true" : "false");
    add_flag(args, in, "character_coverage", coverage);
    add_flag(args, in, "num_threads", std::to_string(opt.n_threads));
    if (!opt.user_defined_symbols.empty()) add_flag(args, in, "user_defined_symbols", opt.user_defined_symbols);
    // The Llama convention, so a trained tokenizer drops into a Llama model unchanged.
    add_flag(args, in, "unk_id", "0");
    add_flag(args, in, "bos_id", "1");
    add_flag(args, in, "eos_id", "2");
    add_flag(args, in, "pad_id", "-1");
    add_flag(args, in, "minloglevel", "1");   // keep sentencepiece's per-step INFO log off stderr

    const Plugin & pl = plugin();
    char err[1024] = "";
    if (pl.train(args.c_str(), err, sizeof err) != 0)
        fail(in, place, err[0] ? err : "sentencepiece failed");
}

std::string sentencepiece_plugin_path() {
    {
        std::lock_guard<std::mutex> lock(g_plugin_mutex);
        if (g_plugin) return g_plugin->path;
    }
    const std::vector<std::string> cands = plugin_candidates();
    for (const auto & c : cands)
        if (is_file(c)) return c;
    return cands.empty() ? std::string(k_plugin_file) : cands.front();
}

} // namespace rapidun
