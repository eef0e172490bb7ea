// Where the picture goes: -o FILE by its extension (cairo for .svg, .png and
// .pdf, the terminal drawing as plain text for .txt), or the terminal: standard
// output, or standard error with --pass. Colours only on a terminal without
// NO_COLOR (https://no-color.org); the size from --width/--height, else the
// terminal's own (TIOCGWINSZ), else 80 x 24.
#include "error.hpp"
#include "plot/cairo_render.hpp"
#include "plot/plot_tool.hpp"
#include "plot/terminal_render.hpp"

#include <algorithm>
#include <cstdlib>
#include <optional>
#include <sys/ioctl.h>
#include <unistd.h>

namespace mlm::plot_tool {

namespace {

enum class Target { svg, png, pdf, text };

std::optional<Target> target_of(const std::string& path) {
    const auto dot = path.rfind('.');
    if (dot == std::string::npos || path.find('/', dot) != std::string::npos) return std::nullopt;
    std::string ext = path.substr(dot + 1);
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    if (ext == "svg") return Target::svg;
    if (ext == "png") return Target::png;
    if (ext == "pdf") return Target::pdf;
    if (ext == "txt") return Target::text;
    return std::nullopt;
}

plot::TerminalSize terminal_size(const Options& o, int fd) {
    plot::TerminalSize size;
    winsize w{};
    if (::isatty(fd) && ::ioctl(fd, TIOCGWINSZ, &w) == 0 && w.ws_col > 0 && w.ws_row > 0) {
        size.columns = w.ws_col;
        size.rows = w.ws_row - 1;  // the prompt's line stays on screen
    }
    if (o.width) size.columns = o.width;
    if (o.height) size.rows = o.height;
    return size;
}

bool color_allowed(int fd) {
    const char* no_color = std::getenv("NO_COLOR");
    return ::isatty(fd) && !(no_color && *no_color);
}

}  // namespace

void check_output_name(const Options& o) {
    if (!o.common.output.empty() && !target_of(o.common.output))
        throw UsageError("-o: cannot tell the picture format from '" + o.common.output +
                         "': name a .svg, .png, .pdf or .txt file");
}

void emit(const Options& o, cli::Context& ctx, const plot::Figure& figure) {
    if (!o.common.output.empty()) {
        const Target t = *target_of(o.common.output);
        if (t == Target::text) {
            ctx.out() << plot::render_terminal(figure, terminal_size(o, -1), false);
            return;
        }
        const plot::FileFormat format = t == Target::svg ? plot::FileFormat::svg
                                        : t == Target::png ? plot::FileFormat::png
                                                           : plot::FileFormat::pdf;
        ctx.out() << plot::render_file(figure, format, {o.width ? o.width : 640, o.height ? o.height : 480});
        return;
    }
    const int fd = o.pass ? 2 : 1;
    const std::string text = plot::render_terminal(figure, terminal_size(o, fd), color_allowed(fd));
    if (o.pass) ctx.err() << text << std::flush;
    else ctx.out() << text;
}

}  // namespace mlm::plot_tool
