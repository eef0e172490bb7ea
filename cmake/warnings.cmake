# One warning list for every target (fmt keeps its list in one place too).
add_library(mlm_flags INTERFACE)
target_compile_options(mlm_flags INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion-null -Wnon-virtual-dtor
  # Eigen's intrinsics trip this with g++ 12 even under -isystem (PERFORMANCE.md, lesson 4).
  -Wno-maybe-uninitialized
  # g++ 12's false positive on std::string::resize inlined from libstdc++
  # (GCC PR 105329); headers restored from a precompiled header (cmake/pch.cmake)
  # lose the system-header status that hid it.
  -Wno-stringop-overflow
  ${MLM_ARCH_FLAGS})
if(MLM_WERROR)
  target_compile_options(mlm_flags INTERFACE -Werror)
endif()
if(MLM_SANITIZE)
  target_compile_options(mlm_flags INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  target_link_options(mlm_flags INTERFACE -fsanitize=address,undefined)
endif()
