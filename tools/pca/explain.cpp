// --explain: the fit as a walk through its steps, with the input's numbers
// where there are few enough to read (CONTRACT.md section 7).
#include "io/number.hpp"
#include "pca/pca_tool.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <numeric>
#include <string>

namespace mlm::pca_tool {
namespace {

constexpr Eigen::Index readable = 8;  // columns up to which matrices are printed in full

constexpr std::size_t page_width = 80;  // CONTRACT.md section 7

// Joins a number to its name ("alcohol 13", "+ 0.42 flavanoids") so that a
// line is never broken between them; printed as a space.
constexpr char glue = '\x1f';

// One line broken into lines of at most `width` columns at spaces (never at a
// glue). Continuation lines start under the text after "PCk = " in a loading
// sum, under the text of a numbered step ("2. "), two columns in for a list
// of values, and at the line's own indentation for prose.
std::string wrapped(const std::string& line, std::size_t width) {
    if (line.size() <= width) {
        std::string out = line;
        std::replace(out.begin(), out.end(), glue, ' ');
        return out + "\n";
    }
    const std::size_t lead = line.find_first_not_of(' ');
    std::size_t indent = line.find(glue) != std::string::npos ? lead + 2 : lead;
    const std::size_t equals = line.find(" = ");
    if (line.compare(lead, 2, "PC") == 0 && equals != std::string::npos && equals < 20) indent = equals + 3;
    else if (line.size() > lead + 2 && std::isdigit(static_cast<unsigned char>(line[lead])) &&
             line.compare(lead + 1, 2, ". ") == 0)
        indent = lead + 3;
    std::vector<std::string> words;
    std::size_t at = lead;
    while (at < line.size()) {
        std::size_t end = line.find(' ', at);
        if (end == std::string::npos) end = line.size();
        std::string word = line.substr(at, end - at);
        std::replace(word.begin(), word.end(), glue, ' ');
        if (!word.empty()) words.push_back(std::move(word));
        at = end + 1;
    }
    std::string out(lead, ' ');
    std::size_t column = lead;
    bool first = true;
    for (const auto& w : words) {
        if (!first && column + 1 + w.size() > width) {
            out += '\n';
            out.append(indent, ' ');  // not "\n" + string: g++ 12's false -Wrestrict (PR 105329)
            column = indent;
            first = true;
        }
        if (!first) {
            out += ' ';
            ++column;
        }
        out += w;
        column += w.size();
        first = false;
    }
    return out + "\n";
}

// The walkthrough is gathered, then printed wrapped at page_width.
class Text {
public:
    Text(cli::Context& ctx, int precision) : ctx_(ctx), precision_(precision ? precision : 4) {}
    ~Text() {
        std::size_t start = 0;
        while (start < text_.size()) {
            std::size_t end = text_.find('\n', start);
            if (end == std::string::npos) end = text_.size();
            ctx_.out() << wrapped(text_.substr(start, end - start), page_width);
            start = end + 1;
        }
    }
    std::string num(double x) const { return io::format_number(x, precision_); }
    static std::string pct(double ratio) { return io::format_number(100 * ratio, 4) + "%"; }
    Text& operator<<(const std::string& s) {
        text_ += s;
        return *this;
    }

private:
    cli::Context& ctx_;
    int precision_;
    std::string text_;
};

std::string padded(std::string s, std::size_t width) {
    if (s.size() < width) s.insert(0, width - s.size(), ' ');
    return s;
}

constexpr Eigen::Index listed = 20;  // values listed in full up to this many; beyond, the first 8

std::string labelled(const Text& t, const std::vector<std::string>& names, const Eigen::VectorXd& v) {
    std::string out;
    const Eigen::Index shown = v.size() <= listed ? v.size() : readable;
    for (Eigen::Index j = 0; j < shown; ++j)
        out += (j ? ", " : "") + names[static_cast<std::size_t>(j)] + glue + t.num(v(j));
    if (shown < v.size()) out += ", ... (" + std::to_string(v.size()) + " columns)";
    return out;
}

// The covariance the eigenvalues belong to: the model's columns, scaled.
Eigen::MatrixXd analysed_covariance(const linalg::Partial& data, const linalg::PcaModel& model) {
    std::vector<Eigen::Index> at;
    for (const auto& f : model.features)
        at.push_back(std::find(data.features.begin(), data.features.end(), f) - data.features.begin());
    const Eigen::VectorXd inverse = model.scale.cwiseInverse();
    return inverse.asDiagonal() * data.moments.columns(at).covariance() * inverse.asDiagonal();
}

void print_matrix(Text& t, const std::vector<std::string>& names, const Eigen::MatrixXd& m) {
    std::size_t width = 10;
    for (const auto& n : names) width = std::max(width, n.size() + 1);
    t << "   " << padded("", width);
    for (const auto& n : names) t << padded(n, width);
    t << "\n";
    for (Eigen::Index i = 0; i < m.rows(); ++i) {
        t << "   " << padded(names[static_cast<std::size_t>(i)], width);
        for (Eigen::Index j = 0; j < m.cols(); ++j) t << padded(t.num(m(i, j)), width);
        t << "\n";
    }
}

// "0.3614 sepal_length - 0.08452 sepal_width + ...", the largest terms first
// when there are too many to read.
std::string loading_sum(const Text& t, const std::vector<std::string>& names, const Eigen::RowVectorXd& v) {
    std::vector<Eigen::Index> order(static_cast<std::size_t>(v.size()));
    std::iota(order.begin(), order.end(), 0);
    const bool all = v.size() <= readable;
    if (!all)
        std::stable_sort(order.begin(), order.end(),
                         [&](Eigen::Index a, Eigen::Index b) { return std::abs(v(a)) > std::abs(v(b)); });
    std::string out;
    const std::size_t shown = all ? order.size() : 5;
    for (std::size_t i = 0; i < shown; ++i) {
        const double x = v(order[i]);
        out += i == 0 ? t.num(x) : (x < 0 ? " -" : " +") + std::string(1, glue) + t.num(std::abs(x));
        out += glue + names[static_cast<std::size_t>(order[i])];
    }
    std::string rest = " + ... (the 5 largest of " + std::to_string(v.size()) + ")";
    std::replace(rest.begin() + 1, rest.end(), ' ', glue);  // one unit: never broken
    return all ? out : out + rest;
}

}  // namespace

void print_explanation(const Options& o, cli::Context& ctx, const linalg::Partial& data,
                       const linalg::PcaModel& model) {
    Text t(ctx, o.common.precision);
    const Eigen::Index d = model.components.cols();
    const Eigen::Index k = model.kept();
    const auto pcs = component_names(model.eigenvalues.size());
    const Eigen::VectorXd ratio = linalg::explained_variance_ratio(model);
    const Eigen::VectorXd cumulative = linalg::cumulative_sum(ratio);

    t << "PCA of " << std::to_string(model.n) << " rows x " << std::to_string(d) << " columns, method "
      << std::string(linalg::method_name(model.method)) << "\n\n";
    t << "1. Centre each column on its mean:\n   " << labelled(t, model.features, model.mean) << "\n";
    if (model.standardized)
        t << "   and divide it by its standard deviation (population, divisor n), giving z-scores:\n   "
          << labelled(t, model.features, model.scale) << "\n";
    for (const auto& name : model.dropped) t << "   \"" << name << "\" is constant: left out\n";

    t << "\n2. Covariance matrix C = M2 / (n - 1), M2 = sum of (x - mean)(x - mean)^T over the rows";
    if (d <= readable && data.moments.full()) {
        t << ":\n";
        print_matrix(t, model.features, analysed_covariance(data, model));
    } else if (model.method == linalg::PcaMethod::cov) {
        t << " (" << std::to_string(d) << " x " << std::to_string(d) << ", too large to print)\n";
    } else {
        t << " (" << std::to_string(d) << " x " << std::to_string(d)
          << "): never formed; the SVD of the centred rows X = U S V^T gives its eigenpairs, "
          << "lambda = s^2 / (n - 1) and v the columns of V"
          << (linalg::approximate(model.method) ? " (randomized: approximately)" : "") << "\n";
    }

    t << "\n3. Eigenvalues of C (C v = lambda v): the variance along each component, largest first, "
      << "as a share of the total variance " << t.num(model.total_variance) << " (the trace of C):\n";
    const Eigen::Index rows = model.eigenvalues.size() <= listed ? model.eigenvalues.size() : std::max(k, readable);
    for (Eigen::Index j = 0; j < rows; ++j)
        t << "   " << padded(pcs[static_cast<std::size_t>(j)], 5) << "  lambda " << padded(t.num(model.eigenvalues(j)), 11)
          << "  ratio " << padded(Text::pct(ratio(j)), 9) << "  cumulative " << padded(Text::pct(cumulative(j)), 9)
          << "\n";

    if (rows < model.eigenvalues.size())
        t << "   ... (" << std::to_string(model.eigenvalues.size()) << " components in all)\n";
    t << "\n4. Keep k = " << std::to_string(k) << " components: " << [&] {
        const std::string share = Text::pct(cumulative(k - 1));
        if (o.variance > 0)
            return "the fewest whose cumulative ratio exceeds " + io::format_number(o.variance) + " (" + share + ")";
        if (o.components > 0) return "as -k " + std::to_string(o.components) + " asks (" + share + ")";
        return "all of them (" + share + ")";
    }() << "\n";

    t << "\n5. Their directions (unit eigenvectors v, each flipped so its largest loading is positive):\n";
    for (Eigen::Index i = 0; i < k; ++i)
        t << "   " << pcs[static_cast<std::size_t>(i)] << " = " << loading_sum(t, model.features, model.components.row(i)) << "\n";
    t << "   A row's score on a component is (x - mean)" << (model.standardized ? " / sd" : "")
      << " . v" << (model.whiten ? ", divided by sqrt(lambda) (--whiten)" : "") << ".\n";

    if (!model.standardized)
        if (const auto dominant = linalg::dominant_column(data.moments)) {
            t << "\nMind the units: column \"" << data.features[static_cast<std::size_t>(dominant->column)]
              << "\" holds " << Text::pct(dominant->share)
              << " of the variance, so the components mostly measure its units, not the shape of "
              << "the data; --standardize weighs every column alike.\n";
        }
    t << "\nPCA turns the cloud of rows so that its widest spread lies along PC1, the next widest at "
      << "right angles along PC2, and so on: the " << std::to_string(k) << " kept "
      << (k == 1 ? "component explains " : "components explain ") << Text::pct(cumulative(k - 1))
      << " of the variance, so " << std::to_string(k) << (k == 1 ? " number" : " numbers")
      << " per row keep that much of how the rows differ.\n";
}

}  // namespace mlm::pca_tool
