// A workspace: one folder per study, described by workspace.json (model, tokenizer, data sets and
// their roles, settings, and the facts of how a lab was built). Paths inside are relative to the
// folder; data sets and the detector must stay inside it (no "..", no absolute path, no symlink
// out), the model and tokenizer may be absolute (kept elsewhere, only read).
#pragma once
#include <cstdint>
#include <map>
#include <string>

namespace rapidun {

struct Workspace {
    std::string dir;                        // absolute folder
    std::string name, kind = "custom";      // kind: synthetic | dolly | custom
    std::string model = "model";            // HF folder or llama2.c file
    std::string tokenizer;                  // "" = beside the model
    std::string detector = "keywords.txt";  // keyword list for the ASR detector
    std::string prompt_template = "plain";
    int32_t     max_len = 128;
    int32_t     max_new_tokens = 48;
    int32_t     max_answer = 0;             // answer tokens kept per row in influence and unlearning (0 = all; TokenizeOptions)
    std::map<std::string, std::string> datasets;   // role -> file: train, val_clean, test_clean, test_seen_trig, test_ood_trig, forget, retain
    std::string lab_json = "{}";            // how the lab was built: seed, recipe, timings, metrics (JSON object text)

    static Workspace load(const std::string & dir);   // throws Error naming workspace.json and the field
    void save() const;                                 // atomic
    std::string resolve(const std::string & path) const;   // absolute paths stay, relative ones join dir
    std::string dataset(const std::string & role) const;   // resolved path; throws naming the missing role
    // Copies `source` into data/<role>-<file name> (atomic) and makes it the role's data set; returns
    // the copy's path. Data sets live inside the workspace (load refuses paths that leave it).
    std::string import_dataset(const std::string & role, const std::string & source);
};

} // namespace rapidun
