#!/usr/bin/env node
// Our registry mirror serves only the platform packages it has (here: Linux), so `npm install`
// leaves the other platforms' optional native bindings out of package-lock.json, and `npm ci`
// then refuses the lock file as out of sync. This records each missing optional platform
// package (name, version, os, cpu, optional) as the public registry would, so `npm ci`
// accepts the lock and skips them on platforms they are not for. Run after `npm install`
// changes the lock: `node scripts/lockOptionalPlatforms.js`.
const fs = require('node:fs');
const path = require('node:path');

const LOCK = path.resolve(__dirname, '../package-lock.json');
const lock = JSON.parse(fs.readFileSync(LOCK, 'utf8'));
const OS = { android: 'android', darwin: 'darwin', freebsd: 'freebsd', linux: 'linux', win32: 'win32', openharmony: 'openharmony', wasm32: null };
const CPU = { 'arm-eabi': 'arm', arm64: 'arm64', x64: 'x64', 'arm-gnueabihf': 'arm', 'arm-musleabihf': 'arm', ia32: 'ia32', loong64: 'loong64', ppc64: 'ppc64', riscv64: 'riscv64', s390x: 's390x' };

function platformOf(name) {
  // e.g. @unrs/resolver-binding-linux-arm64-musl, @esbuild/win32-x64
  const m = /[-/](android|darwin|freebsd|linux|win32|openharmony)-([a-z0-9]+(?:-(?:eabi|gnueabihf|musleabihf))?)(?:-(gnu|musl|msvc))?$/.exec(name);
  if (!m) return null;
  const cpu = CPU[m[2]] ?? m[2];
  const libc = m[3] === 'gnu' || /gnueabihf/.test(m[2]) ? 'glibc' : m[3] === 'musl' || /musleabihf/.test(m[2]) ? 'musl' : undefined;
  return { os: [OS[m[1]]], cpu: [cpu], ...(libc ? { libc: [libc] } : {}) };
}

let added = 0;
for (const [where, pkg] of Object.entries(lock.packages)) {
  for (const [dep, version] of Object.entries(pkg.optionalDependencies ?? {})) {
    const key = `${where ? where + '/' : ''}node_modules/${dep}`;
    const hoisted = `node_modules/${dep}`;
    if (lock.packages[key] || lock.packages[hoisted]) continue;
    const platform = platformOf(dep);
    if (!platform) throw new Error(`${dep} (optional dependency of ${where || 'the root'}) is missing from the lock and is no platform binding`);
    lock.packages[hoisted] = { version, ...platform, optional: true };
    added++;
  }
}
const sorted = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))));
lock.packages = sorted;
fs.writeFileSync(LOCK, JSON.stringify(lock, null, 2) + '\n');
console.log(`package-lock.json: recorded ${added} optional platform package(s) the mirror does not serve`);
