# Pick the instruction set: x86-64-v3 (AVX2+FMA) when both compiler and CPU
# have it, since Eigen's linear algebra is 1.6x faster there (PERFORMANCE.md).
include(CheckCXXCompilerFlag)
include(CheckCXXSourceRuns)

set(MLM_ARCH_FLAGS "")
if(MLM_ARCH STREQUAL "native")
  set(MLM_ARCH_FLAGS -march=native)
elseif(MLM_ARCH STREQUAL "x86-64-v3")
  set(MLM_ARCH_FLAGS -march=x86-64-v3)
elseif(MLM_ARCH STREQUAL "auto")
  check_cxx_compiler_flag(-march=x86-64-v3 MLM_HAS_V3_FLAG)
  if(MLM_HAS_V3_FLAG)
    set(CMAKE_REQUIRED_FLAGS -march=x86-64-v3)
    check_cxx_source_runs([=[
      int main() {
        __builtin_cpu_init();
        return (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")
                && __builtin_cpu_supports("bmi2")) ? 0 : 1;
      }]=] MLM_CPU_HAS_V3)
    unset(CMAKE_REQUIRED_FLAGS)
    if(MLM_CPU_HAS_V3)
      set(MLM_ARCH_FLAGS -march=x86-64-v3)
    endif()
  endif()
elseif(NOT MLM_ARCH STREQUAL "portable")
  message(FATAL_ERROR "MLM_ARCH must be auto, native, portable or x86-64-v3, not '${MLM_ARCH}'")
endif()
message(STATUS "mlm: architecture flags: ${MLM_ARCH_FLAGS}")
