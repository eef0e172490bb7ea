// Gradient descent on an expression: x_{t+1} = x_t - lr_t·update(∇f(x_t)) until
// |∇f| ≤ tol, max_steps, or divergence (a point, f or gradient not finite, or f
// grown a millionfold), which is explained by its cause and, for growth,
// against the stability limit 2/L of the Hessian at the start. Stopping at
// max_steps is explained from the last steps: still falling, oscillating, or stalled.
#pragma once

#include <functional>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include <Eigen/Core>

#include "calc/tape.hpp"
#include "optim/optimizer.hpp"
#include "optim/schedule.hpp"

namespace mlm::optim {

struct MinimizeSettings {
    Method method = Method::sgd;
    Hyperparameters hyper = default_hyperparameters(Method::sgd);  // hyper.lr is the base rate
    Schedule schedule;
    long max_steps = 10000;
    double tol = 1e-6;         // on the Euclidean norm of the gradient
    long trace_limit = 0;      // rows of the per-step trace to keep in the result; -1 for all
};

enum class Stop { converged, max_steps, diverged };

struct TraceRow {
    long step = 0;            // updates made before this point
    double f = 0;
    double grad_norm = 0;
    double lr = 0;            // the learning rate of the update leaving this point
    Eigen::VectorXd x;
    Eigen::VectorXd gradient;
};

// What went wrong first at the step that diverged.
enum class Cause {
    point,     // the update made a coordinate nan or inf (--eps 0 dividing 0 by 0, an overflow)
    f,         // f is nan or +inf at a finite point (f = -inf counts as fell)
    gradient,  // f is finite, its gradient is not
    grew,      // f grew a millionfold over the start: too large a learning rate
    fell,      // f fell to -inf: unbounded below
};

struct Divergence {
    long step = 0;            // the step whose point was non-finite or too large
    Cause cause = Cause::grew;
    std::string where;        // point: "x = nan, y = 1"; f, gradient: where the first inf or nan arises
    double f_start = 0;
    double f_before = 0;      // f at the step before
    double f_at = 0;
    double largest_eigenvalue = 0;  // L of the Hessian at the start
    double stable_lr = 0;           // 2/L, +inf when L ≤ 0
};

// Why the descent had not converged at max_steps, from its last steps.
struct Stall {
    enum class Kind { falling, oscillating, stalled };
    Kind kind = Kind::falling;
    long window = 0;            // the last `window` steps are the evidence
    double f_first = 0;         // f at the start of the window
    double f_last = 0;
    double drop_share = 0;      // the window's fall in f as a share of the whole run's
    double reversals = 0;       // share of consecutive moves that point against each other
    double steps_to_tol = -1;   // falling: steps at the window's rate of |g| to reach tol; -1 unknown
    double stable_lr = std::numeric_limits<double>::infinity();  // 2/L of the Hessian at the last point
};

struct MinimizeResult {
    Eigen::VectorXd point;
    double f = 0;
    double grad_norm = 0;
    long steps = 0;
    Stop stop = Stop::max_steps;
    std::optional<Divergence> divergence;
    std::optional<Stall> stall;      // set when stop == max_steps (and any step was made)
    std::vector<TraceRow> trace;     // the first settings.trace_limit rows

    bool converged() const { return stop == Stop::converged; }
};

// Called with every row of the trace as it is made, so that a trace of a
// million steps streams out instead of filling memory.
using StepObserver = std::function<void(const TraceRow&)>;

// Throws NumericError when the start point, f or its gradient is not finite at the start.
MinimizeResult minimize(const calc::Tape& tape, const Eigen::VectorXd& start, const MinimizeSettings& settings,
                        const StepObserver& observer = {});

// One line, e.g. "diverged at step 7: f grew from 13 to 4.1e9; the learning
// rate 0.25 is above 2/L = 0.2 for this function near the start".
std::string divergence_message(const Divergence& d, const MinimizeSettings& settings);

// One line, e.g. "f was still falling (from 21 to 0.968 over the last 5
// steps): at this rate |grad f| reaches --tol in about 38 more steps; raise
// --max-steps or the learning rate".
std::string stall_message(const Stall& s, const MinimizeSettings& settings);

// A number as a person reads it in a sentence: 3 significant digits, 4.1e9 not 4.1e+09.
std::string readable(double v);

}  // namespace mlm::optim
