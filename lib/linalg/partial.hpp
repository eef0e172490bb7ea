// A partial: the sufficient statistics of PCA over one shard of rows (feature
// names, n, mean, co-moment matrix M2) as JSON, so shards fitted apart merge by
// Chan's formula into the moments of one pass over all rows.
#pragma once

#include "linalg/moments.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace mlm::linalg {

struct Partial {
    std::vector<std::string> features;
    Moments moments;
};

// `kind` tags the tool whose merge reads it back ("mlm-gd partial": the last
// feature is the target of a regression).
nlohmann::json partial_json(const Partial& partial, std::string_view kind = "mlm-pca partial");

// InputError naming `source` when a part is missing, malformed or inconsistent.
Partial partial_from_json(const nlohmann::json& document, const std::string& source,
                          std::string_view kind = "mlm-pca partial");

// Merges `next` into `into`; the features must be the same, in the same order.
void merge_partial(Partial& into, const Partial& next, const std::string& next_source);

}  // namespace mlm::linalg
