// BPE of tokenizer.json, ported from HF tokenizers' models/bpe/{model,word}.rs so that ids come
// out identical, including the odd corners: byte fallback per character, fused unknowns, merges
// whose result is checked when popped (a stale heap entry is skipped), ties broken leftmost.
#include "text/hf_bpe.h"

#include "text/hf_unicode.h"

#include <cstdio>
#include <cstring>
#include <queue>
#include <stdexcept>

namespace rapidun::hf {

// --- hashing ------------------------------------------------------------------------------------

uint64_t hash_bytes(const char * p, size_t n) {
    // 8 bytes per step, multiply-xorshift mixing (a reduced wyhash/murmur): fast for the short
    // keys of a vocabulary and good enough for a table that is at most half full.
    uint64_t h = 0x9E3779B97F4A7C15ull ^ (n * 0xC2B2AE3D27D4EB4Full);
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t k;
        std::memcpy(&k, p + i, 8);
        h = (h ^ (k * 0x87C37B91114253D5ull)) * 0x4CF5AD432745937Full;
        h ^= h >> 31;
    }
    uint64_t tail = 0;
    if (i < n) std::memcpy(&tail, p + i, n - i);
    h = (h ^ (tail * 0x87C37B91114253D5ull)) * 0x4CF5AD432745937Full;
    h ^= h >> 29;
    h *= 0xBF58476D1CE4E5B9ull;
    h ^= h >> 32;
    return h;
}

void StringIdMap::reserve(size_t n) {
    size_t cap = 16;
    while (cap < 2 * n) cap <<= 1;
    if (cap <= slots_.size()) return;
    std::vector<Slot> old;
    old.swap(slots_);
    slots_.assign(cap, Slot{0, 0, 0, -1});
    for (const Slot & s : old) {
        if (s.id < 0) continue;
        size_t i = s.hash & (cap - 1);
        while (slots_[i].id >= 0) i = (i + 1) & (cap - 1);
        slots_[i] = s;
    }
}

void StringIdMap::grow() { reserve(slots_.empty() ? 8 : slots_.size()); }

bool StringIdMap::insert(const std::string & key, int32_t id) {
    if (2 * (size_ + 1) > slots_.size()) grow();
    const uint64_t h = hash_bytes(key.data(), key.size());
    const size_t mask = slots_.size() - 1;
    size_t i = h & mask;
    while (slots_[i].id >= 0) {
        const Slot & s = slots_[i];
        if (s.hash == h && s.length == key.size() && std::memcmp(pool_.data() + s.offset, key.data(), key.size()) == 0)
            return false;
        i = (i + 1) & mask;
    }
    if (pool_.size() + key.size() > UINT32_MAX) throw std::runtime_error("vocabulary over 4 GiB");
    slots_[i] = Slot{h, static_cast<uint32_t>(pool_.size()), static_cast<uint32_t>(key.size()), id};
    pool_ += key;
    ++size_;
    return true;
}

int32_t StringIdMap::find(const char * p, size_t n) const {
    if (slots_.empty()) return -1;
    const uint64_t h = hash_bytes(p, n);
    const size_t mask = slots_.size() - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
        const Slot & s = slots_[i];
        if (s.id < 0) return -1;
        if (s.hash == h && s.length == n && std::memcmp(pool_.data() + s.offset, p, n) == 0) return s.id;
    }
}

// --- building -----------------------------------------------------------------------------------

namespace {

uint64_t pair_key(int32_t left, int32_t right) {
    return (static_cast<uint64_t>(static_cast<uint32_t>(left)) << 32) | static_cast<uint32_t>(right);
}

uint64_t mix64(uint64_t k) {
    k ^= k >> 33;
    k *= 0xFF51AFD7ED558CCDull;
    k ^= k >> 33;
    k *= 0xC4CEB9FE1A85EC53ull;
    k ^= k >> 33;
    return k;
}

} // namespace

bool Bpe::add_token(const std::string & token, int32_t id) { return vocab_.insert(token, id); }

void Bpe::add_merge(int32_t left, int32_t right, int32_t result) {
    pending_merges_.push_back({pair_key(left, right), {static_cast<uint32_t>(pending_merges_.size()), result}});
}

void Bpe::finish() {
    size_t cap = 16;
    while (cap < 2 * pending_merges_.size()) cap <<= 1;
    merges_.assign(cap, MergeSlot{0, 0, -1});
    for (const auto & m : pending_merges_) {
        size_t i = mix64(m.first) & (cap - 1);
        while (merges_[i].result >= 0 && merges_[i].key != m.first) i = (i + 1) & (cap - 1);
        merges_[i] = MergeSlot{m.first, m.second.first, m.second.second};   // a repeated pair: the later wins
    }
    pending_merges_.clear();
    pending_merges_.shrink_to_fit();
    for (int b = 0; b < 256; ++b) {
        char name[8];
        std::snprintf(name, sizeof name, "<0x%02X>", b);
        byte_ids_[b] = vocab_.find(name, 6);
    }
    for (int b = 0; b < 128; ++b) {
        const char c = static_cast<char>(b);
        single_byte_ids_[b] = vocab_.find(&c, 1);
    }
}

const Bpe::MergeSlot * Bpe::find_merge(int32_t left, int32_t right) const {
    const uint64_t key = pair_key(left, right);
    const size_t mask = merges_.size() - 1;
    for (size_t i = mix64(key) & mask;; i = (i + 1) & mask) {
        const MergeSlot & s = merges_[i];
        if (s.result < 0) return nullptr;
        if (s.key == key) return &s;
    }
}

// --- tokenizing ---------------------------------------------------------------------------------

namespace {

struct Symbol {
    int32_t id;
    int32_t prev, next;   // indices in the symbol array, -1 at the ends
    uint32_t len;         // bytes of the word it covers; 0 = merged into its left neighbour
};

struct Candidate {
    uint32_t rank;
    uint32_t pos;
    int32_t result;
    // std::priority_queue pops the largest: invert so the lowest rank, then lowest pos, comes first.
    bool operator<(const Candidate & o) const { return rank != o.rank ? rank > o.rank : pos > o.pos; }
};

} // namespace

void Bpe::merge_word(const std::string & w, std::vector<int32_t> & out) const {
    std::vector<Symbol> sym;
    sym.reserve(w.size());
    auto add = [&sym](int32_t id, uint32_t len) {
        const int32_t n = static_cast<int32_t>(sym.size());
        if (n > 0) sym.back().next = n;
        sym.push_back(Symbol{id, n - 1, -1, len});
    };
    // A pending unknown (id, bytes): HF adds it only when the next known character arrives.
    int32_t unk_id = -1;
    uint32_t unk_len = 0;
    bool unk_pending = false;
    auto unk_token_id = [this]() {
        const int32_t id = vocab_.find(*cfg_.unk_token);
        if (id < 0) throw std::runtime_error("unk_token '" + *cfg_.unk_token + "' is not in the vocabulary");
        return id;
    };
    const bool affixes = cfg_.continuing_subword_prefix || cfg_.end_of_word_suffix;
    std::string s;
    size_t i = 0;
    while (i < w.size()) {
        size_t j = i;
        next_code_point(w, j);
        const bool first = i == 0, last = j == w.size();
        const auto byte_len = static_cast<uint32_t>(j - i);
        int32_t id;
        if (!affixes && byte_len == 1 && static_cast<unsigned char>(w[i]) < 128) {
            id = single_byte_ids_[static_cast<unsigned char>(w[i])];
            if (id < 0) s.assign(w, i, 1);
        } else {
            s.clear();
            if (!first && cfg_.continuing_subword_prefix) s += *cfg_.continuing_subword_prefix;
            s.append(w, i, byte_len);
            if (last && cfg_.end_of_word_suffix) s += *cfg_.end_of_word_suffix;
            id = vocab_.find(s);
        }
        if (id >= 0) {
            if (unk_pending) { add(unk_id, unk_len); unk_pending = false; }
            add(id, byte_len);
            i = j;
            continue;
        }
        if (cfg_.byte_fallback) {
            bool all = true;
            for (const char c : s) all = all && byte_ids_[static_cast<unsigned char>(c)] >= 0;
            if (all) {
                for (const char c : s) add(byte_ids_[static_cast<unsigned char>(c)], 1);
                i = j;
                continue;   // as HF: a pending unknown stays pending
            }
        }
        if (cfg_.unk_token) {
            if (unk_pending && cfg_.fuse_unk) {
                unk_len += byte_len;
            } else {
                if (unk_pending) add(unk_id, unk_len);
                unk_id = unk_token_id();
                unk_len = byte_len;
                unk_pending = true;
            }
        }
        i = j;   // no unk token: HF drops the character
    }
    if (unk_pending) add(unk_id, unk_len);

    std::vector<Candidate> heap_store;
    heap_store.reserve(sym.size());
    std::priority_queue<Candidate> queue(std::less<Candidate>(), std::move(heap_store));
    for (size_t k = 0; k + 1 < sym.size(); ++k)
        if (const MergeSlot * m = find_merge(sym[k].id, sym[k + 1].id))
            queue.push(Candidate{m->rank, static_cast<uint32_t>(k), m->result});
    while (!queue.empty()) {
        const Candidate top = queue.top();
        queue.pop();
        Symbol & cur = sym[top.pos];
        if (cur.len == 0 || cur.next == -1) continue;
        const int32_t next_pos = cur.next;
        const Symbol right = sym[next_pos];
        const MergeSlot * m = find_merge(cur.id, right.id);
        if (!m || m->result != top.result) continue;   // stale: one side changed since the push
        cur.id = top.result;
        cur.len += right.len;
        cur.next = right.next;
        sym[next_pos].len = 0;
        if (right.next >= 0) sym[right.next].prev = static_cast<int32_t>(top.pos);
        if (cur.prev >= 0)
            if (const MergeSlot * pm = find_merge(sym[cur.prev].id, cur.id))
                queue.push(Candidate{pm->rank, static_cast<uint32_t>(cur.prev), pm->result});
        if (cur.next >= 0)
            if (const MergeSlot * nm = find_merge(cur.id, sym[cur.next].id))
                queue.push(Candidate{nm->rank, top.pos, nm->result});
    }
    for (const Symbol & x : sym)
        if (x.len != 0) out.push_back(x.id);
}

void Bpe::tokenize(const std::string & word, std::vector<int32_t> & out) const {
    if (word.empty()) return;
    if (cfg_.ignore_merges) {
        const int32_t id = vocab_.find(word);
        if (id >= 0) { out.push_back(id); return; }
    }
    if (word.size() >= k_cache_max_word) { merge_word(word, out); return; }
    {
        std::lock_guard<std::mutex> lock(cache_mutex_);
        const auto it = cache_.find(word);
        if (it != cache_.end()) {
            out.insert(out.end(), it->second.begin(), it->second.end());
            return;
        }
    }
    const size_t before = out.size();
    merge_word(word, out);
    std::vector<int32_t> ids(out.begin() + static_cast<std::ptrdiff_t>(before), out.end());
    std::lock_guard<std::mutex> lock(cache_mutex_);
    if (cache_.size() >= k_cache_capacity) cache_.clear();
    cache_.emplace(word, std::move(ids));
}

} // namespace rapidun::hf
