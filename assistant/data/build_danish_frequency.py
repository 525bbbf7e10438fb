"""Build ``danish_frequency.tsv``: how often general Danish text uses each word stem.

Source: wordfreq 3.1.1's Danish word list (Robyn Speer et al., https://github.com/rspeer/wordfreq; its data under
CC BY-SA 4.0, and so is the derived table): 29,454 words from subtitles, Wikipedia, books, web text and social media,
none of them municipal minutes. Each word is read as the BM25 index reads text (``assistant.bm25.tokenize``: lower
case, accents folded, Danish Snowball stem, stopwords out) and the frequencies of the words sharing a stem are summed
("gang", "gange", "gangen" -> gang). Written as Zipf values (log10 of uses per billion words), two decimals.

Not run at install or at run time (wordfreq is a 57 MB wheel): run it by hand to rebuild the table,
``pip install wordfreq==3.1.1 && python assistant/data/build_danish_frequency.py``.
"""

from __future__ import annotations

import math
from collections import defaultdict
from pathlib import Path

OUT = Path(__file__).resolve().parent / "danish_frequency.tsv"
HEADER = (
    "# Danish word stems and how often general Danish text uses them (Zipf: log10 uses per billion\n"
    "# words), summed over the words of one stem. Built by build_danish_frequency.py from wordfreq 3.1.1's\n"
    "# Danish list (https://github.com/rspeer/wordfreq, data CC BY-SA 4.0; this table too).\n"
)
MIN_ZIPF = 1.0  # the list's floor: rarer stems are left out and read as never used (Index.specificity)


def main() -> None:
    import wordfreq

    from assistant.bm25 import tokenize

    per_stem: dict[str, float] = defaultdict(float)
    for word, freq in wordfreq.get_frequency_dict("da", wordlist="small").items():
        tokens = tokenize(word)
        if len(tokens) == 1 and tokens[0].isalpha():
            per_stem[tokens[0]] += freq
    rows = sorted(((stem, math.log10(freq * 1e9)) for stem, freq in per_stem.items()), key=lambda r: (-r[1], r[0]))
    with OUT.open("w", encoding="utf-8") as out:
        out.write(HEADER)
        for stem, zipf in rows:
            if zipf >= MIN_ZIPF:
                out.write(f"{stem}\t{zipf:.2f}\n")
    print(f"{OUT}: {sum(z >= MIN_ZIPF for _, z in rows)} stems")


if __name__ == "__main__":
    main()
