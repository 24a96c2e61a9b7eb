#!/usr/bin/env node
// Runs one TypeScript file (benchmarks, scripts) with tsx: `node bin/run-ts.js bench/parse.ts [args]`.
import { register } from 'tsx/esm/api';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

register();
const [file, ...rest] = process.argv.slice(2);
if (!file) {
  console.error('usage: run-ts FILE [args...]');
  process.exit(1);
}
process.argv = [process.argv[0], resolve(file), ...rest];
await import(pathToFileURL(resolve(file)).href);
