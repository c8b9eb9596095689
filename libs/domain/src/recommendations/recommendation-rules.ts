import { badInput } from '../errors';
import { MAX_TITLE_LENGTH } from '../import/import-parser';
import { isClosedCategory, type StateCategory } from '../workflow';

export const PRIORITIES = ['NONE', 'LOW', 'MEDIUM', 'HIGH', 'URGENT'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const MAX_DESCRIPTION_LENGTH = 50_000;
export const MAX_LABELS = 50;
export const MAX_LABEL_LENGTH = 50;

/** A trimmed, non-empty title of at most 300 characters. */
export function assertTitle(title: string | null | undefined, field = 'title'): string {
  if (typeof title !== 'string') throw badInput(field, 'a recommendation needs a title');
  const trimmed = title.trim();
  if (!trimmed) throw badInput(field, 'must not be empty');
  if (trimmed.length > MAX_TITLE_LENGTH) throw badInput(field, `must be at most ${MAX_TITLE_LENGTH} characters`);
  return trimmed;
}

/** Markdown kept as written; null reads as empty. */
export function assertDescription(description: string | null | undefined, field = 'description'): string {
  const text = description ?? '';
  if (text.length > MAX_DESCRIPTION_LENGTH) {
    throw badInput(field, `must be at most ${MAX_DESCRIPTION_LENGTH} characters`);
  }
  return text;
}

export function assertPriority(priority: string | null | undefined, field = 'priority'): Priority {
  const value = priority ?? 'NONE';
  if (!(PRIORITIES as readonly string[]).includes(value)) {
    throw badInput(field, `"${value}" is not one of ${PRIORITIES.join(', ')}`);
  }
  return value as Priority;
}

/** Trimmed labels, first occurrence kept; null reads as none. */
export function normalizeLabels(labels: readonly string[] | null | undefined, field = 'labels'): string[] {
  const result: string[] = [];
  for (const [i, raw] of (labels ?? []).entries()) {
    const label = typeof raw === 'string' ? raw.trim() : '';
    if (!label) throw badInput(`${field}[${i}]`, 'a label must not be empty');
    if (label.length > MAX_LABEL_LENGTH) {
      throw badInput(`${field}[${i}]`, `a label is at most ${MAX_LABEL_LENGTH} characters`);
    }
    if (!result.includes(label)) result.push(label);
  }
  if (result.length > MAX_LABELS) throw badInput(field, `at most ${MAX_LABELS} labels`);
  return result;
}

/** Past its deadline and still open: COMPLETED and CANCELED work is never overdue. */
export function isOverdue(dueAt: Date | null, category: StateCategory, now: Date): boolean {
  return dueAt !== null && dueAt.getTime() < now.getTime() && !isClosedCategory(category);
}
