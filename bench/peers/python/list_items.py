"""bench/run.sh's Python peer for the SSO and KMS workloads: boto3 listing SSO accounts (the list_accounts paginator,
unsigned with a bearer token, as botocore sends an operation marked authtype none) or KMS keys (list_keys, SigV4)
against the emulator. Prints one JSON line like bench/Consumer.

usage: python3 list_items.py --service sso|kms --endpoint URL [--page-size N] [--region R] [--access-token T]
"""
import argparse
import hashlib
import json
import resource
import sys
import time

import boto3
from botocore.config import Config

# Per service: botocore's client name, paginator, items key, id key, and the largest page the API allows.
LISTINGS = {
    "sso": ("sso", "list_accounts", "accountList", "accountId", 100),
    "kms": ("kms", "list_keys", "Keys", "KeyId", 1000),
}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--service", required=True, choices=sorted(LISTINGS))
    parser.add_argument("--endpoint", required=True)
    parser.add_argument("--page-size", type=int)
    parser.add_argument("--region", default="us-east-1")
    parser.add_argument("--access-token", default="bench-sso-access-token")
    args = parser.parse_args()
    name, operation, items_key, id_key, largest_page = LISTINGS[args.service]

    client = boto3.session.Session().client(
        name,
        endpoint_url=args.endpoint,
        region_name=args.region,
        aws_access_key_id="AKIAEMULATOREXAMPLE",
        aws_secret_access_key="emulator/secret/EXAMPLEKEY",
        config=Config(retries={"mode": "standard"}),
    )
    params = {"accessToken": args.access_token} if args.service == "sso" else {}

    digest = hashlib.sha256()
    items = 0
    pages = 0
    started = time.perf_counter()
    paginator = client.get_paginator(operation)
    for page in paginator.paginate(**params, PaginationConfig={"PageSize": args.page_size or largest_page}):
        pages += 1
        for item in page.get(items_key, []):
            if items:
                digest.update(b"\n")
            digest.update(item[id_key].encode("utf-8"))
            items += 1
    elapsed_ms = (time.perf_counter() - started) * 1000

    print(json.dumps({
        "client": "boto3",
        "items": items,
        "pages": pages,
        "sha256": digest.hexdigest(),
        "elapsedMs": round(elapsed_ms, 3),
        # Linux reports ru_maxrss in KiB.
        "peakWorkingSetBytes": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main())
