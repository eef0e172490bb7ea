# One warning list for every target (fmt keeps its list in one place too).
add_library(mlm_flags INTERFACE)
target_compile_options(mlm_flags INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion-null -Wnon-virtual-dtor
  # Eigen's intrinsics trip this with g++ 12 even under -isystem (PERFORMANCE.md, lesson 4).
  -Wno-maybe-uninitialized
  ${MLM_ARCH_FLAGS})
# A precompiled header does not keep the `#pragma GCC diagnostic` lines of the
# headers in it (GCC PR 64117), and libstdc++ 12's char_traits.h silences these
# three there: its own false positives on std::string (GCC PR 105329) would
# surface in our code. -DMLM_PCH=OFF builds without both.
if(MLM_PCH)
  target_compile_options(mlm_flags INTERFACE -Wno-array-bounds -Wno-stringop-overflow -Wno-stringop-overread)
endif()
if(MLM_WERROR)
  target_compile_options(mlm_flags INTERFACE -Werror)
endif()
if(MLM_SANITIZE)
  target_compile_options(mlm_flags INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  # Position-dependent executables: a sanitized PIE carries some 280,000
  # relocations that every process applies as it starts (39 ms a run against
  # 22 ms), and the test suites start thousands of them.
  target_link_options(mlm_flags INTERFACE -fsanitize=address,undefined -no-pie)
endif()
