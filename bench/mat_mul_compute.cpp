// The compute part of `mlm-mat mul` alone: the same Eigen expression on the
// same types (row-major doubles, as the table reader delivers them), built
// with the same flags, timed without reading or writing. Prints the median
// seconds of 3 products after one warm-up. Usage: mat_mul_compute N
#include <Eigen/Dense>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <vector>

using RowMatrix = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

int main(int argc, char** argv) {
    const Eigen::Index n = argc > 1 ? std::atol(argv[1]) : 2000;
    std::srand(2026);
    const RowMatrix a = RowMatrix::Random(n, n), b = RowMatrix::Random(n, n);
    RowMatrix c = a * b;
    std::vector<double> times;
    for (int r = 0; r < 3; ++r) {
        const auto start = std::chrono::steady_clock::now();
        c = a * b;
        times.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    }
    std::sort(times.begin(), times.end());
    std::printf("%.4f %.17g\n", times[1], c(0, 0));  // c(0,0): the product is used
}
