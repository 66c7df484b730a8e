# Writes SERVICE/endpoint-tests-1.json in the format of AWS's published endpoint test suites, with botocore's own
# EndpointProvider as the oracle: for each service's rule set in ../shared/models (read in place, with
# ../shared/models/partitions.json), every partition's regions with FIPS and dual-stack on and off, a custom endpoint
# with and without them, and no region. Only botocore's answers are recorded; no rule set is copied.
# Usage (from this folder): pip install botocore; python3 make_endpoint_tests.py
import glob, json, os
from botocore.endpoint_provider import EndpointProvider
from botocore.exceptions import EndpointResolutionError

here = os.path.dirname(os.path.abspath(__file__))
models = os.path.normpath(os.path.join(here, "../../../../../shared/models"))
partitions = json.load(open(os.path.join(models, "partitions.json")))
services = ["apigateway", "datazone", "iot", "lambda", "sso"]  # the rest-json models with paginators (a client needs one here)
regions = ["us-east-1", "eu-west-1", "ap-southeast-7", "cn-north-1", "cn-northwest-1", "us-gov-west-1", "us-gov-east-1",
           "us-iso-east-1", "us-isob-east-1", "eu-isoe-west-1", "us-isof-south-1", "eusc-de-east-1"]
custom = "https://example.com"


def describe(params):
    where = f"region {params['Region']}" if "Region" in params else "no region"
    flags = [f"{name} {'enabled' if params[name] else 'disabled'}" for name in ("UseFIPS", "UseDualStack") if name in params]
    text = f"For {where}" + (" with " + " and ".join(flags) if flags else "")
    return text + (f" and a custom endpoint {params['Endpoint']}" if "Endpoint" in params else "")


for service in services:
    path = glob.glob(os.path.join(models, service, "*", "endpoint-rule-set-1.json"))[0]
    rules = json.load(open(path))
    provider = EndpointProvider(rules, partitions)
    declared = rules["parameters"]
    dual = [False, True] if "UseDualStack" in declared else [None]
    combos = [{"Region": r, "UseFIPS": f, "UseDualStack": d} for r in regions for f in (False, True) for d in dual]
    combos += [{"Region": "us-east-1", "UseFIPS": f, "UseDualStack": d, "Endpoint": custom} for f in (False, True) for d in dual]
    combos += [{"UseFIPS": False, "UseDualStack": d} for d in dual[:1]]
    cases = []
    for params in combos:
        params = {k: v for k, v in params.items() if v is not None}
        try:
            endpoint = provider.resolve_endpoint(**params)
            expect = {"endpoint": {"url": endpoint.url}}
            if endpoint.properties:
                expect["endpoint"]["properties"] = endpoint.properties
            if endpoint.headers:
                expect["endpoint"]["headers"] = endpoint.headers
        except EndpointResolutionError as error:
            expect = {"error": error.kwargs["msg"]}
        cases.append({"documentation": describe(params), "expect": expect, "params": params})
    os.makedirs(os.path.join(here, service), exist_ok=True)
    with open(os.path.join(here, service, "endpoint-tests-1.json"), "w") as out:
        json.dump({"testCases": cases, "version": "1.0"}, out, indent=2)
        out.write("\n")
    print(service, len(cases))
