#pragma once
#include <string_view>
#include <vector>
namespace cairn {
struct EmbeddedFile {
    std::string_view name;
    std::string_view contents;
};
// The files of resources/demo/, compiled in.
const std::vector<EmbeddedFile>& demoFiles();
} // namespace cairn
