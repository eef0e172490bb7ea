// mlm-plot's parts: the options, the input (held for --pass), one file per
// subcommand that builds a plot::Figure from the data, and the output that
// draws it on the terminal or into an SVG, PNG or PDF file.
#pragma once

#include "cli/context.hpp"
#include "io/table.hpp"
#include "plot/figure.hpp"

#include <optional>
#include <string>
#include <vector>

namespace mlm::plot_tool {

struct Options {
    cli::StandardOptions common;
    std::string x, y;          // -x COL, -y COL[S]; contour: --x LO,HI, --y LO,HI
    std::string color;         // scatter --color COL
    bool log_y = false;        // line --log-y
    std::string bins = "auto"; // hist --bins N|auto
    bool density = false;      // hist --density
    std::string overlay;       // hist --overlay normal:MU,SD
    std::string expression;    // contour EXPR
    std::string path;          // contour --path FILE (a --trace of mlm-gd minimize)
    int levels = 10;           // contour --levels N
    int grid = 200;            // contour --grid N
    std::string title;
    int width = 0, height = 0;  // 0: the terminal's size, or 640 x 480 pixels for a file
    bool pass = false;
};

// The columns a subcommand plots, read whole.
struct Data {
    std::vector<std::vector<double>> numbers;  // one vector per number column asked
    std::vector<std::string> number_names;
    // The text column asked (scatter --color, bar -x): each row's group number
    // in order of first appearance, and the group names.
    std::vector<std::uint32_t> group;
    std::vector<std::string> group_names;
    std::string text_name;
};

// Reads the number columns `numbers` (column specs) and optionally one text
// column; with --pass the input is copied unchanged to standard output first.
Data read_data(const Options& o, cli::Context& ctx, const std::vector<std::string>& numbers,
               const std::string& text = {});

// Draws the figure where the options say: -o FILE.svg|png|pdf|txt, else the
// terminal (stdout, or stderr with --pass).
void emit(const Options& o, cli::Context& ctx, const plot::Figure& figure);
// Refuses an -o whose extension is none of those (status 2), before any reading.
void check_output_name(const Options& o);

plot::Figure line_figure(const Options& o, cli::Context& ctx);
plot::Figure scatter_figure(const Options& o, cli::Context& ctx);
plot::Figure hist_figure(const Options& o, cli::Context& ctx);
plot::Figure bar_figure(const Options& o, cli::Context& ctx);
plot::Figure contour_figure(const Options& o, cli::Context& ctx);

}  // namespace mlm::plot_tool
