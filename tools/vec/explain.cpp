#include "vec/explain.hpp"

#include "linalg/vector_ops.hpp"

#include <cmath>
#include <cstdio>

namespace mlm::vec_tool {

namespace {

std::string g6(double x) {
    if (std::isnan(x)) return "nan";
    if (std::isinf(x)) return x > 0 ? "inf" : "-inf";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.6g", x == 0 ? 0.0 : x);
    return buf;
}

std::string parenthesized(double x) {
    std::string text = g6(x);
    if (x < 0) {  // appended, not "(" + text + ")", which g++ 12 flags with a false -Wrestrict
        text.insert(text.begin(), '(');
        text.push_back(')');
    }
    return text;
}

// "a*b + c*d + ... + y*z" (with y = x: "a^2 + c^2 + ..."): every term of a
// short vector, else the first three and the last.
std::string terms(const Eigen::Ref<const Eigen::VectorXd>& x, const Eigen::Ref<const Eigen::VectorXd>& y,
                  bool squares = false) {
    const Eigen::Index d = x.size();
    auto term = [&](Eigen::Index i) {
        return squares ? parenthesized(x[i]) + "^2" : g6(x[i]) + "*" + parenthesized(y[i]);
    };
    std::string out;
    for (Eigen::Index i = 0; i < d; ++i) {
        if (d > 6 && i == 3) {
            out += " + ... + " + term(d - 1);
            break;
        }
        out += (i ? " + " : "") + term(i);
    }
    return out;
}

std::string vector_text(const Eigen::Ref<const Eigen::VectorXd>& x) {
    std::string out = "(";
    const Eigen::Index d = x.size();
    for (Eigen::Index i = 0; i < d; ++i) {
        if (d > 6 && i == 3) {
            out += ", ..., " + g6(x[d - 1]);
            break;
        }
        out += (i ? ", " : "") + g6(x[i]);
    }
    return out + ")" + (d > 6 ? "  (" + std::to_string(d) + " components)" : "");
}

}  // namespace

std::string explain_intro(const std::string& command) {
    if (command == "dot")
        return "Dot product: the products of matching components, summed.\n\n"
               "  x . y = sum_i x_i y_i\n\n";
    return "Cosine similarity: the cosine of the angle between two vectors, the dot\n"
           "product of their directions with their lengths divided out.\n\n"
           "  cos(x, y) = x . y / (||x|| ||y||),   ||x|| = sqrt(sum_i x_i^2)\n\n";
}

std::string explain_pair(const std::string& command, const std::string& row, const std::string& other,
                         const Eigen::Ref<const Eigen::VectorXd>& x, const Eigen::Ref<const Eigen::VectorXd>& y) {
    std::string out = row + " against " + other + ":\n";
    out += "  x = " + vector_text(x) + "\n";
    out += "  y = " + vector_text(y) + "\n";
    const double dot = linalg::dot(x, y);
    out += "  x . y = " + terms(x, y) + " = " + g6(dot) + "\n";
    if (command == "dot") return out + "\n";
    const double nx = linalg::p_norm(x), ny = linalg::p_norm(y);
    out += "  ||x|| = sqrt(" + terms(x, x, true) + ") = " + g6(nx) + "\n";
    out += "  ||y|| = sqrt(" + terms(y, y, true) + ") = " + g6(ny) + "\n";
    const double cos = linalg::cosine_similarity(x, y);
    if (nx == 0 || ny == 0)
        out += "  cos = " + g6(dot) + " / (" + g6(nx) + " * " + g6(ny) +
               "): a zero vector has no direction; --zero-safe takes cos = 0\n";
    else
        out += "  cos = " + g6(dot) + " / (" + g6(nx) + " * " + g6(ny) + ") = " + g6(cos) +
               "  (an angle of " + g6(std::acos(cos) * 180 / M_PI) + " degrees)\n";
    return out + "\n";
}

std::string explain_outro(const std::string& command, std::size_t rows_not_shown) {
    std::string out;
    if (rows_not_shown)
        out += "... and " + std::to_string(rows_not_shown) + (rows_not_shown == 1 ? " more row" : " more rows") +
               ", each the same sum.\n\n";
    if (command == "dot")
        return out + "A dot product is ||x|| ||y|| cos(angle): large when both vectors are\n"
                     "long and point the same way, 0 when they are perpendicular, negative when\n"
                     "they point apart. It is how a linear model scores an input: weights . x.\n";
    return out + "Cosine similarity looks only at direction, not length: 1 is the same\n"
                 "direction, 0 perpendicular (nothing in common), -1 opposite. Two users who\n"
                 "rate films in the same proportions have cosine 1, however many each rated.\n";
}

}  // namespace mlm::vec_tool
