#include "io/table_writer.hpp"

#include "error.hpp"
#include "io/number.hpp"

#include <cmath>
#include <nlohmann/json.hpp>

namespace mlm::io {

namespace {

// Input text need not be UTF-8 (a Latin-1 label): invalid bytes become U+FFFD
// rather than nlohmann's type_error.
constexpr auto utf8_replace = nlohmann::json::error_handler_t::replace;

void append_json_string(std::string& out, std::string_view s) {
    out += nlohmann::json(std::string(s)).dump(-1, ' ', false, utf8_replace);
}

// nlohmann writes exponents as printf does (1e-09, 1e+20); the numbers of
// every other output are bare (1e-9, 1e20, io/number.hpp). Respelled here,
// outside strings, where an e after a digit can only be a number's exponent.
std::string bare_exponents(const std::string& json) {
    std::string out;
    out.reserve(json.size());
    bool in_string = false;
    for (std::size_t i = 0; i < json.size(); ++i) {
        char c = json[i];
        if (in_string) {
            out += c;
            if (c == '\\' && i + 1 < json.size()) out += json[++i];
            else if (c == '"') in_string = false;
            continue;
        }
        if (c == '"') in_string = true;
        if ((c == 'e' || c == 'E') && i > 0 && json[i - 1] >= '0' && json[i - 1] <= '9') {
            out += c;
            std::size_t j = i + 1;
            if (j < json.size() && (json[j] == '+' || json[j] == '-')) {
                if (json[j] == '-') out += '-';
                ++j;
            }
            while (j + 1 < json.size() && json[j] == '0' && json[j + 1] >= '0' && json[j + 1] <= '9') ++j;
            i = j - 1;
            continue;
        }
        out += c;
    }
    return out;
}

void append_csv_text(std::string& out, std::string_view s, char delimiter) {
    bool quote = s.find_first_of(std::string{delimiter, '"', '\n', '\r'}) != std::string_view::npos;
    if (!quote) { out.append(s); return; }
    out.push_back('"');
    for (char c : s) {
        if (c == '"') out.push_back('"');
        out.push_back(c);
    }
    out.push_back('"');
}

nlohmann::json cleaned(const nlohmann::json& v, int precision) {
    if (v.is_number_float()) {
        double x = v.get<double>();
        if (!std::isfinite(x) || x == 0) return json_number(x);  // no "-0.0"
        return round_to_precision(x, precision);
    }
    if (v.is_array() || v.is_object()) {
        nlohmann::json out = v.is_array() ? nlohmann::json::array() : nlohmann::json::object();
        for (auto it = v.begin(); it != v.end(); ++it) {
            if (v.is_array()) out.push_back(cleaned(*it, precision));
            else out[it.key()] = cleaned(it.value(), precision);
        }
        return out;
    }
    return v;
}

}  // namespace

OutFormat parse_out_format(std::string_view name) {
    if (name == "csv") return OutFormat::csv;
    if (name == "tsv") return OutFormat::tsv;
    if (name == "json") return OutFormat::json;
    if (name == "jsonl") return OutFormat::jsonl;
    throw UsageError("unknown output format '" + std::string(name) + "' (csv, tsv, json, jsonl)");
}

nlohmann::json json_number(double x) {
    if (std::isfinite(x)) return x == 0 ? 0.0 : x;
    return format_number(x);
}

nlohmann::json json_count(double n) {
    if (n == std::floor(n) && std::fabs(n) < 9007199254740992.0) return static_cast<std::int64_t>(n);
    return json_number(n);
}

TableWriter::TableWriter(Output& out, OutFormat format, std::vector<std::string> columns, int precision)
    : out_(out), format_(format), columns_(std::move(columns)), precision_(precision) {
    std::string& b = out_.buffer();
    if (format_ == OutFormat::csv || format_ == OutFormat::tsv) {
        char d = format_ == OutFormat::csv ? ',' : '\t';
        for (std::size_t j = 0; j < columns_.size(); ++j) {
            if (j) b.push_back(d);
            append_csv_text(b, columns_[j], d);
        }
        b.push_back('\n');
    } else if (format_ == OutFormat::json) {
        b += "[";
    }
}

void TableWriter::begin_cell() {
    std::string& b = out_.buffer();
    switch (format_) {
    case OutFormat::csv: if (column_) b.push_back(','); break;
    case OutFormat::tsv: if (column_) b.push_back('\t'); break;
    case OutFormat::json:
    case OutFormat::jsonl:
        if (column_ == 0) {
            if (format_ == OutFormat::json) b += rows_ ? ",\n  " : "\n  ";
            b.push_back('{');
        } else {
            b.push_back(',');
        }
        append_json_string(b, column_ < columns_.size() ? columns_[column_] : std::to_string(column_ + 1));
        b.push_back(':');
        break;
    }
}

TableWriter& TableWriter::cell(double x) {
    if (format_ == OutFormat::csv || format_ == OutFormat::tsv) {
        // The per-row path (scores, predictions, samples): numbers go into the
        // row's own buffer, which reaches Output's in one append per row.
        if (row_size_ + 1 + max_number_chars > sizeof row_) flush_row();
        char* p = row_ + row_size_;
        if (column_) *p++ = format_ == OutFormat::csv ? ',' : '\t';
        row_size_ = static_cast<std::size_t>(write_number(p, x, precision_) - row_);
        ++column_;
        return *this;
    }
    std::string& b = out_.buffer();
    begin_cell();
    if (!std::isfinite(x)) {
        b.push_back('"');
        append_number(b, x, precision_);
        b.push_back('"');
    } else {
        append_number(b, x, precision_);
    }
    ++column_;
    return *this;
}

TableWriter& TableWriter::cell(std::string_view text) {
    flush_row();
    begin_cell();
    std::string& b = out_.buffer();
    if (format_ == OutFormat::json || format_ == OutFormat::jsonl) append_json_string(b, text);
    else if (text.empty() && columns_.size() == 1) b += "\"\"";  // else a blank line, which readers skip
    else append_csv_text(b, text, format_ == OutFormat::csv ? ',' : '\t');
    ++column_;
    return *this;
}

void TableWriter::flush_row() {
    out_.buffer().append(row_, row_size_);
    row_size_ = 0;
}

void TableWriter::end_row() {
    flush_row();
    std::string& b = out_.buffer();
    if (format_ == OutFormat::json || format_ == OutFormat::jsonl) b.push_back('}');
    if (format_ != OutFormat::json) b.push_back('\n');
    column_ = 0;
    ++rows_;
    out_.maybe_drain();
}

void TableWriter::finish() {
    if (finished_) return;
    finished_ = true;
    flush_row();  // a last row left without end_row
    if (format_ == OutFormat::json) out_.write(rows_ ? "\n]\n" : "]\n");
}

void write_json(Output& out, const nlohmann::json& doc, int precision) {
    out.write(bare_exponents(cleaned(doc, precision).dump(2, ' ', false, utf8_replace)));
    out.write("\n");
}

}  // namespace mlm::io
