// The few exception types of libmlm. Library code throws them; lib/cli turns
// each into one GNU-style stderr line and the contract's exit status, in one place.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>

namespace mlm {

// Exit statuses of CONTRACT.md section 5.
enum Status : int {
    status_ok = 0,
    status_check_failed = 1,
    status_usage = 2,
    status_input = 3,
    status_numeric = 4,
    status_io = 5,
};

class Error : public std::runtime_error {
public:
    explicit Error(const std::string& text) : std::runtime_error(text), text_(text) {}
    explicit Error(const char* text) : Error(std::string(text)) {}
    virtual int status() const noexcept = 0;
    // The whole message: what() stops at a NUL byte that input put in it.
    const std::string& text() const noexcept { return text_; }

private:
    std::string text_;
};

// Bad command line: unknown option, bad option value, unknown column.
class UsageError : public Error {
public:
    using Error::Error;
    int status() const noexcept override { return status_usage; }
};

// Bad input data. `file`, `line` and `column` are optional (empty / 0 when
// unknown); what() renders them as "file:line:column: message".
class InputError : public Error {
public:
    explicit InputError(const std::string& message, std::string file = {},
                        std::size_t line = 0, std::size_t column = 0)
        : Error(render(message, file, line, column)),
          message_(message), file_(std::move(file)), line_(line), column_(column) {}

    int status() const noexcept override { return status_input; }
    const std::string& message() const noexcept { return message_; }
    const std::string& file() const noexcept { return file_; }
    std::size_t line() const noexcept { return line_; }
    std::size_t column() const noexcept { return column_; }

private:
    static std::string render(const std::string& message, const std::string& file,
                              std::size_t line, std::size_t column) {
        std::string out;
        if (!file.empty()) out += file + ":";
        if (line) out += std::to_string(line) + ":";
        if (column) out += std::to_string(column) + ":";
        if (!out.empty()) out += " ";
        return out + message;
    }
    std::string message_;
    std::string file_;
    std::size_t line_;
    std::size_t column_;
};

// Diverged, did not converge, singular where it must not be.
class NumericError : public Error {
public:
    using Error::Error;
    int status() const noexcept override { return status_numeric; }
};

// Unreadable file, failed write.
class IoError : public Error {
public:
    using Error::Error;
    int status() const noexcept override { return status_io; }
};

}  // namespace mlm
