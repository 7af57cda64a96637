// STUB: commands registered here are not built yet.
import type { Command } from 'commander';

export function registerCompareCommands(_program: Command): void {}
