#!/bin/sh
# azd prepackage hook of the `api` service: `npm run package:functions` writes a self-contained
# Functions app to functions/dist/deploy (host.json, package.json whose "main" is the compiled
# entry point, the compiled code and production dependencies; no workspace links), which azd zips as it is (remoteBuild: false).
set -eu
cd "$(dirname "$0")/../.."

npm run package:functions

out=functions/dist/deploy
for file in host.json package.json; do
  if [ ! -f "$out/$file" ]; then
    echo "package-functions: $out/$file is missing; 'npm run package:functions' must write the deployable app to $out." >&2
    echo "  ไม่พบ $out/$file — 'npm run package:functions' ต้องสร้างแอปที่พร้อม deploy ไว้ที่ $out" >&2
    exit 1
  fi
done
