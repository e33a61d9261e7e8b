#!/usr/bin/env node
// Generates the demo course's audio (listening exercises and speaking model pronunciations).
//
// Run from the repository root:
//
//   node scripts/generate-course-audio.mjs          # writes the files and prints what it wrote
//   node scripts/generate-course-audio.mjs --json   # also prints { key: { quality: durationMs } }
//
// Needs espeak-ng and sox with Ogg Vorbis support (Debian: apt-get install espeak-ng sox
// libsox-fmt-all). The outputs are committed under apps/web/public/audio/es, so nobody needs
// espeak-ng or sox to run the platform; run this only after changing the phrase list.
//
// Input: packages/domain/src/catalog/server/seed-data/audio-phrases.json, an array of
// { key, text, voice } where key is the exercise key and voice an espeak-ng voice (`es`, `es+f3` …).
// Keep it in sync with spanish-course.ts (its unit test checks that): every listening transcript
// and every speaking phrase with audio has an entry, and the course lists each file with the
// duration printed here and `speaker: 'espeak-ng:<voice>'`.
//
// Output: apps/web/public/audio/es/<key>-<quality>.ogg, mono Ogg Vorbis, for each quality:
// low = 8 kHz, medium = 16 kHz, high = 22.05 kHz. The speech is identical between runs; the bytes
// may differ (Ogg stream serial numbers are random).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const PHRASES_FILE = join(ROOT, 'packages/domain/src/catalog/server/seed-data/audio-phrases.json');
const PUBLIC_DIR = join(ROOT, 'apps/web/public');
const OUT_DIR = join(PUBLIC_DIR, 'audio/es');

/** Words per minute: a little slower than espeak-ng's 175 default, for learners. */
const SPEED = '140';
const QUALITIES = [
  { name: 'low', rate: 8000, vorbisQuality: '0' },
  { name: 'medium', rate: 16000, vorbisQuality: '3' },
  { name: 'high', rate: 22050, vorbisQuality: '5' },
];

const printJson = process.argv.includes('--json');

requireTool('espeak-ng', ['--version']);
requireTool('sox', ['--version']);
requireTool('soxi', ['-V0', '-h'], true);

const phrases = readPhrases();
mkdirSync(OUT_DIR, { recursive: true });
const workDir = mkdtempSync(join(tmpdir(), 'questline-audio-'));
const durations = {};
let totalBytes = 0;
let fileCount = 0;

try {
  for (const { key, text, voice } of phrases) {
    const source = join(workDir, `${key}.wav`);
    run('espeak-ng', ['-v', voice, '-s', SPEED, '-w', source, text]);
    durations[key] = {};
    for (const quality of QUALITIES) {
      const target = join(OUT_DIR, `${key}-${quality.name}.ogg`);
      // Trim leading/trailing silence, normalise to -1 dBFS, pad a little, then resample.
      run('sox', [
        source,
        '-C',
        quality.vorbisQuality,
        target,
        'silence',
        '1',
        '0.01',
        '0.1%',
        'reverse',
        'silence',
        '1',
        '0.01',
        '0.1%',
        'reverse',
        'norm',
        '-1',
        'pad',
        '0.15',
        '0.25',
        'rate',
        '-v',
        String(quality.rate),
        'channels',
        '1',
      ]);
      const durationMs = Math.round(Number.parseFloat(run('soxi', ['-D', target])) * 1000);
      if (!(durationMs > 0)) fail(`could not measure the duration of ${target}`);
      const bytes = statSync(target).size;
      durations[key][quality.name] = durationMs;
      totalBytes += bytes;
      fileCount += 1;
      console.log(
        `wrote ${relative(PUBLIC_DIR, target).padEnd(36)} ${String(quality.rate).padStart(5)} Hz ` +
          `${String(durationMs).padStart(5)} ms ${(bytes / 1024).toFixed(1).padStart(6)} KiB  ` +
          `${voice.padEnd(6)} ${JSON.stringify(text)}`,
      );
    }
  }
} finally {
  rmSync(workDir, { recursive: true, force: true });
}

console.log(`${fileCount} files, ${(totalBytes / 1024).toFixed(1)} KiB in ${relative(ROOT, OUT_DIR)}`);
if (printJson) console.log(JSON.stringify(durations, null, 2));

function readPhrases() {
  const parsed = JSON.parse(readFileSync(PHRASES_FILE, 'utf8'));
  if (!Array.isArray(parsed)) fail(`${PHRASES_FILE} must hold an array`);
  const seen = new Set();
  for (const entry of parsed) {
    const ok =
      entry !== null &&
      typeof entry === 'object' &&
      typeof entry.key === 'string' &&
      /^[a-z0-9-]+$/.test(entry.key) &&
      typeof entry.text === 'string' &&
      entry.text.trim() !== '' &&
      typeof entry.voice === 'string' &&
      /^[a-z-]+(\+[a-z0-9]+)?$/.test(entry.voice);
    if (!ok) fail(`invalid entry in ${PHRASES_FILE}: ${JSON.stringify(entry)}`);
    if (seen.has(entry.key)) fail(`duplicate key in ${PHRASES_FILE}: ${entry.key}`);
    seen.add(entry.key);
  }
  return parsed;
}

function run(command, args) {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  if (result.error || result.status !== 0) {
    fail(`${command} ${args.join(' ')} failed: ${result.error?.message ?? result.stderr.trim()}`);
  }
  return result.stdout;
}

function requireTool(command, args, anyStatus = false) {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  if (result.error || (!anyStatus && result.status !== 0)) {
    fail(`${command} is missing: install it (Debian/Ubuntu: apt-get install espeak-ng sox libsox-fmt-all)`);
  }
}

function fail(message) {
  console.error(`[audio] ${message}`);
  process.exit(1);
}
