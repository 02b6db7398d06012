# Writes a C++ source that holds the lexicon files, so an installed amends
# needs nothing on disk. Run as:
#   cmake -DOUT=file.cc -DROOT=<source dir> -P embed_lexicons.cmake
include(${CMAKE_CURRENT_LIST_DIR}/embed_bytes.cmake)
set(body "// Generated from lexicons/ by scripts/embed_lexicons.cmake. Do not edit.\n")
string(APPEND body "#include \"analyzer/analyzer.h\"\n\nnamespace amends {\n\n")
string(APPEND body "std::vector<LexiconFile> EmbeddedLexiconFiles() {\n  return {\n")
file(GLOB FILES ${ROOT}/lexicons/en/*.rules ${ROOT}/lexicons/en/*.macros
     ${ROOT}/lexicons/en/checks.def
     ${ROOT}/lexicons/en/names/*.list)
list(SORT FILES)
foreach(f IN LISTS FILES)
  file(RELATIVE_PATH rel "${ROOT}" "${f}")
  embed_bytes("${f}" escaped bytes)
  string(APPEND body "    {\"${rel}\", LexiconText::Static(std::string_view(\n      \"${escaped}\", ${bytes}))},\n")
endforeach()
string(APPEND body "  };\n}\n\n}  // namespace amends\n")
file(WRITE "${OUT}.tmp" "${body}")
file(COPY_FILE "${OUT}.tmp" "${OUT}" ONLY_IF_DIFFERENT)
