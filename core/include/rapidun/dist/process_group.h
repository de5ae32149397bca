// A process of a group started the torchrun way, for sharding rows over processes: MASTER_ADDR,
// MASTER_PORT, RANK, WORLD_SIZE. c10d underneath (torch-free header): a TCPStore that rank 0 serves
// and ProcessGroupGloo on the CPU. A collective that fails (a rank killed, a peer unreachable, a
// timeout) throws Error naming this rank and saying what to do; it never hangs past the timeout.
#pragma once
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace rapidun {

struct GroupEnv {
    std::string addr;          // MASTER_ADDR
    int         port = 0;      // MASTER_PORT
    int         rank = 0;      // RANK, 0 <= rank < world
    int         world = 1;     // WORLD_SIZE
    int         local_rank = 0;   // LOCAL_RANK (torchrun's, the GPU of this rank on its machine); default RANK
};

class ProcessGroup {
public:
    // The group the environment describes; nullopt when WORLD_SIZE is unset or 1. Throws Error naming
    // the variable when one is missing or malformed.
    static std::optional<GroupEnv> env_from_environment();
    // Joins the group (rank 0 serves the store); waits up to `timeout` for the others to join, and
    // each later collective up to `timeout` too. Gloo binds to GLOO_SOCKET_IFNAME when it is set, to
    // the loopback interface when MASTER_ADDR is a loopback address, else to this host's name.
    static std::unique_ptr<ProcessGroup> connect(const GroupEnv & env,
                                                 std::chrono::milliseconds timeout = std::chrono::seconds(120));
    ~ProcessGroup();

    int rank() const;
    int world() const;

    void barrier();
    // v on every rank becomes rank `root`'s (its size included).
    void broadcast(std::vector<int64_t> & v, int root = 0);
    // Every rank's `mine` (each exactly `floats` long) to every rank, in rank order.
    std::vector<std::vector<float>> all_gather(const std::vector<float> & mine, int64_t floats);
    // Every rank's bytes (any length) to every rank, in rank order.
    std::vector<std::string> all_gather_bytes(const std::string & mine);
    // The largest v over the ranks.
    int64_t all_max(int64_t v);

private:
    struct Impl;
    explicit ProcessGroup(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

} // namespace rapidun
