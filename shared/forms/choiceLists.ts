import type { Choice, FieldDef, FormDef } from './formDef';
import { normalizeLabel } from '../text/normalizeLabel';

/** A choice list as the checker uses it: its choices in order, found by any of their labels (matched like labels). */
export class ChoiceList {
  private readonly byKey = new Map<string, Choice>();
  constructor(
    readonly id: string,
    readonly choices: readonly Choice[],
  ) {
    for (const c of choices)
      for (const label of [c.id, c.label_th, c.label_en, ...(c.aliases ?? [])]) {
        const key = normalizeLabel(label);
        if (key && !this.byKey.has(key)) this.byKey.set(key, c);
      }
  }

  /** The choice a cell's text names (case, spaces, punctuation, Thai or English), or null. */
  match(text: string): Choice | null {
    return this.byKey.get(normalizeLabel(text)) ?? null;
  }

  byId(id: string): Choice | undefined {
    return this.choices.find((c) => c.id === id);
  }
}

const memo = new WeakMap<FormDef, Map<string, ChoiceList>>();

/** A form's choice lists by id, in the order their choices are written. */
export function choiceListsOf(form: FormDef): Map<string, ChoiceList> {
  let lists = memo.get(form);
  if (!lists) {
    const byList = new Map<string, Choice[]>();
    for (const c of form.choices ?? []) byList.set(c.list, [...(byList.get(c.list) ?? []), c]);
    lists = new Map([...byList].map(([id, choices]) => [id, new ChoiceList(id, choices)]));
    memo.set(form, lists);
  }
  return lists;
}

/** The list a choice field names (none for other fields, or a list the form does not have). */
export function choiceListOf(form: FormDef, field: FieldDef): ChoiceList | undefined {
  return field.choices === undefined ? undefined : choiceListsOf(form).get(field.choices);
}
