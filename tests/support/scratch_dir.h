// A fresh temporary folder for one test, removed with everything in it when the test ends, so
// tests that write files leave nothing behind.
#pragma once

#include <string>

namespace poolscope::test_support {

class ScratchDir {
  public:
    ScratchDir();
    ~ScratchDir();
    ScratchDir(const ScratchDir&) = delete;
    ScratchDir& operator=(const ScratchDir&) = delete;

    const std::string& path() const { return path_; }
    // path()/name
    std::string file(const std::string& name) const;
    // Writes `text` to path()/name and returns that path.
    std::string write(const std::string& name, const std::string& text) const;

  private:
    std::string path_;
};

}  // namespace poolscope::test_support
