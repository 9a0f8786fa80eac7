import { command, type CommandSpec, type ConnectionValues, type OptionSpecs, type OptionValues } from './args/commandLine';

// Every command's options, read by one parser (args/commandLine.ts). This file loads nothing
// but the parser: `returns --help` and a refused option cost no command's code.

const FILES = { min: 1, what_en: 'at least one file', what_th: 'ไฟล์อย่างน้อยหนึ่งไฟล์' };
const RETURN = {
  form: { kind: 'text', required: true },
  fy: { kind: 'fy', required: true },
  period: { kind: 'period', required: true },
  unit: { kind: 'unit', required: true },
  subject: { kind: 'text' },
} as const;
const INCLUDE = { kind: 'choice', choices: ['all', 'accepted'] } as const;

export const CHECK = command({
  name: 'check',
  usage: 'check <file>... [--json]          (.xlsx .xlsm .xls .ods .csv)',
  options: { json: { kind: 'flag' } },
  positionals: FILES,
});

export const UPLOAD = command({
  name: 'upload',
  usage: 'upload <file>... [--api URL] [--key KEY]',
  options: {},
  positionals: FILES,
  connects: true,
});

export const PULL = command({
  name: 'pull',
  usage: 'pull --form ID --fy 2563 [--period Q2] [--include all|accepted] [--by district|zone|region|hq] [--format xlsx|csv|json] [--layout NAME] [--out FILE] [--api URL] [--key KEY]',
  options: {
    form: { kind: 'text', required: true },
    fy: { kind: 'fy', required: true },
    period: { kind: 'period' },
    include: INCLUDE,
    by: { kind: 'choice', choices: ['district', 'zone', 'region', 'hq'] },
    format: { kind: 'choice', choices: ['xlsx', 'csv', 'json'] },
    json: { kind: 'flag' },
    layout: { kind: 'text' },
    out: { kind: 'text' },
  },
  connects: true,
});

export const ADMIN_SWEEP = command({
  name: 'admin sweep',
  usage: 'admin sweep [--grace-minutes 60]',
  options: { 'grace-minutes': { kind: 'minutes' } },
});

export const ADMIN_REBUILD = command({
  name: 'admin rebuild-tallies',
  usage: 'admin rebuild-tallies --form ID --fy 2568 [--period Q2] [--include all|accepted] [--check] [--json] [--api URL] [--key KEY]',
  options: { form: { kind: 'text', required: true }, fy: { kind: 'fy', required: true }, period: { kind: 'period' }, include: INCLUDE, check: { kind: 'flag' }, json: { kind: 'flag' } },
  connects: true,
});

export const STATUS = command({
  name: 'status',
  usage: 'status --form F --fy Y [--period P] [--json]',
  options: { form: { kind: 'text', required: true }, fy: { kind: 'fy', required: true }, period: { kind: 'period' }, json: { kind: 'flag' } },
  connects: true,
});

export const ACCEPT = command({
  name: 'accept',
  usage: 'accept --form F --fy Y --period P --unit U[,U…] [--subject S] [--version N] [--note TEXT]\n  returns accept --form F --fy Y --period P --all-clean [--note TEXT]',
  options: {
    form: { kind: 'text', required: true },
    fy: { kind: 'fy', required: true },
    period: { kind: 'period', required: true },
    unit: { kind: 'units' },
    'all-clean': { kind: 'flag' },
    subject: { kind: 'text' },
    version: { kind: 'count' },
    note: { kind: 'text' },
  },
  connects: true,
});

export const SEND_BACK = command({
  name: 'send-back',
  usage: 'send-back --form F --fy Y --period P --unit U --reason "..." [--comment CELL=TEXT ...] [--subject S] [--version N]',
  options: { ...RETURN, reason: { kind: 'text', required: true }, comment: { kind: 'text', multiple: true }, version: { kind: 'count' } },
  connects: true,
});

export const REOPEN = command({
  name: 'reopen',
  usage: 'reopen --form F --fy Y --period P --unit U --reason "..." [--subject S]',
  options: { ...RETURN, reason: { kind: 'text', required: true }, version: { kind: 'count' } },
  connects: true,
});

export const HISTORY = command({
  name: 'history',
  usage: 'history --form F --fy Y --period P --unit U [--subject S] [--json]',
  options: { ...RETURN, json: { kind: 'flag' } },
  connects: true,
});

export const EXCEPTION = command({
  name: 'exception',
  usage: 'exception --form F --fy Y --period P --unit U --reason "..."   (HQ: submit after the period closed)',
  options: { form: RETURN.form, fy: RETURN.fy, period: RETURN.period, unit: RETURN.unit, reason: { kind: 'text', required: true } },
  connects: true,
});

export const LOGIN = command({
  name: 'login',
  usage: "login [--api URL] [--tenant ID] [--client-id ID] [--scope SCOPE]   (sign in to the agency's tenant with a device code)",
  options: { api: { kind: 'text' }, tenant: { kind: 'text' }, 'client-id': { kind: 'text' }, scope: { kind: 'text' } },
});

export const LOGOUT = command({
  name: 'logout',
  usage: 'logout [--api URL] [--all]',
  options: { api: { kind: 'text' }, all: { kind: 'flag' } },
});

const DEFINITION = { min: 1, what_en: 'a definition file (.xlsx or .json)', what_th: 'ไฟล์นิยาม (.xlsx หรือ .json)' };

export const FORMS_CHECK = command({
  name: 'forms check',
  usage: 'forms check <def.xlsx|def.json> [--json]        (a definition checked as publishing checks it)',
  options: { json: { kind: 'flag' } },
  positionals: DEFINITION,
});

export const FORMS_CONVERT = command({
  name: 'forms convert',
  usage: 'forms convert <def.xlsx|def.json> --out <def.json|def.xlsx>',
  options: { out: { kind: 'text', required: true } },
  positionals: DEFINITION,
});

export const FORMS_PUBLISH = command({
  name: 'forms publish',
  usage: 'forms publish <def.xlsx|def.json> --fy 2564 [--api URL] [--key KEY]     (headquarters; from that fiscal year on)',
  options: { fy: { kind: 'fy', required: true } },
  positionals: DEFINITION,
  connects: true,
});

export const FORMS_EXPORT = command({
  name: 'forms export',
  usage: 'forms export --form ID [--fy 2564] --out <def.xlsx|def.json> [--api URL] [--key KEY]   (ID: a form, or units:CODI)',
  options: { form: { kind: 'text', required: true }, fy: { kind: 'fy' }, out: { kind: 'text', required: true } },
  connects: true,
});

export const FORMS_LIST = command({
  name: 'forms list',
  usage: 'forms list [--fy 2564] [--json] [--api URL] [--key KEY]',
  options: { fy: { kind: 'fy' }, json: { kind: 'flag' } },
  connects: true,
});

/** What a command receives: its options' values (and --api/--key when it connects) and its positional arguments. */
export interface Args<S extends OptionSpecs> {
  values: OptionValues<S> & ConnectionValues;
  positionals: string[];
}
export type ArgsOf<C> = C extends CommandSpec<infer S> ? Args<S> : never;
