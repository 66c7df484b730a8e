"""bench/run.sh's Python peer: boto3 listing every run through the list_data_source_runs paginator (PageSize 50)
against the emulator. Prints one JSON line like bench/Consumer.

Debian's botocore predates DataZone: run with AWS_DATA_PATH pointing at a folder with botocore's data layout
(datazone/2018-05-10/service-2.json ...), e.g. ../shared/models beside the repository.

usage: python3 list_runs.py --endpoint URL [--domain ID] [--data-source ID] [--page-size N]
"""
import argparse
import hashlib
import json
import resource
import sys
import time

import boto3
from botocore.config import Config


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--endpoint", required=True)
    parser.add_argument("--domain", default="dzd_demo01")
    parser.add_argument("--data-source", default="demo-data-source")
    parser.add_argument("--page-size", type=int, default=50)
    parser.add_argument("--region", default="us-east-1")
    args = parser.parse_args()

    client = boto3.session.Session().client(
        "datazone",
        endpoint_url=args.endpoint,
        region_name=args.region,
        aws_access_key_id="AKIAEMULATOREXAMPLE",
        aws_secret_access_key="emulator/secret/EXAMPLEKEY",
        config=Config(retries={"mode": "standard"}),
    )

    digest = hashlib.sha256()
    items = 0
    pages = 0
    started = time.perf_counter()
    paginator = client.get_paginator("list_data_source_runs")
    for page in paginator.paginate(
        domainIdentifier=args.domain,
        dataSourceIdentifier=args.data_source,
        PaginationConfig={"PageSize": args.page_size},
    ):
        pages += 1
        for run in page.get("items", []):
            if items:
                digest.update(b"\n")
            digest.update(run["id"].encode("utf-8"))
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
