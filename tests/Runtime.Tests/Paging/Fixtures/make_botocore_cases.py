# Regenerates botocore-paging-cases.json: runs botocore's own PageIterator over the same fake
# service as FakeListService (items 0..count-1, tokens o+OFFSET/==) with random page sizes and
# chains of MaxItems runs, each resuming from the previous resume token.
# Usage: pip install botocore; python3 make_botocore_cases.py
import random, json, jmespath
from botocore.paginate import PageIterator
J=jmespath.compile
def tok(o): return f"o+{o}/=="
def service(count, default):
    def method(**kw):
        off=int(kw['nextToken'][2:-3]) if 'nextToken' in kw else 0
        size=kw.get('maxResults', default)
        r={'items':list(range(off,min(off+size,count)))}
        if off+size<count: r['nextToken']=tok(off+size)
        return r
    return method
random.seed(7); cases=[]
for _ in range(60):
    count=random.randint(0,30); d=random.randint(1,5); ps=random.choice([None,1,2,3,4]); splits=[random.randint(1,8) for _ in range(random.randint(1,5))]
    runs=[]; token=None
    for i in range(count+2):
        mi=splits[i%len(splits)]
        it=PageIterator(service(count,d),['nextToken'],[J('nextToken')],None,[J('items')],[],'maxResults' if ps else None,mi,token,ps,{})
        pages=[p['items'] for p in it]
        token=it.resume_token
        runs.append({'maxItems':mi,'pages':pages,'resume':token})
        if token is None: break
    cases.append({'count':count,'default':d,'pageSize':ps,'runs':runs})
json.dump(cases, open("botocore-paging-cases.json", "w"), separators=(",", ":"))

