// --partial documents of mlm-entropy and their merge: the counts per group,
// so shards counted anywhere combine into the result of one pass.
#include "entropy/count_state.hpp"
#include "error.hpp"

#include <nlohmann/json.hpp>

namespace mlm::entropy_tool {

namespace {

constexpr const char* kind = "mlm-entropy partial";

nlohmann::json counts_json(const info::Frequencies& f) {
    nlohmann::json out = nlohmann::json::array();
    for (std::size_t i = 0; i < f.distinct(); ++i) out.push_back({f.values()[i], f.counts()[i]});
    return out;
}

nlohmann::json cells_json(const info::Contingency& t) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& c : t.cells())
        out.push_back({t.first().values()[c.a], t.second().values()[c.b], c.count});
    return out;
}

template <class T>
T field(const nlohmann::json& doc, const char* key, const std::string& file) {
    if (!doc.contains(key)) throw InputError(std::string("not an mlm-entropy partial: no \"") + key + "\"", file);
    try {
        return doc.at(key).get<T>();
    } catch (const nlohmann::json::exception&) {
        throw InputError(std::string("bad \"") + key + "\" in partial", file);
    }
}

double count_of(const nlohmann::json& v, const std::string& file) {
    if (!v.is_number() || v.get<double>() < 0) throw InputError("counts must be numbers >= 0", file);
    return v.get<double>();
}

}  // namespace

nlohmann::json partial_json(const CountState& s) {
    nlohmann::json doc = {{"kind", kind}, {"version", 1}, {"form", s.form},
                          {"columns", s.columns}, {"given", s.given}, {"group_by", s.group_by}};
    nlohmann::json groups = nlohmann::json::array();
    for (std::size_t g = 0; g < s.group_count(); ++g) {
        nlohmann::json one = {{"group", s.groups.values(g)}};
        if (s.form == "values") one["counts"] = counts_json(s.values[g]);
        else if (s.form == "bytes") one["counts"] = s.bytes[g];
        else one["cells"] = cells_json(s.tables[g]);
        groups.push_back(one);
    }
    doc["groups"] = groups;
    return doc;
}

void merge_partial(CountState& s, const nlohmann::json& doc, const std::string& file) {
    if (!doc.is_object() || doc.value("kind", "") != kind)
        throw InputError("not an mlm-entropy partial (made by --partial)", file);
    auto form = field<std::string>(doc, "form", file);
    auto columns = field<std::vector<std::string>>(doc, "columns", file);
    auto given = field<std::vector<std::string>>(doc, "given", file);
    auto group_by = field<std::vector<std::string>>(doc, "group_by", file);
    if (s.form.empty()) {
        s.form = form;
        s.columns = columns;
        s.given = given;
        s.group_by = group_by;
    } else if (form != s.form || columns != s.columns || given != s.given || group_by != s.group_by) {
        throw InputError("this partial counts " + form + " of other columns than the first one", file);
    }
    if (form != "values" && form != "cond" && form != "mi" && form != "bytes")
        throw InputError("unknown form \"" + form + "\" in partial", file);
    for (const auto& one : field<nlohmann::json>(doc, "groups", file)) {
        auto key = field<std::vector<std::string>>(one, "group", file);
        if (key.size() != group_by.size()) throw InputError("group key of the wrong size in partial", file);
        std::size_t g = s.groups.id(key);
        s.ensure(g);
        if (form == "bytes") {
            auto counts = field<nlohmann::json>(one, "counts", file);
            if (!counts.is_array() || counts.size() != 256) throw InputError("bytes partial needs 256 counts", file);
            for (std::size_t i = 0; i < 256; ++i) s.bytes[g][i] += count_of(counts[i], file);
        } else if (form == "values") {
            for (const auto& c : field<nlohmann::json>(one, "counts", file)) {
                if (!c.is_array() || c.size() != 2 || !c[0].is_string()) throw InputError("bad count in partial", file);
                s.values[g].add(c[0].get<std::string>(), count_of(c[1], file));
            }
        } else {
            for (const auto& c : field<nlohmann::json>(one, "cells", file)) {
                if (!c.is_array() || c.size() != 3 || !c[0].is_string() || !c[1].is_string())
                    throw InputError("bad cell in partial", file);
                s.tables[g].add(c[0].get<std::string>(), c[1].get<std::string>(), count_of(c[2], file));
            }
        }
    }
}

}  // namespace mlm::entropy_tool
