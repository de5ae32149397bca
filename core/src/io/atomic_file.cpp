// Atomic writes (temp file + fsync + rename) and the small file helpers the rest of core uses.
#include "rapidun/io/atomic_file.h"

#include "rapidun/error.h"

#include <atomic>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>
#include <vector>

#include <csignal>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace rapidun {

namespace fs = std::filesystem;

namespace {

std::string errno_text() { return std::strerror(errno); }

// fsync the folder holding `path` so the rename itself survives a crash. Best effort: some
// file systems refuse fsync on a directory, and the data is already safe by then.
void sync_parent_dir(const std::string & path) {
    fs::path parent = fs::path(path).parent_path();
    if (parent.empty()) parent = ".";
    const int fd = ::open(parent.c_str(), O_RDONLY | O_DIRECTORY);
    if (fd < 0) return;
    ::fsync(fd);
    ::close(fd);
}

// The pid in "<name>.tmp-<pid>-<n>" or "<name>.partial-<pid>", or -1 when `name` is neither.
long stale_pid(const std::string & name) {
    auto digits = [&](size_t a, size_t b) {
        if (a >= b) return false;
        for (size_t i = a; i < b; i++)
            if (name[i] < '0' || name[i] > '9') return false;
        return b - a <= 9;
    };
    size_t at = name.rfind(".partial-");
    if (at != std::string::npos && digits(at + 9, name.size())) return std::stol(name.substr(at + 9));
    at = name.rfind(".tmp-");
    if (at == std::string::npos) return -1;
    const size_t dash = name.find('-', at + 5);
    if (dash == std::string::npos || !digits(at + 5, dash) || !digits(dash + 1, name.size())) return -1;
    return std::stol(name.substr(at + 5, dash - at - 5));
}

bool process_gone(long pid) { return pid > 0 && ::kill(pid_t(pid), 0) != 0 && errno == ESRCH; }

} // namespace

int remove_stale_temporaries(const std::string & dir, bool recursive) {
    std::error_code ec;
    std::vector<fs::path> gone;
    for (fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec), end; !ec && it != end;
         it.increment(ec)) {
        if (!recursive) it.disable_recursion_pending();
        if (it->is_symlink(ec)) continue;
        const long pid = stale_pid(it->path().filename().string());
        if (pid < 0 || !process_gone(pid)) continue;
        gone.push_back(it->path());
        if (it->is_directory(ec)) it.disable_recursion_pending();
    }
    int n = 0;
    for (const fs::path & p : gone)
        if (fs::remove_all(p, ec) > 0 && !ec) n++;
    return n;
}

std::string staging_name(const std::string & path) { return path + ".partial-" + std::to_string(long(::getpid())); }

void write_file_atomic(const std::string & path, const void * data, size_t n_bytes) {
    // A temporary name of its own per call (process id and a process-wide counter), created
    // exclusively: two threads or processes saving one file each write their own temporary, and the
    // last rename wins whole.
    static std::atomic<uint64_t> counter{0};
    const std::string tmp = path + ".tmp-" + std::to_string(static_cast<long>(::getpid())) + "-" + std::to_string(counter++);
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0) fail(tmp, "", "cannot create: " + errno_text());

    // Any failure from here on removes the temp file so no "<path>.tmp-*" litter stays behind.
    auto abandon = [&](const std::string & what) {
        const std::string why = errno_text();
        ::close(fd);
        ::unlink(tmp.c_str());
        fail(tmp, "", what + ": " + why);
    };

    const auto * p = static_cast<const char *>(data);
    size_t done = 0;
    while (done < n_bytes) {
        const ssize_t w = ::write(fd, p + done, n_bytes - done);
        if (w < 0) {
            if (errno == EINTR) continue;
            abandon("write failed at byte " + std::to_string(done));
        }
        done += static_cast<size_t>(w);
    }
    if (::fsync(fd) != 0) abandon("fsync failed");
    if (::close(fd) != 0) {
        const std::string why = errno_text();
        ::unlink(tmp.c_str());
        fail(tmp, "", "close failed: " + why);
    }
    if (::rename(tmp.c_str(), path.c_str()) != 0) {
        const std::string why = errno_text();
        ::unlink(tmp.c_str());
        fail(path, "", "cannot rename " + tmp + " over it: " + why);
    }
    sync_parent_dir(path);
}

void write_file_atomic(const std::string & path, const std::string & text) {
    write_file_atomic(path, text.data(), text.size());
}

std::string read_file_text(const std::string & path) {
    if (is_directory(path)) fail(path, "", "is a folder, expected a file");
    std::ifstream in(path, std::ios::binary);
    if (!in) fail(path, "", std::string("cannot open: ") + errno_text());
    std::ostringstream ss;
    ss << in.rdbuf();
    if (in.bad()) fail(path, "", "read failed");
    return ss.str();
}

bool file_exists(const std::string & path) {
    std::error_code ec;
    return fs::exists(path, ec);
}

bool is_directory(const std::string & path) {
    std::error_code ec;
    return fs::is_directory(path, ec);
}

void make_directories(const std::string & path) {
    std::error_code ec;
    fs::create_directories(path, ec);
    if (ec) fail(path, "", "cannot create folder: " + ec.message());
    if (!is_directory(path)) fail(path, "", "cannot create folder: a file is in the way");
}

} // namespace rapidun
