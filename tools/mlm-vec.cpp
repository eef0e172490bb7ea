// mlm-vec: rows as vectors. Norms, dot products, cosine similarity and
// distances row by row; nearest neighbours and analogies by exact search.
#include "cli/run_main.hpp"
#include "cli/validators.hpp"
#include "vec/vec_tool.hpp"

namespace mlm::vec_tool {
namespace {

using namespace cli;

void add_partner_options(cli::Command& sub, Options& o) {
    auto* with = sub.add_option("--with", o.with, "compare each row with this vector: \"v1,v2,...\"")
                     ->type_name("V");
    sub.add_option("--with-row", o.with_row, "compare each row with the row labelled LABEL")
        ->type_name("LABEL")->excludes(with);
}

void declare(cli::Command& app, Options& o) {
    app.require_subcommand(1);
    app.footer("Examples:\n"
               "  mlm-vec cosine --with-row king words.csv     every word's cosine to king\n"
               "  mlm-vec nearest --query king -k 5 words.csv  the 5 words nearest king\n"
               "  mlm-vec analogy king man woman words.csv     king - man + woman\n"
               "See man mlm-vec for every operation.");
    struct Form {
        const char* name;
        const char* help;
        bool binary;
    };
    const Form forms[] = {
        {"norm", "the p-norm of each row (--p 1|2|inf|P)", false},
        {"normalize", "each row divided by its euclidean norm", false},
        {"dot", "the dot product of each row with another vector", true},
        {"cosine", "the cosine similarity of each row with another vector", true},
        {"distance", "the distance of each row to another vector (--metric)", true},
        {"add", "each row plus another vector", true},
        {"sub", "each row minus another vector", true},
    };
    for (const Form& f : forms) {
        auto* sub = app.add_subcommand(f.name, f.help);
        if (std::string(f.name) == "norm")
            sub->add_option("--p", o.p, "which norm: 1, 2 (default), inf or any P >= 1")->type_name("P");
        if (std::string(f.name) == "distance")
            sub->add_option("--metric", o.metric, "euclidean (default), manhattan or cosine")
                ->check(cli::is_member({"euclidean", "manhattan", "cosine"}))->type_name("M");
        if (f.binary) add_partner_options(*sub, o);
        if (std::string(f.name) == "cosine" || std::string(f.name) == "normalize" ||
            std::string(f.name) == "distance")
            sub->add_flag("--zero-safe", o.zero_safe, "a zero vector has cosine 0 instead of failing");
        const bool number = f.name != std::string("normalize") && f.name != std::string("add") &&
                            f.name != std::string("sub");
        const bool explained = f.name == std::string("dot") || f.name == std::string("cosine");
        add_standard_options(*sub, o.common,
                             input | columns | output | (number ? checks : 0u) | (explained ? explain : 0u));
    }
    auto* scale = app.add_subcommand("scale", "each row times K");
    scale->add_option("K", o.factor, "the factor")->required()->check(finite());
    add_standard_options(*scale, o.common, input | columns | output);

    auto* nearest = app.add_subcommand("nearest", "the K rows most similar (cosine) to a query");
    nearest->add_option("--query", o.query, "a row's label, or a vector \"v1,v2,...\"")
        ->required()->type_name("Q");
    auto* analogy = app.add_subcommand("analogy", "the K rows nearest A - B + C");
    analogy->add_option("WORDS", o.analogy, "three row labels A B C: A - B + C")
        ->required()->expected(3)->allow_extra_args(false)->type_name("A B C");
    for (auto* sub : {nearest, analogy}) {
        sub->add_option("-k", o.k, "how many rows to print (default 10)")
            ->check(whole_number(1, 1000000))->type_name("K");
        sub->add_flag("--zero-safe", o.zero_safe, "a zero row has cosine 0 instead of failing");
        add_standard_options(*sub, o.common, input | columns | output);
    }
}

int run(const Options& o, cli::Context& ctx) {
    const std::string& command = o.common.command;
    if (command == "nearest") return run_nearest(o, ctx);
    if (command == "analogy") return run_analogy(o, ctx);
    return run_row_op(o, ctx);
}

}  // namespace
}  // namespace mlm::vec_tool

int main(int argc, char** argv) {
    using namespace mlm;
    return cli::run_main<vec_tool::Options>(
        argc, argv, {"mlm-vec", "rows as vectors: norms, dot, cosine, distances, nearest rows",
         {"--with", "--with-row", "--query", "-k", "--metric", "--p"}},
        vec_tool::declare, vec_tool::run);
}
