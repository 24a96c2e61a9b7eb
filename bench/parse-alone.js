#!/usr/bin/env node
/**
 * The yardstick process of `npm run bench:parse`: `node bench/parse-alone.js mailparser|postal-mime FILE...`
 * parses each message file with that library alone (mailparser.simpleParser with its HTML-to-text, or
 * PostalMime.parse) and prints one JSON line per message (sender and subject), as `sigmine extract --json`
 * prints one per message. Plain JavaScript, so neither side pays a TypeScript loader.
 */
import { readFile } from 'node:fs/promises';

const [lib, ...files] = process.argv.slice(2);
let parse;
if (lib === 'mailparser') {
  const { simpleParser } = await import('mailparser');
  parse = async (bytes) => {
    const m = await simpleParser(bytes, { skipHtmlToText: false });
    return {
      from: m.from?.value?.[0]?.address ?? null,
      subject: m.subject ?? null,
      text: m.text?.length ?? 0,
    };
  };
} else if (lib === 'postal-mime') {
  const { default: PostalMime } = await import('postal-mime');
  parse = async (bytes) => {
    const m = await PostalMime.parse(bytes);
    return { from: m.from?.address ?? null, subject: m.subject ?? null, text: m.text?.length ?? 0 };
  };
} else {
  process.stderr.write('usage: parse-alone.js mailparser|postal-mime FILE...\n');
  process.exit(1);
}
for (const file of files)
  process.stdout.write(`${JSON.stringify({ file, ...(await parse(await readFile(file))) })}\n`);
