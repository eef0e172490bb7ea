// The k best of a stream of scored items, in memory bounded by k: a min-heap
// whose top is the worst kept item, replaced when a better one arrives.
// "Better" is a higher score, and on equal scores the earlier item (smaller
// index), so the result is the same whatever order blocks are offered in.
// Each kept item carries a payload (a row's label) copied only on admission.
#pragma once

#include <algorithm>
#include <cstdint>
#include <utility>
#include <vector>

namespace mlm::linalg {

template <class Payload>
class TopK {
public:
    struct Entry {
        double score;
        std::int64_t index;
        Payload payload;
    };

    explicit TopK(std::size_t k) : k_(k) { heap_.reserve(k); }

    // Would an item with this score and index be kept? Cheap: one comparison
    // once the heap is full, so the hot loop calls it for every row.
    bool admits(double score, std::int64_t index) const {
        if (k_ == 0) return false;
        if (heap_.size() < k_) return true;
        const Entry& worst = heap_.front();
        return score > worst.score || (score == worst.score && index < worst.index);
    }

    // Keeps the item if admits() says so.
    void offer(double score, std::int64_t index, Payload payload) {
        if (!admits(score, index)) return;
        if (heap_.size() == k_) {
            std::pop_heap(heap_.begin(), heap_.end(), better);
            heap_.pop_back();
        }
        heap_.push_back({score, index, std::move(payload)});
        std::push_heap(heap_.begin(), heap_.end(), better);
    }

    // The kept items, best first.
    std::vector<Entry> sorted() const {
        std::vector<Entry> out = heap_;
        std::sort(out.begin(), out.end(), better);
        return out;
    }

private:
    // With this as the heap's "less", the heap's front is the worst item.
    static bool better(const Entry& a, const Entry& b) {
        return a.score > b.score || (a.score == b.score && a.index < b.index);
    }
    std::size_t k_;
    std::vector<Entry> heap_;
};

}  // namespace mlm::linalg
