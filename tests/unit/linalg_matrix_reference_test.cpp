// lib/linalg's matrix modules against numpy.linalg and torch.nn.functional
// (tests/reference/linalg_numpy.py -> linalg_numpy.json). Values agree to
// 1e-10 relative, scaled by the matrix (entries near zero are compared
// against the largest one); vectors up to sign (real) or phase (complex).
#include "error.hpp"
#include "info_reference.hpp"
#include "linalg/dense_layer.hpp"
#include "linalg/eigen_decomposition.hpp"
#include "linalg/linear_solve.hpp"
#include "linalg/matrix_ops.hpp"
#include "linalg/power_iteration.hpp"
#include "linalg/svd.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <complex>

using namespace mlm::linalg;
using Catch::Matchers::WithinRel;
using mlm::test::reference_json;

namespace {

const nlohmann::json& ref() { return reference_json("linalg_numpy.json"); }

Eigen::MatrixXd matrix(const nlohmann::json& rows) {
    Eigen::MatrixXd m(static_cast<Eigen::Index>(rows.size()),
                      rows.empty() ? 0 : static_cast<Eigen::Index>(rows[0].size()));
    for (Eigen::Index i = 0; i < m.rows(); ++i)
        for (Eigen::Index j = 0; j < m.cols(); ++j) m(i, j) = rows[static_cast<std::size_t>(i)][static_cast<std::size_t>(j)].get<double>();
    return m;
}

Eigen::VectorXd vector(const nlohmann::json& values) {
    Eigen::VectorXd v(static_cast<Eigen::Index>(values.size()));
    for (Eigen::Index i = 0; i < v.size(); ++i) v(i) = values[static_cast<std::size_t>(i)].get<double>();
    return v;
}

// Entrywise within `rel` of the largest entry of `want`.
void check_close(const Eigen::MatrixXd& got, const Eigen::MatrixXd& want, double rel = 1e-10) {
    REQUIRE(got.rows() == want.rows());
    REQUIRE(got.cols() == want.cols());
    const double scale = std::max(want.cwiseAbs().maxCoeff(), 1e-300);
    CHECK((got - want).cwiseAbs().maxCoeff() <= rel * scale);
}

// Unit vectors equal up to a complex factor of modulus 1: |<a, b>| = 1.
void check_same_direction(const Eigen::VectorXcd& got, const Eigen::VectorXcd& want, double tol) {
    CHECK(std::abs(std::abs(got.dot(want)) - 1.0) <= tol);
}

const char* all_names[] = {"spd", "sym_indefinite", "rotation", "nonsym", "upper",
                           "hilbert4", "singular", "tall", "wide"};

}  // namespace

TEST_CASE("linalg reference: singular values, norms and rank match numpy", "[svd][reference]") {
    for (const char* name : all_names) {
        INFO(name);
        const auto& r = ref()[name];
        const Eigen::MatrixXd a = matrix(r["a"]);
        const Eigen::VectorXd s = singular_values(a);
        check_close(s, vector(r["singular_values"]));
        CHECK(rank_above(s, rank_tolerance(s, a.rows(), a.cols())) == r["rank"].get<Eigen::Index>());
        CHECK_THAT(matrix_norm(a, NormKind::frobenius), WithinRel(r["norm_fro"].get<double>(), 1e-12));
        CHECK_THAT(matrix_norm(a, NormKind::spectral), WithinRel(r["norm_spectral"].get<double>(), 1e-12));
        CHECK_THAT(matrix_norm(a, NormKind::nuclear), WithinRel(r["norm_nuclear"].get<double>(), 1e-12));
    }
}

TEST_CASE("linalg reference: thin SVD vectors and rank-1 approximation match numpy up to sign",
          "[svd][reference]") {
    for (const char* name : all_names) {
        INFO(name);
        const auto& r = ref()[name];
        const Eigen::MatrixXd a = matrix(r["a"]);
        const SingularDecomposition svd = thin_svd(a, true, true);
        const Eigen::MatrixXd u = matrix(r["svd_u"]).transpose(), v = matrix(r["svd_v"]).transpose();
        const Eigen::VectorXd s = vector(r["singular_values"]);
        check_close(svd.values, s);
        // Vectors of distinct, nonzero singular values are unique up to sign.
        for (Eigen::Index j = 0; j < s.size(); ++j) {
            if (s(j) <= 1e-8 * s(0)) continue;
            INFO("pair " << j);
            check_same_direction(svd.u.col(j).cast<std::complex<double>>(), u.col(j).cast<std::complex<double>>(), 1e-10);
            check_same_direction(svd.v.col(j).cast<std::complex<double>>(), v.col(j).cast<std::complex<double>>(), 1e-10);
        }
        check_close(rank_k_approximation(svd, 1), matrix(r["rank1"]));
        check_close(svd.u * svd.values.asDiagonal() * svd.v.transpose(), a, 1e-13 * 100);
    }
}

TEST_CASE("linalg reference: det, slogdet, inv and solve match numpy", "[solve][reference]") {
    for (const char* name : all_names) {
        const auto& r = ref()[name];
        if (!r.contains("det")) continue;
        INFO(name);
        const Eigen::MatrixXd a = matrix(r["a"]);
        const Determinant d = determinant(a);
        // The singular 3 x 3's det is rounding: numpy says 6.7e-16, LU here may say 0.
        if (r["rank"].get<Eigen::Index>() == a.rows()) {
            CHECK_THAT(d.value, WithinRel(r["det"].get<double>(), 1e-12));
            CHECK(d.sign == r["det_sign"].get<double>());
            CHECK_THAT(d.log_abs, WithinRel(r["log_abs_det"].get<double>(), 1e-12));
            check_close(inverse(a), matrix(r["inv"]), 1e-12 * r["cond"].get<double>());
            check_close(solve(a, matrix(r["b"])), matrix(r["solve"]), 1e-12 * r["cond"].get<double>());
        } else {
            CHECK(std::abs(d.value) <= 1e-12 * a.norm());
            CHECK_THROWS_AS(inverse(a), mlm::NumericError);
            CHECK_THROWS_AS(solve(a, matrix(r["b"])), mlm::NumericError);
        }
    }
}

TEST_CASE("linalg reference: singular inverse names its condition number and --lstsq", "[solve][edge]") {
    const Eigen::MatrixXd a = matrix(ref()["singular"]["a"]);
    try {
        (void)inverse(a);
        FAIL("no error");
    } catch (const mlm::NumericError& e) {
        CHECK_THAT(e.text(), Catch::Contains("condition number"));
        CHECK_THAT(e.text(), Catch::Contains("--lstsq"));
    }
}

TEST_CASE("linalg reference: least squares and pinv match numpy's minimum-norm answers",
          "[solve][reference]") {
    for (const char* name : {"singular", "tall", "wide"}) {
        INFO(name);
        const auto& r = ref()[name];
        const Eigen::MatrixXd a = matrix(r["a"]);
        check_close(least_squares(a, matrix(r["b"])), matrix(r["lstsq"]));
        check_close(pseudo_inverse(a), matrix(r["pinv"]));
    }
}

TEST_CASE("linalg reference: a determinant beyond a double keeps its logarithm", "[det][edge]") {
    const auto& r = ref()["huge_det"];
    Eigen::MatrixXd a = Eigen::MatrixXd::Constant(200, 200, 1.0).triangularView<Eigen::StrictlyUpper>();
    a.diagonal().setConstant(1e3);
    const Determinant d = determinant(a);
    CHECK(d.sign == r["det_sign"].get<double>());
    CHECK_THAT(d.log_abs, WithinRel(r["log_abs_det"].get<double>(), 1e-13));
    CHECK(std::isinf(d.value));  // numpy's det overflows too
}

TEST_CASE("linalg reference: symmetric eigenpairs match numpy's eigh, descending", "[eig][reference]") {
    for (const char* name : {"spd", "sym_indefinite", "hilbert4"}) {
        INFO(name);
        const auto& r = ref()[name];
        const Eigen::MatrixXd a = matrix(r["a"]);
        const Eigenpairs p = eigenpairs(a, true);
        CHECK(p.symmetric);
        const Eigen::VectorXd want = vector(r["eigh_values"]);
        check_close(p.values.real(), want);
        const Eigen::MatrixXd vectors = matrix(r["eigh_vectors"]).transpose();
        for (Eigen::Index j = 0; j < want.size(); ++j)
            check_same_direction(p.vectors.col(j), vectors.col(j).cast<std::complex<double>>(), 1e-10);
        CHECK(eigen_residuals(a, p).maxCoeff() <= 1e-13 * a.norm() * 10);
    }
}

TEST_CASE("linalg reference: general eigenpairs match numpy's eig up to order and phase",
          "[eig][reference]") {
    for (const char* name : {"rotation", "nonsym", "upper", "singular"}) {
        INFO(name);
        const auto& r = ref()[name];
        const Eigen::MatrixXd a = matrix(r["a"]);
        const Eigenpairs p = eigenpairs(a, true);
        CHECK_FALSE(p.symmetric);
        const Eigen::VectorXd re = vector(r["eig_re"]), im = vector(r["eig_im"]);
        const Eigen::MatrixXd vre = matrix(r["eig_vectors_re"]), vim = matrix(r["eig_vectors_im"]);
        const double scale = p.values.cwiseAbs().maxCoeff();
        for (Eigen::Index j = 0; j < p.values.size(); ++j) {
            INFO("pair " << j);
            // numpy's order is the solver's: find the matching value.
            Eigen::Index k = 0;
            (re.array() - p.values(j).real()).abs().cwiseMax((im.array() - p.values(j).imag()).abs()).minCoeff(&k);
            CHECK(std::abs(std::complex<double>(re(k), im(k)) - p.values(j)) <= 1e-10 * scale);
            Eigen::VectorXcd want(vre.cols());
            for (Eigen::Index i = 0; i < want.size(); ++i) want(i) = {vre(k, i), vim(k, i)};
            check_same_direction(p.vectors.col(j), want, 1e-9);
            if (j > 0) CHECK(std::abs(p.values(j - 1)) >= std::abs(p.values(j)) - 1e-12 * scale);
        }
    }
}

TEST_CASE("eig: a conjugate pair prints +im first, and the order is by magnitude", "[eig][order]") {
    const Eigenpairs p = eigenpairs(matrix(ref()["rotation"]["a"]), false);
    REQUIRE(p.values.size() == 3);
    CHECK(p.values(0).imag() > 0);
    CHECK(p.values(1) == std::conj(p.values(0)));
    CHECK_THAT(p.values(2).real(), WithinRel(1.0, 1e-14));
}

TEST_CASE("eig: symmetric within 1e-12 relative goes to the symmetric solver, beyond it does not",
          "[eig][symmetry]") {
    Eigen::MatrixXd a = matrix(ref()["spd"]["a"]);
    a(0, 1) += 4e-13;  // max |a| is 4: 1e-12 relative is 4e-12
    CHECK(eigenpairs(a, false).symmetric);
    a(0, 1) += 1e-11;
    CHECK_FALSE(eigenpairs(a, false).symmetric);
    CHECK_FALSE(eigenpairs(matrix(ref()["spd"]["a"]), false, true).symmetric);  // --general
}

TEST_CASE("eig: shapes and non-finite input are refused", "[eig][edge]") {
    CHECK_THROWS_AS(eigenpairs(matrix(ref()["tall"]["a"]), false), mlm::InputError);
    Eigen::MatrixXd a = Eigen::MatrixXd::Identity(2, 2);
    a(0, 1) = std::nan("");
    CHECK_THROWS_AS(eigenpairs(a, false), mlm::NumericError);
}

TEST_CASE("power iteration: converges to numpy's dominant pair of spd", "[power][reference]") {
    const auto& r = ref()["spd"];
    const PowerResult p = power_iteration(matrix(r["a"]), {1e-12, 1000, 42});
    CHECK(p.converged);
    CHECK_THAT(p.lambda, WithinRel(r["dominant_value"].get<double>(), 1e-12));
    check_close(p.vector, vector(r["dominant_vector"]), 1e-10);
}

TEST_CASE("power iteration: a complex dominant pair never converges", "[power][edge]") {
    int steps = 0;
    const PowerResult p = power_iteration(matrix(ref()["rotation"]["a"]), {1e-10, 200, 42},
                                          [&](const PowerStep&) { ++steps; });
    CHECK_FALSE(p.converged);
    CHECK(steps == 200);
}

TEST_CASE("dense layer: every activation matches torch.nn.functional", "[layer][reference]") {
    const auto& r = ref()["layer"];
    DenseLayer layer{matrix(r["w"]), vector(r["b"]), Activation::identity};
    const Eigen::MatrixXd x = matrix(r["x"]);
    for (const char* name : {"identity", "relu", "tanh", "sigmoid", "softmax"}) {
        INFO(name);
        layer.activation = activation_from_name(name);
        check_close(apply_layer(layer, x), matrix(r["y"][name]), 1e-13);
    }
    layer.activation = Activation::softmax;
    const Eigen::MatrixXd big = apply_layer(layer, matrix(r["x_large"]));
    CHECK(big.allFinite());  // logits in the thousands: the max is subtracted first
    check_close(big, matrix(r["y"]["softmax_large"]), 1e-12);
}

TEST_CASE("dense layer: a bias of the wrong length names the shapes", "[layer][edge]") {
    DenseLayer layer{Eigen::MatrixXd::Ones(3, 4), Eigen::VectorXd::Ones(2), Activation::relu};
    try {
        check_layer(layer);
        FAIL("no error");
    } catch (const mlm::InputError& e) {
        CHECK_THAT(e.text(), Catch::Contains("3 x 4") && Catch::Contains("2 entries"));
    }
}

TEST_CASE("matrix ops: a product of shapes that do not fit names both", "[mul][edge]") {
    try {
        require_product_shapes(Eigen::MatrixXd(2, 3), "A (a.csv)", Eigen::MatrixXd(2, 2), "B (b.csv)");
        FAIL("no error");
    } catch (const mlm::InputError& e) {
        CHECK(e.text() == "A (a.csv) is 2 x 3 and B (b.csv) is 2 x 2: the 3 columns of the first must "
                          "equal the 2 rows of the second");
    }
}

TEST_CASE("linalg: entries near 1e308 neither overflow the SVD, the rank, the residuals nor power iteration",
          "[svd][eig][power][edge]") {
    Eigen::MatrixXd a(2, 2);
    a << 1e300, -1e300, 1e308, 1e300;
    const Eigen::VectorXd s = singular_values(a);
    REQUIRE(s.allFinite());
    // A A^T's trace is the sum of the squared singular values: 1e616 + 3e600.
    CHECK_THAT(s(0), WithinRel(1e308, 1e-7));
    CHECK(rank_above(s, rank_tolerance(s, 2, 2)) == 2);
    CHECK(thin_svd(a, true, true).values.allFinite());
    const Eigenpairs p = eigenpairs(a, true);
    CHECK(eigen_residuals(a, p).maxCoeff() <= 1e-12 * s(0));
    Eigen::MatrixXd sym(2, 2);
    sym << 1e308, 1e307, 1e307, -1e306;
    const PowerResult power = power_iteration(sym, {1e-10, 1000, 42});
    CHECK(power.converged);
    CHECK(std::isfinite(power.lambda));
}
