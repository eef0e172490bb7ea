#include "info/gaussian_kl.hpp"

#include <cmath>
#include <limits>

#include <catch2/catch.hpp>

#include "error.hpp"
#include "info_reference.hpp"

using Catch::Matchers::Contains;
using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;
using mlm::info::Gaussian;
using mlm::test::numbers;

namespace {

const nlohmann::json& ref() { return mlm::test::kl_reference()["gaussian"]; }

Gaussian gaussian(const nlohmann::json& j) {
    auto mean = numbers(j["mean"]);
    Gaussian g{Eigen::Map<Eigen::VectorXd>(mean.data(), static_cast<Eigen::Index>(mean.size())),
               Eigen::MatrixXd(j["cov"].size(), j["cov"][0].size())};
    for (Eigen::Index i = 0; i < g.cov.rows(); ++i)
        for (Eigen::Index j2 = 0; j2 < g.cov.cols(); ++j2) g.cov(i, j2) = j["cov"][i][j2];
    return g;
}

}  // namespace

TEST_CASE("gaussian: univariate KL matches the textbook formula", "[gaussian][reference]") {
    for (const auto& c : ref()["univariate"])
        CHECK_THAT(mlm::info::gaussian_kl(c["p_mean"], c["p_sd"], c["q_mean"], c["q_sd"]),
                   WithinRel(c["kl"].get<double>(), 1e-12));
}

TEST_CASE("gaussian: multivariate KL matches numpy's inverse and determinants",
          "[gaussian][reference]") {
    // The pairs are well conditioned (cond < 1e3), so numpy's inv/det and our
    // Cholesky agree far inside 1e-12.
    for (const auto& c : ref()["multivariate"])
        CHECK_THAT(mlm::info::gaussian_kl(gaussian(c["p"]), gaussian(c["q"])),
                   WithinRel(c["kl"].get<double>(), 1e-12));
}

TEST_CASE("gaussian: KL of a Gaussian with itself is 0 and KL is not symmetric", "[gaussian]") {
    auto p = gaussian(ref()["multivariate"][0]["p"]);
    auto q = gaussian(ref()["multivariate"][0]["q"]);
    CHECK_THAT(mlm::info::gaussian_kl(p, p), WithinAbs(0, 1e-14));
    CHECK(std::abs(mlm::info::gaussian_kl(p, q) - mlm::info::gaussian_kl(q, p)) > 1e-3);
    CHECK(mlm::info::gaussian_kl(1.5, 2.0, 1.5, 2.0) == 0);
    // nearly equal spreads keep their digits: KL ≈ u² for sd ratio 1+u
    CHECK_THAT(mlm::info::gaussian_kl(0, 1 + 1e-6, 0, 1), WithinRel(1e-12, 1e-5));
}

TEST_CASE("gaussian: the VAE term matches -½Σ(1 + logvar - mu² - e^logvar)", "[gaussian][vae]") {
    for (const auto& c : ref()["vae"]) {
        auto mu = numbers(c["mu"]), lv = numbers(c["logvar"]);
        CHECK_THAT(mlm::info::vae_kl(mu, lv), WithinRel(c["kl"].get<double>(), 1e-12));
    }
}

TEST_CASE("gaussian: bad covariances are input errors naming the problem", "[gaussian][error]") {
    Gaussian ok{Eigen::Vector2d(0, 0), Eigen::Matrix2d::Identity()};
    Gaussian rect{Eigen::Vector2d(0, 0), Eigen::MatrixXd::Identity(2, 3)};
    CHECK_THROWS_WITH(mlm::info::gaussian_kl(rect, ok), "P: covariance is 2x3, not square");
    Gaussian wrong_mean{Eigen::Vector3d(0, 0, 0), Eigen::Matrix2d::Identity()};
    CHECK_THROWS_WITH(mlm::info::gaussian_kl(ok, wrong_mean),
                      "Q: mean has 3 entries but the covariance is 2x2");
    Gaussian asym{Eigen::Vector2d(0, 0), (Eigen::Matrix2d() << 2, 0.5, 0.4, 2).finished()};
    CHECK_THROWS_WITH(mlm::info::gaussian_kl(ok, asym), Contains("not symmetric: cov[1][2] = 0.5"));
    Gaussian indefinite{Eigen::Vector2d(0, 0), (Eigen::Matrix2d() << 1, 2, 2, 1).finished()};
    CHECK_THROWS_WITH(mlm::info::gaussian_kl(indefinite, ok), Contains("not positive definite"));
    Gaussian singular{Eigen::Vector2d(0, 0), (Eigen::Matrix2d() << 1, 1, 1, 1).finished()};
    CHECK_THROWS_AS(mlm::info::gaussian_kl(ok, singular), mlm::InputError);
    Gaussian three{Eigen::Vector3d(0, 0, 0), Eigen::Matrix3d::Identity()};
    CHECK_THROWS_WITH(mlm::info::gaussian_kl(ok, three), "P has 2 dimensions but Q has 3");
    Gaussian nan_mean{Eigen::Vector2d(std::nan(""), 0), Eigen::Matrix2d::Identity()};
    CHECK_THROWS_AS(mlm::info::gaussian_kl(nan_mean, ok), mlm::InputError);
    CHECK_THROWS_WITH(mlm::info::check_gaussian(indefinite, "q.json"),
                      Contains("q.json: covariance is not positive definite"));
    Gaussian empty{Eigen::VectorXd(0), Eigen::MatrixXd(0, 0)};
    CHECK_THROWS_AS(mlm::info::check_gaussian(empty, "p.json"), mlm::InputError);
}

TEST_CASE("gaussian: bad univariate parameters are input errors", "[gaussian][error]") {
    CHECK_THROWS_WITH(mlm::info::gaussian_kl(0, 0, 0, 1), Contains("standard deviation of P"));
    CHECK_THROWS_WITH(mlm::info::gaussian_kl(0, 1, 0, -1), Contains("standard deviation of Q"));
    CHECK_THROWS_AS(mlm::info::gaussian_kl(std::nan(""), 1, 0, 1), mlm::InputError);
    std::vector<double> mu{0, 1}, lv{0};
    CHECK_THROWS_AS(mlm::info::vae_kl(mu, lv), mlm::InputError);
    std::vector<double> lv2{0, std::numeric_limits<double>::infinity()};
    CHECK_THROWS_AS(mlm::info::vae_kl(mu, lv2), mlm::InputError);
}
