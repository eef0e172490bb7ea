// Progress of a long read on stderr, the one meter every tool shows through
// the table reader (CONTRACT.md section 8): bytes and rows read, the rate,
// and the percentage of the input's bytes when its size is known (regular
// files; compressed files count their compressed bytes). Shown only when
// stderr is a terminal, once the read has taken a second, at most twice a
// second on one line rewritten in place, and erased when the read ends.
#pragma once

#include <chrono>
#include <cstddef>
#include <string>

namespace mlm::io {

struct ProgressState {
    std::size_t bytes = 0;  // input bytes read (decompressed)
    std::size_t rows = 0;
    std::size_t raw = 0;    // bytes taken from the files (compressed, when they are)
    std::size_t total = 0;  // the files' size, 0 when unknown (a pipe)
};

// "mlm-pca: 312 MB, 4000000 rows, 95 MB/s, 37%": the meter's text.
std::string progress_line(const std::string& label, const ProgressState& s, double seconds);

class ProgressMeter {
public:
    // Off when `label` is empty or file descriptor 2 is not a terminal.
    explicit ProgressMeter(std::string label);
    ~ProgressMeter();
    ProgressMeter(const ProgressMeter&) = delete;
    ProgressMeter& operator=(const ProgressMeter&) = delete;

    bool on() const { return on_; }
    // Shows `s` when due; cheap to call every few thousand rows.
    void update(const ProgressState& s);
    // Erases the line, if one was shown (the read has ended).
    void finish();

private:
    std::string label_;
    bool on_ = false, shown_ = false;
    std::chrono::steady_clock::time_point start_, last_;
};

}  // namespace mlm::io
