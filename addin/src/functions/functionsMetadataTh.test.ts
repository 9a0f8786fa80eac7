import { resolve } from 'node:path';
import { generateCustomFunctionsMetadata } from 'custom-functions-metadata';
import { FUNCTION_TEXT_TH, localizeFunctionsMetadata } from './functionsMetadataTh';

const englishMetadata = async () => {
  const meta = await generateCustomFunctionsMetadata(resolve(__dirname, 'customFunctions.ts'), false);
  expect(meta.errors).toEqual([]);
  return meta.metadataJson;
};

type Meta = { functions: { id: string; description: string; parameters: { name: string; description: string }[] }[] };

test('every custom function and argument Excel shows has its Thai description in functions.th.json', async () => {
  const english = JSON.parse(await englishMetadata()) as Meta;
  const thai = JSON.parse(localizeFunctionsMetadata(JSON.stringify(english))) as Meta;
  expect(thai.functions.map((f) => f.id)).toEqual(english.functions.map((f) => f.id));
  expect(thai.functions.map((f) => f.id).sort()).toEqual(Object.keys(FUNCTION_TEXT_TH).sort());
  for (const f of thai.functions) {
    expect([f.id, f.description]).toEqual([f.id, expect.stringMatching(/[\u0E00-\u0E7F]/)]);
    for (const p of f.parameters) expect([f.id, p.name, p.description]).toEqual([f.id, p.name, expect.stringMatching(/[\u0E00-\u0E7F]/)]);
  }
});

test('a function or an argument without Thai text fails the build, naming it', async () => {
  const json = await englishMetadata();
  const { STATUS: _dropped, ...withoutStatus } = FUNCTION_TEXT_TH;
  expect(() => localizeFunctionsMetadata(json, withoutStatus)).toThrow(/without Thai text.*STATUS/);
  const withoutPeriod = { ...FUNCTION_TEXT_TH, RECEIVED: { ...FUNCTION_TEXT_TH.RECEIVED, parameters: { form: 'ก', fiscalYear: 'ข' } } };
  expect(() => localizeFunctionsMetadata(json, withoutPeriod)).toThrow(/RECEIVED\(period\)/);
});
