// JOBSIM_CHECK: an invariant with a message, raised as RunError. Compiled in when JOBSIM_CHECKS is
// on.
#pragma once

#include "sim/core/error.hpp"
#include "sim/core/message.hpp"

#ifdef JOBSIM_CHECKS
#    define JOBSIM_CHECK(condition, ...)                                                        \
        do {                                                                                    \
            if (!(condition)) {                                                                 \
                throw ::jobsim::RunError(                                                       \
                    ::jobsim::message("internal check failed: " #condition ": ", __VA_ARGS__)); \
            }                                                                                   \
        } while (false)
#else
#    define JOBSIM_CHECK(condition, ...) \
        do {                             \
        } while (false)
#endif
