#include "ui/sweep_settings.h"

#include <algorithm>
#include <cstdint>

#include "core/config/option_schema.h"
#include "core/config/sweep_axis_schema.h"

namespace poolscope::ui {

namespace {

// Removes "--name value" (and "--name=value") from an argument list.
void dropOption(QStringList& args, const QString& name) {
    for (qsizetype i = 0; i < args.size();) {
        if (args[i] == name && i + 1 < args.size())
            args.remove(i, 2);
        else if (args[i].startsWith(name + QLatin1Char('=')))
            args.remove(i);
        else
            ++i;
    }
}

// Removes "--param KEY=…" for one key ("KEY="), the value an axis replaces.
void dropParam(QStringList& args, const QString& keyEq) {
    for (qsizetype i = 0; i + 1 < args.size();) {
        if (args[i] == QLatin1String("--param") && args[i + 1].startsWith(keyEq))
            args.remove(i, 2);
        else
            ++i;
    }
}

std::optional<QString> addAxis(std::vector<SweepAxis>& axes, const char* option,
                               const QString& text) {
    if (text.trimmed().isEmpty()) return std::nullopt;
    SweepAxis axis;
    if (auto e = parse_sweep_axis(option, text.trimmed().toStdString(), axis))
        return QString::fromStdString(*e);
    axes.push_back(std::move(axis));
    return std::nullopt;
}

}  // namespace

SweepSettings defaultSweepSettings(int usableCores) {
    SweepSettings s;
    const int top = std::max(4, 2 * usableCores);
    s.workers = top <= 8 ? QStringLiteral("1..%1").arg(top) : QStringLiteral("1..%1*2").arg(top);
    return s;
}

std::optional<QString> sweepAxes(const SweepSettings& sweep, std::vector<SweepAxis>& axes) {
    axes.clear();
    if (auto e = addAxis(axes, "--workers", sweep.workers)) return e;
    if (auto e = addAxis(axes, "--chunksize", sweep.chunksize)) return e;
    if (auto e = addAxis(axes, "--dispatch", sweep.dispatch.join(QLatin1Char(',')))) return e;
    for (const QString& p : sweep.params) {
        SweepAxis axis;
        if (auto e = parse_param_axis(p.trimmed().toStdString(), axis))
            return QString::fromStdString(*e);
        axes.push_back(std::move(axis));
    }
    if (sweep.repeat < 1)
        return QStringLiteral("--repeat must be at least 1; got %1").arg(sweep.repeat);
    return std::nullopt;
}

std::optional<QString> countPoints(const SweepSettings& sweep, std::size_t* points) {
    std::vector<SweepAxis> axes;
    if (auto e = sweepAxes(sweep, axes)) return e;
    std::vector<SweepPoint> all;
    if (auto e = sweep_points(axes, all)) return QString::fromStdString(*e);
    if (points) *points = all.size();
    return std::nullopt;
}

QStringList sweepArguments(const RunSettings& base, const SweepSettings& sweep) {
    RunSettings s = base;
    s.repeat = sweep.repeat;
    QStringList args = toArguments(s, RunMode::Parallel);
    const std::pair<const char*, QString> axes[] = {
        {"--workers", sweep.workers.trimmed()},
        {"--chunksize", sweep.chunksize.trimmed()},
        {"--dispatch", sweep.dispatch.join(QLatin1Char(','))}};
    for (const auto& [option, value] : axes) {
        if (value.isEmpty()) continue;
        const QString name = QString::fromLatin1(option);
        dropOption(args, name);
        args << name << value;
    }
    for (const QString& p : sweep.params) {
        dropParam(args, p.left(p.indexOf(QLatin1Char('=')) + 1));
        args << QStringLiteral("--param") << p.trimmed();
    }
    if (sweep.seed != kDefaultSweepSeed)
        args << QStringLiteral("--seed") << QString::number(sweep.seed);
    return args;
}

SweepSettings sweepSettingsOf(const SweepDocument& doc) {
    const auto list = [&](const std::string& name) {
        QStringList v;
        for (const auto& s : doc.axes[static_cast<std::size_t>(doc.axisIndex(name))].values)
            v << QString::fromStdString(s);
        return v;
    };
    const auto text = [&](const std::string& name) {
        if (doc.axisIndex(name) >= 0) return list(name).join(QLatin1Char(','));
        return doc.points.empty() ? QString()
                                  : QString::fromStdString(doc.valueOf(doc.points.front(), name));
    };
    SweepSettings out;
    out.workers = text("workers");
    out.chunksize = text("chunksize");
    // Without a dispatch axis the sweep ran the one dispatch of its config: ticked, so the form
    // shows (and a rerun keeps) what was measured, whatever the control panel says now.
    for (const auto& a : doc.axes) {
        if (!axis_changes_serial(a.name)) continue;
        QStringList values;
        for (const auto& v : a.values) values << QString::fromStdString(v);
        out.params << QString::fromStdString(a.name) + QLatin1Char('=') +
                          values.join(QLatin1Char(','));
    }
    out.dispatch = doc.axisIndex("dispatch") >= 0
                       ? list("dispatch")
                       : QStringList{QString::fromStdString(doc.valueOf({}, "dispatch"))};
    out.repeat = doc.config.repeat;
    out.seed = doc.seed;
    return out;
}

bool hasSeveralValues(const QString& axis) {
    return axis.contains(QLatin1Char(',')) || axis.contains(QLatin1String(".."));
}

bool parseSweepArguments(const QStringList& args, RunSettings& base, SweepSettings& sweep,
                         QString* error) {
    QStringList rest;
    SweepSettings out;
    out.workers.clear();
    out.chunksize.clear();
    for (qsizetype i = 0; i < args.size(); ++i) {
        QString name = args[i];
        std::optional<QString> value;
        if (const qsizetype eq = name.indexOf(QLatin1Char('='));
            name.startsWith(QLatin1String("--")) && eq > 0) {
            value = name.mid(eq + 1);
            name = name.left(eq);
        }
        if (name == QLatin1String("--param")) {
            const QString v = value ? *value : i + 1 < args.size() ? args[i + 1] : QString();
            if (is_param_axis_value(v.toStdString())) {
                out.params << v;
                if (!value) ++i;
                continue;
            }
        }
        if (!is_sweep_axis_option(name.toStdString()) && name != QLatin1String("--seed")) {
            rest << args[i];
            continue;
        }
        // The words of the CLI's sweep parser, from the same schema entries.
        const OptionInfo* axis = find_sweep_axis(name.toStdString());
        const OptionInfo& entry = axis ? *axis : option_info("--seed");
        const QString what =
            QString::fromStdString(axis ? axis_list_text(entry) : value_text(entry));
        if (!value) {
            if (i + 1 >= args.size()) {
                if (error) *error = name + QStringLiteral(" needs a value: ") + what;
                return false;
            }
            value = args[++i];
        }
        if (!axis) {  // --seed
            bool ok = false;
            out.seed = value->toULongLong(&ok);
            if (!ok || !in_range(entry, static_cast<std::uint64_t>(out.seed))) {
                if (error) *error = QStringLiteral("--seed must be %1; got '%2'").arg(what, *value);
                return false;
            }
        } else if (name == QLatin1String("--workers")) {
            out.workers = *value;
            // An axis of one value is a fixed setting, which the control panel shows too.
            if (!hasSeveralValues(*value)) rest << name << *value;
        } else if (name == QLatin1String("--chunksize")) {
            out.chunksize = *value;
            if (!hasSeveralValues(*value)) rest << name << *value;
        } else if (name == QLatin1String("--dispatch")) {
            out.dispatch = value->split(QLatin1Char(','));
            if (!hasSeveralValues(*value)) rest << name << *value;
        } else if (hasSeveralValues(*value)) {
            // --transport, --start, --pool: the form has no axis for them.
            if (error)
                *error = QStringLiteral(
                             "%1 %2: the Sweep view sweeps workers, chunksize, dispatch and "
                             "workload parameters; poolscope-cli sweep sweeps %1 too")
                             .arg(name, *value);
            return false;
        } else {
            rest << name << *value;  // a single value is the control panel's setting
        }
    }
    RunSettings s;
    if (!fromArguments(rest, s, error)) return false;
    out.repeat = s.repeat;
    std::vector<SweepAxis> axes;
    if (auto e = sweepAxes(out, axes)) {
        if (error) *error = *e;
        return false;
    }
    base = s;
    sweep = out;
    return true;
}

}  // namespace poolscope::ui
