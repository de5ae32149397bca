// C interface of librapidun_spm.so (the sentencepiece plug-in). Shared by the plug-in and by
// sentencepiece_tokenizer.cpp, which dlopen()s it; nothing here may name a sentencepiece type.
//
// Handles are opaque. Variable-size results go to caller buffers: a call returns the size it
// needs (ids or bytes), writes only when that fits `cap`, and the caller retries with a larger
// buffer otherwise. Errors: a call returns -1 (load: nullptr) and writes a NUL-ended message to
// `err`. No C++ exception crosses this boundary.
#pragma once
#include <cstdint>

// Bumped whenever a signature below changes, so a stale plug-in is refused with a clear message.
#define RSPM_ABI_VERSION 1

extern "C" {
typedef int32_t (*rspm_abi_version_fn)(void);
typedef void * (*rspm_load_fn)(const char * path, char * err, int32_t err_cap);
typedef void (*rspm_free_fn)(void * h);
typedef int32_t (*rspm_info_fn)(const void * h, int32_t what);   // see RSPM_INFO_*
// `text` has `len` bytes (it may hold NULs); returns the number of ids.
typedef int32_t (*rspm_encode_fn)(const void * h, const char * text, int32_t len,
                                  int32_t * out, int32_t cap, char * err, int32_t err_cap);
// Returns the number of bytes of the decoded text (no NUL is written).
typedef int32_t (*rspm_decode_fn)(const void * h, const int32_t * ids, int32_t n,
                                  char * out, int32_t cap, char * err, int32_t err_cap);
// Returns the number of bytes of the piece, -1 for an id outside the vocabulary.
typedef int32_t (*rspm_piece_fn)(const void * h, int32_t id, char * out, int32_t cap);
// `args` holds one "key=value" trainer flag per line (so paths may contain spaces); 0 on success.
typedef int32_t (*rspm_train_fn)(const char * args, char * err, int32_t err_cap);
}

// Exported symbol names, looked up with dlsym().
#define RSPM_SYM_ABI_VERSION "rspm_abi_version"
#define RSPM_SYM_LOAD "rspm_load"
#define RSPM_SYM_FREE "rspm_free"
#define RSPM_SYM_INFO "rspm_info"
#define RSPM_SYM_ENCODE "rspm_encode"
#define RSPM_SYM_DECODE "rspm_decode"
#define RSPM_SYM_PIECE "rspm_piece"
#define RSPM_SYM_TRAIN "rspm_train"

enum : int32_t {
    RSPM_INFO_VOCAB = 0,
    RSPM_INFO_BOS = 1,
    RSPM_INFO_EOS = 2,
    RSPM_INFO_PAD = 3,
    RSPM_INFO_UNK = 4,
    RSPM_INFO_BYTE_FALLBACK = 5,   // 1 when the model has <0xXX> byte pieces
    RSPM_INFO_MODEL_TYPE = 6,      // 1 unigram, 2 bpe, 3 word, 4 char (sentencepiece's enum)
};
