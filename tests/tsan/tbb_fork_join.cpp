// Correct fork/join patterns with TBB, as jobsim uses them: run under ThreadSanitizer with the
// ITT collector (itt_to_tsan.cpp), none may be reported. Without the collector every one is: the
// caller's writes before a loop race with the body's reads, and the body's writes with the
// caller's reads after the loop. Each pattern also checks its result, so it did run in parallel
// code paths and not vacuously.
#include <cstdint>
#include <cstdio>
#include <numeric>
#include <vector>

#include <tbb/blocked_range.h>
#include <tbb/enumerable_thread_specific.h>
#include <tbb/parallel_for.h>
#include <tbb/parallel_invoke.h>
#include <tbb/parallel_sort.h>
#include <tbb/task_arena.h>
#include <tbb/task_group.h>

namespace {

int failures = 0;

void expect(bool condition, const char* what) {
    if (!condition) {
        std::fprintf(stderr, "tbb_fork_join: %s failed\n", what);
        ++failures;
    }
}

// The caller writes, the body reads and writes its own index, the caller reads after the loop.
void parallel_for_per_index(std::vector<std::uint64_t>& input) {
    std::iota(input.begin(), input.end(), std::uint64_t{1});
    std::vector<std::uint64_t> output(input.size());
    tbb::parallel_for(tbb::blocked_range<std::size_t>(0, input.size(), 64),
                      [&](const tbb::blocked_range<std::size_t>& range) {
                          for (std::size_t i = range.begin(); i != range.end(); ++i) {
                              output[i] = input[i] * 3;
                          }
                      });
    const std::uint64_t n = input.size();
    expect(std::accumulate(output.begin(), output.end(), std::uint64_t{0}) == 3 * n * (n + 1) / 2,
           "parallel_for");
    input.assign(input.size(), 0);  // the caller writes again what the body read
}

void parallel_sort_then_read() {
    std::vector<std::uint32_t> values(50000);
    for (std::size_t i = 0; i < values.size(); ++i) {
        values[i] = static_cast<std::uint32_t>((i * 2654435761U) % 100003U);
    }
    tbb::parallel_sort(values.begin(), values.end());
    bool sorted = true;
    for (std::size_t i = 1; i < values.size(); ++i) {
        sorted = sorted && values[i - 1] <= values[i];
    }
    expect(sorted, "parallel_sort");
}

void thread_specific_combine() {
    tbb::enumerable_thread_specific<std::uint64_t> partial(0);
    tbb::parallel_for(std::uint64_t{1}, std::uint64_t{20001},
                      [&](std::uint64_t i) { partial.local() += i; });
    expect(partial.combine([](std::uint64_t a, std::uint64_t b) { return a + b; }) ==
               20000ULL * 20001ULL / 2,
           "enumerable_thread_specific combine");
}

void task_group_wait() {
    std::vector<int> parts(8, 0);
    tbb::task_group group;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        group.run([&parts, i] { parts[i] = static_cast<int>(i) + 1; });
    }
    group.wait();
    expect(std::accumulate(parts.begin(), parts.end(), 0) == 36, "task_group wait");
}

void invoke_in_arena() {
    int left = 0;
    int right = 0;
    tbb::task_arena arena(2);
    arena.execute([&] { tbb::parallel_invoke([&] { left = 1; }, [&] { right = 2; }); });
    expect(left + right == 3, "task_arena + parallel_invoke");
}

}  // namespace

int main() {
    std::vector<std::uint64_t> input(100000);
    // Several rounds, so that tasks and threads are reused across loops.
    for (int round = 0; round < 10; ++round) {
        parallel_for_per_index(input);
        parallel_sort_then_read();
        thread_specific_combine();
        task_group_wait();
        invoke_in_arena();
    }
    return failures == 0 ? 0 : 1;
}
