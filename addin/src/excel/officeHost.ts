import type { ExcelContext } from './excelApi';
import type { ExcelHost } from './excelRunner';
import type { RequirementSetName } from './requirementSets';

/**
 * The Excel host over office.js. `Excel.run`'s context is handed to the Excel layer as an
 * ExcelContext: tsc checks here that office.js's RequestContext has every member the layer
 * uses, with compatible types.
 */
export function officeHost(): ExcelHost {
  return {
    run<T>(batch: (context: ExcelContext) => Promise<T>, options: { delayForCellEdit: boolean }): Promise<T> {
      const withContext = (context: Excel.RequestContext) => batch(context);
      // Hosts before ExcelApi 1.11 do not know run options: they get the plain form.
      return options.delayForCellEdit ? Excel.run({ delayForCellEdit: true }, withContext) : Excel.run(withContext);
    },
    isSetSupported(set: RequirementSetName, version: string): boolean {
      return Office.context?.requirements?.isSetSupported(set, version) ?? false;
    },
  };
}
