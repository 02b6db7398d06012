# Writes a C++ source that holds the word lists of the text and email stages
# (util/embedded_word_lists.h), so an installed amends needs nothing on
# disk. Run as:
#   cmake -DOUT=file.cc -DROOT=<source dir> -P embed_word_lists.cmake
include(${CMAKE_CURRENT_LIST_DIR}/embed_bytes.cmake)
set(body "// Generated from lexicons/ by scripts/embed_word_lists.cmake. Do not edit.\n")
string(APPEND body "#include \"util/embedded_word_lists.h\"\n\n")
string(APPEND body "namespace amends {\n\nnamespace {\n\n")
string(APPEND body "struct List {\n  std::string_view path, content;\n};\n\n")
string(APPEND body "// Sorted by path.\nconstexpr List kLists[] = {\n")
file(GLOB FILES ${ROOT}/lexicons/en/layout/*.list ${ROOT}/lexicons/mail/*.list)
list(SORT FILES)
foreach(f IN LISTS FILES)
  file(RELATIVE_PATH rel "${ROOT}" "${f}")
  embed_bytes("${f}" escaped bytes)
  string(APPEND body "    {\"${rel}\", std::string_view(\n      \"${escaped}\", ${bytes})},\n")
endforeach()
string(APPEND body "};\n\n}  // namespace\n\n")
string(APPEND body [=[
std::string_view EmbeddedWordList(std::string_view path) {
  for (const List& list : kLists)
    if (list.path == path) return list.content;
  return {};
}

std::vector<std::string_view> EmbeddedWordListPaths() {
  std::vector<std::string_view> paths;
  for (const List& list : kLists) paths.push_back(list.path);
  return paths;
}

}  // namespace amends
]=])
file(WRITE "${OUT}.tmp" "${body}")
file(COPY_FILE "${OUT}.tmp" "${OUT}" ONLY_IF_DIFFERENT)
