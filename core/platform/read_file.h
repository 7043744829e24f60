// Small helpers to read whole (/proc, /sys) files; absent files read as empty.
#pragma once

#include <optional>
#include <string>

namespace poolscope {

std::optional<std::string> read_text_file(const std::string& path);

}  // namespace poolscope
