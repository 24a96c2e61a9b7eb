#!/usr/bin/env node
// The sigmine CLI. Sources are TypeScript run through tsx, resolved from this file's own
// node_modules so the command works from any working directory.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
