// Process trees from /proc, shared with the soak.
export * from '../../../scripts/lib/process-tree.js';
