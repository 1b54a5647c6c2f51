#!/usr/bin/env python3
"""Writes N synthetic archived posts as a tab-separated file for LOAD DATA (bench/archive-search.sh).

Words come from a fixed vocabulary of 40,000 made-up words drawn with a Zipf-like law (s = 1.1), as words of
real mail are: a few very common, most rare. Each post has a subject of 3-9 words and a body of 40-160 words
(about 0.8 KB of text on average), a sender out of 5,000, a date spread over ten years, and threads of 1-8
posts. Deterministic: the same seed gives the same archive.
Usage: archive-search-data.py N OUT.tsv VOCAB.txt
"""
import sys
import numpy as np

n = int(sys.argv[1])
out = sys.argv[2]
vocab_out = sys.argv[3]
rng = np.random.default_rng(20261121)
syll = ["ka", "lo", "mi", "ne", "ru", "sa", "te", "vo", "zi", "ba", "de", "fu", "go", "hi", "ja", "pe", "qu",
        "ri", "so", "tu", "an", "el", "in", "or", "um", "ex", "al", "on", "ar", "is"]
words = set()
while len(words) < 40000:
    k = rng.integers(2, 5)
    words.add("".join(syll[i] for i in rng.integers(0, len(syll), k)))
words = sorted(words)
rng.shuffle(words)
words = np.array(words)
ranks = np.arange(1, len(words) + 1)
p = 1.0 / ranks ** 1.1
p /= p.sum()
with open(vocab_out, "w") as v:
    for w in words:
        v.write(w + "\n")
base = 1_480_000_000  # 2016-11
chunk = 20000
with open(out, "w") as f:
    thread = 0
    left = 0
    for start in range(0, n, chunk):
        m = min(chunk, n - start)
        blen = rng.integers(40, 161, m)
        slen = rng.integers(3, 10, m)
        total = int(blen.sum() + slen.sum())
        drawn = words[rng.choice(len(words), total, p=p)]
        senders = rng.integers(0, 5000, m)
        pos = 0
        for i in range(m):
            idx = start + i + 1
            if left == 0:
                thread = idx
                left = int(rng.integers(1, 9))
            left -= 1
            subj = " ".join(drawn[pos:pos + slen[i]]); pos += slen[i]
            body = " ".join(drawn[pos:pos + blen[i]]); pos += blen[i]
            sent = base + idx * 315  # ten years over a million posts
            f.write(f"{idx}\t1\tbench-{idx}@example.test\t{idx:064x}\t{thread}\tuser{senders[i]}@example.test\t"
                    f"{subj}\t{sent}\t{body}\n")
