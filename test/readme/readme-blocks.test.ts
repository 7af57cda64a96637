import { describe, expect, it } from 'vitest';
import { readmeCommands, STACK_FRAME } from './readme-blocks.js';

describe('readmeCommands', () => {
  it('takes the lines of sh readme-test blocks only, joins continued lines, and reads # exit N', () => {
    const readme = [
      '```sh',
      'npm test',
      '```',
      '```sh readme-test',
      '# a comment line',
      'node a.js ingest x   # reads x',
      '',
      'node a.js goals \\',
      '  --db y.db   # exit 2: usage',
      '```',
      '```sh readme-test',
      'echo done',
      '```',
    ].join('\n');
    expect(readmeCommands(readme)).toEqual([
      { line: 'node a.js ingest x   # reads x', readmeLine: 6, expectedStatus: 0 },
      { line: 'node a.js goals \\\n  --db y.db   # exit 2: usage', readmeLine: 8, expectedStatus: 2 },
      { line: 'echo done', readmeLine: 12, expectedStatus: 0 },
    ]);
  });
});

describe('STACK_FRAME', () => {
  it('finds a V8 stack frame, not an ordinary line', () => {
    expect(new Error('x').stack).toMatch(STACK_FRAME);
    expect('    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)').toMatch(STACK_FRAME);
    expect('minutes: no database at x.db (usage)\nok 1 · failed 0 · skipped 0').not.toMatch(STACK_FRAME);
  });
});
