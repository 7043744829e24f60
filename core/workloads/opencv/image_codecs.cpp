#include "core/workloads/opencv/image_codecs.h"

#include <dlfcn.h>

#include <vector>

namespace poolscope::image_codecs {

namespace {

// The three entry points, by their C++ names (GCC's ABI, as the library exports them).
using HaveReader = bool (*)(const cv::String&);
using Read = cv::Mat (*)(const cv::String&, int);
using Write = bool (*)(const cv::String&, const cv::_InputArray&, const std::vector<int>&);

struct Codecs {
    HaveReader have_reader = nullptr;
    Read read = nullptr;
    Write write = nullptr;
    std::string error;
};

const Codecs& codecs() {
    static const Codecs loaded = [] {
        Codecs c;
        // RTLD_NODELETE: the functions stay valid however often this is asked for.
        void* lib = dlopen(POOLSCOPE_IMGCODECS_SONAME, RTLD_NOW | RTLD_NODELETE);
        if (!lib) {
            const char* why = dlerror();
            c.error = std::string("cannot load OpenCV's image codecs (") +
                      POOLSCOPE_IMGCODECS_SONAME + "): " + (why ? why : "unknown error");
            return c;
        }
        c.have_reader = reinterpret_cast<HaveReader>(
            dlsym(lib,
                  "_ZN2cv15haveImageReaderERKNSt7__cxx1112basic_stringIcSt11char_"
                  "traitsIcESaIcEEE"));
        c.read = reinterpret_cast<Read>(
            dlsym(lib, "_ZN2cv6imreadERKNSt7__cxx1112basic_stringIcSt11char_traitsIcESaIcEEEi"));
        c.write = reinterpret_cast<Write>(
            dlsym(lib,
                  "_ZN2cv7imwriteERKNSt7__cxx1112basic_stringIcSt11char_traitsIcESaIcEEERKN"
                  "S_11_InputArrayERKSt6vectorIiSaIiEE"));
        if (!c.have_reader || !c.read || !c.write) {
            c = Codecs{};
            c.error = std::string("OpenCV's image codecs (") + POOLSCOPE_IMGCODECS_SONAME +
                      ") lack imread, imwrite or haveImageReader";
        }
        return c;
    }();
    return loaded;
}

}  // namespace

std::optional<std::string> load() {
    const Codecs& c = codecs();
    if (c.read) return std::nullopt;
    return c.error;
}

bool have_reader(const std::string& path) {
    const Codecs& c = codecs();
    return c.have_reader && c.have_reader(path);
}

cv::Mat read(const std::string& path, int flags) {
    const Codecs& c = codecs();
    return c.read ? c.read(path, flags) : cv::Mat();
}

bool write(const std::string& path, const cv::Mat& image) {
    const Codecs& c = codecs();
    return c.write && c.write(path, image, std::vector<int>());
}

}  // namespace poolscope::image_codecs
