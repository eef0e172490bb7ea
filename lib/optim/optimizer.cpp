#include "optim/optimizer.hpp"

#include <cmath>

#include "error.hpp"

namespace mlm::optim {
namespace {

constexpr std::pair<Method, std::string_view> names[] = {
    {Method::sgd, "sgd"},         {Method::momentum, "momentum"}, {Method::nesterov, "nesterov"},
    {Method::adagrad, "adagrad"}, {Method::rmsprop, "rmsprop"},   {Method::adam, "adam"},
    {Method::adamw, "adamw"},
};

}  // namespace

std::string_view method_name(Method method) {
    for (const auto& [m, name] : names)
        if (m == method) return name;
    return "?";
}

Method parse_method(std::string_view name) {
    for (const auto& [m, n] : names)
        if (n == name) return m;
    throw UsageError("unknown optimizer '" + std::string(name) +
                     "' (expected sgd, momentum, nesterov, adagrad, rmsprop, adam or adamw)");
}

Hyperparameters default_hyperparameters(Method method) {
    Hyperparameters h;
    switch (method) {
        case Method::sgd: break;
        case Method::momentum:
        case Method::nesterov: h.momentum = 0.9; break;
        case Method::adagrad: h.lr = 1e-2; h.eps = 1e-10; break;
        case Method::rmsprop: h.lr = 1e-2; break;
        case Method::adam: break;
        case Method::adamw: h.weight_decay = 1e-2; break;
    }
    return h;
}

Optimizer::Optimizer(Method method, const Hyperparameters& h, Eigen::Index dimension)
    : method_(method), h_(h),
      buffer_(Eigen::VectorXd::Zero(dimension)),
      average_(Eigen::VectorXd::Zero(dimension)),
      square_(Eigen::VectorXd::Constant(dimension, method == Method::adagrad ? h.initial_accumulator : 0.0)),
      max_square_(Eigen::VectorXd::Zero(dimension)) {}

void Optimizer::step(Eigen::VectorXd& x, const Eigen::VectorXd& g, double lr) {
    ++t_;
    switch (method_) {
        case Method::sgd:
        case Method::momentum:
        case Method::nesterov: sgd(x, g, lr); break;
        case Method::adagrad: adagrad(x, g, lr); break;
        case Method::rmsprop: rmsprop(x, g, lr); break;
        case Method::adam:
        case Method::adamw: adam(x, g, lr); break;
    }
}

// torch.optim.SGD: b_1 = g, b_t = μ·b_{t-1} + (1-τ)·g; nesterov steps along g + μ·b.
void Optimizer::sgd(Eigen::VectorXd& x, Eigen::VectorXd g, double lr) {
    if (h_.weight_decay != 0) g += h_.weight_decay * x;
    if (h_.momentum != 0) {
        if (t_ == 1) buffer_ = g;
        else buffer_ = h_.momentum * buffer_ + (1 - h_.dampening) * g;
        if (method_ == Method::nesterov) g += h_.momentum * buffer_;
        else g = buffer_;
    }
    x -= lr * g;
}

// torch.optim.Adagrad: state_sum += g², θ -= lr/(1+(t-1)η) · g/(sqrt(state_sum)+ε).
void Optimizer::adagrad(Eigen::VectorXd& x, Eigen::VectorXd g, double lr) {
    if (h_.weight_decay != 0) g += h_.weight_decay * x;
    const double clr = lr / (1 + static_cast<double>(t_ - 1) * h_.lr_decay);
    square_ += g.cwiseProduct(g);
    x.array() -= clr * g.array() / (square_.array().sqrt() + h_.eps);
}

// torch.optim.RMSprop: v = αv + (1-α)g², centered subtracts ḡ², θ -= lr·g/(sqrt(v)+ε),
// or through the buffer b = μb + g/(sqrt(v)+ε) with momentum.
void Optimizer::rmsprop(Eigen::VectorXd& x, Eigen::VectorXd g, double lr) {
    if (h_.weight_decay != 0) g += h_.weight_decay * x;
    square_ = h_.alpha * square_ + (1 - h_.alpha) * g.cwiseProduct(g);
    Eigen::ArrayXd avg;
    if (h_.centered) {
        average_ = h_.alpha * average_ + (1 - h_.alpha) * g;
        avg = (square_.array() - average_.array().square()).sqrt() + h_.eps;
    } else {
        avg = square_.array().sqrt() + h_.eps;
    }
    if (h_.momentum > 0) {
        buffer_ = (h_.momentum * buffer_.array() + g.array() / avg).matrix();
        x -= lr * buffer_;
    } else {
        x.array() -= lr * g.array() / avg;
    }
}

// torch.optim.Adam / AdamW: m = β1·m + (1-β1)g, v = β2·v + (1-β2)g²,
// θ -= lr/(1-β1^t) · m / (sqrt(v)/sqrt(1-β2^t) + ε), as PyTorch computes it.
void Optimizer::adam(Eigen::VectorXd& x, Eigen::VectorXd g, double lr) {
    if (method_ == Method::adamw) x *= 1 - lr * h_.weight_decay;
    else if (h_.weight_decay != 0) g += h_.weight_decay * x;
    average_ = h_.beta1 * average_ + (1 - h_.beta1) * g;
    square_ = h_.beta2 * square_ + (1 - h_.beta2) * g.cwiseProduct(g);
    const double t = static_cast<double>(t_);
    const double bias1 = 1 - std::pow(h_.beta1, t);
    const double bias2 = 1 - std::pow(h_.beta2, t);
    const Eigen::VectorXd* v = &square_;
    if (h_.amsgrad) {
        max_square_ = max_square_.cwiseMax(square_);
        v = &max_square_;
    }
    const Eigen::ArrayXd denom = v->array().sqrt() / std::sqrt(bias2) + h_.eps;
    x.array() -= (lr / bias1) * average_.array() / denom;
}

}  // namespace mlm::optim
