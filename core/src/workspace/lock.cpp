// The workspace lock (see rapidun/workspace/lock.h).
#include "rapidun/workspace/lock.h"

#include "rapidun/error.h"
#include "rapidun/io/atomic_file.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <map>
#include <mutex>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace rapidun {

namespace {

struct Held {
    int fd = -1;
    int count = 0;
};
std::mutex               g_mutex;
std::map<std::string, Held> g_held;   // canonical folder -> this process's hold

} // namespace

WorkspaceLock::WorkspaceLock(const std::string & dir, const std::string & what) {
    std::error_code ec;
    key_ = std::filesystem::weakly_canonical(dir, ec).string();
    if (ec || key_.empty()) key_ = dir;
    std::lock_guard<std::mutex> g(g_mutex);
    Held & h = g_held[key_];
    if (h.count > 0) {
        h.count++;
        return;
    }
    const std::string path = key_ + "/.rapidun.lock";
    const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0) {
        const std::string why = std::strerror(errno);
        g_held.erase(key_);
        fail(path, "", "cannot open the workspace lock: " + why);
    }
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        char buf[512] = {0};
        const ssize_t n = ::pread(fd, buf, sizeof buf - 1, 0);
        ::close(fd);
        g_held.erase(key_);
        std::string owner = n > 0 ? std::string(buf, size_t(n)) : std::string("another process");
        while (!owner.empty() && (owner.back() == '\n' || owner.back() == ' ')) owner.pop_back();
        fail(path, "", "in use by " + owner + "; wait for it to finish (or stop it) and run this again");
    }
    // The holder's description, for the message above: "process <pid> (<what>)".
    const std::string me = "process " + std::to_string(long(::getpid())) + " (" + what + ")\n";
    if (::ftruncate(fd, 0) != 0 || ::pwrite(fd, me.data(), me.size(), 0) < 0) {
        // The lock is held all the same; only the message for others is poorer.
    }
    h.fd = fd;
    h.count = 1;
    // Held: whatever a killed job left (temporaries, a half-written run folder) is litter now.
    remove_stale_temporaries(key_);
}

WorkspaceLock::~WorkspaceLock() {
    std::lock_guard<std::mutex> g(g_mutex);
    auto it = g_held.find(key_);
    if (it == g_held.end()) return;
    if (--it->second.count > 0) return;
    ::flock(it->second.fd, LOCK_UN);
    ::close(it->second.fd);
    g_held.erase(it);
}

} // namespace rapidun
