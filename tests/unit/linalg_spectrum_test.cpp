#include "error.hpp"
#include "linalg/moments.hpp"
#include "linalg/randomized_svd.hpp"
#include "linalg/spectrum.hpp"

#include <catch2/catch.hpp>

#include <limits>

using namespace mlm::linalg;
using Catch::Matchers::WithinRel;

namespace {

constexpr double eps = std::numeric_limits<double>::epsilon();

// A covariance with a chosen spectrum: Q diag(values) Q^T with a random orthogonal Q.
Eigen::MatrixXd covariance_with(const Eigen::VectorXd& values, unsigned seed) {
    std::srand(seed);
    const Eigen::Index d = values.size();
    Eigen::HouseholderQR<Eigen::MatrixXd> qr(Eigen::MatrixXd::Random(d, d));
    const Eigen::MatrixXd q = qr.householderQ();
    return q * values.asDiagonal() * q.transpose();
}

// Eigen's own tests bound A v - lambda v by a multiple of d eps ||A||.
void check_eigenpairs(const Eigen::MatrixXd& c, const Spectrum& s, double factor) {
    const Eigen::Index d = c.rows();
    const double bound = factor * static_cast<double>(d) * eps * c.norm();
    const Eigen::MatrixXd& v = s.vectors;
    CHECK((v.transpose() * v - Eigen::MatrixXd::Identity(v.cols(), v.cols())).cwiseAbs().maxCoeff() <= bound / c.norm());
    for (Eigen::Index j = 0; j < v.cols(); ++j) {
        INFO("pair " << j);
        CHECK((c * v.col(j) - s.values(j) * v.col(j)).norm() <= bound);
        if (j > 0) CHECK(s.values(j - 1) >= s.values(j));
    }
}

}  // namespace

TEST_CASE("spectrum: eigenpairs of covariances are orthonormal and satisfy C v = lambda v",
          "[spectrum][invariant]") {
    for (Eigen::Index d : {1, 2, 10, 64}) {
        Eigen::VectorXd values = Eigen::VectorXd::LinSpaced(d, 1, 100);
        INFO("d = " << d);
        check_eigenpairs(covariance_with(values, 11), covariance_spectrum(covariance_with(values, 11)), 10);
    }
}

TEST_CASE("spectrum: hard spectra (repeated, zero, huge spread) keep the invariants",
          "[spectrum][invariant]") {
    Eigen::VectorXd repeated = Eigen::VectorXd::Constant(8, 2.0);
    Eigen::VectorXd zeros = Eigen::VectorXd::Zero(8);
    zeros.head(3) << 5, 4, 3;
    Eigen::VectorXd spread(8);
    spread << 1e12, 1e9, 1e6, 1e3, 1, 1e-3, 1e-6, 1e-9;
    for (const Eigen::VectorXd& values : {repeated, zeros, spread}) {
        const Eigen::MatrixXd c = covariance_with(values, 5);
        const Spectrum s = covariance_spectrum(c);
        check_eigenpairs(c, s, 10);
        CHECK((s.values.array() >= 0).all());  // rounding below 0 is reported as 0
    }
}

TEST_CASE("spectrum: svd route agrees with the eigensolver on the covariance", "[spectrum]") {
    std::srand(17);
    Eigen::MatrixXd x = Eigen::MatrixXd::Random(200, 6);
    x.col(2) += 2 * x.col(0);
    Moments m(6);
    m.add_block(x);
    const Eigen::MatrixXd centred = x.rowwise() - m.mean().transpose();
    const Spectrum by_svd = svd_spectrum(centred);
    const Spectrum by_cov = covariance_spectrum(m.covariance());
    check_eigenpairs(m.covariance(), by_svd, 100);
    for (Eigen::Index j = 0; j < 6; ++j) {
        CHECK_THAT(by_svd.values(j), WithinRel(by_cov.values(j), 1e-12));
        // Both oriented by the same rule, so the signs agree too.
        CHECK((by_svd.vectors.col(j) - by_cov.vectors.col(j)).cwiseAbs().maxCoeff() <= 1e-10);
    }
}

TEST_CASE("spectrum: orient makes the largest-magnitude entry positive", "[spectrum][sign]") {
    Eigen::MatrixXd v(3, 2);
    v << 0.1, -0.6, -0.9, 0.5, 0.3, 0.2;
    orient(v);
    CHECK(v(1, 0) == 0.9);
    CHECK(v(0, 1) == 0.6);
    CHECK(v(1, 1) == -0.5);
}

TEST_CASE("spectrum: non-finite covariances and too few rows fail cleanly", "[spectrum][edge]") {
    Eigen::MatrixXd c = Eigen::MatrixXd::Identity(2, 2);
    c(0, 1) = c(1, 0) = std::numeric_limits<double>::infinity();
    CHECK_THROWS_AS(covariance_spectrum(c), mlm::NumericError);
    CHECK_THROWS_AS(svd_spectrum(Eigen::MatrixXd::Zero(1, 3)), mlm::InputError);
}

TEST_CASE("randomized: top components of a wide matrix with a decaying spectrum match the exact SVD",
          "[randomized]") {
    // 60 x 800 with singular values 0.7^j: the power iterations resolve the top 5 to ~eps.
    std::srand(23);
    const Eigen::Index n = 60, d = 800;
    Eigen::HouseholderQR<Eigen::MatrixXd> qu(Eigen::MatrixXd::Random(n, n));
    Eigen::HouseholderQR<Eigen::MatrixXd> qv(Eigen::MatrixXd::Random(d, n));
    Eigen::VectorXd sv(n);
    for (Eigen::Index j = 0; j < n; ++j) sv(j) = std::pow(0.7, static_cast<double>(j));
    const Eigen::MatrixXd u = qu.householderQ() * Eigen::MatrixXd::Identity(n, n);
    const Eigen::MatrixXd v = qv.householderQ() * Eigen::MatrixXd::Identity(d, n);
    const Eigen::MatrixXd x = u * sv.asDiagonal() * v.transpose();
    const Spectrum exact = svd_spectrum(x);
    const Spectrum fast = randomized_spectrum(x.transpose(), 5);
    REQUIRE(fast.values.size() == 5);
    for (Eigen::Index j = 0; j < 5; ++j) {
        CHECK_THAT(fast.values(j), WithinRel(exact.values(j), 1e-10));
        CHECK((fast.vectors.col(j) - exact.vectors.col(j)).cwiseAbs().maxCoeff() <= 1e-8);
    }
}

TEST_CASE("randomized: the same seed gives the same bytes, another seed nearly the same numbers",
          "[randomized]") {
    std::srand(29);
    const Eigen::MatrixXd x = Eigen::MatrixXd::Random(40, 120);
    const Spectrum a = randomized_spectrum(x.transpose(), 3, {10, 7, 42});
    const Spectrum b = randomized_spectrum(x.transpose(), 3, {10, 7, 42});
    CHECK(a.values == b.values);
    CHECK(a.vectors == b.vectors);
    CHECK(gaussian_matrix(3, 3, 1) == gaussian_matrix(3, 3, 1));
    CHECK(gaussian_matrix(3, 3, 1) != gaussian_matrix(3, 3, 2));
}

TEST_CASE("randomized: k outside 1..min(n, d) is a usage error", "[randomized][edge]") {
    const Eigen::MatrixXd x = Eigen::MatrixXd::Random(5, 8);
    CHECK_THROWS_AS(randomized_spectrum(x.transpose(), 0), mlm::UsageError);
    CHECK_THROWS_AS(randomized_spectrum(x.transpose(), 6), mlm::UsageError);
}

TEST_CASE("randomized: Gaussian draws have mean 0 and variance 1", "[randomized]") {
    const Eigen::MatrixXd g = gaussian_matrix(200, 100, 7);
    // 20000 draws: the sample mean's sd is 0.007, the variance's 0.01; 5 sd bounds.
    CHECK(std::abs(g.mean()) < 0.035);
    CHECK(std::abs(g.array().square().mean() - 1) < 0.05);
}
