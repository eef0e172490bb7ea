// The ceiling for mlm-pca --method cov: the least a program must do to fit PCA
// on a numeric CSV with a header. read(), fast_float per field, 4096-row blocks
// centred on their own mean and folded in with a symmetric rank update (Chan),
// then the symmetric eigensolver. No checks beyond what keeps it honest.
// Build: g++ -O2 -march=x86-64-v3 -std=c++20 -I/usr/include/eigen3 pca_ceiling.cpp
#include <Eigen/Dense>
#include <fast_float/fast_float.h>

#include <fcntl.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <vector>

int main(int argc, char** argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: pca_ceiling FILE K\n");
        return 2;
    }
    const int fd = open(argv[1], O_RDONLY);
    if (fd < 0) return 5;
    // read() into a 1 MiB window (not mmap, whose pages would count as resident).
    std::vector<char> buf(1 << 20);
    std::size_t have = 0;
    auto refill = [&] {
        const ssize_t got = read(fd, buf.data() + have, buf.size() - have);
        if (got > 0) have += static_cast<std::size_t>(got);
        return got > 0;
    };
    refill();
    const char* p = buf.data();
    Eigen::Index d = 1;  // columns: commas in the header line, plus one
    while (*p != '\n') d += *p++ == ',';
    ++p;

    const Eigen::Index block = 4096;
    Eigen::MatrixXd rows(block, d);
    Eigen::MatrixXd m2 = Eigen::MatrixXd::Zero(d, d);
    Eigen::VectorXd mean = Eigen::VectorXd::Zero(d);
    double n = 0;
    auto fold = [&](Eigen::Index m) {
        auto x = rows.topRows(m);
        const Eigen::RowVectorXd mu = x.colwise().mean();
        x.rowwise() -= mu;
        m2.selfadjointView<Eigen::Lower>().rankUpdate(x.transpose());
        const Eigen::VectorXd delta = mu.transpose() - mean;
        const double total = n + static_cast<double>(m);
        m2.selfadjointView<Eigen::Lower>().rankUpdate(delta, n * static_cast<double>(m) / total);
        mean += delta * (static_cast<double>(m) / total);
        n = total;
    };
    Eigen::Index filled = 0;
    for (;;) {
        // Parse the complete lines in the window, then slide the rest down.
        const char* end = buf.data() + have;
        const char* last = end;
        while (last > p && last[-1] != '\n') --last;
        while (p < last) {
            for (Eigen::Index j = 0; j < d; ++j) {
                double v;
                const auto r = fast_float::from_chars(p, last, v);
                if (r.ec != std::errc()) return 3;
                rows(filled, j) = v;
                p = r.ptr + 1;  // skip ',' or '\n'
            }
            if (++filled == block) fold(filled), filled = 0;
        }
        const std::size_t rest = static_cast<std::size_t>(end - p);
        std::memmove(buf.data(), p, rest);
        have = rest;
        p = buf.data();
        if (!refill()) break;
    }
    if (filled) fold(filled);

    const Eigen::MatrixXd cov = Eigen::MatrixXd(m2.selfadjointView<Eigen::Lower>()) / (n - 1);
    Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> es(cov);
    const int k = std::atoi(argv[2]);
    for (int i = 0; i < k; ++i) std::printf("%.17g\n", es.eigenvalues()(d - 1 - i));
}
