/**
 * The table and the saved plan name the same finish months (review L10): both count from the
 * person's local date. Checked in a time zone 14 hours ahead of UTC, half an hour before midnight
 * UTC on New Year's Eve, where the local date is already the next year. The time zone is a
 * process's (tests run in worker threads, whose TZ cannot change), so the check runs in a child
 * Node started with TZ set (test/helpers/finish-date-check.ts, on the source through tsx).
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');

describe('finish dates near midnight in a far time zone (review L10)', () => {
  it('the table counts from the local date, as the saved plan does', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', resolve(ROOT, 'test/helpers/finish-date-check.ts')], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, TZ: 'Pacific/Kiritimati' },
    });
    expect(run.stderr).toBe('');
    const { today, finish } = JSON.parse(run.stdout) as { today: string; finish: string };
    expect(today).toBe('2027-01-01');
    // Eight months on from January 2027 is September 2027 (from the UTC date it would be August).
    expect(finish).toBe('Finish around September 2027');
  });
});
