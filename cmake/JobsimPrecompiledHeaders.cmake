# Precompiled headers: the standard, TBB and Boost.Random headers that most of the project's files
# include, parsed once per target instead of once per file (about two thirds of a file's compile
# time is these headers; CI builds the project three times: plain, ASan+UBSan and TSan).
# Only third-party headers: editing a project header rebuilds what includes it, not everything.
# Targets opt in by linking jobsim_pch (and test targets jobsim_test_pch) PRIVATE.
# ccache caches these compiles only with sloppiness=pch_defines,time_macros (see README).
option(JOBSIM_PCH "Precompile the common third-party headers (faster builds)" ON)

add_library(jobsim_pch INTERFACE)
add_library(jobsim_test_pch INTERFACE)
if(JOBSIM_PCH)
  set(jobsim_common_headers
      <algorithm> <array> <atomic> <cmath> <cstddef> <cstdint> <functional> <limits> <map>
      <memory> <optional> <span> <sstream> <stdexcept> <string> <string_view> <utility> <vector>
      <tbb/blocked_range.h> <tbb/enumerable_thread_specific.h> <tbb/parallel_for.h>
      <tbb/task_arena.h> <boost/random/normal_distribution.hpp>)
  target_precompile_headers(jobsim_pch INTERFACE ${jobsim_common_headers})
  target_precompile_headers(jobsim_test_pch INTERFACE ${jobsim_common_headers}
                            <catch2/catch.hpp>)
endif()
