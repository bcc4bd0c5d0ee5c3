/**
 * Run by test/unit/finish-date.test.ts in a child Node with TZ set (`node --import tsx
 * finish-date-check.ts`): prints the local date and the table's finish text for a fixed moment.
 */
import type { PlannedRoute } from '../../src/planner/types';
import { isoDate } from '../../src/render/context';
import { finishText } from '../../src/render/table';

const now = new Date('2026-12-31T23:30:00Z');
const route = { totals: { months: { min: 8, max: 8 }, unknownDuration: [] } } as unknown as PlannedRoute;
process.stdout.write(JSON.stringify({ today: isoDate(now), finish: finishText(route, now) }));
