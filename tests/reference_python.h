// Running one of tests/'s reference scripts (PyPI `tokenizers`, `transformers`) from a core test.
// The interpreter: $RAPIDUN_PYTHON, else the test command's virtual environment (build/pyref, made
// by scripts/install-python-refs.sh; RAPIDUN_TEST_REF_PYTHON), else python3 on the PATH.
// A script exits 3 when its package is missing and the shell 127 when there is no python: the
// calling test SKIPs with a message; any other failure fails it.
#pragma once
#include "check.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include <sys/wait.h>

namespace pyref {

inline std::string python() {
    const char * env = std::getenv("RAPIDUN_PYTHON");
    if (env && *env) return env;
#ifdef RAPIDUN_TEST_REF_PYTHON
    if (std::filesystem::exists(RAPIDUN_TEST_REF_PYTHON)) return RAPIDUN_TEST_REF_PYTHON;
#endif
    return "python3";
}

inline std::string shell_quote(const std::string & s) {
    std::string q = "'";
    for (const char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return q + "'";
}

// tests/<name>, where the script lives beside the test's source.
inline std::string script(const char * name) {
#ifdef RAPIDUN_TEST_SOURCE_DIR
    return std::string(RAPIDUN_TEST_SOURCE_DIR) + "/" + name;
#else
    return (std::filesystem::path(__FILE__).parent_path() / name).string();
#endif
}

// Runs `python script args` (args already quoted) and returns its stdout, one string a line.
// `missing` names the package for the SKIP message.
inline std::vector<std::string> run(const std::string & script_path, const std::string & args, const std::string & missing) {
    const std::string py = python();
    const std::string cmd = "RUST_BACKTRACE=0 " + py + " " + shell_quote(script_path) + " " + args;
    FILE * p = ::popen(cmd.c_str(), "r");
    REQUIRE(p != nullptr);
    std::vector<std::string> lines;
    std::string cur;
    char buf[1 << 16];
    size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) {
        for (size_t i = 0; i < n; ++i) {
            if (buf[i] == '\n') { lines.push_back(std::move(cur)); cur.clear(); }
            else cur += buf[i];
        }
    }
    if (!cur.empty()) lines.push_back(std::move(cur));
    const int status = ::pclose(p);
    const int code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    if (code == 3) SKIP("the reference needs PyPI " + missing + " (the test command installs it into build/pyref)");
    if (code == 127) SKIP(py + " not found, no reference to compare with");
    CHECK_MSG(code == 0, cmd + " exited with " + std::to_string(code));
    if (code != 0) throw check::Abort{};
    return lines;
}

} // namespace pyref
