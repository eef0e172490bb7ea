#include "io/progress.hpp"

#include <cstdio>
#include <unistd.h>

namespace mlm::io {

std::string progress_line(const std::string& label, const ProgressState& s, double seconds) {
    const double mb = static_cast<double>(s.bytes) / 1e6;
    char text[160];
    int n = std::snprintf(text, sizeof text, "%s: %.0f MB, %zu rows, %.0f MB/s", label.c_str(), mb, s.rows,
                          seconds > 0 ? mb / seconds : 0.0);
    std::string line(text, static_cast<std::size_t>(n > 0 ? std::min<int>(n, sizeof text - 1) : 0));
    if (s.total > 0) {
        const double percent = 100.0 * static_cast<double>(std::min(s.raw, s.total)) / static_cast<double>(s.total);
        std::snprintf(text, sizeof text, ", %.0f%%", percent);
        line += text;
    }
    return line;
}

ProgressMeter::ProgressMeter(std::string label)
    : label_(std::move(label)), on_(!label_.empty() && ::isatty(2)),
      start_(std::chrono::steady_clock::now()), last_(start_) {}

ProgressMeter::~ProgressMeter() { finish(); }

void ProgressMeter::update(const ProgressState& s) {
    if (!on_) return;
    const auto now = std::chrono::steady_clock::now();
    if (now - start_ < std::chrono::seconds(1) || (shown_ && now - last_ < std::chrono::milliseconds(500))) return;
    last_ = now;
    shown_ = true;
    std::string line = "\r";
    line += progress_line(label_, s, std::chrono::duration<double>(now - start_).count());
    line += "\033[K";
    (void)!::write(2, line.data(), line.size());
}

void ProgressMeter::finish() {
    if (!shown_) return;
    shown_ = false;
    (void)!::write(2, "\r\033[K", 4);
}

}  // namespace mlm::io
