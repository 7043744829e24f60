// Where the GUI tests find the built binaries, their recorded streams and the shipped resources.
#pragma once

#include <QString>

namespace poolscope::test {

inline QString cliPath() {
    return QStringLiteral(POOLSCOPE_CLI_PATH);
}
inline QString guiPath() {
    return QStringLiteral(POOLSCOPE_GUI_PATH);
}
inline QString fixture(const char* name) {
    return QStringLiteral(POOLSCOPE_GUI_FIXTURES_DIR "/") + QString::fromUtf8(name);
}

}  // namespace poolscope::test
