// mlm-plot: see the math. Line, scatter, histogram, bar and contour plots of
// mlm's tables, drawn in the terminal (braille) or to SVG, PNG or PDF (cairo).

#include "cli/expression_argument.hpp"
#include "cli/run_main.hpp"
#include "cli/validators.hpp"
#include "error.hpp"
#include "plot/plot_tool.hpp"

namespace mlm::plot_tool {
namespace {

// -o, --title, --width, --height, -q: the picture's options, on every subcommand.
void add_picture_options(cli::Command& app, Options& o) {
    const char* g = "Picture";
    app.add_option("-o,--output", o.common.output, "write the picture to FILE: .svg, .png, .pdf or .txt")
        ->type_name("FILE")->group(g);
    app.add_option("--title", o.title, "a title above the plot")->type_name("TEXT")->group(g);
    app.add_option("--width", o.width, "columns on a terminal, pixels in a file (default: the terminal, 640)")
        ->check(cli::range(1, 10000))->type_name("W")->group(g);
    app.add_option("--height", o.height, "rows on a terminal, pixels in a file (default: the terminal, 480)")
        ->check(cli::range(1, 10000))->type_name("H")->group(g);
    app.add_flag("-q,--quiet", o.common.quiet, "no notes on stderr")->group(g);
}

// The table-reading subcommands also take --pass.
cli::Command* add_table_command(cli::Command& app, Options& o, const char* name, const char* what) {
    auto* c = app.add_subcommand(name, what);
    cli::add_standard_options(*c, o.common, cli::input);
    add_picture_options(*c, o);
    c->add_flag("--pass", o.pass, "copy the input unchanged to stdout; the picture goes to -o or stderr")
        ->group("Picture");
    return c;
}

void declare(cli::Command& app, Options& o) {
    app.require_subcommand(1);
    app.footer("Examples:\n"
               "  mlm-plot scatter -x PC1 -y PC2 --color species scores.csv -o scores.png\n"
               "  mlm-gd minimize 'x^2' --start x=3 --trace | mlm-plot line -x step -y f --log-y\n"
               "See man mlm-plot for hist --overlay and contour --path.");
    auto* line = add_table_command(app, o, "line", "one line per -y column against -x");
    line->add_option("-x", o.x, "the x column (default: the row number)")->type_name("COL");
    line->add_option("-y", o.y, "the y columns, one line each")->required()->type_name("COLS");
    line->add_flag("--log-y", o.log_y, "a logarithmic y axis");

    auto* scatter = add_table_command(app, o, "scatter", "a point per row at (-x, -y)");
    scatter->add_option("-x", o.x, "the x column")->required()->type_name("COL");
    scatter->add_option("-y", o.y, "the y column")->required()->type_name("COL");
    scatter->add_option("--color", o.color, "colour the points by this label column, with a legend")
        ->type_name("COL");

    auto* hist = add_table_command(app, o, "hist", "a histogram of column -c");
    cli::add_standard_options(*hist, o.common, cli::columns);
    hist->add_option("--bins", o.bins, "N equal-width bins, or auto (Freedman-Diaconis, default)")
        ->check(cli::bin_count())->type_name("N|auto");
    hist->add_flag("--density", o.density, "bar heights are densities (area 1), not counts");
    hist->add_option("--overlay", o.overlay, "draw a pdf over the bars: normal:MU,SD")->type_name("SPEC");

    auto* bar = add_table_command(app, o, "bar", "a bar per row: height -y, labelled by -x");
    bar->add_option("-x", o.x, "the label column (default: the row number)")->type_name("COL");
    bar->add_option("-y", o.y, "the height column")->required()->type_name("COL");

    auto* contour = app.add_subcommand("contour", "the level curves of EXPR, with a descent path");
    cli::add_expression_argument(*contour, o.expression, "a function of two variables, e.g. 'x^2 + 3*y^2'");
    contour->add_option("-x,--x", o.x, "the range of the first variable")->required()->type_name("LO,HI");
    contour->add_option("-y,--y", o.y, "the range of the second variable")->required()->type_name("LO,HI");
    contour->add_option("--levels", o.levels, "about N level curves at round values (default 10)")
        ->check(cli::range(2, 100))->type_name("N");
    contour->add_option("--grid", o.grid, "sample EXPR on N x N points (default 200)")
        ->check(cli::range(2, 2000))->type_name("N");
    contour->add_option("--path", o.path, "draw the steps of mlm-gd minimize --trace from FILE")
        ->type_name("FILE");
    add_picture_options(*contour, o);
}

int run(const Options& o, cli::Context& ctx) {
    check_output_name(o);
    const std::string& c = o.common.command;
    const plot::Figure figure = c == "line"      ? line_figure(o, ctx)
                                : c == "scatter" ? scatter_figure(o, ctx)
                                : c == "hist"    ? hist_figure(o, ctx)
                                : c == "bar"     ? bar_figure(o, ctx)
                                                 : contour_figure(o, ctx);
    emit(o, ctx, figure);
    return status_ok;
}

}  // namespace
}  // namespace mlm::plot_tool

int main(int argc, char** argv) {
    using namespace mlm;
    return cli::run_main<plot_tool::Options>(
        argc, argv, {"mlm-plot", "line, scatter, histogram, bar and contour plots in the terminal or a file",
                     {"-x", "-y", "--color", "--bins", "--pass"}},
        plot_tool::declare, plot_tool::run);
}
