// The BPE model of a tokenizer.json (HF `tokenizers`' models::bpe), internal to core.
// Merging is HF's own scheme: the word's symbols form a linked list in an array and a min-heap
// of candidate merges keyed (rank, position) pops the next merge in O(log n), stale entries being
// skipped, so a word of n characters costs O(n log n), never a rescan per merge. Results of words
// shorter than 256 bytes are cached (word -> ids).
#pragma once
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace rapidun::hf {

// String -> id hash table with open addressing over one pooled key buffer (the 128k-280k keys
// of a real vocabulary would be as many small allocations in std::unordered_map) and lookups by
// (pointer, length) without building a std::string.
class StringIdMap {
public:
    void reserve(size_t n);
    bool insert(const std::string & key, int32_t id);   // false (and no change) when key is present
    int32_t find(const char * p, size_t n) const;       // -1 when absent
    int32_t find(const std::string & s) const { return find(s.data(), s.size()); }
    size_t size() const { return size_; }

private:
    struct Slot { uint64_t hash; uint32_t offset, length; int32_t id; };   // id -1: empty
    void grow();
    std::vector<Slot> slots_;
    std::string pool_;
    size_t size_ = 0;
};

uint64_t hash_bytes(const char * p, size_t n);

struct BpeConfig {
    bool byte_fallback = false;
    bool fuse_unk = false;
    bool ignore_merges = false;
    std::optional<std::string> unk_token;                  // model.unk_token
    std::optional<std::string> continuing_subword_prefix;  // put before every non-first character
    std::optional<std::string> end_of_word_suffix;         // put after the last character
};

class Bpe {
public:
    explicit Bpe(BpeConfig cfg) : cfg_(std::move(cfg)) {}

    // Building, in this order: every vocab entry, then every merge (rank = call order; a pair
    // given twice keeps the later rank and result, as HF's HashMap collect does), then finish().
    bool add_token(const std::string & token, int32_t id);   // false when the token is a duplicate
    void add_merge(int32_t left, int32_t right, int32_t result);
    void finish();

    int32_t token_to_id(const std::string & token) const { return vocab_.find(token); }
    size_t n_tokens() const { return vocab_.size(); }
    const BpeConfig & config() const { return cfg_; }

    // Appends the ids of one pre-tokenized word (empty word: nothing). Throws std::runtime_error
    // when a character is unknown and the model's unk_token is not in its vocabulary.
    void tokenize(const std::string & word, std::vector<int32_t> & out) const;

private:
    struct MergeSlot { uint64_t key; uint32_t rank; int32_t result; };   // result -1: empty
    const MergeSlot * find_merge(int32_t left, int32_t right) const;
    void merge_word(const std::string & word, std::vector<int32_t> & out) const;

    BpeConfig cfg_;
    StringIdMap vocab_;
    std::vector<MergeSlot> merges_;   // open addressing, power-of-two size
    std::vector<std::pair<uint64_t, std::pair<uint32_t, int32_t>>> pending_merges_;
    int32_t byte_ids_[256];           // "<0xNN>" ids for byte fallback, -1 when absent
    int32_t single_byte_ids_[128];    // ids of the one-byte tokens (ASCII), -1 when absent

    // word -> ids cache; encode is const and may run on several threads.
    static constexpr size_t k_cache_capacity = 1 << 16;   // entries; cleared whole when full
    static constexpr size_t k_cache_max_word = 256;        // bytes, as HF's MAX_LENGTH
    mutable std::mutex cache_mutex_;
    mutable std::unordered_map<std::string, std::vector<int32_t>> cache_;
};

} // namespace rapidun::hf
