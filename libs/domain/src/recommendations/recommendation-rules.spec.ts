import { DomainError } from '../errors';
import {
  assertDescription,
  assertPriority,
  assertTitle,
  isOverdue,
  MAX_LABELS,
  normalizeLabels,
} from './recommendation-rules';

function errorOf(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

describe('recommendation rules', () => {
  it('trims a title and accepts 300 characters', () => {
    expect(assertTitle('  Scale up energy trade ', 'input.title')).toBe('Scale up energy trade');
    expect(assertTitle('x'.repeat(300))).toHaveLength(300);
  });

  it.each([
    ['301 characters', 'x'.repeat(301)],
    ['blank', '   '],
    ['null', null],
  ])('refuses a title that is %s, naming the field', (_what, title) => {
    expect(errorOf(() => assertTitle(title, 'input.title'))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.title',
    });
  });

  it('reads a null description as empty and refuses a huge one', () => {
    expect(assertDescription(null)).toBe('');
    expect(errorOf(() => assertDescription('x'.repeat(50_001), 'input.description')).field).toBe('input.description');
  });

  it('defaults priority to NONE and refuses unknown ones', () => {
    expect(assertPriority(undefined)).toBe('NONE');
    expect(assertPriority('URGENT')).toBe('URGENT');
    expect(errorOf(() => assertPriority('CRITICAL', 'input.priority')).field).toBe('input.priority');
  });

  it('trims labels and drops repeats', () => {
    expect(normalizeLabels([' energy', 'trade', 'energy '])).toEqual(['energy', 'trade']);
    expect(normalizeLabels(null)).toEqual([]);
  });

  it('refuses blank, long and too many labels', () => {
    expect(errorOf(() => normalizeLabels(['ok', ' '], 'input.labels')).field).toBe('input.labels[1]');
    expect(errorOf(() => normalizeLabels(['x'.repeat(51)], 'input.labels')).field).toBe('input.labels[0]');
    const many = Array.from({ length: MAX_LABELS + 1 }, (_, i) => `l${i}`);
    expect(errorOf(() => normalizeLabels(many, 'input.labels')).field).toBe('input.labels');
  });

  describe('isOverdue', () => {
    const now = new Date('2026-03-01T09:00:00Z');
    const past = new Date('2026-02-28T09:00:00Z');
    const future = new Date('2026-03-02T09:00:00Z');

    it('is overdue past the deadline while open', () => {
      expect(isOverdue(past, 'STARTED', now)).toBe(true);
      expect(isOverdue(past, 'BACKLOG', now)).toBe(true);
    });

    it('is not overdue before the deadline, without one, or once closed', () => {
      expect(isOverdue(future, 'STARTED', now)).toBe(false);
      expect(isOverdue(null, 'STARTED', now)).toBe(false);
      expect(isOverdue(past, 'COMPLETED', now)).toBe(false);
      expect(isOverdue(past, 'CANCELED', now)).toBe(false);
    });
  });
});
