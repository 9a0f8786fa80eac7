#!/bin/sh
# azd prepackage hook of the `pane` service: builds addin/dist for this environment.
# azd passes its environment values (.azure/<env>/.env) to hooks: API_URL and PANE_URL come
# from `azd provision`, the ENTRA_* values from `azd env set` (or provision's outputs).
set -eu
cd "$(dirname "$0")/../.."

missing=""
for name in API_URL PANE_URL ENTRA_CLIENT_ID ENTRA_TENANT_ID ENTRA_API_SCOPE; do
  eval "value=\${$name:-}"
  [ -n "$value" ] || missing="$missing $name"
done
if [ -n "$missing" ]; then
  echo "build-pane: not set:$missing" >&2
  echo "  Run 'azd provision' first (it writes API_URL and PANE_URL), and 'azd env set ENTRA_CLIENT_ID <client id>'." >&2
  echo "  ยังไม่ได้กำหนดค่า:$missing — ให้รัน 'azd provision' ก่อน และ 'azd env set ENTRA_CLIENT_ID <client id>'" >&2
  exit 1
fi
export API_URL PANE_URL ENTRA_CLIENT_ID ENTRA_TENANT_ID ENTRA_API_SCOPE

npm run build:addin
npm run manifest -- --base-url "$PANE_URL"
# Response headers for Static Web Apps (CORS for functions.json, revalidation).
cp infra/pane/staticwebapp.config.json addin/dist/staticwebapp.config.json
