import sys
nb = {}
rows = ["qwertyuiop", "asdfghjkl", "zxcvbnm"]
pos = {c: (r, i) for r, row in enumerate(rows) for i, c in enumerate(row)}
for c, (r, i) in pos.items():
    nb[c] = [rows[r2][i2] for r2 in (r - 1, r, r + 1) for i2 in (i - 1, i, i + 1)
             if 0 <= r2 < 3 and 0 <= i2 < len(rows[r2]) and (r2, i2) != (r, i) and abs(r2 - r) + abs(i2 - i) <= 1 + (r2 != r)]
out = set()
for w in open(sys.argv[1]).read().split():
    lw = w.lower()
    if len(lw) < 5: continue
    for i in range(len(lw)):
        out.add(lw[:i] + lw[i+1:])                       # deletion
        out.add(lw[:i] + lw[i] + lw[i:])                 # doubled
        for c in nb.get(lw[i], []):
            out.add(lw[:i] + c + lw[i+1:])               # neighbour key
        if i + 1 < len(lw):
            out.add(lw[:i] + lw[i+1] + lw[i] + lw[i+2:]) # transposition
    for i,ch in enumerate(lw):
        if ch in "aeiou":
            for v in "aeiouy":
                out.add(lw[:i]+v+lw[i+1:])
    out.discard(lw)
print("\n".join(sorted(out)))
