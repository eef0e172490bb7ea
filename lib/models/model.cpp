// Saved models, predictions and feature scaling; see model.hpp.
#include "models/model.hpp"

#include <cmath>

#include "error.hpp"

namespace mlm::models {

using Eigen::Index;
using Eigen::MatrixXd;
using Eigen::VectorXd;
using nlohmann::json;

std::string_view kind_name(Kind k) {
    switch (k) {
        case Kind::linear: return "linear";
        case Kind::logistic: return "logistic";
        case Kind::softmax: return "softmax";
    }
    return "?";
}

std::string_view loss_name(Loss l) {
    switch (l) {
        case Loss::mse: return "mse";
        case Loss::huber: return "huber";
        case Loss::log: return "log";
    }
    return "?";
}

Kind parse_kind(std::string_view name) {
    for (Kind k : {Kind::linear, Kind::logistic, Kind::softmax})
        if (kind_name(k) == name) return k;
    throw UsageError("unknown model \"" + std::string(name) + "\": linear, logistic or softmax");
}

Loss parse_loss(std::string_view name) {
    for (Loss l : {Loss::mse, Loss::huber, Loss::log})
        if (loss_name(l) == name) return l;
    throw UsageError("unknown loss \"" + std::string(name) + "\": mse, huber or log");
}

json model_json(const Model& m) {
    json w = json::array();
    for (Index j = 0; j < m.parameters.weights.rows(); ++j) {
        json row = json::array();
        for (Index c = 0; c < m.parameters.weights.cols(); ++c) row.push_back(m.parameters.weights(j, c));
        w.push_back(row);
    }
    return {{"format", "mlm-gd model"},
            {"model", kind_name(m.kind)},
            {"loss", loss_name(m.loss)},
            {"features", m.features},
            {"classes", m.classes},
            {"intercept", std::vector<double>(m.parameters.intercept.begin(), m.parameters.intercept.end())},
            {"weights", w}};
}

Model model_from_json(const json& doc, const std::string& source) {
    auto bad = [&](const std::string& what) -> InputError {
        return InputError("not an mlm-gd model: " + what, source);
    };
    if (!doc.is_object() || doc.value("format", "") != "mlm-gd model")
        throw bad("no \"format\": \"mlm-gd model\" (write one with mlm-gd fit --save-model)");
    Model m;
    try {
        m.kind = parse_kind(doc.at("model").get<std::string>());
        m.loss = parse_loss(doc.at("loss").get<std::string>());
        m.features = doc.at("features").get<std::vector<std::string>>();
        m.classes = doc.at("classes").get<std::vector<std::string>>();
        const auto b = doc.at("intercept").get<std::vector<double>>();
        const auto w = doc.at("weights").get<std::vector<std::vector<double>>>();
        const auto k = static_cast<Index>(b.size());
        const std::size_t expected_k = m.kind == Kind::softmax ? m.classes.size() : 1;
        const std::size_t expected_classes = m.kind == Kind::linear ? 0 : m.kind == Kind::logistic ? 2 : m.classes.size();
        if (b.size() != expected_k || m.classes.size() != expected_classes || w.size() != m.features.size() ||
            (m.kind == Kind::softmax && m.classes.size() < 2))
            throw bad("the sizes of features, classes, weights and intercept do not agree");
        m.parameters.intercept = Eigen::Map<const VectorXd>(b.data(), k);
        m.parameters.weights.resize(static_cast<Index>(w.size()), k);
        for (std::size_t j = 0; j < w.size(); ++j) {
            if (w[j].size() != b.size()) throw bad("weights row " + std::to_string(j + 1) + " has the wrong length");
            for (Index c = 0; c < k; ++c) m.parameters.weights(static_cast<Index>(j), c) = w[j][static_cast<std::size_t>(c)];
        }
    } catch (const json::exception& e) {
        throw bad(e.what());
    } catch (const UsageError& e) {
        throw bad(e.what());
    }
    if (!m.parameters.weights.allFinite() || !m.parameters.intercept.allFinite()) throw bad("a weight is not finite");
    return m;
}

MatrixXd probabilities(const Model& m, const Eigen::Ref<const RowMatrix>& x) {
    MatrixXd z = linear_scores(x, m.parameters);
    if (m.kind == Kind::logistic) {
        MatrixXd p(z.rows(), 2);
        for (Index i = 0; i < z.rows(); ++i) {
            const double one = z(i, 0) >= 0 ? 1 / (1 + std::exp(-z(i, 0))) : std::exp(z(i, 0)) / (1 + std::exp(z(i, 0)));
            p(i, 0) = 1 - one;
            p(i, 1) = one;
        }
        return p;
    }
    for (Index i = 0; i < z.rows(); ++i) {
        z.row(i).array() = (z.row(i).array() - z.row(i).maxCoeff()).exp();
        z.row(i) /= z.row(i).sum();
    }
    return z;
}

VectorXd predictions(const Model& m, const Eigen::Ref<const RowMatrix>& x) {
    const MatrixXd z = linear_scores(x, m.parameters);
    if (m.kind == Kind::linear) return z.col(0);
    VectorXd out(z.rows());
    for (Index i = 0; i < z.rows(); ++i) {
        if (m.kind == Kind::logistic) {
            out[i] = z(i, 0) > 0 ? 1 : 0;
        } else {
            Index best = 0;
            z.row(i).maxCoeff(&best);
            out[i] = static_cast<double>(best);
        }
    }
    return out;
}

Scaling standardize(RowMatrix& x) {
    Scaling s;
    const double n = static_cast<double>(x.rows());
    s.mean = x.colwise().mean().transpose();
    x.rowwise() -= s.mean.transpose();
    s.sd = (x.colwise().squaredNorm().transpose() / n).cwiseSqrt();
    for (Index j = 0; j < s.sd.size(); ++j)
        if (!(s.sd[j] > 0)) s.sd[j] = 1;
    x = x * s.sd.cwiseInverse().asDiagonal();
    return s;
}

Parameters original_scale(const Parameters& p, const Scaling& s) {
    Parameters out;
    out.weights = s.sd.cwiseInverse().asDiagonal() * p.weights;
    out.intercept = p.intercept - out.weights.transpose() * s.mean;
    return out;
}

}  // namespace mlm::models
