# Precompiled headers. Eigen/Dense costs 2-3 s of parsing in every translation
# unit that includes it (about half of them do) and Catch2 another second in
# every test; parsed once into a .gch, either costs 0.2 s. mlm_pch builds it
# for the library folders and the tools, mlm_test_pch adds Catch2 for the unit
# tests; the targets reuse them (REUSE_FROM), so each is compiled once per
# build directory. Left out on purpose: CLI11 2.1 and nlohmann/json generate
# code in every TU that includes them, precompiled or not, so a .gch saves
# little there and would charge that code to every TU that does not need it.
set(MLM_PCH_HEADERS <Eigen/Dense> ${PROJECT_SOURCE_DIR}/lib/dense_solvers.hpp <algorithm> <cmath> <cstdint> <functional> <limits> <memory>
    <optional> <string> <string_view> <vector>)

# mlm_pch and mlm_test_pch exist either way; with MLM_PCH off they precompile nothing.
add_library(mlm_pch STATIC ${CMAKE_CURRENT_LIST_DIR}/pch.cpp)
target_link_libraries(mlm_pch PRIVATE mlm_core)
if(MLM_PCH)
  target_precompile_headers(mlm_pch PRIVATE ${MLM_PCH_HEADERS})
endif()

# mlm_use_pch(target): the shared header for a target compiled with the
# project's flags. A target with flags of its own (-ffp-contract=off changes
# the code generated from the headers' inline functions) precompiles its own.
function(mlm_use_pch target)
  cmake_parse_arguments(P "OWN" "FROM" "" ${ARGN})
  if(NOT MLM_PCH)
    return()
  elseif(P_OWN)
    target_precompile_headers(${target} PRIVATE ${MLM_PCH_HEADERS})
  else()
    if(NOT P_FROM)
      set(P_FROM mlm_pch)
    endif()
    target_precompile_headers(${target} REUSE_FROM ${P_FROM})
  endif()
endfunction()
