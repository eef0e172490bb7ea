// Writes result tables as CSV (default), TSV, JSON (an array of objects) or
// JSON Lines, and JSON documents; numbers via append_number, so every format
// prints the same shortest round-trip (or --precision) digits.
#pragma once

#include "io/output.hpp"

#include <nlohmann/json_fwd.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace mlm::io {

enum class OutFormat { csv, tsv, json, jsonl };

// "csv", "tsv", "json", "jsonl" -> OutFormat; UsageError otherwise.
OutFormat parse_out_format(std::string_view name);

class TableWriter {
public:
    TableWriter(Output& out, OutFormat format, std::vector<std::string> columns, int precision = 0);
    TableWriter& cell(double x);
    TableWriter& cell(std::string_view text);
    TableWriter& cell(const char* text) { return cell(std::string_view(text)); }
    TableWriter& cell(const std::string& text) { return cell(std::string_view(text)); }
    void end_row();
    // Closes the JSON array; call once after the last row.
    void finish();

private:
    void begin_cell();
    void flush_row();
    Output& out_;
    OutFormat format_;
    std::vector<std::string> columns_;
    int precision_;
    std::size_t column_ = 0;
    std::size_t rows_ = 0;
    bool finished_ = false;
    // The CSV or TSV numbers of the row being written, before they go to out_
    // in one append.
    char row_[1024];
    std::size_t row_size_ = 0;
};

// A JSON document, pretty-printed, with doubles rounded to `precision`
// significant digits when it is > 0 and non-finite numbers spelled as the
// strings "nan", "inf", "-inf" (JSON has no such numbers).
void write_json(Output& out, const nlohmann::json& doc, int precision = 0);

// A JSON value for a double that may be non-finite (see write_json).
nlohmann::json json_number(double x);
// A count held in a double, as a JSON integer when it is one (5, not 5.0).
nlohmann::json json_count(double n);

}  // namespace mlm::io
