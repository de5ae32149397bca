// A minimal test harness (no Qt, so core tests also run on a machine without it).
// Add a case:  TEST_CASE("what it shows") { CHECK(x == y); REQUIRE(ok); SKIP("why"); }
// Each test binary ends with RAPIDUN_TEST_MAIN() and prints "N passed, N failed, N skipped".
#pragma once
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace check {

struct Case { const char * name; std::function<void()> fn; };
inline std::vector<Case> & registry() { static std::vector<Case> r; return r; }
struct Registrar { Registrar(const char * n, std::function<void()> f) { registry().push_back({n, std::move(f)}); } };
struct Skip { std::string why; };
struct Abort {};
inline int & failures() { static int n = 0; return n; }

inline void report(const char * file, int line, const std::string & what) {
    std::fprintf(stderr, "  %s:%d: FAILED: %s\n", file, line, what.c_str());
    failures()++;
}

// The first line of the source root's ../shared, or "" when absent (tests that need it skip).
inline std::string shared_dir() {
    const char * env = std::getenv("RAPIDUN_SHARED");
    std::string d = env ? env : RAPIDUN_TEST_SHARED_DIR;
    FILE * f = std::fopen((d + "/README.md").c_str(), "r");
    if (!f) return "";
    std::fclose(f);
    return d;
}

// A fresh, empty folder under the build tree's scratch folder (removed first if present).
inline std::string fresh_dir(const std::string & name) {
    const std::filesystem::path d = std::filesystem::path(RAPIDUN_TEST_TMP_DIR) / name;
    std::filesystem::remove_all(d);
    std::filesystem::create_directories(d);
    return d.string();
}

inline int run_all() {
    int passed = 0, failed = 0, skipped = 0;
    for (auto & c : registry()) {
        const int before = failures();
        std::fprintf(stderr, "[ RUN  ] %s\n", c.name);
        try {
            c.fn();
        } catch (const Skip & s) {
            std::fprintf(stderr, "[ SKIP ] %s: %s\n", c.name, s.why.c_str());
            skipped++;
            continue;
        } catch (const Abort &) {
        } catch (const std::exception & e) {
            std::fprintf(stderr, "  unexpected exception: %s\n", e.what());
            failures()++;
        }
        if (failures() == before) { passed++; std::fprintf(stderr, "[  OK  ] %s\n", c.name); }
        else { failed++; std::fprintf(stderr, "[ FAIL ] %s\n", c.name); }
    }
    std::printf("%d passed, %d failed, %d skipped\n", passed, failed, skipped);
    return failed == 0 ? 0 : 1;
}

} // namespace check

#define CHECK_CAT2(a, b) a##b
#define CHECK_CAT(a, b) CHECK_CAT2(a, b)
#define TEST_CASE(name)                                                                    \
    static void CHECK_CAT(test_fn_, __LINE__)();                                           \
    static check::Registrar CHECK_CAT(test_reg_, __LINE__)(name, CHECK_CAT(test_fn_, __LINE__)); \
    static void CHECK_CAT(test_fn_, __LINE__)()
#define CHECK(cond) do { if (!(cond)) check::report(__FILE__, __LINE__, #cond); } while (0)
#define REQUIRE(cond) do { if (!(cond)) { check::report(__FILE__, __LINE__, #cond); throw check::Abort{}; } } while (0)
#define CHECK_MSG(cond, msg) do { if (!(cond)) check::report(__FILE__, __LINE__, std::string(#cond) + " -- " + (msg)); } while (0)
#define CHECK_NEAR(a, b, tol) do { const double a_ = (a), b_ = (b); if (!(std::fabs(a_ - b_) <= (tol))) \
    check::report(__FILE__, __LINE__, std::string(#a " ~ " #b ": ") + std::to_string(a_) + " vs " + std::to_string(b_)); } while (0)
// Expects `expr` to throw a std::exception whose message contains every given substring.
#define CHECK_THROWS_WITH(expr, ...) do {                                                  \
    bool thrown_ = false;                                                                  \
    try { expr; } catch (const std::exception & e_) {                                      \
        thrown_ = true; const std::string m_ = e_.what();                                  \
        for (const char * s_ : {__VA_ARGS__})                                              \
            if (m_.find(s_) == std::string::npos)                                          \
                check::report(__FILE__, __LINE__, "message '" + m_ + "' lacks '" + s_ + "'"); \
    }                                                                                      \
    if (!thrown_) check::report(__FILE__, __LINE__, std::string("no exception from ") + #expr); \
} while (0)
#define SKIP(why) throw check::Skip{why}
#define RAPIDUN_TEST_MAIN() int main() { return check::run_all(); }
