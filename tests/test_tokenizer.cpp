// The sentencepiece tokenizer (through the plug-in) against reference.json of stories260K/tok512,
// bad model files, and training a small BPE model from a generated corpus.
#include "check.h"

#include "rapidun/text/tokenizer.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

namespace fs = std::filesystem;
using json = nlohmann::json;

namespace {

std::string model_dir() {
    const std::string shared = check::shared_dir();
    if (shared.empty()) SKIP("../shared absent");
    return shared + "/models/stories260K";
}

json read_reference() {
    std::ifstream f(model_dir() + "/reference.json");
    REQUIRE(f.good());
    return json::parse(f);
}

std::string tmp_dir() {
    const std::string d = std::string(RAPIDUN_TEST_TMP_DIR) + "/tokenizer";
    fs::create_directories(d);
    return d;
}

// A tiny LCG so the corpus (and so the trained model) is the same on every run and platform.
struct Lcg {
    uint32_t s;
    uint32_t next() { s = s * 1664525u + 1013904223u; return s >> 8; }
};

// Lower-case letters and spaces only: with 256 byte pieces and 3 specials, a vocab of 300 has
// room for every character plus some merges.
std::vector<std::string> make_corpus() {
    const char * words[] = {"the", "cat", "sat", "on", "mat", "dog", "ran", "to", "park", "a",
                            "little", "girl", "saw", "big", "red", "ball", "she", "was", "happy",
                            "and", "played", "with", "her", "friend", "in", "sun", "aloha"};
    const size_t n_words = sizeof words / sizeof words[0];
    Lcg rng{12345};
    std::vector<std::string> lines;
    for (int i = 0; i < 400; ++i) {
        std::string line;
        const int len = 4 + static_cast<int>(rng.next() % 8);
        for (int w = 0; w < len; ++w) {
            if (w) line += ' ';
            line += words[rng.next() % n_words];
        }
        lines.push_back(line);
    }
    return lines;
}

} // namespace

TEST_CASE("plug-in path is found") {
    const std::string p = rapidun::sentencepiece_plugin_path();
    CHECK(!p.empty());
    CHECK_MSG(fs::exists(p), p);
}

TEST_CASE("tok512: special ids, vocab, byte fallback") {
    const auto tok = rapidun::load_sentencepiece(model_dir() + "/tok512.model");
    CHECK(tok->vocab_size() == 512);
    CHECK(tok->bos_id() == 1);
    CHECK(tok->eos_id() == 2);
    CHECK(tok->pad_id() == -1);
    CHECK(tok->unk_id() == 0);
    CHECK(tok->byte_fallback());
    CHECK(tok->kind() == "sentencepiece-bpe");
    CHECK(tok->path() == model_dir() + "/tok512.model");
    CHECK(tok->piece(13) == "<0x0A>");
    CHECK(tok->piece(403) == "\xE2\x96\x81Once");
    CHECK_THROWS_WITH(tok->piece(512), "tok512.model", "outside the vocabulary");
}

TEST_CASE("tok512: encodings match reference.json") {
    const json ref = read_reference();
    const auto tok = rapidun::load_sentencepiece(model_dir() + "/tok512.model");
    const json & encs = ref.at("computed_tok512_sentencepiece_encodings_no_bos");
    REQUIRE(encs.size() >= 5);
    for (const auto & [text, want] : encs.items()) {
        const auto ids = tok->encode(text, false);
        const auto want_ids = want.at("ids").get<std::vector<int32_t>>();
        const auto want_pieces = want.at("pieces").get<std::vector<std::string>>();
        CHECK_MSG(ids == want_ids, "ids of '" + text + "'");
        std::vector<std::string> pieces;
        for (const int32_t id : ids) pieces.push_back(tok->piece(id));
        CHECK_MSG(pieces == want_pieces, "pieces of '" + text + "'");
    }
}

TEST_CASE("tok512: BOS/EOS and round trip") {
    const auto tok = rapidun::load_sentencepiece(model_dir() + "/tok512.model");
    const std::string text = "Once upon a time";
    const auto plain = tok->encode(text, false);
    const auto with = tok->encode(text, true, true);
    REQUIRE(with.size() == plain.size() + 2);
    CHECK(with.front() == 1);
    CHECK(with.back() == 2);
    CHECK(std::vector<int32_t>(with.begin() + 1, with.end() - 1) == plain);
    CHECK(tok->decode(plain) == text);
    CHECK(tok->decode(with) == text);   // control ids are dropped
    const std::string bytes = "Caf\xC3\xA9 \xE2\x80\x93 na\xC3\xAFve\nnew\tline";
    CHECK(tok->decode(tok->encode(bytes, true)) == bytes);
    CHECK(tok->encode("", false).empty());
    CHECK(tok->decode({}).empty());
    CHECK_THROWS_WITH(tok->decode({5, 512}), "tok512.model", "512");
    CHECK_THROWS_WITH(tok->decode({-3}), "tok512.model", "-3");
}

TEST_CASE("tok512: greedy ids decode to the upstream run.c text") {
    const json ref = read_reference();
    const auto tok = rapidun::load_sentencepiece(model_dir() + "/tok512.model");
    auto ids = ref.at("computed_greedy_t0_n200_token_ids_with_bos").get<std::vector<int32_t>>();
    REQUIRE(!ids.empty() && ids.front() == 1);
    ids.erase(ids.begin());
    const std::string want = ref.at("upstream_test_all_py").at("expected_stdout_without_final_newline");
    const std::string got = tok->decode(ids);
    CHECK_MSG(got == want, "got: " + got);
}

TEST_CASE("tok512: concurrent loads and encodes agree") {
    const std::string path = model_dir() + "/tok512.model";
    const std::vector<int32_t> want = {403, 407, 261, 378};
    const auto shared = rapidun::load_sentencepiece(path);
    std::vector<int> ok(8, 0);
    std::vector<std::thread> threads;
    for (int t = 0; t < 8; ++t)
        threads.emplace_back([&, t] {
            try {
                const auto own = rapidun::load_sentencepiece(path);
                int good = 1;
                for (int i = 0; i < 200; ++i) {
                    const auto & tok = (i % 2) ? *own : *shared;
                    good &= tok.encode("Once upon a time", false) == want;
                    good &= tok.decode(want) == "Once upon a time";
                }
                ok[t] = good;
            } catch (...) {
            }
        });
    for (auto & th : threads) th.join();
    for (int t = 0; t < 8; ++t) CHECK_MSG(ok[t] == 1, "thread " + std::to_string(t));
}

TEST_CASE("bad model files name the path") {
    const std::string missing = tmp_dir() + "/no_such.model";
    CHECK_THROWS_WITH(rapidun::load_sentencepiece(missing), missing.c_str(), "not found");

    const std::string garbage = tmp_dir() + "/garbage.model";
    {
        std::ofstream f(garbage, std::ios::binary);
        Lcg rng{7};
        for (int i = 0; i < 4096; ++i) f.put(static_cast<char>(rng.next() & 0xff));
    }
    CHECK_THROWS_WITH(rapidun::load_sentencepiece(garbage), garbage.c_str(), "not a sentencepiece model",
                      "does not parse");

    const std::string empty = tmp_dir() + "/empty.model";
    std::ofstream(empty, std::ios::binary).close();
    CHECK_THROWS_WITH(rapidun::load_sentencepiece(empty), empty.c_str(), "not a sentencepiece model", "empty");

    const std::string folder = tmp_dir();
    CHECK_THROWS_WITH(rapidun::load_sentencepiece(folder), folder.c_str(), "folder");

}

TEST_CASE("train a vocab-300 BPE model and use it") {
    const std::string dir = tmp_dir();
    const std::string corpus = dir + "/corpus.txt";
    const auto lines = make_corpus();
    {
        std::ofstream f(corpus);
        for (const auto & l : lines) f << l << '\n';
    }
    rapidun::SentencepieceTrainOptions opt;
    opt.input_path = corpus;
    opt.model_prefix = dir + "/trained";
    opt.vocab_size = 300;
    opt.model_type = "bpe";
    opt.byte_fallback = true;
    opt.user_defined_symbols = "aloha";
    fs::remove(opt.model_prefix + ".model");
    rapidun::train_sentencepiece(opt);
    REQUIRE(fs::exists(opt.model_prefix + ".model"));

    const auto tok = rapidun::load_sentencepiece(opt.model_prefix + ".model");
    CHECK(tok->vocab_size() == 300);
    CHECK(tok->unk_id() == 0);
    CHECK(tok->bos_id() == 1);
    CHECK(tok->eos_id() == 2);
    CHECK(tok->pad_id() == -1);
    CHECK(tok->byte_fallback());
    CHECK(tok->kind() == "sentencepiece-bpe");

    const std::string &line = lines[3];
    const auto ids = tok->encode(line, true);
    CHECK(ids.front() == 1);
    CHECK_MSG(tok->decode(ids) == line, line);
    // Characters never seen in the corpus fall back to bytes and still round trip.
    const std::string odd = "ZQ! \xC3\xA9";
    CHECK(tok->decode(tok->encode(odd, false)) == odd);

    // The user-defined symbol stays one piece, whatever the merges would have done.
    int n_aloha = 0;
    const auto aloha_ids = tok->encode("aloha", false);
    for (const int32_t id : aloha_ids) n_aloha += tok->piece(id) == "aloha";
    CHECK(n_aloha == 1);
    CHECK(aloha_ids.size() <= 2);   // at most the "▁" word prefix besides it
}

TEST_CASE("training errors name the file") {
    rapidun::SentencepieceTrainOptions opt;
    opt.input_path = tmp_dir() + "/no_corpus.txt";
    opt.model_prefix = tmp_dir() + "/never";
    CHECK_THROWS_WITH(rapidun::train_sentencepiece(opt), opt.input_path.c_str(), "not found");

    const std::string corpus = tmp_dir() + "/tiny.txt";
    std::ofstream(corpus) << "abc abc\n";
    opt.input_path = corpus;
    opt.model_type = "nonsense";
    CHECK_THROWS_WITH(rapidun::train_sentencepiece(opt), corpus.c_str(), "model_type");
    opt.model_type = "bpe";
    opt.model_prefix = tmp_dir() + "/no_such_dir/m";
    CHECK_THROWS_WITH(rapidun::train_sentencepiece(opt), "no_such_dir", "not found");
    // sentencepiece's own complaint comes through, under the corpus name.
    opt.model_prefix = tmp_dir() + "/too_big";
    opt.vocab_size = 100000;
    CHECK_THROWS_WITH(rapidun::train_sentencepiece(opt), corpus.c_str(), "Vocabulary size too high");
    opt.vocab_size = 0;
    CHECK_THROWS_WITH(rapidun::train_sentencepiece(opt), corpus.c_str(), "vocab_size");
}

RAPIDUN_TEST_MAIN()
