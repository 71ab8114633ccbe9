import json, sys
b=[json.loads(l) for l in open(sys.argv[1])]; m=[json.loads(l) for l in open(sys.argv[2])]
for x,y in zip(b,m):
    flag = "DIFF" if x['problems']!=y['problems'] else "    "
    print(flag, y['text'])
    if flag=="DIFF": print("   base:", x['problems'])
    print("   main:", y['problems'])
