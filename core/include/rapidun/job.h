// How long core jobs talk to callers: a cancel token (set from any thread, polled by the worker
// between steps) and progress callbacks (called on the worker's thread).
#pragma once
#include "rapidun/error.h"

#include <atomic>

namespace rapidun {

class CancelToken {
public:
    void cancel() { flag_ = true; }
    bool cancelled() const { return flag_; }
    void throw_if_cancelled() const {
        if (flag_) throw Cancelled();
    }

private:
    std::atomic<bool> flag_{false};
};

} // namespace rapidun
