# embed_bytes(FILE ESCAPED BYTES): sets ESCAPED to the bytes of FILE as the
# inside of adjacent C++ string literals, 64 bytes to a line and every byte
# as \xNN (so no byte, quote or newline of the data can end a literal), and
# BYTES to their count. Used by embed_lexicons.cmake and
# embed_word_lists.cmake:
#   "${ESCAPED}", ${BYTES}   is a literal and its length.
function(embed_bytes file out_escaped out_bytes)
  set(chunk "")
  foreach(i RANGE 127)
    string(APPEND chunk "[0-9a-f]")
  endforeach()
  file(READ "${file}" hex HEX)
  string(LENGTH "${hex}" n)
  math(EXPR bytes "${n} / 2")
  string(REGEX REPLACE "(${chunk})" "\\1\"\n      \"" lines "${hex}")
  string(REGEX REPLACE "([0-9a-f][0-9a-f])" "\\\\x\\1" escaped "${lines}")
  set(${out_escaped} "${escaped}" PARENT_SCOPE)
  set(${out_bytes} "${bytes}" PARENT_SCOPE)
endfunction()
