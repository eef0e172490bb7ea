#include "bayes/nb_explain.hpp"

#include "bayes/bayes_tool.hpp"
#include "cli/explain_text.hpp"
#include "io/number.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <vector>

namespace mlm::bayes_tool {

namespace {

constexpr std::size_t max_table_rows = 24;  // a parameter table longer than this is cut
constexpr std::size_t max_shown_features = 8, max_shown_classes = 4;

const char* title(bayes::NbKind kind) {
    switch (kind) {
    case bayes::NbKind::gaussian: return "Gaussian";
    case bayes::NbKind::multinomial: return "Multinomial";
    case bayes::NbKind::bernoulli: return "Bernoulli";
    }
    return "";
}

// The rule of a whole row and the term each feature adds to it.
void formulas(bayes::NbKind kind, io::Output& out) {
    out << "  log P(c|x) = log P(c) + sum_j log P(x_j|c) - log P(x)\n"
           "  log P(x)   = log sum_c exp(log P(c) + sum_j log P(x_j|c))\n";
    switch (kind) {
    case bayes::NbKind::gaussian:
        out << "  log P(x_j|c) = -1/2 log(2 pi s2_cj) - (x_j - m_cj)^2 / (2 s2_cj)\n";
        break;
    case bayes::NbKind::multinomial:
        out << "  log P(x_j|c) = x_j log p_cj,  p_cj = (N_cj + alpha) / (N_c + alpha d)\n";
        break;
    case bayes::NbKind::bernoulli:
        out << "  log P(x_j|c) = log p_cj if x_j > 0, else log(1 - p_cj),\n"
               "  p_cj = (n_cj + alpha) / (n_c + 2 alpha)\n";
        break;
    }
}

// A row of a fit's table: a class, a second name and numbers, the last unpadded.
std::string fit_row(const std::string& cls, const std::string& name, const std::vector<std::string>& numbers) {
    std::string row = "  " + cli::padded(cli::fitted(cls, 10), 12) + cli::padded(cli::fitted(name, 12), 14);
    for (std::size_t i = 0; i < numbers.size(); ++i) row += i + 1 < numbers.size() ? cli::padded(numbers[i], 13) : numbers[i];
    return row + "\n";
}

void priors(const bayes::NbModel& m, io::Output& out) {
    const auto k = static_cast<Eigen::Index>(m.classes.size());
    out << "\nClass priors, P(c) = n_c / n:\n" << fit_row("class", "rows n_c", {"P(c)", "log P(c)"});
    for (Eigen::Index c = 0; c < k && static_cast<std::size_t>(c) < max_table_rows; ++c)
        out << fit_row(m.classes[static_cast<std::size_t>(c)], io::format_number(m.class_count(c)),
                       {num(std::exp(m.class_log_prior(c))), num(m.class_log_prior(c))});
    if (m.classes.size() > max_table_rows) out << "  ... and " << m.classes.size() - max_table_rows << " more classes\n";
}

// The statistics' row of the model's class c (the statistics keep the order of first appearance).
Eigen::Index stats_row(const bayes::NbStats& s, const std::string& cls) {
    return static_cast<Eigen::Index>(std::find(s.classes.begin(), s.classes.end(), cls) - s.classes.begin());
}

void parameters_intro(const bayes::NbModel& m, io::Output& out) {
    switch (m.kind) {
    case bayes::NbKind::gaussian:
        out << "\nPer class and feature, the mean m_cj and the variance s2_cj: the class's population variance plus ";
        if (m.settings.var_smoothing > 0)
            out << "epsilon = var_smoothing x the largest variance of a feature = " << num(m.settings.var_smoothing)
                << " x " << num(m.epsilon / m.settings.var_smoothing) << " = " << num(m.epsilon) << ":\n";
        else
            out << "nothing (var_smoothing 0):\n";
        out << fit_row("class", "feature", {"mean m_cj", "variance s2_cj"});
        break;
    case bayes::NbKind::multinomial:
        out << "\nPer class and feature, N_cj is the sum of feature j over the class's rows and N_c = sum_j N_cj; "
               "alpha = "
            << num(m.settings.alpha) << ", d = " << m.features.size() << ":\n"
            << fit_row("class", "feature", {"N_cj", "N_c", "p_cj", "log p_cj"});
        break;
    case bayes::NbKind::bernoulli:
        out << "\nPer class and feature, n_cj counts the class's rows with x_j > 0; alpha = " << num(m.settings.alpha)
            << ":\n"
            << fit_row("class", "feature", {"n_cj", "p_cj", "log p_cj", "log(1 - p_cj)"});
        break;
    }
}

std::vector<std::string> parameter_cells(const bayes::NbModel& m, const bayes::NbStats& s, Eigen::Index c,
                                         Eigen::Index j) {
    if (m.kind == bayes::NbKind::gaussian) return {num(m.theta(c, j)), num(m.var(c, j))};
    const Eigen::Index sc = stats_row(s, m.classes[static_cast<std::size_t>(c)]);
    const double lp = m.feature_log_prob(c, j);
    if (m.kind == bayes::NbKind::multinomial)
        return {num(s.sum(sc, j)), num(s.sum.row(sc).sum()), num(std::exp(lp)), num(lp)};
    return {num(s.sum(sc, j)), num(std::exp(lp)), num(lp), num(m.neg_log_prob(c, j))};
}

const char* meaning(bayes::NbKind kind) {
    switch (kind) {
    case bayes::NbKind::gaussian:
        return "Each class is a bell curve per feature, centred on the class's mean: a row goes to the class whose "
               "prior times the heights of its curves at the row's values is the largest.";
    case bayes::NbKind::multinomial:
        return "Each class is a loaded die with a face per feature, p_cj the chance that one count lands on feature "
               "j: a row goes to the class most likely to have rolled its counts, weighed by its prior.";
    case bayes::NbKind::bernoulli:
        return "Each class is a set of coins, one per feature, p_cj the chance that feature j is present: a row goes "
               "to the class most likely to have thrown its pattern of presences and absences, weighed by its "
               "prior.";
    }
    return "";
}

// A row of a prediction's table: a label and one number per class shown, the last unpadded.
std::string term_row(const std::string& label, const std::vector<std::string>& cells) {
    std::string row = "  " + cli::padded(cli::fitted(label, 16), 18);
    for (std::size_t i = 0; i < cells.size(); ++i) row += i + 1 < cells.size() ? cli::padded(cells[i], 13) : cells[i];
    return row + "\n";
}

void explain_row(const bayes::NbModel& m, const double* x, std::size_t index, const Eigen::RowVectorXd& jll,
                 const Eigen::RowVectorXd& posterior, Eigen::Index predicted, io::Output& out) {
    const auto k = static_cast<std::size_t>(jll.size());
    std::vector<Eigen::Index> shown(k);
    std::iota(shown.begin(), shown.end(), 0);
    std::stable_sort(shown.begin(), shown.end(), [&](auto a, auto b) { return jll(a) > jll(b); });
    shown.resize(std::min(k, max_shown_classes));
    const Eigen::MatrixXd terms = bayes::feature_log_likelihoods(m, x);
    auto row_of = [&](auto value) {
        std::vector<std::string> cells;
        for (auto c : shown) cells.push_back(num(value(c)));
        return cells;
    };
    out << "\nRow " << index + 1;
    if (k > shown.size()) out << " (the " << shown.size() << " most probable of " << k << " classes)";
    out << ":\n";
    std::vector<std::string> names;
    for (auto c : shown) names.push_back(cli::fitted(m.classes[static_cast<std::size_t>(c)], 12));
    out << term_row("", names) << term_row("log P(c)", row_of([&](auto c) { return m.class_log_prior(c); }));
    const auto d = static_cast<Eigen::Index>(m.features.size());
    const Eigen::Index listed = d > static_cast<Eigen::Index>(max_shown_features)
                                    ? static_cast<Eigen::Index>(max_shown_features) - 1
                                    : d;
    for (Eigen::Index j = 0; j < listed; ++j)
        out << term_row(m.features[static_cast<std::size_t>(j)] + " = " + num(x[j]),
                        row_of([&](auto c) { return terms(c, j); }));
    if (listed < d) {
        // Appended, not "(" + to_string(n): GCC 12 warns falsely (-Wrestrict) on that.
        std::string rest = "(";
        rest += std::to_string(d - listed);
        rest += " more)";
        out << term_row(rest, row_of([&](auto c) { return terms.row(c).tail(d - listed).sum(); }));
    }
    const double evidence = bayes::log_sum_exp(jll), top = jll.maxCoeff();
    out << term_row("= joint", row_of([&](auto c) { return jll(c); }))
        << "  log P(x) = M + log sum_c exp(joint_c - M), M the largest joint,\n"
        << "           = " << num(top) << " + log(" << num(std::exp(evidence - top)) << ") = " << num(evidence) << "\n"
        << term_row("joint - log P(x)", row_of([&](auto c) { return jll(c) - evidence; }))
        << term_row("P(c|x)", row_of([&](auto c) { return posterior(c); }))
        << "  predicted: " << cli::fitted(m.classes[static_cast<std::size_t>(predicted)], 48) << ", P(c|x) = "
        << num(posterior(predicted)) << "\n";
}

}  // namespace

void explain_fit(const bayes::NbModel& m, const bayes::NbStats& s, const std::string& saved, io::Output& out) {
    const auto k = static_cast<std::size_t>(m.classes.size()), d = m.features.size();
    out << title(m.kind) << " naive Bayes, fitted to " << io::format_number(m.class_count.sum()) << " rows of " << d
        << (d == 1 ? " feature" : " features") << " in " << k << (k == 1 ? " class" : " classes") << ":\n\n";
    formulas(m.kind, out);
    out << "The naive part: the features are taken as independent given the class, so their log likelihoods add.\n";
    priors(m, out);
    parameters_intro(m, out);
    const std::size_t shown_features = std::min(d, std::max<std::size_t>(1, max_table_rows / k));
    const std::size_t shown_classes = std::min(k, std::max<std::size_t>(1, max_table_rows / shown_features));
    for (std::size_t c = 0; c < shown_classes; ++c)
        for (std::size_t j = 0; j < shown_features; ++j)
            out << fit_row(m.classes[c], m.features[j],
                           parameter_cells(m, s, static_cast<Eigen::Index>(c), static_cast<Eigen::Index>(j)));
    if (shown_features < d || shown_classes < k) {
        out << "  ... left out: " << d - shown_features << " of the " << d << " features";
        if (shown_classes < k) out << " and " << k - shown_classes << " of the " << k << " classes";
        out << (saved.empty() ? "; --save-model FILE writes them all\n" : "; " + saved + " has them all\n");
    }
    out << "\n" << meaning(m.kind) << "\n";
    if (!saved.empty()) out << "The model is saved in " << saved << ".\n";
}

void explain_prediction(const bayes::NbModel& m, const bayes::NbRows& x, bool more, io::Output& out) {
    out << title(m.kind) << " naive Bayes with " << m.classes.size() << " classes and " << m.features.size()
        << " features: each class's log prior plus each feature's log likelihood is the row's joint "
           "log-likelihood; the log-sum-exp of the joints is log P(x), and subtracting it gives log P(c|x):\n\n";
    formulas(m.kind, out);
    const Eigen::MatrixXd jll = bayes::joint_log_likelihood(m, x);
    const Eigen::MatrixXd posterior = bayes::posterior_probabilities(jll);
    const auto predicted = bayes::predicted_classes(jll);
    for (Eigen::Index r = 0; r < x.rows(); ++r)
        explain_row(m, x.row(r).data(), static_cast<std::size_t>(r), jll.row(r), posterior.row(r),
                    predicted[static_cast<std::size_t>(r)], out);
    if (more)
        out << "\nThe rows after these " << x.rows() << " are predicted the same way; run without --explain for them "
               "all.\n";
    out << "\nThe prior starts each class's tally and every feature adds its evidence as a log likelihood; the "
           "largest tally wins, and subtracting log P(x) turns the tallies into probabilities that sum to 1.\n";
}

}  // namespace mlm::bayes_tool
