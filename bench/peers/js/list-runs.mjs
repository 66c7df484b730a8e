// bench/run.sh's JavaScript peer: the AWS SDK for JavaScript v3 DataZone client listing every run through
// paginateListDataSourceRuns (pageSize 50) against the emulator. Prints one JSON line like bench/Consumer.
// usage: node list-runs.mjs --endpoint URL [--domain ID] [--data-source ID] [--page-size N]
import { createHash } from "node:crypto";
import { DataZoneClient, paginateListDataSourceRuns } from "@aws-sdk/client-datazone";

const args = { "--domain": "dzd_demo01", "--data-source": "demo-data-source", "--page-size": "50", "--region": "us-east-1" };
for (let i = 2; i < process.argv.length; i += 2) {
  if (!(process.argv[i] in args) && process.argv[i] !== "--endpoint") {
    console.error(`js-peer: unexpected argument '${process.argv[i]}'`);
    process.exit(2);
  }
  args[process.argv[i]] = process.argv[i + 1];
}
if (!args["--endpoint"]) {
  console.error("js-peer: --endpoint is required");
  process.exit(2);
}

const client = new DataZoneClient({
  endpoint: args["--endpoint"],
  region: args["--region"],
  credentials: { accessKeyId: "AKIAEMULATOREXAMPLE", secretAccessKey: "emulator/secret/EXAMPLEKEY" },
});

const hash = createHash("sha256");
let items = 0;
let pages = 0;
const started = process.hrtime.bigint();
const paginator = paginateListDataSourceRuns(
  { client, pageSize: Number(args["--page-size"]) },
  { domainIdentifier: args["--domain"], dataSourceIdentifier: args["--data-source"] },
);
for await (const page of paginator) {
  pages++;
  for (const run of page.items ?? []) {
    if (items > 0) hash.update("\n");
    hash.update(run.id, "utf8");
    items++;
  }
}
const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
client.destroy();

console.log(JSON.stringify({
  client: "aws-sdk-js-v3",
  items,
  pages,
  sha256: hash.digest("hex"),
  elapsedMs: Math.round(elapsedMs * 1000) / 1000,
  peakWorkingSetBytes: process.resourceUsage().maxRSS * 1024,
}));
