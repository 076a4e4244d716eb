// A deliberate data race in a TBB parallel loop: two iterations, on two threads, add to the same
// int without synchronisation. ThreadSanitizer must report it (the test expects the report), so
// the TSan stage is shown able to fail: the ITT collector's edges do not order sibling tasks.
#include <atomic>
#include <chrono>
#include <cstdio>
#include <thread>

#include <tbb/global_control.h>
#include <tbb/parallel_for.h>
#include <tbb/partitioner.h>
#include <tbb/task_arena.h>

int main() {
    int shared = 0;
    std::atomic<int> arrived{0};
    // Two threads even on a one-core machine.
    const tbb::global_control threads(tbb::global_control::max_allowed_parallelism, 2);
    tbb::task_arena arena(2);
    arena.execute([&] {
        tbb::parallel_for(
            0, 2,
            [&](int i) {
                // Wait (up to 10 s) until both iterations run, so they are on two threads. Relaxed:
                // the counter must not order the two writes below.
                arrived.fetch_add(1, std::memory_order_relaxed);
                const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(10);
                while (arrived.load(std::memory_order_relaxed) < 2 &&
                       std::chrono::steady_clock::now() < until) {
                    std::this_thread::yield();
                }
                shared += i + 1;  // the race
            },
            tbb::simple_partitioner{});
    });
    std::printf("shared = %d\n", shared);
    return 0;
}
