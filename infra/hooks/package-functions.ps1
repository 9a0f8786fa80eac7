# azd prepackage hook of the `api` service on Windows: the same steps as package-functions.sh.
$ErrorActionPreference = 'Stop'
Set-Location (Join-Path $PSScriptRoot '../..')

npm run package:functions
if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }

$out = 'functions/dist/deploy'
foreach ($file in 'host.json', 'package.json') {
  if (-not (Test-Path (Join-Path $out $file))) {
    Write-Error ("package-functions: $out/$file is missing; 'npm run package:functions' must write the deployable app to $out.`n" +
      "  ไม่พบ $out/$file — 'npm run package:functions' ต้องสร้างแอปที่พร้อม deploy ไว้ที่ $out")
  }
}
