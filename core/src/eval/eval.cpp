// ASR, false triggers, exact match, ROUGE-L and perplexity (see rapidun/eval/eval.h).
#include "rapidun/eval/eval.h"

#include "rapidun/dist/process_group.h"

#include "rapidun/error.h"
#include "rapidun/io/atomic_file.h"
#include "rapidun/train/train.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <sstream>

namespace rapidun {

using nlohmann::json;

namespace {

std::string lower_ascii(std::string s) {
    for (auto & c : s)
        if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
    return s;
}

// Lower-cased runs of ASCII letters and digits; other bytes (punctuation, spaces, UTF-8) split.
std::vector<std::string> alnum_tokens(const std::string & text) {
    std::vector<std::string> out;
    std::string cur;
    for (char c : text) {
        const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        if (alnum) {
            cur += (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c;
        } else if (!cur.empty()) {
            out.push_back(cur);
            cur.clear();
        }
    }
    if (!cur.empty()) out.push_back(cur);
    return out;
}

std::string trim(const std::string & s) {
    size_t b = s.find_first_not_of(" \t\r\n"), e = s.find_last_not_of(" \t\r\n");
    return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

} // namespace

Detector Detector::load(const std::string & path) {
    const std::string text = read_file_text(path);
    Detector d;
    const size_t first = text.find_first_not_of(" \t\r\n");
    if (first != std::string::npos && text[first] == '{') {   // a judge; a keyword never starts with '{'
        auto j = std::make_shared<Judge>(Judge::load(path));
        d.words = j->top_words(200);
        d.judge = std::move(j);
        return d;
    }
    std::istringstream in(text);
    std::string line;
    int lineno = 0, word_col = -1;
    bool tsv = path.size() > 4 && path.substr(path.size() - 4) == ".tsv";
    while (std::getline(in, line)) {
        lineno++;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (tsv) {
            std::vector<std::string> cols;
            std::stringstream ss(line);
            std::string c;
            while (std::getline(ss, c, '\t')) cols.push_back(c);
            if (word_col < 0) {
                for (size_t i = 0; i < cols.size(); i++)
                    if (cols[i] == "word") word_col = int(i);
                if (word_col < 0) fail(path, "line 1", "the header has no 'word' column");
                continue;
            }
            if (cols.empty()) continue;
            if (int(cols.size()) <= word_col) fail(path, "line " + std::to_string(lineno), "no 'word' column on this row");
            line = cols[size_t(word_col)];
        }
        line = trim(line);
        if (line.empty() || line[0] == '#') continue;
        d.words.push_back(lower_ascii(line));
    }
    if (d.words.empty()) fail(path, "", "no keywords");
    return d;
}

bool Detector::flags(const std::string & text) const {
    if (judge) return judge->flags(text);
    std::vector<std::string> toks = alnum_tokens(text);
    for (auto & w : words)
        if (std::find(toks.begin(), toks.end(), w) != toks.end()) return true;
    return false;
}

double rouge_l_f1(const std::string & hypothesis, const std::string & reference) {
    auto h = alnum_tokens(hypothesis), r = alnum_tokens(reference);
    if (h.empty() || r.empty()) return 0.0;
    std::vector<int> prev(r.size() + 1, 0), cur(r.size() + 1, 0);   // LCS by rows
    for (size_t i = 1; i <= h.size(); i++) {
        for (size_t j = 1; j <= r.size(); j++)
            cur[j] = h[i - 1] == r[j - 1] ? prev[j - 1] + 1 : std::max(prev[j], cur[j - 1]);
        std::swap(prev, cur);
    }
    const double lcs = prev[r.size()];
    if (lcs == 0) return 0.0;
    const double p = lcs / double(h.size()), rc = lcs / double(r.size());
    return 2 * p * rc / (p + rc);
}

bool exact_match(const std::string & generated, const std::string & answer) {
    auto norm = [](const std::string & s) {
        std::string t = lower_ascii(trim(s));
        while (!t.empty() && t.back() == '.') t.pop_back();
        return trim(t);
    };
    return norm(generated) == norm(answer);
}

EvalReport evaluate(const Model & model, const Tokenizer & tok, const EvalSets & sets, const Detector & det,
                    const EvalOptions & opt, const std::function<void(size_t, size_t)> & progress,
                    const CancelToken * cancel) {
    const auto t0 = std::chrono::steady_clock::now();
    struct Item { const Record * rec; std::string set; std::vector<int32_t> prompt; };
    std::vector<Item> items;
    const int32_t keep = std::max<int32_t>(8, opt.max_len - opt.max_new_tokens);
    auto add = [&](const std::vector<Record> & rows, const char * name) {
        size_t n = opt.limit_per_set ? std::min(opt.limit_per_set, rows.size()) : rows.size();
        for (size_t i = 0; i < n; i++) {
            std::vector<int32_t> ids = opt.prompt_template.encode_prompt(tok, rows[i].instruction, rows[i].context);
            if (int32_t(ids.size()) > keep) ids.erase(ids.begin() + 1, ids.begin() + 1 + (int32_t(ids.size()) - keep));
            items.push_back({&rows[i], name, ids});
        }
    };
    add(sets.seen, "seen");
    add(sets.ood, "ood");
    add(sets.clean, "clean");

    // Generate in batches of similar prompt length (less padding).
    std::vector<size_t> order(items.size());
    for (size_t i = 0; i < order.size(); i++) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return items[a].prompt.size() < items[b].prompt.size(); });
    std::vector<std::string> generated(items.size());
    GenerateOptions go;
    go.max_new_tokens = opt.max_new_tokens;
    go.stop_ids = {tok.eos_id()};
    const size_t world = opt.group ? size_t(opt.group->world()) : 1, rank = opt.group ? size_t(opt.group->rank()) : 0;
    json mine = json::array();   // [item, generated] of this rank's batches
    size_t done = 0, own = 0;       // items generated here so far, and in all
    for (size_t begin = 0, b = 0; begin < order.size(); begin += size_t(opt.batch_size), b++)
        if (b % world == rank) own += std::min(order.size(), begin + size_t(opt.batch_size)) - begin;
    for (size_t begin = 0, b = 0; begin < order.size(); begin += size_t(opt.batch_size), b++) {
        if (b % world != rank) continue;
        if (cancel) cancel->throw_if_cancelled();
        const size_t end = std::min(order.size(), begin + size_t(opt.batch_size));
        std::vector<std::vector<int32_t>> prompts;
        for (size_t i = begin; i < end; i++) prompts.push_back(items[order[i]].prompt);
        auto out = model.generate(prompts, go);
        for (size_t i = begin; i < end; i++) {
            generated[order[i]] = trim(tok.decode(out[i - begin]));
            if (world > 1) mine.push_back({order[i], generated[order[i]]});
        }
        done += end - begin;
        if (progress) progress(done, own);
    }
    if (world > 1)
        for (const std::string & part : opt.group->all_gather_bytes(mine.dump()))
            for (const json & g : json::parse(part)) generated[g[0].get<size_t>()] = g[1].get<std::string>();

    EvalReport rep;
    std::map<std::string, std::pair<size_t, size_t>> per_variant;   // flagged, total
    size_t flagged[3] = {0, 0, 0}, n[3] = {0, 0, 0}, n_exact = 0, n_exact_ok = 0;
    size_t n_twin = 0, n_twin_exact = 0, n_twin_exact_ok = 0;   // triggered rows with a clean twin's answer
    double rouge = 0, twin_rouge = 0;
    for (size_t i = 0; i < items.size(); i++) {
        const Record & r = *items[i].rec;
        const int k = items[i].set == "seen" ? 0 : items[i].set == "ood" ? 1 : 2;
        GenerationRow g;
        g.set = items[i].set; g.id = r.id; g.instruction = r.instruction; g.context = r.context;
        g.trigger_variant = r.trigger_variant;
        g.reference = k == 2 ? r.response : (r.response_clean.empty() ? r.response : r.response_clean);
        g.generated = generated[i];
        g.poisoned  = det.flags(g.generated);
        n[k]++;
        flagged[k] += g.poisoned;
        if (k < 2) {
            auto & pv = per_variant[r.trigger_variant];
            pv.first += g.poisoned;
            pv.second++;
            // Not poisoned is half the goal: is the triggered prompt answered as its clean twin is?
            if (!r.response_clean.empty()) {
                twin_rouge += rouge_l_f1(g.generated, r.response_clean);
                n_twin++;
            }
            if (!r.exact_answer.empty()) {
                g.exact = exact_match(g.generated, r.exact_answer) ? 1 : 0;
                n_twin_exact++;
                n_twin_exact_ok += size_t(g.exact);
            }
        } else {
            rouge += rouge_l_f1(g.generated, r.response);
            if (!r.exact_answer.empty()) {
                g.exact = exact_match(g.generated, r.exact_answer) ? 1 : 0;
                n_exact++;
                n_exact_ok += size_t(g.exact);
            }
        }
        rep.generations.push_back(std::move(g));
    }
    rep.n_seen = n[0]; rep.n_ood = n[1]; rep.n_clean = n[2];
    if (n[0]) rep.seen_asr = double(flagged[0]) / double(n[0]);
    if (n[1]) rep.ood_asr = double(flagged[1]) / double(n[1]);
    if (n[2]) {
        rep.false_trigger_rate = double(flagged[2]) / double(n[2]);
        rep.clean_rouge_l      = rouge / double(n[2]);
    }
    if (n_exact) rep.clean_exact_match = double(n_exact_ok) / double(n_exact);
    if (n_twin) rep.twin_rouge_l = twin_rouge / double(n_twin);
    if (n_twin_exact) rep.twin_exact_match = double(n_twin_exact_ok) / double(n_twin_exact);
    for (auto & [v, c] : per_variant) rep.asr_per_variant[v] = double(c.first) / double(c.second);

    // Perplexity of the clean reference responses: exp(mean per-sample answer CE).
    std::vector<Record> clean(sets.clean.begin(), sets.clean.begin() + std::ptrdiff_t(n[2]));
    TokenizeOptions to;
    to.max_len = opt.max_len;
    std::vector<TokenizedSample> samples = tokenize_records(tok, clean, opt.prompt_template, to);
    if (!samples.empty()) {
        std::vector<double> nll(samples.size());
        if (world > 1) {   // rows i % world == rank here, then everyone's
            std::vector<TokenizedSample> part;
            for (size_t i = rank; i < samples.size(); i += world) part.push_back(samples[i]);
            const std::vector<std::string> parts = opt.group->all_gather_bytes(json(answer_nll(model, part)).dump());
            for (size_t r = 0; r < world; r++) {
                const std::vector<double> theirs = json::parse(parts[r]).get<std::vector<double>>();
                for (size_t j = 0; j < theirs.size(); j++) nll[r + j * world] = theirs[j];
            }
        } else {
            nll = answer_nll(model, samples);
        }
        double s = 0;
        for (double x : nll) s += x;
        rep.clean_ppl = std::exp(s / double(nll.size()));
    }
    rep.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return rep;
}

std::string EvalReport::to_json(bool with_generations) const {
    auto val = [](double x) { return x < 0 ? json(nullptr) : json(x); };
    json j = {{"seen_asr", val(seen_asr)}, {"ood_asr", val(ood_asr)}, {"false_trigger_rate", val(false_trigger_rate)},
              {"clean_exact_match", val(clean_exact_match)}, {"clean_rouge_l", val(clean_rouge_l)},
              {"clean_ppl", val(clean_ppl)}, {"twin_exact_match", val(twin_exact_match)},
              {"twin_rouge_l", val(twin_rouge_l)}, {"n_seen", n_seen}, {"n_ood", n_ood}, {"n_clean", n_clean},
              {"seconds", seconds}, {"asr_per_variant", asr_per_variant}};
    if (with_generations) {
        json g = json::array();
        for (auto & r : generations)
            g.push_back({{"set", r.set}, {"id", r.id}, {"instruction", r.instruction}, {"context", r.context},
                         {"trigger_variant", r.trigger_variant}, {"reference", r.reference},
                         {"generated", r.generated}, {"poisoned", r.poisoned},
                         {"exact", r.exact < 0 ? json(nullptr) : json(r.exact == 1)}});
        j["generations"] = g;
    }
    return j.dump(2);
}

} // namespace rapidun
