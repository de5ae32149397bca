# The acceptance command run as a user runs it: stdout must be llama2.c's text exactly; bad input
# must exit 1 with one line naming the file. Skips (exit 0 with a message) without ../shared.
set(dir "${SHARED}/models/stories260K")
if(NOT EXISTS "${dir}/stories260K.bin")
    message("SKIP: ../shared absent, stories260K not available")
    return()
endif()
execute_process(COMMAND "${CLI}" generate --model "${dir}/stories260K.bin" --tokenizer "${dir}/tok512.model"
                        --prompt "" --max-new-tokens 200 --temperature 0
                OUTPUT_VARIABLE out RESULT_VARIABLE rc)
file(READ "${dir}/reference.json" ref)
string(JSON want GET "${ref}" upstream_test_all_py expected_stdout_without_final_newline)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "rapidun generate exited ${rc}")
endif()
if(NOT out STREQUAL "${want}\n")
    message(FATAL_ERROR "stdout differs from the llama2.c reference:\n---got---\n${out}\n---want---\n${want}")
endif()
execute_process(COMMAND "${CLI}" generate --model "${dir}/no-such.bin" --prompt "x"
                ERROR_VARIABLE err RESULT_VARIABLE rc)
if(NOT rc EQUAL 1 OR NOT err MATCHES "no-such.bin")
    message(FATAL_ERROR "missing model: expected exit 1 naming the file, got ${rc}: ${err}")
endif()
message("cli generate reference: OK")
