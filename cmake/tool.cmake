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
  mlm_use_pch(${name})
  # One batch per tool: its main includes CLI11, which costs seconds in every
  # batch it reaches, and the tools' parts share the json and Eigen it parses.
  mlm_unity(${name} BATCH 16)
  set_target_properties(${name} PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${PROJECT_BINARY_DIR}/bin)
  install(TARGETS ${name} RUNTIME DESTINATION bin)
  # The completion scripts, from the tool's own declarations (`--completions`),
  # and its man page under build/share, where `mlm help` finds it beside bin/.
  set(share ${PROJECT_BINARY_DIR}/share)
  set(page ${PROJECT_SOURCE_DIR}/man/${name}.1)
  add_custom_command(TARGET ${name} POST_BUILD
    COMMAND ${CMAKE_COMMAND} -E make_directory ${share}/completions/bash ${share}/completions/zsh
            ${share}/completions/fish ${share}/man/man1
    COMMAND sh -c "\"$1\" --completions bash > \"$2/bash/$3\" && \"$1\" --completions zsh > \"$2/zsh/_$3\" && \"$1\" --completions fish > \"$2/fish/$3.fish\""
            sh $<TARGET_FILE:${name}> ${share}/completions ${name}
    COMMAND sh -c "[ ! -f \"$1\" ] || cp \"$1\" \"$2\"" sh ${page} ${share}/man/man1/
    VERBATIM)
  install(FILES ${share}/completions/bash/${name} DESTINATION share/bash-completion/completions)
  install(FILES ${share}/completions/zsh/_${name} DESTINATION share/zsh/vendor-completions)
  install(FILES ${share}/completions/fish/${name}.fish DESTINATION share/fish/vendor_completions.d)
  set_property(GLOBAL APPEND PROPERTY MLM_TOOLS ${name})
endfunction()
