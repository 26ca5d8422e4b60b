# Turns shader files into a C++ header of string constants, so the app carries its shaders.
#   cmake -DOUT=header.h -DFILES="a.vert;b.frag" -P embed_shaders.cmake
set(text "// Generated from shaders/ by cmake/embed_shaders.cmake. Do not edit.\n#pragma once\nnamespace nhsx::shaders {\n")
foreach(f ${FILES})
  get_filename_component(name ${f} NAME)
  string(REPLACE "." "_" name ${name})
  file(READ ${f} body)
  string(APPEND text "inline constexpr const char* ${name} = R\"glsl(${body})glsl\";\n")
endforeach()
string(APPEND text "}  // namespace nhsx::shaders\n")
file(WRITE ${OUT}.tmp "${text}")
execute_process(COMMAND ${CMAKE_COMMAND} -E copy_if_different ${OUT}.tmp ${OUT})
