/** A form definition that cannot be used: every problem found, each naming the form and where. */
export class FormDefinitionError extends Error {
  constructor(
    readonly formId: string,
    readonly problems: readonly string[],
  ) {
    super(problems.map((p) => `Form "${formId}": ${p}`).join('\n'));
    this.name = 'FormDefinitionError';
  }
}
