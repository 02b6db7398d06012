# Writes a C++ source that holds the lexicon files, so an installed amends
# needs nothing on disk. Run as:
#   cmake -DOUT=file.cc -DROOT=<source dir> -P embed_lexicons.cmake
set(body "// Generated from lexicons/ by scripts/embed_lexicons.cmake. Do not edit.\n")
string(APPEND body "#include \"analyzer/analyzer.h\"\n\nnamespace amends {\n\n")
string(APPEND body "std::vector<LexiconFile> EmbeddedLexiconFiles() {\n  return {\n")
file(GLOB FILES ${ROOT}/lexicons/en/*.rules ${ROOT}/lexicons/en/*.macros
     ${ROOT}/lexicons/en/checks.def
     ${ROOT}/lexicons/en/names/*.list)
list(SORT FILES)
set(chunk "")
foreach(i RANGE 127)
  string(APPEND chunk "[0-9a-f]")
endforeach()
foreach(f IN LISTS FILES)
  file(RELATIVE_PATH rel "${ROOT}" "${f}")
  file(READ "${f}" hex HEX)
  string(LENGTH "${hex}" n)
  math(EXPR bytes "${n} / 2")
  # 64 bytes to a line of adjacent string literals, every byte as \xNN.
  string(REGEX REPLACE "(${chunk})" "\\1\"\n      \"" lines "${hex}")
  string(REGEX REPLACE "([0-9a-f][0-9a-f])" "\\\\x\\1" escaped "${lines}")
  string(APPEND body "    {\"${rel}\", std::string(\n      \"${escaped}\", ${bytes})},\n")
endforeach()
string(APPEND body "  };\n}\n\n}  // namespace amends\n")
file(WRITE "${OUT}.tmp" "${body}")
file(COPY_FILE "${OUT}.tmp" "${OUT}" ONLY_IF_DIFFERENT)
