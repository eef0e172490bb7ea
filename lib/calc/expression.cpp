#include "calc/expression.hpp"

#include <array>
#include <cctype>
#include <cmath>
#include <numbers>
#include <optional>
#include <string>
#include <system_error>
#include <unordered_map>

#include <fast_float/fast_float.h>

#include "error.hpp"

namespace mlm::calc {
namespace {

enum class Kind { number, name, symbol, end };

struct Token {
    Kind kind = Kind::end;
    std::uint32_t begin = 0;
    std::uint32_t end = 0;
    char symbol = 0;
    double number = 0;
};

// A parsed piece: its node and the source text it spans (parentheses included,
// which the node itself may not own: a variable's node is shared by every use).
struct Sub {
    std::uint32_t node;
    std::uint32_t begin;
    std::uint32_t end;
};

// A function the expressions know by name (not calc::Function, a callable).
struct Builtin {
    std::string_view name;
    Op op;
    int arity;
};

constexpr std::array functions{
    Builtin{"exp", Op::exp, 1},         Builtin{"log", Op::log, 1},
    Builtin{"ln", Op::log, 1},          Builtin{"log2", Op::log2, 1},
    Builtin{"log10", Op::log10, 1},
    Builtin{"sqrt", Op::sqrt, 1},       Builtin{"abs", Op::abs, 1},
    Builtin{"sin", Op::sin, 1},         Builtin{"cos", Op::cos, 1},
    Builtin{"tan", Op::tan, 1},         Builtin{"tanh", Op::tanh, 1},
    Builtin{"sigmoid", Op::sigmoid, 1}, Builtin{"relu", Op::relu, 1},
    Builtin{"softplus", Op::softplus, 1}, Builtin{"min", Op::min, 2},
    Builtin{"max", Op::max, 2},         Builtin{"pow", Op::pow, 2},
};

// pi and e are numbers, not variables: no --at is asked for them.
std::optional<double> named_constant(std::string_view name) {
    if (name == "pi") return std::numbers::pi;
    if (name == "e") return std::numbers::e;
    return std::nullopt;
}

const Builtin* find_function(std::string_view name) {
    for (const auto& f : functions)
        if (f.name == name) return &f;
    return nullptr;
}

bool is_name_start(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }
bool is_name_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Recursive descent, one function per precedence level:
//   expr := term (('+'|'-') term)*      term := unary (('*'|'/') unary)*
//   unary := ('-'|'+') unary | power    power := primary ('^' unary)?
//   primary := number | name | name '(' expr (',' expr)* ')' | '(' expr ')'
class Parser {
public:
    static constexpr std::size_t max_depth = max_expression_depth;

    explicit Parser(std::string_view text) : text_(text) {
        if (text.size() > UINT32_MAX / 2) fail(0, "expression too long");
        tape_.source = std::string(text);
        advance();
    }

    Tape parse() {
        const Sub root = expr();
        if (token_.kind != Kind::end) {
            if (token_.kind == Kind::symbol && token_.symbol == ')') fail(token_.begin, "unmatched ')'");
            fail(token_.begin, "expected an operator before " + describe(token_));
        }
        // Every rule pushes its result last, except a bare reused variable,
        // which cannot be the whole expression; the root is the last node.
        Node& out = tape_.nodes[root.node];
        out.begin = root.begin;
        out.end = root.end;
        return std::move(tape_);
    }

private:
    [[noreturn]] void fail(std::uint32_t at, const std::string& message) const {
        std::size_t line = 1, column = 1;
        for (std::uint32_t i = 0; i < at && i < text_.size(); ++i) {
            if (text_[i] == '\n') { ++line; column = 1; } else { ++column; }
        }
        throw UsageError("expression:" + std::to_string(line) + ":" + std::to_string(column) + ": " + message);
    }

    std::string describe(const Token& t) const {
        if (t.kind == Kind::end) return "end of input";
        // Appended piece by piece: g++ 12 warns (-Wrestrict) on "'" + std::string(...).
        std::string quoted(1, '\'');
        quoted.append(text_.substr(t.begin, t.end - t.begin));
        quoted += '\'';
        return quoted;
    }

    void advance() {
        std::uint32_t i = token_.end;
        while (i < text_.size() && std::isspace(static_cast<unsigned char>(text_[i]))) ++i;
        token_ = Token{Kind::end, i, i, 0, 0};
        if (i >= text_.size()) return;
        const char c = text_[i];
        if (is_digit(c) || (c == '.' && i + 1 < text_.size() && is_digit(text_[i + 1]))) {
            lex_number(i);
        } else if (is_name_start(c)) {
            std::uint32_t j = i;
            while (j < text_.size() && is_name_char(text_[j])) ++j;
            token_ = Token{Kind::name, i, j, 0, 0};
        } else if (c == '*' && i + 1 < text_.size() && text_[i + 1] == '*') {
            token_ = Token{Kind::symbol, i, i + 2, '^', 0};  // x**2, Python's spelling of x^2
        } else if (std::string_view("+-*/^(),").find(c) != std::string_view::npos) {
            token_ = Token{Kind::symbol, i, i + 1, c, 0};
        } else {
            const bool printable = std::isprint(static_cast<unsigned char>(c));
            fail(i, printable ? "unexpected character '" + std::string(1, c) + "'"
                              : "unexpected byte " + std::to_string(static_cast<unsigned char>(c)));
        }
    }

    // digits [. digits] [(e|E) [+-] digits]; an 'e' without digits ends the number.
    void lex_number(std::uint32_t i) {
        std::uint32_t j = i;
        while (j < text_.size() && is_digit(text_[j])) ++j;
        if (j < text_.size() && text_[j] == '.') {
            ++j;
            while (j < text_.size() && is_digit(text_[j])) ++j;
        }
        if (j < text_.size() && (text_[j] == 'e' || text_[j] == 'E')) {
            std::uint32_t k = j + 1;
            if (k < text_.size() && (text_[k] == '+' || text_[k] == '-')) ++k;
            if (k < text_.size() && is_digit(text_[k])) {
                while (k < text_.size() && is_digit(text_[k])) ++k;
                j = k;
            }
        }
        double value = 0;
        const auto r = fast_float::from_chars(text_.data() + i, text_.data() + j, value);
        if (r.ec != std::errc() || !std::isfinite(value))
            fail(i, "number out of range '" + std::string(text_.substr(i, j - i)) + "'");
        token_ = Token{Kind::number, i, j, 0, value};
    }

    bool at_symbol(char c) const { return token_.kind == Kind::symbol && token_.symbol == c; }

    std::uint32_t push(Node node) {
        tape_.nodes.push_back(node);
        return static_cast<std::uint32_t>(tape_.nodes.size() - 1);
    }

    std::uint32_t constant(double value, std::uint32_t begin, std::uint32_t end) {
        return push(Node{Op::constant, 0, 0, value, begin, end});
    }

    std::uint32_t variable(const Token& t) {
        const std::string name(text_.substr(t.begin, t.end - t.begin));
        if (auto it = index_.find(name); it != index_.end()) return tape_.variable_node[it->second];
        const auto index = static_cast<std::uint32_t>(tape_.variables.size());
        index_.emplace(name, index);
        tape_.variables.push_back(name);
        const std::uint32_t node = push(Node{Op::variable, index, 0, 0, t.begin, t.end});
        tape_.variable_node.push_back(node);
        return node;
    }

    Sub binary(Op op, const Sub& a, const Sub& b) {
        return {push(Node{op, a.node, b.node, 0, a.begin, b.end}), a.begin, b.end};
    }

    Sub expr() {
        Sub left = term();
        while (at_symbol('+') || at_symbol('-')) {
            const Op op = at_symbol('+') ? Op::add : Op::sub;
            advance();
            left = binary(op, left, term());
        }
        return left;
    }

    Sub term() {
        Sub left = unary();
        while (at_symbol('*') || at_symbol('/')) {
            const Op op = at_symbol('*') ? Op::mul : Op::div;
            advance();
            left = binary(op, left, unary());
        }
        return left;
    }

    // Every cycle of the recursion (a parenthesis, a call's argument, a sign,
    // a power's exponent) passes through unary(), so counting here bounds the
    // stack: 10,000 '(' or 60,000 '-' would otherwise overflow it (SIGSEGV).
    struct Deeper {
        Parser& p;
        explicit Deeper(Parser& parser) : p(parser) {
            // The whole expression is level 0; the text inside 1000 '(' is level 1000.
            if (++p.depth_ > max_depth + 1)
                p.fail(p.token_.begin, "nested deeper than " + std::to_string(max_depth) + " levels");
        }
        ~Deeper() { --p.depth_; }
        Deeper(const Deeper&) = delete;
        Deeper& operator=(const Deeper&) = delete;
    };

    Sub unary() {
        const Deeper guard(*this);
        if (at_symbol('+')) {
            const std::uint32_t begin = token_.begin;
            advance();
            const Sub operand = unary();
            return {operand.node, begin, operand.end};
        }
        if (!at_symbol('-')) return power();
        const std::uint32_t begin = token_.begin;
        advance();
        const Sub operand = unary();
        Node& n = tape_.nodes[operand.node];
        // A negative literal stays one constant, so "-2" is a number in the trace.
        if (n.op == Op::constant && operand.node == tape_.nodes.size() - 1) {
            n.constant = -n.constant;
            n.begin = begin;
            n.end = operand.end;
            return {operand.node, begin, operand.end};
        }
        return {push(Node{Op::neg, operand.node, 0, 0, begin, operand.end}), begin, operand.end};
    }

    Sub power() {
        const Sub base = primary();
        if (!at_symbol('^')) return base;
        advance();
        return binary(Op::pow, base, unary());
    }

    Sub primary() {
        const Token t = token_;
        if (t.kind == Kind::number) {
            advance();
            return {constant(t.number, t.begin, t.end), t.begin, t.end};
        }
        if (t.kind == Kind::name) {
            advance();
            const std::string_view name = text_.substr(t.begin, t.end - t.begin);
            const Builtin* f = find_function(name);
            if (!at_symbol('(')) {
                if (f) fail(token_.begin, "expected '(' after function '" + std::string(name) + "'");
                if (const auto c = named_constant(name)) return {constant(*c, t.begin, t.end), t.begin, t.end};
                return {variable(t), t.begin, t.end};
            }
            if (!f) fail(t.begin, "unknown function '" + std::string(name) + "'");
            return call(*f, t);
        }
        if (at_symbol('(')) {
            advance();
            const Sub inner = expr();
            if (!at_symbol(')')) fail(token_.begin, "expected ')' before " + describe(token_));
            const Sub out{inner.node, t.begin, token_.end};
            advance();
            return out;
        }
        fail(t.begin, "expected a number, variable or '(' before " + describe(t));
    }

    Sub call(const Builtin& f, const Token& name) {
        advance();  // '('
        std::vector<Sub> args{expr()};
        while (at_symbol(',')) {
            advance();
            args.push_back(expr());
        }
        if (!at_symbol(')')) fail(token_.begin, "expected ',' or ')' before " + describe(token_));
        const std::uint32_t close = token_.end;
        if (static_cast<int>(args.size()) != f.arity)
            fail(name.begin, "function '" + std::string(f.name) + "' takes " + std::to_string(f.arity) +
                                 (f.arity == 1 ? " argument, got " : " arguments, got ") +
                                 std::to_string(args.size()));
        advance();
        return {push(Node{f.op, args[0].node, f.arity == 2 ? args[1].node : 0u, 0, name.begin, close}), name.begin,
                close};
    }

    std::string_view text_;
    Token token_;
    Tape tape_;
    std::unordered_map<std::string, std::uint32_t> index_;
    std::size_t depth_ = 0;
};

}  // namespace

Tape parse_expression(std::string_view text) { return Parser(text).parse(); }

}  // namespace mlm::calc
