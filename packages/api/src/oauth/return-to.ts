const MAX_RETURN_PATH_LENGTH = 512;
const PROBE_ORIGIN = 'http://return-to.invalid';

const hasControlCharacter = (text: string) =>
  [...text].some((char) => char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f);

/**
 * Where to send the browser after signing in: a path on this site, never another origin.
 * Anything else (`//evil.example`, `https://…`, `/\evil`, control characters) becomes `/`.
 */
export function safeReturnPath(raw: string | null | undefined): string {
  if (!raw || raw.length > MAX_RETURN_PATH_LENGTH) return '/';
  // Browsers treat "\" like "/" and drop tabs and newlines, so "/\evil" or "/\t/evil" would leave the site.
  if (!raw.startsWith('/') || raw.includes('\\') || hasControlCharacter(raw)) return '/';
  let parsed: URL;
  try {
    parsed = new URL(raw, PROBE_ORIGIN);
  } catch {
    return '/';
  }
  if (parsed.origin !== PROBE_ORIGIN) return '/';
  return `${parsed.pathname}${parsed.search}${parsed.hash}`;
}
