// An ITT "collector" that turns oneTBB's synchronisation notifications into ThreadSanitizer
// happens-before edges (built and used only in a JOBSIM_SANITIZE=thread build).
//
// Debian's libtbb.so.12 is not built with ThreadSanitizer, so TSan cannot see the atomics with
// which TBB hands a task to another thread (spawn and steal) or tells the waiting thread that all
// tasks are done (the join). It is built with ITT notifications, the interface through which
// Intel's threading tools learn about that synchronisation: TBB's static ITT part loads the shared
// library named by INTEL_LIBITTNOTIFY64 and looks up the __itt_* functions in it by name (a library
// exporting __itt_api_version gets every function of the groups in INTEL_ITTNOTIFY_GROUPS, so
// "sync"). With TBB_USE_PROFILING_TOOLS=2 (cmake/JobsimSanitizers.cmake) TBB's headers notify too:
//   releasing(task) before a spawn; the library notifies acquired(task) where a thread takes it;
//   releasing(wait_context) when a task finishes; acquired(wait_context) after the wait returns.
// Mapping releasing to __tsan_release and acquired to __tsan_acquire on the same address gives
// TSan exactly those edges: a parallel loop's body sees what the caller wrote before the loop, and
// the caller sees what the body wrote after the loop returns. Nothing here hides a report.
#include <sanitizer/tsan_interface.h>

#define JOBSIM_ITT_EXPORT extern "C" __attribute__((visibility("default")))

// Its presence tells the loader this collector takes the lookup-by-name protocol.
JOBSIM_ITT_EXPORT const char* __itt_api_version() {
    return "jobsim itt_to_tsan";
}

// A thread is about to publish what it wrote (unlock, spawn, a finished task's release).
JOBSIM_ITT_EXPORT void __itt_sync_releasing(void* address) {
    __tsan_release(address);
}

// A thread has seen what another published on the same address (lock, steal, a finished wait).
JOBSIM_ITT_EXPORT void __itt_sync_acquired(void* address) {
    __tsan_acquire(address);
}

// The rest of the sync group carries no ordering: waiting started or gave up, names, lifetimes.
JOBSIM_ITT_EXPORT void __itt_sync_prepare(void* /*address*/) {}
JOBSIM_ITT_EXPORT void __itt_sync_cancel(void* /*address*/) {}
JOBSIM_ITT_EXPORT void __itt_sync_destroy(void* /*address*/) {}
JOBSIM_ITT_EXPORT void __itt_sync_create(void* /*address*/, const char* /*type*/,
                                         const char* /*name*/, int /*attributes*/) {}
JOBSIM_ITT_EXPORT void __itt_sync_rename(void* /*address*/, const char* /*name*/) {}
