# Regenerates botocore-config-cases.json: for each handcrafted scenario (config file, credentials file, environment,
# explicit profile) records what botocore resolves: the region, the credential method (botocore defers assume-role and
# SSO, so no network is used), the configured max_attempts and retry_mode, and the URL a DataZone client would call.
# "runtimeDiffers" holds what this runtime deliberately gives instead, and "why".
# Files go in a fresh temporary HOME, with FILES beside them; "{home}" in any text stands for it. Nothing may reach the metadata addresses:
# AWS_EC2_METADATA_DISABLED is set and no container variable is ever passed.
# Usage: apt-get install python3-botocore (or pip install botocore); python3 make_botocore_config_cases.py
import json, os, tempfile, urllib.parse
import botocore, botocore.session

PROCESS = "echo '{\"Version\": 1, \"AccessKeyId\": \"AKIDPROCESS\", \"SecretAccessKey\": \"process-secret\"}'\n"
FAIL = "echo 'no credentials for you' >&2; exit 3\n"
KEYS = "aws_access_key_id = AKIDFILE\naws_secret_access_key = file-secret\n"
ENV_KEYS = {"AWS_ACCESS_KEY_ID": "AKIDENV", "AWS_SECRET_ACCESS_KEY": "env-secret"}
R = {"AWS_DEFAULT_REGION": "us-east-1"}

# Written into every scenario's home, by this script and by the test alike (the fixture carries them).
FILES = {"process.sh": PROCESS, "fail.sh": FAIL, "token": "header.payload.signature",
         ".aws/config.moved": "[default]\nregion = ap-northeast-1\n", ".aws/credentials.moved": "[default]\n" + KEYS}

def case(name, config=None, credentials=None, env=None, profile=None, differs=None):
    return {"name": name, "config": config, "credentials": credentials, "env": env or {}, "profile": profile,
            **({"runtimeDiffers": differs} if differs else {})}

CASES = [
    case("AWS_DEFAULT_REGION beats the profile", "[default]\nregion = eu-west-1\n", env={"AWS_DEFAULT_REGION": "us-west-2"}),
    case("AWS_REGION is not botocore's", "[default]\nregion = eu-west-1\n", env={"AWS_REGION": "us-west-2"},
         differs={"region": "us-west-2", "endpoint": "https://datazone.us-west-2.api.aws", "why": "the runtime reads AWS_REGION before AWS_DEFAULT_REGION, as the AWS CLI v2 and the other AWS SDKs do "
                 "(README, Checked against botocore); botocore reads only AWS_DEFAULT_REGION"}),
    case("AWS_DEFAULT_REGION alone", env={"AWS_DEFAULT_REGION": "eu-central-1"}),
    case("region from the default profile", "[default]\nregion = eu-west-1\n"),
    case("no region anywhere", "[default]\noutput = json\n"),
    case("AWS_PROFILE picks the profile", "[default]\nregion = eu-west-1\n[profile dev]\nregion = ap-south-1\n", env={"AWS_PROFILE": "dev"}),
    case("AWS_DEFAULT_PROFILE picks the profile", "[default]\nregion = eu-west-1\n[profile dev]\nregion = ap-south-1\n", env={"AWS_DEFAULT_PROFILE": "dev"}),
    case("AWS_DEFAULT_PROFILE beats AWS_PROFILE", "[profile a]\nregion = us-west-1\n[profile b]\nregion = us-west-2\n",
         env={"AWS_PROFILE": "a", "AWS_DEFAULT_PROFILE": "b"}),
    case("an explicit profile beats AWS_PROFILE", "[profile a]\nregion = us-west-1\n[profile b]\nregion = us-west-2\n",
         env={"AWS_PROFILE": "a"}, profile="b"),
    case("an explicit profile that does not exist", "[default]\nregion = eu-west-1\n", profile="missing"),
    case("AWS_PROFILE naming a profile that does not exist", "[default]\nregion = eu-west-1\n", env={"AWS_PROFILE": "missing"}),
    case("a missing AWS_PROFILE fails even with environment keys and region", "[default]\nregion = eu-west-1\n",
         env={**ENV_KEYS, "AWS_DEFAULT_REGION": "us-east-1", "AWS_PROFILE": "missing"}),
    case("spaces inside the default section header", "[ default ]\nregion = eu-west-1\n"),
    case("spaces inside the profile header", "[profile   dev]\nregion = ca-central-1\n", profile="dev"),
    case("[profile default] in the config file", "[profile default]\nregion = eu-north-1\n"),
    case("[default] and [profile default] both present", "[default]\nregion = eu-west-1\n[profile default]\nregion = eu-north-1\n"),
    case("a bare [dev] section in the config file is not a profile", "[dev]\nregion = ap-south-1\n", profile="dev"),
    case("a quoted profile name with spaces", "[profile \"my dev\"]\nregion = sa-east-1\n", profile="my dev"),
    case("spaces around the profile name", "[  profile   dev  ]\nregion = ca-central-1\n", profile="dev"),
    case("comments and blank lines in the INI",
         "# a comment\n; another\n\n[default]\n# region = us-west-2\nregion = eu-west-3 ; not a comment in botocore\n"),
    case("a continuation line in a sub-section", "[default]\nregion = us-east-2\ns3 =\n  addressing_style = path\n"),
    case("values are trimmed", "[default]\nregion =    eu-south-1   \n"),
    case("credentials file keys", credentials="[default]\n" + KEYS, env=R),
    case("config file keys", "[default]\nregion = us-east-1\n" + KEYS),
    case("the credentials file beats the config file",
         "[default]\nregion = us-east-1\naws_access_key_id = AKIDCONFIG\naws_secret_access_key = config-secret\n", "[default]\n" + KEYS),
    case("credentials file sections are plain names", "[profile dev]\nregion = us-east-1\n", "[dev]\n" + KEYS, env={"AWS_PROFILE": "dev"}),
    case("environment keys beat the files", "[default]\nregion = us-east-1\n", "[default]\n" + KEYS, env=ENV_KEYS),
    case("an explicit profile beats environment keys", "[profile dev]\nregion = us-east-1\n", "[dev]\n" + KEYS, env=ENV_KEYS, profile="dev"),
    case("AWS_PROFILE does not beat environment keys", "[profile dev]\nregion = us-east-1\n", "[dev]\n" + KEYS, env={**ENV_KEYS, "AWS_PROFILE": "dev"}),
    case("an access key without a secret in the environment", env={**R, "AWS_ACCESS_KEY_ID": "AKIDENV"}),
    case("a secret without an access key in the environment falls through", credentials="[default]\n" + KEYS,
         env={**R, "AWS_SECRET_ACCESS_KEY": "env-secret"}),
    case("an access key without a secret in the credentials file", credentials="[default]\naws_access_key_id = AKIDFILE\n", env=R),
    case("a secret without an access key in the credentials file", credentials="[default]\naws_secret_access_key = s\n", env=R),
    case("no credentials anywhere", "[default]\nregion = us-east-1\n"),
    case("assume role with a source profile",
         "[profile base]\n" + KEYS + "[profile admin]\nregion = us-east-1\nrole_arn = arn:aws:iam::123456789012:role/Admin\nsource_profile = base\n",
         profile="admin"),
    case("assume role with credential_source Environment",
         "[profile admin]\nregion = us-east-1\nrole_arn = arn:aws:iam::123456789012:role/Admin\ncredential_source = Environment\n",
         env={**ENV_KEYS, "AWS_PROFILE": "admin"}),
    case("assume role with credential_source Environment, profile chosen explicitly",
         "[profile admin]\nregion = us-east-1\nrole_arn = arn:aws:iam::123456789012:role/Admin\ncredential_source = Environment\n",
         env=ENV_KEYS, profile="admin"),
    case("SSO profile with an sso-session",
         "[profile sso]\nregion = us-east-1\nsso_session = corp\nsso_account_id = 123456789012\nsso_role_name = Reader\n"
         "[sso-session corp]\nsso_region = us-east-1\nsso_start_url = https://corp.awsapps.com/start\n", profile="sso"),
    case("legacy SSO profile",
         "[profile sso]\nregion = us-east-1\nsso_start_url = https://corp.awsapps.com/start\nsso_region = us-east-1\n"
         "sso_account_id = 123456789012\nsso_role_name = Reader\n", profile="sso"),
    case("credential_process", "[default]\nregion = us-east-1\ncredential_process = sh {home}/process.sh\n"),
    case("static keys beat credential_process in the same profile",
         "[default]\nregion = us-east-1\ncredential_process = sh {home}/process.sh\n", "[default]\n" + KEYS),
    case("a failing credential_process stops the chain", "[default]\nregion = us-east-1\ncredential_process = sh {home}/fail.sh\n",
         "[other]\n" + KEYS),
    case("a [profile dev] section in the credentials file is not profile dev", "[profile dev]\nregion = us-east-1\n",
         "[profile dev]\n" + KEYS, profile="dev"),
    case("web identity from the environment",
         env={**R, "AWS_WEB_IDENTITY_TOKEN_FILE": "{home}/token", "AWS_ROLE_ARN": "arn:aws:iam::123456789012:role/Web"}),
    case("AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE move the files", None, None,
         env={"AWS_CONFIG_FILE": "{home}/.aws/config.moved", "AWS_SHARED_CREDENTIALS_FILE": "{home}/.aws/credentials.moved"}),
    case("AWS_RETRY_MODE standard with AWS_MAX_ATTEMPTS", "[default]\nregion = us-east-1\nretry_mode = legacy\n",
         env={"AWS_RETRY_MODE": "standard", "AWS_MAX_ATTEMPTS": "2"}),
    case("use_dualstack_endpoint false", "[default]\nregion = us-east-1\nuse_dualstack_endpoint = false\n"),
    case("a profile header without a space after 'profile'", "[profiledev]\nregion = ca-central-1\n", profile="dev"),
    case("a single-quoted profile name", "[profile 'dev']\nregion = ca-central-1\n", profile="dev"),
    case("region in the credentials file", credentials="[default]\nregion = eu-west-2\n" + KEYS),
    case("an empty AWS_DEFAULT_REGION", "[default]\nregion = eu-west-1\n", env={"AWS_DEFAULT_REGION": ""},
         differs={"region": "eu-west-1", "endpoint": "https://datazone.eu-west-1.api.aws",
                  "why": "a blank variable counts as unset (IAwsEnvironment.GetVariable); botocore takes the empty region and "
                         "then fails to build a URL (README, Checked against botocore)"}),
    case("assume role whose source profile does not exist",
         "[profile admin]\nregion = us-east-1\nrole_arn = arn:aws:iam::123456789012:role/Admin\nsource_profile = nowhere\n", profile="admin"),
    case("assume role with both source_profile and credential_source",
         "[profile base]\n" + KEYS + "[profile admin]\nregion = us-east-1\nrole_arn = arn:aws:iam::123456789012:role/Admin\n"
         "source_profile = base\ncredential_source = Environment\n", profile="admin"),
    case("assume role with an unknown credential_source",
         "[profile admin]\nregion = us-east-1\nrole_arn = arn:aws:iam::123456789012:role/Admin\ncredential_source = Elsewhere\n", profile="admin"),
    case("SSO profile naming an sso-session that does not exist",
         "[profile sso]\nregion = us-east-1\nsso_session = nowhere\nsso_account_id = 123456789012\nsso_role_name = Reader\n", profile="sso",
         differs={"endpoint": "https://datazone.us-east-1.api.aws",
                  "why": "clients sign with SigV4 only and build no SSO bearer-token provider, so creating one does not read "
                         "sso_session; botocore checks it for its token provider. The credential chain still refuses the profile "
                         "(README, Checked against botocore)"}),
    case("max_attempts that is not a number", "[default]\nregion = us-east-1\nmax_attempts = lots\n"),
    case("max_attempts of zero", "[default]\nregion = us-east-1\nmax_attempts = 0\n"),
    case("setting names are case-insensitive", "[default]\nREGION = eu-west-1\n"),
    case("a section repeated in the config file", "[default]\nregion = eu-west-1\n[default]\noutput = json\n"),
    case("a setting repeated in a section", "[default]\nregion = eu-west-1\nregion = us-west-2\n"),
    case("a colon instead of an equals sign", "[default]\nregion: eu-west-1\n"),
    case("a setting before the first section", "region = us-west-2\n[default]\nregion = eu-west-1\n"),
    case("a line that is no setting", "[default]\nregion = eu-west-1\njunk\n"),
    case("an indented first setting is a setting", "[default]\n  region = eu-west-1\n"),
    case("AWS_MAX_ATTEMPTS beats max_attempts", "[default]\nregion = us-east-1\nmax_attempts = 7\n", env={"AWS_MAX_ATTEMPTS": "5"}),
    case("max_attempts from the profile", "[default]\nregion = us-east-1\nmax_attempts = 7\nretry_mode = standard\n"),
    case("retry_mode legacy", "[default]\nregion = us-east-1\nretry_mode = legacy\n",
         differs={"retryMode": "error", "endpoint": "error",
                  "why": "the runtime implements only the standard retry mode and refuses another rather than pace retries "
                 "differently (README, Checked against botocore)"}),
    case("AWS_ENDPOINT_URL", env={**R, "AWS_ENDPOINT_URL": "http://localhost:4566"}),
    case("AWS_ENDPOINT_URL_DATAZONE beats AWS_ENDPOINT_URL",
         env={**R, "AWS_ENDPOINT_URL": "http://localhost:4566", "AWS_ENDPOINT_URL_DATAZONE": "http://localhost:5000"}),
    case("a services section beats endpoint_url", "[default]\nregion = us-east-1\nendpoint_url = http://localhost:1111\nservices = local\n"
         "[services local]\ndatazone =\n  endpoint_url = http://localhost:2222\n"),
    case("a services section that does not exist", "[default]\nregion = us-east-1\nservices = nowhere\n"),
    case("AWS_ENDPOINT_URL beats a services section and endpoint_url",
         "[default]\nregion = us-east-1\nendpoint_url = http://localhost:1111\nservices = local\n"
         "[services local]\ndatazone =\n  endpoint_url = http://localhost:2222\n", env={"AWS_ENDPOINT_URL": "http://localhost:4566"}),
    case("endpoint_url from the profile", "[default]\nregion = us-east-1\nendpoint_url = http://localhost:1111/base\n"),
    case("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "[default]\nregion = us-east-1\nendpoint_url = http://localhost:1111\n",
         env={"AWS_IGNORE_CONFIGURED_ENDPOINT_URLS": "true", "AWS_ENDPOINT_URL": "http://localhost:4566"}),
    case("ignore_configured_endpoint_urls in the profile",
         "[default]\nregion = us-east-1\nendpoint_url = http://localhost:1111\nignore_configured_endpoint_urls = true\n"),
    case("use_fips_endpoint true", "[default]\nregion = us-east-1\nuse_fips_endpoint = true\n"),
    case("use_fips_endpoint TRUE in capitals", "[default]\nregion = us-east-1\nuse_fips_endpoint = TRUE\n"),
    case("use_fips_endpoint yes is not true", "[default]\nregion = us-east-1\nuse_fips_endpoint = yes\n"),
    case("AWS_USE_FIPS_ENDPOINT false beats the profile", "[default]\nregion = us-east-1\nuse_fips_endpoint = true\n",
         env={"AWS_USE_FIPS_ENDPOINT": "false"}),
    case("use_dualstack_endpoint true", "[default]\nregion = us-east-1\nuse_dualstack_endpoint = true\n"),
    case("FIPS and dual-stack from the environment", env={**R, "AWS_USE_FIPS_ENDPOINT": "true", "AWS_USE_DUALSTACK_ENDPOINT": "True"}),
    case("FIPS with a configured endpoint", env={**R, "AWS_USE_FIPS_ENDPOINT": "true", "AWS_ENDPOINT_URL": "http://localhost:4566"},
         differs={"endpoint": "error",
                  "why": "deliberate (README, Known limits): FIPS with a custom endpoint is refused with the rule set's error; botocore drops FIPS"}),
]

class Called(Exception):
    pass

def error(e):
    return {"error": type(e).__name__, "message": str(e).replace(os.environ["HOME"], "{home}")}

def record(c):
    home = tempfile.mkdtemp(prefix="dzgen-botocore-")
    sub = lambda text: text.replace("{home}", home)
    os.makedirs(os.path.join(home, ".aws"))
    for name, text in (("config", c["config"]), ("credentials", c["credentials"])):
        if text is not None:
            open(os.path.join(home, ".aws", name), "w").write(sub(text))
    for name, text in FILES.items():
        open(os.path.join(home, name), "w").write(text)
    os.environ.clear()
    os.environ.update({"HOME": home, "PATH": "/usr/bin:/bin", "AWS_EC2_METADATA_DISABLED": "true"})
    os.environ.update({k: sub(v) for k, v in c["env"].items()})
    session = botocore.session.Session(profile=c["profile"])
    result = {}
    try:
        result["region"] = session.get_config_variable("region")
    except Exception as e:
        result["region"] = error(e)
    try:
        credentials = session.get_credentials()
        result["credentials"] = credentials.method if credentials else None
    except Exception as e:
        result["credentials"] = error(e)
    # The configured values: botocore's own default mode is legacy (5 attempts), this runtime's is standard (3).
    # A mode botocore only defaulted to is recorded as null (unset), so each side keeps its own default.
    for key, name, variable in (("maxAttempts", "max_attempts", "AWS_MAX_ATTEMPTS"), ("retryMode", "retry_mode", "AWS_RETRY_MODE")):
        try:
            value = session.get_config_variable(name)
            configured = variable in os.environ or name in session.get_scoped_config()
            result[key] = value if configured else None
        except Exception as e:
            result[key] = error(e)
    try:
        # Explicit keys: only the endpoint is wanted here, never an STS or SSO call.
        client = session.create_client("datazone", aws_access_key_id="AKIDX", aws_secret_access_key="x")
        def stop(params, **_):
            raise Called(params["url"])
        client.meta.events.register("before-call.datazone.ListDomains", stop)
        try:
            client.list_domains()
        except Called as called:
            url = urllib.parse.urlsplit(str(called))
            result["endpoint"] = f"{url.scheme}://{url.netloc}{url.path[:-len('/v2/domains')]}"
    except Exception as e:
        result["endpoint"] = error(e)
    return {**c, "botocore": result}

if __name__ == "__main__":
    here = os.path.dirname(os.path.abspath(__file__))
    cases = [record(c) for c in CASES]
    with open(os.path.join(here, "botocore-config-cases.json"), "w") as out:
        json.dump({"botocore": botocore.__version__, "files": FILES, "cases": cases}, out, indent=1)
        out.write("\n")
