// STUB: commands registered here are not built yet.
import type { Command } from 'commander';

export function registerDb(_program: Command): void {}
