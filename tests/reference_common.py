"""What every reference script in tests/ shares (imported from beside them; see reference_python.h)."""
import os
import sys

# The exit code that tells the calling test to SKIP: the reference package could not be imported.
EXIT_NO_REFERENCE = 3


def start(argv, n_args, doc):
    """Checks the argument count (prints doc, returns 2 when wrong) and keeps transformers offline
    and quiet: nothing may be downloaded at test time. Returns None when the script may go on."""
    if len(argv) != n_args + 1:
        print(doc, file=sys.stderr)
        return 2
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["TRANSFORMERS_OFFLINE"] = "1"
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    return None
