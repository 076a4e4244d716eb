# Warnings as an interface target that every jobsim target links PRIVATE.
add_library(jobsim_warnings INTERFACE)
target_compile_options(jobsim_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion -Wnon-virtual-dtor
  -Wold-style-cast -Woverloaded-virtual -Wnull-dereference)
# GCC 12 reports false -Wrestrict overlaps inside std::string at -O2/-O3 (GCC bug 105329).
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
  target_compile_options(jobsim_warnings INTERFACE -Wno-restrict)
endif()
if(JOBSIM_WERROR)
  target_compile_options(jobsim_warnings INTERFACE -Werror)
endif()
