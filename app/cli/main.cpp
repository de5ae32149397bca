// rapidun: the command-line face of core. Thin: parse, call core, map outcomes to exit codes
// (0 ok, 1 error, 2 usage). Progress goes to stderr, results to stdout.
#include "args.h"

#include "rapidun/error.h"
#include "rapidun/model/device.h"

#include <cstdio>
#include <cstring>
#include <exception>
#include <string>

static const char * kUsage =
    "usage: rapidun <command> [options]\n"
    "commands:\n"
    "  info <model> [--tokenizer PATH] [--json]\n"
    "  generate --model PATH [--tokenizer PATH] (--prompt TEXT | --batch-file FILE) [--max-new-tokens N]\n"
    "           [--temperature T] [--top-p P] [--seed S] [--precision f32|bf16] [--pad-side left|right] [--json]\n"
    "  demo --out DIR [--scale tiny|default] [--seed S] [--force]      build the synthetic backdoor lab\n"
    "  eval --workspace W [--adapter DIR] [--limit N] [--json]          ASR, false triggers, clean utility\n"
    "  finetune (--workspace W | --model M --data F) --out DIR [--lora] full or LoRA fine-tuning\n"
    "  lab dolly --release DIR --out DIR [--scale tiny|default]         build the Dolly backdoor lab (resumable)\n"
    "  judge --release DIR [--out judge.json] [--json]                 the learned judge, validated out of fold\n"
    "  influence --workspace W [--params P] [--rank-train] [--json]     sketches, FF/FR/RF/RR views, train ranking\n"
    "  influence explain --workspace W --test I --train J               token-wise influence of one pair\n"
    "  weights (--rapidin-dir DIR | --workspace W) [--out DIR]          influence views -> per-sample weights\n"
    "  unlearn --workspace W [--method M] [--preset lab|paper|fast]     one unlearning run -> W/runs/<id>\n"
    "  pipeline --workspace W [--method M|all] [--seeds N]              influence -> weights -> unlearn -> eval\n"
    "  scenarios --workspace W [--scenarios S,...] [--seeds N]          the pipeline on small / one-family / curated\n"
    "                                                                   forget sets and a quarter budget\n"
    "  tokenize --tokenizer PATH (--text S | --jsonl F) [--add-special] ids as JSON (tokenizer.json or .model)\n"
    "  report --workspace W --format html|md|json|csv --out PATH        the workspace's report\n"
    "every command: --device auto|cpu|cuda|cuda:N  where models run (auto: a GPU when this build and machine\n"
    "               have one, else the CPU; also $RAPIDUN_DEVICE)\n"
    "run 'rapidun <command> --help' for details\n";

int main(int argc, char ** argv) {
    if (argc < 2 || !std::strcmp(argv[1], "--help") || !std::strcmp(argv[1], "-h")) {
        std::fputs(kUsage, argc < 2 ? stderr : stdout);
        return argc < 2 ? 2 : 0;
    }
    const std::string cmd = argv[1];
    try {
        // --device VALUE anywhere after the command: taken out here, so that every command accepts it.
        int n = 2;
        for (int i = 2; i < argc; i++) {
            if (!std::strcmp(argv[i], "--device")) {
                if (i + 1 >= argc) throw rapidun::cli::UsageError("option --device needs a value");
                rapidun::set_default_device(rapidun::parse_device(argv[++i]));
                continue;
            }
            argv[n++] = argv[i];
        }
        argc = n;
        if (cmd == "info") return rapidun::cli::cmd_info(argc, argv);
        if (cmd == "generate") return rapidun::cli::cmd_generate(argc, argv);
        if (cmd == "demo") return rapidun::cli::cmd_demo(argc, argv);
        if (cmd == "eval") return rapidun::cli::cmd_eval(argc, argv);
        if (cmd == "finetune") return rapidun::cli::cmd_finetune(argc, argv);
        if (cmd == "lab") return rapidun::cli::cmd_lab(argc, argv);
        if (cmd == "judge") return rapidun::cli::cmd_judge(argc, argv);
        if (cmd == "influence") return rapidun::cli::cmd_influence(argc, argv);
        if (cmd == "weights") return rapidun::cli::cmd_weights(argc, argv);
        if (cmd == "unlearn") return rapidun::cli::cmd_unlearn(argc, argv);
        if (cmd == "pipeline") return rapidun::cli::cmd_pipeline(argc, argv);
        if (cmd == "scenarios") return rapidun::cli::cmd_scenarios(argc, argv);
        if (cmd == "tokenize") return rapidun::cli::cmd_tokenize(argc, argv);
        if (cmd == "report") return rapidun::cli::cmd_report(argc, argv);
        std::fprintf(stderr, "rapidun: unknown command '%s'\n%s", rapidun::cli::terminal_safe(cmd).c_str(), kUsage);
        return 2;
    } catch (const rapidun::cli::UsageError & e) {
        std::fprintf(stderr, "rapidun %s: %s\n", cmd.c_str(), rapidun::cli::terminal_safe(e.what()).c_str());
        return 2;
    } catch (const std::exception & e) {
        std::fprintf(stderr, "rapidun %s: error: %s\n", cmd.c_str(), rapidun::cli::terminal_safe(e.what()).c_str());
        return 1;
    }
}
