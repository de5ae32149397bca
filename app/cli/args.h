// Tiny command-line parser shared by the subcommands: "--name value", "--flag", positionals.
#pragma once
#include <map>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

namespace rapidun {
struct LabProgress;
struct Workspace;
}

namespace rapidun::cli {

// One progress line on stderr, rewritten in place (the lab builders' callback).
void print_lab_progress(const LabProgress & p);
// The built lab's summary on stdout: its lab JSON with --json, else metrics and timings.
void print_lab_summary(const Workspace & w, bool as_json);

// Text from files (data sets, model and tokenizer strings, generations, messages that quote them)
// as it may be printed on a terminal: control characters other than newline and tab (ESC starts
// the sequences that move the cursor, retitle the window or rewrite the screen) and the C1 controls
// U+0080-U+009F are written as \xNN / \u00NN; everything else, UTF-8 included, is kept.
std::string terminal_safe(const std::string & s);

struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

class Args {
public:
    // `flags` take no value; every other "--x" takes the next argument as its value.
    Args(int argc, char ** argv, int first, std::set<std::string> flags, std::set<std::string> options);
    bool has(const std::string & name) const { return values_.count(name) > 0; }
    std::string get(const std::string & name, const std::string & fallback = "") const;
    double      get_double(const std::string & name, double fallback) const;
    long long   get_int(const std::string & name, long long fallback) const;
    // "--name a,b,c" -> {a, b, c} (empty items dropped); {} when absent.
    std::vector<std::string> get_list(const std::string & name) const;
    const std::vector<std::string> & positional() const { return positional_; }

private:
    std::map<std::string, std::string> values_;
    std::vector<std::string>           positional_;
};

int cmd_info(int argc, char ** argv);
int cmd_generate(int argc, char ** argv);
int cmd_demo(int argc, char ** argv);
int cmd_eval(int argc, char ** argv);
int cmd_finetune(int argc, char ** argv);
int cmd_lab(int argc, char ** argv);
int cmd_judge(int argc, char ** argv);
int cmd_influence(int argc, char ** argv);
int cmd_weights(int argc, char ** argv);
int cmd_unlearn(int argc, char ** argv);
int cmd_pipeline(int argc, char ** argv);
int cmd_scenarios(int argc, char ** argv);
int cmd_tokenize(int argc, char ** argv);
int cmd_report(int argc, char ** argv);

} // namespace rapidun::cli
