#include "prob/ks.hpp"

#include <catch2/catch.hpp>

#include "prob/distribution.hpp"
#include "prob/fit.hpp"
#include "prob_reference.hpp"

using mlm::test::CloseTo;

namespace {

const nlohmann::json& ref() { return mlm::test::reference_json("dist_fit_ks.json"); }

}  // namespace

TEST_CASE("ks: two-sample statistic and exact p-value match scipy's ks_2samp", "[ks][reference]") {
    for (const auto& c : ref()["ks_2samp"]) {
        auto a = c["a"].get<std::vector<double>>();
        auto b = c["b"].get<std::vector<double>>();
        INFO(a.size() << " and " << b.size() << " values");
        auto r = mlm::prob::ks_2samp(a, b, mlm::prob::KsMethod::exact);
        CHECK(r.exact);
        CHECK_THAT(r.statistic, CloseTo(c["statistic"].get<double>(), 1e-12));
        CHECK_THAT(r.p_value, CloseTo(c["p_value"].get<double>(), 1e-10));
        CHECK(r.location == c["location"].get<double>());
        CHECK(r.sign == c["sign"].get<int>());
    }
}

TEST_CASE("ks: Kolmogorov's limit matches scipy's kstwobign", "[ks][reference]") {
    for (const auto& c : ref()["kolmogorov_sf"])
        CHECK_THAT(mlm::prob::kolmogorov_sf(c[0].get<double>()), CloseTo(c[1].get<double>(), 1e-12));
}

TEST_CASE("ks: one-sample statistic and Kolmogorov's limit match scipy's kstest(method='asymp')",
          "[ks][reference]") {
    for (const auto& c : ref()["ks_1samp"]) {
        auto d = mlm::prob::parse_spec(c["spec"].get<std::string>());
        auto data = c["data"].get<std::vector<double>>();
        auto r = mlm::prob::ks_1samp(data, [&](double x) { return mlm::prob::cdf(d, x); });
        CHECK_THAT(r.statistic, CloseTo(c["statistic"].get<double>(), 1e-12));
        double limit = mlm::prob::kolmogorov_sf(std::sqrt(static_cast<double>(data.size())) * r.statistic);
        CHECK_THAT(limit, CloseTo(c["p_value"].get<double>(), 1e-10));
    }
}

TEST_CASE("ks: identical samples have D = 0 and p = 1", "[ks]") {
    auto r = mlm::prob::ks_2samp({1, 2, 3}, {3, 2, 1});
    CHECK(r.statistic == 0);
    CHECK(r.p_value == 1);
}

TEST_CASE("ks: one-sample test by default is exact, as scipy's kstest", "[ks][reference]") {
    for (const auto& c : ref()["ks_1samp"]) {
        auto d = mlm::prob::parse_spec(c["spec"].get<std::string>());
        auto r = mlm::prob::ks_1samp(c["data"].get<std::vector<double>>(),
                                     [&](double x) { return mlm::prob::cdf(d, x); });
        CHECK(r.exact);
        CHECK_THAT(r.p_value, CloseTo(c["p_value_exact"].get<double>(), 1e-10));
    }
}

TEST_CASE("ks: two samples over 10,000 values use kstwo at n = round(m n/(m+n))", "[ks][reference]") {
    for (const auto& c : ref()["ks_2samp_asymp"]) {
        auto a = c["a"].get<std::vector<double>>();
        auto b = c["b"].get<std::vector<double>>();
        INFO(a.size() << " and " << b.size() << " values");
        for (auto method : {mlm::prob::KsMethod::automatic, mlm::prob::KsMethod::asymptotic}) {
            auto r = mlm::prob::ks_2samp(a, b, method);
            CHECK_FALSE(r.exact);
            CHECK_THAT(r.statistic, CloseTo(c["statistic"].get<double>(), 1e-12));
            CHECK_THAT(r.p_value, CloseTo(c["p_value"].get<double>(), 1e-10));
        }
    }
}

TEST_CASE("ks: test against the fitted distribution matches scipy's kstest", "[ks][reference]") {
    for (const auto& c : ref()["ks_fit"]) {
        auto data = c["data"].get<std::vector<double>>();
        auto f = mlm::prob::fit(c["family"].get<std::string>(), data);
        INFO(c["family"].get<std::string>() << " on " << data.size() << " values");
        auto r = mlm::prob::ks_1samp(data, [&](double x) { return mlm::prob::cdf(f.distribution, x); });
        CHECK(r.exact);
        CHECK_THAT(r.statistic, CloseTo(c["statistic"].get<double>(), 1e-10));
        CHECK_THAT(r.p_value, CloseTo(c["p_value"].get<double>(), 1e-10));
    }
}
