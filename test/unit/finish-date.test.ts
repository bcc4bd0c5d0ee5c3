/**
 * The table and the saved plan name the same finish months (review L10): both count from the
 * person's local date. Checked in a time zone 14 hours ahead of UTC, half an hour before midnight
 * UTC on New Year's Eve, where the local date is already the next year. (Node follows a change
 * of process.env.TZ at once.)
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { PlannedRoute } from '../../src/planner/types';
import { isoDate } from '../../src/render/context';
import { finishText } from '../../src/render/table';

const zone = process.env.TZ;
afterEach(() => {
  if (zone === undefined) delete process.env.TZ;
  else process.env.TZ = zone;
});

describe('finish dates near midnight in a far time zone (review L10)', () => {
  it('the table counts from the local date, as the saved plan does', () => {
    process.env.TZ = 'Pacific/Kiritimati';
    const now = new Date('2026-12-31T23:30:00Z');
    const route = { totals: { months: { min: 8, max: 8 }, unknownDuration: [] } } as unknown as PlannedRoute;
    expect(isoDate(now)).toBe('2027-01-01');
    // Eight months on from January 2027 is September 2027 (from the UTC date it would be August).
    expect(finishText(route, now)).toBe('Finish around September 2027');
  });
});
