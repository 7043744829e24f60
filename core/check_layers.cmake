# cmake -DCORE_DIR=<core folder> -DTABLE=<core_layers.txt> -P check_layers.cmake
#
# Holds every #include "core/X/..." in CORE_DIR's .h and .cpp files to the layer table that
# core/CMakeLists.txt writes (one row per layer: "name: every layer it may include"). Fails,
# naming each file and line, when a folder includes a layer above it or beside it, includes a
# folder that is no layer, or when a folder of CORE_DIR is not a layer at all (its files would
# be checked against nothing).

cmake_minimum_required(VERSION 3.25)

if(NOT CORE_DIR OR NOT TABLE)
  message(FATAL_ERROR "usage: cmake -DCORE_DIR=DIR -DTABLE=FILE -P check_layers.cmake")
endif()

get_filename_component(CORE_DIR ${CORE_DIR} ABSOLUTE)
file(STRINGS ${TABLE} rows)
set(layers "")
foreach(row ${rows})
  if(NOT row MATCHES "^([a-z_]+): (.*)$")
    message(FATAL_ERROR "${TABLE}: not a layer row: '${row}'")
  endif()
  set(layer ${CMAKE_MATCH_1})
  string(REPLACE " " ";" reach_${layer} "${CMAKE_MATCH_2}")
  list(APPEND layers ${layer})
endforeach()

set(include_re "^[ \t]*#[ \t]*include[ \t]*[\"<]core/([^/\">]+)/")
set(problems "")
file(GLOB folders LIST_DIRECTORIES true RELATIVE ${CORE_DIR} ${CORE_DIR}/*)
foreach(folder ${folders})
  if(NOT IS_DIRECTORY ${CORE_DIR}/${folder})
    continue()
  endif()
  if(NOT folder IN_LIST layers)
    string(APPEND problems "core/${folder}/ is not a layer: declare it in core/CMakeLists.txt\n")
    continue()
  endif()
  file(GLOB_RECURSE files RELATIVE ${CORE_DIR} ${CORE_DIR}/${folder}/*.h
       ${CORE_DIR}/${folder}/*.cpp)
  foreach(file ${files})
    file(STRINGS ${CORE_DIR}/${file} includes REGEX "${include_re}")
    foreach(line IN LISTS includes)
      string(REGEX MATCH "${include_re}" unused "${line}")
      set(target ${CMAKE_MATCH_1})
      if(NOT target IN_LIST reach_${folder})
        # The line number: newlines before the line's first occurrence, plus one.
        file(READ ${CORE_DIR}/${file} text)
        string(FIND "${text}" "${line}" at)
        string(SUBSTRING "${text}" 0 ${at} before)
        string(REGEX MATCHALL "\n" newlines "${before}")
        list(LENGTH newlines number)
        math(EXPR number "${number} + 1")
        string(REPLACE ";" " " reach "${reach_${folder}}")
        string(APPEND problems "core/${file}:${number}: layer ${folder} includes core/${target}/"
                               " (${folder} may include: ${reach})\n")
      endif()
    endforeach()
  endforeach()
endforeach()

if(problems)
  message(FATAL_ERROR "core/ includes a layer it must not (see docs/architecture.md):\n"
                      "${problems}")
endif()
list(LENGTH layers count)
message(STATUS "core/: ${count} layers, every include goes downwards")
