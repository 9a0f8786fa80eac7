# azd prepackage hook of the `pane` service on Windows: the same steps as build-pane.sh.
$ErrorActionPreference = 'Stop'
Set-Location (Join-Path $PSScriptRoot '../..')

$names = 'API_URL', 'PANE_URL', 'ENTRA_CLIENT_ID', 'ENTRA_TENANT_ID', 'ENTRA_API_SCOPE'
$missing = @($names | Where-Object { -not [Environment]::GetEnvironmentVariable($_) })
if ($missing.Count -gt 0) {
  Write-Error ("build-pane: not set: $($missing -join ' ')`n" +
    "  Run 'azd provision' first (it writes API_URL and PANE_URL), and 'azd env set ENTRA_CLIENT_ID <client id>'.`n" +
    "  ยังไม่ได้กำหนดค่า: $($missing -join ' ') — ให้รัน 'azd provision' ก่อน และ 'azd env set ENTRA_CLIENT_ID <client id>'")
}

npm run build:addin
if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
# '--' is quoted so PowerShell passes it on to npm instead of reading it itself.
npm run manifest '--' --base-url $env:PANE_URL
if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
# Response headers for Static Web Apps (CORS for functions.json, revalidation).
Copy-Item infra/pane/staticwebapp.config.json addin/dist/staticwebapp.config.json -Force
