// A small pool for the artifact store: runs task(i) for i in [0, count) on up to `threads`
// std::jthreads, stopping at the first failure. The calling thread calls `tick` about every
// 200 ms meanwhile (progress on a terminal).
#pragma once

#include "engine/core/result.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace cairn::artifacts {

inline unsigned defaultThreads()
{
    return std::max(1u, std::min(16u, std::thread::hardware_concurrency()));
}

inline Status parallelFor(std::size_t count, unsigned threads, const std::function<Status(std::size_t)>& task,
                          const std::function<void()>& tick = {})
{
    if (count == 0)
        return Ok{};
    std::atomic<std::size_t> next{0};
    std::atomic<bool> failed{false};
    std::mutex mutex;
    std::condition_variable done;
    std::size_t running = 0;
    std::optional<std::pair<std::size_t, Error>> firstError;  // the lowest index that failed
    const unsigned n = static_cast<unsigned>(std::max<std::size_t>(1, std::min<std::size_t>(threads ? threads : 1, count)));
    {
        std::vector<std::jthread> pool;
        running = n;
        for (unsigned t = 0; t < n; ++t) {
            pool.emplace_back([&] {
                for (std::size_t i; !failed && (i = next.fetch_add(1)) < count;) {
                    Status s = task(i);
                    if (!s) {
                        std::lock_guard lock(mutex);
                        if (!firstError || i < firstError->first)
                            firstError.emplace(i, s.error());
                        failed = true;
                    }
                }
                std::lock_guard lock(mutex);
                if (--running == 0)
                    done.notify_all();
            });
        }
        std::unique_lock lock(mutex);
        while (running > 0) {
            if (!done.wait_for(lock, std::chrono::milliseconds(200), [&] { return running == 0; }) && tick) {
                lock.unlock();
                tick();
                lock.lock();
            }
        }
    }
    if (firstError)
        return firstError->second;
    return Ok{};
}

} // namespace cairn::artifacts
