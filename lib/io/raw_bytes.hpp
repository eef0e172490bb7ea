// Raw bytes of a file or standard input, in large chunks, for tools that look
// at bytes rather than tables (mlm-entropy bytes).
#pragma once

#include <functional>
#include <string>
#include <string_view>

namespace mlm::io {

// Calls `chunk` with successive pieces of the file ("-" is standard input).
// Throws IoError when the file cannot be read.
void for_each_chunk(const std::string& path, const std::function<void(std::string_view)>& chunk);

}  // namespace mlm::io
