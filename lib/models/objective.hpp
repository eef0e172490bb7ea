// The training objective of a linear model over rows x_i (features) and
// targets y_i, with weights W (d x k) and intercept b (k):
//   F(W, b) = (1/n) Σ_i loss(y_i, x_iᵀW + b) + l2/2·‖W‖² + l1·‖W‖₁,
// the intercept unpenalized. Losses: mse ½(y−z)²; huber ½r² for |r| ≤ δ,
// δ(|r| − δ/2) beyond (r = z − y); log for logistic (y ∈ {0,1}, k = 1:
// log(1+e^z) − y·z, computed as max(z,0) + log1p(e^−|z|) − y·z) and softmax
// (y a class index, k classes: logsumexp(z) − z_y). The smooth part (without
// l1) and its gradient are computed in one pass over row blocks, X·W as a
// matrix product per block, in a fixed order so the sums are reproducible.
#pragma once

#include <cstdint>
#include <vector>

#include <Eigen/Core>

namespace mlm::models {

using RowMatrix = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

enum class Kind { linear, logistic, softmax };
enum class Loss { mse, huber, log };

struct Spec {
    Kind kind = Kind::linear;
    Loss loss = Loss::mse;
    double l1 = 0, l2 = 0;
    bool intercept = true;
    double huber_delta = 1;
    Eigen::Index classes = 1;  // k: weight columns (softmax: the number of classes, else 1)
};

struct Parameters {
    Eigen::MatrixXd weights;    // d x k
    Eigen::VectorXd intercept;  // k (zeros without an intercept)
};

// The objective over data held elsewhere (x and y must outlive it).
class Objective {
public:
    Objective(const RowMatrix& x, const Eigen::VectorXd& y, const Spec& spec);

    // θ = [vec(W) column by column; b when there is an intercept].
    Eigen::Index size() const;
    Parameters unpack(const Eigen::VectorXd& theta) const;
    Eigen::VectorXd pack(const Parameters& p) const;

    // The smooth part (mean loss + l2/2·‖W‖²) and its gradient.
    double operator()(const Eigen::VectorXd& theta, Eigen::VectorXd& gradient) const;
    // The same over the given rows only (a mini-batch), mean over them.
    double batch(const Eigen::VectorXd& theta, const std::vector<Eigen::Index>& rows,
                 Eigen::VectorXd& gradient) const;
    // The mean loss alone, and the whole objective including l1.
    double mean_loss(const Eigen::VectorXd& theta) const;
    double value(const Eigen::VectorXd& theta) const;

    // Which entries of θ are weights (penalized), not intercepts.
    Eigen::Index weight_count() const;
    const Spec& spec() const { return spec_; }
    Eigen::Index rows() const { return x_.rows(); }

private:
    // Σ loss over the rows of xb (targets yb); adds ∂/∂W into gw, ∂/∂b into gb when asked.
    double accumulate(const Eigen::Ref<const RowMatrix>& xb, const Eigen::Ref<const Eigen::VectorXd>& yb,
                      const Parameters& p, Eigen::MatrixXd* gw, Eigen::VectorXd* gb) const;
    double evaluate(const Eigen::VectorXd& theta, Eigen::VectorXd* gradient) const;

    const RowMatrix& x_;
    const Eigen::VectorXd& y_;
    Spec spec_;
};

// argmax-free prediction z = XW + b for rows of x: one column per weight column.
Eigen::MatrixXd linear_scores(const Eigen::Ref<const RowMatrix>& x, const Parameters& p);

}  // namespace mlm::models
