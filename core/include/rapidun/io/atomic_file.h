// Atomic file writes: write to "<path>.tmp-<pid>", fsync, rename over <path>. A crash leaves the
// old file or the new one, never half of either.
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

} // namespace rapidun
