# Warnings and sanitizers for caro's own targets, set in one place.
add_library(caro_warnings INTERFACE)
target_compile_options(caro_warnings INTERFACE -Wall -Wextra -Wpedantic -Wshadow -Wconversion
                                               -Wno-sign-conversion -Wnon-virtual-dtor)

add_library(caro_sanitizers INTERFACE)
if(CARO_SANITIZE)
  target_compile_options(caro_sanitizers INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer
                                                   -fno-sanitize-recover=all)
  target_link_options(caro_sanitizers INTERFACE -fsanitize=address,undefined)
endif()
