# Sourced by fuzz/run.sh and fuzz/expression_run.sh: build_fuzzer NAME LIBDIR
# builds fuzz/NAME.cpp with lib/LIBDIR/*.cpp under clang's libFuzzer, ASan and
# UBSan into $out, again only when a source is newer than the binary.
build_fuzzer() {
  local name=$1 lib=$2 cxx=${CXX_FUZZ:-clang++}
  if [[ ! -x $out/$name || -n $(find "$root/lib/$lib" "$root/lib/error.hpp" "$root/fuzz" \
          -newer "$out/$name" -name '*.[ch]pp' -print -quit) ]]; then
    echo "building $out/$name"
    # fmt header-only, as the CMake build has it (lib/io/number.cpp); the
    # byte stream decodes gzip and zstd.
    "$cxx" -std=c++20 -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
      -DFMT_HEADER_ONLY -I"$root/lib" -I/usr/include -I/usr/include/eigen3 \
      "$root/fuzz/$name.cpp" "$root"/lib/"$lib"/*.cpp -o "$out/$name" -pthread -lz -lzstd
  fi
}
