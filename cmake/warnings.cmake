# One warning list for every target (fmt keeps its list in one place too).
add_library(mlm_flags INTERFACE)
target_compile_options(mlm_flags INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion-null -Wnon-virtual-dtor
  # Eigen's intrinsics trip this with g++ 12 even under -isystem (PERFORMANCE.md, lesson 4).
  -Wno-maybe-uninitialized
  ${MLM_ARCH_FLAGS})
if(MLM_WERROR)
  target_compile_options(mlm_flags INTERFACE -Werror)
endif()
if(MLM_SANITIZE)
  target_compile_options(mlm_flags INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  target_link_options(mlm_flags INTERFACE -fsanitize=address,undefined)
endif()
