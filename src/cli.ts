#!/usr/bin/env node
import { main } from './main.js';

const stderr = { write: (text: string) => process.stderr.write(text), isTTY: process.stderr.isTTY === true, stream: process.stderr };
process.exitCode = await main(process.argv.slice(2), { stdout: process.stdout, stderr, cwd: process.cwd() });
