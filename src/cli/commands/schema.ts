// `minutes schema`: the JSON Schema of the output contract, generated from the zod
// schemas that validate every document, so the codebook can never drift from the code.
import type { Command } from 'commander';
import { z } from 'zod';
import { ExtractedDocument } from '../../schema/contract.js';

export function registerSchema(program: Command): void {
  program
    .command('schema')
    .description('print the JSON Schema (draft 2020-12) of the output documents, from the zod schemas of the contract')
    .action(() => {
      const schema = z.toJSONSchema(ExtractedDocument, { unrepresentable: 'any', io: 'output' });
      process.stdout.write(`${JSON.stringify({ title: 'minutes document', ...schema }, null, 2)}\n`);
    });
}
