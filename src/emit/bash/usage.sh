# Usage: ./deploy.sh [plan [--remove] [--json] | apply [--adopt] | remove [--yes] [--include-foreign]]
#   plan     read the LoadMaster and print, per object, create, change (the parameter, the
#            LoadMaster's value, the site's) or unchanged, and what the site does not own (foreign).
#            Only reads. Exit 0: nothing to do; 2: changes pending; 1: an error, or a problem that
#            stops apply. --dry-run is the same. With --remove: what remove would delete and keep,
#            ending "plan: N to delete, K kept" (exit 2 when N is above 0). With --json: the plan
#            as one JSON document on stdout (build-templates' schemas/plan.schema.json).
#   apply    the default: every check first (credentials, API, certificates, SSO domains, that what
#            is at the site's addresses and rule names is the site's), then only what differs is
#            written, parameter by parameter, and read back: a value the LoadMaster did not keep
#            stops the run. A second apply writes nothing. --adopt takes over what exists at the
#            site's identities without being the site's.
#   remove   delete what the site owns: its Virtual Services with their SubVSs and real servers, and
#            its content rules no Virtual Service left uses. A Virtual Service that also holds a SubVS
#            or real server the site does not name is kept with those (exit 3), and the site's
#            objects in it are deleted one by one; --include-foreign deletes it whole. Global
#            settings stay. It lists what it would delete and asks for "yes" at a terminal; --yes
#            does not ask; without a terminal and without --yes it deletes nothing.
# What the site owns: what it made, as recorded in the owned list (deploy.owned.tsv beside this
#   script, or LM_OWNED), and what --adopt took over; inside the site's Virtual Services, the SubVSs
#   and real servers the site names. Everything else is left alone.
# Exit codes (deploy.ps1's are the same): 0 done, or nothing to do; 1 an error of any kind, a usage
#   mistake or a problem that stops apply included; 2 plan: changes pending; 3 remove kept objects
#   that are not the site's (each is listed, with why).
# Environment:
#   LM_URL        the LoadMaster's API address, e.g. https://lm.example.com:8443
#   LM_USER, LM_PASSWORD   an API user and its password, or
#   LM_APIKEY     an API key
#   LM_CACERT     a CA certificate file to trust (the TLS certificate is always verified, unless
#   LM_INSECURE=1 is set, which skips the check)
#   LM_TIMEOUT    seconds one call may take (default 30)
#   LM_DELAY      seconds between calls (default 0.15: the appliance allows 30 calls in 3 s)
#   LM_OWNED      the owned list (default: deploy.owned.tsv beside this script)
# Needs bash 4.4 or later, curl and awk.
set -euo pipefail
