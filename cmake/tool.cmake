# mlm_add_tool(mlm-name MODULES info linalg ...): the executable from
# tools/mlm-name.cpp, its install rule and man page, and the standard per-tool
# tests every tool gets for free (help, version, /dev/full, unknown option,
# man page lint and coverage of every option in --help).
function(mlm_add_tool name)
  cmake_parse_arguments(T "" "" "MODULES" ${ARGN})
  if(NOT EXISTS ${CMAKE_CURRENT_SOURCE_DIR}/${name}.cpp)
    return()
  endif()
  # A tool too big for one page keeps its parts in tools/<name without mlm->/.
  string(REPLACE "mlm-" "" short ${name})
  file(GLOB parts CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/${short}/*.cpp)
  add_executable(${name} ${name}.cpp ${parts})
  target_include_directories(${name} PRIVATE ${CMAKE_CURRENT_SOURCE_DIR})
  set(libs mlm_cli)
  foreach(m IN LISTS T_MODULES)
    list(APPEND libs mlm_${m})
  endforeach()
  target_link_libraries(${name} PRIVATE ${libs})
  set_target_properties(${name} PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${PROJECT_BINARY_DIR}/bin)
  install(TARGETS ${name} RUNTIME DESTINATION bin)
  set_property(GLOBAL APPEND PROPERTY MLM_TOOLS ${name})
endfunction()
