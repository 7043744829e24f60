#include "support/process_table.h"

#include <QDir>
#include <QFile>

namespace poolscope::test {

namespace {

// Fields of /proc/PID/stat after the command name (which may hold spaces and parentheses).
QList<QByteArray> statFields(pid_t pid) {
    QFile f(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!f.open(QIODevice::ReadOnly)) return {};
    const QByteArray text = f.readAll();
    const qsizetype close = text.lastIndexOf(')');
    if (close < 0) return {};
    return text.mid(close + 2).split(' ');
}

}  // namespace

bool processExists(pid_t pid) {
    const auto fields = statFields(pid);
    return !fields.isEmpty() && fields[0] != "Z";
}

QList<pid_t> childrenOf(pid_t parent) {
    QList<pid_t> out;
    const auto entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString& e : entries) {
        bool ok = false;
        const pid_t pid = e.toInt(&ok);
        if (!ok) continue;
        const auto fields = statFields(pid);
        if (fields.size() > 1 && fields[1].toInt() == parent && fields[0] != "Z") out << pid;
    }
    return out;
}

QList<pid_t> processesNamed(const char* name) {
    QList<pid_t> out;
    const auto entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString& e : entries) {
        bool ok = false;
        const pid_t pid = e.toInt(&ok);
        if (!ok) continue;
        QFile f(QStringLiteral("/proc/%1/cmdline").arg(pid));
        if (!f.open(QIODevice::ReadOnly)) continue;
        const QByteArray first = f.readAll().split('\0').value(0);
        if (first.endsWith(name) && processExists(pid)) out << pid;
    }
    return out;
}

}  // namespace poolscope::test
