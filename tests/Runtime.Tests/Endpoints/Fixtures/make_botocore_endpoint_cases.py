# Regenerates botocore-endpoint-cases.json: botocore's own EndpointProvider over the rule sets in ../shared/models
# (read in place, with ../shared/models/partitions.json) for random parameters: regions of every partition and some
# invalid ones, FIPS, dual-stack, custom endpoints (some malformed), and each service's other parameters.
# Only botocore's answers are recorded; the rule sets are not copied.
# Usage (from this folder): pip install botocore; python3 make_botocore_endpoint_cases.py
import glob, json, os, random
from botocore.endpoint_provider import EndpointProvider
from botocore.exceptions import EndpointResolutionError
models = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../../../../shared/models"))
partitions = json.load(open(os.path.join(models, "partitions.json")))
regions = ["us-east-1", "eu-west-1", "ap-southeast-7", "cn-north-1", "cn-northwest-1", "us-gov-west-1", "us-gov-east-1",
           "us-iso-east-1", "us-isob-east-1", "eu-isoe-west-1", "us-isof-south-1", "eusc-de-east-1", "aws-global",
           "aws-cn-global", "aws-us-gov-global", "mars-east-1", "us-east-1.example", ""]
endpoints = ["https://example.com", "http://localhost:4566/prefix", "https://127.0.0.1:8443", "https://[::1]:9000"]
strings = ["arn:aws:dynamodb:us-east-1:222233334444:table/T", "arn:aws-cn:dynamodb:cn-north-1:333344445555:table/T/index/I",
           "arn:aws:dynamodb:us-east-1::table/T", "111122223333", "not-an-arn", "preferred", "required", "disabled", ""]
random.seed(12)
cases = []
for path in sorted(glob.glob(os.path.join(models, "*", "*", "endpoint-rule-set-1.json"))):
    service = os.path.basename(os.path.dirname(os.path.dirname(path)))
    rules = json.load(open(path))
    provider = EndpointProvider(rules, partitions)
    seen = set()
    wanted = 60 if service in ("sts", "dynamodb") else 28  # the two rule sets with auth schemes and account endpoints
    while len(seen) < wanted:
        params = {}
        for name, spec in rules["parameters"].items():
            kind, builtin = spec["type"].lower(), spec.get("builtIn")
            if builtin == "AWS::Region":
                value = random.choice(regions + [None])
            elif builtin == "SDK::Endpoint":
                value = random.choice(endpoints + [None] * 4)
            elif kind == "boolean":
                value = random.choice([True, False, False, None])
            elif kind == "stringarray":
                value = random.choice([None, None, [random.choice(strings)], [random.choice(strings), random.choice(strings)]])
            else:
                value = random.choice(strings + [None] * 5)
            if value is not None:
                params[name] = value
        key = json.dumps(params, sort_keys=True)
        if key in seen:
            continue
        seen.add(key)
        try:
            endpoint = provider.resolve_endpoint(**params)
            expect = {"url": endpoint.url}
            if endpoint.properties:
                expect["properties"] = endpoint.properties
            if endpoint.headers:
                expect["headers"] = endpoint.headers
        except EndpointResolutionError as error:
            expect = {"error": error.kwargs["msg"]}
        except KeyError:
            continue  # botocore crashes on a template naming an unset parameter; the engine refuses it with a message
        cases.append({"service": service, "params": params, "expect": expect})
json.dump(cases, open("botocore-endpoint-cases.json", "w"), separators=(",", ":"))
print(len(cases), "cases")
