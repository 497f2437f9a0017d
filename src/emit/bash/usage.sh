# Usage: ./deploy.sh [plan | apply | remove]
#   plan     read the LoadMaster and print, per object, create, change (the parameter, the
#            LoadMaster's value, the site's) or unchanged, and what the site does not name (foreign).
#            Only reads. Exit 0: nothing to do; 2: changes pending; 1: an error, or a problem that
#            stops apply. --dry-run is the same.
#   apply    the default: every check first (credentials, API, certificates, SSO domains, addresses),
#            then only what differs is written, parameter by parameter, and read back: a value the
#            LoadMaster did not keep stops the run. A second apply writes nothing.
#   remove   delete what the site owns: its Virtual Services (with their SubVSs and real servers) and
#            the content rules no other Virtual Service uses. Global settings stay.
# Exit codes (deploy.ps1's are the same): 0 done, or nothing to do; 1 an error of any kind, a usage
#   mistake or a problem that stops apply included; 2 plan: changes pending.
# Environment:
#   LM_URL        the LoadMaster's API address, e.g. https://lm.example.com:8443
#   LM_USER, LM_PASSWORD   an API user and its password, or
#   LM_APIKEY     an API key
#   LM_CACERT     a CA certificate file to trust (the TLS certificate is always verified, unless
#   LM_INSECURE=1 is set, which skips the check)
#   LM_TIMEOUT    seconds one call may take (default 30)
#   LM_DELAY      seconds between calls (default 0.15: the appliance allows 30 calls in 3 s)
# Needs bash 4.4 or later, curl and awk.
set -euo pipefail
