// Which columns mlm-pca reads, and how rows of scores (or reconstructions) go out.
#include "error.hpp"
#include "io/columns.hpp"
#include "io/output_rows.hpp"
#include "pca/pca_tool.hpp"

#include <algorithm>

namespace mlm::pca_tool {

void request(io::TableReader& table, const Selection& sel) {
    std::vector<io::ColumnRequest> columns;
    for (auto j : sel.features) columns.push_back({j, io::ColumnType::number});
    for (auto j : sel.keep) columns.push_back({j, io::ColumnType::text});
    table.select(std::move(columns));
}

namespace {

std::vector<std::string> names_of(const std::vector<std::size_t>& indexes,
                                  const std::vector<std::string>& names) {
    std::vector<std::string> out;
    for (auto j : indexes) out.push_back(names[j]);
    return out;
}

}  // namespace

Selection with_kept_columns(const Options& o, const io::TableReader& table) {
    if (table.names().empty()) throw InputError("no data: the input is empty", table.file());
    Selection sel;
    if (!o.keep.empty()) sel.keep = io::resolve_columns(o.keep, table.names());
    sel.keep_names = names_of(sel.keep, table.names());
    return sel;
}

std::vector<std::size_t> unkept_columns(const Selection& sel, const io::TableReader& table) {
    std::vector<std::size_t> out;
    for (std::size_t j = 0; j < table.names().size(); ++j)
        if (std::find(sel.keep.begin(), sel.keep.end(), j) == sel.keep.end()) out.push_back(j);
    return out;
}

Selection select_for_fit(const Options& o, const cli::Context& ctx, io::TableReader& table) {
    const auto& names = table.names();
    Selection sel = with_kept_columns(o, table);
    if (!o.common.columns.empty()) {
        sel.features = ctx.selected_columns(table);
        for (auto j : sel.features)
            if (std::find(sel.keep.begin(), sel.keep.end(), j) != sel.keep.end())
                throw UsageError("column \"" + names[j] + "\" is both a feature (-c) and kept (--keep)");
    } else {
        sel.features = unkept_columns(sel, table);
    }
    if (sel.features.empty()) throw UsageError("no columns left to analyse");
    sel.feature_names = names_of(sel.features, names);
    request(table, sel);
    return sel;
}

Selection select_by_name(const Options& o, io::TableReader& table,
                         const std::vector<std::string>& features) {
    const auto& names = table.names();
    Selection sel = with_kept_columns(o, table);
    for (const auto& f : features) {
        const auto at = std::find(names.begin(), names.end(), f);
        if (at == names.end())
            throw InputError("the model's column \"" + f + "\" is not in the input (it has " +
                             io::list_columns(names) + ")", table.file());
        sel.features.push_back(static_cast<std::size_t>(at - names.begin()));
    }
    sel.feature_names = features;
    request(table, sel);
    return sel;
}

Eigen::MatrixXd model_columns(const linalg::PcaModel& model, const Selection& sel,
                              const Eigen::Ref<const Eigen::MatrixXd>& x) {
    if (model.dropped.empty()) return x;
    std::vector<Eigen::Index> at;
    for (const auto& f : model.features)
        at.push_back(std::find(sel.feature_names.begin(), sel.feature_names.end(), f) -
                     sel.feature_names.begin());
    return x(Eigen::all, at);
}

std::int64_t write_projected(io::TableReader& table, RowWriter& out,
                             const std::function<Eigen::MatrixXd(const io::RowBlock&)>& project,
                             std::int64_t limit) {
    struct Projected {
        io::RowBlock rows;
        Eigen::MatrixXd values;
    };
    std::int64_t seen = 0;
    io::map_chunks(
        table, [&](const io::RowBlock& b) { return Projected{b, project(b)}; },
        [&](Projected&& part) {
            seen += static_cast<std::int64_t>(part.rows.rows());
            if (seen <= limit) out.write(part.rows, std::move(part.values));
        });
    return seen;
}

std::vector<std::string> component_names(Eigen::Index k) {
    std::vector<std::string> out;
    for (Eigen::Index j = 1; j <= k; ++j) {
        std::string name = "PC";
        out.push_back(name += std::to_string(j));
    }
    return out;
}

RowWriter::RowWriter(cli::Context& ctx, std::vector<std::string> keep_names,
                     std::vector<std::string> value_names, nlohmann::json* details)
    : ctx_(ctx), keep_names_(std::move(keep_names)), value_names_(std::move(value_names)),
      details_(details) {
    if (details_) {
        (*details_)["scores"] = nlohmann::json::array();
        return;
    }
    std::vector<std::string> header = keep_names_;
    header.insert(header.end(), value_names_.begin(), value_names_.end());
    table_.emplace(ctx_.table(std::move(header)));
    const io::OutFormat format = ctx_.out_format();
    if ((format == io::OutFormat::csv || format == io::OutFormat::tsv) && keep_names_.empty()) {
        delimiter_ = format == io::OutFormat::csv ? ',' : '\t';
        const std::size_t threads = cli::thread_count(ctx_.options());
        if (threads > 1) blocks_.emplace(ctx_.out(), threads);
    }
}

void RowWriter::write(const io::RowBlock& block, Eigen::MatrixXd values) {
    write_rows([&block](std::size_t row, std::size_t j) { return block.text(row, j); }, std::move(values));
}

void RowWriter::write(const HeldRows& held, std::int64_t first_row, Eigen::MatrixXd values) {
    write_rows([&held, first_row](std::size_t row, std::size_t j) {
        return held.text(first_row + static_cast<std::int64_t>(row), j);
    }, std::move(values));
}

template <typename Text>
void RowWriter::write_rows(const Text& text, Eigen::MatrixXd values) {
    if (delimiter_) {
        // Numbers alone, as CSV or TSV: io/output_rows.hpp's fast path, on the
        // workers with more than one thread.
        auto lay_out = [delimiter = delimiter_, precision = ctx_.options().precision,
                        values = std::move(values)](std::string& out) {
            io::append_number_rows(out, values.data(), static_cast<std::size_t>(values.rows()),
                                   static_cast<std::size_t>(values.cols()), 1,
                                   static_cast<std::size_t>(values.rows()), delimiter, precision);
        };
        if (blocks_) {
            blocks_->submit(std::move(lay_out));
        } else {
            lay_out(ctx_.out().buffer());
            ctx_.out().maybe_drain();
        }
        return;
    }
    for (Eigen::Index i = 0; i < values.rows(); ++i) {
        const auto row = static_cast<std::size_t>(i);
        if (details_) {
            nlohmann::json one = nlohmann::json::object();
            for (std::size_t j = 0; j < keep_names_.size(); ++j) one[keep_names_[j]] = text(row, j);
            for (std::size_t j = 0; j < value_names_.size(); ++j)
                one[value_names_[j]] = io::json_number(values(i, static_cast<Eigen::Index>(j)));
            (*details_)["scores"].push_back(std::move(one));
            continue;
        }
        for (std::size_t j = 0; j < keep_names_.size(); ++j) table_->cell(text(row, j));
        for (Eigen::Index j = 0; j < values.cols(); ++j) table_->cell(values(i, j));
        table_->end_row();
    }
}

void RowWriter::finish() {
    if (blocks_) blocks_->finish();
    if (table_) table_->finish();
}

}  // namespace mlm::pca_tool
