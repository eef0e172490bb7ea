# Unity builds: each target's sources compiled a few at a time as one
# translation unit, so the headers every file includes (Eigen, the standard
# library, nlohmann/json, CLI11's inline code) are parsed and their inline
# functions compiled once per batch instead of once per file. -DMLM_UNITY=OFF
# compiles file by file again (to check a file on its own, or bisect an error).
#
# The batches are small on purpose: a build on 2 cores wants many mid-sized
# translation units, not one per target that the other core waits for.
# A file whose file-local names clash with another's in the same target stays
# out of the batches: mlm_unity_skip(file ...).
# On by default since the whole build, its ctest and the sanitizer build's passed
# as batches: it cut the tools' compile from 8 min 10 s to 6 min 23 s of CPU
# (4 min 33 s to 3 min 35 s on 2 cores), most of it parsing shared once.
option(MLM_UNITY "Unity builds (cmake/unity.cmake): sources compiled in batches" ON)
set(MLM_UNITY_BATCH 6 CACHE STRING "Default number of source files per unity translation unit")

# GCC takes a .cpp included into a batch for a header, and warns of a class
# with a member of a file-local type (io/byte_stream.cpp's Impl) as it would in one.
if(MLM_UNITY)
  target_compile_options(mlm_flags INTERFACE -Wno-subobject-linkage)
endif()

# mlm_unity(target [BATCH n]): compile target's sources in batches of n.
function(mlm_unity target)
  cmake_parse_arguments(U "" "BATCH" "" ${ARGN})
  if(NOT MLM_UNITY)
    return()
  endif()
  if(NOT U_BATCH)
    set(U_BATCH ${MLM_UNITY_BATCH})
  endif()
  set_target_properties(${target} PROPERTIES UNITY_BUILD ON UNITY_BUILD_BATCH_SIZE ${U_BATCH})
endfunction()

# mlm_unity_skip(file ...): files compiled alone, outside the batches (paths
# relative to the calling CMakeLists.txt, which must define their target).
function(mlm_unity_skip)
  set_source_files_properties(${ARGN} PROPERTIES SKIP_UNITY_BUILD_INCLUSION ON)
endfunction()
