// Option values that may be repeated or comma-separated: `--year 2023,2024 --year 2025`.
import { InvalidArgumentError } from 'commander';

export const collect = (value: string, previous: string[] = []): string[] => [
  ...previous,
  ...value.split(',').map((v) => v.trim()).filter(Boolean),
];

export const collectYears = (value: string, previous: number[] = []): number[] => {
  const years = value.split(',').map((v) => Number(v.trim()));
  if (years.some((y) => !Number.isInteger(y) || y < 1900 || y > 2100)) throw new InvalidArgumentError('years are four-digit numbers, e.g. 2023');
  return [...previous, ...years];
};
