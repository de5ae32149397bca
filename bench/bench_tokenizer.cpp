// Prints tokens/s of our tokenizer.json encoder against PyPI `tokenizers`, on the same strings in
// the same run: every instruction, input and output of the Alpaca set, encoded one string at a
// time without special tokens, on one thread (the Python side: bench_tokenizer.py beside this
// file, with RAYON_NUM_THREADS=1). Each side: one warm-up pass, then the best of R passes.
// usage: bench_tokenizer [tokenizer.json] [--alpaca FILE] [--reps R] [--no-python] [--python EXE]
// Default tokenizer: ../shared/tokenizers/llama3/tokenizer.json.
#include "rapidun/data/records.h"
#include "rapidun/io/atomic_file.h"
#include "rapidun/text/hf_tokenizer.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include <sys/wait.h>
#include <unistd.h>

using namespace rapidun;

namespace {

double seconds_since(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

std::string shell_quote(const std::string & s) {
    std::string q = "'";
    for (const char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return q + "'";
}

// Runs the Python counterpart; returns its JSON line, or "" with the reason printed.
std::string run_python(const std::string & python, const std::string & script, const std::string & tok_path,
                       const std::string & jsonl, int reps) {
    const std::string cmd = python + " " + shell_quote(script) + " " + shell_quote(tok_path) + " " + shell_quote(jsonl) +
                            " --reps " + std::to_string(reps);
    FILE * p = ::popen(cmd.c_str(), "r");
    if (!p) { std::perror("popen"); return ""; }
    std::string out;
    char buf[4096];
    size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
    const int status = ::pclose(p);
    const int code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    if (code == 3) { std::printf("PyPI tokenizers: not installed (pip install tokenizers)\n"); return ""; }
    if (code != 0) { std::printf("PyPI tokenizers: %s exited with %d\n", script.c_str(), code); return ""; }
    return out;
}

} // namespace

int main(int argc, char ** argv) {
    const std::string shared = RAPIDUN_SHARED_DIR_DEFAULT;
    std::string tok_path = shared + "/tokenizers/llama3/tokenizer.json";
    std::string alpaca = shared + "/data/alpaca/alpaca_data.json.gz";
    std::string python = "python3";
    int reps = 3;
    bool with_python = true;
    for (int i = 1; i < argc; i++) {
        if (!std::strcmp(argv[i], "--alpaca") && i + 1 < argc) alpaca = argv[++i];
        else if (!std::strcmp(argv[i], "--reps") && i + 1 < argc) reps = std::max(1, std::atoi(argv[++i]));
        else if (!std::strcmp(argv[i], "--python") && i + 1 < argc) python = argv[++i];
        else if (!std::strcmp(argv[i], "--no-python")) with_python = false;
        else tok_path = argv[i];
    }
    std::unique_ptr<HfTokenizer> tok;
    std::vector<std::string> strings;
    try {
        const auto t0 = std::chrono::steady_clock::now();
        tok = load_hf_tokenizer(tok_path);
        std::printf("tokenizer %s (%s, %d ids), loaded in %.2f s\n", tok_path.c_str(), tok->kind().c_str(),
                    tok->vocab_size(), seconds_since(t0));
        for (const Record & r : read_alpaca_json(alpaca)) {
            strings.push_back(r.instruction);
            strings.push_back(r.context);
            strings.push_back(r.response);
        }
    } catch (const std::exception & e) {
        std::fprintf(stderr, "bench_tokenizer: %s\n", e.what());
        return 1;
    }
    size_t n_bytes = 0;
    for (const auto & s : strings) n_bytes += s.size();
    std::printf("text      %s: %zu strings (instruction, input, output of each record), %.1f MB\n", alpaca.c_str(),
                strings.size(), n_bytes / 1e6);

    size_t n_tokens = 0;
    for (const auto & s : strings) n_tokens += tok->encode(s, false).size();   // warm-up (fills the word cache)
    double best = 1e30;
    for (int r = 0; r < reps; r++) {
        const auto t0 = std::chrono::steady_clock::now();
        size_t n = 0;
        for (const auto & s : strings) n += tok->encode(s, false).size();
        best = std::min(best, seconds_since(t0));
        if (n != n_tokens) { std::fprintf(stderr, "bench_tokenizer: token count changed between passes\n"); return 1; }
    }
    std::printf("\n%-26s %10s %10s %14s\n", "encoder (1 thread)", "tokens", "seconds", "tokens/s");
    std::printf("%-26s %10zu %10.3f %14.0f\n", "rapidun (C++)", n_tokens, best, n_tokens / best);
    if (!with_python) return 0;

    // The Python side reads the same strings from a JSONL file.
#ifdef RAPIDUN_BENCH_SOURCE_DIR
    const std::string script = std::string(RAPIDUN_BENCH_SOURCE_DIR) + "/bench_tokenizer.py";
#else
    const std::string script = (std::filesystem::path(__FILE__).parent_path() / "bench_tokenizer.py").string();
#endif
    const std::string jsonl = (std::filesystem::temp_directory_path() /
                               ("rapidun-bench-tokenizer-" + std::to_string(::getpid()) + ".jsonl")).string();
    std::string lines;
    for (const auto & s : strings) lines += nlohmann::json(s).dump() + "\n";
    write_file_atomic(jsonl, lines);
    const std::string out = run_python(python, script, tok_path, jsonl, reps);
    std::filesystem::remove(jsonl);
    if (out.empty()) return 0;
    try {
        const auto j = nlohmann::json::parse(out);
        const std::string name = "PyPI tokenizers " + j.at("version").get<std::string>();
        const double secs = j.at("seconds").get<double>();
        const auto py_tokens = j.at("tokens").get<size_t>();
        std::printf("%-26s %10zu %10.3f %14.0f\n", name.c_str(), py_tokens, secs, py_tokens / secs);
        std::printf("ratio (ours / PyPI)        %.2fx%s\n", (n_tokens / best) / (py_tokens / secs),
                    py_tokens == n_tokens ? "" : "  (token counts differ!)");
    } catch (const std::exception & e) {
        std::printf("PyPI tokenizers: unreadable output (%s): %s\n", e.what(), out.c_str());
    }
    return 0;
}
