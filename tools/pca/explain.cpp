// --explain: the fit as a walk through its steps, with the input's numbers
// where there are few enough to read (CONTRACT.md section 7).
#include "io/number.hpp"
#include "pca/pca_tool.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>

namespace mlm::pca_tool {
namespace {

constexpr Eigen::Index readable = 8;  // columns up to which matrices are printed in full

class Text {
public:
    Text(cli::Context& ctx, int precision) : ctx_(ctx), precision_(precision ? precision : 4) {}
    std::string num(double x) const { return io::format_number(x, precision_); }
    static std::string pct(double ratio) { return io::format_number(100 * ratio, 4) + "%"; }
    Text& operator<<(const std::string& s) {
        ctx_.out() << s;
        return *this;
    }

private:
    cli::Context& ctx_;
    int precision_;
};

std::string padded(std::string s, std::size_t width) {
    if (s.size() < width) s.insert(0, width - s.size(), ' ');
    return s;
}

std::string labelled(const Text& t, const std::vector<std::string>& names, const Eigen::VectorXd& v) {
    std::string out;
    for (Eigen::Index j = 0; j < v.size(); ++j)
        out += (j ? ", " : "") + names[static_cast<std::size_t>(j)] + " " + t.num(v(j));
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
        out += i == 0 ? t.num(x) : (x < 0 ? " - " : " + ") + t.num(std::abs(x));
        out += " " + names[static_cast<std::size_t>(order[i])];
    }
    return all ? out : out + " + ... (the 5 largest of " + std::to_string(v.size()) + ")";
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
    } else {
        t << " (" << std::to_string(d) << " x " << std::to_string(d) << ", too large to print)\n";
    }

    t << "\n3. Eigenvalues of C (C v = lambda v): the variance along each component, largest first,\n"
      << "   as a share of the total variance " << t.num(model.total_variance) << " (the trace of C):\n";
    for (Eigen::Index j = 0; j < model.eigenvalues.size(); ++j)
        t << "   " << padded(pcs[static_cast<std::size_t>(j)], 5) << "  lambda " << padded(t.num(model.eigenvalues(j)), 11)
          << "  ratio " << padded(Text::pct(ratio(j)), 9) << "  cumulative " << padded(Text::pct(cumulative(j)), 9)
          << "\n";

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

    t << "\nPCA turns the cloud of rows so that its widest spread lies along PC1, the next widest at\n"
      << "right angles along PC2, and so on: the " << std::to_string(k) << " kept "
      << (k == 1 ? "component explains " : "components explain ") << Text::pct(cumulative(k - 1))
      << " of the variance,\nso " << std::to_string(k) << (k == 1 ? " number" : " numbers")
      << " per row keep that much of how the rows differ.\n";
}

}  // namespace mlm::pca_tool
