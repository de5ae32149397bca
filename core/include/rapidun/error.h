// The one exception type of core. Messages read "<file>: <place>: <what>" so a user can find the
// bad byte or line without a debugger; the CLI prints what() on one line and exits 1.
#pragma once
#include <stdexcept>
#include <string>

namespace rapidun {

struct Error : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// Thrown only when a caller's cancel token is set; reported as "cancelled", never as an error.
struct Cancelled : std::runtime_error {
    Cancelled() : std::runtime_error("cancelled") {}
};

// "<file>: <place>: <what>" (place may be empty, e.g. for a missing file).
[[noreturn]] void fail(const std::string & file, const std::string & place, const std::string & what);

// An nlohmann::json exception's text without its "[json.exception.parse_error.101] " tag, which
// means nothing to a user.
std::string json_message(const std::exception & e);

} // namespace rapidun
