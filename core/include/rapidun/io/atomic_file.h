// Atomic file writes: write to "<path>.tmp-<pid>-<n>", fsync, rename over <path>. A crash leaves the
// old file or the new one, never half of either (and, after kill -9, the temporary: see
// remove_stale_temporaries).
#pragma once
#include <cstddef>
#include <string>

namespace rapidun {

void write_file_atomic(const std::string & path, const void * data, size_t n_bytes);
void write_file_atomic(const std::string & path, const std::string & text);
std::string read_file_text(const std::string & path);   // throws Error naming the file
bool file_exists(const std::string & path);
bool is_directory(const std::string & path);
void make_directories(const std::string & path);        // mkdir -p

// What a killed process leaves under `dir` (recursively): the atomic writer's "<name>.tmp-<pid>-<n>"
// files and staging folders "<name>.partial-<pid>" (a run being written), removed where process
// <pid> no longer exists, so a live writer's are never touched. Returns how many it removed. Called
// when a workspace lock is taken; errors are ignored (best effort: the files are litter, not state).
// recursive = false: `dir`'s own entries only (a folder of the user's, such as a report's, is not
// walked).
int remove_stale_temporaries(const std::string & dir, bool recursive = true);
// "<name>.partial-<this pid>": a folder to write a result into and rename into place when complete.
std::string staging_name(const std::string & path);

} // namespace rapidun
