import { findingText, type DefinitionFinding } from '../definitions/definitionMessages';

/** A form definition that cannot be used: every problem found, each naming the form and where. */
export class FormDefinitionError extends Error {
  readonly problems: readonly string[];
  constructor(
    readonly formId: string,
    readonly findings: readonly DefinitionFinding[],
  ) {
    const problems = findings.map(findingText);
    super(problems.map((p) => `Form "${formId}": ${p}`).join('\n'));
    this.problems = problems;
    this.name = 'FormDefinitionError';
  }
}
