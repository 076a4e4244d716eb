# Sanitizers from JOBSIM_SANITIZE ("address,undefined" or "thread"), as an interface target.
add_library(jobsim_sanitizers INTERFACE)
if(JOBSIM_SANITIZE)
  target_compile_options(jobsim_sanitizers INTERFACE
    -fsanitize=${JOBSIM_SANITIZE} -fno-omit-frame-pointer -fno-sanitize-recover=all)
  target_link_options(jobsim_sanitizers INTERFACE -fsanitize=${JOBSIM_SANITIZE})
endif()
# ThreadSanitizer: TBB's headers notify its fork and join through ITT (TBB's supported setting
# for threading tools), which tests/tsan/itt_to_tsan.cpp turns into TSan's happens-before.
# GCC 12's TSan instrumentation also makes -Wnull-dereference report a null std::string inside
# CLI11's split (app/bench_command.cpp), a path that cannot be taken; the other builds keep it.
if(JOBSIM_SANITIZE MATCHES "thread")
  target_compile_definitions(jobsim_sanitizers INTERFACE TBB_USE_PROFILING_TOOLS=2)
  target_compile_options(jobsim_sanitizers INTERFACE -Wno-null-dereference)
endif()
