// STUB: commands registered here are not built yet.
import type { Command } from 'commander';

export function registerIngest(_program: Command): void {}
