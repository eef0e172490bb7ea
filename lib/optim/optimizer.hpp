// First-order optimizers with PyTorch's update rules and defaults (torch.optim):
// sgd θ -= lr·g; momentum/nesterov b = μb + (1-τ)g; adagrad, rmsprop, adam, adamw
// scale the step by running averages of g². One step() is one optimizer.step().
#pragma once

#include <string>
#include <string_view>

#include <Eigen/Core>

namespace mlm::optim {

enum class Method { sgd, momentum, nesterov, adagrad, rmsprop, adam, adamw };

// "sgd", "momentum", ...; parse_method throws UsageError for an unknown name.
std::string_view method_name(Method method);
Method parse_method(std::string_view name);

// Every hyperparameter of every method; only those of the chosen method are used.
struct Hyperparameters {
    double lr = 1e-3;
    double momentum = 0;      // sgd family, rmsprop
    double dampening = 0;     // sgd family
    double weight_decay = 0;  // L2 added to g; adamw: decoupled, θ *= 1 - lr·λ
    double alpha = 0.99;      // rmsprop smoothing
    double beta1 = 0.9;       // adam, adamw
    double beta2 = 0.999;
    double eps = 1e-8;
    double lr_decay = 0;      // adagrad
    double initial_accumulator = 0;  // adagrad
    bool centered = false;    // rmsprop
    bool amsgrad = false;     // adam, adamw
};

// PyTorch's defaults for the method; momentum and nesterov are SGD with momentum 0.9.
Hyperparameters default_hyperparameters(Method method);

class Optimizer {
public:
    Optimizer(Method method, const Hyperparameters& h, Eigen::Index dimension);

    // One update of x from the gradient g at x, with learning rate lr (the
    // scheduled value of this step; h.lr is not read here).
    void step(Eigen::VectorXd& x, const Eigen::VectorXd& g, double lr);

    Method method() const { return method_; }
    const Hyperparameters& hyperparameters() const { return h_; }
    long steps() const { return t_; }

private:
    void sgd(Eigen::VectorXd& x, Eigen::VectorXd g, double lr);
    void adagrad(Eigen::VectorXd& x, Eigen::VectorXd g, double lr);
    void rmsprop(Eigen::VectorXd& x, Eigen::VectorXd g, double lr);
    void adam(Eigen::VectorXd& x, Eigen::VectorXd g, double lr);

    Method method_;
    Hyperparameters h_;
    long t_ = 0;
    Eigen::VectorXd buffer_;      // momentum buffer b
    Eigen::VectorXd average_;     // adam m, rmsprop g_avg
    Eigen::VectorXd square_;      // adam v, rmsprop v, adagrad state_sum
    Eigen::VectorXd max_square_;  // amsgrad
};

}  // namespace mlm::optim
