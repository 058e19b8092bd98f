/** Go's `time.ParseDuration`, which HEALTHCHECK's interval flags go through. */
import { goQuote } from './go-strings.ts';
import { err, ok, type Result } from './result.ts';

const UNITS: Readonly<Record<string, number>> = {
  ns: 1, us: 1e3, 'µs': 1e3, 'μs': 1e3, ms: 1e6, s: 1e9, m: 60e9, h: 3600e9,
};

/** Go's time.ParseDuration, in nanoseconds, or its error text. */
export function parseGoDuration(s: string): Result<number> {
  const orig = s;
  const invalid = `time: invalid duration ${goQuote(orig)}`;
  let neg = false;
  if (s !== '' && (s[0] === '-' || s[0] === '+')) {
    neg = s[0] === '-';
    s = s.slice(1);
  }
  if (s === '0') return ok(0);
  if (s === '') return err(invalid);
  let total = 0;
  while (s !== '') {
    const m = /^(\d*)(?:\.(\d*))?/.exec(s);
    const whole = m?.[1] ?? '';
    const frac = m?.[2];
    if (whole === '' && (frac === undefined || frac === '')) return err(invalid);
    s = s.slice(m?.[0].length ?? 0);
    const u = /^[^\d.]*/.exec(s)?.[0] ?? '';
    if (u === '') return err(`time: missing unit in duration ${goQuote(orig)}`);
    const unit = UNITS[u];
    if (unit === undefined) return err(`time: unknown unit ${goQuote(u)} in duration ${goQuote(orig)}`);
    s = s.slice(u.length);
    total += Number(`${whole || '0'}.${frac ?? ''}0`) * unit;
  }
  if (total > 2 ** 63) return err(invalid); // past Go's int64 (2^63 - 1 rounds to 2^63 as a double)
  return ok(neg ? -total : total);
}
