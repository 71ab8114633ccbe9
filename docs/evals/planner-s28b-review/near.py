import sys, re
def norm(s): return re.sub(r"[^a-z0-9 ]", " ", s.lower()).strip()
new = [norm(x) for x in open(sys.argv[2]).read().splitlines() if x.strip()]
def dl(a, b, k=2):
    if abs(len(a)-len(b)) > k: return k+1
    prev2 = None; prev = list(range(len(b)+1))
    for i in range(1, len(a)+1):
        cur = [i] + [0]*len(b)
        for j in range(1, len(b)+1):
            cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+(a[i-1]!=b[j-1]))
            if prev2 and i>1 and j>1 and a[i-1]==b[j-2] and a[i-2]==b[j-1]:
                cur[j] = min(cur[j], prev2[j-2]+1)
        if min(cur) > k: return k+1
        prev2, prev = prev, cur
    return prev[-1]
by = {}
for n in new: by.setdefault(n[:1], []).append(n)
out = []
for t in open(sys.argv[1]).read().splitlines():
    cands = new  # no first-letter pruning: a slip may hit the first letter
    if any(dl(t, n, int(sys.argv[3])) <= int(sys.argv[3]) for n in cands):
        out.append(t)
print("\n".join(out))
