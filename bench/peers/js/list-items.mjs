// bench/run.sh's JavaScript peer for the SSO and KMS workloads: the AWS SDK for JavaScript v3 listing SSO accounts
// (paginateListAccounts, unsigned with a bearer token) or KMS keys (paginateListKeys, SigV4) against the emulator.
// Only the client asked for is loaded, so a cold process pays for one SDK. Prints one JSON line like bench/Consumer.
// usage: node list-items.mjs --service sso|kms --endpoint URL [--page-size N] [--region R] [--access-token T]
import { createHash } from "node:crypto";

const args = { "--service": "", "--endpoint": "", "--page-size": "", "--region": "us-east-1", "--access-token": "bench-sso-access-token" };
for (let i = 2; i < process.argv.length; i += 2) {
  if (!(process.argv[i] in args) || i + 1 >= process.argv.length) {
    console.error(`js-peer: unexpected argument '${process.argv[i]}'`);
    process.exit(2);
  }
  args[process.argv[i]] = process.argv[i + 1];
}
const service = args["--service"];
if (service !== "sso" && service !== "kms") {
  console.error("js-peer: --service must be sso or kms");
  process.exit(2);
}
if (!args["--endpoint"]) {
  console.error("js-peer: --endpoint is required");
  process.exit(2);
}
// The largest page each API allows (SSO's MaxResultType, KMS's LimitType), as the .NET programs default.
const pageSize = Number(args["--page-size"] || (service === "sso" ? 100 : 1000));
const config = {
  endpoint: args["--endpoint"],
  region: args["--region"],
  credentials: { accessKeyId: "AKIAEMULATOREXAMPLE", secretAccessKey: "emulator/secret/EXAMPLEKEY" },
};

let client;
let pages;
let itemsOf;
let idOf;
if (service === "sso") {
  const { SSOClient, paginateListAccounts } = await import("@aws-sdk/client-sso");
  client = new SSOClient(config);
  pages = () => paginateListAccounts({ client, pageSize }, { accessToken: args["--access-token"] });
  itemsOf = (page) => page.accountList ?? [];
  idOf = (account) => account.accountId;
} else {
  const { KMSClient, paginateListKeys } = await import("@aws-sdk/client-kms");
  client = new KMSClient(config);
  pages = () => paginateListKeys({ client, pageSize }, {});
  itemsOf = (page) => page.Keys ?? [];
  idOf = (key) => key.KeyId;
}

const hash = createHash("sha256");
let items = 0;
let pageCount = 0;
const started = process.hrtime.bigint();
for await (const page of pages()) {
  pageCount++;
  for (const item of itemsOf(page)) {
    if (items > 0) hash.update("\n");
    hash.update(idOf(item), "utf8");
    items++;
  }
}
const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
client.destroy();

console.log(JSON.stringify({
  client: "aws-sdk-js-v3",
  items,
  pages: pageCount,
  sha256: hash.digest("hex"),
  elapsedMs: Math.round(elapsedMs * 1000) / 1000,
  peakWorkingSetBytes: process.resourceUsage().maxRSS * 1024,
}));
