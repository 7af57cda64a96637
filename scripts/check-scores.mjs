#!/usr/bin/env node
// Fails (exit 1) when the shared-corpus scores drop below the bars the issues set.
// Usage: node scripts/check-scores.mjs <score.json from score.mjs --json> [bars.json]
import { readFileSync } from 'node:fs';

const [scoreFile, barsFile = new URL('../.ci/score-bars.json', import.meta.url)] = process.argv.slice(2);
if (!scoreFile) {
  console.error('usage: check-scores.mjs <score.json> [bars.json]');
  process.exit(2);
}
const { summary } = JSON.parse(readFileSync(scoreFile, 'utf8'));
const bars = JSON.parse(readFileSync(barsFile, 'utf8'));

let failed = 0;
for (const [category, { metric, min }] of Object.entries(bars)) {
  const s = summary[category];
  const value = s ? (metric === 'f1' ? s.f : s.acc) : undefined;
  const ok = typeof value === 'number' && value >= min - 1e-9;
  if (!ok) failed++;
  const shown = typeof value === 'number' ? value.toFixed(3) : 'missing';
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${category.padEnd(18)} ${metric.padEnd(3)} ${shown} (bar ${min})`);
}
console.log(failed ? `score bars: ${failed} below the bar` : 'score bars: all met');
process.exit(failed ? 1 : 0);
