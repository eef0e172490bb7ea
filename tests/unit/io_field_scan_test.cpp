// The one-pass field splitter: the vector masks (AVX2 or SSE2, whichever this
// build has) match the byte-at-a-time masks, the scanner visits exactly the
// delimiters, newlines and quotes of a range without reading past it, and a
// chunk parsed from the masks gives what splitting it line by line with
// split_csv_line gives: the same cells, rows, lines and errors.
#include "io/csv_chunk.hpp"
#include "io/csv_rows.hpp"
#include "io/field_scan.hpp"
#include "io/number.hpp"

#include "error.hpp"

#include <bit>
#include <catch2/catch.hpp>
#include <cstdint>
#include <memory>
#include <random>
#include <string>
#include <vector>

using namespace mlm::io;

namespace {

// A literal's bytes, NULs included (without its terminating NUL).
template <std::size_t N>
std::string bytes_of(const char (&literal)[N]) {
    return std::string(literal, N - 1);
}

// The events of [begin, end) the scanner visits: (offset, kind) with kind d, n or q.
std::vector<std::pair<std::size_t, char>> scanned(const std::string& text, char delimiter) {
    // An allocation of exactly the text's size: ASan sees any read past it.
    auto bytes = std::make_unique<char[]>(text.size() + 1);
    char* begin = bytes.get() + 1;  // +1: the range need not start aligned
    std::copy(text.begin(), text.end(), begin);
    FieldScanner scan(begin, begin + text.size(), delimiter);
    std::vector<std::pair<std::size_t, char>> events;
    while (scan.next())
        events.emplace_back(scan.where() - begin, scan.at_delimiter() ? 'd' : scan.at_newline() ? 'n' : 'q');
    return events;
}

std::vector<std::pair<std::size_t, char>> expected_events(const std::string& text, char delimiter) {
    std::vector<std::pair<std::size_t, char>> events;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == delimiter) events.emplace_back(i, 'd');
        else if (text[i] == '\n') events.emplace_back(i, 'n');
        else if (text[i] == '"') events.emplace_back(i, 'q');
    }
    return events;
}

// What parse_csv_chunk gives, in plain values.
struct Parsed {
    std::vector<std::string> texts;
    std::vector<double> numbers;
    std::vector<std::size_t> row_lines;
    std::size_t rows = 0, lines = 0, skipped = 0;
    std::string error;
    std::size_t error_line = 0, error_column = 0;
    bool operator==(const Parsed&) const = default;
};

Parsed parsed(const std::string& chunk, const CsvPlan& plan) {
    ParsedChunk c = parse_csv_chunk(std::make_shared<const std::string>(chunk), plan);
    Parsed p;
    for (std::string_view t : c.store->texts) p.texts.emplace_back(t);
    p.numbers = c.store->numbers;
    p.row_lines = c.store->lines;
    p.rows = c.rows;
    p.lines = c.lines;
    p.skipped = c.skipped;
    if (c.error) {
        p.error = c.error->message;
        p.error_line = c.error->line;
        p.error_column = c.error->column;
    }
    return p;
}

// The same chunk split the plain way: each line cut at its newline, CR
// dropped, blank lines skipped, split_csv_line, then the field count.
// (Cells that are empty or not numbers are left to the cases that parse
// numbers: the random tables here skip missing cells and hold valid numbers.)
Parsed line_by_line(const std::string& chunk, const CsvPlan& plan) {
    Parsed p;
    std::vector<Cell> cells;
    std::string scratch;
    for (std::size_t at = 0; at < chunk.size();) {
        std::size_t nl = chunk.find('\n', at);
        std::string_view line(chunk.data() + at, (nl == std::string::npos ? chunk.size() : nl) - at);
        at = nl == std::string::npos ? chunk.size() : nl + 1;
        ++p.lines;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line.find_first_not_of(plan.delimiter == '\t' ? " " : " \t") == std::string_view::npos) continue;
        try {
            split_csv_line(line, plan.delimiter, cells, scratch, std::string(), p.lines);
        } catch (const mlm::InputError& e) {
            p.error = e.message();
            p.error_line = p.lines;
            p.error_column = e.column();
            return p;
        }
        if (cells.size() != plan.names.size()) {
            p.error = "expected " + std::to_string(plan.names.size()) + " fields, found " + std::to_string(cells.size());
            p.error_line = p.lines;
            p.error_column = std::min(cells.size(), plan.names.size()) + 1;
            return p;
        }
        std::vector<std::string> texts;
        std::vector<double> numbers;
        bool missing = false;
        for (const ColumnRequest& r : plan.requests) {
            std::string_view cell = cells[r.index].text;
            missing = missing || cell.empty();
            double x = 0;
            if (r.type == ColumnType::number) {
                if (!cell.empty()) REQUIRE(parse_number(cell, x) == ParseResult::ok);
                numbers.push_back(x);
            } else {
                texts.emplace_back(cell);
            }
        }
        if (missing) {
            ++p.skipped;
            continue;
        }
        p.texts.insert(p.texts.end(), texts.begin(), texts.end());
        p.numbers.insert(p.numbers.end(), numbers.begin(), numbers.end());
        p.row_lines.push_back(p.lines);
        ++p.rows;
    }
    return p;
}

CsvPlan plan_of(char delimiter, std::size_t columns, std::vector<ColumnRequest> requests) {
    CsvPlan plan;
    plan.delimiter = delimiter;
    for (std::size_t j = 0; j < columns; ++j) plan.names.push_back(std::string(1, 'c').append(std::to_string(j + 1)));
    plan.requests = std::move(requests);
    for (const ColumnRequest& r : plan.requests)
        ++(r.type == ColumnType::number ? plan.number_columns : plan.text_columns);
    plan.skip_missing = true;
    return plan;
}

// Random lines of `columns` fields (now and then one more or fewer, or many
// more), cells of 0 to 40 bytes from an alphabet heavy in the bytes that
// matter: the delimiter, spaces, tabs, CR, NUL, bytes >= 0x80 and, now and
// then, quotes (well formed or not). Lines end in LF or CRLF, some are blank,
// and the last may lack its newline.
std::string random_chunk(std::mt19937& rng, char delimiter, std::size_t columns, std::size_t lines) {
    auto chance = [&](int one_in) { return std::uniform_int_distribution<int>(1, one_in)(rng) == 1; };
    const std::string alphabet = bytes_of("abcxyz019 \t\r\x80\xff\0");
    std::string text;
    for (std::size_t i = 0; i < lines; ++i) {
        if (chance(15)) {
            text += chance(2) ? "" : delimiter == '\t' ? "  " : " \t ";
        } else {
            std::size_t fields = columns;
            if (chance(60)) fields = chance(2) ? columns + 1 : columns - 1;
            if (chance(80)) fields = columns + 30;
            for (std::size_t f = 0; f < fields; ++f) {
                if (f) text += delimiter;
                if (chance(40)) {
                    text += "\"q" + std::string(1, delimiter) + "\"\"x\"";  // a quoted cell
                    continue;
                }
                std::size_t n = std::uniform_int_distribution<std::size_t>(0, 40)(rng);
                if (n > 20 && chance(2)) n = 1 + n % 3;  // short cells mostly
                for (std::size_t c = 0; c < n; ++c) {
                    char b = alphabet[std::uniform_int_distribution<std::size_t>(0, alphabet.size() - 1)(rng)];
                    if (chance(300)) b = '"';  // a quote inside a cell, or a stray one
                    text += b;
                }
            }
        }
        if (i + 1 < lines || chance(2)) text += chance(4) ? "\r\n" : "\n";
    }
    return text;
}

}  // namespace

TEST_CASE("field scan: the vector masks are the byte-at-a-time masks", "[field_scan]") {
    std::mt19937 rng(16);
    const std::string alphabet = bytes_of(",\t\n\"\r a0\x80\xff\0");
    for (char delimiter : {',', '\t', ';'}) {
        for (int round = 0; round < 2000; ++round) {
            char block[scan_block_bytes];
            for (char& b : block) b = alphabet[std::uniform_int_distribution<std::size_t>(0, alphabet.size() - 1)(rng)];
            ByteMasks fast = scan_block(block, delimiter), slow = scan_block_scalar(block, delimiter);
            REQUIRE(fast.delimiters == slow.delimiters);
            REQUIRE(fast.newlines == slow.newlines);
            REQUIRE(fast.quotes == slow.quotes);
        }
    }
}

TEST_CASE("field scan: a delimiter, newline or quote is found at every position, in and across blocks",
          "[field_scan]") {
    for (char b : {',', '\n', '"'}) {
        for (std::size_t size : {1u, 31u, 32u, 33u, 63u, 64u, 65u, 127u, 128u, 129u, 200u}) {
            for (std::size_t at = 0; at < size; ++at) {
                std::string text(size, 'x');
                text[at] = b;
                REQUIRE(scanned(text, ',') == expected_events(text, ','));
                text[size - 1 - at] = '\t';
                REQUIRE(scanned(text, '\t') == expected_events(text, '\t'));
            }
        }
    }
    REQUIRE(scanned("", ',').empty());
}

TEST_CASE("field scan: random bytes give exactly the events of a byte-at-a-time scan", "[field_scan]") {
    std::mt19937 rng(7);
    const std::string alphabet = bytes_of(",\t\n\"\r a\x80\0");
    for (int round = 0; round < 3000; ++round) {
        std::string text(std::uniform_int_distribution<std::size_t>(0, 300)(rng), ' ');
        for (char& b : text) b = alphabet[std::uniform_int_distribution<std::size_t>(0, alphabet.size() - 1)(rng)];
        for (char delimiter : {',', '\t'}) REQUIRE(scanned(text, delimiter) == expected_events(text, delimiter));
    }
}

TEST_CASE("field scan: skip_to_newline counts the delimiters before the newline, across blocks", "[field_scan]") {
    for (std::size_t fields : {1u, 5u, 40u, 100u}) {
        std::string line;
        for (std::size_t f = 0; f < fields; ++f) line.append(f ? 1 : 0, ',').append(f % 3, 'v');
        std::string text = line + "\nnext,line\n";
        FieldScanner scan(text.data(), text.data() + text.size(), ',');
        std::size_t delimiters = 0;
        REQUIRE(scan.skip_to_newline(delimiters));
        REQUIRE(delimiters == fields - 1);
        REQUIRE(scan.next());
        REQUIRE(scan.at_newline());
        REQUIRE(scan.where() == text.data() + line.size());
        text[text.size() / 3] = '"';  // a quote before the newline is reported
        FieldScanner quoted(text.data(), text.data() + text.size(), ',');
        delimiters = 0;
        if (text.size() / 3 < line.size()) REQUIRE_FALSE(quoted.skip_to_newline(delimiters));
    }
}

TEST_CASE("field scan: chunks split from masks are chunks split line by line", "[field_scan][chunks]") {
    std::mt19937 rng(2026);
    const std::vector<std::vector<ColumnRequest>> selections = {
        {{1, ColumnType::text}},
        {{0, ColumnType::text}, {3, ColumnType::text}},
        {{2, ColumnType::text}, {0, ColumnType::text}},
        {},
    };
    for (char delimiter : {',', '\t', ';', '\r', '"'}) {
        for (const auto& requests : selections) {
            CsvPlan plan = plan_of(delimiter, 4, requests);
            for (int round = 0; round < 300; ++round) {
                std::string chunk = random_chunk(rng, delimiter, 4, std::uniform_int_distribution<std::size_t>(1, 40)(rng));
                INFO("delimiter " << int(delimiter) << ", chunk: " << chunk);
                REQUIRE(parsed(chunk, plan) == line_by_line(chunk, plan));
            }
        }
    }
}

TEST_CASE("field scan: CRLF, delimiters and quotes at every offset from a block start", "[field_scan][chunks]") {
    CsvPlan plan = plan_of(',', 3, {{0, ColumnType::text}, {2, ColumnType::text}});
    for (std::size_t pad = 0; pad < 140; ++pad) {
        const std::string a(pad, 'a');
        for (const std::string& chunk :
             {a + ",b,c\r\nd,e,f\r\n", a + ",b,c\nd,e,f", a + ",b,c\r\n\r\nd,,f\r\n", a + ",\"b,\",c\nd,e,\"f\"\n",
              a + ",b\nd,e,f\n", a + ",b,c,d\nd,e,f\n", a + std::string(1, '\0') + ",b,c\n\"x\n"}) {
            INFO("pad " << pad << ", chunk: " << chunk);
            REQUIRE(parsed(chunk, plan) == line_by_line(chunk, plan));
        }
    }
}

TEST_CASE("field scan: numbers are parsed from the fields, past a block end too", "[field_scan][chunks]") {
    CsvPlan plan = plan_of(',', 3, {{0, ColumnType::number}, {2, ColumnType::number}, {1, ColumnType::text}});
    std::string chunk;
    for (int i = 0; i < 50; ++i) chunk += std::to_string(i) + ".125,t" + std::to_string(i % 7) + ",-" + std::to_string(i) + "e-3\r\n";
    Parsed p = parsed(chunk, plan);
    REQUIRE(p == line_by_line(chunk, plan));
    REQUIRE(p.rows == 50);
    REQUIRE(p.numbers[2 * 49] == Approx(49.125));
    REQUIRE(p.numbers[2 * 49 + 1] == Approx(-0.049));
    REQUIRE(p.texts[49] == "t0");
}

TEST_CASE("field scan: a field count is checked far after the last selected column", "[field_scan][chunks]") {
    CsvPlan plan = plan_of(',', 4, {{0, ColumnType::text}});
    std::string ragged = "a,b,c,d\n" + std::string(100, 'x');
    for (int f = 1; f < 40; ++f) ragged += ",y";
    Parsed p = parsed(ragged + "\na,b,c,d\n", plan);
    REQUIRE(p.error == "expected 4 fields, found 40");
    REQUIRE(p.error_line == 2);
    REQUIRE(p.error_column == 5);
    REQUIRE(p.rows == 1);
    // In TSV a line of tabs is a row of empty cells, counted like any other.
    CsvPlan tsv = plan_of('\t', 4, {{1, ColumnType::text}});
    Parsed t = parsed("a\tb\tc\td\n\t\t\t\t\n", tsv);
    REQUIRE(t.error == "expected 4 fields, found 5");
    REQUIRE(t.error_line == 2);
    REQUIRE(t.error_column == 5);
}

namespace {

// Lines of number-like cells: plain decimals (read straight from the chunk)
// among cells that a plain line must not take: blanks around a number,
// exponents and long digit strings (fast_float's), nan, inf, 1e400, empty,
// quoted (with a delimiter inside), signs and points alone, a CR inside a
// line, wrong field counts.
std::string random_number_chunk(std::mt19937& rng, char delimiter, std::size_t columns, std::size_t lines) {
    auto chance = [&](int one_in) { return std::uniform_int_distribution<int>(1, one_in)(rng) == 1; };
    const std::vector<std::string> odd = {"1e5",   "-2.5E-3", "12345678901234567", "0.1234567890123456", " 2",
                                          "3 ",    "",        "nan",               "inf",                "1e400",
                                          "+1",    "0x10",    "1.2.3",             "abc",                "\"3\"",
                                          "-",     ".",       "-.5",               "7.",                 "1\r",
                                          "\xff",  "-0",      "1e-400",            "00012",              "9\t"};
    std::string text;
    for (std::size_t i = 0; i < lines; ++i) {
        if (chance(30)) {
            text += chance(2) ? "" : " ";
        } else {
            std::size_t fields = columns;
            if (chance(40)) fields = chance(2) ? columns + 1 : columns - 1;
            for (std::size_t f = 0; f < fields; ++f) {
                if (f) text += delimiter;
                if (chance(50)) {
                    text += "\"4" + std::string(1, delimiter) + "5\"";  // one field, or two unquoted
                } else if (chance(12)) {
                    text += odd[std::uniform_int_distribution<std::size_t>(0, odd.size() - 1)(rng)];
                } else {
                    if (chance(3)) text += '-';
                    text += std::to_string(std::uniform_int_distribution<int>(0, 99999)(rng));
                    if (chance(2)) text += '.' + std::to_string(std::uniform_int_distribution<int>(0, 999)(rng));
                }
            }
        }
        if (i + 1 < lines || chance(2)) text += chance(4) ? "\r\n" : "\n";
    }
    return text;
}

}  // namespace

// A plan of numbers only reads plain lines straight from the chunk; one with
// a text column reads every line from the masks. With the text request last
// and on a column that is also read as a number, both must give the same
// numbers, rows, lines, skips and errors.
TEST_CASE("field scan: lines of numbers read straight from the chunk read as from the masks",
          "[field_scan][chunks][numbers]") {
    std::mt19937 rng(1616);
    const std::vector<std::vector<ColumnRequest>> selections = {
        {{0, ColumnType::number}, {1, ColumnType::number}, {2, ColumnType::number}, {3, ColumnType::number}},
        {{2, ColumnType::number}, {0, ColumnType::number}},
        {{1, ColumnType::number}},
        {{3, ColumnType::number}, {3, ColumnType::number}, {1, ColumnType::number}},
    };
    std::size_t straight = 0;
    for (char delimiter : {',', '\t', ';'}) {
        for (const auto& requests : selections) {
            for (bool skip_missing : {true, false}) {
                CsvPlan numbers = plan_of(delimiter, 4, requests);
                numbers.skip_missing = skip_missing;
                std::vector<ColumnRequest> with_text = requests;
                with_text.push_back({requests.front().index, ColumnType::text});
                CsvPlan masks = plan_of(delimiter, 4, with_text);
                masks.skip_missing = skip_missing;
                for (int round = 0; round < 150; ++round) {
                    std::string chunk = random_number_chunk(rng, delimiter, 4,
                                                            std::uniform_int_distribution<std::size_t>(1, 120)(rng));
                    INFO("delimiter " << int(delimiter) << ", skip " << skip_missing << ", chunk: " << chunk);
                    Parsed a = parsed(chunk, numbers), b = parsed(chunk, masks);
                    // Bit for bit: nan is a number here, and nan != nan.
                    REQUIRE(a.numbers.size() == b.numbers.size());
                    for (std::size_t i = 0; i < a.numbers.size(); ++i)
                        REQUIRE(std::bit_cast<std::uint64_t>(a.numbers[i]) ==
                                std::bit_cast<std::uint64_t>(b.numbers[i]));
                    a.numbers.clear();
                    b.numbers.clear();
                    b.texts.clear();
                    REQUIRE(a == b);
                    straight += a.rows;
                }
            }
        }
    }
    CHECK(straight > 10000);  // the rows were there to read
}

TEST_CASE("field scan: a line of numbers ends at LF, CRLF or the chunk's end; quotes are split as quoted",
          "[field_scan][chunks][numbers]") {
    CsvPlan plan = plan_of(',', 2, {{0, ColumnType::number}, {1, ColumnType::number}});
    plan.skip_missing = false;
    Parsed p = parsed("1,2\r\n3.5,-4\n5,6e1\r", plan);
    REQUIRE(p.error.empty());
    REQUIRE(p.numbers == std::vector<double>{1, 2, 3.5, -4, 5, 60});
    REQUIRE(p.row_lines == std::vector<std::size_t>{1, 2, 3});
    Parsed cr = parsed("1,2\n3,4\r\r\n", plan);  // one CR is the line's; the other is in the cell
    REQUIRE(cr.error == "expected a number, got \"4\r\"");
    REQUIRE(cr.error_line == 2);
    REQUIRE(cr.error_column == 2);
    Parsed after = parsed("1,2\n3,4\rx\n", plan);
    REQUIRE(after.error == "expected a number, got \"4\rx\"");
    REQUIRE(after.rows == 1);
    // Quotes in the fields passed over: split as quoted, into fewer fields than 4.
    CsvPlan gaps = plan_of(',', 4, {{3, ColumnType::number}, {1, ColumnType::number}});
    for (const auto& [line, fields] : {std::pair<std::string, int>{"\"a,7,b\",1\n", 2}, {"0,7,\"b,1\"\n", 3}}) {
        Parsed q = parsed("0,7,b,1\n" + line, gaps);
        REQUIRE(q.error == "expected 4 fields, found " + std::to_string(fields));
        REQUIRE(q.error_line == 2);
        REQUIRE(q.numbers == std::vector<double>{1, 7});
    }
}

TEST_CASE("field scan: a chunk's room for rows is what its bytes can hold, for wide rows too",
          "[field_scan][chunks][edge]") {
    // 20,000 numbers a line: room for rows of a fixed 16 bytes asked 11 GB a
    // 1 MiB chunk, refused under a 4 GB address-space limit.
    const std::size_t columns = 20000;
    std::vector<ColumnRequest> requests;
    for (std::size_t j = 0; j < columns; ++j) requests.push_back({j, ColumnType::number});
    CsvPlan plan = plan_of(',', columns, requests);
    std::string line;
    for (std::size_t j = 0; j < columns; ++j) line += (j ? ",1.5" : "1.5");
    line += '\n';
    std::string chunk;
    while (chunk.size() < (std::size_t{1} << 20)) chunk += line;
    ParsedChunk c = parse_csv_chunk(std::make_shared<const std::string>(chunk), plan);
    REQUIRE(!c.error);
    REQUIRE(c.rows == chunk.size() / line.size());
    CHECK(c.store->numbers.size() == c.rows * columns);
    CHECK(c.store->numbers.capacity() * sizeof(double) <= 4 * chunk.size());
    CHECK(c.store->lines.capacity() <= chunk.size());
}
