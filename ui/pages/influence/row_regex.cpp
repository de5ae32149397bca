#include "row_regex.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include <QRegularExpression>

#include <algorithm>
#include <thread>

namespace rapidun::ui {
namespace {

// One thread's matching state: match data sized for the pattern, a JIT stack of up to 1 MiB (Qt's
// own limit is 512 KiB; deep backtracking past it is no match, as there).
class Matcher {
public:
    explicit Matcher(const pcre2_code * code) : code_(code) {
        data_ = pcre2_match_data_create_from_pattern(code, nullptr);
        context_ = pcre2_match_context_create(nullptr);
        stack_ = pcre2_jit_stack_create(32 * 1024, 1024 * 1024, nullptr);
        if (context_ && stack_) pcre2_jit_stack_assign(context_, nullptr, stack_);
    }
    ~Matcher() {
        pcre2_jit_stack_free(stack_);
        pcre2_match_context_free(context_);
        pcre2_match_data_free(data_);
    }
    Matcher(const Matcher &) = delete;
    Matcher & operator=(const Matcher &) = delete;

    // Searches subject[0, length) from `from`; true with [begin, end) of the match.
    bool find(const char * subject, size_t length, size_t from, size_t & begin, size_t & end) {
        if (!data_) return false;
        const int rc = pcre2_match(code_, reinterpret_cast<PCRE2_SPTR>(subject), length, from, PCRE2_NO_UTF_CHECK, data_, context_);
        if (rc < 0) return false;
        const PCRE2_SIZE * ov = pcre2_get_ovector_pointer(data_);
        begin = ov[0];
        end = ov[1];
        return true;
    }
    bool matches(const char * subject, size_t length) {
        size_t b = 0, e = 0;
        return find(subject, length, 0, b, e);
    }

private:
    const pcre2_code *  code_;
    pcre2_match_data *  data_ = nullptr;
    pcre2_match_context * context_ = nullptr;
    pcre2_jit_stack *   stack_ = nullptr;
};

} // namespace

RowRegex::RowRegex(const QString & pattern) {
    const QByteArray utf8 = pattern.toUtf8();
    int error = 0;
    PCRE2_SIZE offset = 0;
    pcre2_code * code = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(utf8.constData()), PCRE2_SIZE(utf8.size()),
                                      PCRE2_UTF | PCRE2_CASELESS | PCRE2_MULTILINE | PCRE2_NEVER_BACKSLASH_C, &error, &offset,
                                      nullptr);
    if (!code) return;
    pcre2_jit_compile(code, PCRE2_JIT_COMPLETE);   // where JIT is unavailable the interpreter runs
    code_ = code;
    perRow_ = pattern.contains(QLatin1String("(?")) || pattern.contains(QRegularExpression(QStringLiteral("\\\\[AzZG]")));
}

RowRegex::~RowRegex() { pcre2_code_free(static_cast<pcre2_code *>(code_)); }

std::vector<uint8_t> RowRegex::matchRows(const std::string & text, const std::vector<int64_t> & start) const {
    const size_t n = start.empty() ? 0 : start.size() - 1;
    std::vector<uint8_t> hit(n, 0);
    if (!code_ || n == 0) return hit;
    const auto * code = static_cast<const pcre2_code *>(code_);
    const size_t threads = n < 20000 ? 1 : std::max<size_t>(1, std::min<size_t>(8, std::thread::hardware_concurrency()));
    auto work = [&](size_t t) {
        Matcher m(code);
        auto rowMatches = [&](size_t i) { return m.matches(text.data() + start[i], size_t(start[i + 1] - 1 - start[i])); };
        const size_t r0 = n * t / threads, r1 = n * (t + 1) / threads;
        if (perRow_) {
            for (size_t i = r0; i < r1; i++) hit[i] = rowMatches(i) ? 1 : 0;
            return;
        }
        const size_t end = size_t(start[r1]);
        size_t pos = size_t(start[r0]), b = 0, e = 0;
        while (pos < end && m.find(text.data(), text.size(), pos, b, e) && b < end) {
            const size_t row = size_t(std::upper_bound(start.begin(), start.end(), int64_t(b)) - start.begin()) - 1;
            hit[row] = e <= size_t(start[row + 1] - 1) || rowMatches(row) ? 1 : 0;
            pos = size_t(start[row + 1]);
        }
    };
    std::vector<std::thread> pool;
    for (size_t t = 1; t < threads; t++) pool.emplace_back(work, t);
    work(0);
    for (std::thread & th : pool) th.join();
    return hit;
}

} // namespace rapidun::ui
