// One process at a time on a workspace's long jobs (influence, unlearning, the pipeline): two
// processes writing one sketch cache or one run folder would interleave their files.
#pragma once
#include <string>

namespace rapidun {

// Holds <dir>/.rapidun.lock (an flock, so a killed holder releases it with its last file descriptor)
// for this process; the file names the holder (pid and what it runs) for the message another process
// gets. Shared by every thread of the process (a count per folder): the studio's jobs run side by
// side, and a pipeline's influence step takes it again inside the pipeline. Throws Error
// "<dir>/.rapidun.lock: in use by process <pid> (<what>) ..." when another process holds it.
// Taking it removes what killed processes left in the workspace (remove_stale_temporaries).
class WorkspaceLock {
public:
    WorkspaceLock(const std::string & dir, const std::string & what);
    ~WorkspaceLock();
    WorkspaceLock(const WorkspaceLock &) = delete;
    WorkspaceLock & operator=(const WorkspaceLock &) = delete;

private:
    std::string key_;
};

} // namespace rapidun
