# Sanitizers from JOBSIM_SANITIZE ("address,undefined" or "thread"), as an interface target.
add_library(jobsim_sanitizers INTERFACE)
if(JOBSIM_SANITIZE)
  target_compile_options(jobsim_sanitizers INTERFACE
    -fsanitize=${JOBSIM_SANITIZE} -fno-omit-frame-pointer -fno-sanitize-recover=all)
  target_link_options(jobsim_sanitizers INTERFACE -fsanitize=${JOBSIM_SANITIZE})
endif()
