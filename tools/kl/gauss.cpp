// mlm-kl gauss: KL between Gaussians in closed form (univariate, multivariate
// from JSON files, and the VAE term per row).
#include "kl/kl_tool.hpp"

#include "error.hpp"
#include "info/entropy.hpp"
#include "info/gaussian_kl.hpp"
#include "io/json_rows.hpp"
#include "io/number.hpp"

#include <cmath>
#include <iostream>
#include <sstream>

namespace mlm::kl_tool {

namespace {

std::string str(double x) { return io::format_number(x, 6); }

// {"mean":[...],"cov":[[...],...]} from `path` ("-": standard input).
info::Gaussian read_gaussian(const std::string& path) {
    const nlohmann::json doc = io::read_json_document(path);
    if (!doc.is_object() || !doc.contains("mean") || !doc.contains("cov"))
        throw InputError("expected an object {\"mean\": [...], \"cov\": [[...], ...]}", path);
    const auto& mean = doc["mean"];
    const auto& cov = doc["cov"];
    if (!mean.is_array() || !cov.is_array() || cov.empty() || !cov[0].is_array())
        throw InputError("\"mean\" must be an array of numbers and \"cov\" an array of rows", path);
    auto number = [&](const nlohmann::json& v, const std::string& where) {
        if (!v.is_number()) throw InputError(where + " is not a number: " + v.dump(), path);
        return v.get<double>();
    };
    info::Gaussian g{Eigen::VectorXd(static_cast<Eigen::Index>(mean.size())),
                     Eigen::MatrixXd(static_cast<Eigen::Index>(cov.size()), static_cast<Eigen::Index>(cov[0].size()))};
    for (std::size_t i = 0; i < mean.size(); ++i)
        g.mean(static_cast<Eigen::Index>(i)) = number(mean[i], "mean[" + std::to_string(i + 1) + "]");
    for (std::size_t i = 0; i < cov.size(); ++i) {
        if (!cov[i].is_array() || cov[i].size() != cov[0].size())
            throw InputError("cov row " + std::to_string(i + 1) + " does not have " + std::to_string(cov[0].size()) +
                                 " entries like row 1",
                             path);
        for (std::size_t j = 0; j < cov[i].size(); ++j)
            g.cov(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j)) =
                number(cov[i][j], "cov[" + std::to_string(i + 1) + "][" + std::to_string(j + 1) + "]");
    }
    info::check_gaussian(g, path);
    return g;
}

std::vector<double> directions(const std::string& metric, double forward, double backward) {
    if (metric == "reverse") return {backward};
    if (metric == "both") return {forward, backward};
    return {forward};
}

nlohmann::json gauss_conventions(const Options& o, const std::string& form, const std::string& p,
                                 const std::string& q) {
    auto c = conventions(o, p, q);
    c.erase("smoothing");
    c.erase("normalization");
    c["form"] = form;
    return c;
}

int vae(const Options& o, cli::Context& ctx) {
    if (o.metric != "kl") throw UsageError("gauss --vae gives KL(N(mu, exp(logvar)) || N(0, I)) only: --metric kl");
    io::TableReader t = ctx.open_table();
    auto cols = ctx.selected_columns(t);
    if (cols.empty() || cols.size() % 2)
        throw InputError("--vae needs 2k columns, mu_1..mu_k then logvar_1..logvar_k; got " +
                             std::to_string(cols.size()),
                         t.file());
    t.select_numbers(cols);
    std::size_t k = cols.size() / 2;
    double scale = std::log(o.base());
    std::vector<Row> rows;
    info::CompensatedSum sum;
    io::RowBlock b;
    std::vector<double> mu(k), lv(k);
    std::size_t n = 0;
    while (t.read_block(b)) {
        for (std::size_t r = 0; r < b.rows(); ++r, ++n) {
            for (std::size_t j = 0; j < k; ++j) mu[j] = b.number(r, j), lv[j] = b.number(r, k + j);
            double kl;
            try {
                kl = info::vae_kl(mu, lv) / scale;
            } catch (const InputError& e) {
                throw InputError(e.message(), b.file(r), b.line(r));
            }
            if (o.common.explain && n == 0) {
                auto& out = ctx.out();
                out << "VAE regularizer: KL(N(mu, exp(logvar)) || N(0, I))\n"
                       "  = 1/2 sum over j of (mu_j^2 + exp(logvar_j) - 1 - logvar_j)\n\nRow 1:\n"
                       "  j   mu          logvar      term\n";
                auto cell = [](std::string text, std::size_t width) {
                    if (text.size() < width) text.append(width - text.size(), ' ');
                    return text;
                };
                for (std::size_t j = 0; j < k; ++j)
                    out << "  " << cell(std::to_string(j + 1), 4) << cell(str(mu[j]), 12) << cell(str(lv[j]), 12)
                        << str(0.5 * (mu[j] * mu[j] + std::expm1(lv[j]) - lv[j]) / scale) << "\n";
                out << "  sum " << str(kl) << " " << unit_of(o.base())
                    << "\n\nIt is 0 when the encoder outputs mu = 0 and logvar = 0 (the prior itself), and\n"
                       "grows as the code for an input moves away from the prior or narrows: the price,\n"
                       "in "
                    << unit_of(o.base()) << ", of describing the input's code instead of drawing it from N(0, I).\n";
            }
            sum.add(kl);
            rows.push_back({{}, {kl}, {}});
        }
    }
    if (rows.empty()) throw InputError("no data rows", t.file());
    if (o.common.explain) {
        if (rows.size() > 1)
            ctx.out() << "\n... and " << rows.size() - 1 << (rows.size() == 2 ? " more row.\n" : " more rows.\n");
        if (o.mean)
            ctx.out() << "\n--mean: the mean over the " << rows.size() << " rows is "
                      << io::format_number(sum.value() / static_cast<double>(rows.size())) << " "
                      << unit_of(o.base()) << ".\n";
        return 0;
    }
    ctx.report_skipped(t);
    auto conv = gauss_conventions(o, "vae", "N(mu, exp(logvar)) per row", "N(0, I)");
    conv["dimensions"] = k;
    if (o.mean) {
        conv["mean_over_rows"] = true;
        conv["rows"] = rows.size();
        return print_rows(o, ctx, {}, {Row{{}, {sum.value() / static_cast<double>(rows.size())}, {}}}, conv);
    }
    return print_rows(o, ctx, {}, rows, conv, true);
}

int multivariate(const Options& o, cli::Context& ctx) {
    if (o.p_file.empty() || o.q_file.empty()) throw UsageError("gauss needs both --p FILE and --q FILE");
    info::Gaussian p = read_gaussian(o.p_file), q = read_gaussian(o.q_file);
    if (p.mean.size() != q.mean.size())
        throw InputError(o.p_file + " has " + std::to_string(p.mean.size()) + " dimensions but " + o.q_file +
                         " has " + std::to_string(q.mean.size()));
    double scale = std::log(o.base());
    auto forward = info::gaussian_kl_terms(p, q);
    auto backward = info::gaussian_kl_terms(q, p);
    if (o.common.explain) {
        auto& out = ctx.out();
        out << "KL(P||Q) = 1/2 [tr(Sq^-1 Sp) + (mq - mp)' Sq^-1 (mq - mp) - k\n"
               "                + ln(det Sq / det Sp)]\n"
            << "         = 1/2 [" << str(forward.trace) << " + " << str(forward.mahalanobis) << " - "
            << str(forward.dimensions) << " + " << str(forward.log_det_ratio) << "]\n"
            << "         = " << str(forward.kl) << " nats = " << str(forward.kl / scale) << " "
            << unit_of(o.base()) << "\n\n";
        if (o.metric != "kl")
            out << "KL(Q||P) = 1/2 [" << str(backward.trace) << " + " << str(backward.mahalanobis) << " - "
                << str(backward.dimensions) << " + " << str(backward.log_det_ratio) << "] = " << str(backward.kl)
                << " nats\n\n";
        out << "The trace compares the spreads, the Mahalanobis term the distance between the\n"
               "means as Q measures it, and the log-determinant the volumes: the average extra\n"
               "surprise of assuming Q when the data come from P.\n";
        return 0;
    }
    auto values = directions(o.metric, forward.kl / scale, backward.kl / scale);
    auto conv = gauss_conventions(o, "multivariate", o.p_file, o.q_file);
    conv["dimensions"] = p.mean.size();
    return print_rows(o, ctx, {}, {Row{{}, values, {}}}, conv);
}

int univariate(const Options& o, cli::Context& ctx) {
    double scale = std::log(o.base());
    double forward = info::gaussian_kl(o.p_mean, o.p_sd, o.q_mean, o.q_sd);
    double backward = info::gaussian_kl(o.q_mean, o.q_sd, o.p_mean, o.p_sd);
    if (o.common.explain) {
        auto& out = ctx.out();
        out << "KL(N(mp, sp^2) || N(mq, sq^2))\n  = ln(sq/sp) + (sp^2 + (mp - mq)^2) / (2 sq^2) - 1/2\n"
            << "  = ln(" << str(o.q_sd) << "/" << str(o.p_sd) << ") + (" << str(o.p_sd) << "^2 + ("
            << str(o.p_mean) << " - " << str(o.q_mean) << ")^2) / (2 * " << str(o.q_sd) << "^2) - 1/2\n"
            << "  = " << str(forward) << " nats = " << str(forward / scale) << " " << unit_of(o.base()) << "\n";
        if (o.metric != "kl") out << "KL(Q||P) = " << str(backward / scale) << " " << unit_of(o.base()) << "\n";
        out << "\nThe average extra surprise of assuming Q when the data come from P: a Q that is\n"
               "too narrow is punished much more than one that is too wide, which is why\n"
               "KL(P||Q) != KL(Q||P).\n";
        return 0;
    }
    auto conv = gauss_conventions(o, "univariate",
                                  "N(" + io::format_number(o.p_mean) + ", " + io::format_number(o.p_sd) + "^2)",
                                  "N(" + io::format_number(o.q_mean) + ", " + io::format_number(o.q_sd) + "^2)");
    return print_rows(o, ctx, {}, {Row{{}, directions(o.metric, forward / scale, backward / scale), {}}}, conv);
}

}  // namespace

int run_gauss(const Options& o, cli::Context& ctx) {
    if (o.vae) return vae(o, ctx);
    if (!o.common.files.empty()) throw UsageError("gauss reads files only with --vae; use --p FILE --q FILE");
    if (!o.p_file.empty() || !o.q_file.empty()) return multivariate(o, ctx);
    if (o.mean) throw UsageError("--mean goes with --vae");
    return univariate(o, ctx);
}

}  // namespace mlm::kl_tool
