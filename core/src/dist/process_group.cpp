// ProcessGroup (process_group.h) on c10d: TCPStore + ProcessGroupGloo, or ProcessGroupNCCL where the
// build has it (LibTorch 2.x with CUDA: RAPIDUN_C10D_NCCL) and the job runs on GPUs.
#include "rapidun/dist/process_group.h"

#include "rapidun/error.h"
#include "rapidun/model/device.h"

#include <torch/csrc/distributed/c10d/ProcessGroupGloo.hpp>
#include <torch/csrc/distributed/c10d/TCPStore.hpp>
#ifdef RAPIDUN_C10D_NCCL
#include <torch/csrc/distributed/c10d/PrefixStore.hpp>
#include <torch/csrc/distributed/c10d/ProcessGroupNCCL.hpp>
#endif
#include <torch/torch.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>

namespace rapidun {

struct ProcessGroup::Impl {
    GroupEnv                                   env;
    c10::intrusive_ptr<c10d::TCPStore>         store;
    c10::intrusive_ptr<c10d::ProcessGroupGloo> pg;     // Gloo: host tensors
#ifdef RAPIDUN_C10D_NCCL
    c10::intrusive_ptr<c10d::ProcessGroupNCCL> nccl;   // when set, collectives run on it, on `dev`
#endif
    torch::Device dev{torch::kCPU};

    // The tensors a collective works on: the host's for Gloo, copies on the GPU for NCCL (and back).
    at::Tensor on_backend(const at::Tensor & host) const { return host.to(dev); }
    static void back(at::Tensor & host, const at::Tensor & used) {
        if (!used.is_same(host)) host.copy_(used);
    }
    c10::intrusive_ptr<c10d::Work> allgather(std::vector<std::vector<at::Tensor>> & out, std::vector<at::Tensor> & in) {
#ifdef RAPIDUN_C10D_NCCL
        if (nccl) return nccl->allgather(out, in);
#endif
        return pg->allgather(out, in);
    }
    c10::intrusive_ptr<c10d::Work> broadcast(std::vector<at::Tensor> & t, const c10d::BroadcastOptions & o) {
#ifdef RAPIDUN_C10D_NCCL
        if (nccl) return nccl->broadcast(t, o);
#endif
        return pg->broadcast(t, o);
    }
    c10::intrusive_ptr<c10d::Work> allreduce(std::vector<at::Tensor> & t, const c10d::AllreduceOptions & o) {
#ifdef RAPIDUN_C10D_NCCL
        if (nccl) return nccl->allreduce(t, o);
#endif
        return pg->allreduce(t, o);
    }
    c10::intrusive_ptr<c10d::Work> barrier() {
#ifdef RAPIDUN_C10D_NCCL
        if (nccl) return nccl->barrier();
#endif
        return pg->barrier();
    }
    // One collective over host tensors: moved to the backend's device, run, waited for, copied back.
    template <class Run>
    void collective(std::vector<std::vector<at::Tensor> *> lists, const char * what, Run && run) {
        std::vector<std::vector<at::Tensor>> used;
        for (auto * l : lists) {
            used.emplace_back();
            for (auto & t : *l) used.back().push_back(on_backend(t));
        }
        wait(run(used), what);
        for (size_t i = 0; i < lists.size(); i++)
            for (size_t k = 0; k < lists[i]->size(); k++) back((*lists[i])[k], used[i][k]);
    }

    // Waits for a collective; c10d's and Gloo's failures become one message that names the rank.
    void wait(const c10::intrusive_ptr<c10d::Work> & work, const char * what) const {
        try {
            work->wait();
        } catch (const std::exception & e) {
            std::string why = e.what();
            if (const size_t nl = why.find('\n'); nl != std::string::npos) why = why.substr(0, nl);
            throw Error("rank " + std::to_string(env.rank) + " of " + std::to_string(env.world) + ": " + what +
                        " failed, another rank stopped or cannot be reached (" + why +
                        "); what was finished is kept: run the same command again to resume");
        }
    }
};

namespace {

int env_int(const char * name, bool required, int fallback) {
    const char * v = std::getenv(name);
    if (!v || !*v) {
        if (required) throw Error(std::string(name) + " is not set (WORLD_SIZE > 1 needs MASTER_ADDR, MASTER_PORT, RANK)");
        return fallback;
    }
    char * end = nullptr;
    const long n = std::strtol(v, &end, 10);
    if (*end != '\0' || n < 0 || n > 1 << 20) throw Error(std::string(name) + "='" + v + "' is not a whole number");
    return int(n);
}

} // namespace

std::optional<GroupEnv> ProcessGroup::env_from_environment() {
    GroupEnv e;
    e.world = env_int("WORLD_SIZE", false, 1);
    if (e.world <= 1) return std::nullopt;
    e.rank = env_int("RANK", true, 0);
    e.port = env_int("MASTER_PORT", true, 0);
    const char * addr = std::getenv("MASTER_ADDR");
    if (!addr || !*addr) throw Error("MASTER_ADDR is not set (WORLD_SIZE > 1 needs MASTER_ADDR, MASTER_PORT, RANK)");
    e.addr = addr;
    if (e.rank >= e.world) throw Error("RANK=" + std::to_string(e.rank) + " is not below WORLD_SIZE=" + std::to_string(e.world));
    if (e.port <= 0 || e.port > 65535) throw Error("MASTER_PORT=" + std::to_string(e.port) + " is not a port (1-65535)");
    e.local_rank = env_int("LOCAL_RANK", false, e.rank);
    return e;
}

std::unique_ptr<ProcessGroup> ProcessGroup::connect(const GroupEnv & env, std::chrono::milliseconds timeout) {
    auto impl = std::make_unique<Impl>();
    impl->env = env;
    const std::string where = env.addr + ":" + std::to_string(env.port);
    try {
        c10d::TCPStoreOptions so;
        so.port = uint16_t(env.port);
        so.isServer = env.rank == 0;
        so.numWorkers = size_t(env.world);
        so.waitWorkers = true;
        so.timeout = timeout;
        impl->store = c10::make_intrusive<c10d::TCPStore>(env.addr, so);
        auto opts = c10d::ProcessGroupGloo::Options::create(timeout);
        if (const char * ifname = std::getenv("GLOO_SOCKET_IFNAME"); ifname && *ifname)
            opts->devices.push_back(c10d::ProcessGroupGloo::createDeviceForInterface(ifname));
        else if (env.addr == "127.0.0.1" || env.addr == "localhost" || env.addr == "::1")
            opts->devices.push_back(c10d::ProcessGroupGloo::createDeviceForHostname(env.addr));
        else
            opts->devices.push_back(c10d::ProcessGroupGloo::createDefaultDevice());
        opts->threads = 1;   // the collectives move sketches, not compute: one thread is plenty
        impl->pg = c10::make_intrusive<c10d::ProcessGroupGloo>(impl->store, env.rank, env.world, opts);
        const Device device = resolve_device(Device{});   // where this rank's model runs (LOCAL_RANK's GPU)
        const char * backend = std::getenv("RAPIDUN_DIST_BACKEND");   // gloo | nccl; default: nccl on GPUs
        const bool want_nccl = backend && *backend ? std::string(backend) == "nccl" : device.kind == Device::Kind::Cuda;
        if (backend && *backend && std::string(backend) != "nccl" && std::string(backend) != "gloo")
            throw Error(std::string("RAPIDUN_DIST_BACKEND='") + backend + "': expected gloo or nccl");
        if (want_nccl) {
#ifdef RAPIDUN_C10D_NCCL
            if (device.kind != Device::Kind::Cuda) throw Error("the NCCL backend needs a GPU (--device cuda)");
            impl->dev  = torch::Device(torch::kCUDA, int8_t(device.index));
            // A prefix of its own in the store: Gloo's rendezvous keys stay apart from NCCL's.
            auto prefixed = c10::make_intrusive<c10d::PrefixStore>("nccl", impl->store);
            impl->nccl = c10::make_intrusive<c10d::ProcessGroupNCCL>(prefixed, env.rank, env.world,
                                                                     c10d::ProcessGroupNCCL::Options::create());
#else
            throw Error("this build has no NCCL (LibTorch " TORCH_VERSION "): set RAPIDUN_DIST_BACKEND=gloo");
#endif
        }
    } catch (const std::exception & e) {
        std::string why = e.what();
        if (const size_t nl = why.find('\n'); nl != std::string::npos) why = why.substr(0, nl);
        throw Error("rank " + std::to_string(env.rank) + " of " + std::to_string(env.world) + ": cannot join the group at " +
                    where + " (" + why + ")");
    }
    return std::unique_ptr<ProcessGroup>(new ProcessGroup(std::move(impl)));
}

ProcessGroup::ProcessGroup(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
ProcessGroup::~ProcessGroup() = default;

int ProcessGroup::rank() const { return impl_->env.rank; }
int ProcessGroup::world() const { return impl_->env.world; }

void ProcessGroup::barrier() { impl_->wait(impl_->barrier(), "the barrier"); }

void ProcessGroup::broadcast(std::vector<int64_t> & v, int root) {
    c10d::BroadcastOptions o;
    o.rootRank = root;
    std::vector<at::Tensor> n{torch::tensor({int64_t(v.size())}, torch::kInt64)};
    impl_->collective({&n}, "broadcast", [&](auto & u) { return impl_->broadcast(u[0], o); });
    const int64_t size = n[0].item<int64_t>();
    if (rank() != root) v.assign(size_t(size), 0);
    if (size == 0) return;
    std::vector<at::Tensor> t{torch::from_blob(v.data(), {size}, torch::kInt64)};
    impl_->collective({&t}, "broadcast", [&](auto & u) { return impl_->broadcast(u[0], o); });
}

std::vector<std::vector<float>> ProcessGroup::all_gather(const std::vector<float> & mine, int64_t floats) {
    if (int64_t(mine.size()) != floats) throw Error("internal: all_gather of " + std::to_string(mine.size()) + " floats, not " + std::to_string(floats));
    std::vector<std::vector<float>> out(static_cast<size_t>(world()), std::vector<float>(static_cast<size_t>(floats)));
    std::vector<at::Tensor> in{torch::from_blob(const_cast<float *>(mine.data()), {floats}, torch::kFloat32)};
    std::vector<std::vector<at::Tensor>> outs(1);
    for (auto & o : out) outs[0].push_back(torch::from_blob(o.data(), {floats}, torch::kFloat32));
    impl_->collective({&outs[0], &in}, "all-gather", [&](auto & u) {
        std::vector<std::vector<at::Tensor>> o{u[0]};
        auto w = impl_->allgather(o, u[1]);
        u[0] = o[0];
        return w;
    });
    return out;
}

std::vector<std::string> ProcessGroup::all_gather_bytes(const std::string & mine) {
    // Lengths first, then the payloads padded to the longest.
    std::vector<at::Tensor> len_in{torch::tensor({int64_t(mine.size())}, torch::kInt64)};
    std::vector<std::vector<at::Tensor>> len_out(1);
    for (int r = 0; r < world(); r++) len_out[0].push_back(torch::zeros({1}, torch::kInt64));
    impl_->collective({&len_out[0], &len_in}, "all-gather", [&](auto & u) {
        std::vector<std::vector<at::Tensor>> o{u[0]};
        auto w = impl_->allgather(o, u[1]);
        u[0] = o[0];
        return w;
    });
    int64_t longest = 1;
    for (const at::Tensor & t : len_out[0]) longest = std::max(longest, t.item<int64_t>());
    at::Tensor in = torch::zeros({longest}, torch::kUInt8);
    std::memcpy(in.data_ptr<uint8_t>(), mine.data(), mine.size());
    std::vector<at::Tensor> ins{in};
    std::vector<std::vector<at::Tensor>> outs(1);
    for (int r = 0; r < world(); r++) outs[0].push_back(torch::zeros({longest}, torch::kUInt8));
    impl_->collective({&outs[0], &ins}, "all-gather", [&](auto & u) {
        std::vector<std::vector<at::Tensor>> o{u[0]};
        auto w = impl_->allgather(o, u[1]);
        u[0] = o[0];
        return w;
    });
    std::vector<std::string> result;
    for (int r = 0; r < world(); r++)
        result.emplace_back(reinterpret_cast<const char *>(outs[0][size_t(r)].data_ptr<uint8_t>()),
                            size_t(len_out[0][size_t(r)].item<int64_t>()));
    return result;
}

int64_t ProcessGroup::all_max(int64_t v) {
    std::vector<at::Tensor> t{torch::tensor({v}, torch::kInt64)};
    c10d::AllreduceOptions o;
    o.reduceOp = c10d::ReduceOp::MAX;
    impl_->collective({&t}, "all-reduce", [&](auto & u) { return impl_->allreduce(u[0], o); });
    return t[0].item<int64_t>();
}

} // namespace rapidun
