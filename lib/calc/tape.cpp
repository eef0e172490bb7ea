#include "calc/tape.hpp"

namespace mlm::calc {

std::string_view op_name(Op op) {
    switch (op) {
        case Op::constant: return "constant";
        case Op::variable: return "variable";
        case Op::add: return "+";
        case Op::sub: return "-";
        case Op::mul: return "*";
        case Op::div: return "/";
        case Op::pow: return "^";
        case Op::min: return "min";
        case Op::max: return "max";
        case Op::neg: return "neg";
        case Op::exp: return "exp";
        case Op::log: return "log";
        case Op::log2: return "log2";
        case Op::log10: return "log10";
        case Op::sqrt: return "sqrt";
        case Op::abs: return "abs";
        case Op::sin: return "sin";
        case Op::cos: return "cos";
        case Op::tan: return "tan";
        case Op::tanh: return "tanh";
        case Op::sigmoid: return "sigmoid";
        case Op::relu: return "relu";
        case Op::softplus: return "softplus";
    }
    return "?";
}

bool is_binary(Op op) {
    switch (op) {
        case Op::add: case Op::sub: case Op::mul: case Op::div:
        case Op::pow: case Op::min: case Op::max:
            return true;
        default:
            return false;
    }
}

}  // namespace mlm::calc
