// Shared by the fuzz targets: the readers take paths, so each input is written to a file of this
// process's own (in /dev/shm where there is one) and read back through the real reader. A reader
// may refuse an input only with rapidun::Error (the project's "file: place: what" message); any other
// exception escapes to libFuzzer, which reports it as a crash, as it does for a fault or a leak.
#pragma once
#include "rapidun/io/safetensors.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include <unistd.h>

namespace fuzz {

inline std::string scratch_dir() {
    static const std::string dir = [] {
        const char * base = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
        std::string d = std::string(base) + "/rapidun-fuzz-" + std::to_string(long(getpid()));
        std::string cmd = "mkdir -p '" + d + "'";
        if (std::system(cmd.c_str()) != 0) std::abort();
        return d;
    }();
    return dir;
}

// Writes the input to scratch_dir()/name and returns the path.
inline std::string put(const std::string & name, const uint8_t * data, size_t size) {
    const std::string path = scratch_dir() + "/" + name;
    FILE * f = std::fopen(path.c_str(), "wb");
    if (!f) std::abort();
    if (size && std::fwrite(data, 1, size, f) != size) std::abort();
    std::fclose(f);
    return path;
}

// Reads the first and last byte of every tensor, so that a byte range the reader accepted but that
// lies outside the file faults here (ASan) instead of later in a user's run.
inline void touch(const rapidun::TensorMap & tensors) {
    volatile uint8_t sum = 0;
    for (const auto & [name, t] : tensors)
        if (t.n_bytes) sum = uint8_t(sum + t.data[0] + t.data[t.n_bytes - 1]);
}

} // namespace fuzz
