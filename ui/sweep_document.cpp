#include "ui/sweep_document.h"

#include <QFile>
#include <QSaveFile>
#include <algorithm>
#include <limits>
#include <nlohmann/json.hpp>

#include "core/config/config_json.h"

namespace poolscope::ui {

namespace {

using nlohmann::json;

// A sweep of 10 000 points with five runs each is a few tens of MiB; more is not a document
// the CLI wrote.
constexpr qint64 kMaxDocumentBytes = qint64{512} << 20;

// "4" for 4, "auto" for "auto": the axes' canonical text, as parse_sweep_axis writes it.
std::string valueText(const json& v) {
    if (v.is_number_integer()) return std::to_string(v.get<long long>());
    if (v.is_number_unsigned()) return std::to_string(v.get<unsigned long long>());
    return v.get<std::string>();
}

Stat statOf(const json& j) {
    return {j.at("median").get<double>(), j.at("min").get<double>(), j.at("max").get<double>()};
}

// A series' wall: its median, min and max when it has more than one run, else its one run's.
Stat seriesWall(const json& series) {
    if (!series.contains("median")) {
        const double w = series.at("wall_s").get<double>();
        return {w, w, w};
    }
    return {series.at("median").at("wall_s").get<double>(),
            series.at("min").at("wall_s").get<double>(),
            series.at("max").at("wall_s").get<double>()};
}

std::vector<std::size_t> indexes(const json& j, std::size_t count) {
    std::vector<std::size_t> out;
    for (const auto& v : j) {
        const auto i = v.get<std::size_t>();
        if (i >= count) throw std::out_of_range("a point index past the points");
        out.push_back(i);
    }
    return out;
}

std::size_t pointIndex(const json& j, std::size_t count) {
    const auto i = j.get<std::size_t>();
    if (i >= count) throw std::out_of_range("a point index past the points");
    return i;
}

SweepPointData readPoint(const json& p, const std::vector<SweepAxis>& axes) {
    SweepPointData d;
    const json& values = p.at("values");
    for (const auto& a : axes) d.values.push_back(valueText(values.at(a.name)));
    d.order = p.at("order").get<int>();
    d.workers = p.at("workers").get<int>();
    d.chunksize = p.at("chunksize").get<quint64>();
    d.ran = p.at("ran").get<bool>();
    d.complete = p.at("complete").get<bool>();
    if (d.ran) {
        d.wall = statOf(p.at("wall_s"));
        d.speedup = p.at("speedup").get<double>();
        d.efficiency = p.at("efficiency").get<double>();
        d.T = p.at("T").get<double>();
        d.C = p.at("C").get<double>();
        d.checksumsMatch = p.value("checksums_match", true);
    }
    return d;
}

void readFits(const json& f, SweepDocument& d) {
    const std::size_t n = d.points.size();
    d.fitNote = QString::fromStdString(f.value("note", std::string()));
    if (f.contains("points")) d.fitPoints = indexes(f.at("points"), n);
    if (const json& a = f.at("amdahl"); !a.is_null()) {
        AmdahlFit fit;
        fit.serial_fraction = a.at("serial_fraction").get<double>();
        fit.low = a.at("low").get<double>();
        fit.high = a.at("high").get<double>();
        const json& m = a.at("max_speedup");
        fit.max_speedup = m.is_null() ? std::numeric_limits<double>::infinity() : m.get<double>();
        fit.points = a.at("points").get<std::size_t>();
        d.amdahl = fit;
    }
    if (const json& u = f.at("usl"); !u.is_null()) {
        UslFit fit;
        fit.sigma = u.at("sigma").get<double>();
        fit.kappa = u.at("kappa").get<double>();
        if (!u.at("peak_workers").is_null()) {
            fit.peak_workers = u.at("peak_workers").get<double>();
            fit.peak_speedup = u.at("peak_speedup").get<double>();
        }
        fit.points = u.at("points").get<std::size_t>();
        d.usl = fit;
    }
}

void readReports(const json& doc, SweepDocument& d) {
    const std::size_t n = d.points.size();
    if (const json& c = doc.at("chunksize"); !c.is_null()) {
        ChunksizeReport r;
        r.best = pointIndex(c.at("best"), n);
        r.formula = c.at("formula").get<uint64_t>();
        if (!c.at("formula_point").is_null())
            r.formula_point = pointIndex(c.at("formula_point"), n);
        if (!c.at("formula_cost_pct").is_null())
            r.formula_cost_pct = c.at("formula_cost_pct").get<double>();
        d.chunksize = r;
    }
    if (const json& r = doc.at("recommendation"); !r.is_null()) {
        SweepRecommendation rec;
        rec.best = pointIndex(r.at("best"), n);
        rec.within_noise = indexes(r.at("within_noise"), n);
        rec.serial_faster = r.at("serial_faster").get<bool>();
        rec.disturbed = r.at("disturbed").get<bool>();
        rec.sentence = r.at("text").get<std::string>();
        d.recommendation = rec;
    }
}

// Over every run the document holds (a series lists its runs, or is its one run).
double outsideShare(const json& doc) {
    double share = 0;
    const auto run = [&](const json& r) {
        if (r.is_object() && r.contains("cpu"))
            share = std::max(share, r.at("cpu").value("outside_cpu_share", 0.0));
    };
    const auto series = [&](const json& s) {
        if (!s.is_object()) return;
        run(s);
        if (s.contains("runs"))
            for (const auto& r : s.at("runs")) run(r);
    };
    series(doc.value("serial", json()));
    for (const auto& b : doc.value("baselines", json::array())) series(b.value("series", json()));
    for (const auto& p : doc.at("points")) series(p.value("series", json()));
    return share;
}

SweepDocument readDocument(const json& doc) {
    if (doc.value("type", std::string()) != "sweep")
        throw std::invalid_argument("not a sweep document (its \"type\" is not \"sweep\")");
    SweepDocument d;
    d.config = doc.at("config").get<RunConfig>();
    d.usableCores = doc.at("machine").value("usable_cores", 1);
    d.seed = doc.at("seed").get<quint64>();
    for (const auto& a : doc.at("axes")) {
        SweepAxis axis;
        axis.name = a.at("name").get<std::string>();
        for (const auto& v : a.at("values")) axis.values.push_back(valueText(v));
        d.axes.push_back(std::move(axis));
    }
    if (!doc.at("serial").is_null()) d.serial = seriesWall(doc.at("serial"));
    for (const auto& p : doc.at("points")) d.points.push_back(readPoint(p, d.axes));
    readFits(doc.at("fits"), d);
    readReports(doc, d);
    d.interrupted = doc.at("interrupted").get<bool>();
    d.outsideShare = outsideShare(doc);
    return d;
}

}  // namespace

int SweepDocument::axisIndex(const std::string& name) const {
    for (std::size_t i = 0; i < axes.size(); ++i)
        if (axes[i].name == name) return static_cast<int>(i);
    return -1;
}

int SweepDocument::pointsRan() const {
    int n = 0;
    for (const auto& p : points) n += p.ran ? 1 : 0;
    return n;
}

std::string SweepDocument::valueOf(const SweepPointData& point, const std::string& axis) const {
    if (const int i = axisIndex(axis); i >= 0) return point.values[static_cast<std::size_t>(i)];
    if (axis == "workers") return std::to_string(config.workers);
    if (axis == "chunksize")
        return config.chunksize ? std::to_string(*config.chunksize) : std::string("auto");
    if (axis == "dispatch") return std::string(to_string(config.dispatch));
    if (axis == "transport") return std::string(to_string(config.transport));
    if (axis == "start") return std::string(to_string(config.start));
    if (axis == "pool") return std::string(to_string(config.pool));
    return {};
}

QString SweepDocument::label(std::size_t point) const {
    std::vector<std::string> names;
    for (const auto& a : axes) names.push_back(a.name);
    SweepPointFigures f;
    f.values = points.at(point).values;
    return QString::fromStdString(point_label(names, f));
}

std::optional<std::size_t> SweepDocument::best() const {
    if (recommendation) return recommendation->best;
    return std::nullopt;
}

std::optional<SweepDocument> parseSweepDocument(const QByteArray& bytes, QString* error) {
    try {
        const json doc = json::parse(bytes.constBegin(), bytes.constEnd());
        SweepDocument d = readDocument(doc);
        d.source = bytes;
        return d;
    } catch (const std::exception& e) {
        if (error) *error = QString::fromUtf8(e.what());
        return std::nullopt;
    }
}

std::optional<SweepDocument> readSweepFile(const QString& path, QString* error) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error) *error = QObject::tr("cannot read '%1': %2").arg(path, file.errorString());
        return std::nullopt;
    }
    if (file.size() > kMaxDocumentBytes) {
        if (error) *error = QObject::tr("'%1' is too large for a sweep document").arg(path);
        return std::nullopt;
    }
    QString why;
    auto doc = parseSweepDocument(file.readAll(), &why);
    if (!doc && error) *error = QObject::tr("'%1' is not a sweep document: %2").arg(path, why);
    return doc;
}

bool writeSweepFile(const SweepDocument& doc, const QString& path, QString* error) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(doc.source) != doc.source.size() ||
        !file.commit()) {
        if (error) *error = QObject::tr("cannot write '%1': %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

}  // namespace poolscope::ui
