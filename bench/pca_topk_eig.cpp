// The top-k eigenpairs of a d x d covariance (60 rows of the wide generator's
// kind: rank 59) by Spectra's Lanczos solver against Eigen's full
// SelfAdjointEigenSolver: what `mlm-pca --method cov -k 5` on wide data pays.
// Usage: pca_topk_eig D K [full]  (full: also time Eigen's whole decomposition)
#include <Eigen/Dense>
#include <Spectra/MatOp/DenseSymMatProd.h>
#include <Spectra/SymEigsSolver.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

static double now() {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

int main(int argc, char** argv) {
    const Eigen::Index d = std::atol(argv[1]), k = std::atol(argv[2]), n = 60;
    std::srand(1);
    Eigen::MatrixXd x = Eigen::MatrixXd::Random(n, d);
    x.rowwise() -= x.colwise().mean();
    const Eigen::MatrixXd c = x.transpose() * x / double(n - 1);
    double t = now();
    Spectra::DenseSymMatProd<double> op(c);
    Spectra::SymEigsSolver<Spectra::DenseSymMatProd<double>> eigs(op, k, std::min<Eigen::Index>(d, std::max(2 * k + 1, k + 20)));
    eigs.init();
    eigs.compute(Spectra::SortRule::LargestAlge, 1000, 1e-13);
    std::printf("d=%ld k=%ld spectra %.3f s top %.12g\n", long(d), long(k), now() - t, eigs.eigenvalues()(0));
    if (argc > 3) {
        t = now();
        Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> full(c);
        std::printf("d=%ld eigen full %.3f s top %.12g\n", long(d), now() - t, full.eigenvalues()(d - 1));
    }
}
