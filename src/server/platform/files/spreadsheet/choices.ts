import { choiceKey } from './text.js';

/** One value of a closed set: what is stored, and the label people read and write in the sheet. */
export interface SpreadsheetChoice<Value extends string = string> {
  value: Value;
  label: string;
  /** Other spellings accepted on import (the stored value itself is always accepted). */
  aliases?: readonly string[];
}

/** Choices from a list of values and a label for each (e.g. the contract's enum and its labels). */
export function choicesOf<Value extends string>(
  values: readonly Value[],
  labels: { [K in Value]: string },
  aliases: Partial<{ [K in Value]: readonly string[] }> = {},
): SpreadsheetChoice<Value>[] {
  return values.map((value) => ({
    value,
    label: labels[value],
    ...(aliases[value] ? { aliases: aliases[value] } : {}),
  }));
}

/** Every spelling of a column's choices, for reading cells. */
export interface ChoiceIndex {
  /** Spellings exactly as written (the common case, no normalizing needed). */
  exact: Map<string, string>;
  byKey: Map<string, string>;
  /** The labels, as a cell problem lists them. */
  labels: string;
}

export function lookUpChoice(index: ChoiceIndex, text: string): string | undefined {
  return index.exact.get(text) ?? index.byKey.get(choiceKey(text));
}

export function choiceIndex(choices: readonly SpreadsheetChoice[]): ChoiceIndex {
  const exact = new Map<string, string>();
  const byKey = new Map<string, string>();
  for (const choice of choices) {
    for (const spelling of [choice.value, choice.label, ...(choice.aliases ?? [])]) {
      exact.set(spelling, choice.value);
      byKey.set(choiceKey(spelling), choice.value);
    }
  }
  return { exact, byKey, labels: choices.map((choice) => choice.label).join('、') };
}

/** The label an export writes for a stored value (the value itself when it has none). */
export function labelOf(choices: readonly SpreadsheetChoice[], value: string): string {
  return choices.find((choice) => choice.value === value)?.label ?? value;
}
